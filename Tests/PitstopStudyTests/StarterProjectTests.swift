import Foundation
import PitstopScenario
import PitstopSimulation
@testable import PitstopStudy
import Testing

@Suite struct StarterProjectTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pitstop-starter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theStarterLoadsWithOneDemandWarningOnPurposeAndItsSweepLoads() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let written = try OutputWriter.createNew(StarterProject.files(schemas: [("scenario.schema.json", "{}\n")]), in: dir.path)
        #expect(written.count == 5)
        for name in ["library.yaml", "one-more-librarian.yaml"] {
            let result = ScenarioLoader.load(path: dir.appendingPathComponent(name).path)
            #expect(result.diagnostics.isEmpty, "\(name): \(result.renderedDiagnostics)")
            // The one warning, on purpose: self-service hours nobody staffs (docs/start-your-own.md).
            let warned = DemandWarnings.load(path: dir.appendingPathComponent(name).path)
            let warnings = warned.diagnostics.filter { $0.severity == .warning }
            #expect(warnings.count == 1 && !warned.hasErrors, "\(name): \(warned.renderedDiagnostics)")
            #expect(warnings.first?.message.contains("made where and when nobody is ever on duty") == true)
            let scenario = try #require(result.scenario)
            #expect(scenario.sites.count == 1 && scenario.sites[0].zones.count == 3)
            #expect(scenario.organisation.units.count == 2 && scenario.organisation.leaderForum != nil)
        }
        #expect(ScenarioLoader.load(path: dir.appendingPathComponent("one-more-librarian.yaml").path).scenario?.staff.count == 7)
        let sweep = SweepLoader.load(path: dir.appendingPathComponent("librarians.sweep.yaml").path, knownKPIs: KPIName.overall)
        #expect(sweep.diagnostics.isEmpty, "\(sweep.diagnostics.map(\.rendered))")
        #expect(StarterProject.files(schemas: []).filter { $0.name.hasSuffix(".yaml") }.count >= 3)
        for file in StarterProject.files(schemas: []) where file.name.hasSuffix(".yaml") {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(text.hasPrefix("# yaml-language-server: $schema="), "\(file.name)")
        }
    }

    @Test func creatingNeverReplacesAFileAndWritesNothingWhenOneExists() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let mine = dir.appendingPathComponent("library.yaml")
        try "mine\n".write(to: mine, atomically: false, encoding: .utf8)
        #expect(throws: StudyError.self) { try OutputWriter.createNew(StarterProject.files(schemas: []), in: dir.path) }
        #expect(try String(contentsOf: mine, encoding: .utf8) == "mine\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["library.yaml"])
    }
}
