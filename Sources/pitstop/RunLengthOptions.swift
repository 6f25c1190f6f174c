import ArgumentParser
import PitstopStudy

/// Run-length options shared by the commands that simulate; they override the scenario's
/// `simulation:` block. Values are taken as given (`--days -3` is "must be at least 1",
/// not a missing value).
struct RunLengthOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Simulated days per replication.")
    var days: Int?

    @Option(parsing: .unconditional, help: "Number of replications (at least 2).")
    var replications: Int?

    @Option(parsing: .unconditional, help: "Random seed.")
    var seed: UInt64?

    @Option(parsing: .unconditional, help: "Parallel jobs (default: all cores). Results do not depend on it.")
    var jobs: Int?

    var settings: RunSettings { RunSettings(days: days, replications: replications, seed: seed, jobs: jobs) }

    func validate() throws {
        if let problem = settings.problems.first { throw ValidationError(problem) }
    }
}
