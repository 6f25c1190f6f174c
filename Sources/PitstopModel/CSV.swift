/// A text cell of a CSV file the program writes: quoted when it holds a comma, a quote or
/// a line break, and neutralised when a spreadsheet would read it as a formula.
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written as
/// `"'…"` (a leading apostrophe, inside quotes), as OWASP recommends against CSV
/// injection: a scenario named `=HYPERLINK(…)` stays text in Excel and LibreOffice.
/// Numbers are written with ``formatNumber(_:)`` and never pass through here.
public func csvField(_ s: String) -> String {
    let dangerous: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
    let neutralise = s.unicodeScalars.first.map(dangerous.contains) ?? false
    let text = neutralise ? "'" + s : s
    if neutralise || text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) {
        var quoted = "\""
        for c in text { if c == "\"" { quoted += "\"\"" } else { quoted.append(c) } }
        return quoted + "\""
    }
    return text
}
