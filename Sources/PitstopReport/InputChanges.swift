import PitstopModel

// "What changed beside what resulted": the inputs that differ between the baseline and
// another scenario, in the text output (short) and the report's assumptions (complete).

/// The words of the input-changes lists.
struct InputChangeWords {
    var heading: String
    var none: String
    var path, value: String
    var changes: (Int) -> String
    var andMore: (Int) -> String
    /// The printed report's last row of a long table: what is left out of the paper.
    var printedMore: (Int) -> String
    var note: String

    static func of(_ language: ReportLanguage) -> InputChangeWords {
        language == .da
            ? InputChangeWords(
                heading: "Ændrede forudsætninger", none: "Ingen forudsætninger er ændret.", path: "Hvor", value: "Værdi",
                changes: { "\($0) ændring\($0 == 1 ? "" : "er")" },
                andMore: { "… og \($0) mere i comparison.json og rapporten" },
                printedMore: { "… og \($0) ændringer mere: alle står i rapporten på skærmen og i comparison.json" },
                note: "Alle forskelle skyldes disse ændringer tilsammen — ikke kun organisationen.")
            : InputChangeWords(
                heading: "What changed in the input", none: "No input differs.", path: "Where", value: "Value",
                changes: { "\($0) change\($0 == 1 ? "" : "s")" },
                andMore: { "… and \($0) more in comparison.json and the report" },
                printedMore: { "… and \($0) more changes: every one is in the report on screen and in comparison.json" },
                note: "Every difference above comes from these changes together — not only from the organisation.")
    }
}

extension ComparisonTable {
    /// The input changes of each other scenario, at most `limit` lines each.
    static func inputChangesText(_ input: ReportInput, limit: Int = 10) -> String {
        guard !input.inputChanges.isEmpty else { return "" }
        let w = InputChangeWords.of(input.language)
        var out = ""
        for (i, changes) in input.inputChanges.enumerated() where i < input.otherNames.count {
            let name = input.otherNames[i]
            out += "\n\(w.heading) — \(name): \(changes.isEmpty ? w.none : w.changes(changes.count))\n"
            for change in changes.prefix(limit) { out += "  \(change.description)\n" }
            if changes.count > limit { out += "  \(w.andMore(changes.count - limit))\n" }
        }
        return out
    }
}

extension ComparisonTable {
    /// The same, as markdown sections.
    static func inputChangesMarkdown(_ input: ReportInput, limit: Int = 10) -> String {
        let w = InputChangeWords.of(input.language)
        var out = ""
        for (i, changes) in input.inputChanges.enumerated() where i < input.otherNames.count {
            out += "\n### \(markdownEscaped(w.heading)) — \(markdownEscaped(input.otherNames[i])) (\(changes.isEmpty ? w.none : w.changes(changes.count)))\n\n"
            for change in changes.prefix(limit) {
                out += "- `\(change.path)`: \(markdownEscaped(change.from ?? "–")) → \(markdownEscaped(change.to ?? "–"))\n"
            }
            if changes.count > limit { out += "- \(markdownEscaped(w.andMore(changes.count - limit)))\n" }
        }
        return out
    }
}

extension HTMLReport {
    /// The rows of a table of input changes that go on paper; the rest are on screen only.
    static let printedInputChanges = 40

    /// Every input change, grouped by the part of the scenario it is in, one table per other
    /// scenario. On paper a long table stops after ``printedInputChanges`` rows and says how
    /// many more there are (the bundled comparison's 358 would fill 14 pages).
    static func inputChanges(_ input: ReportInput) -> String {
        guard !input.inputChanges.isEmpty else { return "" }
        let w = InputChangeWords.of(input.language)
        var h = ""
        for (i, changes) in input.inputChanges.enumerated() where i < input.otherNames.count {
            h += "<h3><span class=\"swatch sc\(i + 1)\"></span>\(e(w.heading)) — \(e(input.otherNames[i])) "
            h += "<span class=\"count\">(\(e(w.changes(changes.count))))</span></h3>\n"
            if changes.isEmpty {
                h += "<p class=\"empty\">\(e(w.none))</p>\n"
                continue
            }
            h += "<p class=\"note\">\(e(w.note))</p>\n"
            h += "<table class=\"kpi changes-table\">\n<thead><tr><th>\(e(w.path))</th>"
            h += "<th>\(e(input.scenarioNames.first ?? ""))</th><th>\(e(input.otherNames[i]))</th></tr></thead>\n<tbody>\n"
            var section = ""
            for (k, change) in changes.enumerated() {
                let screenOnly = k >= printedInputChanges ? " class=\"screen-only\"" : ""
                let top = String(change.path.split(separator: ".").first ?? "")
                if top != section {
                    section = top
                    h += "<tr class=\"group\(k >= printedInputChanges ? " screen-only" : "")\"><th colspan=\"3\">\(e(top))</th></tr>\n"
                }
                h += "<tr\(screenOnly)><td><code>\(e(change.path))</code></td><td>\(e(change.from ?? "–"))</td><td>\(e(change.to ?? "–"))</td></tr>\n"
            }
            if changes.count > printedInputChanges {
                h += "<tr class=\"print-only\"><td colspan=\"3\">\(e(w.printedMore(changes.count - printedInputChanges)))</td></tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        return h
    }
}
