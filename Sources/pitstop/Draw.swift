import ArgumentParser
import GraphvizRendering
import PitstopDiagrams
import PitstopModel

extension Pitstop {
    /// `pitstop draw FILE`: org chart and floor maps through the Graphviz C library.
    struct Draw: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the org chart and one floor map per site (SVG, PNG, PDF or DOT).",
            discussion: """
                Example:
                  pitstop draw Scenarios/pitstop.yaml
                  pitstop draw Scenarios/pitstop.yaml --chart org --group-by site --format png
                  pitstop draw Scenarios/traditional.yaml --lang da
                Writes Output/<stem>/orgchart.svg and Output/<stem>/floor-<site>.svg.
                """)

        enum Chart: String, ExpressibleByArgument, CaseIterable { case org, floor, all }

        @Argument(help: "A scenario file.")
        var file: String

        @Option(help: "Which charts: org, floor or all.")
        var chart: Chart = .all

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

        func run() throws {
            let scenario = try ScenarioInput.load(file)
            try failing {
                let folder = try OutputFolder(explicit: out, defaultName: fileStem(file))
                var written: [String] = []
                if chart != .floor {
                    var options = OrgChartOptions()
                    options.detail = detail
                    options.groupBy = groupBy
                    options.language = lang
                    let dot = OrgChart.dot(scenario, options: options)
                    written.append(try folder.write(try render(dot, layout: .dot), to: "orgchart.\(format.rawValue)"))
                }
                if chart != .org {
                    for site in scenario.sites {
                        let dot = FloorMap.dot(site: site, in: scenario, language: lang)
                        written.append(
                            try folder.write(try render(dot, layout: .nop), to: "floor-\(site.id).\(format.rawValue)"))
                    }
                }
                for path in written { print(path) }
            }
        }

        private func render(_ dot: String, layout: Layout) throws -> [UInt8] {
            do {
                return try Graphviz.render(dot: dot, layout: layout, format: format)
            } catch {
                throw CommandFailure("\(error)")
            }
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension OrgChartOptions.Detail: ExpressibleByArgument {}
extension OrgChartOptions.Grouping: ExpressibleByArgument {}
extension DiagramLanguage: ExpressibleByArgument {}
