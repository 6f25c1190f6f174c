/// The two-sided 95 % Student t quantile t(0.975, df): exact table values for df 1…30,
/// the Cornish–Fisher (Hill 1970) expansion beyond (error < 1e-6 for df > 30).
/// Returns `.infinity` for df < 1.
public func tQuantile95(df: Int) -> Double {
    guard df >= 1 else { return .infinity }
    if df <= tTable.count { return tTable[df - 1] }
    let z = 1.959963984540054
    let n = Double(df)
    let z2 = z * z, z3 = z2 * z, z5 = z3 * z2, z7 = z5 * z2, z9 = z7 * z2
    return z + (z3 + z) / (4 * n)
        + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n)
        + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n)
        + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * n * n * n * n)
}

private let tTable: [Double] = [
    12.706204736174694, 4.302652729749462, 3.1824463052837078, 2.7764451051977934, 2.5705818356363146,
    2.4469118511449786, 2.364624251592784, 2.306004135204166, 2.262157162798205, 2.228138851986274,
    2.200985160091639, 2.1788128296672284, 2.1603686564627913, 2.144786687917804, 2.131449545559776,
    2.1199052992212546, 2.1098155778333156, 2.1009220402410382, 2.0930240544083087, 2.085963447265864,
    2.0796138447276795, 2.0738730679040254, 2.0686576104190486, 2.0638985616280245, 2.0595385527532972,
    2.0555294386428735, 2.0518305164802846, 2.0484071417952454, 2.045229642132703, 2.0422724563012378,
]

/// A KPI across replications: the mean and its 95 % Student-t confidence interval.
/// Encodes as `{"mean": …, "ci95": [lo, hi]}`. With one replication the interval is [mean, mean].
public struct Estimate: Sendable, Hashable, Codable {
    public var mean: Double
    public var ci95: [Double]

    public init(mean: Double, ci95: [Double]) {
        self.mean = mean
        self.ci95 = ci95
    }

    /// Mean and interval of `samples` (one value per replication). Values that are not
    /// finite (a ratio undefined in that replication) are left out; the interval is clipped
    /// to `bounds`, the values the KPI can take.
    public init(samples: [Double], bounds: ClosedRange<Double> = -Double.infinity...Double.infinity) {
        let (m, h) = meanAndHalfWidth(samples.filter(\.isFinite))
        self.init(mean: m, ci95: [max(bounds.lowerBound, m - h), min(bounds.upperBound, m + h)])
    }

    /// Half the width of the interval.
    public var halfWidth: Double { ci95.count == 2 ? (ci95[1] - ci95[0]) / 2 : 0 }
}

/// Mean and 95 % half-width (0 when fewer than two values).
func meanAndHalfWidth(_ x: [Double]) -> (Double, Double) {
    guard !x.isEmpty else { return (0, 0) }
    let n = Double(x.count)
    let mean = x.reduce(0, +) / n
    guard x.count > 1 else { return (mean, 0) }
    let ss = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    let sd = (ss / (n - 1)).squareRoot()
    return (mean, tQuantile95(df: x.count - 1) * sd / n.squareRoot())
}
