import GraphvizRendering
import PitstopDiagrams
import PitstopModel

/// The diagrams of one scenario, rendered through Graphviz: the org chart (and its pages), a
/// floor map per site and the journeys of each user perspective.
public enum DrawStudy {
    /// Which charts to draw.
    public enum Charts: String, Sendable, CaseIterable {
        case org, floor, journeys, all
    }

    /// Every requested chart as a file — `orgchart.<ext>` (and `orgchart-<page>.<ext>` when
    /// the organisation is paged to fit a slide), `floor-<site>.<ext>`,
    /// `journeys-<perspective>.<ext>` — all rendered before anything is written.
    public static func files(
        _ scenario: Scenario, charts: Charts, format: OutputFormat, orgChart: OrgChartOptions,
        language: DiagramLanguage
    ) throws(StudyError) -> [OutputFile] {
        var files: [OutputFile] = []
        if charts == .org || charts == .all {
            var options = orgChart
            options.language = language
            let dot = OrgChart.dot(scenario, options: options)
            files.append(OutputFile(name: "orgchart.\(format.rawValue)", bytes: try render(dot, .dot, format)))
            let pages = OrgChart.pages(scenario, options: options)
            if pages.count > 1 {
                for page in pages {
                    files.append(OutputFile(name: "orgchart-\(page.name).\(format.rawValue)", bytes: try render(page.dot, .dot, format)))
                }
            }
        }
        if charts == .floor || charts == .all {
            for site in scenario.sites {
                let dot = FloorMap.dot(site: site, in: scenario, language: language)
                files.append(OutputFile(name: "floor-\(site.id).\(format.rawValue)", bytes: try render(dot, .nop, format)))
            }
        }
        if charts == .journeys || charts == .all {
            for perspective in JourneyChart.perspectives(in: scenario) {
                let dot = JourneyChart.dot(scenario, perspective: perspective.id, options: .init(language: language))
                files.append(OutputFile(name: "journeys-\(perspective.id).\(format.rawValue)", bytes: try render(dot, .dot, format)))
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
