import PitstopModel
import PitstopScenario
import Testing

@testable import PitstopSimulation

/// Sites that share nobody run on their own event heaps (``CompiledModel/siteGroup``). What
/// that must not change: a site's figures are those it has alone — the engine links sites
/// only through people placed at more than one of them.
@Suite struct SiteGroupTests {
    /// One branch with its own staff (a rule filled from three people with absences, a
    /// shift), two zones on the route, a capped room, dialogues with patience.
    static func branch(_ b: String) -> (site: String, unit: String, staff: String, rule: String, arrivals: String) {
        (site: """
              - id: lib-\(b)
                name: Library \(b)
                staffed_hours: { mon-fri: "09:00-17:00", sat: "10:00-14:00" }
                open_hours: { daily: "07:00-22:00" }
                floor: { width: 20, depth: 10 }
                zones:
                  - { id: desk, name: Desk, capacity: unlimited, at: [0, 0], size: [10, 10] }
                  - { id: room, name: Room, capacity: 6, at: [10, 0], size: [10, 10] }
            """,
         unit: "    - { id: team-\(b), name: Team \(b), site: lib-\(b) }\n",
         staff: """
              - { id: clerk-\(b), title: Clerk, count: 3, unit: team-\(b), fte: 0.8, cost: 400000, competences: [advice] }
              - { id: head-\(b), title: Head, count: 1, unit: team-\(b), fte: 1.0, cost: 500000 }
            """,
         rule: """
                - { site: lib-\(b), zone: desk, min_staff: 2 }
                - { site: lib-\(b), zone: roving, min_staff: 1, hours: { mon-fri: "12:00-16:00" } }
            """,
         arrivals: "lib-\(b): 9")
    }

    static func scenario(_ branches: [String], sharedHelper: Bool = false) -> String {
        let parts = branches.map(branch)
        var shifts = parts.indices.map { i in
            "    - { staff: [head-\(branches[i])], site: lib-\(branches[i]), zone: desk, days: mon-fri, hours: \"09:00-12:00\" }\n"
        }.joined()
        var staff = parts.map(\.staff).joined(separator: "\n")
        if sharedHelper {
            staff += "\n  - { id: helper, title: Helper, count: 1, unit: team-\(branches[0]), fte: 1.0, cost: 400000 }"
            shifts += branches.map { "    - { staff: [helper], site: lib-\($0), zone: desk, days: [sat], hours: \"10:00-14:00\" }\n" }.joined()
        }
        return """
            format: 1
            name: Branches
            week_hours: 37
            perspectives:
              - { id: private, name: Private }
            competences:
              - { id: advice, name: Advice }
            sites:
            \(parts.map(\.site).joined(separator: "\n"))
            organisation:
              name: Org
              units:
            \(parts.map(\.unit).joined())
            staff:
            \(staff)
            staffing:
              floor_share: 0.6
              absence_rate: 0.1
              shifts:
            \(shifts)
              rules:
            \(parts.map(\.rule).joined(separator: "\n"))
            personas:
              - id: reader
                name: Reader
                perspective: private
                arrivals_per_hour: { \(parts.map(\.arrivals).joined(separator: ", ")) }
                route:
                  - { zone: room, dwell: exp(40) }
                  - { zone: desk, dwell: uniform(1, 5) }
                dialogue: { p: 0.6, zone: desk, duration: exp(6), patience: exp(10), competence: advice }
            simulation: { days: 21, warmup_days: 7, replications: 4, seed: 11 }
            """
    }

    static func run(_ yaml: String) throws -> (CompiledModel, SimulationResults) {
        let loaded = ScenarioLoader.load(yaml: yaml, path: "branches.yaml")
        let scenario = try #require(loaded.scenario, "\(loaded.diagnostics)")
        let options = RunOptions(days: 21, warmupDays: 7, replications: 4, seed: 11, jobs: 2)
        return (CompiledModel(scenario), Simulator(scenario).run(options))
    }

    @Test func sitesSharingNobodyRunAsTheyDoAlone() throws {
        let (aloneModel, alone) = try Self.run(Self.scenario(["a"]))
        let (bothModel, both) = try Self.run(Self.scenario(["a", "b", "c"]))
        #expect(aloneModel.groupStreams.count == 1)
        #expect(bothModel.siteGroup == [0, 1, 2])
        let siteA = try #require(alone.sites["lib-a"])
        #expect(siteA["visits"].map(\.mean) ?? 0 > 100)
        #expect(siteA["dialogues_served"].map(\.mean) ?? 0 > 10)
        #expect(alone.coverageGaps.count > 0 && alone.rota.count > 0)
        #expect(both.sites["lib-a"] == siteA)
        for zone in ["lib-a/desk", "lib-a/room"] {
            #expect(both.zones[zone] == alone.zones[zone])
            #expect(both.hourlyOccupancy[zone] == alone.hourlyOccupancy[zone])
        }
        #expect(both.flows["lib-a"] == alone.flows["lib-a"])
        #expect(both.hourly.filter { $0.site == "lib-a" } == alone.hourly)
        #expect(both.rota.filter { $0.site == "lib-a" } == alone.rota)
        #expect(both.coverageGaps.filter { $0.site == "lib-a" } == alone.coverageGaps)
    }

    @Test func someonePlacedAtTwoSitesJoinsThem() throws {
        let (model, _) = try Self.run(Self.scenario(["a", "b", "c"], sharedHelper: true))
        #expect(model.siteGroup == [0, 0, 0])
        #expect(model.groupStreams == [Array(model.streams.indices)])
    }
}
