import Foundation
import PitstopModel
import Testing

@testable import PitstopScenario

/// Warnings that protect a result (docs/whatif.md), and the way later layers attach their
/// own to a position in the file.
@Suite struct WarningTests {
    // MARK: Costs

    @Test func aCostWrittenWithADanishThousandsPointIsAWarningThatSaysHowToWriteIt() {
        // Issue 8: `cost: 90.000` was read as 90 DKK, silently.
        expectDiagnostics(
            minimalHeader + """
                staff:
                  - { id: anna, name: Anna, cost: 1️⃣90.000 }
                  - { id: bo, name: Bo, fte: 0.5, cost: 2️⃣400 }
                  - { id: cai, name: Cai, cost: 0 }
                  - { id: dan, name: Dan, fte: 0.5, cost: 520000 }
                """,
            [
                .warning(
                    "1️⃣", "'cost' 90 is implausible as the annual cost of a position (below 1,000 per fte)",
                    notes: ["'90.000' is read as 90: YAML has no thousands separator; write 90000"]),
                .warning(
                    "2️⃣", "'cost' 400 is implausible as the annual cost of a position (below 1,000 per fte)",
                    notes: ["'cost' is per year, in the scenario's currency"]),
            ])
    }

    @Test func aNumberWithSeveralThousandsPointsIsAnErrorThatSaysHowToWriteIt() {
        expectDiagnostics(
            minimalHeader + """
                staff:
                  - { id: anna, name: Anna, cost: 1️⃣1.250.000 }
                """,
            [.error("1️⃣", "'cost' must be a number, found '1.250.000'", notes: ["YAML has no thousands separator: write 1250000"])])
    }

    // MARK: Covered but never staffed

    static func coverage(staffing: String) -> String {
        minimalHeader + """
            sites:
              - id: main
                staffed_hours: { mon-fri: "10:00-18:00" }
                zones: [{ id: desk, at: [0, 0], size: [5, 5] }, { id: family, at: [5, 0], size: [5, 5] }]
              - id: kiosk
                open_hours: { daily: "08:00-22:00" }
                zones: [{ id: desk, at: [0, 0], size: [5, 5] }, { id: family, at: [5, 0], size: [5, 5] }]
            organisation:
              units:
                - { id: team, name: Team, covers: [{ site: main, zones: [desk, 1️⃣family] }, { site: kiosk, zones: [family] }] }
            staff:
              - { id: anna, name: Anna, unit: team }
              - { id: open, title: Vacancy, unit: team, vacant: true }
            personas:
              - id: p
                visits_per_year: { main: 1000, kiosk: 100 }
                route: [{ zone: desk, dwell: 1 }, { zone: family, dwell: 1 }]
                dialogue: { zone: family, duration: exp(5) }
            \(staffing)
            """
    }

    @Test func aCoveredZoneWhereDialoguesAreAskedButNobodyIsPlacedIsAWarning() {
        // Issue 8: 0 % of one perspective's dialogues were served, and nothing said why.
        expectDiagnostics(
            Self.coverage(staffing: "staffing:\n  rules: [{ site: main, zone: desk }]\n"),
            [.warning("1️⃣", "zone 'family' at site 'main' is covered by unit 'team' but never staffed: no shift or rule places anyone there")])
    }

    @Test func aShiftOfOnlyAVacancyPlacesNobody() {
        expectDiagnostics(
            Self.coverage(
                staffing: """
                    staffing:
                      rules: [{ site: main, zone: desk }]
                      shifts: [{ staff: [2️⃣open], site: main, zone: family, days: mon, hours: "10:00-12:00" }]
                    """),
            [
                .warning("1️⃣", "zone 'family' at site 'main' is covered by unit 'team' but never staffed: no shift or rule places anyone there"),
                .warning("2️⃣", "vacant position 'open' is on a shift but a vacancy is never on duty"),
            ])
    }

    @Test func aRuleAShiftOrRovingStaffAtTheSiteCountAsStaffingTheZone() {
        for staffing in [
            "staffing:\n  rules: [{ site: main, zone: desk }, { site: main, zone: family }]\n",
            "staffing:\n  rules: [{ site: main, zone: desk }]\n  shifts: [{ staff: [anna], site: main, zone: family, days: mon, hours: \"10:00-12:00\" }]\n",
            "staffing:\n  rules: [{ site: main, zone: roving }]\n",
        ] {
            expectDiagnostics(Self.coverage(staffing: staffing), [])
        }
    }

    // MARK: Where a value was written

    static let base = fixture("whatif/base.yaml").path

    @Test func theLoadResultSaysWhereAValueWasWritten() throws {
        let result = ScenarioLoader.load(path: Self.base, sets: ["personas.family.dialogue.patience=exp(4)"])
        let file = Self.base
        #expect(result.location(of: "personas.reader.dialogue")?.description == "\(file):44:15")
        #expect(result.location(of: "personas.reader.dialogue.zone")?.description == "\(file):44:31")
        #expect(result.location(of: "personas.family.route.2")?.description == "\(file):50:9")
        #expect(result.location(of: "staff.mindspotter-main.count")?.description == "\(file):30:56")
        #expect(result.location(of: "staffing.rules.family-main")?.description == "\(file):35:7")
        // A day of an hour map: the key that decides it (branch-1 writes `mon-sat`).
        #expect(result.location(of: "sites.branch-1.staffed_hours.sat")?.description == "\(file):17:31")
        #expect(result.location(of: "sites.main.staffed_hours.sat")?.description == "\(file):8:71")
        // After a --set: in the --set.
        #expect(result.location(of: "personas.family.dialogue.patience")?.description == "--set 1:35")
        // Nothing there.
        #expect(result.location(of: "personas.browser.dialogue") == nil)
        #expect(result.location(of: "personas.nobody") == nil)
        #expect(result.location(of: "sites.main.nonsense") == nil)
        #expect(result.location(of: "personas.*.dialogue") == nil)
    }

    @Test func aLaterLayerAttachesAWarningAtAPathKeepingTheOrder() throws {
        var result = ScenarioLoader.load(path: Self.base, sets: ["simulation.days=28"])
        #expect(result.diagnostics.count == 1)
        result.addWarning("demand nobody can serve", notes: ["a note"], at: "personas.reader.dialogue")
        // Absent: at the nearest value that exists (the persona).
        result.addWarning("no dialogue here", at: "personas.browser.dialogue.zone")
        #expect(
            result.diagnostics.map(\.rendered) == [
                "\(Self.base):44:15: warning: demand nobody can serve\n\(Self.base):44:15: note: a note",
                "\(Self.base):52:5: warning: no dialogue here",
                "--set 1:1: warning: this --set changes nothing: 'simulation.days' already has that value",
            ])
        #expect(!result.hasErrors)
    }
}
