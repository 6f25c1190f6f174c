import Foundation
import PitstopModel
import Testing

@testable import PitstopScenario

/// `extends`: maps merge by key, lists of objects by id, anything else replaces.
@Suite struct OverlayTests {
    func load(_ name: String) -> LoadResult {
        ScenarioLoader.load(path: fixture("overlays/\(name)").path)
    }

    @Test func baseLoadsOnItsOwn() throws {
        let result = load("base.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)")
        let scenario = try #require(result.scenario)
        #expect(scenario.staff.map(\.id) == ["boss", "anna", "carl", "lib-1", "lib-2"])
    }

    @Test func shiftsWithIDsAreAppendedToTheBaseShifts() throws {
        let result = load("add-shift.yaml")
        #expect(!result.hasErrors, "\(result.renderedDiagnostics)")
        let scenario = try #require(result.scenario)
        #expect(scenario.staffing.shifts.count == 2)
        #expect(scenario.staffing.shifts.last?.staff == ["anna"])
        #expect(scenario.staffing.shifts.last?.hours == ClockRange(start: 960, end: 1080))
    }

    @Test func scalarValuesAreReplaced() throws {
        let scenario = try #require(load("what-if.yaml").scenario)
        #expect(scenario.name == "More staff")
        #expect(scenario.currency == "DKK")
    }

    @Test func mapsMergeKeyByKey() throws {
        let scenario = try #require(load("what-if.yaml").scenario)
        #expect(scenario.simulation.days == 14)
        #expect(scenario.simulation.replications == 20)
        #expect(scenario.simulation.seed == 1)
    }

    @Test func listItemsWithAnExistingIDHaveTheirFieldsReplacedOneByOne() throws {
        let scenario = try #require(load("what-if.yaml").scenario)
        let anna = try #require(scenario.staffMember("anna"))
        #expect(anna.fte == 1.0)
        #expect(anna.cost == 500000)
        #expect(anna.competences == ["reference"])
        #expect(anna.name == "Anna")
    }

    @Test func nestedListsMergeByIDToo() throws {
        let scenario = try #require(load("what-if.yaml").scenario)
        let site = try #require(scenario.site("main"))
        #expect(site.zones.map(\.id) == ["desk", "family"])
        #expect(site.zone("family")?.capacity == .limited(40))
        #expect(site.zone("family")?.name == "Family")
        #expect(site.zone("desk")?.capacity == .limited(5))
    }

    @Test func newIDsAreAppendedAndRemoveTrueDeletes() throws {
        let scenario = try #require(load("what-if.yaml").scenario)
        #expect(scenario.staff.map(\.id) == ["boss", "anna", "lib-1", "lib-2", "lib-3", "dina"])
    }

    @Test func listsWithoutIDsAreReplacedWhole() throws {
        let scenario = try #require(load("what-if.yaml").scenario)
        #expect(scenario.staffing.shifts.count == 1)
        #expect(scenario.staffing.shifts.first?.staff == ["dina"])
    }

    @Test func anEmptyListReplaces() throws {
        let result = load("scalar-list.yaml")
        // The base's anna holds 'reference'; emptying the declarations would leave it dangling,
        // so anna's competences are emptied as well.
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)")
        let scenario = try #require(result.scenario)
        #expect(scenario.competences.isEmpty)
        #expect(scenario.staffMember("anna")?.competences == [])
    }

    @Test func chainedExtendsApplyInOrder() throws {
        let result = load("chain.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)")
        let scenario = try #require(result.scenario)
        #expect(scenario.name == "Even more staff")
        #expect(scenario.simulation.days == 14)
        #expect(scenario.staff.map(\.id) == ["boss", "anna", "lib-1", "lib-2", "lib-3", "dina", "erik"])
    }

    @Test func extendsIsRelativeToTheExtendingFile() throws {
        let result = load("nested/relative.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)")
        let scenario = try #require(result.scenario)
        #expect(scenario.name == "Base library")
        #expect(scenario.description == "Reached through a relative path.")
    }

    @Test func inMemoryOverlayResolvesExtendsAgainstItsPath() throws {
        let path = fixture("overlays/in-memory.yaml").path
        let result = ScenarioLoader.load(yaml: "extends: base.yaml\nname: In memory\n", path: path)
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)")
        #expect(result.scenario?.name == "In memory")
    }

    @Test func missingBaseIsReportedAtTheExtendsValue() {
        let path = fixture("overlays/missing.yaml").path
        let result = ScenarioLoader.load(path: path)
        let base = (path as NSString).deletingLastPathComponent + "/no-such-base.yaml"
        #expect(result.diagnostics.map(\.rendered) == ["\(path):2:10: error: cannot read '\(base)': no such file"])
        #expect(result.scenario == nil)
    }

    @Test func extendsCycleNamesTheChain() {
        let a = fixture("overlays/cycle-a.yaml").path
        let b = fixture("overlays/cycle-b.yaml").path
        let result = ScenarioLoader.load(path: a)
        #expect(result.diagnostics.map(\.rendered) == ["\(b):1:10: error: extends cycle: '\(a)' → '\(b)' → '\(a)'"])
        #expect(result.scenario == nil)
    }

    @Test func aFileExtendingItselfIsACycle() {
        let path = fixture("overlays/self.yaml").path
        let result = ScenarioLoader.load(path: path)
        #expect(result.diagnostics.map(\.rendered) == ["\(path):1:10: error: extends cycle: '\(path)' → '\(path)'"])
    }

    @Test func removingAnUnknownIDIsAnError() {
        let path = fixture("overlays/remove-unknown.yaml").path
        let result = ScenarioLoader.load(path: path)
        #expect(
            result.diagnostics.map(\.rendered) == [
                """
                \(path):3:25: error: cannot remove 'karl': the base scenario has no item with that id here
                \(path):3:25: note: did you mean 'carl'?
                """,
                """
                \(path):4:26: error: cannot remove 'lib-2': the base scenario has no item with that id here
                \(path):4:26: note: 'lib-2' is a position of group 'lib'; change its 'count' instead
                """,
            ])
    }

    @Test func diagnosticsPointIntoTheFileTheValueCameFrom() {
        let path = fixture("overlays/bad-values.yaml").path
        let result = ScenarioLoader.load(path: path)
        #expect(
            result.diagnostics.map(\.rendered) == [
                "\(path):3:22: error: 'fte' must be more than 0 and at most 1.5, found 3",
                """
                \(path):4:35: error: unknown unit 'teem'
                \(path):4:35: note: did you mean 'team'?
                """,
            ])
    }

    @Test func baseErrorsPointIntoTheBase() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = directory.appendingPathComponent("base.yaml").path
        let overlay = directory.appendingPathComponent("overlay.yaml").path
        try "format: 1\nname: Base\nweek_hours: -1\n".write(toFile: base, atomically: true, encoding: .utf8)
        try "extends: base.yaml\nname: Overlay\nbogus: 1\n".write(toFile: overlay, atomically: true, encoding: .utf8)
        let result = ScenarioLoader.load(path: overlay)
        #expect(
            result.diagnostics.map(\.rendered) == [
                "\(base):3:13: error: 'week_hours' must be more than 0 and at most 168, found -1",
                "\(overlay):3:1: error: unknown key 'bogus'",
            ].sorted())
    }

    @Test func displayPathsStayRelative() throws {
        #expect(ChainLoader.resolve("base.yaml", from: "Scenarios/what-if.yaml") == "Scenarios/base.yaml")
        #expect(ChainLoader.resolve("../base.yaml", from: "Scenarios/x/what-if.yaml") == "Scenarios/base.yaml")
        #expect(ChainLoader.resolve("./base.yaml", from: "what-if.yaml") == "base.yaml")
        #expect(ChainLoader.resolve("/abs/base.yaml", from: "what-if.yaml") == "/abs/base.yaml")
        #expect(ChainLoader.resolve("../../b.yaml", from: "a.yaml") == "../../b.yaml")
    }

    @Test func removeMustBeABoolean() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = directory.appendingPathComponent("base.yaml").path
        let overlay = directory.appendingPathComponent("overlay.yaml").path
        try "format: 1\nname: Base\nstaff:\n  - { id: a, name: A }\n".write(toFile: base, atomically: true, encoding: .utf8)
        try "extends: base.yaml\nstaff:\n  - { id: a, remove: perhaps }\n".write(toFile: overlay, atomically: true, encoding: .utf8)
        let result = ScenarioLoader.load(path: overlay)
        #expect(result.diagnostics.map(\.rendered) == ["\(overlay):3:22: error: 'remove' must be true or false, found 'perhaps'"])
    }
}
