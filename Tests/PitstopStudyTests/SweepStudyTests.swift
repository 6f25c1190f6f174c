import Foundation
import PitstopModel
import PitstopScenario
import PitstopSimulation
@testable import PitstopStudy
import Testing

/// Sweeps run for real: the answer against Erlang A, determinism across jobs, best.yaml,
/// shards and their merge.
@Suite(.serialized) struct SweepStudyTests {
    static let fixtures: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A temporary folder holding a sweep file whose scenario is `erlang-a.yaml`.
    static func sweep(require: String, comparesWith: Bool = false) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pitstop-sweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let scenario = ScenarioPaths.relativePath(from: folder.path, to: fixtures.appendingPathComponent("erlang-a.yaml").path)
        let text = """
            format: 1
            name: Staff for the Erlang A desk
            scenario: \(scenario)
            parameters:
              - { set: staff.clerk.count, range: [2, 8], steps: 7 }
            target:
              minimise: annual_staff_cost
              require: ["\(require)"]
            """ + (comparesWith ? "\ncompare_with: \(scenario)\n" : "\n")
        let path = folder.appendingPathComponent("desk.sweep.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func setup(_ path: String, jobs: Int = 2) throws -> SweepSetup {
        let (setup, diagnostics) = SweepStudy.prepare(path: path, settings: RunSettings(jobs: jobs))
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.rendered))")
        return try #require(setup)
    }

    /// P(served) of M/M/c+M, summing the birth–death chain of the number in system.
    static func erlangAServed(lambda: Double, mu: Double, theta: Double, c: Int) -> Double {
        var weights: [Double] = [1]
        var queued = 0.0
        for n in 1..<2_000 {
            let death = Double(min(n, c)) * mu + Double(max(n - c, 0)) * theta
            weights.append(weights[n - 1] * lambda / death)
            if n > c { queued += Double(n - c) * weights[n] }
            if n > c + 10, weights[n] < 1e-18 { break }
        }
        let total = weights.reduce(0, +)
        return 1 - theta * (queued / total) / lambda
    }

    @Test(arguments: [0.85, 0.93])
    func theAnswerIsTheStaffCountErlangAGives(_ bound: Double) throws {
        let exact = (2...8).first { Self.erlangAServed(lambda: 1, mu: 1 / 4.5, theta: 1 / 10, c: $0) >= bound }
        let setup = try Self.setup(try Self.sweep(require: "served_share >= \(bound)"))
        let outcome = SweepOutcome(setup: setup, samples: SweepStudy.run(setup))
        let best = try #require(outcome.answer?.best)
        #expect(setup.variants[best].value(of: "staff.clerk.count") == exact.map(String.init), "\(outcome.text())")
    }

    @Test func theFilesAreTheSameBytesWhateverTheJobs() throws {
        let path = try Self.sweep(require: "served_share >= 0.85")
        var outputs: [[OutputFile]] = []
        for jobs in [1, 2] {
            let setup = try Self.setup(path, jobs: jobs)
            outputs.append(SweepOutcome(setup: setup, samples: SweepStudy.run(setup)).files(.en, outputFolder: "/tmp/x"))
        }
        #expect(outputs[0].map(\.name) == outputs[1].map(\.name))
        for (a, b) in zip(outputs[0], outputs[1]) { #expect(a.bytes == b.bytes, "\(a.name)") }
    }

    @Test func bestYamlSimulatedAloneGivesTheSweepsFigures() throws {
        let path = try Self.sweep(require: "served_share >= 0.85")
        let setup = try Self.setup(path)
        let outcome = SweepOutcome(setup: setup, samples: SweepStudy.run(setup))
        let folder = (path as NSString).deletingLastPathComponent + "/out"
        try OutputWriter.write(outcome.files(.en, outputFolder: folder), to: folder)
        let loaded = ScenarioLoader.load(path: folder + "/best.yaml")
        #expect(!loaded.hasErrors, "\(loaded.renderedDiagnostics)")
        let scenario = try #require(loaded.scenario)
        let results = Simulator(scenario).run(RunOptions(scenario.simulation, jobs: 2))
        let best = try #require(outcome.answer?.best)
        for kpi in ["served_share", "wait_mean_min", "annual_staff_cost", "visits"] {
            #expect(results.kpis[kpi] == outcome.estimates[best][kpi], "\(kpi)")
        }
    }

    // MARK: Shards

    @Test func partsAreDisjointCompleteAndBalancedByWork() {
        let work = [10.0, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1, 1]
        let parts = SweepShards.partition(work: work, comparesWith: 6, into: 4)
        #expect(parts.flatMap(\.variants).sorted() == Array(work.indices))
        #expect(parts.filter(\.comparesWith).count == 1)
        let loads = parts.map(\.work), mean = (work.reduce(0, +) + 6) / 4
        #expect(loads.allSatisfy { abs($0 - mean) / mean <= 0.2 }, "\(loads)")
    }

    @Test func shardsMergedInAnyOrderGiveTheUnshardedBytes() throws {
        let path = try Self.sweep(require: "served_share >= 0.85", comparesWith: true)
        let setup = try Self.setup(path)
        let whole = SweepOutcome(setup: setup, samples: SweepStudy.run(setup)).files(.en, outputFolder: "/tmp/x")
        let n = 3
        var shards: [SweepShards.Shard] = []
        let folder = (path as NSString).deletingLastPathComponent + "/shards"
        for (k, part) in SweepShards.parts(of: setup, into: n).enumerated() {
            let samples = SweepStudy.run(setup, only: part.variants, comparesWith: part.comparesWith)
            try OutputWriter.add([SweepShards.file(setup: setup, shard: k + 1, of: n, samples: samples)], to: folder)
        }
        for file in try SweepShards.find([folder]) { shards.append(try SweepShards.read(file)) }
        for order in [shards, shards.reversed(), [shards[1], shards[2], shards[0]]] {
            let merged = SweepOutcome(setup: setup, samples: try SweepShards.merge(order, into: setup)).files(.en, outputFolder: "/tmp/x")
            #expect(merged == whole)
        }
        // Missing, duplicated and foreign shards are named (each merge must throw: a do/catch
        // alone would pass when it does not).
        let missing = #expect(throws: StudyError.self) { try SweepShards.merge([shards[0], shards[2]], into: setup) }
        #expect(missing?.description.contains("shard 2 of 3 is missing (shard-2-of-3.json)") == true, "\(String(describing: missing))")
        let duplicated = #expect(throws: StudyError.self) { try SweepShards.merge(shards + [shards[1]], into: setup) }
        #expect(duplicated?.description.contains("shard 2 of 3 is given more than once") == true, "\(String(describing: duplicated))")
        var foreign = shards[1]
        foreign.hash = "0000000000000000"
        foreign.path = "elsewhere/shard-2-of-3.json"
        let mixed = #expect(throws: StudyError.self) { try SweepShards.merge([shards[0], foreign, shards[2]], into: setup) }
        #expect(mixed?.description.contains("'elsewhere/shard-2-of-3.json' belongs to another sweep") == true, "\(String(describing: mixed))")
        #expect(mixed?.description.contains("shard 2 of 3 is missing") == true)
    }
}
