import GraphvizRendering
import PitstopModel

/// One drawing of a scenario, ready to render or save.
public struct DiagramArtifact: Sendable, Hashable {
    /// A file stem safe for file names: `org`, `org-units`, `org-by-site`, `floor-<site id>`.
    public var name: String
    /// A human title ("Org chart", "Floor map: Hovedbiblioteket"), in the diagram's language.
    public var title: String
    public var layout: Layout
    public var dot: String

    public init(name: String, title: String, layout: Layout, dot: String) {
        self.name = name
        self.title = title
        self.layout = layout
        self.dot = dot
    }

    /// Renders the drawing (``OutputFormat/dot`` returns the DOT text).
    public func render(as format: OutputFormat) throws(RenderError) -> [UInt8] {
        try Graphviz.render(dot: dot, layout: layout, format: format)
    }
}

/// Convenience entry points over the DOT builders and the Graphviz wrapper.
public enum Diagram {
    /// Renders DOT text; see ``Graphviz/render(dot:layout:format:)``.
    public static func render(_ dot: String, layout: Layout, format: OutputFormat) throws(RenderError) -> [UInt8] {
        try Graphviz.render(dot: dot, layout: layout, format: format)
    }

    /// The org charts of a scenario: by unit, by site and units only.
    public static func orgCharts(
        _ scenario: Scenario, stackThreshold: Int = 6, language: DiagramLanguage = .en
    ) -> [DiagramArtifact] {
        let words = DiagramWords(language)
        return [
            DiagramArtifact(name: "org", title: words.orgChartTitle, layout: .dot,
                            dot: OrgChart.dot(scenario, options: .init(stackThreshold: stackThreshold, idPrefix: "org", language: language))),
            DiagramArtifact(name: "org-by-site", title: words.orgChartBySiteTitle, layout: .dot,
                            dot: OrgChart.dot(scenario, options: .init(
                                groupBy: .site, stackThreshold: stackThreshold, idPrefix: "orgsite", language: language))),
            DiagramArtifact(name: "org-units", title: words.unitsTitle, layout: .dot,
                            dot: OrgChart.dot(scenario, options: .init(detail: .units, idPrefix: "units", language: language))),
        ]
    }

    /// One floor map per site, in site order (`floor-<site id>`).
    public static func floorMaps(
        _ scenario: Scenario, overlays: [String: FloorMapOverlay] = [:], language: DiagramLanguage = .en
    ) -> [DiagramArtifact] {
        let words = DiagramWords(language)
        return scenario.sites.enumerated().map { index, site in
            let stem = DOTWriter.sanitisedID(site.id)
            return DiagramArtifact(
                name: "floor-\(stem)", title: words.floorMapTitle(site.name), layout: .nop,
                dot: FloorMap.dot(site: site, in: scenario, overlay: overlays[site.id], idPrefix: "floor\(index + 1)",
                                  language: language))
        }
    }

    /// The org-diff chart of `other` against `baseline` (`org-diff`).
    public static func orgDiff(baseline: Scenario, other: Scenario, language: DiagramLanguage = .en) -> DiagramArtifact {
        DiagramArtifact(name: "org-diff", title: DiagramWords(language).orgChangesTitle, layout: .dot,
                        dot: OrgDiffChart.dot(baseline: baseline, other: other, idPrefix: "diff", language: language))
    }
}
