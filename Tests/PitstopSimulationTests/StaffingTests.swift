import PitstopModel
import Testing

@testable import PitstopSimulation

@Suite struct StaffingTests {
    /// Every placement in the generated rota keeps to one site per person per day,
    /// max_shift_hours a day (beyond explicit shifts), the person's work sites and the weekly
    /// budget fte × week_hours × floor_share (travel included).
    @Test(arguments: [7.5, 2.0])
    func rotaRespectsTheLimits(maxShiftHours: Double) throws {
        let scenario = Fixture.library(minStaffFamily: 2, maxShiftHours: maxShiftHours, extraStaff: 1)
        let r = Simulator(scenario).run(RunOptions(days: 14, warmupDays: 0, replications: 1, seed: 4, jobs: 1))
        #expect(!r.rota.isEmpty)
        let byPersonDay = Dictionary(grouping: r.rota) { "\($0.person)#\($0.day)" }
        for (_, rows) in byPersonDay {
            let person = rows[0].person
            let member = try #require(scenario.staffMember(person))
            #expect(Set(rows.map(\.site)).count == 1, "\(person) at two sites on day \(rows[0].day)")
            #expect(scenario.workSites(of: member).contains(rows[0].site))
            #expect(!member.isVacant)
            let explicit = person == "cai" && rows[0].day % 7 < 5 ? 240 : 0
            let minutes = rows.reduce(0) { $0 + $1.to - $1.from }
            #expect(minutes <= max(Int(maxShiftHours * 60), explicit), "\(person) \(minutes) min on day \(rows[0].day)")
            // Never twice at once.
            let sorted = rows.sorted { $0.from < $1.from }
            for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(a.to <= b.from) }
        }
        for week in 0..<2 {
            for member in scenario.staff where member.id != "cai" {
                let rows = r.rota.filter { $0.person == member.id && $0.day / 7 == week }
                let minutes = Double(rows.reduce(0) { $0 + $1.to - $1.from })
                let travelDays = Set(rows.filter { $0.site != scenario.workSites(of: member)[0] }.map(\.day)).count
                let budget = member.fte * scenario.weekHours * scenario.staffing.floorShare * 60
                #expect(minutes + Double(travelDays) * 20 <= budget + 1e-9, "\(member.id) week \(week): \(minutes) min")
            }
        }
        // Staff work only in staffed hours.
        for row in r.rota {
            let site = try #require(scenario.site(row.site))
            let ranges = site.staffedHours.ranges(on: Weekday(dayIndex: row.day))
            #expect(ranges.contains { $0.start <= row.from && row.to <= $0.end })
        }
    }

    /// A rule that cannot be met is reported with the shortfall, never hidden.
    @Test func uncoveredRuleHoursAreReported() throws {
        let scenario = Fixture.library(minStaffFamily: 5)
        let r = Simulator(scenario).run(RunOptions(days: 7, warmupDays: 0, replications: 2, seed: 4, jobs: 1))
        let family = r.coverageGaps.filter { $0.site == "main" && $0.zone == "family" }
        #expect(!family.isEmpty)
        // Weekdays only, within the rule's 14–18, and the rota plus the shortfall make min_staff.
        for gap in family {
            #expect(gap.day % 7 < 5)
            #expect(gap.from >= 840 && gap.to <= 1080 && gap.from < gap.to)
            #expect(gap.missing >= 1 && gap.missing <= 5)
            let present = r.rota.filter {
                $0.day == gap.day && $0.site == "main" && $0.zone == "family" && $0.from <= gap.from && gap.to <= $0.to
            }.count
            #expect(present + gap.missing == 5, "\(gap)")
        }
        let coverage = try #require(r.kpis["coverage_share"]?.mean)
        #expect(coverage < 1 && coverage > 0)
        #expect(r.coverageGapsCSV().hasPrefix("site,zone,day,from,to,missing\nmain,family,1 (mon),14:00,18:00,"))
        // With everybody available the fully staffable rules are covered.
        let easy = Simulator(Fixture.library(minStaffFamily: 1, extraStaff: 3))
            .run(RunOptions(days: 7, warmupDays: 0, replications: 1, seed: 4, jobs: 1))
        #expect(easy.coverageGaps.filter { $0.zone == "family" }.isEmpty)
    }

    /// Absent people skip their shifts; with everyone absent nothing is covered.
    @Test func absentStaffSkipTheirShifts() throws {
        let r = Simulator(Fixture.library(absence: 1)).run(RunOptions(days: 7, replications: 2, seed: 1, jobs: 1))
        #expect(r.rota.isEmpty)
        #expect(r.kpis["coverage_share"]?.mean == 0)
        #expect(r.kpis["staff_floor_hours"]?.mean == 0)
        // Nobody to ask: every request is given up.
        #expect(r.kpis["dialogues_served"]?.mean == 0)
        #expect(r.kpis["abandoned"]?.mean == r.kpis["dialogues_requested"]?.mean)

        // Absence at 20 %: about a fifth of person-days are lost, the same days in every run.
        let some = Simulator(Fixture.library(absence: 0.2)).run(RunOptions(days: 28, replications: 1, seed: 1, jobs: 1))
        let again = Simulator(Fixture.library(absence: 0.2)).run(RunOptions(days: 28, replications: 1, seed: 1, jobs: 1))
        #expect(some.rota == again.rota)
        let caiDays = Set(some.rota.filter { $0.person == "cai" && $0.zone == "desk" && $0.from == 600 }.map(\.day))
        #expect(caiDays.count < 20 && caiDays.count >= 10)
    }

    /// Working away from the first work site costs travel time, counted as travel hours.
    @Test func travelIsCountedOnceADay() {
        let weekdays: [Weekday] = [.mon, .tue, .wed, .thu, .fri]
        let scenario = Scenario(
            name: "Travel",
            sites: [Site(id: "a", name: "A", staffedHours: Fixture.hours(weekdays, 9, 17), zones: [Zone(id: "desk", name: "Desk")],
                         travel: ["b": 25]),
                    Site(id: "b", name: "B", staffedHours: Fixture.hours(weekdays, 9, 17), zones: [Zone(id: "desk", name: "Desk")])],
            organisation: Organisation(name: "O", units: [Unit(id: "u", name: "U", covers: [Coverage(site: "b", zones: ["desk"])])]),
            staff: [StaffMember(id: "eve", title: "Librarian", unit: "u", fte: 1, sites: ["a", "b"])],
            staffing: Staffing(floorShare: 1, maxShiftHours: 4, absenceRate: 0,
                               rules: [StaffingRule(site: "b", zone: .zone("desk"), minStaff: 1, hours: Fixture.hours(weekdays, 10, 16))]))
        let model = CompiledModel(scenario)
        var planner = RotaPlanner(model: model, seed: 1, replication: 0)
        planner.plan(day: 0, recordGaps: true)
        #expect(planner.duties.count == 1)
        #expect(planner.duties.first.map { ($0.start, $0.end) } ?? (0, 0) == (600, 840))
        #expect(planner.travelMinutes == 25)
        #expect(planner.gaps.map { ($0.start, $0.end, $0.missing) }.elementsEqual([(840, 960, 1)], by: ==))
        #expect(planner.requiredMinutes == 360 && planner.coveredMinutes == 240)
        let r = Simulator(scenario).run(RunOptions(days: 7, replications: 1, seed: 1, jobs: 1))
        #expect(abs((r.kpis["travel_hours"]?.mean ?? 0) - 5 * 25.0 / 60 / 7) < 1e-9)
        #expect(abs((r.kpis["coverage_share"]?.mean ?? 0) - 240.0 / 360) < 1e-9)
        #expect(abs((r.kpis["staff_floor_hours"]?.mean ?? 0) - 5 * 4.0 / 7) < 1e-9)
    }

    /// In self-service hours nobody can be asked: the request is given up at once.
    @Test func selfServiceRequestsAreAbandonedAtOnce() throws {
        var scenario = Fixture.mmc(lambda: 0.2, mu: 0.5, servers: 3)
        scenario.sites[0].staffedHours = Fixture.hours(Weekday.allCases, 10, 14)
        scenario.sites[0].openHours = Fixture.allWeek
        let r = Simulator(scenario).run(RunOptions(days: 7, replications: 3, seed: 2, jobs: 1))
        let requested = try #require(r.kpis["dialogues_requested"]?.mean)
        let served = try #require(r.kpis["dialogues_served"]?.mean)
        let abandoned = try #require(r.kpis["abandoned"]?.mean)
        // 4 of 24 hours staffed.
        #expect(abs(served / requested - 4.0 / 24) < 0.03)
        #expect(abs(abandoned + served - requested) < 0.5)
        // Patience is never, so every give-up was asked when nobody was on duty.
        #expect(r.kpis["unattended"]?.mean == abandoned)
        #expect(abandoned > 0)
        // Staff are on the floor only in staffed hours.
        #expect(abs((r.kpis["staff_floor_hours"]?.mean ?? 0) - 12) < 0.5)
    }

    /// At the end of a shift a staff member finishes the dialogue in hand, then leaves.
    @Test func staffFinishTheDialogueAtShiftEnd() throws {
        var scenario = Fixture.mmc(lambda: 2, mu: 1.0 / 25, servers: 1)
        scenario.personas[0].dialogue?.duration = .constant(25)
        scenario.sites[0].staffedHours = Fixture.hours(Weekday.allCases, 10, 12)
        scenario.staffing.shifts[0].hours = ClockRange(start: 600, end: 660)
        let r = Simulator(scenario).run(RunOptions(days: 4, replications: 1, seed: 2, jobs: 1))
        // Visitors come from 10:00 (seconds apart): dialogues at about 10:00, 10:25, 10:50;
        // the third runs past 11:00, to about 11:15, and the clerk stays for it.
        let floor = try #require(r.kpis["staff_floor_hours"]?.mean)
        #expect(floor > 1.25 && floor < 1.3, "\(floor)")
        #expect(try #require(r.kpis["staff_utilisation"]?.mean) > 0.97)
        #expect(r.kpis["dialogues_served"]?.mean == 3)
        // The rest waited until the staffed hours ended at 12:00, then gave up.
        let requested = try #require(r.kpis["dialogues_requested"]?.mean)
        #expect(r.kpis["abandoned"]?.mean == requested - 3)
    }

    /// A visitor turned away at the first zone leaves; later zones are skipped when full.
    @Test func turnedAwayAtTheFirstZoneLeaves() throws {
        let site = Site(id: "lib", name: "Lib", openHours: Fixture.allWeek,
                        zones: [Zone(id: "door", name: "Door", capacity: .limited(2)), Zone(id: "hall", name: "Hall"),
                                Zone(id: "nook", name: "Nook", capacity: .limited(1))])
        let persona = Persona(id: "p", name: "P", demand: .arrivalsPerHour(["lib": 60]),
                              route: [RouteStep(zone: "door", dwell: .exponential(mean: 2)),
                                      RouteStep(zone: "nook", dwell: .exponential(mean: 5)),
                                      RouteStep(zone: "hall", dwell: .constant(1))])
        let scenario = Scenario(name: "Walk", sites: [site], personas: [persona])
        let r = Simulator(scenario).run(RunOptions(days: 3, warmupDays: 1, replications: 2, seed: 8, jobs: 1))
        let visits = try #require(r.kpis["visits"]?.mean)
        let doorTurned = try #require(r.zones["lib/door"]?["turnaways"]?.mean)
        let nookTurned = try #require(r.zones["lib/nook"]?["turnaways"]?.mean)
        #expect(doorTurned > 0 && nookTurned > 0)
        let flows = try #require(r.flows["lib"])
        let intoNook = flows[ZoneLink("door", "nook")] ?? 0
        let doorToHall = flows[ZoneLink("door", "hall")] ?? 0
        let nookToHall = flows[ZoneLink("nook", "hall")] ?? 0
        // Everyone let in at the door walks on: to the nook, or past it (full) to the hall.
        #expect(abs(intoNook + doorToHall - (visits - doorTurned)) < 3)
        #expect(abs(doorToHall - nookTurned) < 3)
        #expect(abs(nookToHall - intoNook) < 3)
        #expect(flows[ZoneLink("hall", "door")] == nil)
        #expect(r.kpis["turnaways"]?.mean == doorTurned + nookTurned)
    }
}
