import Foundation
import PitstopModel
import PitstopSimulation
import Testing

@testable import PitstopStaffing

@Suite struct TargetTests {
    @Test func theDefaultIsNinetyPercentServed() throws {
        let t = try StaffingTargets.parse([]).get()
        #expect(t.servedShare == 0.9 && t.waitMeanMinutes == nil && t.waitP90Minutes == nil)
        let u = try StaffingTargets.parse(["served_share >= 0.8", "wait_p90_min<=5"]).get()
        #expect(u.servedShare == 0.8 && u.waitP90Minutes == 5)
        #expect(try StaffingTargets.parse(["served_share ≥ 95%"]).get().servedShare == 0.95)
        #expect(u.texts == ["served_share >= 0.8", "wait_p90_min <= 5"])
    }

    @Test func everyBadTargetIsReportedAtOnceWithSuggestions() {
        let texts = ["served_shar >= 0.9", "wait_mean_min >= 2", "served_share >= 1.2", "wait_p90_min <= soon",
                     "nothing", "wait_mean_min <= 0", "wait_p90_min <= 3", "wait_p90_min <= 4"]
        guard case .failure(let error) = StaffingTargets.parse(texts) else {
            Issue.record("bad targets accepted")
            return
        }
        let messages = error.problems.map(\.message)
        #expect(error.problems.count == 7)
        #expect(messages[0].contains("unknown KPI 'served_shar'") && error.problems[0].suggestion == "served_share")
        #expect(messages[1].contains("takes '<='") && error.problems[1].suggestion == "wait_mean_min <= 2")
        #expect(messages[2].contains("between 0 and 1"))
        #expect(messages[3].contains("'soon' is not a number"))
        #expect(messages[4].contains("expected 'KPI OP VALUE'"))
        #expect(messages[5].contains("more than 0"))
        #expect(messages[6].contains("a second target for wait_p90_min"))
        let text = error.description
        #expect(text.hasPrefix("error: --target 'served_shar >= 0.9': unknown KPI"))
        #expect(text.contains("note: did you mean 'served_share'?"))
    }
}

@Suite struct RequirementsTests {
    /// Requests per staffed half hour of the desk fixture, computed from the profile by hand.
    static func expectedRequests(_ scenario: Scenario, slot: Int) -> Double {
        let persona = scenario.personas[0]
        guard case .arrivalsPerHour(let rates) = persona.demand, let perHour = rates["lib"] else { return 0 }
        return perHour * StaffingFixture.peaked[slot / 2] / 2 * (persona.dialogue?.p ?? 0)
    }

    /// The fewest staff meeting `targets`, by the independent tail-series Erlang A (or the
    /// Erlang C closed forms without patience).
    static func fewestByTailSeries(requests: Double, duration: Double, patience: Double?, targets: StaffingTargets) -> Int {
        let lambda = requests / 30
        for c in 1...500 {
            if let patience {
                let x = TailSeriesErlangA(lambda: lambda, mu: 1 / duration, theta: 1 / patience, c: c)
                let cheap = (1 - x.pAbandon) >= targets.servedShare
                    && (targets.waitMeanMinutes.map { x.meanWaitServed <= $0 } ?? true)
                let meets = cheap
                    && (targets.waitP90Minutes.map {
                        servedWaitAtMostByODE(lambda: lambda, mu: 1 / duration, theta: 1 / patience, c: c, t: $0) >= 0.9
                    } ?? true)
                if meets { return c }
            } else {
                let a = lambda * duration
                guard Double(c) > a else { continue }
                let b = erlangB(load: a, servers: c)
                let pWait = b / (1 - a / Double(c) * (1 - b))
                let rate = Double(c) / duration - lambda
                let meets = (targets.waitMeanMinutes.map { pWait / rate <= $0 } ?? true)
                    && (targets.waitP90Minutes.map { 1 - pWait * exp(-rate * $0) >= 0.9 } ?? true)
                if meets { return c }
            }
        }
        return -1
    }

    /// On a peaked profile the requirement of every staffed half hour equals the fewest staff
    /// an exact Erlang A computation written differently finds — with and without a wait bound.
    @Test func erlangARequirementsMatchAnExactComputationOnAPeakedProfile() {
        let scenario = StaffingFixture.desk(perHour: 40, p: 0.5, duration: 10, patience: 8)
        for targets in [StaffingTargets(), StaffingTargets(servedShare: 0.95, waitMeanMinutes: 1.5),
                        StaffingTargets(servedShare: 0.8, waitP90Minutes: 2)] {
            let r = StaffingRequirements(scenario, demand: ExpectedDemand(scenario), targets: targets)
            #expect(r.intervals.count == 5 * 16)  // 10:00–18:00 on five days
            var distinct = Set<Int>()
            var exactBySlot: [Int: Int] = [:]  // the five weekdays share a profile
            for i in r.intervals {
                let requests = Self.expectedRequests(scenario, slot: i.slot)
                #expect(abs(i.requests - requests) < 1e-9)
                #expect(abs(i.load - requests / 30 * 10) < 1e-9)
                let exact = exactBySlot[i.slot]
                    ?? Self.fewestByTailSeries(requests: requests, duration: 10, patience: 8, targets: targets)
                exactBySlot[i.slot] = exact
                #expect(i.erlang == exact, "\(i.day) slot \(i.slot): \(i.erlang) vs \(exact) (\(targets.texts))")
                distinct.insert(i.erlang)
            }
            #expect(distinct.count >= 3, "the peak should need more staff than the shoulders")
        }
    }

    @Test func erlangCRequirementsMatchTheClosedFormsWithoutPatience() {
        let scenario = StaffingFixture.desk(perHour: 60, p: 0.5, duration: 10, patience: nil)
        let targets = StaffingTargets(waitP90Minutes: 1)
        let r = StaffingRequirements(scenario, demand: ExpectedDemand(scenario), targets: targets)
        for i in r.intervals {
            #expect(i.meanPatienceMinutes == nil)
            let exact = Self.fewestByTailSeries(requests: i.requests, duration: 10, patience: nil, targets: targets)
            #expect(i.erlang == exact)
        }
    }

    /// min_staff is a floor; requests in self-service hours are reported apart, never as need.
    @Test func rulesAreAFloorAndUnstaffedRequestsAreApart() throws {
        let scenario = StaffingFixture.desk(perHour: 2, p: 0.5, minStaff: 2)
        let r = StaffingRequirements(scenario, demand: ExpectedDemand(scenario))
        #expect(r.intervals.allSatisfy { $0.minStaff == 2 && $0.required >= 2 })
        #expect(r.intervals.contains { $0.erlang < 2 })
        // 08–10 and 18–20: weights 0.5, 0.5, 0.5, 0.5 → 4 hours × 2 × 0.5 × 0.5 = 2 a day.
        #expect(r.unstaffed.count == 5)
        for u in r.unstaffed { #expect(abs(u.requests - 2) < 1e-9 && u.zone == "desk") }
        #expect(abs(r.unstaffedRequests - 10) < 1e-9)
        let week = r.intervals.reduce(0) { $0 + $1.requests }
        #expect(abs(week + r.unstaffedRequests - ExpectedDemand(scenario).requests[0].perWeek) < 1e-9)
        // The first staff member is worth the most; weights never rise.
        let busy = try #require(r.intervals.max { $0.load < $1.load })
        #expect(busy.weights.count == busy.required)
        #expect(zip(busy.weights, busy.weights.dropFirst()).allSatisfy { $0 >= $1 })
    }

    /// A roving rule makes the site one pool over all its zones' requests; rule floors add up.
    @Test func aRovingSiteIsPlannedAsOnePool() throws {
        var scenario = StaffingFixture.desk(perHour: 10, p: 0.5)
        scenario.sites[0].zones.append(Zone(id: "kids", name: "Kids"))
        scenario.personas.append(Persona(
            id: "parent", name: "Parent", demand: .arrivalsPerHour(["lib": 6]),
            route: [RouteStep(zone: "kids", dwell: .constant(0))],
            dialogue: Dialogue(p: 0.5, zone: "kids", competence: "childrens-lit", duration: .exponential(mean: 6),
                               patience: .exponential(mean: 12))))
        scenario.staffing.rules = [
            StaffingRule(site: "lib", zone: .roving, minStaff: 1),
            StaffingRule(site: "lib", zone: .zone("kids"), minStaff: 1, hours: StaffingFixture.hours([.mon], 10, 12)),
        ]
        let r = StaffingRequirements(scenario, demand: ExpectedDemand(scenario))
        #expect(r.pooledSites == ["lib"] && r.places == [StaffingPlace(site: "lib", zone: .roving)])
        let mondayTen = try #require(r.intervals.first { $0.day == .mon && $0.slot == 20 })
        let tuesdayTen = try #require(r.intervals.first { $0.day == .tue && $0.slot == 20 })
        #expect(mondayTen.minStaff == 2 && tuesdayTen.minStaff == 1)
        // Both personas' requests, with the request-weighted duration.
        let desk = 10 * StaffingFixture.peaked[10] / 2 * 0.5, kids = 6.0 / 2 * 0.5
        #expect(abs(mondayTen.requests - (desk + kids)) < 1e-9)
        #expect(abs(mondayTen.meanDurationMinutes - (desk * 10 + kids * 6) / (desk + kids)) < 1e-9)
        // Split by competence in proportion to load; the parts add up to the whole.
        #expect(mondayTen.byCompetence.map(\.competence) == ["childrens-lit", "reference"])
        #expect(mondayTen.byCompetence.reduce(0) { $0 + $1.required } == mondayTen.required)
    }

    @Test func theCompetenceSplitIsByLargestRemainder() {
        let s = StaffingRequirements.split(5, loads: ["a": 1, "b": 1, "c": 2, nil: 0.5])
        #expect(s.map(\.required) == [1, 1, 2, 1] && s.map(\.competence) == ["a", "b", "c", nil])
        #expect(StaffingRequirements.split(1, loads: ["a": 1, "b": 3]).map(\.required) == [0, 1])
        #expect(StaffingRequirements.split(3, loads: [:]).isEmpty)
    }
}
