import PitstopModel
import Testing

@testable import PitstopSimulation

@Suite struct ExpectedDemandTests {
    /// One site open 10:00–11:00 every day, 6 arrivals an hour, a walk of exactly 30
    /// minutes through the entrance before the desk, where every other visitor asks.
    static func delayed(entranceP: Double = 1) -> Scenario {
        let site = Site(id: "lib", name: "Library", staffedHours: Fixture.hours(Weekday.allCases, 10, 11),
                        zones: [Zone(id: "entrance", name: "Entrance"), Zone(id: "desk", name: "Desk")])
        let persona = Persona(
            id: "walk-in", name: "Walk-in", demand: .arrivalsPerHour(["lib": 6]),
            route: [RouteStep(zone: "entrance", dwell: .constant(30), p: entranceP),
                    RouteStep(zone: "desk", dwell: .constant(5))],
            dialogue: Dialogue(p: 0.5, zone: "desk", competence: "reference", duration: .uniform(4, 8),
                               patience: .exponential(mean: 12)))
        return Scenario(name: "Delayed", competences: [Competence(id: "reference", name: "Reference")],
                        sites: [site], personas: [persona])
    }

    @Test func requestsArePlacedWhenTheyAreMadeNotWhenTheVisitorArrives() throws {
        let demand = ExpectedDemand(Self.delayed())
        let arrivals = try #require(demand.arrivals.first)
        let requests = try #require(demand.requests.first)
        let ten = ExpectedDemand.slot(.wed, minute: 600)
        // 6 an hour from 10:00 to 11:00: 3 in each half hour.
        #expect(abs(arrivals.perSlot[ten] - 3) < 1e-12 && abs(arrivals.perSlot[ten + 1] - 3) < 1e-12)
        #expect(abs(arrivals.perWeek - 42) < 1e-9)
        #expect(abs(arrivals.perDay(.sun) - 6) < 1e-9)
        // Asked 30 minutes later by half of them: 1.5 at 10:30–11:00 and 1.5 at 11:00–11:30.
        #expect(requests.perSlot[ten] == 0)
        #expect(abs(requests.perSlot[ten + 1] - 1.5) < 1e-9 && abs(requests.perSlot[ten + 2] - 1.5) < 1e-9)
        #expect(abs(requests.perDay(.wed) - 3) < 1e-9)
        #expect(requests.site == "lib" && requests.zone == "desk" && requests.competence == "reference")
        #expect(requests.reachShare == 1 && requests.dialogueP == 0.5)
        #expect(abs(requests.meanDurationMinutes - 6) < 1e-12)
        #expect(requests.patience == .exponential(mean: 12) && requests.meanPatienceMinutes == 12)
        // Offered load in the 10:30 slot: 1.5 requests in 30 minutes × 6 minutes = 0.3 Erlang.
        #expect(abs(requests.offeredLoad[ten + 1] - 0.3) < 1e-9)
        #expect(demand.requests(site: "lib", zone: "desk") == requests.perSlot)
        #expect(demand.requests(site: "lib", zone: "entrance").allSatisfy { $0 == 0 })
    }

    /// A skipped step takes no time: with the entrance taken by 40 %, 60 % ask at arrival.
    @Test func aStepTakenByChanceMixesTheDelays() throws {
        let requests = try #require(ExpectedDemand(Self.delayed(entranceP: 0.4)).requests.first)
        let ten = ExpectedDemand.slot(.mon, minute: 600)
        #expect(abs(requests.perSlot[ten] - 0.6 * 1.5) < 1e-9)
        #expect(abs(requests.perSlot[ten + 1] - (0.6 * 1.5 + 0.4 * 1.5)) < 1e-9)
        #expect(abs(requests.perSlot[ten + 2] - 0.4 * 1.5) < 1e-9)
    }

    /// The route's chances decide the share that reaches the dialogue zone; a dialogue zone
    /// missing at a site, or a persona without a dialogue, asks for nothing.
    @Test func reachShareFollowsTheRoute() throws {
        var s = Self.delayed()
        s.personas[0].route = [RouteStep(zone: "entrance", dwell: .constant(0)),
                               RouteStep(zone: "desk", dwell: .constant(1), p: 0.3),
                               RouteStep(zone: "entrance", dwell: .constant(0)),
                               RouteStep(zone: "desk", dwell: .constant(1), p: 0.5)]
        let r = try #require(ExpectedDemand(s).requests.first)
        #expect(abs(r.reachShare - (1 - 0.7 * 0.5)) < 1e-12)
        #expect(abs(r.perWeek - 42 * 0.5 * 0.65) < 1e-9)

        s.personas[0].dialogue?.zone = "cafe"  // not at this site
        #expect(ExpectedDemand(s).requests.isEmpty)
        s.personas[0].dialogue = nil
        let none = ExpectedDemand(s)
        #expect(none.requests.isEmpty && none.arrivals.count == 1)
    }

    /// Sampled means: a normal truncated at 0 has a higher mean than its parameter.
    @Test func meanDurationsAreThoseOfTheSamplers() {
        #expect(abs(Sampler(.triangular(min: 2, mode: 4, max: 12)).meanMinutes - 6) < 1e-12)
        #expect(abs(Sampler(.lognormal(mean: 25, sd: 10)).meanMinutes - 25) < 1e-9)
        #expect(abs(Sampler(.normal(mean: 1, sd: 2)).meanMinutes - 2.01832) < 1e-4)
        #expect(Sampler(.normal(mean: 10, sd: 0)).meanMinutes == 10)
        #expect(Sampler(.uniform(2, 10)).meanMinutes == 6 && Sampler(.exponential(mean: 3)).meanMinutes == 3)
    }

    /// The analysis and the engine agree: over four whole weeks (after a day's warm-up) the
    /// simulated visits and requests per day, per persona, lie within their 95 % intervals
    /// around the expected daily sums.
    @Test func dailySumsEqualWhatTheSimulationMeasures() throws {
        var scenario = Fixture.library()
        scenario.sites[0].zones[1].capacity = .unlimited  // the analysis leaves capacity out
        let demand = ExpectedDemand(scenario)
        let results = Simulator(scenario).run(RunOptions(days: 29, warmupDays: 1, replications: 12, seed: 8, jobs: 0))
        var totalVisits = 0.0, totalRequests = 0.0
        for persona in ["pregnant", "student"] {
            let visits = demand.arrivals.filter { $0.persona == persona }.reduce(0) { $0 + $1.perWeek } / 7
            let requests = demand.requests.filter { $0.persona == persona }.reduce(0) { $0 + $1.perWeek } / 7
            totalVisits += visits
            totalRequests += requests
            let v = try #require(results.personas[persona]?["visits"])
            let r = try #require(results.personas[persona]?["dialogues_requested"])
            #expect(v.ci95[0] <= visits && visits <= v.ci95[1], "\(persona) visits \(v) vs \(visits)")
            #expect(r.ci95[0] <= requests && requests <= r.ci95[1], "\(persona) requests \(r) vs \(requests)")
            #expect(r.halfWidth < 0.1 * requests, "\(persona): run too short to tell")
        }
        // visits_per_year 4,000 + 800 and 6 an hour over 98 open hours a week.
        #expect(abs(totalVisits - (4800.0 / 365 + 6 * 98 / 7)) < 1e-9)
        let requested = try #require(results.kpis["dialogues_requested"])
        #expect(requested.ci95[0] <= totalRequests && totalRequests <= requested.ci95[1])
    }
}
