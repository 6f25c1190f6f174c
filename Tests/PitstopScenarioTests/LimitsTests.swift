import Foundation
import PitstopModel
import Testing

@testable import PitstopScenario

/// Issue 9: every value that reaches the engine or the diagrams is one their arithmetic
/// can hold, and a scenario far beyond a large municipality is refused before memory is
/// spent on it (``ScenarioLimits``).
@Suite struct LimitsTests {
    /// A small valid scenario, with `simulation` appended.
    static func scenario(simulation: String = "") -> String {
        """
        format: 1
        name: Limits
        sites:
          - id: main
            staffed_hours: { mon-fri: "10:00-18:00" }
            zones:
              - { id: desk, at: [0, 0], size: [10, 10] }
        staff:
          - { id: anna, name: Anna }
        staffing:
          rules: [{ site: main, zone: desk }]
        personas:
          - id: reader
            arrivals_per_hour: { main: 2 }
            route: [{ zone: desk, dwell: exp(5) }]
        \(simulation)
        """
    }

    func diagnostics(_ yaml: String) -> [String] {
        ScenarioLoader.load(yaml: yaml, path: "limits.yaml").diagnostics.map(\.rendered)
    }

    @Test func theSmallScenarioLoadsCleanly() {
        #expect(diagnostics(Self.scenario()) == [])
    }

    // MARK: Distributions

    @Test func aDistributionWhoseRangeOverflowsTheSamplerIsAnErrorAtItsPosition() {
        // Issue 9: `triangular(0, 0, 1e160)` validated and trapped in the engine.
        expectDiagnostics(
            minimalHeader + """
                sites: [{ id: main, zones: [{ id: desk, at: [0, 0], size: [1, 1] }] }]
                personas:
                  - id: p
                    arrivals_per_hour: { main: 1 }
                    route: [{ zone: desk, dwell: 1 }]
                    dialogue: { zone: desk, duration: 1️⃣triangular(0, 0, 1e160), patience: 2️⃣lognormal(0.001, 50) }
                """,
            [
                .error("1️⃣", "invalid distribution: triangular(0, 0, 1e+160): every parameter must be at most 100,000 minutes"),
                .error("2️⃣", "invalid distribution: lognormal(0.001, 50): the sd may be at most 100 times the mean"),
            ])
    }

    @Test func aBareNumberIsCheckedAsTheConstantItStandsFor() {
        expectDiagnostics(
            minimalHeader + """
                sites: [{ id: main, zones: [{ id: desk, at: [0, 0], size: [1, 1] }] }]
                personas:
                  - { id: p, arrivals_per_hour: { main: 1 }, route: [{ zone: desk, dwell: 1️⃣1e9 }] }
                """,
            [.error("1️⃣", "invalid distribution: const(1000000000): every parameter must be at most 100,000 minutes")])
    }

    @Test func theModelRefusesWhatTheSamplerCannotHold() {
        #expect(Distribution.parse("exp(100000)") == .success(.exponential(mean: 100_000)))
        #expect(Distribution.parse("exp(100001)") == .failure(.invalid("exp(100001): every parameter must be at most 100,000 minutes")))
        #expect(Distribution.parse("normal(10, 1e300)").map { _ in true } == .failure(.invalid("normal(10, 1e+300): every parameter must be at most 100,000 minutes")))
        #expect(Distribution.parse("lognormal(1, 100)") == .success(.lognormal(mean: 1, sd: 100)))
    }

    // MARK: Geometry, weights, rates

    @Test func floorsAndZonesBeyondTenKilometresAreErrors() {
        // Issue 9: a floor of 1e19 m trapped the floor map's number formatting.
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    floor: { width: 1️⃣1e19, depth: 10 }
                    zones: [{ id: desk, at: 2️⃣[0, 1e19], size: [1, 1] }]
                """,
            [
                .error("1️⃣", "'width' must be more than 0 and at most 10,000 m, found 1e+19"),
                .error("2️⃣", "'at' must be 0 or more and at most 10,000 m in both directions, found 1e+19"),
            ])
    }

    @Test func profileWeightsAreBounded() {
        // Issue 9: a day weight of 1e308 hung the arrival process.
        expectDiagnostics(
            minimalHeader + """
                profiles:
                  - { id: p, hours: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], days: { mon: 1️⃣1e308 } }
                """,
            [.error("1️⃣", "a day weight must be between 0 and 1,000,000, found 1e+308")])
    }

    @Test func capacityTravelAndMinStaffAreBounded() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    zones: [{ id: desk, capacity: 1️⃣2000000, at: [0, 0], size: [1, 1] }]
                    travel: { main: 2️⃣5000 }
                staffing:
                  rules: [{ site: main, zone: desk, min_staff: 3️⃣20000 }]
                """,
            [
                .error("1️⃣", "'capacity' must be between 0 and 1,000,000 (or unlimited), found 2000000"),
                .error("2️⃣", "travel minutes must be between 0 and 1,440, found 5000"),
                .error("3️⃣", "'min_staff' must be between 1 and 10,000, found 20000"),
            ])
    }

    @Test func aRateSoSmallThatNobodyArrivesIsAWarning() {
        // Issue 9: `arrivals_per_hour: 1e-20` hung; it is a valid rate that brings nobody.
        expectDiagnostics(
            minimalHeader + """
                sites: [{ id: main, open_hours: { daily: "08:00-20:00" }, zones: [{ id: desk, at: [0, 0], size: [1, 1] }] }]
                personas:
                  - { id: p, arrivals_per_hour: { main: 1️⃣1e-20 }, route: [{ zone: desk, dwell: 1 }] }
                  - { id: q, visits_per_year: { main: 2️⃣1e-9 }, route: [{ zone: desk, dwell: 1 }] }
                  - { id: r, visits_per_year: { main: 0.1 }, route: [{ zone: desk, dwell: 1 }] }
                """,
            [
                .warning("1️⃣", "persona 'p' is expected to make 3.4e-18 visits to site 'main' in the 28 simulated days: practically nobody arrives"),
                .warning("2️⃣", "persona 'q' is expected to make 7.7e-11 visits to site 'main' in the 28 simulated days: practically nobody arrives"),
            ])
    }

    // MARK: demand_scale

    @Test func demandScaleDefaultsToOneAndIsPositiveAndBounded() throws {
        let plain = ScenarioLoader.load(yaml: Self.scenario(), path: "s.yaml")
        #expect(plain.scenario?.simulation.demandScale == 1)
        let scaled = ScenarioLoader.load(yaml: Self.scenario(simulation: "simulation: { demand_scale: 1.2 }"), path: "s.yaml")
        #expect(scaled.scenario?.simulation.demandScale == 1.2)
        expectDiagnostics(
            minimalHeader + "simulation: { demand_scale: 1️⃣0 }\n",
            [.error("1️⃣", "'demand_scale' must be more than 0 and at most 100, found 0")])
        expectDiagnostics(
            minimalHeader + "simulation: { demand_scale: 1️⃣101 }\n",
            [.error("1️⃣", "'demand_scale' must be more than 0 and at most 100, found 101")])
    }

    @Test func scaledDemandStaysWithinTheBoundsOnDemand() {
        expectDiagnostics(
            minimalHeader + """
                sites: [{ id: main, zones: [{ id: desk, at: [0, 0], size: [1, 1] }] }]
                personas:
                  - { id: p, arrivals_per_hour: { main: 50000 }, route: [{ zone: desk, dwell: 1 }] }
                simulation: { demand_scale: 1️⃣3 }
                """,
            [.error("1️⃣", "with demand_scale 3, persona 'p' has 150000 arrivals an hour at site 'main'; the limit is 100,000")])
    }

    // MARK: Sizes

    @Test func aLargeMunicipalityLoads() throws {
        // 60 sites of 12 zones, 3,000 positions in groups, 30 personas visiting every site.
        var yaml = "format: 1\nname: Kommune\nsites:\n"
        let sites = (1...60).map { "site-\($0)" }
        for site in sites {
            yaml += "  - id: \(site)\n    staffed_hours: { mon-fri: \"09:00-19:00\", sat: \"10:00-14:00\" }\n    zones:\n"
            for z in 0..<12 { yaml += "      - { id: z\(z), capacity: 40, at: [\(z * 10), 0], size: [10, 10] }\n" }
        }
        yaml += "staff:\n"
        for (i, site) in sites.enumerated() { yaml += "  - { id: g\(i), title: Bibliotekar, count: 50, sites: [\(site)], cost: 520000 }\n" }
        yaml += "staffing:\n  rules:\n"
        for site in sites { yaml += "    - { site: \(site), zone: roving, min_staff: 2 }\n" }
        yaml += "personas:\n"
        for p in 0..<30 {
            yaml += "  - id: p\(p)\n    visits_per_year: { \(sites.map { "\($0): 5000" }.joined(separator: ", ")) }\n"
            yaml += "    route: [{ zone: z\(p % 12), dwell: exp(20) }]\n    dialogue: { p: 0.2, zone: z\(p % 12), duration: exp(8) }\n"
        }
        let result = ScenarioLoader.load(yaml: yaml, path: "kommune.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics.prefix(500))")
        #expect(result.scenario?.sites.count == 60)
        #expect(result.scenario?.staff.count == 3_000)
    }

    @Test func tooManySitesIsOneErrorWithTheLimit() {
        // Issue 9: 1,004 sites took 3.5–4.2 GB for a 2-day run.
        let sites = (1...1_004).map { "  - { id: s\($0) }\n" }.joined()
        #expect(diagnostics("format: 1\nname: Many\nsites:\n" + sites) == ["limits.yaml:4:3: error: this scenario has 1,004 sites; the limit is 250"])
    }

    @Test func tooManyZonesOverAllSitesIsOneError() {
        var yaml = "format: 1\nname: Many\nsites:\n"
        for s in 0..<11 {
            yaml += "  - id: s\(s)\n    zones:\n"
            for z in 0..<1_000 { yaml += "      - { id: z\(z) }\n" }
        }
        #expect(diagnostics(yaml) == ["limits.yaml:4:3: error: this scenario has 11,000 zones; the limit is 10,000"])
    }

    @Test func tooManyPositionsAreCountedBeforeGroupsExpand() {
        let groups = (1...3).map { "  - { id: g\($0), title: T, count: 10000 }\n" }.joined()
        #expect(diagnostics("format: 1\nname: Many\nstaff:\n" + groups) == ["limits.yaml:4:3: error: this scenario has 30,000 staff positions; the limit is 20,000"])
    }

    @Test func tooManyPersonasIsOneError() {
        let personas = (1...1_001).map { "  - { id: p\($0) }\n" }.joined()
        #expect(diagnostics("format: 1\nname: Many\npersonas:\n" + personas) == ["limits.yaml:4:3: error: this scenario has 1,001 personas; the limit is 1,000"])
    }

    @Test func tooManyRulesIsOneError() {
        let rules = (1...10_001).map { _ in "    - { site: main, zone: desk }\n" }.joined()
        #expect(
            diagnostics("format: 1\nname: Many\nstaffing:\n  rules:\n" + rules)
                == ["limits.yaml:5:5: error: this scenario has 10,001 rules; the limit is 10,000"])
    }

    @Test func runLengthIsBoundedInTheFileAndThroughThePublicCheck() {
        expectDiagnostics(
            minimalHeader + "simulation: { days: 1️⃣4000 }\n",
            [.error("1️⃣", "'days' must be between 1 and 3,660, found 4000")])
        expectDiagnostics(
            minimalHeader + "simulation: { days: 365, replications: 1️⃣5000 }\n",
            [.error("1️⃣", "5,000 replications × 365 days is 1,825,000 replication-days; the limit is 1,000,000")])
        #expect(ScenarioLimits.runLengthProblems(days: 28, replications: 20) == [])
        #expect(
            ScenarioLimits.runLengthProblems(days: 28, replications: 100_000) == [
                "100,000 replications are too many; the limit is 10,000"
            ])
        #expect(ScenarioLimits.runLengthProblems(days: 5_000, warmupDays: 4_000, replications: 2).count == 2)
    }
}
