import ArgumentParser
import Foundation
import PitstopModel
import PitstopReport
import PitstopStudy

extension Pitstop {
    /// `pitstop inspect FILE [--format text|json]`: organisation metrics.
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show organisation metrics: headcount, FTE, cost, layers, spans, competences.",
            discussion: """
                Example:
                  pitstop inspect Scenarios/pitstop.yaml
                  pitstop inspect Scenarios/pitstop.yaml --format json
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: "A scenario file.")
        var file: String

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        @Option(help: "Language of the text: en or da.")
        var lang: ReportLanguage = .en

        @OptionGroup var changes: ScenarioSetOptions

        func run() throws {
            let scenario = try ScenarioInput.load(file, sets: changes.sets)
            let metrics = OrgMetrics(scenario)
            switch format {
            case .json: Console.print(InspectReport(metrics).json())
            case .text: Console.print(InspectReport(metrics).text(scenario, language: lang))
            }
        }
    }
}

