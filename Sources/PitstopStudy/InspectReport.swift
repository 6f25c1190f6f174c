import PitstopModel
import PitstopReport

/// The inspect output in both forms.
public struct InspectReport: Sendable {
    let m: OrgMetrics
    public init(_ metrics: OrgMetrics) { m = metrics }

    /// Managers whose span of control is outside 3…10.
    var flaggedSpans: [(OrgMetrics.ManagerSpan, String)] {
        m.managerSpans.compactMap { s in
            if s.directReports > 10 { return (s, "above 10") }
            if s.directReports < 3 { return (s, "below 3") }
            return nil
        }
    }

    /// The `inspect --format json` object of the contract (no trailing newline).
    public func json() -> String {
        func number(_ v: Double) -> JSONText { .number(rounded(v)) }
        func int(_ v: Int) -> JSONText { .integer(Int64(v)) }
        let s = m.spanOfControl
        return JSONText.object([
            "scenario": .string(m.scenario),
            "headcount": int(m.headcount), "positions": int(m.positions), "vacancies": int(m.vacancies),
            "fte": number(m.fte), "annual_cost": number(m.annualCost), "currency": .string(m.currency),
            "units": int(m.units), "layers": int(m.layers),
            "span_of_control": .object([
                "min": int(s.min), "median": .number(s.median), "max": int(s.max), "managers": int(s.managers),
            ]),
            "by_unit": .object(Dictionary(uniqueKeysWithValues: m.byUnit.map {
                ($0.id, JSONText.object([
                    "headcount": int($0.figures.headcount), "fte": number($0.figures.fte),
                    "annual_cost": number($0.figures.annualCost),
                ]))
            })),
            "by_site": .object(Dictionary(uniqueKeysWithValues: m.bySite.map {
                ($0.id, JSONText.object(["headcount": int($0.figures.headcount), "fte": number($0.figures.fte)]))
            })),
            "competences": .object(Dictionary(uniqueKeysWithValues: m.competences.map {
                ($0.id, JSONText.object(["holders": int($0.figures.holders), "fte": number($0.figures.fte)]))
            })),
            "single_holder_competences": .array(m.singleHolderCompetences.map { .string($0) }),
            "unheld_competences": .array(m.unheldCompetences.map { .string($0) }),
        ]).rendered()
    }

    /// The readable form.
    public func text(_ scenario: Scenario) -> String {
        let money = { (v: Double) in Number.grouped(v) + " " + m.currency }
        var out: [String] = []
        out.append(m.scenario)
        out.append(String(repeating: "═", count: m.scenario.count))
        out.append(
            "  \(counted(m.positions, "position")) · \(counted(m.headcount, "person", "people")) · \(m.vacancies) vacant · "
                + "\(Number.fixed(m.fte, 1)) FTE · \(money(m.annualCost)) a year")
        let s = m.spanOfControl
        out.append(
            "  \(counted(m.units, "unit")) · \(counted(m.layers, "layer")) · span of control \(s.min)–\(s.max), median "
                + "\(Number.fixed(s.median, 1)) over \(counted(s.managers, "manager"))")
        out.append("")

        var units = TextTable(header: ["Unit", "Name", "People", "FTE", "Annual cost"], firstNumericColumn: 2)
        for (id, f) in m.byUnit {
            units.rows.append([id, f.name, String(f.headcount), Number.fixed(f.fte, 1), money(f.annualCost)])
        }
        out.append("By unit")
        out.append(units.render())
        out.append("")

        var sites = TextTable(header: ["Site", "Name", "People", "FTE"], firstNumericColumn: 2)
        for (id, f) in m.bySite { sites.rows.append([id, f.name, String(f.headcount), Number.fixed(f.fte, 1)]) }
        out.append("By home site (a person's first work site)")
        out.append(sites.render())
        out.append("")

        var comps = TextTable(header: ["Competence", "Name", "Holders", "FTE"], firstNumericColumn: 2)
        for (id, f) in m.competences {
            let mark = f.holders == 1 ? "  ← single holder" : f.holders == 0 ? "  ← nobody" : ""
            comps.rows.append([id, f.name, String(f.holders), Number.fixed(f.fte, 1) + mark])
        }
        out.append("Competences")
        out.append(comps.render())

        var spans = TextTable(header: ["Manager", "Name", "Direct reports", ""], firstNumericColumn: 2)
        for s in m.managerSpans {
            let flag = s.directReports > 10 ? "⚠ above 10" : s.directReports < 3 ? "⚠ below 3" : ""
            spans.rows.append([s.id, s.name, String(s.directReports), flag])
        }
        out.append("")
        out.append("Span of control")
        out.append(spans.render())
        let flagged = flaggedSpans
        if !flagged.isEmpty {
            out.append("")
            out.append("  \(flagged.count) manager\(flagged.count == 1 ? "" : "s") outside a span of 3–10.")
        }
        return out.joined(separator: "\n")
    }

    private func rounded(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }
}
