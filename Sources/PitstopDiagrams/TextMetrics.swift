/// Widths of text in Arial (drawn with Liberation Sans, whose advance widths are Arial's and
/// Helvetica's), to plan a layout before Graphviz measures it: how many columns a list
/// gets, whether a label fits its zone. Estimates, within a few per cent for Latin text.
enum TextMetrics {
    /// The advance width of `text` at `size` points, bold or regular, in points.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var units = 0
        for scalar in text.unicodeScalars { units += advance(scalar, bold: bold) }
        return Double(units) * size / 1000
    }

    /// The widest of `lines`.
    static func width(of lines: [String], size: Double, bold: Bool = false) -> Double {
        lines.map { width($0, size: size, bold: bold) }.max() ?? 0
    }

    /// Splits `text` at spaces into lines no wider than `maxWidth` points (a single wider
    /// word stays whole on its own line).
    static func wrap(_ text: String, size: Double, maxWidth: Double, bold: Bool = false) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if current.isEmpty || width(candidate, size: size, bold: bold) <= maxWidth {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// `text` cut with an ellipsis so that it is no wider than `maxWidth` points.
    static func truncate(_ text: String, size: Double, maxWidth: Double, bold: Bool = false) -> String {
        guard width(text, size: size, bold: bold) > maxWidth else { return text }
        let budget = maxWidth - width("…", size: size, bold: bold)
        var cut = ""
        var used = 0.0
        for character in text {
            let w = width(String(character), size: size, bold: bold)
            if used + w > budget { break }
            used += w
            cut.append(character)
        }
        while cut.last == " " { cut.removeLast() }
        return cut + "…"
    }

    /// Line height Graphviz uses for a line of text at `size` points (pango's for Liberation
    /// Sans: about 1.15 em).
    static func lineHeight(_ size: Double) -> Double { size * 1.16 }

    /// Advance width of one character in thousandths of an em (Helvetica AFM values).
    static func advance(_ scalar: Unicode.Scalar, bold: Bool) -> Int {
        let v = scalar.value
        if v >= 0x61 && v <= 0x7A {  // a–z
            let table = bold ? boldLower : regularLower
            return table[Int(v - 0x61)]
        }
        if v >= 0x41 && v <= 0x5A {  // A–Z
            let table = bold ? boldUpper : regularUpper
            return table[Int(v - 0x41)]
        }
        if v >= 0x30 && v <= 0x39 { return 556 }  // digits
        switch scalar {
        case " ", ".", ",", ":", ";", "/", "·", "\u{A0}": return 278
        case "-", "(", ")", "[", "]": return bold ? 333 : 333
        case "'": return 191
        case "\"": return bold ? 474 : 355
        case "&": return 722
        case "%": return 889
        case "+", "=", "<", ">", "×", "−": return 584
        case "–": return 556
        case "—": return 1000
        case "…": return 1000
        case "æ": return 889
        case "Æ": return 1000
        case "ø": return 611
        case "Ø": return 778
        case "å", "é", "è", "ü", "ö", "ä", "á", "ó", "ú", "í": return bold ? 611 : 556
        case "Å", "Ä", "Ö", "Ü", "É": return 722
        default:
            return v < 0x2000 ? 556 : 1000  // Latin and Greek about an en; CJK and symbols an em
        }
    }

    private static let regularLower = [
        556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,
        556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,
    ]
    private static let boldLower = [
        556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889,
        611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500,
    ]
    private static let regularUpper = [
        667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
        722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,
    ]
    private static let boldUpper = [
        722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
        722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,
    ]
}
