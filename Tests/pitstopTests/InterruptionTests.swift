import Foundation
import Testing

/// SIGINT and SIGTERM at any moment of a run leave the previous output whole or the new
/// one whole — never a mix, never a temporary file.
@Suite struct InterruptionTests {
    /// The seed written into a complete comparison's JSON and report, or nil if either is missing.
    func seeds(in folder: URL) -> (json: String?, report: String?) {
        let json = try? String(contentsOf: folder.appendingPathComponent("comparison.json"), encoding: .utf8)
        let report = try? String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        func seed(_ text: String?, after marker: String) -> String? {
            guard let text, let range = text.range(of: marker) else { return nil }
            return String(text[range.upperBound...].prefix { $0.isNumber })
        }
        return (seed(json, after: "\"seed\": "), seed(report, after: "seed "))
    }

    @Test func a100InterruptionsLeaveNoTemporaryFileAndNoMix() throws {
        let parent = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("out")
        func arguments(seed: Int) -> [String] {
            ["compare", "Scenarios/traditional.yaml", "Scenarios/pitstop.yaml", "--days", "1", "--replications", "2",
             "--seed", String(seed), "--out", out.path, "--format", "json"]
        }
        // A complete output to start from, and how long a run takes (the longer of two, so a
        // busy machine spreads the kills over the whole run rather than past its end).
        var duration = 0.0
        for seed in [1, 1] {
            let start = Date()
            #expect(try CommandRunner.run(arguments(seed: seed)).status == 0)
            duration = max(duration, Date().timeIntervalSince(start))
        }
        var completed = 0, interrupted = 0
        for k in 0..<100 {
            let signal: Int32 = k.isMultiple(of: 2) ? SIGINT : SIGTERM
            let seed = 2 + k
            let status = try CommandRunner.runInterrupted(
                arguments(seed: seed), after: duration * 1.1 * Double(k) / 100, signal: signal)
            if status == 0 { completed += 1 } else {
                #expect(status == (signal == SIGINT ? 130 : 143), "run \(k): status \(status)")
                interrupted += 1
            }
            let beside = try FileManager.default.contentsOfDirectory(atPath: parent.path)
            #expect(beside == ["out"], "run \(k) left \(beside)")
            let found = seeds(in: out)
            #expect(found.json != nil && found.json == found.report, "run \(k): a mix of runs \(found)")
            let manifest = try String(contentsOf: out.appendingPathComponent(".pitstop-files"), encoding: .utf8)
            let listed = Set(manifest.split(separator: "\n").map(String.init))
            let present = Set(try FileManager.default.contentsOfDirectory(atPath: out.path)).subtracting([".pitstop-files"])
            #expect(listed == present, "run \(k): files and their list differ")
        }
        // The kills are spread from the start to just past the end of a run: a good part
        // must land during it (how many depends on the machine's load).
        #expect(interrupted >= 30, "kills should land during the run (\(interrupted) did)")
    }
    /// A comparison that cannot write its output (here `--out` names a file) says so, and
    /// the drawings it kept on disk until the write go with it.
    @Test func aComparisonThatCannotWriteLeavesNothingBeside() throws {
        let parent = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let taken = parent.appendingPathComponent("taken")
        try Data("mine\n".utf8).write(to: taken)
        let outcome = try CommandRunner.run(
            ["compare", "Scenarios/traditional.yaml", "Scenarios/pitstop.yaml", "--days", "1", "--replications", "2",
             "--out", taken.path])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("error: "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["taken"])
        #expect(try String(contentsOf: taken, encoding: .utf8) == "mine\n")
    }

    /// A signal that arrives while the files are being staged (caught by watching for the
    /// staging folder, then freezing the run with SIGSTOP) removes the staging folder, and
    /// the previous output stays whole — on every run, not only when a timed kill happens
    /// to land in the few milliseconds of the write.
    @Test func aSignalWhileFilesAreStagedRemovesTheStagingFolder() throws {
        let parent = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("out")
        func arguments(seed: Int) -> [String] {
            ["compare", "Scenarios/traditional.yaml", "Scenarios/pitstop.yaml", "--days", "1", "--replications", "2",
             "--seed", String(seed), "--out", out.path, "--format", "json"]
        }
        #expect(try CommandRunner.run(arguments(seed: 1)).status == 0)
        var caught = 0
        for attempt in 0..<12 where caught < 3 {
            let process = Process()
            process.executableURL = CommandRunner.productsDirectory.appendingPathComponent("pitstop")
            process.arguments = arguments(seed: 2 + attempt)
            process.currentDirectoryURL = CommandRunner.packageRoot
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            var staged = false
            while process.isRunning {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
                if names.contains(where: { $0.hasPrefix(".out.pitstop-") }) {
                    kill(process.processIdentifier, SIGSTOP)
                    staged = true
                    break
                }
            }
            if staged {
                kill(process.processIdentifier, SIGINT)
                kill(process.processIdentifier, SIGCONT)
                caught += 1
            }
            process.waitUntilExit()
            let beside = try FileManager.default.contentsOfDirectory(atPath: parent.path)
            #expect(beside == ["out"], "attempt \(attempt) left \(beside)")
            let found = seeds(in: out)
            #expect(found.json != nil && found.json == found.report, "attempt \(attempt): a mix of runs \(found)")
            if staged { #expect([0, 130].contains(process.terminationStatus), "attempt \(attempt): \(process.terminationStatus)") }
        }
        #expect(caught >= 1, "no run was caught while it staged its files")
    }
}
