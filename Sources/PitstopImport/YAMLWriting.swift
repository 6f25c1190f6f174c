import PitstopModel

/// Scalars as the import writes them into scenario YAML: plain where a reader would
/// read the same text back (and a schema checker the same type), double-quoted otherwise.
enum YAMLScalar {
    /// Words YAML 1.1 reads as booleans or null.
    static let reserved: Set<String> = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
    ]

    /// Text: plain when it starts with a letter and holds only letters, digits, spaces and
    /// `-` `.` `'` `(` `)` `/` `&` `,` (commas only outside flow collections: block values),
    /// else quoted like a JSON string (which YAML reads as the same text).
    static func text(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, first.properties.isAlphabetic,
              s.unicodeScalars.last != " ",
              !reserved.contains(s.lowercased()),
              s.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || " -.'()/&,".unicodeScalars.contains($0) }),
              !s.contains("  ")
        else { return jsonQuoted(s) }
        return s
    }

    /// A slug id: plain unless YAML would read it as a number or boolean.
    static func id(_ s: String) -> String {
        let looksNumeric = s.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "-" || $0 == "e" }
            && s.unicodeScalars.contains { ("0"..."9").contains($0) }
        return looksNumeric || reserved.contains(s) ? jsonQuoted(s) : s
    }

    /// A number in plain digits (`0.8`, `675000`).
    static func number(_ x: Double) -> String { formatNumber(x) }
}
