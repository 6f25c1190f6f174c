import Foundation
import PitstopModel
import Testing

@testable import PitstopSimulation

/// The engine against queueing theory. Every check allows three half-widths of the 95 %
/// interval (a one-interval check fails 1 run in 20 by chance) and demands the interval be
/// tight enough to mean something. Seeds are fixed, so the outcome is deterministic.
@Suite struct TheoryTests {
    static let erlangC = [
        // case, λ, μ, c, P(wait>0), Wq (des-anchors §4)
        ErlangCase(name: "T1", lambda: 0.10, mu: 0.20, c: 1, pWait: 0.500000, wq: 5.000000),
        ErlangCase(name: "T2", lambda: 0.32, mu: 0.20, c: 2, pWait: 0.711111, wq: 8.888889),
        ErlangCase(name: "T3", lambda: 0.70, mu: 0.20, c: 5, pWait: 0.377838, wq: 1.259461),
        ErlangCase(name: "T5", lambda: 3.40, mu: 0.20, c: 20, pWait: 0.385056, wq: 0.641760),
    ]

    /// Run lengths: 25–40 thousand measured customers per case, after a one-day warm-up.
    static func options(_ t: ErlangCase) -> RunOptions {
        let perDay = t.lambda * 1440
        let days = max(2, Int((25_000 / 8 / perDay).rounded(.up)) + 1)
        return RunOptions(days: days, warmupDays: 1, replications: 8, seed: 2339, jobs: 0)
    }

    @Test(arguments: erlangC)
    func erlangCWaitingMatchesTheory(_ t: ErlangCase) throws {
        let results = Simulator(Fixture.mmc(lambda: t.lambda, mu: t.mu, servers: t.c)).run(Self.options(t))
        let p = try #require(results.kpis["wait_prob"]), w = try #require(results.kpis["wait_mean_min"])
        print("\(t.name): P(wait) \(p.mean) ± \(p.halfWidth) (exact \(t.pWait)), Wq \(w.mean) ± \(w.halfWidth) (exact \(t.wq))")
        #expect(abs(p.mean - t.pWait) <= 3 * p.halfWidth, "\(t.name) P(wait) \(p.mean) ± \(p.halfWidth) vs \(t.pWait)")
        #expect(abs(w.mean - t.wq) <= 3 * w.halfWidth, "\(t.name) Wq \(w.mean) ± \(w.halfWidth) vs \(t.wq)")
        #expect(p.halfWidth < 0.15 * t.pWait && w.halfWidth < 0.4 * t.wq, "\(t.name): run too short to tell")
        // The 90th percentile wait: P(Wq > x) = C·e^{−(cμ−λ)x} = 0.1.
        let p90 = try #require(results.kpis["wait_p90_min"])
        let exactP90 = log(t.pWait / 0.1) / (Double(t.c) * t.mu - t.lambda)
        #expect(abs(p90.mean - exactP90) <= 3 * p90.halfWidth, "\(t.name) p90 \(p90.mean) ± \(p90.halfWidth) vs \(exactP90)")
        // Everyone asked and, with patience never and staff around the clock, nobody gave up.
        #expect(results.kpis["abandoned"]?.mean == 0)
        #expect(abs((results.kpis["staff_utilisation"]?.mean ?? 0) - t.lambda / t.mu / Double(t.c)) < 0.05)
    }

    @Test func erlangCFromScenarioFiles() throws {
        for (file, t) in [("mm1-t1", Self.erlangC[0]), ("mm5-t3", Self.erlangC[2])] {
            let scenario = try #require(loadFixture(file))
            let results = Simulator(scenario).run(RunOptions(scenario.simulation, jobs: 0))
            let p = try #require(results.kpis["wait_prob"]), w = try #require(results.kpis["wait_mean_min"])
            #expect(abs(p.mean - t.pWait) <= 3 * p.halfWidth, "\(file) P(wait) \(p.mean) ± \(p.halfWidth)")
            #expect(abs(w.mean - t.wq) <= 3 * w.halfWidth, "\(file) Wq \(w.mean) ± \(w.halfWidth)")
            // Staff are always on duty: nobody asks into an empty room.
            #expect(results.kpis["unattended"]?.mean == 0)
            // Offered load in hours: λ per minute × 1,440 minutes × mean service ÷ 60.
            let hours = try #require(results.kpis["dialogue_hours"])
            let offered = t.lambda * 1440 / t.mu / 60
            #expect(abs(hours.mean - offered) <= max(3 * hours.halfWidth, 0.02 * offered), "\(file) dialogue hours")
        }
    }

    /// M/M/K/K: a zone at capacity turns visitors away with probability Erlang B(K, a).
    @Test func erlangLossTurnAwayShare() throws {
        let scenario = try #require(loadFixture("loss-k5"))
        let results = Simulator(scenario).run(RunOptions(scenario.simulation, jobs: 0))
        let visits = try #require(results.samples.kpis["visits"])
        // One zone at one site: the overall turn-aways are the zone's.
        let turned = try #require(results.samples.kpis["turnaways"])
        let share = Estimate(samples: zip(turned, visits).map { $0 / $1 })
        let exact = erlangB(a: 5, k: 5)
        #expect(abs(exact - 0.284868) < 1e-6)
        #expect(abs(share.mean - exact) <= 3 * share.halfWidth, "B \(share.mean) ± \(share.halfWidth) vs \(exact)")
        #expect(share.halfWidth < 0.02)
        #expect(results.zones["lib/room"]?["occupancy_peak"]?.mean == 5)
    }

    /// Little's law on a zone: mean occupancy = arrival rate × mean stay.
    @Test func littlesLawOnAZone() throws {
        var scenario = Fixture.loss(lambda: 2, meanDwell: 10, k: 1)
        scenario.sites[0].zones[0].capacity = .unlimited
        let results = Simulator(scenario).run(RunOptions(days: 3, warmupDays: 1, replications: 8, seed: 11, jobs: 0))
        let l = try #require(results.zones["lib/room"]?["occupancy_mean"])
        #expect(abs(l.mean - 20) <= 3 * l.halfWidth, "L \(l.mean) ± \(l.halfWidth) vs 20")
        #expect(l.halfWidth < 1)
        // The hourly profile averages to the same figure.
        let hourly = try #require(results.hourlyOccupancy["lib/room"])
        #expect(abs(hourly.reduce(0, +) / 24 - l.mean) < 1e-9)
        #expect(results.siteHourlyOccupancy["lib"] == hourly)
    }

    /// Visits follow the demand: arrivals_per_hour × open hours, visits_per_year × 7/365 a week.
    @Test func arrivalRatesFollowDemand() throws {
        let results = Simulator(Fixture.library()).run(RunOptions(days: 28, warmupDays: 0, replications: 6, seed: 3, jobs: 0))
        let student = try #require(results.personas["student"]?["visits"])
        let pregnant = try #require(results.personas["pregnant"]?["visits"])
        // student: 6/h over 14 open hours a day at main.
        #expect(abs(student.mean - 84) <= 3 * student.halfWidth + 1e-9, "\(student)")
        // pregnant: (4000 + 800) visits a year → per day.
        let perDay = 4800.0 / 365
        #expect(abs(pregnant.mean - perDay) <= 3 * pregnant.halfWidth + 1e-9, "\(pregnant) vs \(perDay)")
    }
}
