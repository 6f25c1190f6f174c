import PitstopModel

@testable import PitstopSimulation

/// Scenario values built in Swift for the simulation tests.
enum Fixture {
    static let allWeek = WeekSchedule(Dictionary(uniqueKeysWithValues: Weekday.allCases.map {
        ($0, [ClockRange(start: 0, end: 1440)])
    }))

    static func hours(_ days: [Weekday], _ start: Int, _ end: Int) -> WeekSchedule {
        WeekSchedule(Dictionary(uniqueKeysWithValues: days.map { ($0, [ClockRange(start: start * 60, end: end * 60)]) }))
    }

    /// M/M/c: one zone open and staffed around the clock, `servers` clerks always on duty,
    /// Poisson arrivals at `lambda` per minute, every visitor asks for an exponential dialogue
    /// of mean `1/mu` minutes on arrival and dwells 0 minutes, patience never.
    static func mmc(lambda: Double, mu: Double, servers: Int, name: String = "M/M/c",
                    patience: Distribution? = nil) -> Scenario {
        let staff = (1...servers).map { StaffMember(id: "clerk-\($0)", title: "Clerk", unit: "desk-team", cost: 400_000) }
        let site = Site(id: "lib", name: "Library", staffedHours: allWeek,
                        zones: [Zone(id: "desk", name: "Desk")])
        let persona = Persona(
            id: "walk-in", name: "Walk-in", perspective: "private", demand: .arrivalsPerHour(["lib": lambda * 60]),
            route: [RouteStep(zone: "desk", dwell: .constant(0))],
            dialogue: Dialogue(p: 1, zone: "desk", duration: .exponential(mean: 1 / mu), patience: patience))
        return Scenario(
            name: name, perspectives: [Perspective(id: "private", name: "Private")], sites: [site],
            organisation: Organisation(name: "Org", units: [Unit(id: "desk-team", name: "Desk", site: "lib")]),
            staff: staff,
            staffing: Staffing(floorShare: 1, maxShiftHours: 24, absenceRate: 0, shifts: [
                Shift(staff: staff.map(\.id), site: "lib", zone: .zone("desk"), days: .daily,
                      hours: ClockRange(start: 0, end: 1440)),
            ]),
            personas: [persona])
    }

    /// M/M/K/K (Erlang loss): a zone of capacity `k`, exponential dwell, no dialogue.
    static func loss(lambda: Double, meanDwell: Double, k: Int) -> Scenario {
        let site = Site(id: "lib", name: "Library", staffedHours: allWeek,
                        zones: [Zone(id: "room", name: "Room", capacity: .limited(k))])
        let persona = Persona(id: "reader", name: "Reader", demand: .arrivalsPerHour(["lib": lambda * 60]),
                              route: [RouteStep(zone: "room", dwell: .exponential(mean: meanDwell))])
        return Scenario(name: "M/M/K/K", sites: [site], staffing: Staffing(absenceRate: 0), personas: [persona])
    }
}

/// Exact Erlang C values (des-anchors §4).
struct ErlangCase {
    var name: String
    var lambda: Double
    var mu: Double
    var c: Int
    var pWait: Double
    var wq: Double
}

/// Erlang B by the recursion B₀ = 1, B_k = a B_{k−1} / (k + a B_{k−1}).
func erlangB(a: Double, k: Int) -> Double {
    var b = 1.0
    if k > 0 { for i in 1...k { b = a * b / (Double(i) + a * b) } }
    return b
}

import Foundation
import PitstopScenario
import Testing

/// Loads `Fixtures/<name>.yaml` through the scenario loader; records an issue on failure.
func loadFixture(_ name: String) -> Scenario? {
    guard let url = Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Fixtures") else {
        Issue.record("missing fixture \(name).yaml")
        return nil
    }
    let result = ScenarioLoader.load(path: url.path)
    if result.scenario == nil { Issue.record("fixture \(name).yaml: \(result.renderedDiagnostics)") }
    return result.scenario
}

extension Fixture {
    /// A small library for staffing tests: two sites 20 minutes apart, two zones at the main
    /// site with rules, a perspective unit covering both sites, a vacancy.
    static func library(minStaffFamily: Int = 1, absence: Double = 0, maxShiftHours: Double = 7.5,
                        extraStaff: Int = 0) -> Scenario {
        let weekdays: [Weekday] = [.mon, .tue, .wed, .thu, .fri]
        let main = Site(id: "main", name: "Main", staffedHours: hours(weekdays, 10, 19),
                        openHours: hours(Weekday.allCases, 8, 22),
                        zones: [Zone(id: "desk", name: "Desk"), Zone(id: "family", name: "Family", perspective: "private",
                                                                       capacity: .limited(30))],
                        travel: ["branch": 20])
        let branch = Site(id: "branch", name: "Branch", staffedHours: hours(weekdays, 12, 17),
                          zones: [Zone(id: "desk", name: "Desk")])
        var staff: [StaffMember] = [
            StaffMember(id: "anna", title: "Librarian", unit: "private-team", fte: 0.8, cost: 540_000,
                        competences: ["health-info"], sites: ["main", "branch"]),
            StaffMember(id: "bo", title: "Librarian", unit: "private-team", fte: 1.0, cost: 520_000,
                        competences: ["children"], sites: ["branch", "main"]),
            StaffMember(id: "cai", title: "Librarian", unit: "main-team", fte: 1.0, cost: 520_000, competences: []),
            StaffMember(id: "dan", title: "Librarian", unit: "main-team", fte: 0.5, cost: 300_000, competences: []),
            StaffMember(id: "vacant-sw", title: "Social worker", unit: "private-team", fte: 1, cost: 560_000,
                        isVacant: true),
        ]
        for i in 0..<extraStaff {
            staff.append(StaffMember(id: "extra-\(i + 1)", title: "Assistant", unit: "private-team", fte: 1,
                                     cost: 400_000, sites: ["main"]))
        }
        let units = [
            Unit(id: "main-team", name: "Main", site: "main"),
            Unit(id: "private-team", name: "Private", perspective: "private",
                 covers: [Coverage(site: "main", zones: ["family"]), Coverage(site: "branch", zones: ["desk"])]),
        ]
        let staffing = Staffing(
            floorShare: 0.5, maxShiftHours: maxShiftHours, absenceRate: absence,
            shifts: [Shift(staff: ["cai"], site: "main", zone: .zone("desk"), days: DaySet(Set(weekdays)),
                           hours: ClockRange(start: 600, end: 840))],
            rules: [
                StaffingRule(site: "main", zone: .zone("desk"), minStaff: 1),
                StaffingRule(site: "main", zone: .zone("family"), minStaff: minStaffFamily,
                             hours: hours(weekdays, 14, 18)),
                StaffingRule(site: "branch", zone: .zone("desk"), minStaff: 1),
            ])
        let personas = [
            Persona(id: "pregnant", name: "Den gravide", perspective: "private",
                    demand: .visitsPerYear(["main": 4000, "branch": 800]), profile: "afternoons",
                    route: [RouteStep(zone: "desk", dwell: .constant(1)),
                            RouteStep(zone: "family", dwell: .lognormal(mean: 25, sd: 10)),
                            RouteStep(zone: "desk", dwell: .exponential(mean: 2), p: 0.3)],
                    dialogue: Dialogue(p: 0.4, zone: "family", competence: "health-info",
                                       duration: .exponential(mean: 10), patience: .exponential(mean: 8))),
            Persona(id: "student", name: "Student", perspective: "learning",
                    demand: .arrivalsPerHour(["main": 6]),
                    route: [RouteStep(zone: "desk", dwell: .uniform(20, 60))],
                    dialogue: Dialogue(p: 0.2, zone: "desk", duration: .triangular(min: 2, mode: 4, max: 12),
                                       patience: .normal(mean: 10, sd: 3))),
        ]
        return Scenario(
            name: "Small library", perspectives: [Perspective(id: "private", name: "Private"),
                                                  Perspective(id: "learning", name: "Learning")],
            competences: [Competence(id: "health-info", name: "Health"), Competence(id: "children", name: "Children")],
            sites: [main, branch], organisation: Organisation(name: "Libraries", units: units), staff: staff,
            staffing: staffing, personas: personas,
            profiles: [Profile(id: "afternoons", hours: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 3, 4, 4, 4, 3, 2, 1, 1, 0, 0, 0],
                               days: [1, 1, 1, 1, 1, 0.7, 0.4])])
    }
}
