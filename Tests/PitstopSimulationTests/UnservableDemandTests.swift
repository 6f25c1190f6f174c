import PitstopModel
import Testing

@testable import PitstopSimulation

@Suite struct UnservableDemandTests {
    /// The tiny two-site fixture: early birds ask in self-service hours (08–09), the
    /// impatient while the clerk is on duty (10–11), six an hour each.
    @Test func requestsInSelfServiceHoursCanNeverBeServed() throws {
        let never = UnservableDemand(SiteAndHourTests.tiny())
        #expect(abs(never.overall.requestsPerWeek - 2 * 6 * 7) < 1e-9)
        #expect(abs((never.share ?? 0) - 0.5) < 1e-12)
        #expect(abs((never.highestServedShare ?? 0) - 0.5) < 1e-12)
        #expect(never.personas.map(\.persona) == ["early", "impatient"])
        #expect(never.personas[0].share == 1 && never.personas[1].share == 0)
        #expect(never.personas[0].highestServedShare == 0)
    }

    /// Nobody rostered in the zone, or nobody for the rest of the day, is never servable;
    /// someone roving at the site, or someone still to come on duty that day, is.
    @Test func theRotaDecidesWhereAndUntilWhenARequestCanBeHeard() throws {
        var s = SiteAndHourTests.tiny()
        s.personas.removeFirst()  // only the impatient, 10–11
        // The clerk works 09:00–10:30: requests after 10:30 find nobody for the rest of the day.
        s.sites[0].staffedHours = Fixture.hours(Weekday.allCases, 9, 12)
        s.staffing.shifts[0].hours = ClockRange(start: 540, end: 630)
        #expect(abs((UnservableDemand(s).share ?? 0) - 0.5) < 1e-12)
        // … 11:00–12:00: they wait for the clerk, so they are servable (patience permitting).
        s.staffing.shifts[0].hours = ClockRange(start: 660, end: 720)
        #expect(UnservableDemand(s).share == 0)
        // In another zone: nobody is ever in the desk zone.
        s.sites[0].zones.append(Zone(id: "corner", name: "Corner"))
        s.staffing.shifts[0].zone = .zone("corner")
        #expect(UnservableDemand(s).share == 1)
        // Roving at the site covers every zone.
        s.staffing.shifts[0].zone = .roving
        #expect(UnservableDemand(s).share == 0)
        // A rule fills in when no shift does (the generated rota, before absence).
        s.staffing.shifts = []
        s.staffing.absenceRate = 0.9
        s.staffing.rules = [StaffingRule(site: "lib", zone: .zone("desk"), minStaff: 1,
                                         hours: Fixture.hours(Weekday.allCases, 10, 11))]
        #expect(UnservableDemand(s).share == 0)
        #expect(abs((UnservableDemand(s).personas.first?.requestsPerWeek ?? 0) - 42) < 1e-9)
    }

    /// With no absence the simulation's unservable_share estimates the same number: on the
    /// small library (self-service evenings and weekends, rules that leave hours uncovered).
    @Test func theSimulationAgreesWithoutAbsence() throws {
        var scenario = Fixture.library()
        scenario.sites[0].zones[1].capacity = .unlimited
        let never = UnservableDemand(scenario)
        let share = try #require(never.share)
        #expect(share > 0.2 && share < 0.8)
        let r = Simulator(scenario).run(RunOptions(days: 29, warmupDays: 1, replications: 10, seed: 4, jobs: 0))
        let simulated = try #require(r.kpis["unservable_share"])
        #expect(simulated.ci95[0] <= share && share <= simulated.ci95[1], "\(simulated) vs \(share)")
        for part in never.personas {
            let e = try #require(r.personas[part.persona]?["unservable_share"])
            let expected = try #require(part.share)
            #expect(e.ci95[0] - 1e-9 <= expected && expected <= e.ci95[1] + 1e-9, "\(part.persona): \(e) vs \(expected)")
        }
    }
}
