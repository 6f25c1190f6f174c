/// A probability distribution of a duration in minutes, written as a string in scenarios.
///
/// `const(x)`, `exp(mean)`, `uniform(a, b)`, `triangular(min, mode, max)`,
/// `normal(mean, sd)` (truncated at 0) and `lognormal(mean, sd)` (the mean and standard
/// deviation of the variable itself, not of its logarithm).
public enum Distribution: Sendable, Hashable, CustomStringConvertible {
    case constant(Double)
    case exponential(mean: Double)
    case uniform(Double, Double)
    case triangular(min: Double, mode: Double, max: Double)
    case normal(mean: Double, sd: Double)
    case lognormal(mean: Double, sd: Double)

    /// Why a distribution string could not be read.
    public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        case malformed(String)
        case unknownName(String, suggestion: String?)
        case wrongArity(name: String, expected: Int, got: Int)
        case notANumber(String)
        case invalid(String)

        public var description: String {
            switch self {
            case .malformed(let s): "'\(s)' is not a distribution; write e.g. exp(10) or lognormal(25, 10)"
            case .unknownName(let n, _): "unknown distribution '\(n)'"
            case .wrongArity(let n, let e, let g):
                "\(n) takes \(e) parameter\(e == 1 ? "" : "s"), got \(g)"
            case .notANumber(let s): "'\(s)' is not a number"
            case .invalid(let why): why
            }
        }
    }

    /// The names accepted in scenario files.
    public static let names = ["const", "exp", "uniform", "triangular", "normal", "lognormal"]

    /// Parses a distribution string such as `lognormal(25, 10)`, and checks that the
    /// sampler's arithmetic can hold it: every parameter at most
    /// ``ScenarioLimits/distributionMinutes``, and a lognormal's sd at most
    /// ``ScenarioLimits/lognormalSpread`` times its mean.
    public static func parse(_ text: String) -> Result<Distribution, ParseError> {
        parseShape(text).flatMap { distribution in
            if let problem = distribution.boundsProblem { return .failure(.invalid(problem)) }
            return .success(distribution)
        }
    }

    /// The parameters as written.
    public var parameters: [Double] {
        switch self {
        case .constant(let x): [x]
        case .exponential(let m): [m]
        case .uniform(let a, let b): [a, b]
        case .triangular(let a, let c, let b): [a, c, b]
        case .normal(let m, let s), .lognormal(let m, let s): [m, s]
        }
    }

    /// Why the sampler could not hold this distribution, or `nil`.
    public var boundsProblem: String? {
        let limit = ScenarioLimits.distributionMinutes
        if parameters.contains(where: { !$0.isFinite || $0 > limit }) {
            return "\(self): every parameter must be at most \(ScenarioLimits.grouped(Int(limit))) minutes"
        }
        if case .lognormal(let m, let s) = self, s > ScenarioLimits.lognormalSpread * m {
            return "\(self): the sd may be at most \(fmt(ScenarioLimits.lognormalSpread)) times the mean"
        }
        return nil
    }

    private static func parseShape(_ text: String) -> Result<Distribution, ParseError> {
        let trimmed = text.trimmingSpaces()
        guard let open = trimmed.firstIndex(of: "("), trimmed.last == ")" else {
            return .failure(.malformed(trimmed))
        }
        let name = String(trimmed[..<open]).trimmingSpaces()
        let inner = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        let rawArgs = inner.split(separator: ",", omittingEmptySubsequences: false).map {
            String($0).trimmingSpaces()
        }
        guard names.contains(name) else {
            return .failure(.unknownName(name, suggestion: closestMatch(to: name, in: names)))
        }
        var args: [Double] = []
        for raw in rawArgs where !(rawArgs.count == 1 && raw.isEmpty) {
            guard let v = Double(raw), v.isFinite else { return .failure(.notANumber(raw)) }
            args.append(v)
        }
        func need(_ n: Int) -> ParseError? {
            args.count == n ? nil : .wrongArity(name: name, expected: n, got: args.count)
        }
        switch name {
        case "const":
            if let e = need(1) { return .failure(e) }
            guard args[0] >= 0 else { return .failure(.invalid("const(\(fmt(args[0]))) must not be negative")) }
            return .success(.constant(args[0]))
        case "exp":
            if let e = need(1) { return .failure(e) }
            guard args[0] > 0 else { return .failure(.invalid("exp(\(fmt(args[0]))) needs a positive mean")) }
            return .success(.exponential(mean: args[0]))
        case "uniform":
            if let e = need(2) { return .failure(e) }
            guard args[0] >= 0, args[0] <= args[1] else {
                return .failure(.invalid("uniform(\(fmt(args[0])), \(fmt(args[1]))) needs 0 ≤ a ≤ b"))
            }
            return .success(.uniform(args[0], args[1]))
        case "triangular":
            if let e = need(3) { return .failure(e) }
            guard args[0] >= 0, args[0] <= args[1], args[1] <= args[2], args[0] < args[2] else {
                return .failure(.invalid(
                    "triangular(\(fmt(args[0])), \(fmt(args[1])), \(fmt(args[2]))) needs 0 ≤ min ≤ mode ≤ max and min < max"))
            }
            return .success(.triangular(min: args[0], mode: args[1], max: args[2]))
        case "normal":
            if let e = need(2) { return .failure(e) }
            guard args[0] >= 0, args[1] >= 0 else {
                return .failure(.invalid("normal(\(fmt(args[0])), \(fmt(args[1]))) needs a non-negative mean and sd"))
            }
            return .success(.normal(mean: args[0], sd: args[1]))
        default:  // lognormal
            if let e = need(2) { return .failure(e) }
            guard args[0] > 0, args[1] >= 0 else {
                return .failure(.invalid("lognormal(\(fmt(args[0])), \(fmt(args[1]))) needs a positive mean and a non-negative sd"))
            }
            return .success(.lognormal(mean: args[0], sd: args[1]))
        }
    }

    /// The mean of the distribution (of the untruncated normal for `normal`).
    public var mean: Double {
        switch self {
        case .constant(let x): x
        case .exponential(let m): m
        case .uniform(let a, let b): (a + b) / 2
        case .triangular(let a, let c, let b): (a + b + c) / 3
        case .normal(let m, _): m
        case .lognormal(let m, _): m
        }
    }

    public var description: String {
        switch self {
        case .constant(let x): "const(\(fmt(x)))"
        case .exponential(let m): "exp(\(fmt(m)))"
        case .uniform(let a, let b): "uniform(\(fmt(a)), \(fmt(b)))"
        case .triangular(let a, let c, let b): "triangular(\(fmt(a)), \(fmt(c)), \(fmt(b)))"
        case .normal(let m, let s): "normal(\(fmt(m)), \(fmt(s)))"
        case .lognormal(let m, let s): "lognormal(\(fmt(m)), \(fmt(s)))"
        }
    }
}

/// Formats a number without a trailing `.0` for whole values.
func fmt(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
    return String(v)
}
