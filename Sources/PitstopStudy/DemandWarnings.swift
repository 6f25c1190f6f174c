import Foundation
import PitstopModel
import PitstopScenario
import PitstopSimulation

/// Warnings that need more than the file: checks of a loaded scenario against its own rota.
public enum DemandWarnings {
    /// Below this share of all dialogue requests, never-servable demand is not worth a warning.
    public static let threshold = 0.005
    /// How many personas the warning names.
    static let namedPersonas = 5

    /// Loads `path` with its `--set`s and adds the warnings of ``add(to:)``: what
    /// `validate` and every run see.
    public static func load(path: String, sets: [String] = []) -> LoadResult {
        var result = ScenarioLoader.load(path: path, sets: sets)
        add(to: &result, path: path)
        return result
    }

    /// Adds a warning when dialogue requests fall in hours or zones where nobody is ever on
    /// duty: the share of all requests that no staffing of the current rota can serve, and
    /// so the highest served share it could reach. The warning stands at the `dialogue` of
    /// the persona who makes the most such requests; the notes name the personas. When that
    /// is in a base the file at `path` extends, a note says which scenario it is about.
    public static func add(to result: inout LoadResult, path: String? = nil) {
        guard let scenario = result.scenario, !result.hasErrors else { return }
        let never = UnservableDemand(scenario)
        guard let share = never.share, share >= threshold,
              let highest = never.highestServedShare else { return }
        let worst = never.personas.filter { $0.unservablePerWeek > 0 }
            .sorted { $0.unservablePerWeek > $1.unservablePerWeek }
        guard let first = worst.first else { return }
        let message = "\(percent(share)) of all dialogue requests (\(count(never.overall.unservablePerWeek)) "
            + "of \(count(never.overall.requestsPerWeek)) a week) are made where and when nobody is ever on duty; "
            + "no staffing of this rota can serve more than \(percent(highest))"
        var notes = worst.prefix(namedPersonas).map { part in
            "'\(part.persona)': \(percent(part.share ?? 0)) of its \(count(part.requestsPerWeek)) requests a week"
        }
        if worst.count > namedPersonas { notes.append("and \(worst.count - namedPersonas) more personas") }
        notes.append("staff those hours and zones (a shift or rule there), or change the personas' hours or dialogue zone")
        let at = "personas.\(first.persona).dialogue"
        if let path, let file = result.location(of: at)?.file, file != path {
            notes.insert("this is the scenario of '\(path)', which takes this persona from '\(file)'", at: 0)
        }
        result.addWarning(message, notes: notes, at: at)
    }

    private static func percent(_ share: Double) -> String {
        String(format: "%.1f %%", share * 100)
    }

    private static func count(_ value: Double) -> String {
        value >= 10 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }
}
