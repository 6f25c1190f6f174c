import Foundation
import PitstopModel
import Testing

@testable import PitstopSimulation

/// Values the loader rejects may still reach the engine (a scenario built in code, a bound
/// the loader misses): the engine must neither trap, nor hang, nor run out of memory.
@Suite struct HardeningTests {
    static let short = RunOptions(days: 2, replications: 2, seed: 3, jobs: 1)

    /// Distributions whose range or moments overflow the arithmetic of a tick (1 µs in an
    /// Int64), as a dialogue's duration, its patience and a dwell.
    @Test(.timeLimit(.minutes(1)), arguments: [
        Distribution.triangular(min: 0, mode: 0, max: 1e160),
        .triangular(min: 0, mode: 1e308, max: 1e308),
        .normal(mean: 1e300, sd: 1e300),
        .normal(mean: 0, sd: 1e308),
        .lognormal(mean: 1e300, sd: 1e300),
        .lognormal(mean: 1, sd: 1e300),
        .exponential(mean: 1e300),
        .uniform(0, 1e308),
        .constant(1e300),
    ])
    func hugeDistributionsNeverTrap(_ d: Distribution) throws {
        var s = Fixture.mmc(lambda: 0.2, mu: 0.2, servers: 2)
        s.personas[0].dialogue?.duration = d
        s.personas[0].dialogue?.patience = d
        s.personas[0].route = [RouteStep(zone: "desk", dwell: d), RouteStep(zone: "desk", dwell: d)]
        let r = Simulator(s).run(Self.short)
        let requested = try #require(r.kpis["dialogues_requested"])
        #expect(requested.mean > 0)
        #expect(r.kpis.values.allSatisfy { $0.mean.isFinite && $0.ci95.allSatisfy(\.isFinite) })
        #expect(ExpectedDemand(s).requests.allSatisfy { $0.perSlot.allSatisfy(\.isFinite) })
    }

    /// Staffing numbers far beyond what any loader allows.
    @Test(.timeLimit(.minutes(1)))
    func absurdStaffingNumbersNeverTrap() throws {
        var s = Fixture.library()
        s.weekHours = 1e300
        s.staffing.maxShiftHours = 1e300
        s.staff[0].fte = 1e300
        s.sites[0].travel = ["branch": 1e300]
        s.staffing.rules[0].minStaff = .max
        let r = Simulator(s).run(Self.short)
        #expect(r.kpis["coverage_share"].map { $0.mean >= 0 && $0.mean <= 1 } == true)
        #expect(!r.coverageGaps.isEmpty)
        s.weekHours = -1e300
        s.staff[1].fte = .infinity
        s.sites[0].travel = ["branch": -.infinity]
        _ = Simulator(s).run(Self.short)
    }

    /// A positive rate so small that no arrival can fall inside the horizon: the arrival
    /// loop stops at the horizon (it used to spin once the week base outgrew the precision
    /// of a Double).
    @Test(.timeLimit(.minutes(1)), arguments: [Demand.visitsPerYear(["lib": 1e-20]), .arrivalsPerHour(["lib": 1e-20]),
                                               .arrivalsPerHour(["lib": 1e-300]), .visitsPerYear(["lib": .leastNonzeroMagnitude])])
    func aTinyArrivalRateEndsAtTheHorizon(_ demand: Demand) throws {
        var s = Fixture.mmc(lambda: 0.1, mu: 0.2, servers: 1)
        s.personas[0].demand = demand
        let r = Simulator(s).run(RunOptions(days: 28, replications: 2, seed: 1, jobs: 1))
        #expect(r.kpis["visits"]?.mean == 0)
    }

    /// A profile day weight of 1e308: `visits_per_year` go where the weight is (the weights'
    /// sum overflowed and every rate became 0, which made the arrival loop spin); with
    /// `arrivals_per_hour` the rate is held at the engine's ceiling.
    @Test(.timeLimit(.minutes(1)))
    func aHugeProfileWeightEndsAtTheHorizon() throws {
        var s = Fixture.mmc(lambda: 0.1, mu: 0.2, servers: 1)
        s.profiles = [Profile(id: "heavy", hours: Array(repeating: 1, count: 24), days: [1, 1e308, 1, 1, 1, 1, 1])]
        s.personas[0].profile = "heavy"
        s.personas[0].demand = .visitsPerYear(["lib": 3650])
        let r = Simulator(s).run(RunOptions(days: 14, replications: 4, seed: 1, jobs: 1))
        // 70 visits a week, all on Tuesdays: 10 a day over two weeks.
        let visits = try #require(r.kpis["visits"])
        #expect(abs(visits.mean - 10) <= 3 * visits.halfWidth + 1e-9, "\(visits)")
        let tuesdays = r.hourly.filter { $0.weekday == .tue }.reduce(0) { $0 + $1.arrivals }
        #expect(abs(tuesdays - visits.mean * 7) < 1e-9)

        s.personas[0].demand = .arrivalsPerHour(["lib": 1])
        s.personas[0].route = []
        let flood = Simulator(s).run(RunOptions(days: 2, replications: 1, seed: 1, jobs: 1))
        let perDay = try #require(flood.kpis["visits"]?.mean)
        // One day of the two at the ceiling of 100 a minute, one at 1 an hour.
        #expect(abs(perDay - (CompiledModel.maximumRate * 1440 + 24) / 2) < 0.01 * perDay)
    }

    /// A horizon beyond the integer clock is clamped, not overflowed.
    @Test(.timeLimit(.minutes(1)))
    func daysBeyondTheClockAreClamped() {
        let r = Simulator(Scenario(name: "Empty")).run(RunOptions(days: .max, warmupDays: .max, replications: 1, seed: 1, jobs: 1))
        #expect(r.days == Simulator.maximumDays && r.warmupDays == Simulator.maximumDays - 1)
    }

    /// Walks between zones are counted per site: memory grows with the zones of each site,
    /// not with the square of all zones (100 sites of 10 zones: 10,000 cells, not 1,000,000).
    @Test func flowsAreKeptPerSite() {
        let sites = (1...100).map { s in
            Site(id: "site-\(s)", name: "Site \(s)", staffedHours: Fixture.allWeek,
                 zones: (1...10).map { Zone(id: "zone-\($0)", name: "Zone \($0)") })
        }
        let model = CompiledModel(Scenario(name: "Many sites", sites: sites))
        #expect(model.flowCount == 100 * 10 * 10)
        #expect(model.zoneFlowRow[model.siteZones[99].lowerBound + 9] == 99 * 100 + 9 * 10)
    }

    /// Walks are still counted where they were: per site, from zone to zone.
    @Test func flowsCountWalksWithinASite() throws {
        var s = Fixture.library()
        s.personas[0].route = [RouteStep(zone: "desk", dwell: .constant(1)), RouteStep(zone: "family", dwell: .constant(1)),
                               RouteStep(zone: "desk", dwell: .constant(1))]
        let r = Simulator(s).run(RunOptions(days: 7, replications: 2, seed: 5, jobs: 1))
        let main = try #require(r.flows["main"])
        let visits = try #require(r.personas["pregnant"]?["visits"]?.mean)
        let mainShare = 4000.0 / 4800
        // Every pregnant visitor at the main library walks desk → family → desk (no capacity
        // problem at these numbers); the branch has no family zone, so desk → desk.
        let walks = try #require(main[ZoneLink("desk", "family")])
        #expect(abs(walks - (main[ZoneLink("family", "desk")] ?? 0)) < 1)
        #expect(abs(walks - visits * mainShare) < 0.2 * walks)
        #expect(r.flows["branch"]?[ZoneLink("desk", "desk")] ?? 0 > 0)
        #expect(main[ZoneLink("desk", "desk")] == nil)
    }
}

/// Replications are streamed into the statistics: however unevenly they take, at most a
/// window of finished replications waits for an earlier one, and they are combined in
/// replication order.
@Suite struct ReplicationPipelineTests {
    @Test(.timeLimit(.minutes(1)))
    func finishedReplicationsWaitingAreBoundedByTheWindow() throws {
        let model = CompiledModel(Fixture.mmc(lambda: 0.1, mu: 0.2, servers: 1))
        let shape = RunShape(model: model, days: 1, warmupDays: 0)
        var replication = Replication(model: model, seed: 1, replication: 0, days: 1, warmupDays: 0, recordDays: 0)
        let kpis = ReplicationKPIs(replication.run(), model: model, shape: shape)
        let count = 200, window = 4
        let pipeline = ReplicationPipeline(count: count, window: window,
                                           accumulator: ResultsAccumulator(model: model, shape: shape, replications: count))
        // Four threads of their own (not the shared pool, which a busy test run may starve).
        let workers = DispatchGroup()
        for _ in 0..<4 {
            workers.enter()
            Thread {
                while let r = pipeline.claim() {
                    var value = kpis
                    value.overall[0] = Double(r)  // mark the replication
                    // Replication 0 finishes last of its window: it waits (up to 30 s) until
                    // the others have piled up behind it.
                    if r == 0 {
                        let deadline = Date().addingTimeInterval(30)
                        while pipeline.peakWaiting < window - 1, Date() < deadline { Thread.sleep(forTimeInterval: 0.002) }
                    }
                    _ = pipeline.finish(r, value)
                }
                workers.leave()
            }.start()
        }
        workers.wait()
        #expect(pipeline.peakWaiting >= window - 1)  // the hold-back did make them wait …
        #expect(pipeline.peakWaiting <= window)  // … but never more than the window
        let results = pipeline.accumulator.results(seed: 1)
        #expect(results.samples.kpis["visits"] == (0..<count).map(Double.init))  // in replication order
    }
}
