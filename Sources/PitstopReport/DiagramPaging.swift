import Foundation

// How a drawing is paged: the whole of it on one page when its smallest text stays
// readable there, otherwise cut into overlapping tiles at a readable scale — for print
// (report.html) and for slides (the deck) alike.

/// A rectangle in a drawing's own units (its viewBox) or on a page (points).
public struct Rect: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// What paging needs to know of an SVG drawing, read off its text.
public struct SVGDrawing: Sendable, Hashable {
    /// The viewBox (or 0 0 width height). Graphviz and the charts draw 1 unit = 1 pt.
    public var viewBox: Rect
    /// The drawn part: the viewBox without Graphviz's padding (`pad`) around the graph.
    public var content: Rect
    /// The smallest `font-size` in the drawing, in its units; nil when it has no text.
    public var smallestFontSize: Double?
    /// The id of the first group (Graphviz's whole graph), which `<use>` can show again.
    public var firstGroupID: String?

    /// Nil when the text is not an SVG with a size.
    public init?(_ svg: String) {
        guard let open = SVGDrawing.firstTag("svg", in: svg) else { return nil }
        if let box = SVGDrawing.attribute("viewBox", in: open).map(SVGDrawing.numbers), box.count == 4, box[2] > 0, box[3] > 0 {
            viewBox = Rect(x: box[0], y: box[1], width: box[2], height: box[3])
        } else if let w = SVGDrawing.attribute("width", in: open).flatMap(SVGDrawing.length),
            let h = SVGDrawing.attribute("height", in: open).flatMap(SVGDrawing.length), w > 0, h > 0 {
            viewBox = Rect(x: 0, y: 0, width: w, height: h)
        } else {
            return nil
        }
        content = viewBox
        let group = SVGDrawing.firstTag("g", in: svg)
        firstGroupID = group.flatMap { SVGDrawing.attribute("id", in: $0) }
        // Graphviz: <g class="graph" transform="scale(1 1) rotate(0) translate(pad H-pad)">.
        if let group, let transform = SVGDrawing.attribute("transform", in: group),
            transform.hasPrefix("scale(1 1)"), let range = transform.range(of: "translate(") {
            let t = SVGDrawing.numbers(String(transform[range.upperBound...].prefix { $0 != ")" }))
            if t.count == 2, t[0] >= 0, t[0] < viewBox.width / 2, t[1] > viewBox.height / 2, t[1] <= viewBox.height {
                let padY = viewBox.height - t[1]
                content = Rect(x: viewBox.x + t[0], y: viewBox.y + padY,
                               width: viewBox.width - 2 * t[0], height: viewBox.height - 2 * padY)
            }
        }
        smallestFontSize = SVGDrawing.smallestFontSize(in: svg)
    }

    /// The smallest `font-size="…"` value, in one pass over the UTF-8 bytes (Foundation's
    /// `range(of:)` on a substring of a large drawing is linear per call, so a search loop
    /// over a chart of thousands of labels took quadratic time).
    static func smallestFontSize(in svg: String) -> Double? {
        var text = svg
        return text.withUTF8 { bytes -> Double? in
            let pattern = Array("font-size=\"".utf8), quote = UInt8(ascii: "\"")
            var smallest: Double?
            var i = 0
            while i + pattern.count <= bytes.count {
                guard bytes[i] == pattern[0], bytes[i..<(i + pattern.count)].elementsEqual(pattern) else {
                    i += 1
                    continue
                }
                let start = i + pattern.count
                var end = start
                while end < bytes.count, bytes[end] != quote { end += 1 }
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                if let size = SVGDrawing.length(value), size > 0 { smallest = min(smallest ?? size, size) }
                i = end
            }
            return smallest
        }
    }

    static func firstTag(_ name: String, in text: String) -> Substring? {
        var rest = text[...]
        while let start = rest.range(of: "<\(name)") {
            let after = rest[start.upperBound...]
            if let next = after.first, next == " " || next == "\n" || next == "\t" || next == ">" {
                guard let end = after.firstIndex(of: ">") else { return nil }
                return text[start.lowerBound...end]
            }
            rest = after
        }
        return nil
    }

    static func attribute(_ name: String, in tag: Substring) -> String? {
        var rest = tag
        while let range = rest.range(of: "\(name)=\"") {
            let before = rest[..<range.lowerBound].last
            if before == " " || before == "\n" || before == "\t" {
                return String(rest[range.upperBound...].prefix { $0 != "\"" })
            }
            rest = rest[range.upperBound...]
        }
        return nil
    }

    static func numbers(_ text: String) -> [Double] {
        text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" }).compactMap { Double($0) }
    }

    /// "727pt", "12.5", "10px" → the number (units are taken as the drawing's own).
    static func length(_ text: String) -> Double? {
        let number = text.prefix { $0.isNumber || $0 == "." || $0 == "-" }
        return Double(number).flatMap { $0.isFinite ? $0 : nil }
    }
}

/// How one drawing goes onto pages of one size.
public struct DiagramPaging: Sendable, Hashable {
    /// Page points per drawing unit.
    public var scale: Double
    /// The parts of the drawing (in its units), one per page, row by row; one part holding
    /// the whole drawing when it is readable on one page.
    public var tiles: [Rect]
    public var columns: Int
    public var rows: Int

    /// The smallest text, in points, that a printed page or a slide may show: 6 pt, the
    /// floor that print regulations set for text people must read (US 21 CFR 201.66(d)(2),
    /// "Drug Facts" labels), and a little below the report's own smallest printed text (7 pt).
    public static let readableFontPoints = 6.0

    /// Pages `drawing` onto pages of `page` points: the whole drawing, scaled to fit (at most
    /// `maxScale`), when its smallest text is then at least `readableFont` points; otherwise
    /// tiles at the scale that makes the smallest text exactly that size, spread evenly over
    /// the drawing so that neighbours overlap.
    public init(_ drawing: SVGDrawing, page: (width: Double, height: Double),
                readableFont: Double = DiagramPaging.readableFontPoints, maxScale: Double = 2) {
        let c = drawing.content
        let fit = min(page.width / c.width, page.height / c.height, maxScale)
        guard let smallest = drawing.smallestFontSize, smallest * fit < readableFont - 1e-9 else {
            scale = fit
            tiles = [c]
            columns = 1
            rows = 1
            return
        }
        let s = readableFont / smallest
        let tileWidth = min(page.width / s, c.width), tileHeight = min(page.height / s, c.height)
        let columns = Int((c.width / tileWidth - 1e-9).rounded(.up))
        let rows = Int((c.height / tileHeight - 1e-9).rounded(.up))
        func starts(_ count: Int, _ total: Double, _ size: Double, _ origin: Double) -> [Double] {
            count <= 1 ? [origin] : (0..<count).map { origin + Double($0) * (total - size) / Double(count - 1) }
        }
        var tiles: [Rect] = []
        for y in starts(rows, c.height, tileHeight, c.y) {
            for x in starts(columns, c.width, tileWidth, c.x) {
                tiles.append(Rect(x: x, y: y, width: tileWidth, height: tileHeight))
            }
        }
        scale = s
        self.tiles = tiles
        self.columns = columns
        self.rows = rows
    }
}
