import Dispatch
import Foundation
import PitstopModel
import PitstopScenario
import PitstopSimulation

/// A sweep: many variants of one scenario on the same simulated visitors.
public enum SweepStudy {
    /// Reads the sweep file and every variant; returns the setup, or the diagnostics (every
    /// problem at once, positions in the sweep file where the problem is a parameter's).
    public static func prepare(path: String, settings: RunSettings) -> (setup: SweepSetup?, diagnostics: [Diagnostic]) {
        let loaded = SweepLoader.load(path: path, knownKPIs: SweepKPIs.names)
        guard let sweep = loaded.sweep else { return (nil, loaded.diagnostics) }
        var diagnostics = loaded.diagnostics
        let baseResult = ScenarioLoader.load(path: sweep.scenario)
        diagnostics += baseResult.diagnostics
        var compareWith: Scenario?
        if let other = sweep.compareWith {
            let result = ScenarioLoader.load(path: other)
            diagnostics += result.diagnostics
            compareWith = result.scenario
        }
        guard let base = baseResult.scenario, sweep.compareWith == nil || compareWith != nil else {
            return (nil, diagnostics)
        }
        let variants = SweepPlan.variants(of: sweep)
        if let problem = settings.problems.first {
            diagnostics.append(Diagnostic(severity: .error, location: nil, message: problem))
        }
        for p in sweep.parameters where p.path.hasPrefix("simulation.") && p.path != "simulation.demand_scale" {
            diagnostics.append(Diagnostic(
                severity: .error, location: p.pathLocation,
                message: "a sweep's run length and seed are set in its own 'simulation:' block, not varied as a parameter ('\(p.path)')"))
        }
        var scenarioSettings = base.simulation
        if let days = sweep.simulation.days { scenarioSettings.days = days }
        if let warmup = sweep.simulation.warmupDays { scenarioSettings.warmupDays = warmup }
        if let replications = sweep.simulation.replications { scenarioSettings.replications = replications }
        if let seed = sweep.simulation.seed { scenarioSettings.seed = seed }
        var adjusted = base
        adjusted.simulation = scenarioSettings
        let options: RunOptions
        do {
            options = try settings.runOptions(for: adjusted)
        } catch {
            diagnostics.append(Diagnostic(severity: .error, location: sweep.location, message: error.description))
            return (nil, diagnostics)
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let (problems, work) = SweepValidation.check(variants, of: sweep, days: options.days)
        diagnostics += problems
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let hash = SweepHash.of(sweep: sweep, options: options)
        let compareWork = compareWith.map { SweepShards.expectedWork($0, days: options.days) }
        return (SweepSetup(sweep: sweep, variants: variants, base: base, compareWith: compareWith, options: options,
                           hash: hash, variantWork: work, compareWork: compareWork), diagnostics)
    }

    /// Runs `variants` (indices into the setup's variants; all by default) × replications
    /// on `options.jobs` threads, one replication of one variant at a time, variant by
    /// variant so that only a few variants are in memory at once. The compared-with
    /// scenario runs first when there is one. Results do not depend on the number of jobs.
    public static func run(
        _ setup: SweepSetup, only variants: [Int]? = nil, comparesWith: Bool = true,
        replications range: Range<Int>? = nil, progress: ProgressHandler? = nil
    ) -> SweepSamples {
        let indices = variants ?? Array(setup.variants.indices)
        let subjects: [SweepSubject] = (setup.compareWith != nil && comparesWith ? [.compareWith] : [])
            + indices.map { .variant($0) }
        let range = range ?? 0..<setup.options.replications
        let replications = range.count
        let total = subjects.count * replications
        let board = WorkBoard(subjects: subjects, replications: replications)
        let label = setup.sweep.name
        @Sendable func work() {
            while let (s, r) = board.claim() {
                let simulator = board.simulator(for: s) { subject in
                    switch subjects[subject] {
                    case .compareWith: return Simulator(setup.compareWith!)
                    case .variant(let v): return Simulator(SweepValidation.scenario(of: setup.variants[v], in: setup.sweep)!)
                    }
                }
                let sample = SweepKPIs.sample(simulator, replication: range.lowerBound + r, options: setup.options)
                let done = board.store(s, r, sample)
                progress?(StudyProgress(label: label, done: done, total: total))
            }
        }
        let workers = max(1, min(setup.options.jobs, total))
        if workers == 1 { work() } else { DispatchQueue.concurrentPerform(iterations: workers) { _ in work() } }
        let samples = board.results()
        var byVariant: [Int: VariantSamples] = [:]
        var compare: VariantSamples?
        for (i, subject) in subjects.enumerated() {
            switch subject {
            case .compareWith: compare = samples[i]
            case .variant(let v): byVariant[v] = samples[i]
            }
        }
        return SweepSamples(variants: byVariant, compareWith: compare, replications: range.upperBound)
    }

    /// Adds replications to the variants whose feasibility is uncertain and could change the
    /// answer (those that might beat the best, or every uncertain one when none meets the
    /// target) — as many again as the sweep has, in up to `rounds` rounds, on the next
    /// random streams (the compared-with scenario runs them too, so pairs stay paired).
    public static func refine(_ setup: SweepSetup, _ samples: SweepSamples, rounds: Int = 3, progress: ProgressHandler? = nil)
        -> SweepSamples
    {
        var samples = samples
        guard setup.sweep.target != nil else { return samples }
        for _ in 0..<rounds {
            let outcome = SweepOutcome(setup: setup, samples: samples)
            guard let answer = outcome.answer, !answer.contenders.isEmpty else { break }
            let extra = setup.options.replications
            // Each variant continues from its own count, so replication i stays replication i.
            let groups = Dictionary(grouping: answer.contenders) { samples.variants[$0]?.count ?? 0 }
            for start in groups.keys.sorted() {
                let more = run(setup, only: groups[start] ?? [], comparesWith: false, replications: start..<(start + extra),
                               progress: progress)
                for (i, s) in more.variants { samples.variants[i] = (samples.variants[i] ?? VariantSamples()).appending(s) }
            }
            let needed = answer.contenders.map { samples.variants[$0]?.count ?? 0 }.max() ?? 0
            if let c = samples.compareWith, c.count < needed {
                let more = run(setup, only: [], comparesWith: true, replications: c.count..<needed, progress: progress)
                if let m = more.compareWith { samples.compareWith = c.appending(m) }
            }
            samples.replications = max(samples.replications, needed)
        }
        return samples
    }
}

extension VariantSamples {
    /// Replications held (the longest KPI's count).
    var count: Int { values.values.map(\.count).max() ?? 0 }

    /// These replications followed by `more`'s (a KPI missing on one side is NaN there).
    func appending(_ more: VariantSamples) -> VariantSamples {
        let n = count, m = more.count
        var out: [String: [Double]] = [:]
        for kpi in Set(values.keys).union(more.values.keys) {
            out[kpi] = (values[kpi] ?? Array(repeating: .nan, count: n)) + (more.values[kpi] ?? Array(repeating: .nan, count: m))
        }
        return VariantSamples(values: out)
    }
}

enum SweepSubject: Sendable, Hashable {
    case compareWith
    case variant(Int)
}

/// Hands out (subject, replication) units in order and collects their samples; keeps a
/// subject's simulator only while its replications run.
private final class WorkBoard: @unchecked Sendable {
    private let lock = NSLock()
    private let subjects: [SweepSubject]
    private let replications: Int
    private var next = 0
    private var done = 0
    private var simulators: [Int: Simulator] = [:]
    private var building: Set<Int> = []
    private let built = NSCondition()
    private var remaining: [Int]
    private var samples: [[[String: Double]?]]

    init(subjects: [SweepSubject], replications: Int) {
        self.subjects = subjects
        self.replications = replications
        remaining = Array(repeating: replications, count: subjects.count)
        samples = Array(repeating: Array(repeating: nil, count: replications), count: subjects.count)
    }

    func claim() -> (Int, Int)? {
        lock.lock()
        defer { lock.unlock() }
        guard next < subjects.count * replications else { return nil }
        defer { next += 1 }
        return (next / replications, next % replications)
    }

    /// The subject's simulator, built once by the first worker that needs it.
    func simulator(for subject: Int, build: (Int) -> Simulator) -> Simulator {
        built.lock()
        while true {
            if let s = simulators[subject] {
                built.unlock()
                return s
            }
            if !building.contains(subject) { break }
            built.wait()
        }
        building.insert(subject)
        built.unlock()
        let s = build(subject)
        built.lock()
        simulators[subject] = s
        building.remove(subject)
        built.broadcast()
        built.unlock()
        return s
    }

    func store(_ subject: Int, _ replication: Int, _ sample: [String: Double]) -> Int {
        lock.lock()
        samples[subject][replication] = sample
        remaining[subject] -= 1
        done += 1
        let finished = remaining[subject] == 0
        let count = done
        lock.unlock()
        if finished {
            built.lock()
            simulators[subject] = nil
            built.unlock()
        }
        return count
    }

    func results() -> [VariantSamples] {
        lock.lock()
        defer { lock.unlock() }
        return samples.map { reps in
            var values: [String: [Double]] = [:]
            let kpis = Set(reps.compactMap { $0 }.flatMap(\.keys))
            for kpi in kpis { values[kpi] = reps.map { $0?[kpi] ?? .nan } }
            return VariantSamples(values: values)
        }
    }
}
