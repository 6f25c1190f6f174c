import PitstopModel
import Testing

/// What changed between two scenarios: every input, as `path: from → to` in `--set` syntax.
@Suite struct InputChangeTests {
    static func hours(_ text: String) -> [ClockRange] { [ClockRange(parsing: text) ?? ClockRange(start: 0, end: 1)] }

    /// A small scenario with something in every section.
    static let base: Scenario = {
        var s = Scenario(name: "Base", description: "Two sites")
        s.perspectives = [Perspective(id: "private", name: "Privat", colour: "#E07A5F")]
        s.competences = [Competence(id: "reference", name: "Reference")]
        var main = Site(id: "main", name: "Main", floor: Floor(width: 30, depth: 10))
        main.staffedHours = WeekSchedule([.mon: hours("10:00-19:00"), .sat: hours("10:00-14:00")])
        main.openHours = WeekSchedule([.sun: hours("08:00-22:00")])
        main.zones = [
            Zone(id: "desk", name: "Desk", capacity: .limited(5), at: Point(x: 0, y: 0), size: Point(x: 10, y: 10)),
            Zone(id: "family", name: "Family", perspective: "private", capacity: .unlimited, at: Point(x: 10, y: 0), size: Point(x: 10, y: 10)),
        ]
        main.links = [ZoneLink("desk", "family")]
        main.travel = ["branch": 20]
        s.sites = [main, Site(id: "branch", name: "Branch")]
        s.organisation = Organisation(
            name: "Org", leaderForum: LeaderForum(name: "Forum", chair: "boss", members: ["anna"]),
            units: [Unit(id: "team", name: "Team", site: "main", lead: "boss", covers: [Coverage(site: "main", zones: ["desk"])])])
        s.staff = [
            StaffMember(id: "boss", name: "Bo", title: "Leader", unit: "team", cost: 700_000),
            StaffMember(id: "anna", name: "Anna", title: "Librarian", unit: "team", fte: 0.8, cost: 500_000, competences: ["reference"]),
            StaffMember(id: "lib-1", title: "Librarian", unit: "team", cost: 480_000, group: "lib"),
            StaffMember(id: "lib-2", title: "Librarian", unit: "team", cost: 480_000, group: "lib"),
        ]
        s.staffing = Staffing(
            shifts: [
                Shift(staff: ["lib-1", "lib-2"], site: "main", zone: .zone("desk"), days: DaySet([.mon, .tue, .wed, .thu, .fri]), hours: hours("10:00-14:00")[0]),
                Shift(staff: ["anna"], site: "main", zone: .roving, days: DaySet([.sat]), hours: hours("10:00-12:00")[0], id: "sat"),
            ],
            rules: [StaffingRule(site: "main", zone: .zone("family"), minStaff: 1, id: "family")])
        s.personas = [
            Persona(
                id: "reader", name: "Reader", perspective: "private", demand: .visitsPerYear(["main": 4000]), profile: "day",
                route: [RouteStep(zone: "desk", dwell: .exponential(mean: 5)), RouteStep(zone: "family", dwell: .constant(2), p: 0.5)],
                dialogue: Dialogue(p: 0.4, zone: "desk", competence: "reference", duration: .exponential(mean: 8)))
        ]
        s.profiles = [Profile(id: "day", hours: Array(repeating: 1, count: 24), days: [1, 1, 1, 1, 1, 0.7, 0])]
        return s
    }()

    /// The changes from the base to the base changed by `change`.
    func changes(_ change: (inout Scenario) -> Void) -> [String] {
        var other = Self.base
        change(&other)
        return Self.base.inputChanges(to: other).map(\.description)
    }

    @Test func aScenarioAgainstItselfDiffersInNothing() {
        #expect(!Self.base.staff.isEmpty && !Self.base.personas.isEmpty)
        #expect(Self.base.inputChanges(to: Self.base) == [])
    }

    @Test func topLevelValues() {
        #expect(
            changes {
                $0.name = "Other"
                $0.description = nil
                $0.currency = "EUR"
                $0.weekHours = 37.5
            } == ["name: Base → Other", "description: Two sites → none", "currency: DKK → EUR", "week_hours: 37 → 37.5"])
    }

    @Test func perspectivesAndCompetences() {
        #expect(
            changes {
                $0.perspectives[0].colour = nil
                $0.competences.append(Competence(id: "health", name: "Sundhed"))
            } == ["perspectives.private.colour: #E07A5F → none", "competences.health: – → Sundhed"])
    }

    @Test func hoursDayByDay() {
        #expect(
            changes {
                $0.sites[0].staffedHours.set(Self.hours("10:00-16:00"), on: .sat)
                $0.sites[0].staffedHours.set([], on: .mon)
                $0.sites[0].openHours.set(Self.hours("08:00-12:00") + Self.hours("13:00-20:00"), on: .sun)
            } == [
                "sites.main.staffed_hours.mon: 10:00-19:00 → closed",
                "sites.main.staffed_hours.sat: 10:00-14:00 → 10:00-16:00",
                "sites.main.open_hours.sun: 08:00-22:00 → 08:00-12:00, 13:00-20:00",
            ])
    }

    @Test func floorsZonesLinksAndTravel() {
        #expect(
            changes {
                $0.sites[0].floor.width = 40
                $0.sites[0].zones[0].capacity = .unlimited
                $0.sites[0].zones[1].perspective = nil
                $0.sites[0].zones[1].at = Point(x: 12, y: 0)
                $0.sites[0].zones[1].size = Point(x: 8, y: 10)
                $0.sites[0].zones.append(Zone(id: "cafe", name: "Café"))
                $0.sites[0].links = [ZoneLink("family", "desk"), ZoneLink("family", "cafe")]
                $0.sites[0].travel = ["branch": 25]
            } == [
                "sites.main.floor.width: 30 → 40",
                "sites.main.zones.desk.capacity: 5 → unlimited",
                "sites.main.zones.family.perspective: private → none",
                "sites.main.zones.family.at: [10, 0] → [12, 0]",
                "sites.main.zones.family.size: [10, 10] → [8, 10]",
                "sites.main.zones.cafe: – → Café",
                "sites.main.links: desk–family → cafe–family, desk–family",
                "sites.main.travel.branch: 20 → 25",
            ])
    }

    @Test func sitesAddedAndRemoved() {
        #expect(changes { $0.sites.removeLast() } == ["sites.branch: Branch → –"])
    }

    @Test func theOrganisation() {
        #expect(
            changes {
                $0.organisation.leaderForum?.chair = "anna"
                $0.organisation.leaderForum?.members = []
                $0.organisation.units[0].site = nil
                $0.organisation.units[0].perspective = "private"
                $0.organisation.units[0].lead = "anna"
                $0.organisation.units[0].parent = "top"
                $0.organisation.units[0].covers.append(Coverage(site: "main", zones: ["family"]))
            } == [
                "organisation.leader_forum.chair: boss → anna",
                "organisation.leader_forum.members: anna → none",
                "organisation.units.team.site: main → none",
                "organisation.units.team.perspective: none → private",
                "organisation.units.team.lead: boss → anna",
                "organisation.units.team.parent: none → top",
                "organisation.units.team.covers: main: desk → main: desk; main: family",
            ])
        #expect(changes { $0.organisation.leaderForum = nil } == ["organisation.leader_forum: Forum (chair boss; anna) → –"])
    }

    @Test func staffAsWrittenWithGroupsByTheirCount() {
        #expect(
            changes {
                $0.staff[1].unit = nil
                $0.staff[1].manager = "boss"
                $0.staff[1].fte = 1
                $0.staff[1].cost = 520_000
                $0.staff[1].competences = []
                $0.staff[1].sites = ["main", "branch"]
                $0.staff[0].isVacant = true
                $0.staff.append(StaffMember(id: "lib-3", title: "Librarian", unit: "team", cost: 480_000, group: "lib"))
                $0.staffing.shifts[0].staff.append("lib-3")  // a shift naming the group holds all its positions
                $0.staff.append(StaffMember(id: "dina", name: "Dina", title: "Educator"))
            } == [
                "staff.boss.vacant: false → true",
                "staff.anna.unit: team → none",
                "staff.anna.manager: none → boss",
                "staff.anna.fte: 0.8 → 1",
                "staff.anna.cost: 500000 → 520000",
                "staff.anna.competences: reference → none",
                "staff.anna.sites: none → main, branch",
                "staff.lib.count: 2 → 3",
                "staff.dina: – → Dina (Educator)",
            ])
    }

    @Test func shiftsAndRulesByIDOrWhole() {
        #expect(
            changes {
                $0.staffing.floorShare = 0.6
                $0.staffing.absenceRate = 0
                $0.staffing.shifts[0].hours = Self.hours("10:00-15:00")[0]
                $0.staffing.shifts[1].days = DaySet([.sat, .sun])
                $0.staffing.rules[0].minStaff = 2
                $0.staffing.rules[0].hours = WeekSchedule([.mon: Self.hours("14:00-18:00")])
            } == [
                "staffing.floor_share: 0.5 → 0.6",
                "staffing.absence_rate: 0.04 → 0",
                "staffing.shifts.sat.days: sat → sat-sun",
                "staffing.shifts: lib at main/desk, mon-fri 10:00-14:00 → –",
                "staffing.shifts: – → lib at main/desk, mon-fri 10:00-15:00",
                "staffing.rules.family.min_staff: 1 → 2",
                // Without hours of its own a rule follows the site's staffed hours.
                "staffing.rules.family.hours.mon: 10:00-19:00 → 14:00-18:00",
                "staffing.rules.family.hours.sat: 10:00-14:00 → closed",
            ])
    }

    @Test func theDispatchPolicyIsAnInput() {
        #expect(
            changes {
                $0.staffing.dispatch = .competenceFirst
                $0.staffing.maxWaitMinutes = 5
            } == ["staffing.dispatch: fcfs → competence-first", "staffing.max_wait: 10 → 5"])
    }

    @Test func personasRoutesAndDialogues() {
        #expect(
            changes {
                $0.personas[0].demand = .visitsPerYear(["main": 5000, "branch": 100])
                $0.personas[0].profile = nil
                $0.personas[0].route[1].p = 0.3
                $0.personas[0].route[1].dwell = .lognormal(mean: 25, sd: 10)
                $0.personas[0].route.append(RouteStep(zone: "cafe", dwell: .uniform(5, 20), p: 0.2))
                $0.personas[0].dialogue?.p = 0.5
                $0.personas[0].dialogue?.competence = nil
                $0.personas[0].dialogue?.duration = .triangular(min: 2, mode: 5, max: 15)
                $0.personas[0].dialogue?.patience = .exponential(mean: 5)
            } == [
                "personas.reader.visits_per_year.branch: none → 100",
                "personas.reader.visits_per_year.main: 4000 → 5000",
                "personas.reader.profile: day → flat",
                "personas.reader.route.2.dwell: const(2) → lognormal(25, 10)",
                "personas.reader.route.2.p: 0.5 → 0.3",
                "personas.reader.route.3: – → cafe uniform(5, 20) p 0.2",
                "personas.reader.dialogue.p: 0.4 → 0.5",
                "personas.reader.dialogue.competence: reference → none",
                "personas.reader.dialogue.duration: exp(8) → triangular(2, 5, 15)",
                "personas.reader.dialogue.patience: never → exp(5)",
            ])
        #expect(
            changes {
                $0.personas[0].demand = .arrivalsPerHour(["main": 2])
                $0.personas[0].dialogue = nil
            } == [
                "personas.reader.visits_per_year.main: 4000 → none",
                "personas.reader.arrivals_per_hour.main: none → 2",
                "personas.reader.dialogue: p 0.4 at desk, reference, duration exp(8), patience never → –",
            ])
    }

    @Test func profilesAndSimulationSettings() {
        #expect(
            changes {
                $0.profiles[0].days[6] = 0.4
                $0.profiles[0].hours[0] = 0
                $0.simulation = SimulationSettings(days: 56, warmupDays: 7, replications: 40, seed: 1, demandScale: 1.2)
            } == [
                "profiles.day.hours: 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 → 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1",
                "profiles.day.days.sun: 0 → 0.4",
                "simulation.days: 28 → 56",
                "simulation.warmup_days: 0 → 7",
                "simulation.replications: 20 → 40",
                "simulation.seed: 2339 → 1",
                "simulation.demand_scale: 1 → 1.2",
            ])
    }

    @Test func addedAndRemovedHaveNoValueOnTheMissingSide() {
        var other = Self.base
        other.personas = []
        let change = Self.base.inputChanges(to: other)
        #expect(change == [InputChange(path: "personas.reader", from: "Reader", to: nil)])
    }
}
