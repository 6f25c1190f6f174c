import PitstopModel
import PitstopScenario
import PitstopSimulation

/// Per-replication values of the KPIs a sweep keeps for one variant (or the scenario it is
/// compared with), in replication order: everything its estimates, differences and target
/// are computed from, so that a sharded sweep merges to the same bytes.
public struct VariantSamples: Sendable, Hashable {
    /// KPI → one value per replication (NaN where the KPI is undefined in a replication).
    public var values: [String: [Double]]

    public init(values: [String: [Double]] = [:]) { self.values = values }

    /// Estimates of every KPI defined in at least one replication.
    public var estimates: [String: Estimate] {
        var out: [String: Estimate] = [:]
        for (kpi, samples) in values where samples.contains(where: \.isFinite) {
            out[kpi] = Estimate(samples: samples, bounds: KPIName.bounds(of: kpi))
        }
        return out
    }

    /// Paired differences `self − baseline` over the replications both define.
    public func differences(from baseline: VariantSamples) -> [String: DifferenceEstimate] {
        var out: [String: DifferenceEstimate] = [:]
        for (kpi, mine) in values {
            guard let theirs = baseline.values[kpi], let d = PairedDifference.difference(baseline: theirs, other: mine)
            else { continue }
            out[kpi] = d
        }
        return out
    }
}

/// A sweep ready to run: its file, the scenarios, the variants (each already validated) and
/// the run options.
public struct SweepSetup: Sendable {
    public let sweep: SweepDefinition
    public let variants: [SweepVariant]
    /// The scenario as it is (the variants' base): its name, currency, and default settings.
    public let base: Scenario
    public let compareWith: Scenario?
    public let options: RunOptions
    /// A hash of the sweep file, every scenario file it reaches and the run settings: shards
    /// of one sweep carry the same hash.
    public let hash: String
    /// Each variant's expected work (for balancing shards), and the compared-with scenario's.
    public let variantWork: [Double]
    public let compareWork: Double?
    /// The sweep's scenario read and parsed once: each variant is its `--set`s applied to
    /// it (`nil`: read from the file for each variant).
    var prepared: PreparedScenario? = nil
}

/// The samples of a sweep run (or of one shard): per variant index, and of the compared-with
/// scenario.
public struct SweepSamples: Sendable, Hashable {
    public var variants: [Int: VariantSamples]
    public var compareWith: VariantSamples?
    public var replications: Int
}


/// The KPIs a sweep keeps per replication and may name in a target.
enum SweepKPIs {
    /// Every overall KPI of the results contract.
    static var names: [String] { KPIName.overall }
}
