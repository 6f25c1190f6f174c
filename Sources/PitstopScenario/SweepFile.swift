import Foundation
import PitstopModel

/// A sweep file (format 1): many variants of one scenario, each the scenario with some
/// `--set`s applied, run on the same simulated visitors; optionally a target ("the cheapest
/// variant whose served share is at least 0.8 with 95 % confidence").
public struct SweepDefinition: Sendable, Hashable {
    public var name: String
    public var description: String?
    /// The sweep file's path as given.
    public var file: String
    /// The scenario every variant changes, resolved relative to the sweep file.
    public var scenario: String
    public var scenarioLocation: SourceLocation
    /// A scenario every variant is also paired with (differences reported beside the KPIs).
    public var compareWith: String?
    public var compareWithLocation: SourceLocation?
    public var parameters: [SweepParameter]
    public var design: SweepDesign
    public var simulation: SweepSimulation
    public var target: SweepTarget?
    public var location: SourceLocation
}

/// One parameter: a `--set` path and the values it takes.
public struct SweepParameter: Sendable, Hashable {
    public enum Values: Sendable, Hashable {
        /// Listed values, each as the YAML text a `--set` takes.
        case listed([SweepValue])
        /// A continuous range; `steps` evenly spaced values (ends included) for a grid or
        /// one-at-a-time design; `integer` when the path ends in a whole-number key of the
        /// format (`count`, `min_staff`, `capacity`, …): its values are rounded.
        case range(low: Double, high: Double, steps: Int?, integer: Bool)
    }

    /// The `--set` path, e.g. `staff.mindspotter-main.count`.
    public var path: String
    public var pathLocation: SourceLocation
    public var values: Values
    public var location: SourceLocation
}

/// One listed value of a parameter.
public struct SweepValue: Sendable, Hashable {
    /// The value as YAML text for `--set PATH=VALUE` (flow style for collections).
    public var text: String
    public var location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// How variants are chosen from the parameters' values.
public enum SweepDesign: Sendable, Hashable {
    /// Every combination.
    case grid
    /// A Latin hypercube of `samples` variants, stratified on every parameter.
    case latinHypercube(samples: Int, seed: UInt64)
    /// The scenario as it is, then each parameter's values one at a time, the others left as
    /// the scenario has them.
    case oneAtATime
}

/// Run settings of a sweep; `nil` leaves the scenario's own value.
public struct SweepSimulation: Sendable, Hashable {
    public var days: Int?
    public var warmupDays: Int?
    public var replications: Int?
    public var seed: UInt64?

    public init(days: Int? = nil, warmupDays: Int? = nil, replications: Int? = nil, seed: UInt64? = nil) {
        self.days = days
        self.warmupDays = warmupDays
        self.replications = replications
        self.seed = seed
    }
}

/// What a sweep looks for: an objective, requirements, or both.
public struct SweepTarget: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable {
        case minimise, maximise
    }

    /// The KPI to minimise or maximise among the variants that meet the requirements.
    public var objectiveKPI: String?
    public var direction: Direction
    public var objectiveLocation: SourceLocation?
    public var requirements: [KPIRequirement]
    public var location: SourceLocation

    public init(objectiveKPI: String?, direction: Direction, objectiveLocation: SourceLocation?,
                requirements: [KPIRequirement], location: SourceLocation) {
        self.objectiveKPI = objectiveKPI
        self.direction = direction
        self.objectiveLocation = objectiveLocation
        self.requirements = requirements
        self.location = location
    }
}

/// A bound on a KPI: `served_share >= 0.8`.
public struct KPIRequirement: Sendable, Hashable, CustomStringConvertible {
    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        case atLeast = ">=", atMost = "<=", above = ">", below = "<"
    }

    public var kpi: String
    public var comparison: Comparison
    public var bound: Double
    public var location: SourceLocation?

    public init(kpi: String, comparison: Comparison, bound: Double, location: SourceLocation? = nil) {
        self.kpi = kpi
        self.comparison = comparison
        self.bound = bound
        self.location = location
    }

    /// `served_share >= 0.8`.
    public var description: String {
        let value = bound == bound.rounded() && abs(bound) < 1e15 ? String(Int64(bound)) : String(bound)
        return "\(kpi) \(comparison.rawValue) \(value)"
    }

    /// Whether `value` meets the bound.
    public func isMet(by value: Double) -> Bool {
        switch comparison {
        case .atLeast: value >= bound
        case .atMost: value <= bound
        case .above: value > bound
        case .below: value < bound
        }
    }

    /// Reads `KPI OP VALUE` (spaces optional): `served_share >= 0.8`, `wait_p90_min<=10`.
    public static func parse(_ text: String) -> Result<KPIRequirement, RequirementProblem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for comparison in [Comparison.atLeast, .atMost, .above, .below] {
            guard let range = trimmed.range(of: comparison.rawValue) else { continue }
            let kpi = trimmed[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            let value = trimmed[range.upperBound...].trimmingCharacters(in: .whitespaces)
            guard !kpi.isEmpty else { return .failure(.noKPI(text)) }
            guard let bound = parseNumber(value) else { return .failure(.notANumber(value, in: text)) }
            return .success(KPIRequirement(kpi: kpi, comparison: comparison, bound: bound))
        }
        return .failure(.noComparison(text))
    }
}

/// Why a requirement's text could not be read.
public enum RequirementProblem: Error, Sendable, Hashable, CustomStringConvertible {
    case noComparison(String)
    case noKPI(String)
    case notANumber(String, in: String)

    public var description: String {
        switch self {
        case .noComparison(let text): "requirement '\(text)' needs a comparison: KPI >= VALUE or KPI <= VALUE"
        case .noKPI(let text): "requirement '\(text)' names no KPI before its comparison"
        case .notANumber(let value, let text): "requirement '\(text)': '\(value)' is not a number"
        }
    }
}

/// What loading a sweep file produced.
public struct SweepLoadResult: Sendable {
    /// The sweep; `nil` whenever there is an error.
    public var sweep: SweepDefinition?
    public var diagnostics: [Diagnostic]
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Loads sweep files with the scenario loader's diagnostics (file:line:column, every
/// problem at once, "did you mean").
public enum SweepLoader {
    /// The keys of a sweep file.
    static let keys = ["format", "name", "description", "scenario", "compare_with", "parameters", "design", "simulation", "target"]
    static let parameterKeys = ["set", "values", "range", "steps"]
    static let simulationKeys = ["days", "warmup_days", "replications", "seed"]
    static let targetKeys = ["minimise", "maximise", "require"]
    /// Keys of the scenario format that take whole numbers: a range over one is rounded.
    public static let wholeNumberKeys: Set<String> = ["count", "min_staff", "capacity", "days", "warmup_days", "replications", "seed"]
    /// At most this many variants (a grid's product, or an LHS's samples).
    public static let maxVariants = 100_000

    /// Reads the sweep file at `path`. `knownKPIs` are the KPI names a target may use.
    public static func load(path: String, knownKPIs: [String]) -> SweepLoadResult {
        load(text: nil, path: path, knownKPIs: knownKPIs)
    }

    /// Loads in-memory YAML; `path` names it in diagnostics and anchors relative paths.
    public static func load(yaml: String, path: String, knownKPIs: [String]) -> SweepLoadResult {
        load(text: yaml, path: path, knownKPIs: knownKPIs)
    }

    private static func load(text: String?, path: String, knownKPIs: [String]) -> SweepLoadResult {
        let sink = DiagnosticSink()
        var budget = Limits.maxNodes
        guard let text = text ?? SourceReader.read(path: path, display: path, reportAt: nil, sink: sink),
            case .document(let root) = DocumentParser.parse(text, file: path, sink: sink, budget: &budget)
        else {
            return SweepLoadResult(sweep: nil, diagnostics: sink.sorted)
        }
        let sweep = SweepDecoder(decoder: ScenarioDecoder(sink: sink), path: path, knownKPIs: knownKPIs).decode(root)
        return SweepLoadResult(sweep: sink.hasErrors ? nil : sweep, diagnostics: sink.sorted)
    }
}

/// Decodes a sweep file's tree with the scenario decoder's helpers.
private struct SweepDecoder {
    let decoder: ScenarioDecoder
    let path: String
    let knownKPIs: [String]

    func error(_ text: String, at location: SourceLocation?, suggestion: String? = nil) {
        decoder.error(Message(text).suggesting(suggestion), at: location)
    }

    func decode(_ root: SourceNode) -> SweepDefinition? {
        let d = decoder
        guard let top = d.fields(root, what: "the top level of a sweep file", context: "", allowed: SweepLoader.keys) else {
            return nil
        }
        if let format = d.required(top, "format"), format.scalar.flatMap(parseNumber) != 1 {
            d.error(.unsupportedFormat(format.scalar.map { "'\($0)'" } ?? format.found), at: format.location)
        }
        let name = d.requiredText(top, "name") ?? ""
        let scenarioNode = d.required(top, "scenario")
        let scenario = scenarioNode.flatMap { relativePath($0, "'scenario'") }
        let compareNode = top["compare_with"]
        let compareWith = compareNode.flatMap { relativePath($0, "'compare_with'") }
        let parameters = decodeParameters(top)
        let design = decodeDesign(top)
        let simulation = decodeSimulation(top)
        let target = top["target"].flatMap(decodeTarget)
        if let design, case .latinHypercube = design {} else {
            for p in parameters {
                if case .range(_, _, nil, _) = p.values {
                    error("a range needs 'steps' for a grid or one-at-a-time design (only a Latin hypercube samples it freely)",
                          at: p.location)
                }
            }
        }
        if let design, !parameters.isEmpty {
            let count = variantCount(parameters, design)
            if count > SweepLoader.maxVariants {
                error("this sweep has \(count) variants; the limit is \(SweepLoader.maxVariants)", at: root.location)
            }
        }
        guard let scenario, let scenarioNode, let design, let simulation else { return nil }
        return SweepDefinition(
            name: name, description: d.text(top, "description"), file: path, scenario: scenario,
            scenarioLocation: scenarioNode.location, compareWith: compareWith, compareWithLocation: compareNode?.location,
            parameters: parameters, design: design, simulation: simulation, target: target, location: root.location)
    }

    /// A path relative to the sweep file, resolved; an absolute path is an error.
    func relativePath(_ node: SourceNode, _ what: String) -> String? {
        guard let text = decoder.text(node, what), !text.isEmpty else { return nil }
        if text.hasPrefix("/") {
            error("\(what) must be a path relative to the sweep file, found the absolute path '\(text)'", at: node.location)
            return nil
        }
        return ChainLoader.resolve(text, from: path)
    }

    func decodeParameters(_ top: Fields) -> [SweepParameter] {
        let d = decoder
        guard let node = d.required(top, "parameters"), let items = d.list(node, "'parameters'") else { return [] }
        if items.isEmpty { error("a sweep needs at least one parameter", at: node.location) }
        var seen: [String: SourceLocation] = [:]
        return items.compactMap { item -> SweepParameter? in
            guard let f = d.fields(item, what: "each parameter", context: "a parameter", allowed: SweepLoader.parameterKeys),
                let setNode = d.required(f, "set"), let setPath = d.text(setNode, "'set'")
            else { return nil }
            if setPath.isEmpty || setPath.hasPrefix(".") || setPath.hasSuffix(".") || setPath.contains("..") {
                error("'\(setPath)' is not a path: keys and ids joined by '.', e.g. staff.lib-main.count", at: setNode.location)
                return nil
            }
            if let first = seen[setPath] {
                error("parameter '\(setPath)' is given twice (first on line \(first.line))", at: setNode.location)
                return nil
            }
            seen[setPath] = setNode.location
            let values: SweepParameter.Values?
            switch (f["values"], f["range"]) {
            case (let listed?, nil):
                if f.has("steps") { error("'steps' goes with 'range', not with 'values'", at: f.entry("steps")?.keyLocation) }
                values = d.list(listed, "'values'").map { nodes in
                    if nodes.isEmpty { error("'values' needs at least one value", at: listed.location) }
                    return .listed(nodes.map { SweepValue(text: $0.flowText, location: $0.location) })
                }
            case (nil, let range?):
                values = decodeRange(range, f, integer: SweepLoader.wholeNumberKeys.contains(
                    String(setPath.split(separator: ".").last ?? "")))
            case (_?, _?):
                error("a parameter takes 'values' or 'range', not both", at: f.location)
                values = nil
            case (nil, nil):
                error("parameter '\(setPath)' needs 'values' (a list) or 'range' ([low, high])", at: f.location)
                values = nil
            }
            guard let values else { return nil }
            return SweepParameter(path: setPath, pathLocation: setNode.location, values: values, location: item.location)
        }
    }

    func decodeRange(_ node: SourceNode, _ f: Fields, integer: Bool) -> SweepParameter.Values? {
        let d = decoder
        guard let ends = d.list(node, "'range'"), ends.count == 2 else {
            error("'range' must be [low, high], found \(node.found)", at: node.location)
            return nil
        }
        guard let low = d.number(ends[0], "the low end of 'range'"), let high = d.number(ends[1], "the high end of 'range'")
        else { return nil }
        guard low < high else {
            error("'range' must be [low, high] with low < high, found [\(ends[0].scalar ?? ""), \(ends[1].scalar ?? "")]",
                  at: node.location)
            return nil
        }
        if integer, low != low.rounded() || high != high.rounded() {
            error("'range' of a whole-number key needs whole-number ends, found [\(ends[0].scalar ?? ""), \(ends[1].scalar ?? "")]",
                  at: node.location)
            return nil
        }
        let steps = d.integer(f, "steps", "at least 2", { $0 >= 2 && $0 <= 10_000 })
        if f.has("steps"), steps == nil { return nil }
        return .range(low: low, high: high, steps: steps, integer: integer)
    }

    func decodeDesign(_ top: Fields) -> SweepDesign? {
        let d = decoder
        guard let node = top["design"] else { return .grid }
        if let word = node.scalar {
            switch word {
            case "grid": return .grid
            case "one-at-a-time": return .oneAtATime
            case "lhs":
                error("a Latin hypercube needs its size: design: { lhs: 40, seed: 1 }", at: node.location)
                return nil
            default:
                error("unknown design '\(word)': grid, one-at-a-time or { lhs: N, seed: S }", at: node.location,
                      suggestion: closestMatch(to: word, in: ["grid", "one-at-a-time", "lhs"]))
                return nil
            }
        }
        guard let f = d.fields(node, what: "'design'", context: "the design", allowed: ["lhs", "seed"]) else { return nil }
        guard let samples = d.integer(f, "lhs", "between 2 and \(SweepLoader.maxVariants)", { $0 >= 2 && $0 <= SweepLoader.maxVariants })
        else {
            if !f.has("lhs") { error("'design' as a mapping is a Latin hypercube: { lhs: N, seed: S }", at: node.location) }
            return nil
        }
        let seed = d.integer(f, "seed", "0 or more", { $0 >= 0 }) ?? 1
        return .latinHypercube(samples: samples, seed: UInt64(seed))
    }

    func decodeSimulation(_ top: Fields) -> SweepSimulation? {
        let d = decoder
        guard let node = top["simulation"] else { return SweepSimulation() }
        guard let f = d.fields(node, what: "'simulation'", context: "the sweep's simulation", allowed: SweepLoader.simulationKeys)
        else { return nil }
        var s = SweepSimulation()
        s.days = d.integer(f, "days", "between 1 and 3650", { (1...3650).contains($0) })
        s.warmupDays = d.integer(f, "warmup_days", "0 or more", { $0 >= 0 })
        s.replications = d.integer(f, "replications", "between 2 and 10000", { (2...10_000).contains($0) })
        s.seed = d.integer(f, "seed", "0 or more", { $0 >= 0 }).map(UInt64.init)
        return s
    }

    func decodeTarget(_ node: SourceNode) -> SweepTarget? {
        let d = decoder
        guard let f = d.fields(node, what: "'target'", context: "the target", allowed: SweepLoader.targetKeys) else { return nil }
        var target = SweepTarget(objectiveKPI: nil, direction: .minimise, objectiveLocation: nil, requirements: [], location: node.location)
        switch (f["minimise"], f["maximise"]) {
        case (_?, _?):
            error("a target either minimises or maximises one KPI, not both", at: node.location)
        case (let kpiNode?, nil), (nil, let kpiNode?):
            if let kpi = d.text(kpiNode, "the KPI to optimise"), checkKPI(kpi, at: kpiNode.location) {
                target.objectiveKPI = kpi
                target.direction = f.has("minimise") ? .minimise : .maximise
                target.objectiveLocation = kpiNode.location
            }
        case (nil, nil):
            break
        }
        for item in d.list(f, "require", scalarAllowed: true) {
            guard let text = d.text(item, "a requirement") else { continue }
            switch KPIRequirement.parse(text) {
            case .success(var requirement):
                guard checkKPI(requirement.kpi, at: item.location) else { continue }
                requirement.location = item.location
                target.requirements.append(requirement)
            case .failure(let problem):
                error(problem.description, at: item.location)
            }
        }
        if target.objectiveKPI == nil, target.requirements.isEmpty, !decoder.sink.hasErrors {
            error("a target needs 'minimise' or 'maximise' (a KPI), 'require' (bounds), or both", at: node.location)
        }
        return target
    }

    func checkKPI(_ kpi: String, at location: SourceLocation) -> Bool {
        guard knownKPIs.isEmpty || knownKPIs.contains(kpi) else {
            error("unknown KPI '\(kpi)'", at: location, suggestion: closestMatch(to: kpi, in: knownKPIs))
            return false
        }
        return true
    }

    func variantCount(_ parameters: [SweepParameter], _ design: SweepDesign) -> Int {
        func count(_ p: SweepParameter) -> Int {
            switch p.values {
            case .listed(let values): values.count
            case .range(_, _, let steps, _): steps ?? 1
            }
        }
        switch design {
        case .grid:
            var product = 1
            for p in parameters {
                let (next, overflow) = product.multipliedReportingOverflow(by: count(p))
                product = overflow ? Int.max : next
            }
            return product
        case .latinHypercube(let samples, _): return samples
        case .oneAtATime: return 1 + parameters.reduce(0) { $0 + count($1) }
        }
    }
}

extension SourceNode {
    /// The node as YAML flow text, for a `--set` value: plain scalars as written, quoted
    /// ones double-quoted, collections in flow style.
    var flowText: String {
        switch content {
        case .scalar(let text, let plain):
            return plain ? text : Self.quoted(text)
        case .sequence(let items):
            return "[" + items.map(\.flowText).joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "{" + entries.map { Self.quoted($0.key) + ": " + $0.value.flowText }.joined(separator: ", ") + "}"
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += "\\x" + String(scalar.value, radix: 16).leftPadded(2) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
