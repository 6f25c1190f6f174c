import PitstopModel

/// A paired difference (other − baseline): its mean, 95 % Student-t interval over the
/// per-replication differences, and `relative` = mean difference ÷ baseline mean (`nil`,
/// written as JSON `null`, when the baseline mean is 0).
public struct DifferenceEstimate: Sendable, Hashable, Codable {
    public var mean: Double
    public var ci95: [Double]
    public var relative: Double?

    public init(mean: Double, ci95: [Double], relative: Double?) {
        self.mean = mean
        self.ci95 = ci95
        self.relative = relative
    }

    public var jsonText: JSONText {
        .object(["mean": .number(mean), "ci95": .array(ci95.map { .number($0) }),
                 "relative": relative.map { .number($0) } ?? .null])
    }
}

/// Differences of one scenario against the baseline, overall and per perspective.
public struct ComparisonDifferences: Sendable, Hashable {
    public var baseline: String
    public var other: String
    /// Replication pairs used (the smaller of the two replication counts).
    public var pairs: Int
    /// Every overall KPI both results have.
    public var kpis: [String: DifferenceEstimate]
    /// Perspectives both results have, every KPI both have.
    public var perspectives: [String: [String: Estimate]]

    public init(baseline: String, other: String, pairs: Int, kpis: [String: DifferenceEstimate],
                perspectives: [String: [String: Estimate]]) {
        self.baseline = baseline
        self.other = other
        self.pairs = pairs
        self.kpis = kpis
        self.perspectives = perspectives
    }

    /// `{"kpis": {…}, "perspectives": {…}}` as in the compare contract, sorted keys,
    /// indented to sit `indent` spaces deep (no trailing newline).
    public func json(indent: Int = 0) -> String { jsonText.rendered(indent: indent) }

    /// `{"kpis": {…}, "perspectives": {…}}` as a JSON tree.
    public var jsonText: JSONText {
        .object([
            "kpis": .object(kpis.mapValues(\.jsonText)),
            "perspectives": .object(perspectives.mapValues { .object($0.mapValues(\.jsonText)) }),
        ])
    }
}

/// Paired comparison of two runs that used the same seed: replication i of both ran on the
/// same random streams (common random numbers), so the differences replication by
/// replication have far less noise than the two intervals side by side.
public struct PairedDifference: Sendable {
    /// other − baseline for every overall KPI and every perspective KPI present in both.
    public static func compare(baseline: SimulationResults, other: SimulationResults) -> ComparisonDifferences {
        let pairs = min(baseline.replications, other.replications)
        /// Over the replications where both values are defined.
        func diff(_ a: [Double], _ b: [Double]) -> (Estimate, Double?)? {
            let pairs = zip(a, b).filter { $0.0.isFinite && $0.1.isFinite }
            guard !pairs.isEmpty else { return nil }
            let e = Estimate(samples: pairs.map { $0.1 - $0.0 })
            let base = pairs.map(\.0).reduce(0, +) / Double(pairs.count)
            return (e, base != 0 ? e.mean / base : nil)
        }
        var kpis: [String: DifferenceEstimate] = [:]
        for (name, a) in baseline.samples.kpis {
            guard let b = other.samples.kpis[name] else { continue }
            guard let (e, rel) = diff(a, b) else { continue }
            kpis[name] = DifferenceEstimate(mean: e.mean, ci95: e.ci95, relative: rel)
        }
        var perspectives: [String: [String: Estimate]] = [:]
        for (id, m) in baseline.samples.perspectives {
            guard let o = other.samples.perspectives[id] else { continue }
            var out: [String: Estimate] = [:]
            for (name, a) in m {
                guard let b = o[name] else { continue }
                if let (e, _) = diff(a, b) { out[name] = e }
            }
            perspectives[id] = out
        }
        return ComparisonDifferences(baseline: baseline.scenario, other: other.scenario, pairs: pairs,
                                     kpis: kpis, perspectives: perspectives)
    }
}
