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
        #expect(parsed.nodes.prefix(7).map(\.title) == ["floor", "z1", "z2", "z3", "z4", "z5", "z6"])
        #expect(parsed.node("z1")?.texts == ["Ankomst", "cap. 30"])
        #expect(parsed.node("z2")?.texts == ["Børnefamiliens pitstop", "cap. 40"])
        #expect(parsed.node("z3")?.texts == ["Borgerservice & \"Ø\"", "cap. 12"])
        #expect(parsed.node("z5")?.texts == ["Café", "no limit"])
        // A 3 × 2.5 m booth is too small for its name at 8 pt: labelled outside, in full.
        #expect(parsed.node("z6")?.texts == [])
        #expect(parsed.node("n6")?.texts == ["Samtalerum Østerbro", "cap. 2"])
        #expect(parsed.node("scale_label")?.texts == ["10 m"])
        let title = try #require(parsed.groups.first { $0.kind == "graph" })
        #expect(title.texts.prefix(2) == ["Hovedbiblioteket", "Floor 60 × 40 m"])
        let legend = try #require(parsed.node("legend"))
        #expect(legend.texts == ["User perspective", "Det private menneske", "Borgeren", "Den lærende", "Shared / no perspective", "Walkway (door or passage)"])
        // Six walkways and the booth's leader line.
        #expect(parsed.edges.count == 7)
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
        #expect(parsed.node("n6")?.texts == ["Samtalerum Østerbro", "120 %\u{A0}", "· cap. 2"])
        let legend = try #require(parsed.node("legend"))
        for band in HeatBand.allCases { #expect(legend.texts.contains("\(band.label) (\(band.range))")) }
        #expect(legend.texts.contains("Walks a day, the main ones (max 500)"))
        let title = try #require(parsed.groups.first { $0.kind == "graph" })
        #expect(title.texts.contains("Mean occupancy · Floor 60 × 40 m"))
    }

    /// The lines of walkway marks of one colour (`w…a -- w…b`).
    func marks(in dot: String, colour: String) -> [String] {
        dot.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("\"w") && $0.contains(" -- ") && $0.contains("color=\"\(colour)") }
    }

    @Test func onlyTheMainWalksAreDrawn() throws {
        // Twelve walks from zone 1: the largest eight of those at least a tenth of the largest.
        var flows: [ZoneLink: Double] = [:]
        let ids = site.zones.map(\.id)
        for (k, other) in ids.dropFirst().enumerated() { flows[ZoneLink(ids[0], other)] = Double(100 - 10 * k) }
        flows[ZoneLink(ids[1], ids[2])] = 5  // under a tenth of 100
        let dot = FloorMap.dot(site: site, in: library, overlay: FloorMapOverlay(zoneValues: [:], flows: flows))
        #expect(marks(in: dot, colour: FloorMapBuilder.flowColour).count == min(FloorMap.flowsShown, ids.count - 1))
        #expect(!dot.contains("<B>5</B>"))
    }

    @Test func flowsAreAddedUpAndScaledToTheLargest() throws {
        let dot = FloorMap.dot(site: site, in: library, overlay: Self.overlay)
        // Links without a flow stay grey marks; a flow replaces its link; unknown zones and loops are dropped.
        #expect(marks(in: dot, colour: FloorMapBuilder.walkwayColour).count == 4)
        let flows = marks(in: dot, colour: FloorMapBuilder.flowColour)
        #expect(flows.count == 2)
        #expect(flows[0].contains("[penwidth=9,"))  // 420 + 80 between Ankomst and the family pitstop: the largest
        #expect(flows[1].contains("[penwidth=4.1,"))  // 150 of 500
        let parsed = try svg(dot)
        #expect(parsed.node("w5n")?.texts == ["500"])
        #expect(parsed.node("w6n")?.texts == ["150"])
    }

    /// The straight segments of the SVG's edges: first and last point of each path.
    func edgeSegments(_ svg: String) -> [(title: String, from: (Double, Double), to: (Double, Double))] {
        var result: [(String, (Double, Double), (Double, Double))] = []
        for group in svg.split(separator: "<g id=").dropFirst() where group.contains("class=\"edge\"") {
            guard let title = group.firstMatch(of: /<title>([^<]*)<\/title>/),
                  let path = group.firstMatch(of: /\sd="([^"]+)"/) else { continue }
            let numbers = path.1.matches(of: /-?[0-9]+(?:\.[0-9]+)?/).compactMap { Double($0.output) }
            guard numbers.count >= 4 else { continue }
            result.append((String(title.1), (numbers[0], numbers[1]), (numbers[numbers.count - 2], numbers[numbers.count - 1])))
        }
        return result
    }

    @Test func walkwaysAreVisibleMarksAcrossTheSharedWall() throws {
        let dot = FloorMap.dot(site: site, in: library)
        let text = String(decoding: try Graphviz.render(dot: dot, layout: .nop, format: .svg), as: UTF8.self)
        let walkways = edgeSegments(text).filter { $0.title.hasPrefix("w") }
        #expect(walkways.count == 6)
        for segment in walkways {
            let length = ((segment.to.0 - segment.from.0) * (segment.to.0 - segment.from.0)
                + (segment.to.1 - segment.from.1) * (segment.to.1 - segment.from.1)).squareRoot()
            #expect(length >= FloorMap.minimumWalkwayLength - 0.2, "\(segment.title): \(length) pt")
        }
        // Side by side on the bundled main floor: a 14 pt horizontal mark centred on the wall
        // between the café (x 0–16 m) and the arrival (x 16–30 m), halfway up what they share.
        let rects = [Rect(x0: 0, y0: 0, x1: 160, y1: 120), Rect(x0: 160, y0: 0, x1: 300, y1: 100)]
        let door = walkwaySegment(rects[0], rects[1], minimumLength: 14, inset: 5)
        #expect(door.start.x == 153 && door.end.x == 167 && door.start.y == 50 && door.end.y == 50)
        // A corridor between two zones: across the gap, reaching 5 pt into both, a quarter of the
        // way along what they share (clear of the labels in the middle of the zones between).
        let across = walkwaySegment(Rect(x0: 0, y0: 0, x1: 50, y1: 50), Rect(x0: 0, y0: 90, x1: 50, y1: 140), minimumLength: 14, inset: 5)
        #expect(across.start == (x: 12.5, y: 45) && across.end == (x: 12.5, y: 95))
    }

    @Test func noTextOnAFloorMapIsSmallerThanTheMinimum() throws {
        var tiny = TestScenarios.mainSite
        tiny.zones.append(Zone(id: "nook", name: "Læsenichen ved vinduet mod gården", capacity: .limited(1),
                               at: Point(x: 56, y: 37), size: Point(x: 1, y: 1)))
        tiny.links.append(ZoneLink("nook", "cafe"))
        for overlay in [nil, Self.overlay] {
            let text = String(decoding: try Graphviz.render(
                dot: FloorMap.dot(site: tiny, in: library, overlay: overlay), layout: .nop, format: .svg), as: UTF8.self)
            let sizes = text.matches(of: /font-size="([0-9.]+)"/).compactMap { Double($0.1) }
            #expect(!sizes.isEmpty)
            #expect(sizes.allSatisfy { $0 >= FloorMap.minimumLabelSize }, "\(sizes.sorted().prefix(3))")
        }
    }

    @Test func aZoneTooSmallForItsNameIsLabelledOutsideWithALeaderLine() throws {
        var tiny = TestScenarios.mainSite
        tiny.zones.append(Zone(id: "nook", name: "Læsenichen ved vinduet mod gården", capacity: .limited(1),
                               at: Point(x: 56, y: 37), size: Point(x: 1, y: 1)))
        let dot = FloorMap.dot(site: tiny, in: library)
        let text = String(decoding: try Graphviz.render(dot: dot, layout: .nop, format: .svg), as: UTF8.self)
        let parsed = try SVGInspector(Array(text.utf8))
        #expect(parsed.node("z7")?.texts == [])
        #expect(parsed.node("n7")?.texts == ["Læsenichen ved vinduet mod", "gården", "cap. 1"])
        let floor = try #require(box("floor", in: text))
        // The nook is in the top right corner: its label goes above the floor, the booth's below
        // (SVG's y grows downwards).
        func textY(_ id: String) throws -> Double {
            let title = try #require(text.firstRange(of: "<title>\(id)</title>"))
            let match = try #require(text[title.upperBound...].firstMatch(of: /<text[^>]* y="([0-9.-]+)"/))
            return try #require(Double(match.1))
        }
        #expect(try textY("n7") < floor.y.lowerBound)
        #expect(try textY("n6") > floor.y.upperBound)
        let leaders = edgeSegments(text).filter { $0.title == "a7&#45;&#45;n7" || $0.title == "a7--n7" }
        #expect(leaders.count == 1)
        // From the nook's centre (drawn as a dot) up to its label.
        #expect(text.contains("<title>a7</title>"))
        #expect(dot.contains("\"a7\" -- \"n7\""))
    }

    /// Issue 9: floors of 1e19 m and more reached `Int(…)` and trapped; drawings of any floor
    /// are scaled into ``FloorMap/maximumFloorSize``.
    @Test func hugeFloorsDrawWithoutTrappingAndWithinTheMaximumSize() throws {
        for size in [1e19, 1e300, Double.greatestFiniteMagnitude] {
            var huge = TestScenarios.mainSite
            huge.floor = Floor(width: size, depth: 50)
            huge.zones[0].size = Point(x: size, y: 8)
            let dot = FloorMap.dot(site: huge, in: library, overlay: Self.overlay)
            #expect(!dot.contains("e+") && !dot.contains("nan") && !dot.contains("inf"))
            let text = String(decoding: try Graphviz.render(dot: dot, layout: .nop, format: .svg), as: UTF8.self)
            let width = try #require(text.firstMatch(of: /<svg width="([0-9.-]+)pt"/).flatMap { Double($0.1) })
            // The floor fits the maximum size; only the title's digits grow (1e300 has 301 of them).
            #expect(width > 0 && width < (size == 1e19 ? 1400 : 3000), "\(size): \(width) pt")
        }
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
