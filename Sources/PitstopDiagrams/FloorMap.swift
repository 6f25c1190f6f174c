import PitstopModel

/// Simulation results drawn on a floor map.
public struct FloorMapOverlay: Sendable, Hashable {
    /// Mean occupancy as a share of capacity (0…1, above 1 when crowded), by zone id.
    public var zoneValues: [String: Double]
    /// What the values are, shown in the title ("Mean occupancy, weekdays 10–19"), in the
    /// language of the map: the title is drawn as given.
    public var title: String
    /// Visitors per day walking between two zones; a link and its reverse are added up.
    public var flows: [ZoneLink: Double]

    public init(
        zoneValues: [String: Double] = [:], title: String = FloorMapOverlay.defaultTitle(in: .en),
        flows: [ZoneLink: Double] = [:]
    ) {
        self.zoneValues = zoneValues
        self.title = title
        self.flows = flows
    }

    /// "Mean occupancy", "Gennemsnitlig belægning": the default title in `language`.
    public static func defaultTitle(in language: DiagramLanguage) -> String {
        DiagramWords(language).meanOccupancy
    }
}

/// How busy a zone is, from its mean occupancy as a share of capacity.
public enum HeatBand: String, CaseIterable, Sendable {
    /// Below 30 %.
    case quiet
    /// 30 % up to 60 %.
    case comfortable
    /// 60 % up to 80 % (80 % included).
    case busy
    /// Above 80 %.
    case veryBusy

    public init(share: Double) {
        switch share {
        case ..<0.30: self = .quiet
        case ..<0.60: self = .comfortable
        case ...0.80: self = .busy
        default: self = .veryBusy
        }
    }

    /// "Quiet", "Comfortable", "Busy", "Very busy" (English; see ``label(in:)``).
    public var label: String { label(in: .en) }

    /// The band's name in `language`: "Quiet" … "Very busy", "Roligt" … "Meget travlt".
    public func label(in language: DiagramLanguage) -> String { DiagramWords(language).bandLabel(self) }

    /// "< 30 %", "30–60 %", "60–80 %", "> 80 %" (English; see ``range(in:)``).
    public var range: String { range(in: .en) }

    /// The band's range in `language` (numbers formatted for it).
    public func range(in language: DiagramLanguage) -> String { DiagramWords(language).bandRange(self) }

    /// Fill colour (`#RRGGBB`), light enough for dark text.
    public var fill: String {
        switch self {
        case .quiet: "#D4E9F7"
        case .comfortable: "#A8DDB5"
        case .busy: "#F7CF6B"
        case .veryBusy: "#EE8A7E"
        }
    }

    /// Border colour.
    public var border: String {
        switch self {
        case .quiet: "#5B8DB8"
        case .comfortable: "#3C8D55"
        case .busy: "#B7861B"
        case .veryBusy: "#B03A2E"
        }
    }
}

/// Floor maps as DOT for the `nop` layout: every zone pinned at its place on the floor.
///
/// The floor is drawn to fit ``maximumFloorSize`` (``scale(width:depth:)`` points a metre,
/// y up), each zone a box labelled with its name and capacity and coloured by perspective, or
/// by heat band when an overlay is given (then with the share in the label). A label that
/// does not fit its zone at ``minimumLabelSize`` goes outside the floor, above or below it,
/// with a leader line to a dot at the zone's centre. Walkways (`links`) are short dark
/// marks across the shared wall (a door) or across the gap between two zones, never shorter
/// than ``minimumWalkwayLength``; overlay flows are the same marks in blue, as wide as the
/// number of walks, with the number beside them. A scale bar and a legend sit beside the
/// floor. Node ids: `floor`, `z1`… (zone order), `a1`…/`n1`… (a zone's anchor dot and
/// outside label), `w1a`/`w1b` (the ends of walkway 1) and `w1n` (its number), `scale`,
/// `scale_label`, `legend`. Words and numbers are in `language`; the overlay title is drawn
/// as given.
public enum FloorMap {
    /// The box the floor is drawn to fit, in points: a floor fills its width or its depth.
    public static let maximumFloorSize = (width: 720.0, depth: 540.0)
    /// The smallest text on a floor map, in points (zone labels included): 8 pt, about 7
    /// when the whole map is fitted to a slide — above ``PageShape/minimumLegiblePointSize``.
    public static let minimumLabelSize = 8.0
    /// The shortest walkway mark, in points.
    public static let minimumWalkwayLength = 14.0
    /// At most this many walks between zones are drawn, the largest first.
    public static let flowsShown = 8
    /// Walks smaller than this share of the largest are not drawn.
    public static let flowShareShown = 0.1

    /// Points a metre for a floor of `width` × `depth` metres: the floor fills
    /// ``maximumFloorSize`` (0 for an empty or non-finite floor).
    public static func scale(width: Double, depth: Double) -> Double {
        guard width > 0, depth > 0, width.isFinite, depth.isFinite else { return 0 }
        return min(maximumFloorSize.width / width, maximumFloorSize.depth / depth)
    }

    public static func dot(
        site: Site, in scenario: Scenario, overlay: FloorMapOverlay? = nil, idPrefix: String? = nil,
        language: DiagramLanguage = .en
    ) -> String {
        FloorMapBuilder(site: site, scenario: scenario, overlay: overlay, idPrefix: idPrefix, words: DiagramWords(language)).build()
    }
}

/// A rectangle in points, y up.
struct Rect: Hashable {
    var x0: Double, y0: Double, x1: Double, y1: Double
    var width: Double { x1 - x0 }
    var height: Double { y1 - y0 }
    var centre: (x: Double, y: Double) { ((x0 + x1) / 2, (y0 + y1) / 2) }
}

/// Where a walkway between two zones is drawn: a segment across their shared wall, or
/// across the gap between them, at least `minimumLength` long and reaching `inset` into both.
func walkwaySegment(_ a: Rect, _ b: Rect, minimumLength: Double, inset: Double)
    -> (start: (x: Double, y: Double), end: (x: Double, y: Double))
{
    let overlapX = min(a.x1, b.x1) - max(a.x0, b.x0)
    let overlapY = min(a.y1, b.y1) - max(a.y0, b.y0)
    let gapX = max(b.x0 - a.x1, a.x0 - b.x1)
    let gapY = max(b.y0 - a.y1, a.y0 - b.y1)
    let from: (x: Double, y: Double)
    let to: (x: Double, y: Double)
    var direction: (x: Double, y: Double)?  // across the wall, when there is one
    // Across a wall: at the middle of what the zones share. Across a gap (a walk through other
    // zones): a quarter of the way along, clear of the labels at the middle of those zones.
    let along = gapX > 0 || gapY > 0 ? 0.25 : 0.5
    if overlapY > 0, gapX >= 0 {  // side by side: a horizontal mark across the wall or gap
        let y = max(a.y0, b.y0) + along * overlapY
        from = (a.x1 <= b.x0 ? a.x1 : a.x0, y)
        to = (a.x1 <= b.x0 ? b.x0 : b.x1, y)
        direction = (a.x1 <= b.x0 ? 1 : -1, 0)
    } else if overlapX > 0, gapY >= 0 {  // one above the other: a vertical mark
        let x = max(a.x0, b.x0) + along * overlapX
        from = (x, a.y1 <= b.y0 ? a.y1 : a.y0)
        to = (x, a.y1 <= b.y0 ? b.y0 : b.y1)
        direction = (0, a.y1 <= b.y0 ? 1 : -1)
    } else if gapX >= 0, gapY >= 0 {  // diagonal: nearest corner to nearest corner
        from = (a.x1 <= b.x0 ? a.x1 : a.x0, a.y1 <= b.y0 ? a.y1 : a.y0)
        to = (a.x1 <= b.x0 ? b.x0 : b.x1, a.y1 <= b.y0 ? b.y0 : b.y1)
    } else {  // overlapping zones (never valid): centre to centre
        from = a.centre
        to = b.centre
    }
    var dx = to.x - from.x, dy = to.y - from.y
    var length = (dx * dx + dy * dy).squareRoot()
    if let direction {
        (dx, dy, length) = (direction.x, direction.y, 1)
    } else if !(length > 0) {  // touching corners: along the line between the centres
        dx = b.centre.x - a.centre.x
        dy = b.centre.y - a.centre.y
        length = (dx * dx + dy * dy).squareRoot()
        if !(length > 0) { (dx, dy, length) = (1, 0, 1) }
    }
    let ux = dx / length, uy = dy / length
    let gap = (to.x - from.x) * ux + (to.y - from.y) * uy
    let half = max(gap + 2 * inset, minimumLength) / 2
    let mid = ((from.x + to.x) / 2, (from.y + to.y) / 2)
    return ((mid.0 - ux * half, mid.1 - uy * half), (mid.0 + ux * half, mid.1 + uy * half))
}

struct FloorMapBuilder {
    let site: Site
    let scenario: Scenario
    let overlay: FloorMapOverlay?
    let idPrefix: String?
    let words: DiagramWords

    static let walkwayColour = "#37414D"
    static let flowColour = "#1F5F8B"
    static let leaderColour = "#5B6570"

    /// Zones with a unique id, in file order.
    var zones: [Zone] {
        var seen = Set<String>()
        return site.zones.filter { seen.insert($0.id).inserted }
    }

    /// A zone label that did not fit its zone.
    struct OutsideLabel {
        var zone: Int  // index into zones
        var markup: String
        var width: Double
        var height: Double
        var row = 0
        var x: Double = 0
        var y: Double = 0
    }

    func build() -> String {
        var w = DOTWriter(idPrefix: idPrefix)
        let zones = self.zones
        let colours = Palette.perspectiveColours(scenario)
        let floorWidth = max(site.floor.width, zones.map { $0.at.x + $0.size.x }.max() ?? 0, 1)
        let floorDepth = max(site.floor.depth, zones.map { $0.at.y + $0.size.y }.max() ?? 0, 1)
        let s = FloorMap.scale(width: floorWidth, depth: floorDepth)
        let floorRect = Rect(x0: 0, y0: 0, x1: floorWidth * s, y1: floorDepth * s)
        let rects = zones.map {
            Rect(x0: $0.at.x * s, y0: $0.at.y * s, x1: ($0.at.x + $0.size.x) * s, y1: ($0.at.y + $0.size.y) * s)
        }

        w.open("graph \"floormap\"")
        let title = "<B>" + H.text(site.name) + "</B>"
        var sizeLine = words.floorSize(floorWidth, floorDepth)
        if let overlay, !overlay.title.isEmpty { sizeLine = overlay.title + " · " + sizeLine }
        var graph: [(String, String)] = [
            ("layout", "nop"), ("fontname", V.q(ChartStyle.font)), ("fontsize", "16"), ("fontcolor", V.q(Palette.text)),
            ("label", V.html(H.leftAligned([H.font(title, size: 16), H.font(H.text(sizeLine), size: 11, colour: Palette.muted)]))),
            ("labelloc", "t"), ("labeljust", "l"), ("splines", "line"), ("outputorder", "nodesfirst"),
            ("pad", "0.3"), ("bgcolor", V.q("white")),
        ]
        if let prefix = w.idPrefix { graph.append(("id", V.q(prefix))) }
        w.defaults("graph", graph)
        w.defaults("node", [
            ("fontname", V.q(ChartStyle.font)), ("fontsize", "10"), ("fontcolor", V.q(Palette.text)),
            ("shape", "box"), ("fixedsize", "true"), ("style", V.q("filled")), ("penwidth", "1.2"),
            ("margin", "0"),
        ])
        w.defaults("edge", [("fontname", V.q(ChartStyle.font)), ("fontsize", "9"), ("fontcolor", V.q("#1F4E79"))])

        // The floor, drawn first so zones sit on it.
        w.node("floor", [
            ("label", V.q("")), ("pos", point(floorRect.centre.x, floorRect.centre.y)),
            ("width", inches(floorRect.width)), ("height", inches(floorRect.height)),
            ("fillcolor", V.q("#FBFAF6")), ("color", V.q("#6B7480")), ("penwidth", "2"),
        ])

        // Zones; labels that do not fit are kept for outside the floor.
        var usedPerspectives = Set<String>()
        var neutralUsed = false
        var nodeID: [String: String] = [:]
        var outside: [OutsideLabel] = []
        for (index, zone) in zones.enumerated() {
            let id = "z\(index + 1)"
            nodeID[zone.id] = id
            var fill = "#EEF0F2"
            var border = "#8A9099"
            var valueLine: String?
            if let overlay {
                if let value = overlay.zoneValues[zone.id], value.isFinite {
                    let band = HeatBand(share: value)
                    fill = band.fill
                    border = band.border
                    valueLine = words.percent(value)
                } else {
                    valueLine = words.noData
                }
            } else if let p = zone.perspective, let colour = colours[p] {
                usedPerspectives.insert(p)
                fill = colour.tint(0.62).hex
                border = colour.shade(0.15).hex
            } else {
                neutralUsed = true
            }
            let capacity = zone.capacity.limit.map(words.capacity) ?? words.noLimit
            let rect = rects[index]
            var attributes: [(String, String)] = [
                ("pos", point(rect.centre.x, rect.centre.y)), ("width", inches(rect.width)), ("height", inches(rect.height)),
                ("fillcolor", V.q(fill)), ("color", V.q(border)),
            ]
            if let inside = insideLabel(zone.name, in: rect, capacity: capacity, value: valueLine) {
                attributes.insert(("label", V.html(inside)), at: 0)
            } else {
                attributes.insert(("label", V.q("")), at: 0)
                outside.append(outsideLabel(zone.name, zone: index, capacity: capacity, value: valueLine))
            }
            w.node(id, attributes)
        }

        // Outside labels in rows above and below the floor, each over its zone where it can be.
        let bandGap = 16.0, rowHeight = 30.0
        var below: [OutsideLabel] = [], above: [OutsideLabel] = []
        for label in outside {
            if rects[label.zone].centre.y <= floorRect.centre.y { below.append(label) } else { above.append(label) }
        }
        let belowRows = arrangeInRows(&below, rects: rects, floor: floorRect)
        _ = arrangeInRows(&above, rects: rects, floor: floorRect)
        for i in below.indices { below[i].y = -(bandGap + rowHeight * (Double(below[i].row) + 0.5)) }
        for i in above.indices { above[i].y = floorRect.y1 + bandGap + rowHeight * (Double(above[i].row) + 0.5) }
        let placed = (below + above).sorted { $0.zone < $1.zone }
        for label in placed {
            let centre = rects[label.zone].centre
            w.node("a\(label.zone + 1)", [
                ("label", V.q("")), ("shape", "point"), ("width", "0.07"), ("height", "0.07"),
                ("pos", point(centre.x, centre.y)), ("fillcolor", V.q(Self.leaderColour)), ("color", V.q(Self.leaderColour)),
            ])
            w.node("n\(label.zone + 1)", [
                ("label", V.html(label.markup)), ("shape", "box"), ("fixedsize", "false"), ("width", "0.1"), ("height", "0.1"),
                ("margin", V.q("0.05,0.03")), ("style", V.q("rounded,filled")), ("fillcolor", V.q("white")),
                ("color", V.q("#C9CED4")), ("penwidth", "0.8"), ("pos", point(label.x, label.y)),
            ])
            w.edge("a\(label.zone + 1)", "n\(label.zone + 1)", [
                ("color", V.q(Self.leaderColour)), ("penwidth", "0.9"), ("tailclip", "false"),
            ], directed: false)
        }

        // Scale bar: the largest round length up to a quarter of the floor width, below everything.
        let bar = Self.roundLength(atMost: floorWidth / 4)
        let barY = -(belowRows > 0 ? bandGap + rowHeight * Double(belowRows) + 14 : 19)
        w.node("scale", [
            ("label", V.q("")), ("pos", point(bar * s / 2, barY)),
            ("width", inches(bar * s)), ("height", inches(4)), ("fillcolor", V.q("#3A4350")), ("color", V.q("#3A4350")),
            ("penwidth", "0.5"),
        ])
        let barText = words.metres(bar)
        w.node("scale_label", [
            ("label", V.html(H.font(H.text(barText), size: 10))), ("shape", "plaintext"), ("style", V.q("")),
            ("fixedsize", "false"), ("pos", point(bar * s + 8 + TextMetrics.width(barText, size: 10) / 2, barY)),
        ])

        // Legend, to the right of the floor.
        var rows: [(fill: String, border: String, caption: String)] = []
        if overlay != nil {
            for band in HeatBand.allCases {
                rows.append((band.fill, band.border, "\(words.bandLabel(band)) (\(words.bandRange(band)))"))
            }
            rows.append(("#EEF0F2", "#8A9099", words.noDataLegend))
        } else {
            for perspective in scenario.perspectives.uniquedByID() where usedPerspectives.contains(perspective.id) {
                let colour = colours[perspective.id] ?? Palette.perspectives[0]
                rows.append((colour.tint(0.62).hex, colour.shade(0.15).hex, perspective.name))
            }
            if neutralUsed || rows.isEmpty { rows.append(("#EEF0F2", "#8A9099", words.sharedNoPerspective)) }
        }
        let flowList = flows(nodeID: nodeID)
        let flowMax = flowList.map(\.value).max()
        let heading = overlay == nil ? words.userPerspective : words.occupancy
        var legend = "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"2\">" + "<B>" + H.text(heading) + "</B></TD></TR>"
        for row in rows {
            legend += "<TR>" + ChartStyle.swatchCell(fill: row.fill, border: row.border)
                + "<TD ALIGN=\"LEFT\">" + H.font(H.text(row.caption), size: 10) + "</TD></TR>"
        }
        var captions = rows.map(\.caption) + [heading]
        if !site.links.isEmpty {
            legend += "<TR>" + Self.markCell(colour: Self.walkwayColour, thickness: 4)
                + "<TD ALIGN=\"LEFT\">" + H.font(H.text(words.walkway), size: 10) + "</TD></TR>"
            captions.append(words.walkway)
        }
        if let flowMax {
            let caption = words.walksADay(max: words.number(flowMax, decimals: 0))
            legend += "<TR>" + Self.markCell(colour: Self.flowColour, thickness: 7)
                + "<TD ALIGN=\"LEFT\">" + H.font(H.text(caption), size: 10) + "</TD></TR>"
            captions.append(caption)
        }
        let table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">" + legend + "</TABLE>"
        let legendWidth = 24 + 12 + captions.map { TextMetrics.width($0, size: 10, bold: $0 == heading) }.max()!
        let legendHeight = Double(captions.count) * 21
        w.node("legend", [
            ("label", V.html(table)), ("shape", "plaintext"), ("style", V.q("")), ("fixedsize", "false"),
            ("pos", point(floorRect.x1 + 24 + legendWidth / 2, floorRect.y1 - legendHeight / 2)),
        ])

        // Walkways: one mark per linked pair, unless a flow is drawn there.
        var flowPairs = Set<String>()
        for flow in flowList { flowPairs.insert("\(flow.a)|\(flow.b)") }
        var drawn = Set<String>()
        var walkway = 0
        let index = Dictionary(zones.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        for link in site.links {
            guard let i = index[link.from], let j = index[link.to], i != j else { continue }
            let (a, b) = (min(i, j), max(i, j))
            guard !flowPairs.contains("\(a)|\(b)"), drawn.insert("\(a)|\(b)").inserted else { continue }
            walkway += 1
            mark(&w, number: walkway, rects[a], rects[b], colour: Self.walkwayColour, width: 4, label: nil)
        }
        // Flows: the same marks in blue, as wide as the walks, with their number.
        if let flowMax, flowMax > 0 {
            for flow in flowList {
                walkway += 1
                let label = words.number(flow.value, decimals: 0)
                mark(&w, number: walkway, rects[flow.a], rects[flow.b], colour: Self.flowColour + "CC",
                     width: 2 + 7 * flow.value / flowMax, label: label)
            }
        }
        w.close()
        return w.text
    }

    /// One walkway mark: an edge between two pinned end points, and its number beside it.
    private func mark(
        _ w: inout DOTWriter, number: Int, _ a: Rect, _ b: Rect, colour: String, width: Double, label: String?
    ) {
        let segment = walkwaySegment(a, b, minimumLength: FloorMap.minimumWalkwayLength, inset: 5)
        let ends = [("w\(number)a", segment.start), ("w\(number)b", segment.end)]
        for (id, p) in ends {
            w.node(id, [
                ("label", V.q("")), ("shape", "point"), ("width", "0.01"), ("height", "0.01"), ("style", "invis"),
                ("pos", point(p.x, p.y)),
            ])
        }
        w.edge(ends[0].0, ends[1].0, [
            ("penwidth", V.num(width, decimals: 2)), ("color", V.q(colour)), ("tailclip", "false"), ("headclip", "false"),
        ], directed: false)
        guard let label else { return }
        // The number beside the mark, on the side away from the wall's middle.
        let dx = segment.end.x - segment.start.x, dy = segment.end.y - segment.start.y
        let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
        let (px, py) = (-dy / length, dx / length)
        let textWidth = TextMetrics.width(label, size: 9, bold: true) + 6
        let reach = width / 2 + 3 + (abs(px) > abs(py) ? textWidth / 2 : 7)
        let mid = ((segment.start.x + segment.end.x) / 2, (segment.start.y + segment.end.y) / 2)
        w.node("w\(number)n", [
            ("label", V.html(H.font("<B>" + H.text(label) + "</B>", size: 9, colour: "#1F4E79"))),
            ("shape", "box"), ("fixedsize", "false"), ("width", "0.1"), ("height", "0.1"), ("margin", V.q("0.03,0.01")),
            ("style", V.q("rounded,filled")), ("fillcolor", V.q("#FFFFFFD9")), ("penwidth", "0"),
            ("pos", point(mid.0 + px * reach, mid.1 + py * reach)),
        ])
    }

    /// A legend cell holding a short bar of `colour`.
    static func markCell(colour: String, thickness: Int) -> String {
        "<TD WIDTH=\"24\" HEIGHT=\"15\" FIXEDSIZE=\"TRUE\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">"
            + "<TR><TD WIDTH=\"22\" HEIGHT=\"\(thickness)\" FIXEDSIZE=\"TRUE\" BGCOLOR=\"\(colour)\"></TD></TR></TABLE></TD>"
    }

    /// Places `labels` in rows (sets `row` and `x`) so that none overlap, each as
    /// near the centre of its zone as it can be; returns the number of rows.
    private func arrangeInRows(_ labels: inout [OutsideLabel], rects: [Rect], floor: Rect) -> Int {
        guard !labels.isEmpty else { return 0 }
        labels.sort { (rects[$0.zone].centre.x, $0.zone) < (rects[$1.zone].centre.x, $1.zone) }
        let gap = 8.0
        let total = labels.reduce(0) { $0 + $1.width + gap }
        let rowCount = max(1, min(labels.count, Int(exactly: (total / max(floor.width, 1)).rounded(.up)) ?? labels.count))
        for row in 0..<rowCount {
            let members = Array(stride(from: row, to: labels.count, by: rowCount))
            // Left to right, pushed right past the previous label; then pulled back inside
            // the floor's right edge from the right.
            var right = -Double.infinity
            for i in members {
                let wanted = rects[labels[i].zone].centre.x
                labels[i].x = max(wanted, right + gap + labels[i].width / 2)
                right = labels[i].x + labels[i].width / 2
            }
            var left = Double.infinity
            for i in members.reversed() {
                let limit = min(floor.x1 - labels[i].width / 2, left - gap - labels[i].width / 2)
                labels[i].x = min(labels[i].x, limit)
                left = labels[i].x - labels[i].width / 2
            }
            for i in members { labels[i].row = row }
        }
        return rowCount
    }

    /// The largest of 1, 2 or 5 times a power of ten that is at most `length` (metres).
    static func roundLength(atMost length: Double) -> Double {
        guard length.isFinite, length > 0 else { return 1 }
        var unit = 1.0
        var steps = 0
        while unit * 10 <= length && steps < 400 { unit *= 10; steps += 1 }
        while unit > length && steps < 800 { unit /= 10; steps += 1 }
        for factor in [5.0, 2, 1] where unit * factor <= length { return unit * factor }
        return unit
    }

    /// Flows between zones of this site as zone indexes (lower first), each pair once,
    /// values added up; only the main ones.
    func flows(nodeID: [String: String]) -> [(a: Int, b: Int, value: Double)] {
        guard let overlay else { return [] }
        let index = Dictionary(zones.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var sums: [Int: [Int: Double]] = [:]
        for (link, value) in overlay.flows where value.isFinite && value > 0 {
            guard let i = index[link.from], let j = index[link.to], i != j else { continue }
            sums[min(i, j), default: [:]][max(i, j), default: 0] += value
        }
        var result: [(a: Int, b: Int, value: Double)] = []
        for i in sums.keys.sorted() {
            for j in (sums[i] ?? [:]).keys.sorted() {
                result.append((i, j, sums[i]?[j] ?? 0))
            }
        }
        // Only the main walks: a map with every trickle drawn is a tangle nobody reads.
        guard let largest = result.map(\.value).max() else { return [] }
        let kept = result.enumerated()
            .filter { $0.element.value >= FloorMap.flowShareShown * largest }
            .sorted { ($1.element.value, $0.offset) < ($0.element.value, $1.offset) }
            .prefix(FloorMap.flowsShown)
            .sorted { $0.offset < $1.offset }
        return kept.map(\.element)
    }

    /// A `pos` value from points.
    private func point(_ x: Double, _ y: Double) -> String {
        V.q(V.num(x, decimals: 1) + "," + V.num(y, decimals: 1))
    }

    private func inches(_ points: Double) -> String {
        V.num(points / 72, decimals: 4)
    }

    /// Name, capacity and value inside the zone, at the largest size from 13 pt down to
    /// ``FloorMap/minimumLabelSize`` that fits (the name wrapped on up to three lines; the
    /// capacity left out before the label goes outside); nil when even that does not fit.
    func insideLabel(_ name: String, in rect: Rect, capacity: String, value: String?) -> String? {
        let width = rect.width - 10
        let height = rect.height - 6
        let smallest = FloorMap.minimumLabelSize
        let extraOptions: [[String]] = value.map { [[$0, capacity], [$0]] } ?? [[capacity], []]
        for extra in extraOptions {
            for size in stride(from: 13.0, through: smallest, by: -1) {
                let lines = TextMetrics.wrap(name, size: size, maxWidth: width, bold: true)
                guard lines.count <= 3 else { continue }
                let extraSize = max(smallest, size - 1)
                let widest = max(
                    TextMetrics.width(of: lines, size: size, bold: true),
                    extra.map { TextMetrics.width($0, size: extraSize, bold: $0 == value) }.max() ?? 0)
                let tall = Double(lines.count) * TextMetrics.lineHeight(size) + Double(extra.count) * TextMetrics.lineHeight(extraSize)
                if widest <= width && tall <= height {
                    return render(lines, extra: extra, size: size, extraSize: extraSize, value: value)
                }
            }
        }
        return nil
    }

    private func render(_ nameLines: [String], extra: [String], size: Double, extraSize: Double, value: String?) -> String {
        var parts = ["<B>" + nameLines.map(H.text).joined(separator: H.br) + "</B>"]
        for line in extra {
            if line == value && line != words.noData {
                parts.append(H.font("<B>" + H.text(line) + "</B>", size: extraSize))
            } else {
                parts.append(H.font(H.text(line), size: extraSize, colour: Palette.muted))
            }
        }
        return H.font(parts.joined(separator: H.br), size: size)
    }

    /// The label of a zone too small for it, for outside the floor: the name (on up to two
    /// lines of about 30 characters), then the value and the capacity.
    private func outsideLabel(_ name: String, zone: Int, capacity: String, value: String?) -> OutsideLabel {
        let size = 9.0
        var lines = TextMetrics.wrap(name, size: size, maxWidth: 150, bold: true)
        if lines.count > 2 { lines = [lines[0], TextMetrics.truncate(lines[1...].joined(separator: " "), size: size, maxWidth: 150, bold: true)] }
        var second: [String] = []
        if let value { second.append(value) }
        second.append(capacity)
        let secondLine = second.joined(separator: " · ")
        var markup = "<B>" + lines.map(H.text).joined(separator: H.br) + "</B>" + H.br
        if let value, value != words.noData {
            // The space ends the bold run: renderers drop a space that starts a run, while
            // Graphviz places the next run after the measured one, space included.
            markup += H.font("<B>" + H.text(value + "\u{A0}") + "</B>" + H.text("· " + capacity), size: 8)
        } else {
            markup += H.font(H.text(secondLine), size: 8, colour: Palette.muted)
        }
        let width = max(TextMetrics.width(of: lines, size: size, bold: true), TextMetrics.width(secondLine, size: 8, bold: true)) + 10
        let height = Double(lines.count) * TextMetrics.lineHeight(size) + TextMetrics.lineHeight(8) + 6
        return OutsideLabel(zone: zone, markup: H.font(markup, size: size), width: width, height: height)
    }
}
