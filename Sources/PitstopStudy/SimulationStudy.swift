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

    public init(scenario: Scenario, options: RunOptions, results: SimulationResults) {
        self.scenario = scenario
        self.options = options
        self.results = results
    }

    /// The results object of the contract (no trailing newline).
    public var json: String { results.json() }

    /// What `simulate` writes: results.json, kpis.csv, rota.csv and coverage_gaps.csv.
    public var files: [OutputFile] {
        [
            OutputFile(name: "results.json", text: json + "\n"),
            OutputFile(name: "kpis.csv", text: results.kpiCSV()),
            OutputFile(name: "rota.csv", text: results.rotaCSV()),
            OutputFile(name: "coverage_gaps.csv", text: results.coverageGapsCSV()),
        ]
    }

    /// The readable summary: every KPI with its interval, then the perspectives.
    public var text: String {
        SimulationSummary(scenario: scenario, results: results, options: options).text()
    }
}

/// Formats a KPI value for text (shares as %, minutes, hours, money).
public func formatKPI(_ value: Double, _ info: KPIInfo, currency: String) -> String {
    switch info.kind {
    case .share: return Number.fixed(value * 100, 1) + " %"
    case .minutes: return Number.fixed(value, 1) + " min"
    case .hours: return Number.fixed(value, 1) + " h"
    case .money: return Number.grouped(value, decimals: abs(value) < 1000 ? 1 : 0) + " " + currency
    case .count: return Number.fixed(value, 1)
    }
}

/// Numbers in the text output: the report's own formatter, in English (1,234.5).
enum Number {
    private static let format = NumberFormat(.en)

    static func grouped(_ value: Double, decimals: Int = 0) -> String { format.number(value, decimals: decimals) }
    static func fixed(_ value: Double, _ decimals: Int) -> String { format.number(value, decimals: decimals) }
}

/// "1 unit", "3 units".
func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
}

/// The readable text summary of one simulation.
struct SimulationSummary {
    let scenario: Scenario
    let results: SimulationResults
    let options: RunOptions

    func text() -> String {
        var out: [String] = []
        out.append(scenario.name)
        out.append(String(repeating: "═", count: scenario.name.count))
        out.append(
            "  \(counted(options.replications, "replication")) × \(counted(options.days, "day"))"
                + (options.warmupDays > 0 ? " (\(options.warmupDays) warm-up)" : "")
                + " · seed \(options.seed) · means per day with 95 % confidence intervals")
        out.append("")
        var table = TextTable(header: ["KPI", "Mean", "95 % interval"])
        for info in KPIInfo.catalogue {
            guard let e = results.kpis[info.key] else { continue }
            let f = { formatKPI($0, info, currency: scenario.currency) }
            table.rows.append([info.englishName, f(e.mean), e.ci95.count == 2 ? "\(f(e.ci95[0])) – \(f(e.ci95[1]))" : ""])
        }
        out.append(table.render())
        out.append("")
        out.append("By user perspective")
        let columns = [("visits", "Visits"), ("dialogues_requested", "Dialogues asked"), ("served_share", "Served"),
                       ("competence_match_share", "Right competence"), ("wait_mean_min", "Mean wait"),
                       ("abandoned", "Gave up")]
        let keys = columns.map(\.0)
        var p = TextTable(header: ["Perspective (per day)"] + columns.map(\.1))
        for perspective in scenario.perspectives {
            guard let kpis = results.perspectives[perspective.id] else { continue }
            p.rows.append(
                [perspective.name]
                    + keys.map { k in
                        guard let e = kpis[k] else { return "–" }
                        return formatKPI(e.mean, KPIInfo.info(for: k), currency: scenario.currency)
                    })
        }
        out.append(p.render())
        if !results.coverageGaps.isEmpty {
            out.append("")
            out.append(
                "  \(results.coverageGaps.count) uncovered rota periods in replication 1 (see coverage_gaps.csv)")
        }
        return out.joined(separator: "\n")
    }
}
