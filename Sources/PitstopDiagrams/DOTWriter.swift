import GraphvizRendering

/// Builds DOT text line by line with consistent indentation. Every value goes through one
/// of the quoting helpers below; ids are generated (`p1`, `cluster_u3`), never user text.
struct DOTWriter {
    private(set) var text = ""
    private var depth = 0
    /// Prefix for explicit SVG element ids (`<prefix>_p1`), or nil for Graphviz's own.
    let idPrefix: String?
    private var edgeCount = 0

    init(idPrefix: String?) {
        self.idPrefix = idPrefix.flatMap { $0.isEmpty ? nil : DOTWriter.sanitisedID($0) }
    }

    mutating func line(_ s: String) {
        text += String(repeating: "  ", count: depth) + s + "\n"
    }

    mutating func open(_ header: String) {
        line(header + " {")
        depth += 1
    }

    mutating func close() {
        depth -= 1
        line("}")
    }

    /// `subgraph "cluster_x" {` with its attributes as statements.
    mutating func openCluster(_ name: String, _ attributes: [(String, String)]) {
        open("subgraph \(DOTEscape.id(name))")
        var attrs = attributes
        if let idPrefix { attrs.append(("id", DOTEscape.id("\(idPrefix)_\(name)"))) }
        for (key, value) in attrs { line("\(key)=\(value);") }
    }

    mutating func node(_ id: String, _ attributes: [(String, String)]) {
        var attrs = attributes
        if let idPrefix { attrs.append(("id", DOTEscape.id("\(idPrefix)_\(id)"))) }
        line("\(DOTEscape.id(id)) [\(Self.list(attrs))];")
    }

    mutating func edge(_ from: String, _ to: String, _ attributes: [(String, String)] = [], directed: Bool = true) {
        edgeCount += 1
        var attrs = attributes
        if let idPrefix { attrs.append(("id", DOTEscape.id("\(idPrefix)_e\(edgeCount)"))) }
        let op = directed ? "->" : "--"
        let suffix = attrs.isEmpty ? "" : " [\(Self.list(attrs))]"
        line("\(DOTEscape.id(from)) \(op) \(DOTEscape.id(to))\(suffix);")
    }

    /// `graph [...]`, `node [...]` or `edge [...]` defaults.
    mutating func defaults(_ kind: String, _ attributes: [(String, String)]) {
        line("\(kind) [\(Self.list(attributes))];")
    }

    static func list(_ attributes: [(String, String)]) -> String {
        attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
    }

    /// Keeps `[A-Za-z0-9_-]`, replacing anything else with `_`.
    static func sanitisedID(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-": Character(scalar)
            default: "_"
            }
        })
    }
}

/// Quoting of attribute values.
enum V {
    /// A quoted non-label value (colour, style, number as text).
    static func q(_ value: String) -> String { DOTEscape.id(value) }
    /// A quoted plain label.
    static func label(_ text: String) -> String { DOTEscape.quoted(text) }
    /// An HTML-like label from an already escaped body. Bodies always hold markup, so they
    /// never equal a plain string (2.42 interns both kinds in one pool; the first one wins).
    static func html(_ body: String) -> String { "<" + body + ">" }
    /// A number without exponent and without trailing zeros, at most `decimals` decimals.
    static func num(_ value: Double, decimals: Int = 2) -> String { Format.number(value, decimals: decimals) }
}

/// Builders for HTML-like label fragments; text arguments are escaped here.
enum H {
    static func text(_ s: String) -> String { DOTEscape.html(s) }
    static func b(_ s: String) -> String { "<B>" + DOTEscape.html(s) + "</B>" }
    static func i(_ s: String) -> String { "<I>" + DOTEscape.html(s) + "</I>" }
    /// `<FONT …>` around already built markup.
    /// Empty markup stays empty: 2.42 rejects an empty `<FONT></FONT>` as a syntax error
    /// (and then draws the node id instead of the label).
    static func font(_ markup: String, size: Double? = nil, colour: String? = nil, face: String? = nil) -> String {
        guard !markup.isEmpty else { return "" }
        var attrs = ""
        if let face { attrs += " FACE=\"\(face)\"" }
        if let size { attrs += " POINT-SIZE=\"\(Format.number(size, decimals: 1))\"" }
        if let colour { attrs += " COLOR=\"\(colour)\"" }
        return "<FONT\(attrs)>" + markup + "</FONT>"
    }
    static let br = "<BR/>"

    /// Lines (markup) left-aligned in their block: each ends in `<BR ALIGN="LEFT"/>`.
    static func leftAligned(_ lines: [String]) -> String {
        lines.map { $0 + "<BR ALIGN=\"LEFT\"/>" }.joined()
    }
}
