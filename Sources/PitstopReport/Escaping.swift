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
            // Control characters other than tab and line breaks are not allowed in XML (C0) or
            // are errors in HTML (DEL, C1); nor are the noncharacters U+FFFE and U+FFFF.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{FFFE}", "\u{FFFF}":
                out += "\u{FFFD}"
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
