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

    /// The readable form, in English or Danish.
    public func text(_ scenario: Scenario, language: ReportLanguage = .en) -> String {
        let w = TextWords.of(language)
        let format = NumberFormat(language)
        let fixed = { (v: Double) in format.number(v, decimals: 1) }
        let money = { (v: Double) in format.number(v, decimals: 0) + " " + m.currency }
        var out: [String] = []
        out.append(m.scenario)
        out.append(String(repeating: "═", count: m.scenario.count))
        out.append(
            "  \(w.counted(m.positions, w.position)) · \(w.counted(m.headcount, w.person)) · \(m.vacancies) \(w.vacant) · "
                + "\(fixed(m.fte)) FTE · \(money(m.annualCost)) \(w.aYear)")
        let s = m.spanOfControl
        out.append(
            "  \(w.counted(m.units, w.unit)) · \(w.counted(m.layers, w.layer)) · \(w.spanOfControl) \(s.min)–\(s.max), "
                + "\(w.median) \(fixed(s.median)) \(w.over) \(w.counted(s.managers, w.manager))")
        out.append("")

        var units = TextTable(header: w.unitHeader, firstNumericColumn: 2)
        for (id, f) in m.byUnit {
            units.rows.append([id, f.name, String(f.headcount), fixed(f.fte), money(f.annualCost)])
        }
        out.append(w.byUnit)
        out.append(units.render())
        out.append("")

        var sites = TextTable(header: w.siteHeader, firstNumericColumn: 2)
        for (id, f) in m.bySite { sites.rows.append([id, f.name, String(f.headcount), fixed(f.fte)]) }
        out.append(w.bySite)
        out.append(sites.render())
        out.append("")

        var comps = TextTable(header: w.competenceHeader, firstNumericColumn: 2)
        for (id, f) in m.competences {
            let mark = f.holders == 1 ? "  ← \(w.singleHolder)" : f.holders == 0 ? "  ← \(w.nobody)" : ""
            comps.rows.append([id, f.name, String(f.holders), fixed(f.fte) + mark])
        }
        out.append(w.competences)
        out.append(comps.render())

        var spans = TextTable(header: w.managerHeader, firstNumericColumn: 2)
        for s in m.managerSpans {
            let flag = s.directReports > 10 ? "⚠ \(w.above10)" : s.directReports < 3 ? "⚠ \(w.below3)" : ""
            spans.rows.append([s.id, s.name, String(s.directReports), flag])
        }
        out.append("")
        out.append(w.spans)
        out.append(spans.render())
        let flagged = flaggedSpans
        if !flagged.isEmpty {
            out.append("")
            out.append(w.outsideSpan(flagged.count))
        }
        return out.joined(separator: "\n")
    }

    private func rounded(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }
}
