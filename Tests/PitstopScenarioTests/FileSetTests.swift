import Foundation
import PitstopModel
import Testing

@testable import PitstopScenario

/// `set:` in a file: a list of PATH=VALUE applied after the file and what it extends, exactly
/// as the same `--set`s on the command line — so that a what-if saved from a sweep or the
/// explorer reproduces the same scenario.
@Suite struct FileSetTests {
    static let base = fixture("whatif/base.yaml").path

    func overlay(_ body: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pitstop-fileset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let relative = ScenarioPaths.relativePath(from: folder.path, to: Self.base)
        let path = folder.appendingPathComponent("what-if.yaml").path
        try ("format: 1\nextends: \(relative)\n" + body).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aFilesSetsGiveTheSameScenarioAsTheSameSetsOnTheCommandLine() throws {
        let sets = ["staff.mindspotter-main.count=6", "simulation.demand_scale=1.2", "sites.branch-1.staffed_hours.sat=\"10:00-16:00\""]
        let path = try overlay("set:\n" + sets.map { "  - '\($0)'\n" }.joined())
        let fromFile = ScenarioLoader.load(path: path)
        let fromCommandLine = ScenarioLoader.load(path: Self.base, sets: sets)
        #expect(!fromFile.hasErrors, "\(fromFile.renderedDiagnostics)")
        let a = try #require(fromFile.scenario), b = try #require(fromCommandLine.scenario)
        #expect(a.staff == b.staff && a.sites == b.sites && a.simulation == b.simulation)
    }

    @Test func aBadItemIsReportedAtItsPlaceInTheFile() throws {
        let path = try overlay("set:\n  - staff.mindspotter-mian.count=3\n  - \"simulation.demand_scale=-1\"\n  - 42\n")
        let result = ScenarioLoader.load(path: path)
        #expect(result.hasErrors)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map { $0.location?.line } == [4, 5, 6])
        #expect(errors[0].location?.column == 11)
        #expect(errors[0].notes.contains("did you mean 'mindspotter-main'?"))
        #expect(errors[1].location?.file == path)
        #expect(errors[2].message.contains("PATH=VALUE"))
    }

    @Test func aSetThatChangesNothingWarnsAtItsItem() throws {
        let count = ScenarioLoader.load(path: Self.base).scenario?.staff.filter { $0.group == "mindspotter-main" }.count ?? 0
        let path = try overlay("set:\n  - staff.mindspotter-main.count=\(count)\n")
        let warnings = ScenarioLoader.load(path: path).diagnostics.filter { $0.severity == .warning }
        #expect(warnings.contains { $0.location?.line == 4 && $0.message.contains("changes nothing") })
    }

    @Test func anOverlayThatChangesOnlyThroughItsSetsIsNotSaidToChangeNothing() throws {
        // What the explorer saves: a name and a `set:` list.
        let path = try overlay("name: A what-if\nset:\n  - simulation.demand_scale=1.2\n")
        let result = ScenarioLoader.load(path: path)
        #expect(!result.hasErrors, "\(result.renderedDiagnostics)")
        #expect(!result.diagnostics.contains { $0.message.contains("changes nothing") }, "\(result.renderedDiagnostics)")
    }
}
