import PitstopModel

/// Scenario values built in Swift for the staffing tests.
enum StaffingFixture {
    static func hours(_ days: [Weekday], _ start: Int, _ end: Int) -> WeekSchedule {
        WeekSchedule(Dictionary(uniqueKeysWithValues: days.map { ($0, [ClockRange(start: start * 60, end: end * 60)]) }))
    }

    static let weekdays: [Weekday] = [.mon, .tue, .wed, .thu, .fri]

    /// A peak at 13:00: hourly weights from 08:00 to 20:00 (0 outside).
    static let peaked: [Double] = {
        var w = Array(repeating: 0.0, count: 24)
        let day: [Double] = [0.5, 0.5, 1, 2, 4, 6, 4, 2, 1, 1, 0.5, 0.5]
        for (i, x) in day.enumerated() { w[8 + i] = x }
        return w
    }()

    /// One library, one zone ("desk"), staffed Monday–Friday 10:00–18:00 and open for
    /// self-service 08:00–20:00 every weekday; walk-ins arrive at `perHour` × the peaked
    /// profile, ask at once with chance `p` for an exponential dialogue of mean `duration`
    /// minutes with exponential patience `patience` (nil: never); `staff` clerks of the
    /// desk team work there, each fte 1 with all their hours on the floor.
    static func desk(perHour: Double = 12, p: Double = 0.5, duration: Double = 10, patience: Double? = 8,
                     staff count: Int = 8, minStaff: Int = 0, maxShiftHours: Double = 7.5,
                     staffedFrom: Int = 10, staffedTo: Int = 18) -> Scenario {
        let site = Site(id: "lib", name: "Library", staffedHours: hours(weekdays, staffedFrom, staffedTo),
                        openHours: hours(weekdays, 8, 20), zones: [Zone(id: "desk", name: "Desk")])
        let persona = Persona(
            id: "walk-in", name: "Walk-in", perspective: "private", demand: .arrivalsPerHour(["lib": perHour]),
            profile: "peak", route: [RouteStep(zone: "desk", dwell: .constant(0))],
            dialogue: Dialogue(p: p, zone: "desk", competence: "reference", duration: .exponential(mean: duration),
                               patience: patience.map { .exponential(mean: $0) }))
        let staff = (1...max(1, count)).map {
            StaffMember(id: "clerk-\($0)", title: "Clerk", unit: "desk-team", fte: 1, cost: 400_000,
                        competences: $0 % 2 == 0 ? ["reference"] : [], sites: ["lib"])
        }
        var rules: [StaffingRule] = []
        if minStaff > 0 { rules.append(StaffingRule(site: "lib", zone: .zone("desk"), minStaff: minStaff)) }
        return Scenario(
            name: "Desk", perspectives: [Perspective(id: "private", name: "Private")],
            competences: [Competence(id: "reference", name: "Reference")], sites: [site],
            organisation: Organisation(name: "Org", units: [
                Unit(id: "desk-team", name: "Desk team", site: "lib", covers: [Coverage(site: "lib", zones: ["desk"])]),
            ]),
            staff: count > 0 ? staff : [],
            staffing: Staffing(floorShare: 1, maxShiftHours: maxShiftHours, absenceRate: 0, rules: rules),
            personas: [persona], profiles: [Profile(id: "peak", hours: peaked)])
    }
}
