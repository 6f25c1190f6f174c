import ArgumentParser
import PitstopReport
import PitstopStudy

extension Pitstop {
    /// `pitstop simulate FILE`: staffing and visitor flow with replications.
    struct Simulate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Simulate staffing and visitor flow; KPIs with 95 % confidence intervals.",
            discussion: """
                Example:
                  pitstop simulate Scenarios/pitstop.yaml --days 28 --replications 20 --seed 2339
                  pitstop simulate Scenarios/pitstop.yaml --format json > results.json
                  pitstop simulate Scenarios/pitstop.yaml --set simulation.demand_scale=1.2
                Writes results.json, kpis.csv, hourly.csv, rota.csv and coverage_gaps.csv to Output/<stem>/.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

        @Argument(help: "A scenario file.")
        var file: String

        @OptionGroup var length: RunLengthOptions

        @OptionGroup var changes: ScenarioSetOptions

        @Option(help: "Output format on stdout: text, json or csv.")
        var format: Format = .text

        @Option(help: "Output folder (default Output/<file stem>/).")
        var out: String?

        @Option(help: "Language of the text summary: en or da.")
        var lang: ReportLanguage = .en

        func run() throws {
            let scenario = try ScenarioInput.load(file, sets: changes.sets)
            try failing {
                let options = try length.settings.runOptions(for: scenario)
                let progress = ProgressLine()
                let study = SimulationStudy.run(scenario, options: options, progress: progress.handler)
                progress.finish()
                let paths = try writeOutputs(study.files, out: out, defaultName: fileStem(file))
                switch format {
                case .json: Console.print(study.json)
                case .csv: Console.print(study.results.kpiCSV(), terminator: "")
                case .text:
                    Console.print(study.text(lang))
                    printError("wrote " + paths.joined(separator: ", "))
                }
            }
        }
    }
}
