/// Locale-free number and text formatting, so output is the same everywhere. ``number(_:decimals:)``
/// is for DOT attribute values and English text; label text goes through ``DiagramWords``.
enum Format {
    /// `0.8`, `12`, `39.45`: rounded to `decimals`, trailing zeros dropped, `-0` → `0`.
    static func number(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        let places = max(0, min(decimals, 6))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = (scaled / scale).rounded(.towardZero)
        var digits = places > 0 ? String(Int((scaled - whole * scale).rounded())) : ""
        digits = String(repeating: "0", count: max(0, places - digits.count)) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        let sign = value < 0 && scaled > 0 ? "-" : ""
        return sign + String(Int(whole)) + (digits.isEmpty ? "" : "." + digits)
    }

    /// "0.8 FTE" (the words come from ``DiagramWords``).
    static func fte(_ value: Double, language: DiagramLanguage = .en) -> String { DiagramWords(language).fte(value) }

    /// "62 %" for 0.62.
    static func percent(_ share: Double, language: DiagramLanguage = .en) -> String { DiagramWords(language).percent(share) }

    /// "1 person" / "3 people".
    static func people(_ n: Int, language: DiagramLanguage = .en) -> String { DiagramWords(language).people(n) }

    /// Splits `text` into lines of at most about `width` characters at spaces (a single
    /// longer word stays whole).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// `text` cut to `maxCharacters` with an ellipsis.
    static func abbreviate(_ text: String, to maxCharacters: Int) -> String {
        guard text.count > maxCharacters else { return text }
        guard maxCharacters > 1 else { return "…" }
        var cut = String(text.prefix(maxCharacters - 1))
        while cut.last == " " { cut.removeLast() }
        return cut + "…"
    }
}
