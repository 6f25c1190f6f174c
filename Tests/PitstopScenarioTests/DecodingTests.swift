import Foundation
import PitstopModel
import Testing

@testable import PitstopScenario

/// Valid scenarios decode into the expected values.
@Suite struct DecodingTests {
    func load(_ yaml: String) throws -> Scenario {
        let result = ScenarioLoader.load(yaml: yaml, path: "test.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)")
        return try #require(result.scenario)
    }

    func minutes(_ text: String) -> ClockRange {
        ClockRange(parsing: text) ?? ClockRange(start: 0, end: 1)
    }

    @Test func completeSmallScenarioDecodesToTheExpectedValues() throws {
        let result = ScenarioLoader.load(path: fixture("docs-example.yaml").path)
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)")
        let s = try #require(result.scenario)

        #expect(s.name == "Little library")
        #expect(s.description == "One main library and a branch, with a children's pitstop.")
        #expect(s.currency == "DKK")
        #expect(s.weekHours == 37)
        #expect(s.perspectives == [
            Perspective(id: "private", name: "Det private menneske", colour: "#E07A5F"),
            Perspective(id: "citizen", name: "Borgeren"),
        ])
        #expect(s.competences.map(\.id) == ["children-literature", "reference"])
        #expect(s.competences[0].name == "Børnelitteratur")

        let main = try #require(s.site("main"))
        #expect(main.name == "Hovedbiblioteket")
        #expect(main.staffedHours.ranges(on: .mon) == [minutes("10:00-19:00")])
        #expect(main.staffedHours.ranges(on: .sat) == [minutes("10:00-14:00")])
        #expect(main.staffedHours.ranges(on: .sun) == [])
        #expect(main.openHours.ranges(on: .sun) == [minutes("08:00-22:00")])
        #expect(main.floor == Floor(width: 40, depth: 20))
        #expect(main.zones.map(\.id) == ["entrance", "family", "desk"])
        #expect(main.zones[0].capacity == .unlimited)
        #expect(main.zones[1] == Zone(
            id: "family", name: "Børnefamiliens pitstop", perspective: "private", capacity: .limited(30),
            at: Point(x: 10, y: 0), size: Point(x: 15, y: 12)))
        #expect(main.links == [ZoneLink("entrance", "family"), ZoneLink("entrance", "desk")])
        #expect(main.travel == ["branch": 20])
        let branch = try #require(s.site("branch"))
        #expect(branch.openHours.ranges(on: .sat) == [minutes("07:00-22:00")])
        #expect(branch.openHours.ranges(on: .sun) == [minutes("10:00-16:00")])

        #expect(s.organisation.name == "Bibliotekerne")
        #expect(s.organisation.leaderForum == LeaderForum(name: "Lederforum", chair: "director", members: ["head-main"]))
        #expect(s.organisation.units == [
            Unit(id: "main-team", name: "Hovedbiblioteket", site: "main", lead: "head-main",
                 covers: [Coverage(site: "main", zones: ["desk", "entrance"])]),
            Unit(id: "family-team", name: "Børnefamilier", perspective: "private", lead: "anna", parent: "main-team",
                 covers: [Coverage(site: "main", zones: ["family"]), Coverage(site: "branch", zones: ["family"])]),
        ])

        #expect(s.staff.map(\.id) == ["director", "head-main", "anna", "lib-main-1", "lib-main-2", "lib-main-3", "educator"])
        #expect(s.staffMember("anna") == StaffMember(
            id: "anna", name: "Anna Berg", title: "Børnebibliotekar", profession: "librarian", unit: "family-team",
            fte: 0.8, cost: 540000, competences: ["children-literature"], sites: ["main", "branch"]))
        #expect(s.staffMember("head-main")?.fte == 1.0)
        #expect(s.staffMember("educator")?.isVacant == true)
        #expect(s.staffMember("educator")?.name == nil)

        #expect(s.staffing.floorShare == 0.5)
        #expect(s.staffing.maxShiftHours == 7.5)
        #expect(s.staffing.absenceRate == 0.04)
        #expect(s.staffing.shifts == [
            Shift(staff: ["lib-main-1", "lib-main-2", "lib-main-3"], site: "main", zone: .zone("desk"),
                  days: DaySet([.mon, .tue, .wed, .thu, .fri]), hours: minutes("10:00-14:00")),
            Shift(staff: ["anna"], site: "branch", zone: .roving, days: DaySet([.mon, .wed]), hours: minutes("13:00-18:00")),
        ])
        let rule = try #require(s.staffing.rules.first)
        #expect(rule.site == "main")
        #expect(rule.zone == .zone("family"))
        #expect(rule.minStaff == 1)
        #expect(rule.by == ["family-team"])
        #expect(rule.hours?.ranges(on: .fri) == [minutes("14:00-18:00")])
        #expect(rule.hours?.ranges(on: .sat) == [])

        let family = try #require(s.personas.first)
        #expect(family.demand == .visitsPerYear(["main": 6000, "branch": 1500]))
        #expect(family.profile == "afternoons")
        #expect(family.route == [RouteStep(zone: "family", dwell: .lognormal(mean: 30, sd: 15))])
        #expect(family.dialogue == Dialogue(
            p: 0.3, zone: "family", competence: "children-literature", duration: .exponential(mean: 8),
            patience: .exponential(mean: 10)))
        let errand = s.personas[1]
        #expect(errand.demand == .arrivalsPerHour(["main": 4]))
        #expect(errand.profile == nil)
        #expect(errand.route == [
            RouteStep(zone: "entrance", dwell: .constant(1)),
            RouteStep(zone: "desk", dwell: .uniform(2, 6)),
            RouteStep(zone: "family", dwell: .exponential(mean: 10), p: 0.1),
        ])
        #expect(errand.dialogue?.patience == nil)
        #expect(errand.dialogue?.duration == .triangular(min: 2, mode: 5, max: 15))

        let profile = try #require(s.profile("afternoons"))
        #expect(profile.hours.count == 24)
        #expect(profile.hours[13] == 3)
        #expect(profile.days == [1, 1, 1, 1, 1, 0.7, 0.4])

        #expect(s.simulation == SimulationSettings(days: 28, warmupDays: 0, replications: 20, seed: 2339))
    }

    @Test func groupsExpandIntoNumberedPositionsAndShiftsExpandGroupIDs() throws {
        let s = try load(
            minimalHeader + """
                sites:
                  - id: main
                    zones:
                      - { id: desk, at: [0, 0], size: [5, 5] }
                staff:
                  - { id: lib-main, title: Bibliotekar, count: 6, fte: 0.5, cost: 520000, competences: [] }
                  - { id: open, title: Pædagog, count: 2, vacant: true }
                  - { id: anna, name: Anna }
                staffing:
                  shifts:
                    - { staff: [anna, lib-main], site: main, zone: desk, hours: "10:00-12:00", days: sat }
                """)
        #expect(s.staff.map(\.id) == ["lib-main-1", "lib-main-2", "lib-main-3", "lib-main-4", "lib-main-5", "lib-main-6", "open-1", "open-2", "anna"])
        #expect(s.staff.prefix(6).allSatisfy { $0.group == "lib-main" && $0.title == "Bibliotekar" && $0.fte == 0.5 && $0.name == nil })
        #expect(s.staff[6].group == "open")
        #expect(s.staff[6].isVacant)
        #expect(s.staff[8].group == nil)
        #expect(s.staffing.shifts[0].staff == ["anna", "lib-main-1", "lib-main-2", "lib-main-3", "lib-main-4", "lib-main-5", "lib-main-6"])
    }

    @Test func aLaterMoreSpecificDayKeyWins() throws {
        let s = try load(
            minimalHeader + """
                sites:
                  - id: a
                    open_hours: { daily: "08:00-22:00", sun: "10:00-16:00" }
                  - id: b
                    open_hours: { sun: "10:00-16:00", daily: "08:00-22:00" }
                  - id: c
                    open_hours: { mon-fri: "09:00-17:00", wed-sun: "12:00-13:00" }
                  - id: d
                    open_hours: { weekdays: "09:00-17:00", weekend: closed, fri: ["09:00-12:00", "13:00-15:00"] }
                """)
        for id in ["a", "b"] {
            let hours = try #require(s.site(id)).openHours
            #expect(hours.ranges(on: .sun) == [minutes("10:00-16:00")], "site \(id)")
            #expect(hours.ranges(on: .sat) == [minutes("08:00-22:00")], "site \(id)")
        }
        let c = try #require(s.site("c")).openHours
        #expect(c.ranges(on: .tue) == [minutes("09:00-17:00")])
        #expect(c.ranges(on: .wed) == [minutes("12:00-13:00")])
        #expect(c.ranges(on: .sun) == [minutes("12:00-13:00")])
        let d = try #require(s.site("d")).openHours
        #expect(d.ranges(on: .mon) == [minutes("09:00-17:00")])
        #expect(d.ranges(on: .fri) == [minutes("09:00-12:00"), minutes("13:00-15:00")])
        #expect(d.ranges(on: .sat) == [])
    }

    @Test func profileDaysLeftOutWeighZeroAndNoDaysWeighOne() throws {
        let hours = "[0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]"
        let s = try load(
            minimalHeader + """
                profiles:
                  - id: weekdays
                    hours: \(hours)
                    days: { mon-fri: 1, sat: 0.5 }
                  - id: every-day
                    hours: \(hours)
                """)
        #expect(s.profile("weekdays")?.days == [1, 1, 1, 1, 1, 0.5, 0])
        #expect(s.profile("every-day")?.days == [1, 1, 1, 1, 1, 1, 1])
    }

    @Test func defaultsApplyWhenKeysAreLeftOut() throws {
        let s = try load(
            minimalHeader + """
                sites:
                  - id: main
                    zones:
                      - { id: hall, at: [0, 0], size: [4, 3] }
                staff:
                  - { id: anna, name: Anna }
                staffing:
                  rules:
                    - { site: main, zone: hall }
                personas:
                  - id: p
                    arrivals_per_hour: { main: 1 }
                    route: [{ zone: hall, dwell: 5 }]
                    dialogue: { zone: hall, duration: exp(3) }
                """)
        #expect(s.currency == "DKK")
        #expect(s.weekHours == 37)
        #expect(s.organisation.name == "Test")
        #expect(s.staff[0].fte == 1.0)
        #expect(s.staff[0].cost == 0)
        #expect(s.staff[0].sites == [])
        #expect(s.site("main")?.zone("hall")?.capacity == .unlimited)
        #expect(s.site("main")?.name == "main")
        #expect(s.site("main")?.floor == Floor(width: 4, depth: 3))
        #expect(s.staffing == Staffing(floorShare: 0.5, maxShiftHours: 7.5, absenceRate: 0.04, rules: [
            StaffingRule(site: "main", zone: .zone("hall"), minStaff: 1, hours: nil, by: [])
        ]))
        #expect(s.personas[0].route == [RouteStep(zone: "hall", dwell: .constant(5), p: 1)])
        #expect(s.personas[0].dialogue == Dialogue(p: 1, zone: "hall", duration: .exponential(mean: 3), patience: nil))
        #expect(s.simulation == SimulationSettings())
    }

    @Test func numbersMayBeWrittenAsIntegersOrFloats() throws {
        let s = try load(
            """
            format: 1.0
            name: Numbers
            week_hours: 37.5
            sites:
              - id: main
                floor: { width: 10.5, depth: 8 }
                zones:
                  - { id: hall, capacity: 12.0, at: [0.5, 0], size: [10, 8.0] }
            staff:
              - { id: a, name: A, fte: 1, cost: 520_000 }
            simulation: { days: 7.0, replications: 3, seed: 18446744073709551615 }
            """)
        #expect(s.weekHours == 37.5)
        #expect(s.site("main")?.zone("hall")?.capacity == .limited(12))
        #expect(s.site("main")?.zone("hall")?.at == Point(x: 0.5, y: 0))
        #expect(s.staff[0].cost == 520000)
        #expect(s.simulation.days == 7)
        #expect(s.simulation.seed == UInt64.max)
    }

    @Test func namesKeepAnyUnicodeAndTimesAreNotSexagesimal() throws {
        let s = try load(
            """
            format: 1
            name: "Børnefamilien <&> \\"citat\\""
            sites:
              - id: main
                name: Den forurettede — 'quoted' & <tagged>
                staffed_hours: { mon: 10:00-19:00 }
            """)
        #expect(s.name == "Børnefamilien <&> \"citat\"")
        #expect(s.site("main")?.name == "Den forurettede — 'quoted' & <tagged>")
        #expect(s.site("main")?.staffedHours.ranges(on: .mon) == [minutes("10:00-19:00")])
    }

    @Test func zoneRovingAndRovingTrueBothMeanRoving() throws {
        let s = try load(
            minimalHeader + """
                sites:
                  - id: main
                    zones:
                      - { id: hall, at: [0, 0], size: [4, 3] }
                staff:
                  - { id: anna, name: Anna }
                staffing:
                  shifts:
                    - { staff: anna, site: main, zone: roving, days: mon, hours: "10:00-11:00" }
                    - { staff: [anna], site: main, roving: true, days: tue, hours: "10:00-11:00" }
                """)
        #expect(s.staffing.shifts.map(\.zone) == [.roving, .roving])
    }

    /// How fast it loads is measured by `make bench` (Tests/Benchmarks/load.sh), not here.
    @Test func aScenarioOfSixtyStaffAndSixteenPersonasLoadsWithoutDiagnostics() throws {
        let result = ScenarioLoader.load(yaml: Self.largeScenario(staff: 60, personas: 16), path: "large.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)")
        #expect(result.scenario?.staff.count == 60)
        #expect(result.scenario?.personas.count == 16)
    }

    /// A scenario the size of the bundled ones: 3 sites, 60 staff, 16 personas.
    static func largeScenario(staff: Int, personas: Int) -> String {
        var y = """
            format: 1
            name: Large
            perspectives:
              - { id: private, name: Privat }
              - { id: citizen, name: Borger }
            competences:
              - { id: reference, name: Reference }
              - { id: children, name: Børn }
            sites:

            """
        let sites = ["main", "north", "south"]
        for site in sites {
            y += """
                  - id: \(site)
                    name: Site \(site)
                    staffed_hours: { mon-fri: "10:00-19:00", sat: "10:00-14:00" }
                    open_hours: { daily: "08:00-22:00" }
                    floor: { width: 60, depth: 40 }
                    zones:
                      - { id: entrance, name: Entrance, capacity: unlimited, at: [0, 0], size: [10, 40] }
                      - { id: family, name: Family, perspective: private, capacity: 40, at: [10, 0], size: [20, 12] }
                      - { id: desk, name: Desk, perspective: citizen, capacity: 10, at: [30, 0], size: [10, 10] }
                      - { id: quiet, name: Quiet, capacity: 20, at: [40, 0], size: [20, 20] }
                    links: [[entrance, family], [entrance, desk], [desk, quiet]]
                    travel: { main: 20 }

                """
        }
        y += """
            organisation:
              name: Org
              leader_forum: { name: Forum, chair: director, members: [head-main, head-north, head-south] }
              units:

            """
        for site in sites {
            y += "    - { id: \(site)-team, name: Team \(site), site: \(site), lead: head-\(site), covers: [{ site: \(site), zones: [entrance, family, desk, quiet] }] }\n"
        }
        y += "staff:\n  - { id: director, name: Director, title: Director, cost: 900000 }\n"
        for site in sites { y += "  - { id: head-\(site), name: Head \(site), title: Head, unit: \(site)-team, cost: 700000 }\n" }
        let perSite = (staff - 1 - sites.count) / sites.count
        for (index, site) in sites.enumerated() {
            let count = index == sites.count - 1 ? staff - 1 - sites.count - perSite * (sites.count - 1) : perSite
            for n in 1...count {
                y += "  - { id: \(site)-\(n), name: Person \(site) \(n), title: Librarian, unit: \(site)-team, fte: 0.8, cost: 500000, competences: [reference, children] }\n"
            }
        }
        y += "staffing:\n  shifts:\n"
        for site in sites {
            y += "    - { staff: [\(site)-1, \(site)-2], site: \(site), zone: desk, days: mon-fri, hours: \"10:00-14:00\" }\n"
        }
        y += "  rules:\n"
        for site in sites { y += "    - { site: \(site), zone: family, min_staff: 1, by: [\(site)-team] }\n" }
        y += "personas:\n"
        for p in 1...personas {
            y += """
                  - id: persona-\(p)
                    name: Persona \(p)
                    perspective: private
                    visits_per_year: { main: \(1000 * p), north: 300, south: 200 }
                    profile: afternoons
                    route:
                      - { zone: entrance, dwell: const(1) }
                      - { zone: family, dwell: lognormal(25, 10) }
                      - { zone: quiet, dwell: exp(15), p: 0.3 }
                    dialogue: { p: 0.4, zone: family, competence: children, duration: exp(10), patience: exp(8) }

                """
        }
        y += """
            profiles:
              - id: afternoons
                hours: [0,0,0,0,0,0,0,0,1,1,2,2,2,3,4,4,4,3,2,1,1,0,0,0]
                days: { mon-fri: 1, sat: 0.7, sun: 0.4 }
            simulation: { days: 28, warmup_days: 0, replications: 20, seed: 2339 }

            """
        return y
    }

    @Test func commasInsideParenthesesSurviveInNamesAndFlowMappings() throws {
        let s = try load(
            minimalHeader + """
                perspectives:
                  - id: children
                    name: Børn (0, 6 år)
                  - { id: youth, name: Unge (13, 17 år) }
                  - { id: adults, name: "Voksne (18, 99)" }
                """)
        #expect(s.perspectives.map(\.name) == ["Børn (0, 6 år)", "Unge (13, 17 år)", "Voksne (18, 99)"])
    }
}
