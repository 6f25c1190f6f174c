import GraphvizRendering
import PitstopModel

/// One drawing of a scenario, ready to render or save.
public struct DiagramArtifact: Sendable, Hashable {
    /// A file stem safe for file names: `org`, `org-units`, `org-by-site`, `floor-<site id>`.
    public var name: String
    /// A human title ("Org chart", "Floor map: Hovedbiblioteket").
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
    public static func orgCharts(_ scenario: Scenario, stackThreshold: Int = 6) -> [DiagramArtifact] {
        [
            DiagramArtifact(name: "org", title: "Org chart", layout: .dot,
                            dot: OrgChart.dot(scenario, options: .init(stackThreshold: stackThreshold, idPrefix: "org"))),
            DiagramArtifact(name: "org-by-site", title: "Org chart by site", layout: .dot,
                            dot: OrgChart.dot(scenario, options: .init(groupBy: .site, stackThreshold: stackThreshold, idPrefix: "orgsite"))),
            DiagramArtifact(name: "org-units", title: "Units", layout: .dot,
                            dot: OrgChart.dot(scenario, options: .init(detail: .units, idPrefix: "units"))),
        ]
    }

    /// One floor map per site, in site order (`floor-<site id>`).
    public static func floorMaps(_ scenario: Scenario, overlays: [String: FloorMapOverlay] = [:]) -> [DiagramArtifact] {
        scenario.sites.enumerated().map { index, site in
            let stem = DOTWriter.sanitisedID(site.id)
            return DiagramArtifact(
                name: "floor-\(stem)", title: "Floor map: \(site.name)", layout: .nop,
                dot: FloorMap.dot(site: site, in: scenario, overlay: overlays[site.id], idPrefix: "floor\(index + 1)"))
        }
    }

    /// The org-diff chart of `other` against `baseline` (`org-diff`).
    public static func orgDiff(baseline: Scenario, other: Scenario) -> DiagramArtifact {
        DiagramArtifact(name: "org-diff", title: "Org changes", layout: .dot,
                        dot: OrgDiffChart.dot(baseline: baseline, other: other, idPrefix: "diff"))
    }
}
