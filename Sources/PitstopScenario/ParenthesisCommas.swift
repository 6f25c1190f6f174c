/// Keeps `{ dwell: lognormal(25, 10) }` in one piece.
///
/// In a YAML flow mapping or sequence a comma ends the value, so the format's own example
/// `- { zone: health, dwell: lognormal(25, 10) }` would read as `dwell: "lognormal(25"`
/// and a key `10)`. Before parsing, commas inside parentheses (outside quotes and
/// comments, within one line) are swapped for a private-use character of the same width
/// — columns stay exact — and swapped back in every scalar and key afterwards.
enum ParenthesisCommas {
    /// U+E000, one Unicode scalar like the comma it stands for.
    static let placeholder: Unicode.Scalar = "\u{E000}"

    static func protect(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "(")) else { return text }
        var out = String.UnicodeScalarView()
        var depth = 0
        var quote: Unicode.Scalar?
        var inComment = false
        var previous: Unicode.Scalar = "\n"
        var changed = false
        for scalar in text.unicodeScalars {
            var emitted = scalar
            if scalar == "\n" {
                depth = 0
                inComment = false
                // Quoted scalars may span lines; comments and parentheses do not.
            } else if inComment {
                // nothing
            } else if let open = quote {
                if scalar == open { quote = nil }
            } else {
                let atTokenStart = previous == " " || previous == "\t" || previous == "\n" || previous == "["
                    || previous == "{" || previous == "," || previous == ":"
                switch scalar {
                case "#" where previous == " " || previous == "\t" || previous == "\n":
                    inComment = true
                case "'" where atTokenStart, "\"" where atTokenStart:
                    quote = scalar
                case "(":
                    depth += 1
                case ")":
                    depth = max(0, depth - 1)
                case "," where depth > 0:
                    emitted = placeholder
                    changed = true
                default:
                    break
                }
            }
            out.append(emitted)
            previous = scalar
        }
        return changed ? String(out) : text
    }

    /// Puts the commas back.
    static func restore(_ text: String) -> String {
        // U+E000 is EE 80 80 in UTF-8: a cheap test before any work.
        guard text.utf8.contains(0xEE), text.unicodeScalars.contains(placeholder) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(scalar == placeholder ? "," : scalar) }
        return String(out)
    }
}
