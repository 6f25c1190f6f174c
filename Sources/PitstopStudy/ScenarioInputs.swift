import PitstopModel
import PitstopScenario

/// Scenarios loaded for a study, with every file's diagnostics.
public struct LoadedScenarios: Sendable {
    /// The scenarios, in the order of the paths; empty when any file has errors.
    public let scenarios: [Scenario]
    /// Every diagnostic of every file, file by file.
    public let diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Loads every file (and what it `extends`), each with the `--set`s `sets` applied, so
    /// that all problems are found in one run — with the warnings only a loaded scenario can
    /// give (``DemandWarnings``).
    public static func load(_ paths: [String], sets: [String] = []) -> LoadedScenarios {
        let results = paths.map { DemandWarnings.load(path: $0, sets: sets) }
        let diagnostics = results.flatMap(\.diagnostics)
        let scenarios = results.compactMap(\.scenario)
        let complete = scenarios.count == paths.count && !results.contains { $0.hasErrors }
        return LoadedScenarios(scenarios: complete ? scenarios : [], diagnostics: diagnostics)
    }
}
