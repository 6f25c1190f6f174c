import ArgumentParser
import Foundation
import GraphvizRendering
import PitstopDiagrams
import PitstopModel
import PitstopReport
import PitstopScenario
import PitstopSimulation

extension Pitstop {
    /// `pitstop compare A B [C …]`: scenarios side by side on the same simulated visitors.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare scenarios on the same visitors: paired differences, org changes, heat maps, a report.",
            discussion: """
                Example:
                  pitstop compare Scenarios/traditional.yaml Scenarios/pitstop.yaml --lang da
                  pitstop            (the same as: pitstop compare \(Compare.bundled.joined(separator: " ")))
                The first scenario is the baseline. Writes report.html, comparison.json and
                comparison.csv to Output/<stem A>-vs-<stem B>/.
                """)

        /// What `pitstop` with no arguments compares.
        static let bundled = ["Scenarios/traditional.yaml", "Scenarios/pitstop.yaml"]

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json, csv }

        @Argument(help: "Scenario files; the first is the baseline. Default: the bundled scenarios.")
        var files: [String] = []

        @OptionGroup var length: RunLengthOptions

        @Option(help: "Output format on stdout: text, markdown, json or csv.")
        var format: Format = .text

        @Option(help: "Output folder (default Output/<stem A>-vs-<stem B>/).")
        var out: String?

        @Option(help: "Language of the report and summary: en or da.")
        var lang: ReportLanguage = .en

        func validate() throws {
            if files.count == 1 { throw ValidationError("compare needs at least two scenario files") }
        }

        func run() throws {
            let paths = files.isEmpty ? Compare.bundled.map(Compare.locateBundled) : files
            // Load every file first so that all diagnostics are printed in one run.
            let loaded = paths.map { ScenarioLoader.load(path: $0) }
            for result in loaded { ScenarioInput.report(result.diagnostics) }
            guard loaded.allSatisfy({ !$0.hasErrors }) else { throw ExitCode.failure }
            let scenarios = loaded.compactMap(\.scenario)
            guard scenarios.count == paths.count else { throw ExitCode.failure }

            try failing {
                let options = try length.runOptions(for: scenarios[0])
                // File stems name the output files, so they must differ too (`x`, `x-2`).
                let stems = Comparison.unique(paths.map(fileStem), separator: "-")
                let folder = try OutputFolder(explicit: out, defaultName: stems.joined(separator: "-vs-"))
                let names = Comparison.uniqueNames(scenarios.map(\.name), stems: stems)

                var results: [SimulationResults] = []
                for (scenario, name) in zip(scenarios, names) {
                    let progress = ProgressLine(name)
                    var r = Simulator(scenario).run(options, progress: progress.callback)
                    progress.finish()
                    r.scenario = name
                    results.append(r)
                }
                let comparison = Comparison(
                    scenarios: scenarios, names: names, stems: stems, files: paths, results: results,
                    options: options, language: lang)

                // Everything is made first; only then is anything written.
                let artefacts = try comparison.renderDiagrams()
                let input = comparison.reportInput(artefacts)
                let html = HTMLReport.render(input)
                let json = comparison.json()
                let csv = comparison.csv()
                for (name, svg) in artefacts.files { try folder.write(svg, to: name) }
                let reportPath = try folder.write(html, to: "report.html")
                try folder.write(json + "\n", to: "comparison.json")
                try folder.write(csv, to: "comparison.csv")

                switch format {
                case .json: print(json)
                case .csv: print(csv, terminator: "")
                case .markdown:
                    print(ComparisonTable.markdown(input))
                    printError("report: \(reportPath)")
                case .text:
                    print(ComparisonTable.text(input))
                    print("Report: \(reportPath)")
                }
            }
        }

        /// A bundled scenario path: relative to the working folder, else to the package the
        /// executable was built in (found by walking up from `.build/…/pitstop`).
        static func locateBundled(_ path: String) -> String {
            if FileManager.default.fileExists(atPath: path) { return path }
            // Walk up from the executable (as called, then with links resolved) to the package.
            let called = URL(fileURLWithPath: CommandLine.arguments[0]).absoluteURL
            for start in [called, called.resolvingSymlinksInPath()] {
                var folder = start.deletingLastPathComponent()
                for _ in 0..<6 {
                    let candidate = folder.appendingPathComponent(path).path
                    if FileManager.default.fileExists(atPath: candidate) { return candidate }
                    folder.deleteLastPathComponent()
                }
            }
            return path
        }
    }
}

extension ReportLanguage: ExpressibleByArgument {}
