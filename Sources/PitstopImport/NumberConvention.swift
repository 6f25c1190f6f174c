/// How a file writes numbers: Danish (`0,8`, `540.000`) or English (`0.8`, `540,000`).
public enum NumberConvention: String, Sendable {
    /// Decimal comma, thousands point: `1.234,5`.
    case decimalComma = "decimal comma, thousands point"
    /// Decimal point, thousands comma: `1,234.5`.
    case decimalPoint = "decimal point, thousands comma"

    /// The convention of a file: what its small numbers (such as FTE) use for a decimal mark,
    /// `0,8` or `0.8`; when they show neither, the separator decides (`;` and tab: Danish,
    /// `,`: English).
    public static func detect(fractions: [String], separator: Character) -> NumberConvention {
        var commas = 0, points = 0
        for cell in fractions {
            let text = cell.filter { $0 != " " }
            if text.contains(",") { commas += 1 }
            if text.contains(".") { points += 1 }
        }
        if commas != points { return commas > points ? .decimalComma : .decimalPoint }
        return separator == "," ? .decimalPoint : .decimalComma
    }

    /// The number `text` stands for in this convention, or `nil`: thousands marks must
    /// group by three (`540.000`, not `54.00`), spaces (also no-break) between groups
    /// are allowed, and a currency (`kr.`, `DKK`) around the number is ignored.
    public func parse(_ text: String) -> Double? {
        var s = text.trimmingCharacters(in: .whitespaces)
        for unit in ["kr.", "kr", "DKK", "dkk"] {
            if s.hasSuffix(unit) { s = String(s.dropLast(unit.count)).trimmingCharacters(in: .whitespaces) }
            if s.hasPrefix(unit) { s = String(s.dropFirst(unit.count)).trimmingCharacters(in: .whitespaces) }
        }
        s = s.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        var negative = false
        if s.hasPrefix("-") || s.hasPrefix("−") {
            negative = true
            s.removeFirst()
        }
        let (decimal, thousands): (Character, Character) = self == .decimalComma ? (",", ".") : (".", ",")
        let parts = s.split(separator: decimal, omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first else { return nil }
        let groups = whole.split(separator: thousands, omittingEmptySubsequences: false)
        guard !groups.isEmpty, groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        var plain = groups.joined()
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
            plain += "." + parts[1]
        }
        guard let value = Double(plain), value.isFinite else { return nil }
        return negative ? -value : value
    }

    /// An example of the convention for messages: `0,8 or 540.000`.
    public var example: String { self == .decimalComma ? "0,8 or 540.000" : "0.8 or 540,000" }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
