/// The program's one text-table layout: cells padded into aligned columns, a rule under
/// the header, trailing spaces trimmed. Used for terminal tables (`TextTable.render()`)
/// and, with other separators, for markdown.
public struct TextTable: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// Columns aligned to the right (numbers).
    public var rightAligned: Set<Int>

    /// A table whose columns from `firstNumericColumn` on are right-aligned.
    public init(header: [String], rows: [[String]] = [], firstNumericColumn: Int = 1) {
        self.header = header
        self.rows = rows
        rightAligned = Set(firstNumericColumn..<max(firstNumericColumn, header.count))
    }

    public init(header: [String], rows: [[String]] = [], rightAligned: Set<Int>) {
        self.header = header
        self.rows = rows
        self.rightAligned = rightAligned
    }

    /// Column widths in characters (the widest cell of each column).
    public var widths: [Int] {
        var widths = header.map(\.count)
        for row in rows {
            for (c, cell) in row.enumerated() where c < widths.count { widths[c] = max(widths[c], cell.count) }
        }
        return widths
    }

    /// The terminal form: an indent, two spaces between columns, a `─` rule. No trailing newline.
    public func render(indent: String = "  ") -> String {
        var out = layout(separator: "  ", prefix: indent, rule: { $0.map { String(repeating: "─", count: $0) } })
        out.removeLast()
        return out
    }

    /// Every line, newline-terminated: `prefix`, the cells joined by `separator`, `suffix`;
    /// `rule` makes the line under the header from the column widths. Without a suffix,
    /// trailing spaces are trimmed.
    public func layout(separator: String, prefix: String = "", suffix: String = "", rule: ([Int]) -> [String]) -> String {
        let widths = widths
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for c in widths.indices {
                let cell = c < cells.count ? cells[c] : ""
                let pad = String(repeating: " ", count: max(widths[c] - cell.count, 0))
                parts.append(rightAligned.contains(c) ? pad + cell : cell + pad)
            }
            var text = prefix + parts.joined(separator: separator) + suffix
            while suffix.isEmpty, text.last == " " { text.removeLast() }
            return text
        }
        var out = line(header) + "\n"
        out += line(rule(widths)) + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }
}
