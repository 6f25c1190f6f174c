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
        let result = ScenarioLoader.load(yaml: "extends: base.yaml\nname: In memory\nsimulation: { days: 7 }\n", path: path)
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)")
        #expect(result.scenario?.name == "In memory")
        #expect(result.scenario?.simulation.days == 7)
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

    // MARK: Hour maps replace whole

    /// Writes `files` (name → text) into a fresh directory, removed by the caller.
    func writeFiles(_ files: [(String, String)]) throws -> URL {
        let directory = try temporaryDirectory()
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    /// Writes `files` into a fresh directory and loads the first.
    func loadFiles(_ files: [(String, String)], sets: [String] = []) throws -> (LoadResult, URL) {
        let directory = try writeFiles(files)
        return (ScenarioLoader.load(path: directory.appendingPathComponent(files[0].0).path, sets: sets), directory)
    }

    static let hoursBase = """
        format: 1
        name: Base
        sites:
          - id: branch-1
            staffed_hours: { mon-thu: "13:00-18:00", fri: "11:00-14:00", sat: "10:00-12:00" }
            open_hours: { daily: "08:00-21:00", sun: "10:00-16:00" }
            zones: [{ id: desk, at: [0, 0], size: [5, 5] }]
        staffing:
          rules: [{ id: desk, site: branch-1, zone: desk, hours: { mon-thu: "13:00-15:00", fri: "11:00-12:00" } }]
        profiles:
          - { id: p, hours: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], days: { mon-thu: 1, fri: 2 } }

        """

    @Test func anHourMapInAnOverlayReplacesTheBasesMapWhole() throws {
        // The case from issue 8: a key-by-key merge left the base's more specific
        // `mon-thu` in force, so only Friday and Saturday changed.
        let overlay = """
            extends: base.yaml
            sites:
              - id: branch-1
                staffed_hours: { mon-fri: "10:00-19:00", sat: "10:00-14:00" }
                open_hours: { mon-sat: "08:00-22:00" }
            staffing:
              rules: [{ id: desk, hours: { mon-fri: "10:00-12:00" } }]
            profiles:
              - { id: p, days: { mon-fri: 1 } }

            """
        let (result, directory) = try loadFiles([("overlay.yaml", overlay), ("base.yaml", Self.hoursBase)])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)")
        let s = try #require(result.scenario)
        let site = try #require(s.site("branch-1"))
        for day in [Weekday.mon, .tue, .wed, .thu, .fri] {
            #expect(site.staffedHours.ranges(on: day) == [ClockRange(start: 600, end: 1140)], "\(day)")
            #expect(s.staffing.rules[0].hours?.ranges(on: day) == [ClockRange(start: 600, end: 720)], "\(day)")
        }
        #expect(site.staffedHours.ranges(on: .sat) == [ClockRange(start: 600, end: 840)])
        // The base's `sun` key is gone with its map: Sunday is closed now.
        #expect(site.openHours.ranges(on: .sun) == [])
        #expect(s.profiles[0].days == [1, 1, 1, 1, 1, 0, 0])
    }

    @Test func anOverlayThatChangesNothingIsAWarningAtItsExtends() throws {
        let overlay = "extends: base.yaml\nname: Renamed\nsites: [{ id: branch-1, staffed_hours: { mon-thu: \"13:00-18:00\", fri: \"11:00-14:00\", sat: \"10:00-12:00\" } }]\n"
        let (result, directory) = try loadFiles([("overlay.yaml", overlay), ("base.yaml", Self.hoursBase)])
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("overlay.yaml").path
        #expect(
            result.diagnostics.map(\.rendered) == [
                "\(path):1:10: warning: this overlay changes nothing: every value equals its base's (its name and description aside)"
            ])
        #expect(result.scenario?.name == "Renamed")
    }

    // MARK: extends, hardened

    @Test func anAbsoluteExtendsIsAnError() throws {
        let (result, directory) = try loadFiles([("overlay.yaml", "extends: /etc/passwd\nname: X\n")])
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("overlay.yaml").path
        #expect(
            result.diagnostics.map(\.rendered) == [
                "\(path):1:10: error: 'extends' must be a path relative to this file, found the absolute path '/etc/passwd'"
            ])
    }

    @Test func aBaseWhoseTopLevelIsNotAMappingIsAnError() throws {
        let (result, directory) = try loadFiles([("overlay.yaml", "extends: base.yaml\nname: X\n"), ("base.yaml", "- format: 1\n- name: B\n")])
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("overlay.yaml").path
        let base = directory.appendingPathComponent("base.yaml").path
        #expect(
            result.diagnostics.map(\.rendered) == [
                "\(path):1:10: error: '\(base)' is not a scenario file: its top level is a list, not a mapping"
            ])
        #expect(result.scenario == nil)
    }

    /// Lines of a password file, a shadow file and a key-value configuration file.
    static let secrets = [
        "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n",
        "root:$6$salt$hashhashhash:19000:0:99999:7:::\nalice:!:19000::::::\n",
        "Password: hunter2\nUser: alice\nSecretToken: abc123\n",
        "secret value one\n  - [unclosed\n",
    ]

    @Test func diagnosticsNeverEchoAFileThatIsNotAScenario() throws {
        for secret in Self.secrets {
            let (viaExtends, directory) = try loadFiles([("overlay.yaml", "extends: data.txt\nname: X\n"), ("data.txt", secret)])
            defer { try? FileManager.default.removeItem(at: directory) }
            let direct = ScenarioLoader.load(path: directory.appendingPathComponent("data.txt").path)
            for result in [viaExtends, direct] {
                #expect(result.hasErrors)
                let text = result.renderedDiagnostics
                #expect(!text.isEmpty)
                for line in secret.split(separator: "\n") {
                    let words = line.split(whereSeparator: { " :$[-".contains($0) }).filter { $0.count >= 4 }
                    for word in words { #expect(!text.contains(word), "'\(word)' of the file appears in: \(text)") }
                }
            }
        }
    }

    @Test func aSymbolicLinkToAScenarioIsFollowed() throws {
        let directory = try writeFiles([("overlay.yaml", "extends: link.yaml\nname: Via link\nsimulation: { days: 7 }\n"), ("base.yaml", Self.hoursBase)])
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("link.yaml").path, withDestinationPath: "base.yaml")
        let result = ScenarioLoader.load(path: directory.appendingPathComponent("overlay.yaml").path)
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)")
        #expect(result.scenario?.simulation.days == 7)
        let direct = ScenarioLoader.load(path: directory.appendingPathComponent("link.yaml").path)
        #expect(direct.scenario?.name == "Base")
    }

    @Test func aLoopOfSymbolicLinksIsReportedAsALoop() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let a = directory.appendingPathComponent("a.yaml").path, b = directory.appendingPathComponent("b.yaml").path
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: "b.yaml")
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: "a.yaml")
        #expect(ScenarioLoader.load(path: a).diagnostics.map(\.rendered) == ["error: cannot read '\(a)': a loop of symbolic links"])
        let overlay = directory.appendingPathComponent("overlay.yaml").path
        try "extends: a.yaml\nname: X\n".write(toFile: overlay, atomically: true, encoding: .utf8)
        #expect(ScenarioLoader.load(path: overlay).diagnostics.map(\.rendered) == ["\(overlay):1:10: error: cannot read '\(a)': a loop of symbolic links"])
    }
}
