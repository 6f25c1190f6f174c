// The ten-second table for the terminal (text) and for documents (markdown), followed by
// the summary in words.

public enum ComparisonTable {
    /// The table with aligned columns, then the summary. Ends with a newline.
    public static func text(_ input: ReportInput) -> String {
        // Long names (or many scenarios) would make the table wider than a terminal: the
        // columns then carry letters, explained above the table.
        let lettered = input.scenarioNames.count > 2 || input.scenarioNames.contains { $0.count > 24 }
        let table = cells(input, letters: lettered)
        var out = "\(input.title)\n"
        out += lettered ? letterLegend(input) : "\(scenarioLine(input))\n"
        out += "\(note(input))\n\n"
        out += layout(table, separator: "  ", rule: { widths in widths.map { String(repeating: "-", count: $0) } })
        out += "\n"
        out += ComparisonSummary.lines(input).joined(separator: "\n") + "\n"
        out += inputChangesText(input)
        return out
    }

    /// The table as a GitHub-flavoured markdown table, then the summary. Ends with a newline.
    public static func markdown(_ input: ReportInput) -> String {
        var table = cells(input)
        table.header = table.header.map(markdownEscaped)
        table.rows = table.rows.map { $0.map(markdownEscaped) }
        for position in table.emphasised {
            table.rows[position.row][position.column] = "**\(table.rows[position.row][position.column])**"
        }
        var out = "## \(markdownEscaped(input.title))\n\n\(markdownEscaped(scenarioLine(input)))\n\n"
        out += "*\(markdownEscaped(note(input)))*\n\n"
        out += layout(table, separator: " | ", prefix: "| ", suffix: " |", rule: { widths in
            widths.enumerated().map { column, width in
                let dashes = String(repeating: "-", count: max(width - 1, 2))
                return table.rightAligned.contains(column) ? dashes + ":" : ":" + dashes
            }
        })
        let words = Words.of(input.language)
        guard !input.otherNames.isEmpty else { return out + "\n\(words.onlyOneScenario)\n" }
        let claims = ComparisonSummary.claims(input)
        for other in input.otherNames.indices {
            out += "\n### \(words.summary): \(markdownEscaped(ComparisonSummary.heading(input, other: other)))\n\n"
            let mine = claims.filter { $0.other == other }
            if mine.isEmpty { out += "\(words.noClaims)\n" }
            for claim in mine { out += "- \(markdownEscaped(claim.sentence))\n" }
            let unclear = ComparisonSummary.unclear(input, other: other)
            if !unclear.isEmpty, !mine.isEmpty {
                out += "\n\(words.unclearList): \(unclear.map(markdownEscaped).joined(separator: "; ")).\n"
            }
        }
        out += inputChangesMarkdown(input)
        return out
    }

    // MARK: - Cells

    struct Position: Hashable {
        var row: Int
        var column: Int
    }

    struct Table {
        var header: [String]
        var rows: [[String]]
        var rightAligned: Set<Int>
        /// Cells of clear differences (bold in markdown).
        var emphasised: [Position]
    }

    /// The column letter of scenario `i` (A is the baseline).
    static func letter(_ i: Int) -> String {
        i < 26 ? String(UnicodeScalar(UInt8(65 + i))) : "S\(i + 1)"
    }

    /// "A  Traditional library (baseline)" and a line for each other scenario.
    static func letterLegend(_ input: ReportInput) -> String {
        let words = Words.of(input.language)
        return input.scenarioNames.enumerated().map { i, name in
            "  \(letter(i))  \(name)\(i == 0 ? " (\(words.baseline))" : "")\n"
        }.joined()
    }

    static func cells(_ input: ReportInput, letters: Bool = false) -> Table {
        let p = Phrasing(input)
        let others = input.otherNames.indices
        var header = [p.words.keyFigure]
            + (letters ? input.scenarioNames.indices.map(letter) : input.scenarioNames)
        for other in others {
            if letters {
                header.append("\(letter(other + 1)) − \(letter(0)) (95 %)")
            } else {
                header.append(others.count > 1 ? "Δ \(input.otherNames[other]) (95 %)" : p.words.difference)
            }
            header += [p.words.relative, p.words.verdict]
        }
        var right = Set(1..<(1 + input.scenarioNames.count))
        for other in others {
            let first = 1 + input.scenarioNames.count + other * 3
            right.formUnion([first, first + 1])
        }
        var rows: [[String]] = []
        var emphasised: [Position] = []
        for (r, row) in input.kpiRows.enumerated() {
            let info = p.info(row.kpi)
            var cells = [p.label(info), p.number(row.baseline.mean, info)]
            for other in others {
                cells.append(row.value(other).map { p.number($0.mean, info) } ?? "–")
            }
            for other in others {
                cells.append(row.difference(other).map { p.differenceCell($0, info) } ?? "–")
                cells.append(p.relativeCell(row, other: other, info))
                cells.append(p.verdictWord(row, other: other, info))
                if row.isClaimed(other) {
                    let first = 1 + input.scenarioNames.count + other * 3
                    emphasised += [Position(row: r, column: first), Position(row: r, column: first + 2)]
                }
            }
            rows.append(cells)
        }
        return Table(header: header, rows: rows, rightAligned: right, emphasised: emphasised)
    }

    /// "Traditional library (baseline) vs Pitstop library"
    static func scenarioLine(_ input: ReportInput) -> String {
        let words = Words.of(input.language)
        let names = input.scenarioNames.enumerated().map { i, name in i == 0 ? "\(name) (\(words.baseline))" : name }
        return names.joined(separator: " \(words.vs) ")
    }

    /// "Means per simulated day; 95 % intervals over 20 replications of 28 days (seed 2339)."
    package static func note(_ input: ReportInput) -> String {
        let a = input.assumptions
        switch input.language {
        case .en:
            return "Means per simulated day; 95 % intervals over \(a.replications) replications of \(a.days) day\(a.days == 1 ? "" : "s") (seed \(a.seed))."
        case .da:
            return "Gennemsnit pr. simuleret dag; 95 %-intervaller over \(a.replications) gentagelser af \(a.days) dag\(a.days == 1 ? "" : "e") (seed \(a.seed))."
        }
    }

    // MARK: - Layout

    static func layout(
        _ table: Table, separator: String, prefix: String = "", suffix: String = "",
        rule: ([Int]) -> [String]
    ) -> String {
        TextTable(header: table.header, rows: table.rows, rightAligned: table.rightAligned)
            .layout(separator: separator, prefix: prefix, suffix: suffix, rule: rule)
    }

    /// Text that markdown shows as written (no emphasis, links, HTML or table breaks).
    static func markdownEscaped(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\`*_[]<>|#~&!".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
