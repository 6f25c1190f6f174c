import ArgumentParser
import Foundation
import PitstopModel

extension Pitstop {
    /// `pitstop inspect FILE [--format text|json]`: organisation metrics.
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show organisation metrics: headcount, FTE, cost, layers, spans, competences.",
            discussion: """
                Example:
                  pitstop inspect Scenarios/pitstop.yaml
                  pitstop inspect Scenarios/pitstop.yaml --format json
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: "A scenario file.")
        var file: String

        @Option(help: "Output format: text or json.")
        var format: Format = .text

        func run() throws {
            let scenario = try ScenarioInput.load(file)
            let metrics = OrgMetrics(scenario)
            switch format {
            case .json: print(InspectReport(metrics).json())
            case .text: print(InspectReport(metrics).text(scenario))
            }
        }
    }
}

/// The inspect output in both forms.
struct InspectReport {
    let m: OrgMetrics
    init(_ metrics: OrgMetrics) { m = metrics }

    /// Managers whose span of control is outside 3…10.
    var flaggedSpans: [(OrgMetrics.ManagerSpan, String)] {
        m.managerSpans.compactMap { s in
            if s.directReports > 10 { return (s, "above 10") }
            if s.directReports < 3 { return (s, "below 3") }
            return nil
        }
    }

    func json() -> String {
        struct Span: Encodable { let min: Int; let median: Double; let max: Int; let managers: Int }
        struct UnitRow: Encodable { let headcount: Int; let fte: Double; let annual_cost: Double }
        struct SiteRow: Encodable { let headcount: Int; let fte: Double }
        struct CompetenceRow: Encodable { let holders: Int; let fte: Double }
        struct Body: Encodable {
            let scenario: String
            let headcount, positions, vacancies: Int
            let fte, annual_cost: Double
            let currency: String
            let units, layers: Int
            let span_of_control: Span
            let by_unit: [String: UnitRow]
            let by_site: [String: SiteRow]
            let competences: [String: CompetenceRow]
            let single_holder_competences: [String]
            let unheld_competences: [String]
        }
        let body = Body(
            scenario: m.scenario, headcount: m.headcount, positions: m.positions, vacancies: m.vacancies,
            fte: rounded(m.fte), annual_cost: m.annualCost, currency: m.currency, units: m.units, layers: m.layers,
            span_of_control: Span(
                min: m.spanOfControl.min, median: m.spanOfControl.median, max: m.spanOfControl.max,
                managers: m.spanOfControl.managers),
            by_unit: Dictionary(uniqueKeysWithValues: m.byUnit.map {
                ($0.id, UnitRow(headcount: $0.figures.headcount, fte: rounded($0.figures.fte), annual_cost: $0.figures.annualCost))
            }),
            by_site: Dictionary(uniqueKeysWithValues: m.bySite.map {
                ($0.id, SiteRow(headcount: $0.figures.headcount, fte: rounded($0.figures.fte)))
            }),
            competences: Dictionary(uniqueKeysWithValues: m.competences.map {
                ($0.id, CompetenceRow(holders: $0.figures.holders, fte: rounded($0.figures.fte)))
            }),
            single_holder_competences: m.singleHolderCompetences,
            unheld_competences: m.unheldCompetences)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(body) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    func text(_ scenario: Scenario) -> String {
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
