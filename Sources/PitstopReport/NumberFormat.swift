// Numbers written by the project, not by a locale: the same value gives the same text on
// every machine. English: 1,234.5; Danish: 1.234,5. Negative numbers use the minus sign (−).

/// Formats numbers for one report language.
public struct NumberFormat: Sendable, Hashable {
    public var language: ReportLanguage

    public init(_ language: ReportLanguage) {
        self.language = language
    }

    var decimalSeparator: String { language == .da ? "," : "." }
    var groupSeparator: String { language == .da ? "." : "," }

    /// `value` rounded half away from zero to `decimals` places, digits grouped by thousands;
    /// `signed` puts "+" before positive values. A value that rounds to zero has no sign;
    /// a value that is not finite is written "–".
    public func number(_ value: Double, decimals: Int, signed: Bool = false) -> String {
        guard let (negative, digits) = Self.roundedDigits(value, decimals: decimals) else { return "–" }
        let integerPart = digits.dropLast(decimals)
        var text = ""
        for (i, digit) in integerPart.enumerated() {
            if i > 0, (integerPart.count - i) % 3 == 0 { text += groupSeparator }
            text.append(digit)
        }
        if decimals > 0 { text += decimalSeparator + digits.suffix(decimals) }
        let isZero = !digits.contains { $0 != "0" }
        if isZero { return text }
        return (negative ? "−" : signed ? "+" : "") + text
    }

    /// A fraction as percent: 0.312 → "31.2 %".
    public func percent(_ fraction: Double, decimals: Int = 1, signed: Bool = false) -> String {
        number(fraction * 100, decimals: decimals, signed: signed) + " %"
    }

    /// The digits of |value| rounded to `decimals` places, at least one before the
    /// decimal point; nil when not finite or too large to print exactly.
    static func roundedDigits(_ value: Double, decimals: Int) -> (negative: Bool, digits: String)? {
        guard value.isFinite, (0...6).contains(decimals) else { return nil }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value.magnitude * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return nil }
        var digits = String(UInt64(scaled))
        if digits.count <= decimals {
            digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits
        }
        return (value < 0, digits)
    }
}

/// Coordinates in SVG: at most two decimals, trailing zeros dropped, always a point.
func svgNumber(_ value: Double) -> String {
    guard let (negative, digits) = NumberFormat.roundedDigits(value, decimals: 2) else { return "0" }
    var text = String(digits.dropLast(2))
    var fraction = Substring(digits.suffix(2))
    while fraction.last == "0" { fraction = fraction.dropLast() }
    if !fraction.isEmpty { text += "." + fraction }
    return (negative && text != "0" ? "-" : "") + text
}
