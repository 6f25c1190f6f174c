import Foundation
import GraphvizRendering
import PitstopModel
import Testing
import _PitstopTestSupport
@testable import PitstopDiagrams

@Suite struct FloorMapTests {
    let library = TestScenarios.library
    var site: Site { library.sites[0] }

    static let overlay = FloorMapOverlay(
        zoneValues: ["entrance": 0.12, "family": 0.45, "citizen": 0.71, "quiet": 0.93, "booth": 1.2, "elsewhere": 0.5],
        title: "Mean occupancy",
        flows: [ZoneLink("entrance", "family"): 420, ZoneLink("family", "entrance"): 80, ZoneLink("entrance", "cafe"): 150,
                ZoneLink("cafe", "nowhere"): 99, ZoneLink("quiet", "quiet"): 5])

    func svg(_ dot: String) throws -> SVGInspector {
        let (output, warnings) = try Graphviz.renderReportingWarnings(dot: dot, layout: .nop, format: .svg)
        #expect(warnings.isEmpty, "Graphviz warned: \(warnings)")
        return try SVGInspector(output)
    }

    /// The x and y ranges of a node's first polygon, in SVG points.
    func box(_ id: String, in svg: String) -> (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
        guard let group = svg.firstRange(of: "<title>\(id)</title>") else { return nil }
        let rest = svg[group.upperBound...]
        guard let match = rest.firstMatch(of: /points="([^"]+)"/) else { return nil }
        let points = match.1.split(separator: " ").map { $0.split(separator: ",").compactMap { Double($0) } }
        let xs = points.map { $0[0] }, ys = points.map { $0[1] }
        return (xs.min()!...xs.max()!, ys.min()!...ys.max()!)
    }

    @Test func oneNodePerZoneWithNameAndCapacity() throws {
        let parsed = try svg(FloorMap.dot(site: site, in: library))
        #expect(parsed.nodes.map(\.title) == ["floor", "z1", "z2", "z3", "z4", "z5", "z6", "scale", "scale_label", "legend"])
        #expect(parsed.node("z1")?.texts == ["Ankomst", "cap. 30"])
        #expect(parsed.node("z2")?.texts == ["Børnefamiliens pitstop", "cap. 40"])
        #expect(parsed.node("z3")?.texts == ["Borgerservice & \"Ø\"", "cap. 12"])
        #expect(parsed.node("z5")?.texts == ["Café", "no limit"])
        // A 3 × 2.5 m booth: the name is abbreviated at the smallest size, capacity dropped.
        #expect(parsed.node("z6")?.texts == ["Samtale…"])
        #expect(parsed.node("scale_label")?.texts == ["10 m"])
        let title = try #require(parsed.groups.first { $0.kind == "graph" })
        #expect(title.texts.prefix(2) == ["Hovedbiblioteket", "Floor 60 × 40 m"])
        let legend = try #require(parsed.node("legend"))
        #expect(legend.texts == ["User perspective", "Det private menneske", "Borgeren", "Den lærende", "Shared / no perspective", "- -", "Walkable link"])
        #expect(parsed.edges.count == 6)
    }

    @Test func zonesArePinnedAtTheirMetreCoordinates() throws {
        let dot = FloorMap.dot(site: site, in: library)
        // Ankomst: 12 × 8 m at (24, 0) → centre (30, 4) m → (360, 48) pt, 2 × 1.3333 in.
        #expect(declaration(of: "z1", in: dot)?.contains("pos=\"360,48\", width=2, height=1.3333") == true)
        let svg = String(decoding: try Graphviz.render(dot: dot, layout: .nop, format: .svg), as: UTF8.self)
        let floor = try #require(box("floor", in: svg))
        let entrance = try #require(box("z1", in: svg))
        let quiet = try #require(box("z4", in: svg))
        func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 0.01 }
        #expect(near(floor.x.upperBound - floor.x.lowerBound, 720))
        #expect(near(floor.y.upperBound - floor.y.lowerBound, 480))
        #expect(near(entrance.x.lowerBound - floor.x.lowerBound, 288))
        #expect(near(entrance.x.upperBound - entrance.x.lowerBound, 144))
        // y points up in the building, down in SVG: Ankomst touches the floor's bottom edge.
        #expect(near(entrance.y.upperBound, floor.y.upperBound))
        #expect(near(quiet.y.lowerBound, floor.y.lowerBound))
    }

    @Test func heatBandsHaveTheirBoundaries() {
        let cases: [(Double, HeatBand)] = [
            (0, .quiet), (0.29, .quiet), (0.30, .comfortable), (0.59, .comfortable), (0.60, .busy),
            (0.80, .busy), (0.8001, .veryBusy), (1.5, .veryBusy),
        ]
        for (share, band) in cases { #expect(HeatBand(share: share) == band, "\(share)") }
        #expect(Set(HeatBand.allCases.map(\.fill)).count == 4)
    }

    @Test func overlayColoursZonesByBandWithTheValueAndALegend() throws {
        let dot = FloorMap.dot(site: site, in: library, overlay: Self.overlay)
        let expected: [(String, HeatBand)] = [("z1", .quiet), ("z2", .comfortable), ("z3", .busy), ("z4", .veryBusy), ("z6", .veryBusy)]
        for (id, band) in expected {
            #expect(declaration(of: id, in: dot)?.contains("fillcolor=\"\(band.fill)\"") == true, "\(id)")
        }
        let parsed = try svg(dot)
        #expect(parsed.node("z4")?.texts == ["Læsesal", "93 %", "cap. 60"])
        #expect(parsed.node("z5")?.texts == ["Café", "no data", "no limit"])
        #expect(parsed.node("z6")?.texts == ["Samtale…", "120 %"])
        let legend = try #require(parsed.node("legend"))
        for band in HeatBand.allCases { #expect(legend.texts.contains("\(band.label) (\(band.range))")) }
        #expect(legend.texts.contains("Walks a day, the main ones (max 500)"))
        let title = try #require(parsed.groups.first { $0.kind == "graph" })
        #expect(title.texts.contains("Mean occupancy · Floor 60 × 40 m"))
    }

    @Test func onlyTheMainWalksAreDrawn() throws {
        // Twelve walks from zone 1: the largest eight of those at least a tenth of the largest.
        var flows: [ZoneLink: Double] = [:]
        let ids = site.zones.map(\.id)
        for (k, other) in ids.dropFirst().enumerated() { flows[ZoneLink(ids[0], other)] = Double(100 - 10 * k) }
        flows[ZoneLink(ids[1], ids[2])] = 5  // under a tenth of 100
        let dot = FloorMap.dot(site: site, in: library, overlay: FloorMapOverlay(zoneValues: [:], flows: flows))
        let drawn = dot.split(separator: "\n").filter { $0.contains(" -- ") && $0.contains("penwidth=") && !$0.contains("dashed") }
        #expect(drawn.count == min(FloorMap.flowsShown, ids.count - 1))
        #expect(!drawn.contains { $0.contains(">5<") })
    }

        @Test func flowsAreAddedUpAndScaledToTheLargest() throws {
        let dot = FloorMap.dot(site: site, in: library, overlay: Self.overlay)
        let edges = dot.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.contains(" -- ") }
        // Links without a flow stay dashed; a flow replaces its link; unknown zones and loops are dropped.
        #expect(edges.filter { $0.contains("dashed") }.count == 4)
        let flows = edges.filter { $0.contains("penwidth=") && !$0.contains("dashed") }
        #expect(flows.count == 2)
        #expect(flows[0].hasPrefix("\"z1\" -- \"z2\" [penwidth=8,"))
        #expect(flows[0].contains("<B>500</B>"))
        #expect(flows[1].hasPrefix("\"z1\" -- \"z5\" [penwidth=3.1,"))
        let parsed = try svg(dot)
        #expect(parsed.edges.flatMap(\.texts).sorted() == ["150", "500"])
    }

    @Test func everySiteRendersDeterministically() throws {
        for site in library.sites {
            let dot = FloorMap.dot(site: site, in: library, overlay: Self.overlay)
            let first = try Graphviz.render(dot: dot, layout: .nop, format: .svg)
            #expect(try Graphviz.render(dot: dot, layout: .nop, format: .svg) == first)
            _ = try svg(dot)
        }
    }

    @Test func snapshotOfTheMainFloorMap() {
        assertSnapshot(FloorMap.dot(site: site, in: library), named: "floor-map-main")
    }

    @Test func artifactsNameEverySite() throws {
        let maps = Diagram.floorMaps(library, overlays: ["main": Self.overlay])
        #expect(maps.map(\.name) == ["floor-main", "floor-branch-1", "floor-branch-2"])
        #expect(maps.allSatisfy { $0.layout == .nop })
        #expect(maps[0].dot.contains("Mean occupancy"))
        #expect(try maps[1].render(as: .svg).count > 0)
        #expect(Diagram.orgCharts(library).map(\.name) == ["org", "org-by-site", "org-units"])
    }
}
