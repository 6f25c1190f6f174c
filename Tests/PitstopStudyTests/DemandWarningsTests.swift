import Foundation
import PitstopScenario
@testable import PitstopStudy
import Testing

/// The warning about demand that no staffing can serve, as `validate` and every run give it.
@Suite struct DemandWarningsTests {
    static let desk = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/erlang-a.yaml")

    /// The Erlang A desk, open around the clock but staffed only from noon: half of the
    /// requests (arrivals are even over the open hours) find nobody.
    static func halfStaffedDesk() throws -> String {
        var text = try String(contentsOf: desk, encoding: .utf8)
        text = text.replacingOccurrences(
            of: #"staffed_hours: { daily: "00:00-24:00" }"#,
            with: #"staffed_hours: { daily: "12:00-24:00" }"# + "\n    open_hours: { daily: \"00:00-24:00\" }")
        text = text.replacingOccurrences(of: #"hours: "00:00-24:00" }"#, with: #"hours: "12:00-24:00" }"#)
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("pitstop-demand-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func requestsWhereNobodyIsOnDutyAreWarnedAboutAtThePersonasDialogue() throws {
        let path = try Self.halfStaffedDesk()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = DemandWarnings.load(path: path)
        #expect(!result.hasErrors, "\(result.renderedDiagnostics)")
        let warnings = result.diagnostics.filter { $0.message.contains("nobody is ever on duty") }
        let warning = try #require(warnings.first, "\(result.renderedDiagnostics)")
        #expect(warnings.count == 1)
        #expect(warning.severity == .warning)
        #expect(warning.message.hasPrefix("50.0 % of all dialogue requests"), "\(warning.message)")
        #expect(warning.message.hasSuffix("no staffing of this rota can serve more than 50.0 %"))
        #expect(warning.notes.first == "'walk-in': 50.0 % of its 10080 requests a week")
        // At the persona's `dialogue:` value, in the file.
        let lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let dialogueLine = try #require(lines.firstIndex { $0.contains("dialogue: {") }) + 1
        #expect(warning.location?.file == path)
        #expect(warning.location?.line == dialogueLine)
    }

    /// An overlay's warning stands where the persona was written — in its base — and says
    /// which scenario it is about.
    @Test func anOverlaysWarningSaysWhichScenarioItIsAbout() throws {
        let base = try Self.halfStaffedDesk()
        let overlay = base.replacingOccurrences(of: ".yaml", with: "-overlay.yaml")
        defer { for p in [base, overlay] { try? FileManager.default.removeItem(atPath: p) } }
        let name = (base as NSString).lastPathComponent
        try "format: 1\nextends: \(name)\nset:\n  - staff.clerk.count=5\n".write(toFile: overlay, atomically: true, encoding: .utf8)
        let result = DemandWarnings.load(path: overlay)
        let warning = try #require(result.diagnostics.first { $0.message.contains("nobody is ever on duty") },
                                   "\(result.renderedDiagnostics)")
        #expect(warning.location?.file.hasSuffix(name) == true)
        #expect(warning.notes.first == "this is the scenario of '\(overlay)', which takes this persona from '\(warning.location?.file ?? "")'")
    }

    @Test func aDeskStaffedWheneverItIsOpenGetsNoSuchWarning() throws {
        let result = DemandWarnings.load(path: Self.desk.path)
        #expect(!result.hasErrors)
        #expect(!result.diagnostics.contains { $0.message.contains("nobody is ever on duty") },
                "\(result.renderedDiagnostics)")
    }

    /// Every front end that runs a scenario loads it through `LoadedScenarios`, which warns too.
    @Test func loadedScenariosCarryTheWarning() throws {
        let path = try Self.halfStaffedDesk()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let loaded = LoadedScenarios.load([path])
        #expect(loaded.scenarios.count == 1)
        #expect(loaded.diagnostics.filter { $0.message.contains("nobody is ever on duty") }.count == 1)
    }
}
