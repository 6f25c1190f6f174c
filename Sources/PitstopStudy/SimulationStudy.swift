import PitstopModel
import PitstopReport
import PitstopSimulation

/// One scenario simulated: its results, the files a run writes and its text summary.
public struct SimulationStudy: Sendable {
    public let scenario: Scenario
    public let options: RunOptions
    public let results: SimulationResults

    /// Simulates `scenario` with `options`; `progress` hears of every finished replication.
    public static func run(_ scenario: Scenario, options: RunOptions, progress: ProgressHandler? = nil) -> SimulationStudy {
        let label = scenario.name
        var callback: (@Sendable (Int, Int) -> Void)?
        if let progress {
            callback = { done, total in progress(StudyProgress(label: label, done: done, total: total)) }
        }
        let results = Simulator(scenario).run(options, progress: callback)
        return SimulationStudy(scenario: scenario, options: options, results: results)
    }

    /// ``run(_:options:progress:)`` that stops between replications once `isCancelled`
    /// answers true, and then throws ``StudyError/cancelled``.
    public static func run(
        _ scenario: Scenario, options: RunOptions, progress: ProgressHandler? = nil,
        isCancelled: @escaping @Sendable () -> Bool
    ) throws(StudyError) -> SimulationStudy {
        let label = scenario.name
        var callback: (@Sendable (Int, Int) -> Void)?
        if let progress {
            callback = { done, total in progress(StudyProgress(label: label, done: done, total: total)) }
        }
        guard let results = Simulator(scenario).run(options, progress: callback, isCancelled: isCancelled) else {
            throw .cancelled
        }
        return SimulationStudy(scenario: scenario, options: options, results: results)
    }

    public init(scenario: Scenario, options: RunOptions, results: SimulationResults) {
        self.scenario = scenario
        self.options = options
        self.results = results
    }

    /// The results object of the contract (no trailing newline).
    public var json: String { results.json() }

    /// What `simulate` writes: results.json, kpis.csv, hourly.csv, rota.csv and coverage_gaps.csv.
    public var files: [OutputFile] {
        [
            OutputFile(name: "results.json", text: json + "\n"),
            OutputFile(name: "kpis.csv", text: results.kpiCSV()),
            OutputFile(name: "hourly.csv", text: results.hourlyCSV()),
            OutputFile(name: "rota.csv", text: results.rotaCSV()),
            OutputFile(name: "coverage_gaps.csv", text: results.coverageGapsCSV()),
        ]
    }

    /// The readable summary: every KPI with its interval, then the perspectives.
    public func text(_ language: ReportLanguage = .en) -> String {
        SimulationSummary(scenario: scenario, results: results, options: options, language: language).text()
    }
}

/// Formats a KPI value for text (shares as %, minutes, hours, money) with the report's
/// number format (1,234.5 in English, 1.234,5 in Danish).
public func formatKPI(_ value: Double, _ info: KPIInfo, currency: String, language: ReportLanguage = .en) -> String {
    let format = NumberFormat(language)
    switch info.kind {
    case .share: return format.number(value * 100, decimals: 1) + " %"
    case .minutes: return format.number(value, decimals: 1) + " min"
    case .hours: return format.number(value, decimals: 1) + " " + info.unit(language, currency: currency)
    case .money: return format.number(value, decimals: abs(value) < 1000 ? 1 : 0) + " " + currency
    case .count: return format.number(value, decimals: 1)
    }
}

/// The readable text summary of one simulation.
struct SimulationSummary {
    let scenario: Scenario
    let results: SimulationResults
    let options: RunOptions
    let language: ReportLanguage

    func text() -> String {
        let w = TextWords.of(language)
        var out: [String] = []
        out.append(scenario.name)
        out.append(String(repeating: "═", count: scenario.name.count))
        out.append(
            "  \(w.counted(options.replications, w.replication)) × \(w.counted(options.days, w.day))"
                + (options.warmupDays > 0 ? " (\(options.warmupDays) \(w.warmUp))" : "")
                + " · seed \(options.seed) · \(w.meansPerDay)")
        out.append("")
        var table = TextTable(header: [w.kpi, w.mean, w.interval])
        for info in KPIInfo.catalogue {
            guard let e = results.kpis[info.key] else { continue }
            let f = { formatKPI($0, info, currency: scenario.currency, language: language) }
            table.rows.append([info.name(language), f(e.mean), e.ci95.count == 2 ? "\(f(e.ci95[0])) – \(f(e.ci95[1]))" : ""])
        }
        out.append(table.render())
        out.append("")
        out.append(w.byPerspective)
        let keys = ["visits", "dialogues_requested", "served_share", "competence_match_share", "wait_mean_min", "abandoned"]
        var p = TextTable(header: [w.perspectivePerDay] + w.perspectiveColumns)
        for perspective in scenario.perspectives {
            guard let kpis = results.perspectives[perspective.id] else { continue }
            p.rows.append(
                [perspective.name]
                    + keys.map { k in
                        guard let e = kpis[k] else { return "–" }
                        return formatKPI(e.mean, KPIInfo.info(for: k), currency: scenario.currency, language: language)
                    })
        }
        out.append(p.render())
        if !results.coverageGaps.isEmpty {
            out.append("")
            out.append(w.uncovered(results.coverageGaps.count))
        }
        return out.joined(separator: "\n")
    }
}
