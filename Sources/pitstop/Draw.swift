import ArgumentParser
import GraphvizRendering
import PitstopDiagrams
import PitstopStudy

extension Pitstop {
    /// `pitstop draw FILE`: org chart and floor maps through the Graphviz C library.
    struct Draw: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the org chart, one floor map per site and the journeys of each perspective (SVG, PNG, PDF or DOT).",
            discussion: """
                Example:
                  pitstop draw Scenarios/pitstop.yaml
                  pitstop draw Scenarios/pitstop.yaml --chart org --group-by site --format png
                  pitstop draw Scenarios/traditional.yaml --lang da
                  pitstop draw Scenarios/pitstop.yaml --chart journeys
                Writes Output/<stem>/orgchart.svg (and orgchart-<page>.svg when the organisation
                is paged to fit a slide), floor-<site>.svg and journeys-<perspective>.svg.
                """)

        @Argument(help: "A scenario file.")
        var file: String

        @Option(help: "Which charts: org, floor, journeys or all.")
        var chart: DrawStudy.Charts = .all

        @Option(help: "Output format: svg, png, pdf or dot.")
        var format: OutputFormat = .svg

        @Option(help: "Org chart detail: people, or units only (headcount and FTE).")
        var detail: OrgChartOptions.Detail = .people

        @Option(name: .customLong("group-by"), help: "Cluster the org chart by unit, or by site (where people work).")
        var groupBy: OrgChartOptions.Grouping = .unit

        @Option(help: "Language of the diagrams' words: en or da.")
        var lang: DiagramLanguage = .en

        @Option(help: "Output folder (default Output/<file stem>/).")
        var out: String?

        @OptionGroup var changes: ScenarioSetOptions

        func run() throws {
            let scenario = try ScenarioInput.load(file, sets: changes.sets)
            try failing {
                var options = OrgChartOptions()
                options.detail = detail
                options.groupBy = groupBy
                let files = try DrawStudy.files(scenario, charts: chart, format: format, orgChart: options, language: lang)
                for path in try writeOutputs(files, out: out, defaultName: fileStem(file)) { Console.print(path) }
            }
        }
    }
}

extension DrawStudy.Charts: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension OrgChartOptions.Detail: ExpressibleByArgument {}
extension OrgChartOptions.Grouping: ExpressibleByArgument {}
extension DiagramLanguage: ExpressibleByArgument {}
