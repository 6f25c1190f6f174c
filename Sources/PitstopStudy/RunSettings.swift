import Foundation
import PitstopModel
import PitstopSimulation

/// How long and how often to run, as given on a command line or in a request: each value
/// overrides the scenario's `simulation:` block when set.
public struct RunSettings: Sendable, Hashable {
    public var days: Int?
    public var replications: Int?
    public var seed: UInt64?
    /// Parallel jobs; `nil` means one per core. Results never depend on it.
    public var jobs: Int?

    public init(days: Int? = nil, replications: Int? = nil, seed: UInt64? = nil, jobs: Int? = nil) {
        self.days = days
        self.replications = replications
        self.seed = seed
        self.jobs = jobs
    }

    /// Problems with the values themselves, in the words a user typed them (`--days`).
    public var problems: [String] {
        var out: [String] = []
        if let days, days < 1 { out.append("--days must be at least 1, found \(days)") }
        if let replications, replications < 2 {
            out.append("--replications must be at least 2 (confidence intervals need two), found \(replications)")
        }
        if let jobs, jobs < 1 { out.append("--jobs must be at least 1, found \(jobs)") }
        if let days, days > ScenarioLimits.days { out.append("--days must be at most \(ScenarioLimits.days), found \(days)") }
        if let replications, replications > ScenarioLimits.replications {
            out.append("--replications must be at most \(ScenarioLimits.replications), found \(replications)")
        }
        return out
    }

    /// The run options for a scenario: its `simulation:` block with these settings on top.
    public func runOptions(for scenario: Scenario) throws(StudyError) -> RunOptions {
        if let problem = problems.first { throw StudyError(problem) }
        var settings = scenario.simulation
        if let days { settings.days = days }
        if let replications { settings.replications = replications }
        if let seed { settings.seed = seed }
        if let problem = ScenarioLimits.runLengthProblems(
            days: settings.days, warmupDays: settings.warmupDays, replications: settings.replications
        ).first {
            throw StudyError(problem)
        }
        if settings.warmupDays >= settings.days {
            throw StudyError(
                "warm-up (\(settings.warmupDays) days) leaves nothing of a \(settings.days)-day run; use more --days")
        }
        return RunOptions(settings, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    }
}

/// Progress of a long study, reported from worker threads: `done` of `total` units
/// (replications, or variant-replications) of the named part.
public struct StudyProgress: Sendable, Hashable {
    public var label: String
    public var done: Int
    public var total: Int
    public init(label: String, done: Int, total: Int) {
        self.label = label
        self.done = done
        self.total = total
    }
}

/// Receives progress; called from worker threads, so it must be thread-safe.
public typealias ProgressHandler = @Sendable (StudyProgress) -> Void
