import Foundation
import GraphvizRendering
@testable import PitstopDiagrams
import PitstopModel
import Testing

/// Writes every fixture diagram as DOT and SVG to the folder in `PITSTOP_DIAGRAM_DUMP`, to
/// look at them (`rsvg-convert -w 1600 x.svg -o x.png`). Skipped when the variable is unset.
@Suite struct DumpTests {
    /// The org chart pages of the slide-fit fixtures, with the planned and the real size.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PITSTOP_DIAGRAM_DUMP"] != nil))
    func dumpOrgChartPages() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["PITSTOP_DIAGRAM_DUMP"] ?? "/tmp")
            .appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // The journeys of the bundled pitstop scenario, in Danish with made-up figures.
        let pitstop = try SlideFitTests.load("Scenarios/pitstop.yaml")
        let figures = JourneyFigures(kpiMeans: Dictionary(uniqueKeysWithValues: pitstop.personas.map {
            ($0.id, ["visits": 40, "dialogues_requested": 8, "dialogues_served": 5, "wait_prob": 0.3, "wait_mean_min": 2.5, "abandoned": 3])
        }), note: "eksempeltal")
        for perspective in JourneyChart.perspectives(in: pitstop) {
            let dot = JourneyChart.dot(pitstop, perspective: perspective.id, results: figures, options: .init(language: .da))
            try Data(try Graphviz.render(dot: dot, format: .svg)).write(to: folder.appendingPathComponent("journeys-\(perspective.id)-da.svg"))
        }
        for path in SlideFitTests.fixtures {
            let scenario = try SlideFitTests.load(path)
            let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            for page in OrgChart.pages(scenario) {
                let svg = try Graphviz.render(dot: page.dot, format: .svg)
                let m = try SlideFitTests.measure(svg)
                print("PAGE \(stem)/\(page.name): planned \(Int(page.estimatedWidth)) × \(Int(page.estimatedHeight)), "
                      + "real \(Int(m.width)) × \(Int(m.height)), aspect \(Format.number(m.aspect)), "
                      + "smallest on slide \(Format.number(m.smallestOnSlide)), lines \(m.edges)")
                try Data(svg).write(to: folder.appendingPathComponent("\(stem)-\(page.name).svg"))
                try Data(page.dot.utf8).write(to: folder.appendingPathComponent("\(stem)-\(page.name).dot"))
            }
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["PITSTOP_DIAGRAM_DUMP"] != nil))
    func dumpFixtureDiagrams() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["PITSTOP_DIAGRAM_DUMP"] ?? "/tmp")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let library = TestScenarios.library
        var artifacts = Diagram.orgCharts(library, stackThreshold: 2) + Diagram.floorMaps(library)
        artifacts.append(DiagramArtifact(name: "wide", title: "", layout: .dot, dot: OrgChart.dot(TestScenarios.wideTeam(size: 12))))
        let overlay = FloorMapOverlay(
            zoneValues: ["entrance": 0.12, "family": 0.45, "citizen": 0.71, "quiet": 0.93, "booth": 1.2],
            title: "Mean occupancy, weekdays",
            flows: [ZoneLink("entrance", "family"): 420, ZoneLink("family", "entrance"): 80, ZoneLink("entrance", "cafe"): 150,
                    ZoneLink("cafe", "quiet"): 60, ZoneLink("entrance", "citizen"): 35])
        artifacts.append(DiagramArtifact(name: "floor-heat", title: "", layout: .nop,
                                         dot: FloorMap.dot(site: library.sites[0], in: library, overlay: overlay)))
        var other = library
        other.staff.removeAll { $0.id == "ulla" }
        other.staff.append(StaffMember(id: "new", name: "Ny Medarbejder", title: "Formidler", unit: "learning"))
        if let i = other.staff.firstIndex(where: { $0.id == "anna" }) { other.staff[i].unit = "citizen-team" }
        other.name = "Pitstop 2027"
        artifacts.append(Diagram.orgDiff(baseline: library, other: other))
        // The same in Danish, `-da` after the name.
        var danish = Diagram.orgCharts(library, stackThreshold: 2, language: .da) + Diagram.floorMaps(library, language: .da)
        var danishOverlay = overlay
        danishOverlay.title = FloorMapOverlay.defaultTitle(in: .da) + ", hverdage"
        danish.append(DiagramArtifact(name: "floor-heat", title: "", layout: .nop,
                                      dot: FloorMap.dot(site: library.sites[0], in: library, overlay: danishOverlay, language: .da)))
        danish.append(Diagram.orgDiff(baseline: library, other: other, language: .da))
        artifacts += danish.map { DiagramArtifact(name: $0.name + "-da", title: $0.title, layout: $0.layout, dot: $0.dot) }
        for artifact in artifacts {
            try Data(artifact.dot.utf8).write(to: folder.appendingPathComponent(artifact.name + ".dot"))
            let (svg, warnings) = try Graphviz.renderReportingWarnings(dot: artifact.dot, layout: artifact.layout, format: .svg)
            #expect(warnings.isEmpty, "\(artifact.name): \(warnings)")
            try Data(svg).write(to: folder.appendingPathComponent(artifact.name + ".svg"))
        }
    }
}
