// The charts of a sweep: a KPI against a parameter with its 95 % band, cost against service
// with the Pareto front, and a heat grid over two parameters.

/// One point of a KPI against a parameter: the parameter's value (its position on the
/// x axis, and how it is written), the KPI's mean and 95 % interval.
public struct SweepPoint: Sendable, Hashable {
    public var x: Double
    public var label: String
    public var mean: Double
    public var low: Double
    public var high: Double
    /// Drawn filled when true (e.g. the variant meets the requirements).
    public var highlighted: Bool
    /// The variant's id, for the tooltip.
    public var variant: String

    public init(x: Double, label: String, mean: Double, low: Double, high: Double, highlighted: Bool, variant: String) {
        self.x = x
        self.label = label
        self.mean = mean
        self.low = low
        self.high = high
        self.highlighted = highlighted
        self.variant = variant
    }
}

/// Points of one line: the variants that differ only in the plotted parameter.
public struct SweepSeries: Sendable, Hashable {
    /// What the other parameters are set to ("" when there are none).
    public var name: String
    public var points: [SweepPoint]
    public init(name: String, points: [SweepPoint]) {
        self.name = name
        self.points = points
    }
}

/// A point of the cost-against-service chart.
public struct CostServicePoint: Sendable, Hashable {
    public var variant: String
    public var cost: Double
    public var service: Double
    public var onFront: Bool
    public var isBest: Bool
    public init(variant: String, cost: Double, service: Double, onFront: Bool, isBest: Bool) {
        self.variant = variant
        self.cost = cost
        self.service = service
        self.onFront = onFront
        self.isBest = isBest
    }
}

public enum SweepCharts {
    static let width = 760.0
    static let height = 420.0

    /// A KPI against a parameter: a line and a shaded 95 % band per series (points with
    /// error bars where a series has one point, or `connect` is false), and the bound a
    /// requirement sets as a dashed line. `categorical` places the values evenly in order.
    public static func kpiAgainstParameter(
        title: String, parameter: String, kpi: KPIInfo, series: [SweepSeries], bound: Double?, categorical: Bool,
        connect: Bool, language: ReportLanguage, currency: String, id: String
    ) -> String {
        let format = NumberFormat(language)
        var c = SVGCanvas(width: width, height: height, id: id)
        c.text(SVGCanvas.truncated(title, width: width - 40, size: 15), 20, 26, size: 15, weight: "bold")
        let named = series.filter { !$0.name.isEmpty }
        let legendHeight = named.isEmpty ? 0 : c.legend(
            named.enumerated().map { .init(label: $0.element.name, colour: Palette.scenario($0.offset + 1), style: .line) },
            x: 20, y: 52, maxWidth: width - 40)
        let plot = Charts.Plot(left: 78, top: 52 + legendHeight + 8, right: width - 30, bottom: height - 58)

        let points = series.flatMap(\.points)
        let labels = orderedLabels(points)
        func position(_ p: SweepPoint) -> Double {
            categorical ? Double(labels.firstIndex(of: p.label) ?? 0) : p.x
        }
        let xs = points.map(position)
        var xLow = xs.min() ?? 0, xHigh = xs.max() ?? 1
        if xHigh <= xLow { xLow -= 1; xHigh += 1 }
        let pad = categorical ? 0.5 : (xHigh - xLow) * 0.05
        xLow -= pad
        xHigh += pad
        let scale = kpi.kind == .share ? 100.0 : 1.0
        let values = points.flatMap { [$0.low, $0.high, $0.mean] }.filter(\.isFinite).map { $0 * scale }
            + (bound.map { [$0 * scale] } ?? [])
        let top = max(values.max() ?? 1, 0) * 1.02
        let yTicks = Ticks(low: min(values.min() ?? 0, kpi.kind == .share ? (values.min() ?? 0) : 0),
                           high: kpi.kind == .share ? min(top, 100) : top)
        let x = { (v: Double) in plot.left + (v - xLow) / (xHigh - xLow) * plot.width }
        let y = { (v: Double) in plot.bottom - (v * scale - yTicks.low) / (yTicks.high - yTicks.low) * plot.height }

        Charts.gridY(&c, plot, yTicks, y: { plot.bottom - ($0 - yTicks.low) / (yTicks.high - yTicks.low) * plot.height },
                     format: format)
        c.line(plot.left, plot.bottom, plot.right, plot.bottom, stroke: Palette.axis)
        if categorical {
            for (i, label) in labels.enumerated() {
                let px = x(Double(i))
                c.line(px, plot.bottom, px, plot.bottom + 4, stroke: Palette.axis)
                c.text(SVGCanvas.truncated(label, width: plot.width / Double(max(labels.count, 1)), size: 11),
                       px, plot.bottom + 18, anchor: .middle, size: 11, fill: Palette.muted)
            }
        } else {
            let xTicks = Ticks(low: xLow + pad, high: xHigh - pad)
            for t in xTicks.values where t >= xLow && t <= xHigh {
                c.line(x(t), plot.bottom, x(t), plot.bottom + 4, stroke: Palette.axis)
                c.text(format.number(t, decimals: xTicks.decimals), x(t), plot.bottom + 18, anchor: .middle, fill: Palette.muted)
            }
        }
        c.text(SVGCanvas.truncated(parameter, width: plot.width, size: 12), plot.left + plot.width / 2, height - 22,
               anchor: .middle, fill: Palette.muted)
        let unit = kpi.unit(language, currency: currency)
        c.text(SVGCanvas.truncated(kpi.name(language) + (unit.isEmpty ? "" : " (\(unit))"), width: plot.height, size: 12),
               18, plot.top + plot.height / 2, anchor: .middle, fill: Palette.muted, rotate: -90)
        if let bound {
            c.line(plot.left, y(bound), plot.right, y(bound), stroke: Palette.worse, width: 1.5, dash: "6 4")
        }
        for (s, line) in series.enumerated() {
            let colour = named.isEmpty ? Palette.scenario(1) : Palette.scenario(s + 1)
            let ordered = line.points.filter { $0.mean.isFinite }.sorted { position($0) < position($1) }
            if connect, ordered.count > 1 {
                let upper = ordered.map { (x(position($0)), y($0.high)) }
                let lower = ordered.reversed().map { (x(position($0)), y($0.low)) }
                c.raw("<polygon points=\"\((upper + lower).map { "\(svgNumber($0.0)),\(svgNumber($0.1))" }.joined(separator: " "))\" fill=\"\(colour)\" fill-opacity=\"0.18\"/>")
                c.polyline(ordered.map { (x(position($0)), y($0.mean)) }, stroke: colour, width: 2.5)
            } else {
                for p in ordered {
                    c.line(x(position(p)), y(p.low), x(position(p)), y(p.high), stroke: colour, width: 1.5)
                }
            }
            for p in ordered {
                let tip = "\(p.variant): \(p.label) → \(format.number(p.mean * scale, decimals: kpi.kind == .money ? 0 : 2)) "
                    + "(\(format.number(p.low * scale, decimals: kpi.kind == .money ? 0 : 2)) – "
                    + "\(format.number(p.high * scale, decimals: kpi.kind == .money ? 0 : 2)))"
                c.circle(x(position(p)), y(p.mean), r: 4, fill: p.highlighted ? colour : "#ffffff", stroke: colour, tooltip: tip)
            }
        }
        return c.render(title: title, description: "\(kpi.name(language)) / \(parameter)")
    }

    /// Annual cost against a service KPI, one point per variant, the Pareto front joined
    /// (a staircase through the variants no other beats on both), the best ringed.
    public static func costAgainstService(
        title: String, points: [CostServicePoint], service: KPIInfo, costLabel: String, frontLabel: String,
        bestLabel: String, language: ReportLanguage, id: String
    ) -> String {
        let format = NumberFormat(language)
        var c = SVGCanvas(width: width, height: height, id: id)
        c.text(SVGCanvas.truncated(title, width: width - 40, size: 15), 20, 26, size: 15, weight: "bold")
        let legendHeight = c.legend([.init(label: frontLabel, colour: Palette.scenario(1), style: .line),
                                     .init(label: bestLabel, colour: Palette.better, style: .box)],
                                    x: 20, y: 52, maxWidth: width - 40)
        let plot = Charts.Plot(left: 90, top: 52 + legendHeight + 8, right: width - 30, bottom: height - 58)
        let finite = points.filter { $0.cost.isFinite && $0.service.isFinite }
        let scale = service.kind == .share ? 100.0 : 1.0
        let xTicks = Ticks(low: (finite.map(\.cost).min() ?? 0) * 0.98, high: (finite.map(\.cost).max() ?? 1) * 1.02)
        let serviceTop = (finite.map { $0.service * scale }.max() ?? 1) * 1.02
        let yTicks = Ticks(low: (finite.map { $0.service * scale }.min() ?? 0) * 0.98,
                           high: service.kind == .share ? min(serviceTop, 100) : serviceTop)
        let x = { (v: Double) in plot.left + (v - xTicks.low) / (xTicks.high - xTicks.low) * plot.width }
        let y = { (v: Double) in plot.bottom - (v * scale - yTicks.low) / (yTicks.high - yTicks.low) * plot.height }
        Charts.gridY(&c, plot, yTicks, y: { plot.bottom - ($0 - yTicks.low) / (yTicks.high - yTicks.low) * plot.height },
                     format: format)
        c.line(plot.left, plot.bottom, plot.right, plot.bottom, stroke: Palette.axis)
        for t in xTicks.values {
            c.line(x(t), plot.bottom, x(t), plot.bottom + 4, stroke: Palette.axis)
            c.text(Charts.tickLabel(t, xTicks, format), x(t), plot.bottom + 18, anchor: .middle, fill: Palette.muted)
        }
        c.text(costLabel, plot.left + plot.width / 2, height - 22, anchor: .middle, fill: Palette.muted)
        let unit = service.unit(language, currency: "")
        c.text(service.name(language) + (unit.isEmpty ? "" : " (\(unit))"), 18, plot.top + plot.height / 2,
               anchor: .middle, fill: Palette.muted, rotate: -90)
        // The front as a staircase: from each front point, across at its service to the next cost.
        let front = finite.filter(\.onFront).sorted { ($0.cost, $0.service) < ($1.cost, $1.service) }
        var stairs: [(Double, Double)] = []
        for (i, p) in front.enumerated() {
            stairs.append((x(p.cost), y(p.service)))
            if i + 1 < front.count { stairs.append((x(front[i + 1].cost), y(p.service))) }
        }
        c.polyline(stairs, stroke: Palette.scenario(1), width: 2)
        for p in finite {
            let tip = "\(p.variant): \(format.number(p.cost, decimals: 0)) · \(format.number(p.service * scale, decimals: 1))"
            c.circle(x(p.cost), y(p.service), r: p.onFront ? 5 : 3.5, fill: p.onFront ? Palette.scenario(1) : "#ffffff",
                     stroke: p.onFront ? Palette.scenario(1) : Palette.axis, tooltip: tip)
            if p.isBest {
                c.raw("<circle cx=\"\(svgNumber(x(p.cost)))\" cy=\"\(svgNumber(y(p.service)))\" r=\"10\" fill=\"none\" stroke=\"\(Palette.better)\" stroke-width=\"2.5\"/>")
                c.text(p.variant, x(p.cost) + 13, y(p.service) - 8, weight: "bold", fill: Palette.better)
            }
        }
        return c.render(title: title, description: "\(costLabel) / \(service.name(language))")
    }

    /// A KPI's mean over two parameters: one cell per pair of values, coloured from low to
    /// high (reversed when lower is better), the value written in each cell.
    public static func heatGrid(
        title: String, xParameter: String, yParameter: String, xLabels: [String], yLabels: [String],
        values: [[Double?]], kpi: KPIInfo, language: ReportLanguage, currency: String, id: String
    ) -> String {
        let format = NumberFormat(language)
        let cellWidth = min(110.0, (width - 190) / Double(max(xLabels.count, 1)))
        let cellHeight = min(44.0, 300 / Double(max(yLabels.count, 1)))
        let chartHeight = 120 + cellHeight * Double(yLabels.count) + 40
        var c = SVGCanvas(width: width, height: chartHeight, id: id)
        c.text(SVGCanvas.truncated(title, width: width - 40, size: 15), 20, 26, size: 15, weight: "bold")
        let left = 170.0, top = 70.0
        let scale = kpi.kind == .share ? 100.0 : 1.0
        let finite = values.flatMap { $0 }.compactMap { $0 }.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        for (j, label) in yLabels.enumerated() {
            c.text(SVGCanvas.truncated(label, width: left - 30, size: 12), left - 10, top + cellHeight * (Double(j) + 0.5) + 4,
                   anchor: .end, fill: Palette.muted)
            for i in xLabels.indices {
                let value = j < values.count && i < values[j].count ? values[j][i] : nil
                let cx = left + cellWidth * Double(i), cy = top + cellHeight * Double(j)
                guard let value, value.isFinite else {
                    c.rect(cx + 1, cy + 1, cellWidth - 2, cellHeight - 2, fill: Palette.grid)
                    continue
                }
                var t = high > low ? (value - low) / (high - low) : 0.5
                if kpi.preference == .lowerIsBetter { t = 1 - t }
                c.rect(cx + 1, cy + 1, cellWidth - 2, cellHeight - 2, fill: colour(t), radius: 2,
                       tooltip: "\(xParameter) \(xLabels[i]), \(yParameter) \(label): \(format.number(value * scale, decimals: 2))")
                c.text(format.number(value * scale, decimals: kpi.kind == .money ? 0 : 1), cx + cellWidth / 2,
                       cy + cellHeight / 2 + 4, anchor: .middle, size: 11, fill: t > 0.6 ? "#ffffff" : Palette.ink)
            }
        }
        for (i, label) in xLabels.enumerated() {
            c.text(SVGCanvas.truncated(label, width: cellWidth - 4, size: 11), left + cellWidth * (Double(i) + 0.5), top - 8,
                   anchor: .middle, size: 11, fill: Palette.muted)
        }
        c.text(SVGCanvas.truncated(xParameter, width: width - left - 20, size: 12), left, 52, fill: Palette.muted)
        c.text(SVGCanvas.truncated(yParameter, width: chartHeight - top - 20, size: 12), 16,
               top + cellHeight * Double(yLabels.count) / 2, anchor: .middle, fill: Palette.muted, rotate: -90)
        let unit = kpi.unit(language, currency: currency)
        c.text(kpi.name(language) + (unit.isEmpty ? "" : " (\(unit))"), left, top + cellHeight * Double(yLabels.count) + 26,
               fill: Palette.muted)
        return c.render(title: title, description: "\(kpi.name(language)): \(yParameter) × \(xParameter)")
    }

    /// A sequential blue scale from pale (0) to dark (1).
    static func colour(_ t: Double) -> String {
        let from = (239.0, 246.0, 255.0), to = (8.0, 69.0, 148.0)
        let u = min(max(t, 0), 1)
        func channel(_ a: Double, _ b: Double) -> String {
            let v = Int((a + (b - a) * u).rounded())
            let hex = String(v, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + channel(from.0, to.0) + channel(from.1, to.1) + channel(from.2, to.2)
    }

    /// Labels in order of first appearance (sorted numerically when all are numbers).
    static func orderedLabels(_ points: [SweepPoint]) -> [String] {
        var seen: [String] = []
        for p in points.sorted(by: { ($0.x, $0.label) < ($1.x, $1.label) }) where !seen.contains(p.label) { seen.append(p.label) }
        return seen
    }
}
