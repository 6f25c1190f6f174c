import PitstopModel
import PitstopReport
import PitstopScenario
import PitstopSimulation

/// What a sweep found: every variant's estimates (and paired differences to the scenario it
/// is compared with), the answer to its target, and the files and text that show them.
/// Everything is computed from the per-replication samples, so the same samples — from one
/// run or merged from shards — give the same bytes.
public struct SweepOutcome: Sendable {
    public let setup: SweepSetup
    public let samples: SweepSamples
    /// Per variant, in order.
    public let estimates: [[String: Estimate]]
    /// Per variant: other (the variant) − the compared-with scenario; empty without one.
    public let differences: [[String: DifferenceEstimate]]
    public let answer: SweepAnswer?

    public init(setup: SweepSetup, samples: SweepSamples) {
        self.setup = setup
        self.samples = samples
        let perVariant = setup.variants.indices.map { samples.variants[$0] ?? VariantSamples() }
        let estimates = perVariant.map(\.estimates)
        self.estimates = estimates
        if let base = samples.compareWith {
            differences = perVariant.map { $0.differences(from: base) }
        } else {
            differences = perVariant.map { _ in [:] }
        }
        answer = setup.sweep.target.map { SweepAnswer(target: $0, kpis: estimates) }
    }

    var sweep: SweepDefinition { setup.sweep }
    var variants: [SweepVariant] { setup.variants }
    var kpiOrder: [String] { SweepKPIs.names }

    /// The KPIs the plots and the compact table show: those the target names, or served
    /// share, mean wait and cost.
    var headlineKPIs: [String] {
        var out: [String] = []
        if let target = sweep.target {
            out += target.requirements.map(\.kpi)
            if let kpi = target.objectiveKPI { out.append(kpi) }
            if target.objectiveKPI == nil { out.append("annual_staff_cost") }
        } else {
            out = ["served_share", "wait_mean_min", "annual_staff_cost"]
        }
        return out.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    // MARK: - CSV and JSON

    /// One row per variant: its parameter values, then every KPI's mean and 95 % interval,
    /// then (with `compare_with`) every KPI's paired difference, then (with a target) its
    /// feasibility.
    public var csv: String {
        var header = ["variant"] + sweep.parameters.map(\.path)
        for kpi in kpiOrder { header += ["\(kpi)_mean", "\(kpi)_ci_low", "\(kpi)_ci_high"] }
        if sweep.compareWith != nil {
            for kpi in kpiOrder { header += ["\(kpi)_diff", "\(kpi)_diff_ci_low", "\(kpi)_diff_ci_high"] }
        }
        if answer != nil { header.append("feasible") }
        var out = header.map(csvField).joined(separator: ",") + "\n"
        for (i, variant) in variants.enumerated() {
            var cells = [variant.id] + sweep.parameters.map { csvField(unquoted(variant.value(of: $0.path) ?? "")) }
            for kpi in kpiOrder {
                if let e = estimates[i][kpi] {
                    cells += [formatNumber(e.mean), formatNumber(e.ci95.first ?? e.mean), formatNumber(e.ci95.last ?? e.mean)]
                } else {
                    cells += ["", "", ""]
                }
            }
            if sweep.compareWith != nil {
                for kpi in kpiOrder {
                    if let d = differences[i][kpi] {
                        cells += [formatNumber(d.mean), formatNumber(d.ci95.first ?? d.mean), formatNumber(d.ci95.last ?? d.mean)]
                    } else {
                        cells += ["", "", ""]
                    }
                }
            }
            if let answer { cells.append(answer.feasibility[i].rawValue) }
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    /// `{"format": 1, "sweep": …, "parameters": […], "variants": […], "target": {…}}` with the
    /// run settings; sorted keys, no trailing newline.
    public var json: String { jsonText.rendered() }

    var jsonText: JSONText {
        var top: [String: JSONText] = [
            "format": .integer(1),
            "sweep": .string(sweep.name),
            "scenario": .string(setup.base.name),
            "seed": .unsigned(setup.options.seed),
            "replications": .integer(Int64(setup.options.replications)),
            "days": .integer(Int64(setup.options.days)),
            "design": .string(designName),
            "parameters": .array(sweep.parameters.map { p in
                .object(["set": .string(p.path), "values": .array(SweepPlan.levelsForJSON(p).map(jsonValue))])
            }),
            "variants": .array(variants.enumerated().map { i, v in
                var o: [String: JSONText] = [
                    "id": .string(v.id),
                    "values": .object(Dictionary(uniqueKeysWithValues: v.assignments.map { ($0.path, jsonValue($0.value)) })),
                    "kpis": .object(estimates[i].mapValues(\.jsonText)),
                ]
                if sweep.compareWith != nil { o["differences"] = .object(differences[i].mapValues(\.jsonText)) }
                if let answer { o["feasibility"] = .string(answer.feasibility[i].rawValue) }
                return .object(o)
            }),
        ]
        if let other = setup.compareWith { top["compare_with"] = .string(other.name) }
        if let answer, let target = sweep.target {
            var t: [String: JSONText] = [
                "objective": .object(["kpi": .string(answer.objective), "direction": .string(answer.direction.rawValue)]),
                "require": .array(target.requirements.map { .string($0.description) }),
                "feasible": .integer(Int64(answer.feasibleCount)),
                "best": answer.best.map { .string(variants[$0].id) } ?? .null,
                "runner_up": answer.runnerUp.map { .string(variants[$0].id) } ?? .null,
                "might_also_meet": .array(answer.contenders.map { .string(variants[$0].id) }),
            ]
            if answer.best == nil { t["closest"] = .array(answer.closest.map { .string(variants[$0].id) }) }
            top["target"] = .object(t)
        }
        return .object(top)
    }

    var designName: String {
        switch sweep.design {
        case .grid: "grid"
        case .oneAtATime: "one-at-a-time"
        case .latinHypercube(let n, let seed): "lhs \(n) seed \(seed)"
        }
    }

    /// A `--set` value as JSON: a number when it reads as one, else text (quotes removed).
    func jsonValue(_ text: String) -> JSONText {
        if let x = Double(text), x.isFinite, !text.hasPrefix("+") { return .number(x) }
        return .string(unquoted(text))
    }
}

/// A YAML double-quoted scalar without its quotes (`"10:00-14:00"` → `10:00-14:00`).
func unquoted(_ text: String) -> String {
    guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
    return String(text.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
}

extension SweepPlan {
    /// A parameter's values as written in sweep.json: listed values, or a range's levels
    /// (or its ends, for a Latin hypercube).
    static func levelsForJSON(_ p: SweepParameter) -> [String] {
        if case .range(let low, let high, nil, _) = p.values { return [formatNumber(low), formatNumber(high)] }
        return levels(p)
    }
}
