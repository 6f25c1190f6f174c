/// Escaping of user text for DOT, checked against Graphviz 2.42.
///
/// Plain labels are escStrings: `\` starts an escape (`\n`, `\N`, `\G`, …) and, in 2.42,
/// HTML entities are decoded even in plain labels; in DOT text `"` must be escaped too.
/// HTML-like labels (`label=<…>`) must be well-formed XML, and — measured on 2.42, contrary
/// to the documentation — their text still goes through Graphviz's `\N`/`\G`/`\\`
/// substitution after XML decoding, so backslashes are doubled there too.
public enum DOTEscape {
    /// The body of a quoted plain label (without the quotes): `\` → `\\`, `"` → `\"`,
    /// `&` → `&amp;`, a line break → `\n` (a centred line break), other control characters
    /// (C0, DEL and C1) → a space. The result never ends in a lone backslash.
    ///
    /// `"a\"b & &lt;x&gt; \N"` comes out as the literal text `a\"b & &lt;x&gt; \N`.
    public static func plain(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "&": out += "&amp;"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case _ where isControl(scalar): out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A complete quoted plain label: `"` + ``plain(_:)`` + `"`.
    public static func quoted(_ text: String) -> String {
        "\"" + plain(text) + "\""
    }

    /// Text for inside an HTML-like label: `&` → `&amp;`, `<` → `&lt;`, `>` → `&gt;`,
    /// `"` → `&quot;`, `'` → `&#39;`, `\` → `\\` (2.42 substitutes `\N`, `\G`, `\E` and
    /// `\\` in HTML text too), a line break → `<BR/>`; other control characters (C0, DEL
    /// and C1: not allowed in XML, or discouraged) and the noncharacters U+FFFE and U+FFFF
    /// → a space.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "&": out += "&amp;"
            case "\\": out += "\\\\"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\r": out += "<BR/>"
            case "\n": if !previousWasCR { out += "<BR/>" }
            case _ where isControl(scalar) || (0xFFFE...0xFFFF).contains(scalar.value):
                out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A quoted DOT id or non-label attribute value (colour, position, …) that always
    /// parses: `"` → `\"`, `\` → `\\` (cgraph keeps both backslashes in such values).
    /// Use simple ids (`p1`, `cluster_u3`); never put personal names in ids, they show in
    /// the SVG's `<title>`s.
    public static func id(_ text: String) -> String {
        var body = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": body += "\\\""
            case "\\": body += "\\\\"
            case _ where isControl(scalar): body += " "
            default: body.unicodeScalars.append(scalar)
            }
        }
        return "\"" + body + "\""
    }

    /// C0 controls, DEL and C1 controls: characters no drawing may show.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
