import PitstopModel
import Testing

@testable import PitstopSimulation

/// Results by site and by hour, and the KPIs added with them, on fixtures small enough to
/// reason about.
@Suite struct SiteAndHourTests {
    /// Two sites. The library is open 08–12 and staffed 10–12 by one clerk at the desk; the
    /// annex is staffed 14–15 by another clerk and nobody comes. Early birds arrive 08–09
    /// (self-service: nobody to ask); the impatient arrive 10–11 and ask for 120 minutes,
    /// but wait at most 2: the day's first is served at once and keeps the clerk busy to
    /// past noon, everyone after gives up after exactly 2 minutes.
    static func tiny() -> Scenario {
        let days = Weekday.allCases
        let library = Site(id: "lib", name: "Library", staffedHours: Fixture.hours(days, 10, 12),
                           openHours: Fixture.hours(days, 8, 12), zones: [Zone(id: "desk", name: "Desk")])
        let annex = Site(id: "annex", name: "Annex", staffedHours: Fixture.hours(days, 14, 15),
                         zones: [Zone(id: "room", name: "Room")])
        func hourOnly(_ h: Int) -> [Double] { (0..<24).map { $0 == h ? 1 : 0 } }
        let personas = [
            Persona(id: "early", name: "Early", perspective: "early", demand: .arrivalsPerHour(["lib": 6]),
                    profile: "eight", route: [RouteStep(zone: "desk", dwell: .constant(0))],
                    dialogue: Dialogue(p: 1, zone: "desk", duration: .constant(5))),
            Persona(id: "impatient", name: "Impatient", perspective: "impatient", demand: .arrivalsPerHour(["lib": 6]),
                    profile: "ten", route: [RouteStep(zone: "desk", dwell: .constant(0))],
                    dialogue: Dialogue(p: 1, zone: "desk", duration: .constant(120), patience: .constant(2))),
        ]
        let staff = [StaffMember(id: "clerk-1", title: "Clerk", unit: "team", cost: 400_000, sites: ["lib"]),
                     StaffMember(id: "clerk-2", title: "Clerk", unit: "team", cost: 400_000, sites: ["annex"])]
        return Scenario(
            name: "Tiny", weekHours: 168,
            perspectives: [Perspective(id: "early", name: "Early"), Perspective(id: "impatient", name: "Impatient")],
            sites: [library, annex],
            organisation: Organisation(name: "Org", units: [Unit(id: "team", name: "Team", site: "lib")]),
            staff: staff,
            staffing: Staffing(floorShare: 1, maxShiftHours: 24, absenceRate: 0, shifts: [
                Shift(staff: ["clerk-1"], site: "lib", zone: .zone("desk"), days: .daily,
                      hours: ClockRange(start: 600, end: 720)),
                Shift(staff: ["clerk-2"], site: "annex", zone: .zone("room"), days: .daily,
                      hours: ClockRange(start: 840, end: 900)),
            ]),
            personas: personas,
            profiles: [Profile(id: "eight", hours: hourOnly(8)), Profile(id: "ten", hours: hourOnly(10))])
    }

    static let options = RunOptions(days: 8, warmupDays: 1, replications: 6, seed: 12, jobs: 1)

    @Test func newKPIsByHand() throws {
        let r = Simulator(Self.tiny()).run(Self.options)
        let early = try #require(r.samples.perspectives["early"])
        let impatient = try #require(r.samples.perspectives["impatient"])
        // Early birds ask in self-service hours: all unservable, all given up, none waited.
        #expect(early["unservable_share"] == Array(repeating: 1, count: 6))
        #expect(early["abandon_share"] == Array(repeating: 1, count: 6))
        #expect(early["wait_all_mean_min"] == Array(repeating: 0, count: 6))
        #expect(early["served_share"] == Array(repeating: 0, count: 6))
        #expect(early["unattended"] == early["dialogues_requested"])
        // The impatient: served at once or given up after 2 minutes, so the mean wait over
        // all requests is 2 × the share given up (and the mean wait of those served is 0).
        let abandonShare = try #require(impatient["abandon_share"])
        let waitAll = try #require(impatient["wait_all_mean_min"])
        for i in 0..<6 { #expect(abs(waitAll[i] - 2 * abandonShare[i]) < 1e-9, "replication \(i + 1)") }
        #expect(impatient["unservable_share"] == Array(repeating: 0, count: 6))
        #expect(impatient["wait_mean_min"] == Array(repeating: 0, count: 6))
        let served = try #require(impatient["dialogues_served"])
        #expect(served.allSatisfy { $0 <= 1 && $0 >= 5.0 / 7 })  // one a day (a day without any is rare)
        for i in 0..<6 {
            let requested = try #require(impatient["dialogues_requested"]?[i])
            #expect(abs(abandonShare[i] - (requested - served[i]) / requested) < 1e-12)
        }

        // Overall, unservable_share is `unattended` ÷ requested: the early birds' share of all requests.
        let all = r.samples.kpis
        for i in 0..<6 {
            let requested = try #require(all["dialogues_requested"]?[i]), unattended = try #require(all["unattended"]?[i])
            let earlyRequested = try #require(early["dialogues_requested"]?[i])
            #expect(abs((all["unservable_share"]?[i] ?? 0) - unattended / requested) < 1e-12)
            #expect(abs(unattended - earlyRequested) < 1e-12)
            // abandon_share counts the unservable too: served + given up = requested here.
            #expect(abs((all["abandon_share"]?[i] ?? 0) + (all["served_share"]?[i] ?? 0) - 1) < 1e-12)
        }
    }

    @Test func sitesHaveTheirOwnVisitorAndStaffKPIs() throws {
        let r = Simulator(Self.tiny()).run(Self.options)
        let lib = try #require(r.sites["lib"]), annex = try #require(r.sites["annex"])
        // Nobody visits the annex: it has visits (0) and staff, but no dialogue ratios.
        #expect(annex["visits"]?.mean == 0 && annex["served_share"] == nil)
        #expect(annex["staff_floor_hours"]?.mean == 1 && annex["staff_utilisation"]?.mean == 0)
        #expect(annex["coverage_share"]?.mean == 1)
        // The library: 2 hours a day plus the overrun of the day's long dialogue.
        let floor = try #require(lib["staff_floor_hours"]?.mean)
        #expect(floor > 2 && floor < 2.5)
        #expect(abs(floor + 1 - (r.kpis["staff_floor_hours"]?.mean ?? 0)) < 1e-9)
        // All visitors are at the library: its visitor KPIs are the overall ones.
        for kpi in KPIName.visitor {
            let site = try #require(lib[kpi], "\(kpi)"), overall = try #require(r.kpis[kpi], "\(kpi)")
            #expect(abs(site.mean - overall.mean) < 1e-12 && abs(site.halfWidth - overall.halfWidth) < 1e-9, "\(kpi)")
        }
        #expect(abs((lib["dialogue_hours"]?.mean ?? 0) - (r.kpis["dialogue_hours"]?.mean ?? -1)) < 1e-9)
    }

    @Test func hourlyRowsCountWhatHappenedInEachHour() throws {
        let r = Simulator(Self.tiny()).run(Self.options)
        func row(_ site: String, _ day: Weekday, _ hour: Int) throws -> HourlyRow {
            try #require(r.hourly.first { $0.site == site && $0.weekday == day && $0.hour == hour })
        }
        #expect(r.hourly.count == 2 * 7 * 24)
        #expect(r.hourly.first?.site == "lib" && r.hourly.last?.site == "annex")
        for day in Weekday.allCases {
            let eight = try row("lib", day, 8)
            #expect(eight.arrivals > 0 && eight.dialoguesRequested == eight.arrivals && eight.abandoned == eight.arrivals)
            #expect(eight.waitMeanMinutes == nil && eight.staffOnDuty == 0)
            #expect(try row("lib", day, 9).arrivals == 0)
            #expect(try row("lib", day, 10).staffOnDuty == 1 && row("lib", day, 11).staffOnDuty == 1)
            #expect(try row("lib", day, 10).waitMeanMinutes == 0)
            #expect(try row("annex", day, 14).staffOnDuty == 1 && row("annex", day, 15).staffOnDuty == 0)
            #expect(try row("lib", day, 13).occupancyMean == 0)  // closed
        }
        // Hourly arrivals add up to the visits per day.
        let measured = Double(Self.options.days - Self.options.warmupDays)
        let perDay = r.hourly.reduce(0) { $0 + $1.arrivals } / 7  // every weekday measured once
        #expect(abs(perDay - (r.kpis["visits"]?.mean ?? 0)) < 1e-9)
        #expect(measured == 7)
        let csv = r.hourlyCSV().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(csv[0] == "site,weekday,hour,arrivals,occupancy_mean,dialogues_requested,dialogues_served,abandoned,wait_mean_min,staff_on_duty")
        #expect(csv.count == 2 + 2 * 7 * 24)
        #expect(csv[1] == "lib,mon,0,0,0,0,0,0,,0")
    }

    /// On the small library: the hourly arrivals add up to the daily visits, and their shape
    /// is the profile's — each weekday-hour within four standard errors of the expected
    /// count (arrivals are Poisson: the variance of a count is its mean).
    @Test func hourlyArrivalsFollowTheProfile() throws {
        let scenario = Fixture.library()
        let options = RunOptions(days: 29, warmupDays: 1, replications: 10, seed: 31, jobs: 0)
        let r = Simulator(scenario).run(options)
        let demand = ExpectedDemand(scenario)
        let visits = try #require(r.kpis["visits"]?.mean)
        #expect(abs(r.hourly.reduce(0) { $0 + $1.arrivals } / 7 - visits) < 1e-9)
        let observations = Double(options.replications * 4)  // four of each weekday per replication
        var tested = 0
        for site in ["main", "branch"] {
            let expected = demand.arrivals(site: site)
            for row in r.hourly where row.site == site {
                let slot = ExpectedDemand.slot(row.weekday, minute: row.hour * 60)
                let mean = expected[slot] + expected[slot + 1]
                let sd = (mean / observations).squareRoot()
                #expect(abs(row.arrivals - mean) <= 4 * sd + 1e-12, "\(site) \(row.weekday) \(row.hour): \(row.arrivals) vs \(mean)")
                if mean > 0 { tested += 1 }
            }
        }
        #expect(tested == 7 * 14 + 5 * 5)  // every open hour at the main library and the branch
    }
}
