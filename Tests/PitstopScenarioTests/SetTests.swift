import Foundation
import PitstopModel
import Testing

@testable import PitstopScenario

/// `--set PATH=VALUE` (docs/whatif.md): an overlay of one line, applied after the file and
/// its overlays, checked by the same code.
@Suite struct SetTests {
    static let base = fixture("whatif/base.yaml").path

    func load(_ sets: String...) -> LoadResult {
        ScenarioLoader.load(path: Self.base, sets: sets)
    }

    func scenario(_ sets: String..., sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Scenario {
        let result = ScenarioLoader.load(path: Self.base, sets: sets)
        #expect(!result.hasErrors, "\(result.renderedDiagnostics)", sourceLocation: sourceLocation)
        return try #require(result.scenario, sourceLocation: sourceLocation)
    }

    /// The rendered diagnostics of a load.
    func diagnostics(_ sets: String...) -> [String] {
        ScenarioLoader.load(path: Self.base, sets: sets).diagnostics.map(\.rendered)
    }

    func hours(_ text: String) -> [ClockRange] {
        text.split(separator: ",").compactMap { ClockRange(parsing: String($0).trimmingCharacters(in: .whitespaces)) }
    }

    // MARK: Paths

    @Test func theBaseLoadsWithoutDiagnostics() {
        let result = load()
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)")
    }

    @Test func aMapKeyIsNamedAndAListElementIsNamedByItsID() throws {
        let s = try scenario("staff.mindspotter-main.count=6", "simulation.days=56", "staff.anna.fte=1")
        #expect(s.staff.filter { $0.group == "mindspotter-main" }.map(\.id) == (1...6).map { "mindspotter-main-\($0)" })
        #expect(s.simulation.days == 56)
        #expect(s.staffMember("anna")?.fte == 1)
    }

    @Test func rulesAndShiftsAreNamedByTheirID() throws {
        let s = try scenario("staffing.rules.family-main.min_staff=2", "staffing.shifts.desk-morning.hours=09:00-13:00")
        #expect(s.staffing.rules.first { $0.id == "family-main" }?.minStaff == 2)
        #expect(s.staffing.shifts.first { $0.id == "desk-morning" }?.hours == ClockRange(parsing: "09:00-13:00"))
    }

    @Test func aRouteStepIsNamedByItsPositionFromOne() throws {
        let s = try scenario("personas.family.route.2.p=0.5", "personas.family.route.1.dwell=lognormal(25, 10)")
        let route = try #require(s.personas.first { $0.id == "family" }?.route)
        #expect(route[0].dwell == .lognormal(mean: 25, sd: 10))
        #expect(route[1].p == 0.5)
        #expect(route[1].dwell == .lognormal(mean: 30, sd: 15))
    }

    @Test func aMapOfSitesTakesAKeyPerSite() throws {
        let s = try scenario("personas.reader.visits_per_year.main=5000", "sites.main.travel.branch-1=25")
        #expect(s.personas[0].demand == .visitsPerYear(["main": 5000, "branch-1": 800]))
        #expect(s.site("main")?.travel == ["branch-1": 25])
    }

    // MARK: Hour maps

    @Test func aDayKeyChangesThatDayAndNoOther() throws {
        let s = try scenario("sites.main.staffed_hours.sat=10:00-16:00")
        let main = try #require(s.site("main"))
        #expect(main.staffedHours.ranges(on: .sat) == hours("10:00-16:00"))
        #expect(main.staffedHours.ranges(on: .mon) == hours("10:00-19:00"))
        #expect(main.staffedHours.ranges(on: .fri) == hours("10:00-17:00"))
        #expect(main.staffedHours.ranges(on: .sun) == [])
    }

    @Test func aDayInsideABroaderBaseKeyChangesOnlyThatDay() throws {
        // The base says `mon-sat: 13:00-18:00`.
        let s = try scenario("sites.branch-1.staffed_hours.sat=10:00-16:00")
        let branch = try #require(s.site("branch-1"))
        #expect(branch.staffedHours.ranges(on: .sat) == hours("10:00-16:00"))
        for day in [Weekday.mon, .tue, .wed, .thu, .fri] { #expect(branch.staffedHours.ranges(on: day) == hours("13:00-18:00")) }
        #expect(branch.staffedHours.ranges(on: .sun) == [])
    }

    @Test func aBroaderKeyOverridesMoreSpecificBaseKeys() throws {
        // The base says `mon-thu: …, fri: …`: both are more specific than `mon-fri`, and
        // would win a key-by-key merge; every one of the five days must change.
        let s = try scenario("sites.main.staffed_hours.mon-fri=09:00-20:00")
        let main = try #require(s.site("main"))
        for day in [Weekday.mon, .tue, .wed, .thu, .fri] { #expect(main.staffedHours.ranges(on: day) == hours("09:00-20:00")) }
        #expect(main.staffedHours.ranges(on: .sat) == hours("10:00-14:00"))
    }

    @Test func aWholeHourMapReplacesTheBasesMap() throws {
        let s = try scenario(#"sites.main.staffed_hours={mon-fri: "09:00-20:00"}"#)
        let main = try #require(s.site("main"))
        #expect(main.staffedHours.ranges(on: .thu) == hours("09:00-20:00"))
        #expect(main.staffedHours.ranges(on: .sat) == [])
    }

    @Test func closedAndAListOfRangesAreDayValues() throws {
        let s = try scenario("sites.main.open_hours.sun=closed", "sites.main.staffed_hours.sat=[09:00-12:00, 13:00-15:00]")
        let main = try #require(s.site("main"))
        #expect(main.openHours.ranges(on: .sun) == [])
        #expect(main.openHours.ranges(on: .sat) == hours("08:00-22:00"))
        #expect(main.staffedHours.ranges(on: .sat) == hours("09:00-12:00, 13:00-15:00"))
    }

    @Test func aRulesOwnHoursChangeByDay() throws {
        let s = try scenario("staffing.rules.family-main.hours.sat=10:00-14:00")
        let rule = try #require(s.staffing.rules.first { $0.id == "family-main" })
        #expect(rule.hours?.ranges(on: .sat) == hours("10:00-14:00"))
        #expect(rule.hours?.ranges(on: .wed) == hours("14:00-18:00"))
    }

    @Test func aRuleFollowingItsSitesHoursCannotChangeOneDay() {
        #expect(
            diagnostics("staffing.rules.branch-desk.hours.sat=10:00-14:00") == [
                """
                --set 1:34: error: 'hours' of rule 'branch-desk' is not given: the rule follows its site's staffed hours
                --set 1:34: note: set the rule's whole map, e.g. hours={mon-fri: "10:00-16:00"}
                """
            ])
    }

    @Test func aProfileDayWeightChangesThatDayAndAProfileWithoutDaysStartsFromOnes() throws {
        let s = try scenario("profiles.afternoons.days.sun=0.4")
        #expect(s.profiles[0].days == [1, 1, 1, 1, 1, 0.7, 0.4])
        let yaml = """
            format: 1
            name: P
            profiles:
              - { id: flat, hours: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }
            """
        let result = ScenarioLoader.load(yaml: yaml, path: "p.yaml", sets: ["profiles.flat.days.sun=0.5"])
        #expect(result.scenario?.profiles[0].days == [1, 1, 1, 1, 1, 1, 0.5], "\(result.renderedDiagnostics)")
    }

    // MARK: `*`

    @Test func starSetsEveryElementAndSkipsThoseLackingThePath() throws {
        // 'browser' has no dialogue: it is skipped, not given half a dialogue.
        let s = try scenario("personas.*.dialogue.patience=exp(5)")
        #expect(s.personas.map { $0.dialogue?.patience } == [.exponential(mean: 5), .exponential(mean: 5), nil])
        #expect(s.personas[2].dialogue == nil)
    }

    @Test func starsNest() throws {
        let s = try scenario("sites.*.zones.*.capacity=unlimited")
        #expect(s.sites.flatMap(\.zones).allSatisfy { $0.capacity == .unlimited })
    }

    @Test func aStarThatSelectsNothingIsAnError() {
        let yaml = "format: 1\nname: N\npersonas:\n  - { id: a, arrivals_per_hour: {}, route: [{ zone: z, dwell: 1 }] }\n"
        let result = ScenarioLoader.load(yaml: yaml, path: "n.yaml", sets: ["personas.*.dialogue.patience=exp(5)"])
        #expect(result.diagnostics.map(\.rendered).contains("--set 1:10: error: 'personas.*.dialogue.patience' matches nothing: no persona has 'dialogue'"))
    }

    // MARK: Values

    @Test func flowValuesAreReadAsYAML() throws {
        let s = try scenario("staff.anna.competences=[]", "sites.main.floor={width: 40}", "sites.main.links=[[desk, family]]")
        #expect(s.staffMember("anna")?.competences == [])
        // A mapping merges into what is there: the depth stays.
        #expect(s.site("main")?.floor == Floor(width: 40, depth: 10))
        #expect(s.site("main")?.links == [ZoneLink("desk", "family")])
    }

    @Test func aListValueReplacesTheListWholeAndNeverAppends() throws {
        let s = try scenario("staffing.shifts=[{ staff: [boss], site: main, zone: desk, days: sat, hours: \"10:00-12:00\" }]")
        #expect(s.staffing.shifts.map(\.staff) == [["boss"]])
    }

    @Test func nullLeavesAKeyOutSoItsDefaultApplies() throws {
        let s = try scenario("personas.reader.dialogue.patience=null", "personas.family.dialogue=~", "personas.reader.profile=")
        #expect(s.personas[0].dialogue?.patience == nil)
        #expect(s.personas[0].profile == nil)
        #expect(s.personas[1].dialogue == nil)
    }

    @Test func setsApplyInOrder() throws {
        let s = try scenario("simulation.days=7", "simulation.days=14")
        #expect(s.simulation.days == 14)
    }

    @Test func setsApplyAfterTheOverlays() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = directory.appendingPathComponent("base.yaml")
        try FileManager.default.copyItem(at: fixture("whatif/base.yaml"), to: base)
        let overlay = directory.appendingPathComponent("overlay.yaml").path
        try "extends: base.yaml\nsimulation: { days: 7 }\n".write(toFile: overlay, atomically: true, encoding: .utf8)
        let result = ScenarioLoader.load(path: overlay, sets: ["simulation.days=21"])
        #expect(result.scenario?.simulation.days == 21)
    }

    /// The acceptance test of issue 8: a `--set` of a group's count gives the same scenario
    /// as an overlay file with that one change.
    @Test func aSetOfACountGivesTheSameScenarioAsAnOverlayFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: fixture("whatif/base.yaml"), to: directory.appendingPathComponent("base.yaml"))
        let overlay = directory.appendingPathComponent("six.yaml").path
        try "extends: base.yaml\nstaff:\n  - { id: mindspotter-main, count: 6 }\n".write(toFile: overlay, atomically: true, encoding: .utf8)
        let fromOverlay = ScenarioLoader.load(path: overlay)
        let fromSet = ScenarioLoader.load(path: directory.appendingPathComponent("base.yaml").path, sets: ["staff.mindspotter-main.count=6"])
        #expect(fromOverlay.diagnostics.isEmpty, "\(fromOverlay.renderedDiagnostics)")
        #expect(fromSet.diagnostics.isEmpty, "\(fromSet.renderedDiagnostics)")
        let a = try #require(fromOverlay.scenario), b = try #require(fromSet.scenario)
        #expect(a.staff.count == 8)
        #expect(a == b)
    }

    // MARK: Errors

    @Test func malformedSetsAreErrors() {
        #expect(diagnostics("staff") == ["--set 1:1: error: a --set is PATH=VALUE, found 'staff'\n--set 1:1: note: e.g. --set staff.lib-main.count=6"])
        #expect(diagnostics("=5").first?.hasPrefix("--set 1:1: error: a --set needs a path before '='") == true)
        #expect(diagnostics("simulation..days=5").first?.hasPrefix("--set 1:12: error: the path 'simulation..days' has an empty name") == true)
        #expect(diagnostics("simulation.days.=5").first?.hasPrefix("--set 1:17: error: the path 'simulation.days.' has an empty name") == true)
        #expect(diagnostics("simulation.days=5\nname=x") == ["--set 1:18: error: a --set is one line: its text holds a line break"])
    }

    @Test func positionsNameWhichSetAndTheColumnInsideIt() {
        #expect(
            diagnostics("simulation.days=7", "simulation.dais=7") == [
                "--set 2:12: error: unknown key 'dais' in 'simulation'\n--set 2:12: note: did you mean 'days'?"
            ])
    }

    @Test func unknownKeysGetDidYouMean() {
        #expect(
            diagnostics("sites.main.staffed_hour.sat=10:00-16:00") == [
                "--set 1:12: error: unknown key 'staffed_hour' in site 'main'\n--set 1:12: note: did you mean 'staffed_hours'?"
            ])
    }

    @Test func unknownIDsGetDidYouMeanAndNeverAppend() {
        #expect(
            diagnostics("staff.mindspoter-main.count=6") == [
                """
                --set 1:7: error: unknown staff member 'mindspoter-main'
                --set 1:7: note: a --set changes existing elements only; write an overlay to add one
                --set 1:7: note: did you mean 'mindspotter-main'?
                """
            ])
        #expect(
            diagnostics("staff.mindspotter-main-2.fte=0.5") == [
                """
                --set 1:7: error: unknown staff member 'mindspotter-main-2'
                --set 1:7: note: a --set changes existing elements only; write an overlay to add one
                --set 1:7: note: 'mindspotter-main-2' is a position of group 'mindspotter-main'; set the group's fields
                """
            ])
    }

    @Test func wrongTypesAndRangesGetTheMessagesOfAFileAtTheValue() {
        #expect(diagnostics("staff.mindspotter-main.count=many") == ["--set 1:30: error: 'count' must be a number, found 'many'"])
        #expect(diagnostics("staffing.absence_rate=2") == ["--set 1:23: error: 'absence_rate' must be between 0 and 1, found 2"])
        #expect(diagnostics("personas.reader.dialogue.duration=exp(-1)") == ["--set 1:35: error: invalid distribution: exp(-1) needs a positive mean"])
        #expect(diagnostics("sites.main.staffed_hours.sat=16:00-10:00") == ["--set 1:30: error: reversed time range '16:00-10:00': the end must come after the start"])
    }

    @Test func referencesInASetAreCheckedWithSuggestions() {
        #expect(
            diagnostics("personas.reader.visits_per_year.mian=5") == [
                "--set 1:33: error: unknown site 'mian'\n--set 1:33: note: did you mean 'main'?"
            ])
        #expect(
            diagnostics("personas.reader.dialogue.zone=dsk") == [
                "--set 1:31: error: dialogue zone 'dsk' is not on the route of persona 'reader'\n--set 1:31: note: did you mean 'desk'?"
            ])
    }

    @Test func dayKeysAreChecked() {
        #expect(
            diagnostics("sites.main.staffed_hours.saturday=10:00-16:00") == [
                """
                --set 1:26: error: unknown day key 'saturday'
                --set 1:26: note: day keys are mon tue wed thu fri sat sun, ranges such as mon-fri, and daily
                --set 1:26: note: did you mean 'sat'?
                """
            ])
        #expect(diagnostics("sites.main.staffed_hours.sat.x=1") == ["--set 1:30: error: the path must end at 'sat', which holds a day's value"])
    }

    @Test func pathsCannotGoInsideAValueOrPastTheirEnd() {
        #expect(diagnostics("simulation.days.x=1") == ["--set 1:17: error: cannot set 'x' inside 'days' of 'simulation', a value set as a whole"])
        #expect(diagnostics("sites.main.links.x=1") == ["--set 1:18: error: cannot set 'x' inside 'links' of site 'main', a value set as a whole"])
        #expect(diagnostics("simulation.*=1") == ["--set 1:12: error: '*' stands for every element of a list, and 'simulation' is not a list"])
        #expect(
            diagnostics("personas.reader.route.3.dwell=exp(1)") == [
                "--set 1:23: error: '3' is not a step of 'route' of persona 'reader': route steps are addressed by position, 1 to 1"
            ])
    }

    @Test func idsExtendsAndRemoveCannotBeSet() {
        #expect(diagnostics("extends=other.yaml") == ["--set 1:1: error: 'extends' cannot be set: it is resolved before any --set is applied"])
        #expect(
            diagnostics("staff.anna.id=ann") == [
                "--set 1:12: error: an 'id' cannot be set: it names the element\n--set 1:12: note: to add or rename an element, write an overlay"
            ])
        #expect(diagnostics("staff.anna.remove=true").first?.hasPrefix("--set 1:12: error: 'remove' only applies in an overlay") == true)
    }

    @Test func valuesThatAreNotYAMLAreErrorsInsideTheSet() {
        let syntax = diagnostics("sites.main.floor={width: 40")
        #expect(syntax.count == 1)
        #expect(syntax.first?.hasPrefix("--set 1:") == true && syntax.first?.contains("error: syntax error") == true, "\(syntax)")
        #expect(
            diagnostics("sites.main.name=#E07A5F") == [
                "--set 1:17: error: the value '#E07A5F' is a YAML comment, not a value\n--set 1:17: note: quote it: \"#E07A5F\""
            ])
    }

    @Test func everyProblemOfEverySetIsReportedAfterTheFilesProblems() throws {
        let yaml = "format: 1\nname: E\nweek_hours: -1\n"
        let result = ScenarioLoader.load(yaml: yaml, path: "e.yaml", sets: ["simulation.dais=7", "bogus=1"])
        #expect(
            result.diagnostics.map(\.rendered) == [
                "e.yaml:3:13: error: 'week_hours' must be more than 0 and at most 168, found -1",
                "--set 1:12: error: unknown key 'dais' in 'simulation'\n--set 1:12: note: did you mean 'days'?",
                "--set 2:1: error: unknown key 'bogus'",
            ])
    }

    @Test func aSetThatChangesNothingIsAWarning() throws {
        let result = load("staff.mindspotter-main.count=4", "simulation.days=28.0")
        #expect(
            result.diagnostics.map(\.rendered) == [
                "--set 1:1: warning: this --set changes nothing: 'staff.mindspotter-main.count' already has that value",
                "--set 2:1: warning: this --set changes nothing: 'simulation.days' already has that value",
            ])
        #expect(result.scenario != nil)
    }

    @Test func columnsInASetCountUnicodeScalars() {
        // 'ø' is one scalar; 'é' written as e + combining acute is two; the flag is two.
        let set = "sites.main.floor={x: Bøe\u{301}🇩🇰 ]}"
        let result = diagnostics(set)
        #expect(result.count == 1)
        let column = "sites.main.floor={x: Bøe\u{301}🇩🇰 ".unicodeScalars.count + 1
        #expect(result.first?.hasPrefix("--set 1:\(column): error:") == true, "\(result)")
    }
}
