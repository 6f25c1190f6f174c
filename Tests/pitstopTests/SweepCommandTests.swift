import Foundation
import Testing

/// `pitstop sweep` and `pitstop merge` from the command line.
@Suite struct SweepCommandTests {
    /// A small sweep of the bundled evening what-if: 3 variants × 2 replications × 2 days.
    func sweepFile(in folder: URL) throws -> String {
        let text = """
            format: 1
            name: Evening test
            scenario: \(CommandRunner.packageRoot.path.split(separator: "/").map { _ in ".." }.joined(separator: "/"))\(CommandRunner.packageRoot.path)/Scenarios/sweeps/pitstop-evening.yaml
            parameters:
              - set: staff.evening-mindspotter.count
                values: [1, 2, 3]
            simulation: { days: 2, replications: 2 }
            target:
              minimise: annual_staff_cost
              require: ["served_share >= 0.4"]
            """
        let path = folder.appendingPathComponent("evening.sweep.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func read(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    @Test func aSweepWritesItsFilesTheSameWhateverTheJobs() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sweep = try sweepFile(in: dir)
        for jobs in ["1", "2"] {
            let r = try CommandRunner.run(["sweep", sweep, "--jobs", jobs, "--out", dir.appendingPathComponent("j\(jobs)").path])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("meets"))
        }
        for name in ["sweep.json", "sweep.csv", "best.yaml", "report.html"] {
            #expect(try read(dir.appendingPathComponent("j1/\(name)")) == read(dir.appendingPathComponent("j2/\(name)")), "\(name)")
        }
        let validate = try CommandRunner.run(["validate", dir.appendingPathComponent("j1/best.yaml").path])
        #expect(validate.status == 0, "\(validate.stderr)")
    }

    @Test func shardsMergeToTheUnshardedFilesAndABrokenSetWritesNothing() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sweep = try sweepFile(in: dir)
        let whole = dir.appendingPathComponent("whole"), shards = dir.appendingPathComponent("shards")
        #expect(try CommandRunner.run(["sweep", sweep, "--out", whole.path]).status == 0)
        for k in 1...2 {
            let r = try CommandRunner.run(["sweep", sweep, "--shard", "\(k)/2", "--out", shards.path])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let merged = dir.appendingPathComponent("merged")
        let m = try CommandRunner.run(["merge", shards.path, "--out", merged.path])
        #expect(m.status == 0, "\(m.stderr)")
        for name in ["sweep.json", "sweep.csv", "best.yaml", "report.html"] {
            #expect(try read(whole.appendingPathComponent(name)) == read(merged.appendingPathComponent(name)), "\(name)")
        }
        // A missing shard: named, and nothing written.
        try FileManager.default.removeItem(at: shards.appendingPathComponent("shard-2-of-2.json"))
        let broken = dir.appendingPathComponent("broken")
        let b = try CommandRunner.run(["merge", shards.path, "--out", broken.path])
        #expect(b.status == 1)
        #expect(b.stderr.contains("shard 2 of 2 is missing"))
        #expect(!FileManager.default.fileExists(atPath: broken.path))
    }

    @Test func aBadParameterIsReportedAtItsLineInTheSweepFileOnce() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = try sweepFile(in: dir)
        let text = try String(contentsOfFile: good, encoding: .utf8)
            .replacingOccurrences(of: "set: staff.evening-mindspotter.count", with: "set: staff.evening-mindspoter.count")
            .replacingOccurrences(of: "values: [1, 2, 3]", with: "values: [1, 2, \"x\"]")
        try text.write(toFile: good, atomically: true, encoding: .utf8)
        let r = try CommandRunner.run(["sweep", good, "--out", dir.appendingPathComponent("out").path])
        #expect(r.status == 1)
        let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 1, "\(r.stderr)")
        #expect(errors.first?.contains("evening.sweep.yaml:5:16: error: unknown staff member 'evening-mindspoter'") == true, "\(r.stderr)")
        #expect(r.stderr.contains("did you mean 'evening-mindspotter'?"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test func badOptionsAreUsageErrors() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sweep = try sweepFile(in: dir)
        for args in [["--shard", "3/2"], ["--shard", "x"], ["--jobs", "0"], ["--shard", "1/2", "--refine"]] {
            let r = try CommandRunner.run(["sweep", sweep] + args)
            #expect(r.status == 64, "\(args): \(r.stderr)")
        }
        let slurm = try CommandRunner.run(["sweep", sweep, "--slurm", "4"])
        #expect(slurm.status == 0)
        #expect(slurm.stdout.contains("docs/cluster/submit-sweep.sh"))
        #expect(slurm.stdout.contains(" 4"))
    }
}
