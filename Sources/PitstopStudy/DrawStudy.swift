import GraphvizRendering
import PitstopDiagrams
import PitstopModel

/// The diagrams of one scenario, rendered through Graphviz: the org chart and a floor map
/// per site.
public enum DrawStudy {
    /// Which charts to draw.
    public enum Charts: String, Sendable, CaseIterable {
        case org, floor, all
    }

    /// Every requested chart as a file (`orgchart.<ext>`, `floor-<site>.<ext>`), all
    /// rendered before anything is written.
    public static func files(
        _ scenario: Scenario, charts: Charts, format: OutputFormat, orgChart: OrgChartOptions,
        language: DiagramLanguage
    ) throws(StudyError) -> [OutputFile] {
        var files: [OutputFile] = []
        if charts != .floor {
            var options = orgChart
            options.language = language
            let dot = OrgChart.dot(scenario, options: options)
            files.append(OutputFile(name: "orgchart.\(format.rawValue)", bytes: try render(dot, .dot, format)))
        }
        if charts != .org {
            for site in scenario.sites {
                let dot = FloorMap.dot(site: site, in: scenario, language: language)
                files.append(OutputFile(name: "floor-\(site.id).\(format.rawValue)", bytes: try render(dot, .nop, format)))
            }
        }
        return files
    }

    static func render(_ dot: String, _ layout: Layout, _ format: OutputFormat) throws(StudyError) -> [UInt8] {
        do {
            return try Graphviz.render(dot: dot, layout: layout, format: format)
        } catch {
            throw StudyError("\(error)")
        }
    }
}
