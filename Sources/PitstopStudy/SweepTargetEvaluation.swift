import PitstopScenario
import PitstopSimulation

/// Whether a variant meets the sweep's requirements, judged on 95 % intervals.
public enum Feasibility: String, Sendable, Hashable {
    /// Every required KPI's interval lies on the right side of its bound.
    case meets
    /// Some required KPI's interval lies wholly on the wrong side: it does not meet it.
    case fails
    /// No bound is clearly missed, but some interval straddles its bound: more
    /// replications could decide it.
    case uncertain
}

/// The answer to a sweep's target: the best variant whose requirements hold with 95 %
/// confidence, the runner-up, and the variants that might change the answer.
public struct SweepAnswer: Sendable, Hashable {
    /// The KPI optimised and in which direction (`annual_staff_cost`, minimised, when the
    /// target gives only requirements: the cheapest variant that meets them).
    public var objective: String
    public var direction: SweepTarget.Direction
    /// Per variant, in order.
    public var feasibility: [Feasibility]
    /// Indices into the variants; `best` is nil when no variant meets the requirements.
    public var best: Int?
    public var runnerUp: Int?
    /// Variants whose feasibility is uncertain and whose objective is better than the best's
    /// (or every uncertain variant when none meets the requirements): "might also meet it".
    public var contenders: [Int]
    /// When none meets the requirements: the closest ones, nearest first.
    public var closest: [Int]

    public var feasibleCount: Int { feasibility.filter { $0 == .meets }.count }
}

extension SweepAnswer {
    /// Judges every variant by `target` on its KPI estimates (`kpis[i]` for variant i).
    public init(target: SweepTarget, kpis: [[String: Estimate]]) {
        objective = target.objectiveKPI ?? "annual_staff_cost"
        direction = target.objectiveKPI == nil ? .minimise : target.direction
        let feasibility = kpis.map { Self.feasibility(of: $0, target.requirements) }
        self.feasibility = feasibility
        let objective = objective, direction = direction
        func score(_ i: Int) -> Double {
            guard let mean = kpis[i][objective]?.mean, mean.isFinite else { return .infinity }
            return direction == .minimise ? mean : -mean
        }
        // Ties are broken by design order, so the answer never depends on anything else.
        let ranked = kpis.indices.filter { feasibility[$0] == .meets }
            .sorted { (score($0), $0) < (score($1), $1) }
        let best = ranked.first
        self.best = best
        runnerUp = ranked.dropFirst().first
        let uncertain = kpis.indices.filter { feasibility[$0] == .uncertain }
            .sorted { (score($0), $0) < (score($1), $1) }
        if let best {
            contenders = uncertain.filter { score($0) < score(best) }
            closest = []
        } else {
            contenders = uncertain
            let requirements = target.requirements
            let nearest = kpis.indices.sorted {
                (Self.shortfall(kpis[$0], requirements), $0) < (Self.shortfall(kpis[$1], requirements), $1)
            }
            closest = Array(nearest.prefix(3))
        }
    }

    /// `meets` when every requirement holds across the whole interval; `fails` when one
    /// is missed across the whole interval; `uncertain` otherwise. A required KPI the
    /// variant has no value for (undefined in every replication) fails.
    public static func feasibility(of kpis: [String: Estimate], _ requirements: [KPIRequirement]) -> Feasibility {
        var result = Feasibility.meets
        for r in requirements {
            guard let e = kpis[r.kpi], e.mean.isFinite else { return .fails }
            let low = e.ci95.first ?? e.mean, high = e.ci95.last ?? e.mean
            let whole = r.isMet(by: low) && r.isMet(by: high)
            let none = !r.isMet(by: low) && !r.isMet(by: high)
            if none { return .fails }
            if !whole { result = .uncertain }
        }
        return result
    }

    /// How far a variant's means are from its requirements: the largest shortfall relative to
    /// the bound (0 when every mean meets its bound).
    static func shortfall(_ kpis: [String: Estimate], _ requirements: [KPIRequirement]) -> Double {
        requirements.map { r -> Double in
            guard let mean = kpis[r.kpi]?.mean, mean.isFinite else { return .infinity }
            if r.isMet(by: mean) { return 0 }
            return abs(mean - r.bound) / max(abs(r.bound), 1e-9)
        }.max() ?? 0
    }
}

/// The variants on the Pareto front of cost (lower is better) against service (higher is
/// better), by their means: no other variant is at least as good on both and better on one.
public func paretoFront(cost: [Double], service: [Double]) -> [Int] {
    cost.indices.filter { i in
        guard cost[i].isFinite, service[i].isFinite else { return false }
        return !cost.indices.contains { j in
            j != i && cost[j].isFinite && service[j].isFinite && cost[j] <= cost[i] && service[j] >= service[i]
                && (cost[j] < cost[i] || service[j] > service[i])
        }
    }
}
