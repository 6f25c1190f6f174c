/// Locale-free number and text formatting, so output is the same everywhere. ``number(_:decimals:)``
/// is for DOT attribute values and English text; label text goes through ``DiagramWords``.
///
/// Nothing here converts a Double to `Int` without a bound: values come from scenario
/// files, and a floor of 1e19 m must draw, not trap (see ``count(_:atMost:)``).
enum Format {
    /// `0.8`, `12`, `39.45`: rounded to `decimals`, trailing zeros dropped, `-0` → `0`.
    /// Any finite value, however large, comes out in plain digits (`1e19` → twenty digits);
    /// NaN and infinities come out as `0`.
    static func number(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        let places = max(0, min(decimals, 6))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let magnitude = abs(value)
        // From 1e15 on a Double holds no meaningful decimals: whole digits only.
        guard magnitude < 1e15 else {
            return (value < 0 ? "-" : "") + integerDigits(magnitude.rounded())
        }
        let scaled = (magnitude * scale).rounded()  // < 1e21: exact enough, never converted to Int
        let whole = (scaled / scale).rounded(.towardZero)  // < 1e15
        var digits = places > 0 ? integerDigits((scaled - whole * scale).rounded()) : ""
        if digits == "0" { digits = "" }
        digits = digits.isEmpty ? "" : String(repeating: "0", count: max(0, places - digits.count)) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        let sign = value < 0 && scaled > 0 ? "-" : ""
        return sign + integerDigits(whole) + (digits.isEmpty ? "" : "." + digits)
    }

    /// The decimal digits of a finite, integral, non-negative Double, exactly (no exponent,
    /// no conversion to a fixed-width integer).
    static func integerDigits(_ value: Double) -> String {
        guard value.isFinite, value >= 1 else { return "0" }
        // value = significand × 2^shift, with an integral significand of at most 53 bits.
        var significand = UInt64(1) << 52 | value.significandBitPattern
        var shift = Int(value.exponent) - 52
        while shift < 0 {  // an integral value: the low bits being dropped are zeros
            significand >>= 1
            shift += 1
        }
        // Little-endian decimal digits, doubled `shift` times.
        var digits = String(significand).utf8.reversed().map { Int($0) - 48 }
        for _ in 0..<shift {
            var carry = 0
            for i in digits.indices {
                let d = digits[i] * 2 + carry
                digits[i] = d % 10
                carry = d / 10
            }
            if carry > 0 { digits.append(carry) }
        }
        return String(String.UnicodeScalarView(digits.reversed().map { Unicode.Scalar(UInt8(48 + $0)) }))
    }

    /// `value` rounded down to a whole count in `0...limit` (NaN → 0): the safe way to turn
    /// a measured length into a number of characters, lines or columns.
    static func count(_ value: Double, atMost limit: Int) -> Int {
        guard value > 0 else { return 0 }  // also NaN
        guard value < Double(limit) else { return limit }
        return Int(value)
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
