import Foundation
import PitstopModel
import PitstopScenario

/// The whole of `pitstop import` and `pitstop calibrate` short of writing: read the CSV,
/// load the base, build the YAML, and check that it loads as it stands.
public enum ImportFile {
    /// What an import produced: the YAML (nil when there is an error), every diagnostic,
    /// and lines for the user (how the file was read, what was left out).
    public struct Outcome: Sendable {
        public var yaml: String?
        public var diagnostics: [Diagnostic]
        public var summary: [String]
    }

    /// `pitstop import HR.csv [--map …] [--out FILE] [--extends BASE] [--on-cost F]`.
    /// `out` (the output file, or nil for standard output) places the `extends:` path.
    public static func hr(csv: String, out: String?, extends basePath: String?, mappings: [ColumnMapping], onCost: Double) -> Outcome {
        var base: (String, Scenario)?
        if let basePath {
            let loaded = ScenarioLoader.load(path: basePath)
            guard let scenario = loaded.scenario else { return Outcome(yaml: nil, diagnostics: loaded.diagnostics, summary: []) }
            base = (relativePath(basePath, from: out), scenario)
        }
        let table: CSVTable
        switch CSVTable.read(path: csv) {
        case .success(let t): table = t
        case .failure(let problem): return Outcome(yaml: nil, diagnostics: [problem.diagnostic], summary: [])
        }
        let result = HRImport(options: .init(mappings: mappings, onCost: onCost, base: base)).run(table)
        var summary = ["\(csv): \(result.reading)"]
        if !result.unmappedColumns.isEmpty {
            summary.append("not imported: " + result.unmappedColumns.map { "'\($0.header)' (column \($0.column))" }.joined(separator: ", ")
                           + " — name a column with --map COLUMN=FIELD")
        }
        guard let yaml = result.yaml else { return Outcome(yaml: nil, diagnostics: result.diagnostics, summary: summary) }
        // An overlay is loaded on its base before it is written (the base's shifts, rules and
        // references must still resolve). A stand-alone scenario holds only what the import
        // has checked — slug ids, resolved references, no cycle, fte and cost in range — and
        // the tests load every kind of it; re-reading it would double the time of a large import.
        let checked = base == nil ? (hasErrors: false, diagnostics: []) : check(yaml, out: out)
        summary.append("\(result.people) \(result.people == 1 ? "person" : "people") imported" + (out.map { " into \($0)" } ?? ""))
        return Outcome(yaml: checked.hasErrors ? nil : yaml, diagnostics: result.diagnostics + checked.diagnostics, summary: summary)
    }

    /// Loads the YAML as the file `out` would be (so that `extends` resolves as it will).
    static func check(_ yaml: String, out: String?) -> (hasErrors: Bool, diagnostics: [Diagnostic]) {
        let path = out ?? "standard-output.yaml"
        let loaded = ScenarioLoader.load(yaml: yaml, path: path)
        guard loaded.hasErrors else { return (false, loaded.diagnostics) }
        let note = Diagnostic(severity: .error, location: nil,
                              message: "the file made from the CSV does not load as it stands (above); nothing was written")
        return (true, loaded.diagnostics + [note])
    }

    /// `path` as written in a file at `out`: relative to its folder (to the current folder
    /// for standard output), so that the two can move together.
    static func relativePath(_ path: String, from out: String?) -> String {
        let folder = out.map { ($0 as NSString).deletingLastPathComponent } ?? "."
        return ScenarioPaths.relativePath(from: folder.isEmpty ? "." : folder, to: path)
    }
}

extension ImportFile {
    /// How well one site's fitted profile reproduces its counts.
    public struct FitReport: Sendable {
        /// "Hovedbiblioteket (main): 400,120 visits a year, 364 days counted".
        public var title: String
        /// Day, hour, observed mean, fitted, relative error — every open hour with visitors.
        public var rows: [[String]]
        public var notes: [String]
    }

    /// `pitstop calibrate COUNTS.csv [--extends BASE] [--out FILE]`.
    public static func calibrate(counts: String, out: String?, extends basePath: String?) -> (outcome: Outcome, reports: [FitReport]) {
        var base: (String, Scenario)?
        if let basePath {
            let loaded = ScenarioLoader.load(path: basePath)
            guard let scenario = loaded.scenario else { return (Outcome(yaml: nil, diagnostics: loaded.diagnostics, summary: []), []) }
            base = (relativePath(basePath, from: out), scenario)
        }
        let table: CSVTable
        switch CSVTable.read(path: counts) {
        case .success(let t): table = t
        case .failure(let problem): return (Outcome(yaml: nil, diagnostics: [problem.diagnostic], summary: []), [])
        }
        var problems = Problems(table: table)
        let doorCounts = DoorCounts.read(table, sites: base?.1.sites.map { ($0.id, $0.name) } ?? [], &problems)
        if !problems.hasErrors, doorCounts.sites.isEmpty { problems.error("the file holds no counts", row: 1, column: 1) }
        guard !problems.hasErrors else { return (Outcome(yaml: nil, diagnostics: problems.sorted, summary: []), []) }
        let calibration = Calibration.fit(doorCounts, base: base?.1)
        // A site the base never opens has no hours to fit a profile to: say so, rather
        // than write a profile of zeros that does not load.
        for fit in calibration.sites where fit.open.joined().allSatisfy({ $0 == 0 }) {
            problems.error(
                "the base never opens site '\(fit.site)' (\(fit.name)): it has no open_hours or staffed_hours, so every count falls in closed hours",
                row: 1, column: 1,
                notes: ["give the site its hours in the base (or an overlay) first, then calibrate again"])
        }
        guard !problems.hasErrors else { return (Outcome(yaml: nil, diagnostics: problems.sorted, summary: []), []) }
        let yaml = calibration.overlay(countsFile: counts, base: base)
        let expectation = base.map { calibration.scenarioExpectation($0.1) }
        var reports: [FitReport] = []
        for (fit, site) in zip(calibration.sites, doorCounts.sites) {
            let fitted = fit.fitted
            var rows: [[String]] = []
            var worst = 0.0, sumError = 0.0, cells = 0
            let peak = fitted.joined().max() ?? 0
            for day in Weekday.allCases {
                for h in 0..<24 where fit.open[day.rawValue][h] > 0 && (fit.observed[day.rawValue][h] > 0 || fitted[day.rawValue][h] > 0) {
                    let o = fit.observed[day.rawValue][h], f = fitted[day.rawValue][h]
                    let error = o > 0 ? (f - o) / o : .infinity
                    if f >= peak / 10, error.isFinite {
                        worst = max(worst, abs(error))
                        sumError += abs(error)
                        cells += 1
                    }
                    rows.append([day.key, String(format: "%02d:00", h), String(format: "%.1f", o), String(format: "%.1f", f),
                                 error.isFinite ? String(format: "%+.1f %%", error * 100) : "–"])
                }
            }
            let counted = site.days.reduce(0, +)
            var notes = [String(format: "In the hours above a tenth of the peak the fit is off by %.1f %% on average, %.1f %% at most", sumError / Double(max(cells, 1)) * 100, worst * 100)
                         + " (counting noise, and the day-by-hour pattern a profile of hours × days cannot hold)."]
            if !fit.closedCells.isEmpty {
                let cells = fit.closedCells.prefix(8).map { "\($0.day.key) \(String(format: "%02d:00", $0.hour)) (\(String(format: "%.1f", $0.mean)) a day)" }
                notes.append("Counted while the site is closed: " + cells.joined(separator: ", ") + (fit.closedCells.count > 8 ? " and \(fit.closedCells.count - 8) more hours" : "")
                             + " — \(formatNumber(fit.closedVisitsPerYear)) visits a year left out; check the counter or the site's hours.")
            }
            if let expected = expectation?[fit.site] {
                var deviation = 0.0
                for d in 0..<7 { for h in 0..<24 where fitted[d][h] >= peak / 10 { deviation = max(deviation, abs(expected[d][h] - fitted[d][h]) / fitted[d][h]) } }
                let others = base?.1.personas.filter { p in
                    p.demand.sites.contains(fit.site) && !(calibration.personaDemands(base!.1).first { $0.id == p.id }?.profile == fit.profileID)
                }.map(\.id) ?? []
                notes.append(String(format: "The calibrated scenario's arrivals here are within %.1f %% of the fit", deviation * 100)
                             + (others.isEmpty ? "." : "; \(others.count) of its personas come more to another site and follow that site's profile"
                                + " (a persona has one profile): " + others.prefix(6).joined(separator: ", ") + (others.count > 6 ? ", …" : "") + "."))
            }
            reports.append(FitReport(
                title: "\(fit.name) (\(fit.site)): \(formatNumber(fit.visitsPerYear)) visits a year, \(counted) days counted",
                rows: rows, notes: notes))
        }
        var summary = ["\(counts): \(table.encoding.rawValue), \(table.separator == "\t" ? "tab" : "'\(table.separator)'") separated"]
        guard base != nil else {
            summary.append("without --extends the file holds the fitted profiles only; add --extends YOUR-SCENARIO.yaml for an overlay")
            return (Outcome(yaml: yaml, diagnostics: [], summary: summary), reports)
        }
        let checked = check(yaml, out: out)
        return (Outcome(yaml: checked.hasErrors ? nil : yaml, diagnostics: checked.diagnostics, summary: summary), reports)
    }
}
