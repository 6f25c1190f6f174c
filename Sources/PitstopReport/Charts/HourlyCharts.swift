// Dialogues by hour of the day at one site: what visitors asked for and what staff served,
// a pair of lines per scenario (the explorer's hourly chart per site).

/// One site's dialogues by hour of the day, per scenario (baseline first): means per
/// simulated day, 24 values each, hour 0 first.
public struct SiteHourlyDialogues: Sendable, Hashable {
    public var site: String
    public var requested: [[Double]]
    public var served: [[Double]]

    public init(site: String, requested: [[Double]], served: [[Double]]) {
        self.site = site
        self.requested = requested
        self.served = served
    }
}

extension Charts {
    /// Dialogues asked for (dashed) and served (solid) at one site by hour of the day, a
    /// pair of lines per scenario in the scenario colours. Hours where nothing is asked in
    /// any scenario are left out at both ends.
    public static func hourlyDialogues(
        _ hourly: SiteHourlyDialogues, scenarioNames: [String], language: ReportLanguage, id: String
    ) -> String {
        let words = HourlyWords(language)
        let reportWords = Words.of(language)
        let format = NumberFormat(language)
        let width = halfWidth
        var c = SVGCanvas(width: width, height: 360, id: id)
        let title = "\(words.title) — \(hourly.site)"
        c.text(SVGCanvas.truncated(title, width: width - 40, size: 15), 20, 26, size: 15, weight: "bold")
        var legendItems: [SVGCanvas.LegendItem] = []
        for (s, name) in scenarioNames.enumerated() {
            legendItems.append(.init(label: "\(name): \(words.served)", colour: Palette.scenario(s), style: .line))
            legendItems.append(.init(label: "\(name): \(words.asked)", colour: Palette.scenario(s), style: .dashed))
        }
        let legendHeight = c.legend(legendItems, x: 20, y: 52, maxWidth: width - 40)

        func clean(_ series: [[Double]]) -> [[Double]] {
            series.map { s in (0..<24).map { $0 < s.count && s[$0].isFinite ? max(s[$0], 0) : 0 } }
        }
        let requested = clean(hourly.requested), served = clean(hourly.served)
        let busy = (0..<24).filter { h in (requested + served).contains { $0[h] > 0 } }
        var first = (busy.first ?? 0) / 2 * 2
        var last = min(24, ((busy.last ?? 23) + 2) / 2 * 2)
        if last - first < 6 { first = max(0, min(first, last - 6)); last = min(24, first + 6) }

        let plot = Plot(left: 64, top: 52 + legendHeight + 6, right: width - 30, bottom: 360 - 52)
        let dataMax = (requested + served).flatMap { $0 }.max() ?? 0
        let yTicks = Ticks(low: 0, high: max(dataMax, 1) * 1.05)
        let x = { (h: Double) in plot.left + (h - Double(first)) / Double(last - first) * plot.width }
        let y = { (v: Double) in plot.bottom - (v - yTicks.low) / (yTicks.high - yTicks.low) * plot.height }

        gridY(&c, plot, yTicks, y: y, format: format)
        for h in first...last {
            let px = x(Double(h))
            c.line(px, plot.bottom, px, plot.bottom + 4, stroke: Palette.axis)
            if (h - first) % 2 == 0 {
                c.text(format2(h) + ":00", px, plot.bottom + 18, anchor: .middle, fill: Palette.muted)
            }
        }
        c.line(plot.left, plot.bottom, plot.right, plot.bottom, stroke: Palette.axis)
        c.text(reportWords.hourOfDay, plot.left + plot.width / 2, 360 - 12, anchor: .middle, fill: Palette.muted)
        c.text(words.perHour, 18, plot.top + plot.height / 2, anchor: .middle, fill: Palette.muted, rotate: -90)

        for (s, values) in requested.enumerated() {
            c.polyline((first..<last).map { (x(Double($0) + 0.5), y(values[$0])) }, stroke: Palette.scenario(s),
                       width: 1.5, dash: "5 3")
        }
        for (s, values) in served.enumerated() {
            let colour = Palette.scenario(s)
            c.polyline((first..<last).map { (x(Double($0) + 0.5), y(values[$0])) }, stroke: colour, width: 2.5)
            let name = s < scenarioNames.count ? scenarioNames[s] : ""
            let asked = s < requested.count ? requested[s] : []
            for h in first..<last {
                var tip = "\(name), \(format2(h)):00–\(format2(h + 1)):00: \(words.served) \(format.number(values[h], decimals: 1))"
                if h < asked.count { tip += ", \(words.asked) \(format.number(asked[h], decimals: 1))" }
                c.circle(x(Double(h) + 0.5), y(values[h]), r: 3, fill: "#ffffff", stroke: colour, tooltip: tip)
            }
        }
        return c.render(title: title, description: "\(words.asked), \(words.served): \(words.perHour)")
    }
}

/// The hourly charts' own words.
private struct HourlyWords {
    let title, asked, served, perHour: String

    init(_ language: ReportLanguage) {
        switch language {
        case .en:
            (title, asked, served, perHour) = ("Dialogues by hour of day", "asked", "served", "Dialogues per hour (mean day)")
        case .da:
            (title, asked, served, perHour) = ("Samtaler pr. time", "ønsket", "gennemført", "Samtaler pr. time (gns. dag)")
        }
    }
}
