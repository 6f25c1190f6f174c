extension PairedDifference {
    /// `other − baseline`, paired replication by replication over the replications where both
    /// values are defined, with a 95 % Student-t interval; `relative` is the mean difference
    /// over the baseline's mean on the same replications (nil when that mean is 0). `nil`
    /// when no replication has both values.
    public static func difference(baseline: [Double], other: [Double]) -> DifferenceEstimate? {
        let pairs = zip(baseline, other).filter { $0.0.isFinite && $0.1.isFinite }
        guard !pairs.isEmpty else { return nil }
        let e = Estimate(samples: pairs.map { $0.1 - $0.0 })
        let base = pairs.map(\.0).reduce(0, +) / Double(pairs.count)
        return DifferenceEstimate(mean: e.mean, ci95: e.ci95, relative: base != 0 ? e.mean / base : nil)
    }
}
