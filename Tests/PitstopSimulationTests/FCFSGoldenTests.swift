import Foundation
import PitstopModel
import Testing

@testable import PitstopSimulation

/// First come, first served is the default dispatch, and it must stay what it was before
/// dispatch policies existed: every output of a run on the small library is compared byte
/// for byte with files recorded by the engine before `staffing.dispatch` was added
/// (`Fixtures/fcfs-golden/`). To record again after an intended change of the engine's
/// output: `PITSTOP_RECORD_GOLDEN=1 swift test --filter FCFSGoldenTests` (the run fails
/// on purpose, as a reminder to look at the diff).
@Suite struct FCFSGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fcfs-golden")

    static func outputs() -> [(String, String)] {
        var scenario = Fixture.library(minStaffFamily: 2, absence: 0.05, extraStaff: 1)
        scenario.staff[0].competences = ["health-info", "children"]
        let r = Simulator(scenario).run(RunOptions(days: 9, warmupDays: 2, replications: 3, seed: 2339, jobs: 2))
        return [("results.json", r.json() + "\n"), ("kpis.csv", r.kpiCSV()), ("rota.csv", r.rotaCSV()),
                ("hourly.csv", r.hourlyCSV()), ("coverage_gaps.csv", r.coverageGapsCSV())]
    }

    @Test func fcfsIsUnchangedByteForByte() throws {
        let record = ProcessInfo.processInfo.environment["PITSTOP_RECORD_GOLDEN"] == "1"
        for (name, text) in Self.outputs() {
            let url = Self.folder.appendingPathComponent(name)
            if record {
                try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
                Issue.record("recorded \(name); run again without PITSTOP_RECORD_GOLDEN")
                continue
            }
            let golden = try String(contentsOf: url, encoding: .utf8)
            #expect(text == golden, "\(name) differs from the recorded fcfs output")
        }
    }
}
