import Foundation
import PitstopModel
import PitstopScenario
import PitstopSimulation
import PitstopStaffing
import PitstopStudy
import Testing

@Suite(.serialized) struct StaffingStudyTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()
    static let desk = root.appendingPathComponent("docs/examples/staffing-desk.yaml").path

    static func study() throws -> StaffingStudy {
        let scenario = try #require(ScenarioLoader.load(path: desk).scenario)
        let options = RunOptions(days: 14, warmupDays: 0, replications: 10, seed: 7, jobs: 2)
        return try StaffingStudy.run(scenario, file: desk, options: StaffingOptions(timeLimitSeconds: 20), runOptions: options)
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("staffing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The acceptance on a single zone whose demand is known: the rota meets the requirement
    /// in every half hour, and the simulation of rota.yaml — loaded from disk, through
    /// `extends` — reaches the target within its confidence interval, with exactly the
    /// results of the in-memory rota.
    @Test func theOverlayReachesTheTargetInSimulation() throws {
        let study = try Self.study()
        #expect(study.optimised.plan.cover.allSatisfy { $0.planned >= $0.requirement.required })
        #expect(study.optimised.plan.status == .optimal)

        let folder = try Self.temporaryFolder().appendingPathComponent("out")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let outputs = study.outputs(folder: folder.path)
        try OutputWriter.write(outputs.files, to: folder.path)
        let loaded = ScenarioLoader.load(path: folder.appendingPathComponent("rota.yaml").path)
        #expect(!loaded.hasErrors, "\(loaded.renderedDiagnostics)")
        let overlay = try #require(loaded.scenario)
        #expect(overlay.staffing.rules.isEmpty)
        #expect(Set(overlay.staffing.shifts) == Set(study.optimised.shifts))
        #expect(overlay.personas == study.scenario.personas && overlay.staff == study.scenario.staff)

        let simulated = Simulator(overlay).run(study.runOptions)
        let served = try #require(simulated.kpis["served_share"])
        #expect(served.ci95[1] >= 0.9, "served \(served)")
        #expect(served.mean == study.optimisedResults.kpis["served_share"]?.mean)
        // …and the scenario's own rota (one at the desk) does not.
        #expect(try #require(study.asIsResults.kpis["served_share"]).ci95[1] < 0.9)
        #expect(try #require(study.difference.kpis["served_share"]).ci95[0] > 0)
    }

    @Test func theFilesAreTheContractsAndAgree() throws {
        let study = try Self.study()
        let outputs = study.outputs(folder: "Output/x-staffing")
        #expect(outputs.files.map(\.name) == ["requirements.csv", "rota.csv", "rota.yaml", "staffing.json", "staffing-lib.svg"])
        let csv = outputs.csv.split(separator: "\n")
        #expect(csv[0].hasPrefix("site,zone,weekday,start,end,load,required,"))
        #expect(csv.count == 1 + 5 * 16)
        #expect(csv[1].hasPrefix("lib,desk,mon,09:00,09:30,"))
        let json = try JSONSerialization.jsonObject(with: Data(outputs.json.utf8)) as? [String: Any]
        let object = try #require(json)
        for key in ["requirements", "shifts", "shortfall_hours_by_zone", "solver", "comparison", "unstaffed_requests", "targets"] {
            #expect(object[key] != nil, "staffing.json lacks \(key)")
        }
        let solver = try #require(object["solver"] as? [String: Any])
        #expect((solver["name"] as? String)?.hasPrefix("COIN-OR CBC") == true && solver["gap"] != nil)
        #expect((object["shortfall_hours_by_zone"] as? [String: Double])?["lib/desk"] == 0)
        // rota.csv holds the same hours as the plan.
        let rota = outputs.files.first { $0.name == "rota.csv" }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        let hours = rota.split(separator: "\n").dropFirst().reduce(0.0) { $0 + (Double($1.split(separator: ",")[6]) ?? 0) }
        #expect(abs(hours - study.optimised.plan.floorHours) < 1e-9)
        // The overlay extends the scenario by a path from the output folder.
        let yaml = outputs.files.first { $0.name == "rota.yaml" }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        #expect(yaml.contains("extends: \"../../docs/examples/staffing-desk.yaml\"") || yaml.contains("staffing-desk.yaml\""))
        #expect(yaml.contains("rules: []"))
        let svg = outputs.files.first { $0.name == "staffing-lib.svg" }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        #expect(svg.hasPrefix("<svg") && svg.contains("Desk") && svg.contains("planned"))
    }

    /// compare --staffing optimise: every scenario staffed, under its own name, with a note.
    @Test func comparisonStaffingStaffsEveryScenario() throws {
        let scenario = try #require(ScenarioLoader.load(path: Self.desk).scenario)
        var doubled = scenario
        doubled.name = "Busier desk"
        doubled.personas[0].demand = .arrivalsPerHour(["lib": 20])
        let staffed = try ComparisonStaffing.optimise([scenario, doubled], options: StaffingOptions(timeLimitSeconds: 20))
        #expect(staffed.scenarios.map(\.name) == ["Single desk", "Busier desk"])
        #expect(staffed.scenarios.allSatisfy { $0.staffing.rules.isEmpty && !$0.staffing.shifts.isEmpty })
        #expect(staffed.staffings[1].hours.optimised > staffed.staffings[0].hours.optimised)
        #expect(staffed.note().hasPrefix("Every scenario was staffed from demand before comparing"))
        #expect(staffed.note(.da).hasPrefix("Hvert scenarie er bemandet ud fra efterspørgslen"))
    }

    @Test func theHoursCapOfTheOwnRotaHolds() throws {
        let scenario = try #require(ScenarioLoader.load(path: Self.desk).scenario)
        let capped = try OptimisedStaffing.optimise(scenario, options: StaffingOptions(timeLimitSeconds: 20, weeklyHours: .asIs))
        #expect(capped.hours.asIs == 40)  // one person 09–17, five days
        #expect(capped.hours.optimised <= 40 + 1e-9 && capped.hours.optimised > 35)
        #expect(throws: StudyError.self) {
            try OptimisedStaffing.optimise(scenario, options: StaffingOptions(timeLimitSeconds: 0))
        }
    }
}
