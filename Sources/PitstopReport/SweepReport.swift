// report.html of a sweep: the question, the answer, the plots, the table of variants and
// the assumptions — one self-contained page in the comparison report's style.

/// Everything the sweep report shows, already in words (the study decides the wording of
/// the answer; this page lays it out).
public struct SweepReportInput: Sendable, Hashable {
    public enum Verdict: Sendable, Hashable {
        /// A variant meets the requirements: the answer is good news.
        case found
        /// No variant meets them.
        case none
        /// The sweep has no target: the page shows what happened, not an answer.
        case exploration
    }

    public var title: String
    public var language: ReportLanguage
    /// The question in words: what was varied, and what is required or optimised.
    public var question: [String]
    /// The answer's headline, then its details (runner-up, contenders, "run more replications").
    public var answer: [String]
    public var verdict: Verdict
    /// The plots, SVG.
    public var plots: [String]
    /// The variants: a header and one row per variant; rows of `highlighted` are marked as the
    /// answer, rows in `failing` are dimmed.
    public var tableHeader: [String]
    public var tableRows: [[String]]
    public var highlighted: Set<Int>
    public var failing: Set<Int>
    /// Label → value, in order.
    public var assumptions: [[String]]
    public var programVersion: String

    public init(title: String, language: ReportLanguage, question: [String], answer: [String], verdict: Verdict,
                plots: [String], tableHeader: [String], tableRows: [[String]], highlighted: Set<Int>, failing: Set<Int>,
                assumptions: [[String]], programVersion: String) {
        self.title = title
        self.language = language
        self.question = question
        self.answer = answer
        self.verdict = verdict
        self.plots = plots
        self.tableHeader = tableHeader
        self.tableRows = tableRows
        self.highlighted = highlighted
        self.failing = failing
        self.assumptions = assumptions
        self.programVersion = programVersion
    }
}

public enum SweepReport {
    /// The whole page; the same input gives the same bytes, and every text is escaped.
    public static func render(_ input: SweepReportInput) -> String {
        let da = input.language == .da
        let titles = da
            ? ["Spørgsmålet", "Svaret", "Figurer", "Varianterne", "Forudsætninger"]
            : ["The question", "The answer", "Plots", "The variants", "Assumptions"]
        let ids = ["question", "answer", "plots", "variants", "assumptions"]
        var h = "<!DOCTYPE html>\n<html lang=\"\(input.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<meta name=\"generator\" content=\"Pitstop \(e(input.programVersion))\">\n"
        h += "<title>\(e(input.title))</title>\n<style>\n\(HTMLStyle.css(scenarioCount: 2))\(extraCSS)</style>\n</head>\n<body>\n"
        h += "<header class=\"masthead\">\n<p class=\"kicker\">\(da ? "Pitstop · parametervariation" : "Pitstop · sweep")</p>\n"
        h += "<h1>\(e(input.title))</h1>\n<nav class=\"toc\" aria-label=\"\(da ? "Indhold" : "Contents")\"><ol>"
        for (id, title) in zip(ids, titles) { h += "<li><a href=\"#\(id)\">\(e(title))</a></li>" }
        h += "</ol></nav>\n</header>\n<main>\n"
        var bodies: [String] = []
        bodies.append(input.question.map { "<p>\(e($0))</p>\n" }.joined())
        var answer = ""
        if let headline = input.answer.first {
            let kind = input.verdict == .found ? "better" : input.verdict == .none ? "worse" : "neutral"
            answer += "<p class=\"answer \(kind)\">\(e(headline))</p>\n"
            if input.answer.count > 1 {
                answer += "<ul class=\"claims\">\n" + input.answer.dropFirst().map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
            }
        }
        bodies.append(answer)
        bodies.append("<div class=\"charts\">\n" + input.plots.map { "<figure class=\"chart\">\($0)</figure>\n" }.joined() + "</div>\n")
        var table = "<div class=\"scroll\"><table class=\"kpi sweep\">\n<thead><tr>"
        for (c, cell) in input.tableHeader.enumerated() { table += c == 0 ? "<th>\(e(cell))</th>" : "<th class=\"val\">\(e(cell))</th>" }
        table += "</tr></thead>\n<tbody>\n"
        for (r, row) in input.tableRows.enumerated() {
            let cls = input.highlighted.contains(r) ? " class=\"best\"" : input.failing.contains(r) ? " class=\"fails\"" : ""
            table += "<tr\(cls)>"
            for (c, cell) in row.enumerated() { table += c == 0 ? "<th>\(e(cell))</th>" : "<td class=\"val\">\(e(cell))</td>" }
            table += "</tr>\n"
        }
        table += "</tbody>\n</table></div>\n"
        bodies.append(table)
        bodies.append("<table class=\"facts\">\n" + input.assumptions.map { row in
            "<tr><th>\(e(row.first ?? ""))</th><td>\(e(row.dropFirst().joined(separator: " ")))</td></tr>\n"
        }.joined() + "</table>\n")
        for (i, id) in ids.enumerated() {
            h += "<section id=\"\(id)\" aria-labelledby=\"\(id)-h\">\n"
            h += "<h2 id=\"\(id)-h\"><span class=\"num\">\(i + 1)</span> \(e(titles[i]))</h2>\n\(bodies[i])</section>\n"
        }
        h += "</main>\n<footer>\(da ? "Lavet med Pitstop" : "Made with Pitstop") \(e(input.programVersion))</footer>\n</body>\n</html>\n"
        return h
    }

    static func e(_ text: String) -> String { Escape.html(text) }

    static let extraCSS = """
    .answer { font-size: 19px; font-weight: 700; padding: 12px 16px; border-left: 6px solid var(--neutral);
      background: var(--neutral-bg); border-radius: 0 6px 6px 0; }
    .answer.better { border-color: var(--better); background: var(--better-bg); }
    .answer.worse { border-color: var(--worse); background: var(--worse-bg); }
    .scroll { overflow-x: auto; }
    table.sweep tr.best th, table.sweep tr.best td { background: var(--better-bg); font-weight: 700; }
    table.sweep tr.fails th, table.sweep tr.fails td { color: var(--muted); }
    @media print { .scroll { overflow: visible; } table.sweep { font-size: 7.5pt; } }

    """
}
