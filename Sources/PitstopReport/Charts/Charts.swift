// The charts of the report as SVG text: a fixed-size viewBox, axes with ticks and units,
// a legend, an accessible title, and the report's fonts. Scenario colours follow `Palette`.

public enum Charts {
    static let width = 760.0
    /// Charts shown two to a row.
    static let halfWidth = 600.0

    // MARK: - Occupancy by hour of day

    /// Persons present at one site by hour of day, a line per scenario (baseline first).
    /// Hours where no scenario has anyone present are left out at both ends.
    public static func hourlyOccupancy(
        _ occupancy: SiteOccupancy, scenarioNames: [String], language: ReportLanguage, id: String
    ) -> String {
        let words = Words.of(language)
        let format = NumberFormat(language)
        let width = halfWidth
        var c = SVGCanvas(width: width, height: 360, id: id)
        let title = "\(words.occupancyTitle) — \(occupancy.site)"
        c.text(SVGCanvas.truncated(title, width: width - 40, size: 15), 20, 26, size: 15, weight: "bold")
        var legendItems = SVGCanvas.scenarioLegend(scenarioNames, style: .line)
        if occupancy.capacity != nil { legendItems.append(.init(label: words.capacity, colour: Palette.muted, style: .dashed)) }
        let legendHeight = c.legend(legendItems, x: 20, y: 52, maxWidth: width - 40)

        let series = occupancy.series.map { s in (0..<24).map { $0 < s.count && s[$0].isFinite ? max(s[$0], 0) : 0 } }
        let busy = (0..<24).filter { h in series.contains { $0[h] > 0 } }
        var first = (busy.first ?? 0) / 2 * 2
        var last = min(24, ((busy.last ?? 23) + 2) / 2 * 2)
        if last - first < 6 { first = max(0, min(first, last - 6)); last = min(24, first + 6) }

        let plot = Plot(left: 64, top: 52 + legendHeight + 6, right: width - 30, bottom: 360 - 52)
        let dataMax = series.flatMap { $0 }.max() ?? 0
        let yTicks = Ticks(low: 0, high: max(dataMax, occupancy.capacity ?? 0, 1) * 1.05)
        let x = { (h: Double) in plot.left + (h - Double(first)) / Double(last - first) * plot.width }
        let y = { (v: Double) in plot.bottom - (v - yTicks.low) / (yTicks.high - yTicks.low) * plot.height }

        gridY(&c, plot, yTicks, y: y, format: format)
        for h in first...last {
            let px = x(Double(h))
            c.line(px, plot.bottom, px, plot.bottom + 4, stroke: Palette.axis)
            if (h - first) % 2 == 0 {
                c.text(String(format2(h)) + ":00", px, plot.bottom + 18, anchor: .middle, fill: Palette.muted)
            }
        }
        c.line(plot.left, plot.bottom, plot.right, plot.bottom, stroke: Palette.axis)
        c.text(words.hourOfDay, plot.left + plot.width / 2, 360 - 12, anchor: .middle, fill: Palette.muted)
        c.text(words.personsPresent, 18, plot.top + plot.height / 2, anchor: .middle, fill: Palette.muted, rotate: -90)

        if let capacity = occupancy.capacity, capacity > 0 {
            c.line(plot.left, y(capacity), plot.right, y(capacity), stroke: Palette.muted, width: 1.5, dash: "6 4")
        }
        for (s, values) in series.enumerated() {
            let colour = Palette.scenario(s)
            let points = (first..<last).map { (x(Double($0) + 0.5), y(values[$0])) }
            c.polyline(points, stroke: colour, width: 2.5)
            let name = s < scenarioNames.count ? scenarioNames[s] : ""
            for h in first..<last {
                let tip = "\(name), \(format2(h)):00–\(format2(h + 1)):00: \(format.number(values[h], decimals: 1))"
                c.circle(x(Double(h) + 0.5), y(values[h]), r: 3, fill: "#ffffff", stroke: colour, tooltip: tip)
            }
        }
        return c.render(title: title, description: words.personsPresent + ", " + words.hourOfDay.lowercased())
    }

    // MARK: - Wait distribution

    /// The share of served dialogues by wait, in bins of growing width, bars per scenario.
    /// `distributions` per scenario: one fraction per 1-minute bin, the last for longer waits.
    public static func waitDistribution(
        _ distributions: [[Double]], scenarioNames: [String], language: ReportLanguage, id: String
    ) -> String {
        let words = Words.of(language)
        let format = NumberFormat(language)
        let width = halfWidth
        var c = SVGCanvas(width: width, height: 360, id: id)
        c.text(words.waitTitle, 20, 26, size: 15, weight: "bold")
        let legendHeight = c.legend(SVGCanvas.scenarioLegend(scenarioNames, style: .box),
                                    x: 20, y: 52, maxWidth: width - 40)
        let minutes = max((distributions.map(\.count).max() ?? 61) - 1, 1)
        let bins = waitBins(minutes: minutes, under1: words.waitUnder1)
        let shares: [[Double]] = distributions.map { d in
            bins.map { bin in
                bin.range.reduce(0.0) { sum, k in k < d.count && d[k].isFinite ? sum + max(d[k], 0) : sum } * 100
            }
        }
        let plot = Plot(left: 64, top: 52 + legendHeight + 10, right: width - 20, bottom: 360 - 52)
        let dataMax = shares.flatMap { $0 }.max() ?? 0
        let yTicks = Ticks(low: 0, high: max(dataMax * 1.03, 1))
        let y = { (v: Double) in plot.bottom - (v - yTicks.low) / (yTicks.high - yTicks.low) * plot.height }
        gridY(&c, plot, yTicks, y: y, format: format)

        let group = plot.width / Double(bins.count)
        let n = max(shares.count, 1)
        let barWidth = min(group * 0.78 / Double(n), 40)
        for (b, bin) in bins.enumerated() {
            let centre = plot.left + group * (Double(b) + 0.5)
            for (s, values) in shares.enumerated() {
                let x0 = centre - barWidth * Double(n) / 2 + barWidth * Double(s)
                let name = s < scenarioNames.count ? scenarioNames[s] : ""
                let tip = "\(name), \(bin.label) min: \(format.number(values[b], decimals: 1)) %"
                c.rect(x0 + 1, y(values[b]), barWidth - 2, plot.bottom - y(values[b]), fill: Palette.scenario(s), tooltip: tip)
                if n <= 3, values[b] >= 0.5 {
                    c.text(format.number(values[b], decimals: 0), x0 + barWidth / 2, y(values[b]) - 4,
                           anchor: .middle, size: 10, fill: Palette.muted)
                }
            }
            c.text(bin.label, centre, plot.bottom + 18, anchor: .middle, fill: Palette.muted)
        }
        c.line(plot.left, plot.bottom, plot.right, plot.bottom, stroke: Palette.axis)
        c.text(words.waitAxis, plot.left + plot.width / 2, 360 - 12, anchor: .middle, fill: Palette.muted)
        c.text(words.waitShare, 18, plot.top + plot.height / 2, anchor: .middle, fill: Palette.muted, rotate: -90)
        if distributions.allSatisfy({ $0.allSatisfy { $0 == 0 } }) {
            c.text(words.noData, plot.left + plot.width / 2, plot.top + plot.height / 2, anchor: .middle, size: 14, fill: Palette.muted)
        }
        return c.render(title: words.waitTitle, description: "\(words.waitShare); \(words.waitAxis)")
    }

    struct WaitBin {
        var label: String
        /// Indices of 1-minute bins.
        var range: Range<Int>
    }

    /// < 1, 1–4, 5–9, 10–14, 15–19, 20–29, 30–44, 45–59 and 60+ (for 60 one-minute bins).
    static func waitBins(minutes: Int, under1: String) -> [WaitBin] {
        let edges = [0, 1, 5, 10, 15, 20, 30, 45].filter { $0 < minutes } + [minutes]
        var bins: [WaitBin] = []
        for (a, b) in zip(edges, edges.dropFirst()) {
            let label = a == 0 && b == 1 ? under1 : b - a == 1 ? "\(a)" : "\(a)–\(b - 1)"
            bins.append(WaitBin(label: label, range: a..<b))
        }
        bins.append(WaitBin(label: "\(minutes)+", range: minutes..<(minutes + 1)))
        return bins
    }

    // MARK: - KPI bars with intervals

    /// A small panel per KPI: a bar per scenario at its mean with a whisker for the 95 %
    /// interval, each panel on its own scale.
    public static func kpiBars(
        _ rows: [KPIComparisonRow], scenarioNames: [String], currency: String, language: ReportLanguage, id: String
    ) -> String {
        let words = Words.of(language)
        let p = Phrasing(language: language, currency: currency)
        let columns = 3
        let gap = 28.0
        let panelWidth = (width - 40 - gap * Double(columns - 1)) / Double(columns)
        let n = max(scenarioNames.count, 1)
        let barHeight = 14.0, barGap = 6.0
        let titleSize = 12.0
        let panelHeight = 40 + Double(n) * (barHeight + barGap) + 22
        var legend = SVGCanvas(width: width, height: 0, id: id)
        let legendHeight = legend.legend(SVGCanvas.scenarioLegend(scenarioNames, style: .box),
                                         x: 20, y: 52, maxWidth: width - 40)
        let top = 52 + legendHeight + 6
        let panelRows = (rows.count + columns - 1) / columns
        let height = top + Double(panelRows) * (panelHeight + 16) + 24
        var c = SVGCanvas(width: width, height: height, id: id)
        c.text(words.kpiBarsTitle, 20, 26, size: 15, weight: "bold")
        c.legend(SVGCanvas.scenarioLegend(scenarioNames, style: .box),
                 x: 20, y: 52, maxWidth: width - 40)

        for (k, row) in rows.enumerated() {
            let info = p.info(row.kpi)
            let px = 20 + Double(k % columns) * (panelWidth + gap)
            let py = top + Double(k / columns) * (panelHeight + 16)
            let titleLines = SVGCanvas.wrapped(p.label(info), width: panelWidth, size: titleSize, maxLines: 2)
            for (l, line) in titleLines.enumerated() {
                c.text(line, px, py + 14 + Double(l) * 15, weight: "bold")
            }
            let values = [row.baseline] + row.others
            let finite = values.flatMap { [$0.mean, $0.low, $0.high] }.filter(\.isFinite).map(info.display)
            let ticks = Ticks(low: min(finite.min() ?? 0, 0), high: max(finite.max() ?? 1, 0), target: 3)
            let plot = Plot(left: px, top: py + 38, right: px + panelWidth - 72, bottom: py + 38 + Double(n) * (barHeight + barGap))
            let x = { (v: Double) in plot.left + (v - ticks.low) / (ticks.high - ticks.low) * plot.width }
            for t in ticks.values {
                c.line(x(t), plot.top - 2, x(t), plot.bottom, stroke: Palette.grid)
                c.text(tickLabel(t, ticks, p.format), x(t), plot.bottom + 14, anchor: .middle, size: 10, fill: Palette.muted)
            }
            for (s, v) in values.enumerated() {
                let by = plot.top + Double(s) * (barHeight + barGap) + barGap / 2
                let name = s < scenarioNames.count ? scenarioNames[s] : ""
                guard v.mean.isFinite else { continue }
                let mean = info.display(v.mean), low = info.display(v.low), high = info.display(v.high)
                let tip = "\(name): \(p.value(v.mean, info)) (\(p.range(v, info)))"
                c.rect(x(min(0, mean)), by, abs(x(mean) - x(0)), barHeight, fill: Palette.scenario(s), opacity: 0.85, tooltip: tip)
                if low.isFinite, high.isFinite {
                    let wy = by + barHeight / 2
                    c.line(x(low), wy, x(high), wy, stroke: Palette.ink, width: 1.5)
                    c.line(x(low), wy - 5, x(low), wy + 5, stroke: Palette.ink, width: 1.5)
                    c.line(x(high), wy - 5, x(high), wy + 5, stroke: Palette.ink, width: 1.5)
                }
                c.text(p.number(v.mean, info), px + panelWidth, by + barHeight - 3, anchor: .end, size: 11)
            }
            c.line(plot.left, plot.bottom, plot.right, plot.bottom, stroke: Palette.axis)
        }
        c.text(words.kpiBarsNote, 20, height - 10, size: 11, fill: Palette.muted)
        return c.render(title: words.kpiBarsTitle, description: words.kpiBarsNote)
    }

    // MARK: - Differences

    /// The difference of one other scenario to the baseline, a row per KPI: the change
    /// relative to the baseline mean (for shares, in percentage points) with its 95 %
    /// interval, coloured by its verdict. Changes beyond ±150 are drawn to the edge with an arrow.
    public static func differences(
        _ rows: [KPIComparisonRow], other: Int, scenarioNames: [String], currency: String,
        language: ReportLanguage, id: String
    ) -> String {
        let words = Words.of(language)
        let p = Phrasing(language: language, currency: currency)
        let rowHeight = 24.0
        let top = 80.0
        let height = top + Double(rows.count) * rowHeight + 64
        var c = SVGCanvas(width: width, height: height, id: id)
        let otherName = other + 1 < scenarioNames.count ? scenarioNames[other + 1] : ""
        let baseName = scenarioNames.first ?? ""
        let title = "\(words.differencesTitle): \(otherName) \(words.vs) \(baseName)"
        c.text(SVGCanvas.truncated(title, width: width - 40, size: 15), 20, 26, size: 15, weight: "bold")
        c.legend([.init(label: words.better, colour: Palette.better, style: .box),
                  .init(label: words.worse, colour: Palette.worse, style: .box),
                  .init(label: "\(words.higher)/\(words.lower)", colour: Palette.neutral, style: .box),
                  .init(label: words.noClearDifference, colour: Palette.unclear, style: .box)],
                 x: 20, y: 52, maxWidth: width - 40)

        // Every change in percent: relative for most KPIs, percentage points for shares.
        let changes: [Interval?] = rows.map { row in
            let info = KPIInfo.info(for: row.kpi)
            if info.kind == .share {
                return row.difference(other).map { Interval(mean: $0.mean * 100, low: $0.low * 100, high: $0.high * 100) }
            }
            // The same relative change as the table shows ("–" there, no bar here): not for
            // minutes, not from a baseline of nothing, not beyond ±500 %.
            return p.readableRelative(row, other: other, info)
                .map { Interval(mean: $0.mean * 100, low: $0.low * 100, high: $0.high * 100) }
        }
        let limit = 150.0
        let ends = changes.compactMap { $0 }.flatMap { [$0.low, $0.high, $0.mean] }.filter(\.isFinite)
        let ticks = Ticks(low: max(min(ends.min() ?? -10, 0), -limit), high: min(max(ends.max() ?? 10, 0), limit), target: 6)
        let labelWidth = 270.0
        let plot = Plot(left: 20 + labelWidth, top: top, right: width - 90, bottom: top + Double(rows.count) * rowHeight)
        let x = { (v: Double) in plot.left + (min(max(v, ticks.low), ticks.high) - ticks.low) / (ticks.high - ticks.low) * plot.width }
        for t in ticks.values {
            c.line(x(t), plot.top, x(t), plot.bottom, stroke: t == 0 ? Palette.ink : Palette.grid, width: t == 0 ? 1.2 : 1)
            c.text(p.format.number(t, decimals: ticks.decimals, signed: true), x(t), plot.bottom + 16, anchor: .middle, size: 11, fill: Palette.muted)
        }
        for (r, row) in rows.enumerated() {
            let info = p.info(row.kpi)
            let cy = top + Double(r) * rowHeight + rowHeight / 2
            if r % 2 == 0 { c.rect(20, cy - rowHeight / 2, width - 40, rowHeight, fill: "#f5f7fa") }
            c.text(SVGCanvas.truncated(info.name(language), width: labelWidth - 12, size: 12), 20 + 6, cy + 4)
            guard let change = changes[r], change.mean.isFinite, change.low.isFinite, change.high.isFinite else {
                c.text("–", width - 24, cy + 4, anchor: .end, fill: Palette.muted)
                continue
            }
            let claimed = row.isClaimed(other)
            let colour: String
            switch (claimed, info.assessment(ofChange: change.mean)) {
            case (false, _): colour = Palette.unclear
            case (true, .better): colour = Palette.better
            case (true, .worse): colour = Palette.worse
            case (true, .neutral): colour = Palette.neutral
            }
            c.line(x(change.low), cy, x(change.high), cy, stroke: colour, width: 2.5)
            for end in [change.low, change.high] where end > ticks.low && end < ticks.high {
                c.line(x(end), cy - 5, x(end), cy + 5, stroke: colour, width: 2)
            }
            if change.low < ticks.low {
                c.polygon([(x(ticks.low) - 4, cy), (x(ticks.low) + 4, cy - 5), (x(ticks.low) + 4, cy + 5)], fill: colour)
            }
            if change.high > ticks.high {
                c.polygon([(x(ticks.high) + 4, cy), (x(ticks.high) - 4, cy - 5), (x(ticks.high) - 4, cy + 5)], fill: colour)
            }
            let label = info.kind == .share
                ? row.difference(other).map { p.differenceMean($0, info) } ?? "–" : p.relativeCell(row, other: other, info)
            c.circle(x(change.mean), cy, r: 5, fill: colour, stroke: "#ffffff",
                     tooltip: "\(info.name(language)): \(label) (\(p.format.number(change.low, decimals: 1, signed: true)) \(words.to) \(p.format.number(change.high, decimals: 1, signed: true)))")
            c.text(label, width - 24, cy + 4, anchor: .end, weight: claimed ? "bold" : nil, fill: claimed ? colour : Palette.muted)
        }
        c.text(words.differencesAxis, plot.left + plot.width / 2, plot.bottom + 36, anchor: .middle, fill: Palette.muted)
        c.text(words.sharesInPoints,
               plot.left + plot.width / 2, plot.bottom + 52, anchor: .middle, size: 11, fill: Palette.muted)
        return c.render(title: title, description: words.differencesAxis)
    }

    // MARK: - Shared pieces

    struct Plot {
        var left, top, right, bottom: Double
        var width: Double { right - left }
        var height: Double { bottom - top }
    }

    static func gridY(_ c: inout SVGCanvas, _ plot: Plot, _ ticks: Ticks, y: (Double) -> Double, format: NumberFormat) {
        for t in ticks.values {
            c.line(plot.left, y(t), plot.right, y(t), stroke: Palette.grid)
            c.text(tickLabel(t, ticks, format), plot.left - 8, y(t) + 4, anchor: .end, fill: Palette.muted)
        }
    }

    /// A tick value; millions are shortened ("5 M", "5 mio.").
    static func tickLabel(_ value: Double, _ ticks: Ticks, _ format: NumberFormat) -> String {
        guard ticks.high.magnitude >= 1_000_000 || ticks.low.magnitude >= 1_000_000 else {
            return format.number(value, decimals: ticks.decimals)
        }
        let step = Ticks(low: ticks.low / 1e6, high: ticks.high / 1e6, target: max(ticks.values.count - 1, 1))
        let decimals = (ticks.step / 1e6).rounded() == ticks.step / 1e6 ? 0 : step.decimals
        let text = format.number(value / 1e6, decimals: decimals)
        return value == 0 ? text : text + (format.language == .da ? " mio." : " M")
    }

    static func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
