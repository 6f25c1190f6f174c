import Foundation
import PitstopReport
import PitstopSimulation
import PitstopStudy
import Testing

/// What changed beside what resulted: in the text, the JSON and the report.
@Suite struct ComparisonInputChangesTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    func study(_ files: [String], language: ReportLanguage = .en) throws -> (ComparisonStudy, ComparisonOutputs) {
        let paths = files.map { Self.root.appendingPathComponent($0).path }
        let loaded = LoadedScenarios.load(paths)
        #expect(!loaded.hasErrors)
        let options = RunOptions(days: 1, warmupDays: 0, replications: 2, seed: 1, jobs: 1)
        let study = ComparisonStudy.run(loaded.scenarios, files: paths, options: options, language: language)
        return (study, try study.outputs())
    }

    @Test func theRecruitWhatIfListsExactlyWhatItAdds() throws {
        let (study, outputs) = try study(["Scenarios/pitstop.yaml", "Scenarios/pitstop-recruit.yaml"])
        let paths = try #require(study.inputChanges.first).map(\.path)
        #expect(paths == ["staff.social-worker", "staff.health-nurse", "staffing.shifts.recruit-social", "staffing.shifts.recruit-nurse"])
        #expect(outputs.text.contains("What changed in the input — "))
        #expect(outputs.text.contains("staff.social-worker: – → "))
        #expect(outputs.json.contains("\"input_changes\""))
        #expect(outputs.json.contains("\"path\": \"staffing.shifts.recruit-nurse\""))
    }

    @Test func theBundledComparisonListsItsChangesInDanishInTheReport() throws {
        let (study, outputs) = try study(["Scenarios/traditional.yaml", "Scenarios/pitstop.yaml"], language: .da)
        let count = try #require(study.inputChanges.first).count
        #expect(count > 50)
        let html = String(decoding: try #require(outputs.files.first { $0.name == "report.html" }).bytes, as: UTF8.self)
        #expect(html.contains("Ændrede forudsætninger"))
        #expect(html.contains("(\(count) ændringer)"))
        // Competences by name in the report, as every other word of it; the JSON keeps ids.
        let change = try #require(study.inputChanges.first?.first { $0.path == "personas.pregnant.dialogue.competence" })
        #expect(change.from == "reference" && change.to == "health-info")
        let shown = try #require(outputs.input.inputChanges.first?.first { $0.path == change.path })
        #expect(shown.from == "Generel referencebetjening")
        #expect(shown.to != "health-info" && shown.to?.isEmpty == false)
        #expect(!html.contains("reference → health-info") && !html.contains(">reference<"))
        #expect(outputs.json.contains("\"from\": \"reference\""))
    }

    @Test func aScenarioAgainstItselfListsNone() throws {
        let (study, outputs) = try study(["Scenarios/pitstop.yaml", "Scenarios/pitstop.yaml"])
        #expect(study.inputChanges.count == 1)
        #expect(study.inputChanges[0].isEmpty)
        #expect(outputs.text.contains("No input differs."))
    }
}
