import PitstopModel
import PitstopScenario

/// One variant of a sweep: an id and the `--set`s that make it from the scenario.
public struct SweepVariant: Sendable, Hashable {
    /// `v001`, `v002`, … in design order.
    public var id: String
    /// `(path, value)` in the order of the sweep's parameters; a parameter left as the
    /// scenario has it (one-at-a-time) is absent.
    public var assignments: [Assignment]

    public struct Assignment: Sendable, Hashable {
        public var path: String
        /// The value as YAML text, as `--set PATH=VALUE` takes it.
        public var value: String
        /// The index of the parameter in the sweep and of the listed value (or range step).
        public var parameter: Int
    }

    /// `PATH=VALUE` for each assignment.
    public var sets: [String] { assignments.map { "\($0.path)=\($0.value)" } }

    /// The value given to `path`, if any.
    public func value(of path: String) -> String? { assignments.first { $0.path == path }?.value }
}

/// Expands a sweep's design into its variants (deterministically: the same sweep file gives
/// the same variants in the same order).
public enum SweepPlan {
    /// The variants of `sweep`: every combination (grid, the first parameter varying
    /// slowest); a Latin hypercube of N; or the scenario as it is followed by each
    /// parameter's values one at a time.
    public static func variants(of sweep: SweepDefinition) -> [SweepVariant] {
        let levels = sweep.parameters.map(levels)
        var rows: [[SweepVariant.Assignment]] = []
        switch sweep.design {
        case .grid:
            rows = [[]]
            for (p, values) in levels.enumerated() {
                rows = rows.flatMap { row in
                    values.map { row + [SweepVariant.Assignment(path: sweep.parameters[p].path, value: $0, parameter: p)] }
                }
            }
        case .oneAtATime:
            rows = [[]]
            for (p, values) in levels.enumerated() {
                for value in values {
                    rows.append([SweepVariant.Assignment(path: sweep.parameters[p].path, value: value, parameter: p)])
                }
            }
        case .latinHypercube(let samples, let seed):
            var random = SplitMix64(seed: seed)
            var columns: [[String]] = []
            for parameter in sweep.parameters {
                // One draw in each of `samples` equal strata, the strata in random order.
                var strata = Array(0..<samples)
                for i in stride(from: samples - 1, to: 0, by: -1) {
                    strata.swapAt(i, Int(random.next() % UInt64(i + 1)))
                }
                columns.append(strata.map { stratum in
                    let u = (Double(stratum) + random.nextUnit()) / Double(samples)
                    return sample(parameter, at: u)
                })
            }
            rows = (0..<samples).map { i in
                sweep.parameters.indices.map { p in
                    SweepVariant.Assignment(path: sweep.parameters[p].path, value: columns[p][i], parameter: p)
                }
            }
        }
        let width = max(3, String(rows.count).count)
        return rows.enumerated().map { i, row in
            let number = String(i + 1)
            return SweepVariant(id: "v" + String(repeating: "0", count: width - number.count) + number, assignments: row)
        }
    }

    /// A parameter's values as `--set` texts: listed values as written; a range's `steps`
    /// evenly spaced values, ends included (whole numbers for a whole-number range, without
    /// repeats).
    public static func levels(_ parameter: SweepParameter) -> [String] {
        switch parameter.values {
        case .listed(let values):
            return values.map(\.text)
        case .range(let low, let high, let steps, let integer):
            let n = max(steps ?? 2, 2)
            var out: [String] = []
            for i in 0..<n {
                let x = low + (high - low) * Double(i) / Double(n - 1)
                let text = integer ? formatNumber(x.rounded()) : formatNumber(x)
                if !out.contains(text) { out.append(text) }
            }
            return out
        }
    }

    /// The value at quantile `u` in [0, 1) of a parameter: a listed value by stratum, or a
    /// point of the range (rounded for a whole-number range).
    static func sample(_ parameter: SweepParameter, at u: Double) -> String {
        switch parameter.values {
        case .listed(let values):
            return values[min(values.count - 1, Int(u * Double(values.count)))].text
        case .range(let low, let high, _, let integer):
            let x = low + (high - low) * u
            return integer ? formatNumber(x.rounded()) : formatNumber(x)
        }
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a small, fast generator for design sampling.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in [0, 1) with 53 random bits.
    mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
