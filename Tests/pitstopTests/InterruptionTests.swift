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
}
