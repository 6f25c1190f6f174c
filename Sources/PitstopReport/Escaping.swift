// Text from scenario files goes into HTML and SVG only through these functions.

enum Escape {
    /// Text for an HTML/XML text node or a quoted attribute value.
    static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Control characters other than tab and newline are not allowed in XML.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// A value safe as (part of) an id: letters, digits, "-" and "_" kept, anything else "-".
    static func idFragment(_ text: String) -> String {
        var out = ""
        for ch in text.unicodeScalars {
            switch ch {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": out.unicodeScalars.append(ch)
            default: out += "-"
            }
        }
        if let first = out.unicodeScalars.first, !(("a"..."z").contains(first) || ("A"..."Z").contains(first)) {
            out = "x" + out
        }
        return out.isEmpty ? "x" : out
    }
}
