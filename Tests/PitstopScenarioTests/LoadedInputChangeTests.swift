import Foundation
import PitstopModel
import Testing

@testable import PitstopScenario

/// "What changed" on loaded scenarios: the paths are the `--set` paths that make the change.
@Suite struct LoadedInputChangeTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func bundled(_ name: String) throws -> Scenario {
        let result = ScenarioLoader.load(path: repository.appendingPathComponent("Scenarios/\(name)").path)
        return try #require(result.scenario, "\(result.renderedDiagnostics)")
    }

    @Test func aBundledScenarioAgainstItselfDiffersInNothing() throws {
        let pitstop = try Self.bundled("pitstop.yaml")
        #expect(pitstop.staff.count > 50)
        #expect(pitstop.inputChanges(to: pitstop).count == 0)
    }

    @Test func theRecruitOverlayListsWhatItAdds() throws {
        let changes = try Self.bundled("pitstop.yaml").inputChanges(to: try Self.bundled("pitstop-recruit.yaml"))
        #expect(
            changes.map(\.description) == [
                "name: Pitstop-biblioteket → Pitstop-biblioteket + socialrådgiver og sundhedsplejerske",
                "staff.social-worker: – → Dorte Ærbø (Socialrådgiver)",
                "staff.health-nurse: – → Line Nørregård (Sundhedsplejerske)",
                "staffing.shifts.recruit-social: – → social-worker at main/roving, mon-fri 10:00-13:00",
                "staffing.shifts.recruit-nurse: – → health-nurse at main/roving, tue-thu 10:00-14:00",
            ])
    }

    @Test func traditionalAgainstPitstopListsEveryKindOfInputInFormatOrder() throws {
        let traditional = try Self.bundled("traditional.yaml"), pitstop = try Self.bundled("pitstop.yaml")
        let changes = traditional.inputChanges(to: pitstop)
        #expect(changes == traditional.inputChanges(to: pitstop), "deterministic")
        let paths = changes.map(\.path)
        for expected in [
            "name", "sites.main.zones.desk", "sites.main.links", "organisation.units.private-team", "staff.head-main.unit",
            "staffing.rules", "personas.pregnant.dialogue.zone",
        ] {
            #expect(paths.contains(expected), "\(expected)")
        }
        // Sections in the order of the format.
        let sections = paths.map { String($0.prefix { $0 != "." }) }.uniqued()
        #expect(sections == ["name", "description", "sites", "organisation", "staff", "staffing", "personas"])
        // Every path is one a --set could name (no '*', no empty names).
        #expect(paths.allSatisfy { !$0.contains("*") && !$0.contains("..") })
    }

    @Test func aSetAndTheChangeItMakesNameTheSamePath() throws {
        let base = fixture("whatif/base.yaml").path
        let sets = [
            "sites.branch-1.staffed_hours.sat=10:00-16:00", "staff.mindspotter-main.count=6",
            "personas.reader.dialogue.patience=exp(5)", "personas.family.route.2.p=0.5", "simulation.demand_scale=1.2",
        ]
        let before = try #require(ScenarioLoader.load(path: base).scenario)
        let after = try #require(ScenarioLoader.load(path: base, sets: sets).scenario)
        #expect(
            before.inputChanges(to: after).map(\.description) == [
                "sites.branch-1.staffed_hours.sat: 13:00-18:00 → 10:00-16:00",
                "staff.mindspotter-main.count: 4 → 6",
                "personas.reader.dialogue.patience: exp(10) → exp(5)",
                "personas.family.route.2.p: 0.8 → 0.5",
                "simulation.demand_scale: 1 → 1.2",
            ])
        for change in before.inputChanges(to: after) {
            #expect(sets.contains { $0.hasPrefix(change.path + "=") }, "\(change.path)")
        }
    }
}
