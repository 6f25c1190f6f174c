import ArgumentParser
import Foundation
import PitstopModel
import PitstopReport
import PitstopSimulation

/// Run-length options shared by `simulate` and `compare`; they override the scenario's
/// `simulation:` block.
struct RunLengthOptions: ParsableArguments {
    @Option(help: "Simulated days per replication.")
    var days: Int?

    @Option(help: "Number of replications.")
    var replications: Int?

    @Option(help: "Random seed.")
    var seed: UInt64?

    @Option(help: "Parallel jobs (default: all cores). Results do not depend on it.")
    var jobs: Int?

    func validate() throws {
        if let days, days < 1 { throw ValidationError("--days must be at least 1") }
        if let replications, replications < 2 {
            throw ValidationError("--replications must be at least 2 (confidence intervals need two)")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// The run options for a scenario: its `simulation:` block with the command line on top.
    func runOptions(for scenario: Scenario) throws -> RunOptions {
        var settings = scenario.simulation
        if let days { settings.days = days }
        if let replications { settings.replications = replications }
        if let seed { settings.seed = seed }
        if settings.warmupDays >= settings.days {
            throw CommandFailure(
                "warm-up (\(settings.warmupDays) days) leaves nothing of a \(settings.days)-day run; use more --days")
        }
        return RunOptions(settings, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    }
}

/// Progress on stderr, only on a terminal and only once a run has taken a second.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private let label: String
    private var shown = false

    init(_ label: String) { self.label = label }

    var callback: (@Sendable (Int, Int) -> Void)? {
        guard standardErrorIsTerminal else { return nil }
        return { [self] done, total in update(done, total) }
    }

    private func update(_ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard Date().timeIntervalSince(start) > 1 else { return }
        shown = true
        FileHandle.standardError.write(Data("\r\(label): replication \(done)/\(total)\u{1B}[K".utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

extension Pitstop {
    /// `pitstop simulate FILE`: staffing and visitor flow with replications.
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Simulate staffing and visitor flow; KPIs with 95 % confidence intervals.",
            discussion: """
                Example:
                  pitstop simulate Scenarios/pitstop.yaml --days 28 --replications 20 --seed 2339
                  pitstop simulate Scenarios/pitstop.yaml --format json > results.json
                Writes results.json, kpis.csv, rota.csv and coverage_gaps.csv to Output/<stem>/.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

        @Argument(help: "A scenario file.")
        var file: String

        @OptionGroup var length: RunLengthOptions

        @Option(help: "Output format on stdout: text, json or csv.")
        var format: Format = .text

        @Option(help: "Output folder (default Output/<file stem>/).")
        var out: String?

        func run() throws {
            let scenario = try ScenarioInput.load(file)
            try failing {
                let options = try length.runOptions(for: scenario)
                let folder = try OutputFolder(explicit: out, defaultName: fileStem(file))
                let progress = ProgressLine(scenario.name)
                let results = Simulator(scenario).run(options, progress: progress.callback)
                progress.finish()
                let json = results.json()
                try folder.write(json + "\n", to: "results.json")
                try folder.write(results.kpiCSV(), to: "kpis.csv")
                try folder.write(results.rotaCSV(), to: "rota.csv")
                try folder.write(results.coverageGapsCSV(), to: "coverage_gaps.csv")
                switch format {
                case .json: print(json)
                case .csv: print(results.kpiCSV(), terminator: "")
                case .text:
                    print(SimulationSummary(scenario: scenario, results: results, options: options).text())
                    printError("wrote \(folder.url.relativePath)/results.json, kpis.csv, rota.csv, coverage_gaps.csv")
                }
            }
        }
    }
}

/// Formats a KPI value for the text summary (shares as %, minutes, hours, money).
func formatKPI(_ value: Double, _ info: KPIInfo, currency: String) -> String {
    switch info.kind {
    case .share: return Number.fixed(value * 100, 1) + " %"
    case .minutes: return Number.fixed(value, 1) + " min"
    case .hours: return Number.fixed(value, 1) + " h"
    case .money: return Number.grouped(value, decimals: abs(value) < 1000 ? 1 : 0) + " " + currency
    case .count: return Number.fixed(value, 1)
    }
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
