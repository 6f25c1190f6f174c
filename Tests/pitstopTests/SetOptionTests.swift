import Foundation
import Testing

/// `--set PATH=VALUE` on the commands that load a scenario (docs/whatif.md).
@Suite(.serialized) struct SetOptionTests {
    /// An overlay in a temporary folder that extends Scenarios/pitstop.yaml by a relative path.
    func overlay(_ body: String) throws -> (file: URL, folder: URL) {
        let folder = try CommandRunner.temporaryDirectory()
        let up = String(repeating: "../", count: folder.standardizedFileURL.pathComponents.count - 1)
        let base = up + CommandRunner.packageRoot.appendingPathComponent("Scenarios/pitstop.yaml").standardizedFileURL.path.dropFirst()
        let file = folder.appendingPathComponent("what-if.yaml")
        try "extends: \(base)\n\(body)".write(to: file, atomically: true, encoding: .utf8)
        return (file, folder)
    }

    /// The acceptance test of issue 8: `--set` of a group's count and an overlay file with
    /// that one change give the same results.json, byte for byte.
    @Test func simulateWithASetEqualsTheOverlayFileRun() throws {
        let (file, folder) = try overlay("staff:\n  - { id: student-main, count: 6 }\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = ["--days", "7", "--replications", "2", "--seed", "5", "--format", "json"]
        let viaSet = try CommandRunner.run(
            ["simulate", "Scenarios/pitstop.yaml", "--set", "staff.student-main.count=6", "--out", folder.appendingPathComponent("a").path] + run)
        let viaFile = try CommandRunner.run(["simulate", file.path, "--out", folder.appendingPathComponent("b").path] + run)
        let unchanged = try CommandRunner.run(["simulate", "Scenarios/pitstop.yaml", "--out", folder.appendingPathComponent("c").path] + run)
        #expect(viaSet.status == 0, "\(viaSet.stderr)")
        #expect(viaFile.status == 0, "\(viaFile.stderr)")
        #expect(viaSet.stdout.contains("\"kpis\""))
        #expect(viaSet.stdout == viaFile.stdout)
        #expect(viaSet.stdout != unchanged.stdout, "two more positions change the results")
        let a = try Data(contentsOf: folder.appendingPathComponent("a/results.json"))
        let b = try Data(contentsOf: folder.appendingPathComponent("b/results.json"))
        #expect(a == b)
    }

    @Test func everyCommandThatLoadsAScenarioTakesSet() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let set = ["--set", "staff.student-main.count=6"]
        for arguments in [
            ["validate", "Scenarios/pitstop.yaml"],
            ["inspect", "Scenarios/pitstop.yaml", "--format", "json"],
            ["draw", "Scenarios/pitstop.yaml", "--chart", "org", "--format", "dot", "--out", folder.appendingPathComponent("d").path],
            ["compare", "Scenarios/traditional.yaml", "Scenarios/pitstop.yaml", "--days", "2", "--replications", "2",
             "--format", "json", "--out", folder.appendingPathComponent("c").path],
        ] {
            let r = try CommandRunner.run(arguments + set)
            #expect(r.status == 0, "\(arguments[0]): \(r.stderr)")
        }
        let inspect = try CommandRunner.run(["inspect", "Scenarios/pitstop.yaml", "--format", "json"] + set)
        let plain = try CommandRunner.run(["inspect", "Scenarios/pitstop.yaml", "--format", "json"])
        #expect(inspect.stdout.contains("\"positions\": 60"), "\(inspect.stdout.prefix(300))")
        #expect(plain.stdout.contains("\"positions\": 58"))
    }

    @Test func aBadSetIsReportedAtItsPositionAndFails() throws {
        let r = try CommandRunner.run(["validate", "Scenarios/pitstop.yaml", "--set", "staff.studnet-main.count=6"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("--set 1:7: error: unknown staff member 'studnet-main'"), "\(r.stderr)")
        #expect(r.stderr.contains("--set 1:7: note: did you mean 'student-main'?"), "\(r.stderr)")
        let simulate = try CommandRunner.run(["simulate", "Scenarios/pitstop.yaml", "--set", "simulation.days=many", "--format", "json"])
        #expect(simulate.status == 1)
        #expect(simulate.stdout.isEmpty)
        #expect(simulate.stderr.contains("--set 1:17: error: 'days' must be a number, found 'many'"), "\(simulate.stderr)")
    }
}
