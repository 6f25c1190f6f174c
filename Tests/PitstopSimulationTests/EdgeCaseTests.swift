import PitstopModel
import Testing

@testable import PitstopSimulation

@Suite struct EdgeCaseTests {
    @Test func anEmptyScenarioRuns() throws {
        let r = Simulator(Scenario(name: "Empty")).run(RunOptions(days: 3, replications: 2, seed: 1, jobs: 2))
        #expect(r.kpis["visits"]?.mean == 0)
        #expect(r.kpis["coverage_share"]?.mean == 1)
        // Ratios with nothing to divide by are undefined, so they are left out, not 0.
        for kpi in ["cost_per_visit", "cost_per_dialogue", "served_share", "wait_mean_min", "staff_utilisation"] {
            #expect(r.kpis[kpi] == nil, "\(kpi)")
        }
        #expect(r.zones.isEmpty && r.rota.isEmpty)
        #expect(r.json().contains("\"zones\": {}"))
    }

    @Test func undefinedReplicationsAreLeftOutAndIntervalsStayPossible() {
        // Replication values of a share: one replication served nobody (NaN).
        let e = Estimate(samples: [0.9, .nan, 1.0, 0.98], bounds: KPIName.bounds(of: "competence_match_share"))
        #expect(abs(e.mean - (0.9 + 1.0 + 0.98) / 3) < 1e-12)
        #expect(e.ci95[0] >= 0 && e.ci95[1] <= 1)
        #expect(e.ci95[1] == 1)  // clipped: the unclipped interval reaches above 1
        let count = Estimate(samples: [0, 0, 0.1], bounds: KPIName.bounds(of: "turnaways"))
        #expect(count.ci95[0] == 0)
    }

    @Test func aZoneWithoutRoomTurnsEveryoneAway() throws {
        var s = Fixture.loss(lambda: 1, meanDwell: 5, k: 0)
        s.personas[0].demand = .arrivalsPerHour(["lib": 60, "nowhere": 10])  // an unknown site is ignored
        let r = Simulator(s).run(RunOptions(days: 2, replications: 2, seed: 1, jobs: 1))
        let visits = try #require(r.kpis["visits"]?.mean)
        #expect(visits > 1000)
        #expect(r.zones["lib/room"]?["turnaways"]?.mean == visits)
        #expect(r.zones["lib/room"]?["occupancy_peak"]?.mean == 0)
        #expect(r.personas["reader"]?.keys.sorted() == ["visits"])  // no dialogue: visits only
    }

    @Test func outOfRangeOptionsAreClamped() {
        let r = Simulator(Fixture.mmc(lambda: 0.1, mu: 0.2, servers: 1))
            .run(RunOptions(days: 0, warmupDays: 5, replications: 0, seed: 1, jobs: -3))
        #expect(r.days == 1 && r.warmupDays == 0 && r.replications == 1)
        #expect(r.kpis["visits"]?.ci95[0] == r.kpis["visits"]?.mean)
    }

    /// A warm-up leaves the first days out: long enough runs agree with and without it.
    @Test func warmUpDaysAreLeftOut() throws {
        let sim = Simulator(Fixture.library())
        let all = sim.run(RunOptions(days: 14, warmupDays: 0, replications: 1, seed: 6, jobs: 1))
        let late = sim.run(RunOptions(days: 14, warmupDays: 7, replications: 1, seed: 6, jobs: 1))
        // Same streams: the second week's visits are part of the whole.
        let v14 = try #require(all.kpis["visits"]?.mean), v7 = try #require(late.kpis["visits"]?.mean)
        let firstWeek = sim.run(RunOptions(days: 7, warmupDays: 0, replications: 1, seed: 6, jobs: 1))
        let v1 = try #require(firstWeek.kpis["visits"]?.mean)
        #expect(abs(v14 * 14 - (v1 * 7 + v7 * 7)) < 1e-6)
    }
}
