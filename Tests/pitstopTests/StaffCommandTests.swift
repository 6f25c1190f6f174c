import Foundation
import Testing

@Suite struct StaffCommandTests {
    /// Every bad --target at once, each an `error:` line (a `note:` where one is close), exit 64.
    @Test func badTargetsAreUsageErrorsAllReportedAtOnce() throws {
        let r = try CommandRunner.run(["staff", "docs/examples/staffing-desk.yaml", "--target", "served_shar >= 0.9",
                                       "--target", "wait_p90_min >= 5", "--max-hours", "lots", "--time-limit", "-1"])
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("error: --target 'served_shar >= 0.9': unknown KPI 'served_shar'"))
        #expect(r.stderr.contains("note: did you mean 'served_share'?"))
        #expect(r.stderr.contains("error: --target 'wait_p90_min >= 5': wait_p90_min takes '<='"))
        #expect(r.stderr.contains("note: did you mean 'wait_p90_min <= 5'?"))
        #expect(r.stderr.contains("error: --max-hours takes a number of hours or as-is, found 'lots'"))
        #expect(r.stderr.contains("error: --time-limit must be more than 0 seconds"))
    }

    /// --format json is exactly one JSON document on stdout: nothing CBC prints gets there.
    @Test func staffJSONIsOneDocumentAndTheFilesAreWritten() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let r = try CommandRunner.run(["staff", "docs/examples/staffing-desk.yaml", "--format", "json", "--time-limit", "20",
                                       "--days", "7", "--replications", "4", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["solver"] != nil && json["comparison"] != nil)
        for name in ["requirements.csv", "rota.csv", "rota.yaml", "staffing.json", "staffing-lib.svg"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), "\(name)")
        }
        // The overlay validates and compares against the scenario it extends.
        let overlay = dir.appendingPathComponent("rota.yaml").path
        let v = try CommandRunner.run(["validate", overlay])
        #expect(v.status == 0, "\(v.stderr)")
        let c = try CommandRunner.run(["compare", "docs/examples/staffing-desk.yaml", overlay, "--days", "7",
                                       "--replications", "4", "--format", "json", "--out", dir.appendingPathComponent("cmp").path])
        #expect(c.status == 0, "\(c.stderr)")
        let cmp = try #require(try JSONSerialization.jsonObject(with: Data(c.stdout.utf8)) as? [String: Any])
        let differences = try #require(cmp["differences"] as? [String: Any])
        let diff = try #require(differences["Single desk (optimised rota)"] as? [String: Any])
        let kpis = try #require(diff["kpis"] as? [String: Any])
        let served = try #require(kpis["served_share"] as? [String: Any])
        #expect(try #require(served["mean"] as? Double) > 0.2)
    }

    @Test func compareStaffingOptimiseSaysSo() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let r = try CommandRunner.run(["compare", "docs/examples/staffing-desk.yaml", "docs/examples/staffing-desk.yaml",
                                       "--staffing", "optimise", "--time-limit", "10", "--days", "7", "--replications", "4",
                                       "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Staffed from demand:\n  Single desk: 95.0 floor hours a week (own rota 40.0)"))
        let report = try String(contentsOf: dir.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("Every scenario was staffed from demand before comparing"))
        let json = try String(contentsOf: dir.appendingPathComponent("comparison.json"), encoding: .utf8)
        #expect(json.contains("\"staffing\": {"))
        let misuse = try CommandRunner.run(["compare", "docs/examples/staffing-desk.yaml", "docs/examples/staffing-desk.yaml",
                                            "--target", "served_share >= 0.8"])
        #expect(misuse.status == 64 && misuse.stderr.contains("apply only with --staffing optimise"))
    }
}
