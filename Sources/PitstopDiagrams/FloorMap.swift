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
/// Zones are boxes at their metre coordinates (``FloorMap/pointsPerMetre`` points a metre,
/// y up), labelled with name and capacity and coloured by perspective, or by heat band when
/// an overlay is given (then with the share in the label). Links between zones are dashed
/// lines; overlay flows are lines whose width follows the number of visitors. A scale bar
/// and a legend sit beside the floor. Node ids: `floor`, `z1`… (zone order), `scale`,
/// `scale_label`, `legend`. Words and numbers are in `language`; the overlay title is drawn as
/// given.
public enum FloorMap {
    /// Drawing scale.
    public static let pointsPerMetre = 12.0
    /// At most this many walks between zones are drawn, the largest first.
    public static let flowsShown = 8
    /// Walks smaller than this share of the largest are not drawn.
    public static let flowShareShown = 0.1

    public static func dot(
        site: Site, in scenario: Scenario, overlay: FloorMapOverlay? = nil, idPrefix: String? = nil,
        language: DiagramLanguage = .en
    ) -> String {
        FloorMapBuilder(site: site, scenario: scenario, overlay: overlay, idPrefix: idPrefix, words: DiagramWords(language)).build()
    }
}

struct FloorMapBuilder {
    let site: Site
    let scenario: Scenario
    let overlay: FloorMapOverlay?
    let idPrefix: String?
    let words: DiagramWords
    let s = FloorMap.pointsPerMetre

    /// Zones with a unique id, in file order.
    var zones: [Zone] {
        var seen = Set<String>()
        return site.zones.filter { seen.insert($0.id).inserted }
    }

    func build() -> String {
        var w = DOTWriter(idPrefix: idPrefix)
        let zones = self.zones
        let colours = Palette.perspectiveColours(scenario)
        let floorWidth = max(site.floor.width, zones.map { $0.at.x + $0.size.x }.max() ?? 0, 1)
        let floorDepth = max(site.floor.depth, zones.map { $0.at.y + $0.size.y }.max() ?? 0, 1)

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
            ("label", V.html(H.font(" ", size: 1))), ("pos", pos(floorWidth / 2, floorDepth / 2)),
            ("width", inches(floorWidth)), ("height", inches(floorDepth)),
            ("fillcolor", V.q("#FBFAF6")), ("color", V.q("#6B7480")), ("penwidth", "2"),
        ])

        // Zones.
        var usedPerspectives = Set<String>()
        var neutralUsed = false
        var nodeID: [String: String] = [:]
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
            w.node(id, [
                ("label", V.html(zoneLabel(zone, capacity: capacity, value: valueLine))),
                ("pos", pos(zone.at.x + zone.size.x / 2, zone.at.y + zone.size.y / 2)),
                ("width", inches(zone.size.x)), ("height", inches(zone.size.y)),
                ("fillcolor", V.q(fill)), ("color", V.q(border)),
            ])
        }

        // Scale bar: the largest round length up to a quarter of the floor width.
        let bar = [100.0, 50, 20, 10, 5, 2, 1].first { $0 <= floorWidth / 4 } ?? 1
        let barY = -1.6
        w.node("scale", [
            ("label", V.html(H.font(" ", size: 1))), ("pos", pos(bar / 2, barY)),
            ("width", inches(bar)), ("height", inches(0.35)), ("fillcolor", V.q("#3A4350")), ("color", V.q("#3A4350")),
            ("penwidth", "0.5"),
        ])
        let barText = words.metres(bar)
        w.node("scale_label", [
            ("label", V.html(H.font(H.text(barText), size: 10))), ("shape", "plaintext"), ("style", V.q("")),
            ("fixedsize", "false"), ("pos", point(bar * s + 8 + 3.2 * Double(barText.count), barY * s)),
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
        let flowMax = flows(nodeID: nodeID).map(\.value).max()
        var legend = "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"2\">"
            + "<B>" + H.text(overlay == nil ? words.userPerspective : words.occupancy) + "</B></TD></TR>"
        for row in rows {
            legend += "<TR>" + ChartStyle.swatchCell(fill: row.fill, border: row.border)
                + "<TD ALIGN=\"LEFT\">" + H.font(H.text(row.caption), size: 10) + "</TD></TR>"
        }
        legend += "<TR><TD WIDTH=\"24\">" + H.font(H.text("- -"), size: 10, colour: "#7B848E")
            + "</TD><TD ALIGN=\"LEFT\">" + H.font(H.text(words.walkableLink), size: 10) + "</TD></TR>"
        if let flowMax {
            legend += "<TR><TD WIDTH=\"24\">" + H.font("<B>" + H.text("—") + "</B>", size: 12, colour: "#1F5F8B")
                + "</TD><TD ALIGN=\"LEFT\">" + H.font(H.text(words.walksADay(max: words.number(flowMax, decimals: 0))), size: 10) + "</TD></TR>"
        }
        let table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">" + legend + "</TABLE>"
        let captions = rows.map(\.caption) + [words.walksADay(max: "00000"), words.userPerspective]
        let legendWidth = 22 + 12 + 10 * 0.58 * Double(captions.map(\.count).max() ?? 10)
        let legendHeight = Double(rows.count + 3) * 19
        w.node("legend", [
            ("label", V.html(table)), ("shape", "plaintext"), ("style", V.q("")), ("fixedsize", "false"),
            ("pos", point(floorWidth * s + 24 + legendWidth / 2, floorDepth * s - legendHeight / 2)),
        ])

        // Links and flows.
        let flowList = flows(nodeID: nodeID)
        var flowPairs = Set<String>()
        for flow in flowList { flowPairs.insert(flow.a + "|" + flow.b) }
        var drawnLinks = Set<String>()
        for link in site.links {
            guard let a = nodeID[link.from], let b = nodeID[link.to], a != b else { continue }
            let (x, y) = ordered(a, b, zones: nodeID)
            guard !flowPairs.contains(x + "|" + y), drawnLinks.insert(x + "|" + y).inserted else { continue }
            w.edge(x, y, [("style", "dashed"), ("color", V.q("#7B848E")), ("penwidth", "1.2")], directed: false)
        }
        if let flowMax, flowMax > 0 {
            for flow in flowList {
                let width = 1 + 7 * flow.value / flowMax
                w.edge(flow.a, flow.b, [
                    ("penwidth", V.num(width, decimals: 2)), ("color", V.q("#1F5F8BB3")),
                    ("label", V.html(H.font("<B>" + H.text(words.number(flow.value, decimals: 0)) + "</B>", size: 9))),
                ], directed: false)
            }
        }
        w.close()
        return w.text
    }

    /// Flows between zones of this site, each pair once (in zone order), values added up.
    func flows(nodeID: [String: String]) -> [(a: String, b: String, value: Double)] {
        guard let overlay else { return [] }
        let index = Dictionary(zones.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var sums: [Int: [Int: Double]] = [:]
        for (link, value) in overlay.flows where value.isFinite && value > 0 {
            guard let i = index[link.from], let j = index[link.to], i != j else { continue }
            sums[min(i, j), default: [:]][max(i, j), default: 0] += value
        }
        var result: [(a: String, b: String, value: Double)] = []
        for i in sums.keys.sorted() {
            for j in (sums[i] ?? [:]).keys.sorted() {
                result.append(("z\(i + 1)", "z\(j + 1)", sums[i]?[j] ?? 0))
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

    private func ordered(_ a: String, _ b: String, zones: [String: String]) -> (String, String) {
        let ia = Int(a.dropFirst()) ?? 0
        let ib = Int(b.dropFirst()) ?? 0
        return ia <= ib ? (a, b) : (b, a)
    }

    /// A `pos` value from metres.
    private func pos(_ x: Double, _ y: Double) -> String { point(x * s, y * s) }

    /// A `pos` value from points.
    private func point(_ x: Double, _ y: Double) -> String {
        V.q(V.num(x, decimals: 1) + "," + V.num(y, decimals: 1))
    }

    private func inches(_ metres: Double) -> String {
        V.num(metres * s / 72, decimals: 4)
    }

    /// Name, capacity and value, with a font size that fits the zone; the name is wrapped,
    /// or abbreviated when even 6 pt does not fit.
    func zoneLabel(_ zone: Zone, capacity: String, value: String?) -> String {
        let width = max(zone.size.x * s - 6, 8)
        let height = max(zone.size.y * s - 4, 6)
        let charWidth = 0.56  // Liberation Sans average advance per point, with margin
        func fits(size: Double, nameLines: [String], extra: [String]) -> Bool {
            let lines = nameLines + extra
            let widest = lines.map { Double($0.count) }.max() ?? 0
            return widest * charWidth * size <= width && Double(lines.count) * size * 1.18 <= height
        }
        let extraOptions: [[String]] = value.map { [[$0, capacity], [$0]] } ?? [[capacity], []]
        for extra in extraOptions {
            for size in stride(from: 13.0, through: 6.0, by: -0.5) {
                let perLine = max(1, Format.count(width / (charWidth * size), atMost: 10_000))
                let wrapped = Format.wrap(zone.name, width: perLine)
                if wrapped.count <= 3, fits(size: size, nameLines: wrapped, extra: extra) {
                    return render(wrapped, extra: extra, size: size, value: value)
                }
            }
        }
        // Nothing fits: one abbreviated line at 6 pt (plus the value when there is room).
        let size = 6.0
        let maxChars = max(1, Format.count(width / (charWidth * size), atMost: 10_000))
        let name = [Format.abbreviate(zone.name, to: maxChars)]
        let extra = value.map { [$0] }.flatMap { fits(size: size, nameLines: name, extra: $0) ? $0 : nil } ?? []
        return render(name, extra: extra, size: size, value: value)
    }

    private func render(_ nameLines: [String], extra: [String], size: Double, value: String?) -> String {
        var parts = ["<B>" + nameLines.map(H.text).joined(separator: H.br) + "</B>"]
        for line in extra {
            if line == value && line != words.noData {
                parts.append(H.font("<B>" + H.text(line) + "</B>", size: size + (size >= 8 ? 1 : 0)))
            } else {
                parts.append(H.font(H.text(line), size: max(6, size - 1), colour: Palette.muted))
            }
        }
        return H.font(parts.joined(separator: H.br), size: size)
    }
}
