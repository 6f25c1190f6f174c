// A few drawing calls that write SVG text; every chart is built on this.

/// The fonts of the report and its charts.
let fontStack = "'Liberation Sans', Arial, Helvetica, sans-serif"

/// Scenario colours: the baseline grey-blue, the others from the Okabe–Ito palette
/// (distinct for colour-blind readers).
package enum Palette {
    package static let scenarios = ["#5b7083", "#e69f00", "#009e73", "#cc79a7", "#0072b2", "#d55e00", "#56b4e9"]
    package static func scenario(_ index: Int) -> String { scenarios[index % scenarios.count] }

    package static let ink = "#1f2933"
    package static let muted = "#616e7c"
    package static let grid = "#e4e7eb"
    package static let axis = "#9aa5b1"
    package static let better = "#1a7f37"
    package static let worse = "#c62828"
    package static let neutral = "#1f6feb"
    package static let unclear = "#9aa5b1"
}

package struct SVGCanvas {
    let width: Double
    let height: Double
    /// Prefix of the ids in this SVG; unique within the page.
    let id: String
    private(set) var body = ""

    init(width: Double, height: Double, id: String) {
        self.width = width
        self.height = height
        self.id = Escape.idFragment(id)
    }

    enum Anchor: String { case start, middle, end }

    mutating func raw(_ text: String) { body += text + "\n" }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double,
                       stroke: String, width: Double = 1, dash: String? = nil) {
        var s = "<line x1=\"\(svgNumber(x1))\" y1=\"\(svgNumber(y1))\" x2=\"\(svgNumber(x2))\" y2=\"\(svgNumber(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(svgNumber(width))\""
        if let dash { s += " stroke-dasharray=\"\(dash)\"" }
        raw(s + "/>")
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String,
                       stroke: String? = nil, radius: Double = 0, opacity: Double? = nil, tooltip: String? = nil) {
        var s = "<rect x=\"\(svgNumber(x))\" y=\"\(svgNumber(y))\" width=\"\(svgNumber(max(w, 0)))\" height=\"\(svgNumber(max(h, 0)))\" fill=\"\(fill)\""
        if let stroke { s += " stroke=\"\(stroke)\"" }
        if radius > 0 { s += " rx=\"\(svgNumber(radius))\"" }
        if let opacity { s += " fill-opacity=\"\(svgNumber(opacity))\"" }
        if let tooltip {
            raw(s + "><title>\(Escape.html(tooltip))</title></rect>")
        } else {
            raw(s + "/>")
        }
    }

    mutating func circle(_ cx: Double, _ cy: Double, r: Double, fill: String, stroke: String? = nil,
                         tooltip: String? = nil) {
        var s = "<circle cx=\"\(svgNumber(cx))\" cy=\"\(svgNumber(cy))\" r=\"\(svgNumber(r))\" fill=\"\(fill)\""
        if let stroke { s += " stroke=\"\(stroke)\" stroke-width=\"1.5\"" }
        if let tooltip {
            raw(s + "><title>\(Escape.html(tooltip))</title></circle>")
        } else {
            raw(s + "/>")
        }
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil) {
        guard points.count > 1 else { return }
        let list = points.map { "\(svgNumber($0.0)),\(svgNumber($0.1))" }.joined(separator: " ")
        var s = "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(svgNumber(width))\" stroke-linejoin=\"round\" stroke-linecap=\"round\""
        if let dash { s += " stroke-dasharray=\"\(dash)\"" }
        raw(s + "/>")
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String) {
        let list = points.map { "\(svgNumber($0.0)),\(svgNumber($0.1))" }.joined(separator: " ")
        raw("<polygon points=\"\(list)\" fill=\"\(fill)\"/>")
    }

    mutating func text(_ text: String, _ x: Double, _ y: Double, anchor: Anchor = .start, size: Double = 12,
                       weight: String? = nil, fill: String = Palette.ink, rotate: Double? = nil) {
        var s = "<text x=\"\(svgNumber(x))\" y=\"\(svgNumber(y))\""
        if anchor != .start { s += " text-anchor=\"\(anchor.rawValue)\"" }
        if size != 12 { s += " font-size=\"\(svgNumber(size))\"" }
        if let weight { s += " font-weight=\"\(weight)\"" }
        if fill != Palette.ink { s += " fill=\"\(fill)\"" }
        if let rotate { s += " transform=\"rotate(\(svgNumber(rotate)) \(svgNumber(x)) \(svgNumber(y)))\"" }
        raw(s + ">\(Escape.html(text))</text>")
    }

    /// A horizontal legend of coloured swatches, wrapped to `maxWidth`; returns its height.
    @discardableResult
    mutating func legend(_ items: [LegendItem], x: Double, y: Double, maxWidth: Double) -> Double {
        var cx = x, cy = y
        for item in items {
            let label = SVGCanvas.truncated(item.label, width: maxWidth - 40, size: 12)
            let w = 22 + SVGCanvas.textWidth(label, size: 12) + 18
            if cx > x, cx + w > x + maxWidth { cx = x; cy += 20 }
            switch item.style {
            case .box: rect(cx, cy - 10, 12, 12, fill: item.colour, radius: 2)
            case .line: line(cx, cy - 4, cx + 16, cy - 4, stroke: item.colour, width: 3)
            case .dashed: line(cx, cy - 4, cx + 16, cy - 4, stroke: item.colour, width: 1.5, dash: "5 3")
            }
            text(label, cx + 22, cy)
            cx += w
        }
        return cy - y + 20
    }

    struct LegendItem {
        enum Style { case box, line, dashed }
        var label: String
        var colour: String
        var style: Style
    }

    /// The scenarios as legend items.
    static func scenarioLegend(_ names: [String], style: LegendItem.Style) -> [LegendItem] {
        names.indices.map { LegendItem(label: names[$0], colour: Palette.scenario($0), style: style) }
    }

    /// The SVG element with an accessible title and description.
    func render(title: String, description: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(svgNumber(width)) \(svgNumber(height))" \
        width="\(svgNumber(width))" height="\(svgNumber(height))" role="img" \
        aria-labelledby="\(id)-title \(id)-desc" font-family="\(fontStack)" font-size="12" fill="\(Palette.ink)">
        <title id="\(id)-title">\(Escape.html(title))</title>
        <desc id="\(id)-desc">\(Escape.html(description))</desc>
        <rect width="100%" height="100%" fill="#ffffff"/>
        \(body)</svg>
        """
    }

    // MARK: - Text metrics (Liberation Sans, approximately)

    /// The width of `text` at font size `size`, from average glyph widths.
    package static func textWidth(_ text: String, size: Double) -> Double {
        var em = 0.0
        for ch in text.unicodeScalars {
            switch ch {
            case "i", "j", "l", "I", "!", "'", ".", ",", ":", ";", "|", " ": em += 0.28
            case "f", "t", "r", "(", ")", "[", "]", "-": em += 0.35
            case "m", "w", "M", "W", "%", "@": em += 0.85
            case "A"..."Z", "Æ", "Ø", "Å": em += 0.68
            default: em += 0.56
            }
        }
        return em * size
    }

    /// `text` broken into at most `maxLines` lines of `width`, the last cut with "…".
    package static func wrapped(_ text: String, width: Double, size: Double, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if textWidth(candidate, size: size) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines - 1)) + [lines[(maxLines - 1)...].joined(separator: " ")]
        }
        return lines.map { truncated($0, width: width, size: size) }
    }

    /// `text` cut with "…" to fit `width`.
    package static func truncated(_ text: String, width: Double, size: Double) -> String {
        guard textWidth(text, size: size) > width, width > 0 else { return text }
        var t = text
        while !t.isEmpty, textWidth(t + "…", size: size) > width { t.removeLast() }
        return t + "…"
    }
}

/// Axis ticks at round numbers (1, 2, 2.5 or 5 times a power of ten).
struct Ticks {
    let values: [Double]
    let step: Double
    var low: Double { values.first ?? 0 }
    var high: Double { values.last ?? 1 }

    init(low: Double, high: Double, target: Int = 5) {
        let lo = low.isFinite ? low : 0
        var hi = high.isFinite ? high : 1
        if hi <= lo { hi = lo + (lo == 0 ? 1 : abs(lo) * 0.5) }
        let rough = (hi - lo) / Double(max(target, 1))
        // rough = m × 10^e with m in [1, 10)
        var e = 0
        while Self.power(e + 1) <= rough { e += 1 }
        while Self.power(e) > rough { e -= 1 }
        let m = [1.0, 2, 2.5, 5, 10].first { $0 * Self.power(e) >= rough * 0.999 } ?? 10
        let step = m * Self.power(e)
        // Each tick is k × m × 10^e, computed so that 0.6 is 0.6 and not 0.6000000000000001.
        func value(_ k: Int) -> Double {
            e >= 0 ? Double(k) * m * Self.power(e) : Double(k) * m / Self.power(-e)
        }
        let first = Int((lo / step).rounded(.down)), last = Int((hi / step - 1e-9).rounded(.up))
        self.values = (first...max(first + 1, last)).map(value)
        self.step = step
    }

    /// 10^e, exactly for the exponents used here.
    static func power(_ e: Int) -> Double {
        var p = 1.0
        if e >= 0 { for _ in 0..<e { p *= 10 } } else { for _ in 0..<(-e) { p /= 10 } }
        return p
    }

    /// Decimals that show every tick exactly.
    var decimals: Int {
        var d = 0
        var s = step
        while d < 4, (s - s.rounded()).magnitude > 1e-9 {
            s *= 10
            d += 1
        }
        return d
    }
}
