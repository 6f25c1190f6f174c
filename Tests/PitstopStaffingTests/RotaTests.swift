import CbcSolving
import PitstopModel
import PitstopSimulation
import Testing

@testable import PitstopStaffing

/// Every hard rule of the rota, checked on a plan: each problem as a sentence.
func ruleBreaches(_ plan: RotaPlan, _ scenario: Scenario, _ settings: RotaSettings) -> [String] {
    var out: [String] = []
    let requirements = StaffingRequirements(scenario, demand: ExpectedDemand(scenario))
    let eligible = RotaModel.eligibleUnits(scenario, places: requirements.places)
    let placeIndex = Dictionary(uniqueKeysWithValues: requirements.places.enumerated().map { ($1, $0) })
    var byPersonDay: [String: [[PlannedShift]]] = [:]
    for s in plan.shifts { byPersonDay[s.person, default: Array(repeating: [], count: 7)][s.day.rawValue].append(s) }
    for (id, days) in byPersonDay {
        guard let member = scenario.staffMember(id) else {
            out.append("\(id) is nobody")
            continue
        }
        var minutes = 0.0
        for (d, today) in days.enumerated() where !today.isEmpty {
            let sorted = today.sorted { $0.startMinute < $1.startMinute }
            if Set(today.map(\.place.site)).count > 1 { out.append("\(id) works at two sites on day \(d)") }
            for (a, b) in zip(sorted, sorted.dropFirst()) where b.startMinute < a.endMinute {
                out.append("\(id) is in two places at once on day \(d)")
            }
            let worked = today.reduce(0) { $0 + $1.endMinute - $1.startMinute }
            minutes += Double(worked) + today.reduce(0) { $0 + $1.travelMinutes }
            if Double(worked) > scenario.staffing.maxShiftHours * 60 + 1e-9 { out.append("\(id) works \(worked) min on day \(d)") }
            let generated = sorted.filter { !$0.isFixed }
            if let first = generated.first, let last = generated.last {
                let span = last.endMinute - first.startMinute
                let covered = generated.reduce(0) { $0 + $1.endMinute - $1.startMinute }
                if covered != span { out.append("\(id)'s generated shift on day \(d) has a hole") }
                let site = scenario.site(first.place.site)
                let range = site?.staffedHours.ranges(on: first.day).first { $0.start <= first.startMinute && last.endMinute <= $0.end }
                guard let range else {
                    out.append("\(id) works outside staffed hours on day \(d)")
                    continue
                }
                let shortest = min(Int(settings.minimumShiftHours * 60), (range.end / 30 - (range.start + 29) / 30) * 30)
                if span < shortest { out.append("\(id)'s shift on day \(d) lasts \(span) min") }
            }
            for s in today where !s.isFixed {
                if s.startMinute % 30 != 0 || s.endMinute % 30 != 0 { out.append("\(id) starts off the half hour") }
                guard let place = placeIndex[s.place], let unit = member.unit, eligible[place].contains(unit),
                    scenario.workSites(of: member).contains(s.place.site)
                else {
                    out.append("\(id) is at \(s.place), not theirs")
                    continue
                }
            }
        }
        let budget = member.fte * scenario.weekHours * scenario.staffing.floorShare * 60
        if minutes > budget + 1e-6 { out.append("\(id) works \(minutes) of \(budget) minutes a week") }
        // Rest between the end of one day and the start of the next (the week wraps).
        for d in 0..<7 {
            guard let end = days[d].map(\.endMinute).max(), let start = days[(d + 1) % 7].map(\.startMinute).min() else { continue }
            if Double(start + 1440 - end) < settings.minimumRestHours * 60 { out.append("\(id) rests \(start + 1440 - end) min after day \(d)") }
        }
    }
    return out
}

@Suite struct RotaTests {
    static let settings = RotaSettings(timeLimitSeconds: 30)

    /// With enough people, the rota meets every half hour's requirement, breaking no rule.
    @Test func theRotaMeetsTheRequirementWhereverThePeopleCanCover() throws {
        let scenario = StaffingFixture.desk(perHour: 8, p: 0.5, staff: 10)
        let requirements = StaffingRequirements(scenario, demand: ExpectedDemand(scenario))
        let plan = RotaOptimiser(scenario: scenario, requirements: requirements, settings: Self.settings).plan(solver: CBCSolver())
        #expect(plan.found)
        #expect(ruleBreaches(plan, scenario, Self.settings).isEmpty, "\(ruleBreaches(plan, scenario, Self.settings))")
        #expect(plan.cover.count == requirements.intervals.count)
        for c in plan.cover {
            #expect(c.planned >= min(c.requirement.required, c.available),
                    "\(c.requirement.day) slot \(c.requirement.slot): \(c.planned) of \(c.requirement.required)")
        }
        #expect(plan.shortfallHours == 0)
        #expect(plan.stages.map(\.name) == ["shortfall", "hours", "placement"])
        // Not one hour more than needed beyond shift-length rounding: the hours stage worked.
        let required = Double(requirements.intervals.reduce(0) { $0 + $1.required }) / 2
        #expect(plan.floorHours >= required && plan.floorHours <= required * 1.3)
    }

    /// Too few people: the rota covers what they can, and says where it falls short.
    @Test func aShortRotaFallsShortWhereThePeopleRunOut() throws {
        let scenario = StaffingFixture.desk(perHour: 40, p: 0.5, staff: 3)
        let requirements = StaffingRequirements(scenario, demand: ExpectedDemand(scenario))
        let plan = RotaOptimiser(scenario: scenario, requirements: requirements, settings: Self.settings).plan(solver: CBCSolver())
        #expect(ruleBreaches(plan, scenario, Self.settings).isEmpty)
        #expect(plan.shortfallHours > 0)
        // Each of the three works their whole week: 37 hours.
        #expect(abs(plan.floorHours - 3 * 37) <= 3)
        // The most valuable half hours are covered first: the peak has someone.
        let peak = plan.cover.filter { $0.requirement.slot == 26 }
        #expect(peak.allSatisfy { $0.planned >= 1 })
    }

    /// Explicit shifts stay as they are; the person's other work that day fits around them.
    @Test func explicitShiftsAreKept() throws {
        var scenario = StaffingFixture.desk(perHour: 30, p: 0.5, staff: 6)
        scenario.staffing.shifts = [Shift(staff: ["clerk-1"], site: "lib", zone: .zone("desk"), days: DaySet([.mon, .wed]),
                                          hours: ClockRange(start: 9 * 60, end: 12 * 60))]
        let requirements = StaffingRequirements(scenario, demand: ExpectedDemand(scenario))
        let plan = RotaOptimiser(scenario: scenario, requirements: requirements, settings: Self.settings).plan(solver: CBCSolver())
        let fixed = plan.shifts.filter(\.isFixed)
        // Clipped to the staffed hours (10:00–18:00), as the simulation does.
        #expect(fixed.count == 2 && fixed.allSatisfy { $0.person == "clerk-1" && $0.startMinute == 600 && $0.endMinute == 720 })
        #expect(ruleBreaches(plan, scenario, Self.settings).isEmpty)
    }

    /// Where the staffed day is long enough for a late shift and an early one the next
    /// morning, the rest rule is there and holds; where it is not, it costs no rows.
    @Test func restBetweenDaysHoldsWhereItCouldBeBroken() throws {
        let late = StaffingFixture.desk(perHour: 20, p: 0.5, staff: 4, maxShiftHours: 8, staffedFrom: 6, staffedTo: 23)
        let settings = RotaSettings(timeLimitSeconds: 30)
        let requirements = StaffingRequirements(late, demand: ExpectedDemand(late))
        let model = RotaModel(scenario: late, requirements: requirements, settings: settings)
        let day = StaffingFixture.desk(perHour: 20, p: 0.5, staff: 4)
        let dayModel = RotaModel(scenario: day, requirements: StaffingRequirements(day, demand: ExpectedDemand(day)), settings: settings)
        #expect(model.program.rowCount > 0 && dayModel.program.rowCount > 0)
        let restRows = model.program.rows.filter { row in
            let days = Set(row.compactMap { $0.column < model.columns.count ? model.columns[$0.column].day : nil })
            return days.count == 2 && row.allSatisfy { $0.coefficient == 1 }
        }
        let dayRestRows = dayModel.program.rows.filter { row in
            Set(row.compactMap { $0.column < dayModel.columns.count ? dayModel.columns[$0.column].day : nil }).count == 2
        }
        #expect(!restRows.isEmpty && dayRestRows.isEmpty)
        let plan = RotaOptimiser(scenario: late, requirements: requirements, settings: settings).plan(solver: CBCSolver())
        #expect(ruleBreaches(plan, late, settings).isEmpty, "\(ruleBreaches(plan, late, settings))")
    }

    /// Travel to a second site counts against the week, once a day; a cap on the week's
    /// hours holds.
    @Test func travelAndTheHoursCapCount() throws {
        var scenario = StaffingFixture.desk(perHour: 30, p: 0.5, staff: 4)
        scenario.sites.append(Site(id: "annex", name: "Annex", staffedHours: StaffingFixture.hours(StaffingFixture.weekdays, 10, 18),
                                   zones: [Zone(id: "desk", name: "Desk")], travel: ["lib": 30]))
        scenario.organisation.units[0].covers.append(Coverage(site: "annex", zones: ["desk"]))
        scenario.personas[0].demand = .arrivalsPerHour(["lib": 30, "annex": 30])
        for i in scenario.staff.indices { scenario.staff[i].sites = ["lib", "annex"] }
        let settings = RotaSettings(timeLimitSeconds: 30, maximumWeeklyHours: 100)
        let requirements = StaffingRequirements(scenario, demand: ExpectedDemand(scenario))
        let plan = RotaOptimiser(scenario: scenario, requirements: requirements, settings: settings).plan(solver: CBCSolver())
        #expect(ruleBreaches(plan, scenario, settings).isEmpty, "\(ruleBreaches(plan, scenario, settings))")
        #expect(plan.floorHours <= 100 + 1e-9 && plan.floorHours > 90)
        let annexDays = Set(plan.shifts.filter { $0.place.site == "annex" }.map { "\($0.person)/\($0.day)" })
        #expect(!annexDays.isEmpty)
        #expect(abs(plan.travelHours - Double(annexDays.count) * 0.5) < 1e-9)
    }
}
