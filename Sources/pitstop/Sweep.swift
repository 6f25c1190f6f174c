import ArgumentParser
import Foundation
import PitstopReport
import PitstopStudy

extension Pitstop {
    /// `pitstop sweep SWEEP.yaml`: many variants on the same visitors; the answer to a target.
    struct Sweep: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the variants of a sweep on the same visitors and answer its target.",
            discussion: """
                Example:
                  pitstop sweep Scenarios/sweeps/mindspotters.yaml
                  pitstop sweep Scenarios/sweeps/mindspotters.yaml --refine --lang da
                  pitstop sweep Scenarios/sweeps/mindspotters.yaml --shard 2/4     (one part, for a cluster)
                  pitstop sweep Scenarios/sweeps/mindspotters.yaml --slurm 16      (prints the Slurm submission)
                Writes sweep.csv, sweep.json, the plots, report.html and (with a target) best.yaml
                to Output/<sweep stem>/; a shard writes Output/<sweep stem>/shards/shard-K-of-N.json.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

        @Argument(help: "A sweep file (YAML).")
        var file: String

        @Option(parsing: .unconditional, help: "Parallel jobs (default: all cores). Results do not depend on it.")
        var jobs: Int?

        @Option(help: "Run only the K-th of N parts (1 ≤ K ≤ N), e.g. --shard 2/4; `pitstop merge` joins them.")
        var shard: String?

        @Flag(help: "Add replications to the variants whose feasibility is uncertain, until it is decided (at most 3 rounds).")
        var refine = false

        @Option(name: .customLong("slurm"), help: "Print the commands that run this sweep as N shards on Slurm, and exit.")
        var slurmShards: Int?

        @Option(help: "Output folder (default Output/<sweep stem>/).")
        var out: String?

        @Option(help: "Output format on stdout: text, json or csv.")
        var format: Format = .text

        @Option(help: "Language of the answer and the report: en or da.")
        var lang: ReportLanguage = .en

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, found \(jobs)") }
            if let slurmShards, slurmShards < 1 { throw ValidationError("--slurm must be at least 1, found \(slurmShards)") }
            if shard != nil, refine { throw ValidationError("--refine needs the whole sweep; it cannot be combined with --shard") }
            if let shard, ShardSpec(shard) == nil {
                throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, e.g. 2/4; found '\(shard)'")
            }
        }

        func run() throws {
            let stem = sweepStem(file)
            let folder = out ?? "Output/" + OutputWriter.safeName(stem)
            if let n = slurmShards {
                Console.print("docs/cluster/submit-sweep.sh \(shellQuoted(file)) \(shellQuoted(folder)) \(n)")
                printError("submits \(n) array tasks (one shard each) and a merge that runs after all of them (afterok)")
                return
            }
            let (setup, diagnostics) = SweepStudy.prepare(path: file, settings: RunSettings(jobs: jobs))
            ScenarioInput.report(diagnostics)
            guard let setup else { throw ExitCode.failure }
            try failing {
                let progress = ProgressLine(unit: "variant-replications")
                if let shard, let spec = ShardSpec(shard) {
                    let started = Date()
                    let part = SweepShards.parts(of: setup, into: spec.n)[spec.k - 1]
                    let samples = SweepStudy.run(setup, only: part.variants, comparesWith: part.comparesWith,
                                                 progress: progress.handler)
                    progress.finish()
                    let file = SweepShards.file(setup: setup, shard: spec.k, of: spec.n, samples: samples)
                    let written = try OutputWriter.add([file], to: out ?? folder + "/shards")
                    Console.print("shard \(spec.k) of \(spec.n): \(part.variants.count) variants"
                        + (part.comparesWith ? " and the compared-with scenario" : "")
                        + String(format: " in %.1f s", Date().timeIntervalSince(started)) + " → \(written[0])")
                    return
                }
                var samples = SweepStudy.run(setup, progress: progress.handler)
                if refine { samples = SweepStudy.refine(setup, samples, progress: progress.handler) }
                progress.finish()
                let outcome = SweepOutcome(setup: setup, samples: samples)
                let written = try OutputWriter.write(outcome.files(lang, outputFolder: folder), to: folder)
                switch format {
                case .json: Console.print(outcome.json)
                case .csv: Console.print(outcome.csv, terminator: "")
                case .text:
                    Console.print(outcome.text(lang))
                    Console.print("Report: " + (written.first { $0.hasSuffix("/report.html") } ?? folder))
                }
            }
        }
    }

    /// `pitstop merge DIR...`: the shards of a sweep joined into the files of one run.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join the shards of a sweep into the same files as an unsharded run.",
            discussion: """
                Example:
                  pitstop merge Output/mindspotters/shards --out Output/mindspotters
                Checks that every shard of one sweep is there exactly once (a missing, duplicated or
                foreign shard is an error that names it; nothing is written then).
                """)

        @Argument(help: "Shard files, or folders holding shard-K-of-N.json files.")
        var paths: [String]

        @Option(help: "Output folder (default Output/<sweep stem>/).")
        var out: String?

        @Option(help: "Output format on stdout: text, json or csv.")
        var format: Sweep.Format = .text

        @Option(help: "Language of the answer and the report: en or da.")
        var lang: ReportLanguage = .en

        func validate() throws {
            if paths.isEmpty { throw ValidationError("give the shard files, or the folder that holds them") }
        }

        func run() throws {
            try failing {
                let shards = try SweepShards.find(paths).map { (path: String) throws(StudyError) -> SweepShards.Shard in
                    try SweepShards.read(path)
                }
                let sweepFile = shards[0].sweepFile
                let (setup, diagnostics) = SweepStudy.prepare(path: sweepFile, settings: RunSettings(jobs: 1))
                ScenarioInput.report(diagnostics)
                guard let setup else { throw StudyError("the sweep '\(sweepFile)' the shards name does not load") }
                let samples = try SweepShards.merge(shards, into: setup)
                let outcome = SweepOutcome(setup: setup, samples: samples)
                let folder = out ?? "Output/" + OutputWriter.safeName(sweepStem(sweepFile))
                let written = try OutputWriter.write(outcome.files(lang, outputFolder: folder), to: folder)
                switch format {
                case .json: Console.print(outcome.json)
                case .csv: Console.print(outcome.csv, terminator: "")
                case .text:
                    Console.print(outcome.text(lang))
                    Console.print("Report: " + (written.first { $0.hasSuffix("/report.html") } ?? folder))
                }
            }
        }
    }
}

/// `K/N` with 1 ≤ K ≤ N.
struct ShardSpec {
    let k: Int
    let n: Int
    init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        self.k = k
        self.n = n
    }
}

/// A word for a POSIX shell, quoted when it needs to be.
func shellQuoted(_ word: String) -> String {
    if word.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:".contains($0) }) { return word }
    return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// A sweep file's stem without `.sweep`: `mindspotters.sweep.yaml` → `mindspotters`.
func sweepStem(_ path: String) -> String {
    let stem = fileStem(path)
    return stem.hasSuffix(".sweep") ? String(stem.dropLast(6)) : stem
}
