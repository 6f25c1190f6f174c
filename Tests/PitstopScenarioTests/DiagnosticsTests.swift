import Foundation
import PitstopModel
import Testing

@testable import PitstopScenario

/// One test per kind of diagnostic: exact line:column (from the 1️⃣ markers) and message.
@Suite struct DiagnosticsTests {
    // MARK: YAML

    @Test func yamlSyntaxErrorIsReportedAtTheProblem() {
        expectDiagnostics(
            """
            format: 1
            name: Test
            competences: [a, b
            sites1️⃣: []
            """,
            [.error("1️⃣", "syntax error: did not find expected ',' or ']' while parsing a flow sequence (started at line 3, column 14)")])
    }

    @Test func tabIndentationGetsANote() {
        expectDiagnostics(
            "format: 1\nname: Test\nsimulation:\n1️⃣\tdays: 3\n",
            [
                .error(
                    "1️⃣", "syntax error: found character that cannot start any token while scanning for the next token",
                    notes: ["YAML does not allow tabs for indentation; use spaces"])
            ])
    }

    @Test func duplicateKeyPointsAtTheSecondOccurrence() {
        expectDiagnostics(
            """
            format: 1
            name: Test
            simulation:
              days: 3
              replications: 2
              1️⃣days: 4
            """,
            [.error("1️⃣", "duplicate key 'days'", notes: ["'days' is first given at line 4"])])
    }

    @Test func aliasUsedAsAKeyIsRefused() {
        expectDiagnostics(
            """
            format: 1
            name: &n Test
            simulation:
              1️⃣*n : 3
            """,
            [.error("1️⃣", "an alias cannot be used as a mapping key", notes: ["scenario keys are plain text"])])
    }

    @Test func aliasesAndMergeKeysExpandAsValues() throws {
        let result = ScenarioLoader.load(
            yaml: """
                format: 1
                name: Shared
                sites:
                  - id: main
                    staffed_hours: &hours { mon-fri: "10:00-18:00" }
                    open_hours: *hours
                staff:
                  - &base { id: a, name: A, fte: 0.5, cost: 250000 }
                  - { <<: *base, id: b, name: B }
                """, path: "test.yaml")
        #expect(result.diagnostics.isEmpty)
        let scenario = try #require(result.scenario)
        #expect(scenario.sites[0].openHours == scenario.sites[0].staffedHours)
        #expect(scenario.staff.map(\.id) == ["a", "b"])
        #expect(scenario.staff[1].fte == 0.5)
        #expect(scenario.staff[1].name == "B")
    }

    // MARK: Structure

    @Test func unknownKeyIsReportedAtTheKeyWithASuggestion() {
        expectDiagnostics(
            """
            format: 1
            name: Test
            1️⃣week_hour: 37
            sites:
              - id: main
                zones:
                  - { id: family, 2️⃣capacty: 4, at: [0, 0], size: [1, 1] }
                3️⃣colour: blue
            """,
            [
                .error("1️⃣", "unknown key 'week_hour'", notes: ["did you mean 'week_hours'?"]),
                .error("2️⃣", "unknown key 'capacty' in zone 'family'", notes: ["did you mean 'capacity'?"]),
                .error("3️⃣", "unknown key 'colour' in site 'main'"),
            ])
    }

    @Test func wrongTypesAreReportedAtTheValue() {
        expectDiagnostics(
            """
            format: 1
            name: Test
            week_hours: 1️⃣lots
            sites: 2️⃣main
            simulation:
              days: 3️⃣2.5
              seed: 4️⃣-1
            staff:
              - { id: a, name: A, vacant: 5️⃣maybe }
            """,
            [
                .error("1️⃣", "'week_hours' must be a number, found 'lots'"),
                .error("2️⃣", "'sites' must be a list, found 'main'"),
                .error("3️⃣", "'days' must be a whole number, found '2.5'"),
                .error("4️⃣", "'seed' must be a whole number from 0 to 18446744073709551615, found '-1'"),
                .error("5️⃣", "'vacant' must be true or false, found 'maybe'"),
            ])
    }

    @Test func missingRequiredKeysAreReportedAtTheMapping() {
        expectDiagnostics(
            """
            1️⃣description: no format, no name
            sites:
              - 2️⃣name: Main
            staff:
              - 3️⃣id: anna
                title: Librarian
            """,
            [
                .error("1️⃣", "missing required key 'format'"),
                .error("1️⃣", "missing required key 'name'"),
                .error("2️⃣", "missing required key 'id' in a site"),
                .error("3️⃣", "missing required key 'name' in staff member 'anna'", notes: ["only vacancies and groups may leave out 'name'"]),
            ])
    }

    @Test func anUnquotedColourIsACommentAndAnError() {
        expectDiagnostics(
            minimalHeader + """
                perspectives:
                  - id: private
                    1️⃣colour: #E07A5F
                """,
            [.error("1️⃣", "'colour' needs a value", notes: ["quote a colour such as \"#E07A5F\": in YAML '#' starts a comment"])])
    }

    @Test func unsupportedFormatIsAnError() {
        expectDiagnostics(
            """
            format: 1️⃣2
            name: Test
            """,
            [.error("1️⃣", "unsupported format '2'; this version reads format 1")])
    }

    @Test func duplicateIDsAreReportedAtTheSecond() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                  - id: 1️⃣main
                staff:
                  - { id: lib, title: Librarian, count: 2 }
                  - { id: 2️⃣lib-2, name: Lib Two }
                """,
            [
                .error("1️⃣", "duplicate site id 'main'", notes: ["'main' is first defined at line 4"]),
                .error("2️⃣", "duplicate staff id 'lib-2'", notes: ["'lib-2' is first defined at line 7"]),
            ])
    }

    @Test func idsMustBeSlugs() {
        expectDiagnostics(
            minimalHeader + """
                perspectives:
                  - id: 1️⃣Det Private
                  - id: 2️⃣-x
                """,
            [
                .error(
                    "1️⃣", "id 'Det Private' is not a slug: use lowercase letters, digits and '-', starting with a letter or digit",
                    notes: ["did you mean 'det-private'?"]),
                .error(
                    "2️⃣", "id '-x' is not a slug: use lowercase letters, digits and '-', starting with a letter or digit",
                    notes: ["did you mean 'x'?"]),
            ])
    }

    @Test func removeOutsideAnOverlayIsAnError() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    1️⃣remove: true
                """,
            [.error("1️⃣", "'remove' only applies in an overlay, to delete an item of the scenario it extends")])
    }

    // MARK: References

    @Test func unknownSiteSuggestsTheClosest() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    travel: { 1️⃣branh: 10 }
                  - id: branch
                staff:
                  - { id: a, name: A, sites: [2️⃣mian] }
                """,
            [
                .error("1️⃣", "unknown site 'branh'", notes: ["did you mean 'branch'?"]),
                .error("2️⃣", "unknown site 'mian'", notes: ["did you mean 'main'?"]),
            ])
    }

    @Test func unknownZoneNamesTheSite() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    zones:
                      - { id: family, at: [0, 0], size: [5, 5] }
                      - { id: quiet, at: [5, 0], size: [5, 5] }
                    links: [[family, 1️⃣qiet]]
                organisation:
                  units:
                    - { id: team, site: main, covers: [{ site: main, zones: [2️⃣famly, quiet] }] }
                staff:
                  - { id: a, name: A, unit: team }
                """,
            [
                .error("1️⃣", "unknown zone 'qiet' at site 'main'", notes: ["did you mean 'quiet'?"]),
                .error("2️⃣", "unknown zone 'famly' at site 'main'", notes: ["did you mean 'family'?"]),
            ])
    }

    @Test func unknownUnitAndParent() {
        expectDiagnostics(
            minimalHeader + """
                organisation:
                  units:
                    - { id: main-team, lead: a }
                    - { id: kids, parent: 1️⃣main-tem, lead: b }
                staff:
                  - { id: a, name: A, unit: 2️⃣maim-team }
                  - { id: b, name: B, unit: kids }
                """,
            [
                .error("1️⃣", "unknown unit 'main-tem'", notes: ["did you mean 'main-team'?"]),
                .error("2️⃣", "unknown unit 'maim-team'", notes: ["did you mean 'main-team'?"]),
            ])
    }

    @Test func unknownPerspective() {
        expectDiagnostics(
            minimalHeader + """
                perspectives:
                  - id: private
                sites:
                  - id: main
                    zones:
                      - { id: family, perspective: 1️⃣privat, at: [0, 0], size: [5, 5] }
                """,
            [.error("1️⃣", "unknown perspective 'privat'", notes: ["did you mean 'private'?"])])
    }

    @Test func unknownCompetence() {
        expectDiagnostics(
            minimalHeader + """
                competences:
                  - id: health-info
                staff:
                  - { id: a, name: A, competences: [1️⃣helth-info] }
                """,
            [.error("1️⃣", "unknown competence 'helth-info'", notes: ["did you mean 'health-info'?"])])
    }

    @Test func unknownProfile() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    zones:
                      - { id: hall, at: [0, 0], size: [5, 5] }
                personas:
                  - id: p
                    visits_per_year: { main: 10 }
                    profile: 1️⃣afternon
                    route: [{ zone: hall, dwell: exp(5) }]
                profiles:
                  - id: afternoon
                    hours: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
                """,
            [.error("1️⃣", "unknown profile 'afternon'", notes: ["did you mean 'afternoon'?"])])
    }

    @Test func unknownStaffInShiftsManagersAndLeads() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    zones:
                      - { id: desk, at: [0, 0], size: [5, 5] }
                organisation:
                  units:
                    - { id: team, lead: 1️⃣anne }
                staff:
                  - { id: anna, name: Anna, unit: team }
                  - { id: bo, name: Bo, unit: team, manager: 2️⃣ana }
                  - { id: lib, title: Librarian, count: 2, unit: team }
                staffing:
                  shifts:
                    - { staff: [anna, 3️⃣libb], site: main, zone: desk, hours: "10:00-12:00", days: mon }
                """,
            [
                .error("1️⃣", "unknown staff member 'anne'", notes: ["did you mean 'anna'?"]),
                .error("2️⃣", "unknown staff member 'ana'", notes: ["did you mean 'anna'?"]),
                .error("3️⃣", "unknown staff member 'libb'", notes: ["did you mean 'lib'?"]),
            ])
    }

    @Test func aGroupCannotBeAManager() {
        expectDiagnostics(
            minimalHeader + """
                staff:
                  - { id: lib, title: Librarian, count: 2 }
                  - { id: bo, name: Bo, manager: 1️⃣lib }
                """,
            [.error("1️⃣", "'lib' is a group of 2 positions and cannot be a manager", notes: ["name one position, e.g. 'lib-1'"])])
    }

    // MARK: Organisation

    @Test func reportingCycleNamesThePeople() {
        expectDiagnostics(
            minimalHeader + """
                organisation:
                  leader_forum: { chair: boss }
                staff:
                  - { id: boss, name: Boss }
                  - { id: a, name: A, manager: 1️⃣b }
                  - { id: b, name: B, manager: c }
                  - { id: c, name: C, manager: a }
                """,
            [.error("1️⃣", "reporting cycle: 'a' → 'b' → 'c' → 'a'")])
    }

    @Test func unitNestingCycleNamesTheUnits() {
        expectDiagnostics(
            minimalHeader + """
                organisation:
                  units:
                    - { id: x, parent: 1️⃣y }
                    - { id: y, parent: x }
                staff:
                  - { id: a, name: A, unit: x }
                  - { id: b, name: B, unit: y }
                """,
            [.error("1️⃣", "unit nesting cycle: 'x' → 'y' → 'x'")])
    }

    @Test func leaderForumChairAndMembersMustBeStaff() {
        expectDiagnostics(
            minimalHeader + """
                organisation:
                  leader_forum:
                    chair: 1️⃣directr
                    members: [head, 2️⃣heda]
                staff:
                  - { id: director, name: D }
                  - { id: head, name: H }
                """,
            [
                .error("1️⃣", "leader forum chair 'directr' is not on the staff", notes: ["did you mean 'director'?"]),
                .error("2️⃣", "leader forum member 'heda' is not on the staff", notes: ["did you mean 'head'?"]),
            ])
    }

    // MARK: Floor

    @Test func zoneOutsideTheFloor() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    floor: { width: 30, depth: 20 }
                    zones:
                      - { id: cafe, at: 1️⃣[25, 0], size: [10, 10] }
                """,
            [.error("1️⃣", "zone 'cafe' lies outside the floor of site 'main' (30 × 20 m)")])
    }

    @Test func overlappingZones() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    floor: { width: 30, depth: 20 }
                    zones:
                      - { id: family, at: [0, 0], size: [10, 10] }
                      - { id: quiet, at: [10, 0], size: [10, 10] }
                      - { id: cafe, at: 1️⃣[15, 5], size: [10, 10] }
                """,
            [.error("1️⃣", "zone 'cafe' overlaps zone 'quiet' at site 'main'")])
    }

    @Test func badCapacityAndPlacement() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    floor: { width: 0️⃣-3, depth: 20 }
                    zones:
                      - { id: a, capacity: 1️⃣-4, at: [0, 0], size: [1, 1] }
                      - { id: b, capacity: 2️⃣lots, at: [2, 0], size: [1, 1] }
                      - { id: c, at: 3️⃣[1], size: 4️⃣[0, 1] }
                """.replacingOccurrences(of: "0️⃣", with: "🔟"),
            [
                .error("🔟", "'width' must be more than 0 and at most 10,000 m, found -3"),
                .error("1️⃣", "'capacity' must be between 0 and 1,000,000 (or unlimited), found -4"),
                .error("2️⃣", "'capacity' must be a whole number of persons or 'unlimited', found 'lots'"),
                .error("3️⃣", "'at' must be a pair of numbers [x, y], found a list"),
                .error("4️⃣", "'size' must be more than 0 and at most 10,000 m in both directions, found 0"),
            ])
    }

    @Test func rovingIsReservedAsAZoneID() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    zones:
                      - { id: 1️⃣roving, at: [0, 0], size: [1, 1] }
                """,
            [.error("1️⃣", "'roving' is reserved for staff who move between the zones of a site; choose another zone id")])
    }

    // MARK: Personas

    @Test func routeZoneMustExistAtEverySiteVisited() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    zones:
                      - { id: entrance, at: [0, 0], size: [5, 5] }
                      - { id: health, at: [5, 0], size: [5, 5] }
                  - id: branch
                    zones:
                      - { id: entrance, at: [0, 0], size: [5, 5] }
                personas:
                  - id: pregnant
                    visits_per_year: { main: 4000, branch: 800 }
                    route:
                      - { zone: entrance, dwell: const(1) }
                      - { zone: 1️⃣health, dwell: lognormal(25, 10) }
                """,
            [.error("1️⃣", "route zone 'health' does not exist at site 'branch', which the persona visits")])
    }

    @Test func dialogueZoneMustBeOnTheRoute() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    zones:
                      - { id: entrance, at: [0, 0], size: [5, 5] }
                      - { id: health, at: [5, 0], size: [5, 5] }
                personas:
                  - id: pregnant
                    arrivals_per_hour: { main: 2.5 }
                    route:
                      - { zone: entrance, dwell: const(1) }
                    dialogue: { p: 0.4, zone: 1️⃣helth, duration: exp(10) }
                """,
            [.error("1️⃣", "dialogue zone 'helth' is not on the route of persona 'pregnant'")])
    }

    @Test func demandNeedsExactlyOneOfVisitsAndArrivals() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    zones:
                      - { id: hall, at: [0, 0], size: [5, 5] }
                personas:
                  - 1️⃣id: neither
                    route: [{ zone: hall, dwell: exp(5) }]
                  - id: both
                    visits_per_year: { main: 10 }
                    2️⃣arrivals_per_hour: { main: 1 }
                    route: [{ zone: hall, dwell: exp(5) }]
                """,
            [
                .error("1️⃣", "persona 'neither' needs 'visits_per_year' or 'arrivals_per_hour'"),
                .error("2️⃣", "give either 'visits_per_year' or 'arrivals_per_hour', not both"),
            ])
    }

    @Test func badDistributionsUseTheParsersText() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    zones:
                      - { id: hall, at: [0, 0], size: [5, 5] }
                personas:
                  - id: p
                    visits_per_year: { main: 10 }
                    route:
                      - { zone: hall, dwell: 1️⃣exp(-1) }
                      - zone: hall
                        dwell: 2️⃣uniform(5, 2)
                      - { zone: hall, dwell: 3️⃣lognormal(abc) }
                      - { zone: hall, dwell: 4️⃣expo(4) }
                """,
            [
                .error("1️⃣", "invalid distribution: exp(-1) needs a positive mean"),
                .error("2️⃣", "invalid distribution: uniform(5, 2) needs 0 ≤ a ≤ b"),
                .error("3️⃣", "invalid distribution 'lognormal(abc)': 'abc' is not a number"),
                .error("4️⃣", "invalid distribution 'expo(4)': unknown distribution 'expo'", notes: ["did you mean 'exp'?"]),
            ])
    }

    @Test func probabilitiesMustLieBetweenZeroAndOne() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    zones:
                      - { id: hall, at: [0, 0], size: [5, 5] }
                staffing:
                  absence_rate: 1️⃣1.2
                personas:
                  - id: p
                    visits_per_year: { main: 10 }
                    route:
                      - { zone: hall, dwell: exp(5), p: 2️⃣1.5 }
                    dialogue: { p: 3️⃣-0.1, zone: hall, duration: exp(3) }
                """,
            [
                .error("1️⃣", "'absence_rate' must be between 0 and 1, found 1.2"),
                .error("2️⃣", "'p' must be between 0 and 1, found 1.5"),
                .error("3️⃣", "'p' must be between 0 and 1, found -0.1"),
            ])
    }

    // MARK: Staff

    @Test func fteMustBeAboveZeroAndAtMostOneAndAHalf() {
        expectDiagnostics(
            minimalHeader + """
                staff:
                  - { id: a, name: A, fte: 1️⃣0 }
                  - { id: b, name: B, fte: 2️⃣1.6 }
                  - { id: c, name: C, fte: 1.5 }
                """,
            [
                .error("1️⃣", "'fte' must be more than 0 and at most 1.5, found 0"),
                .error("2️⃣", "'fte' must be more than 0 and at most 1.5, found 1.6"),
            ])
    }

    @Test func negativeCostsCapacitiesRatesAndCounts() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    travel: { main: 1️⃣-5 }
                    zones:
                      - { id: hall, capacity: 2️⃣-1, at: [0, 0], size: [5, 5] }
                staff:
                  - { id: a, name: A, cost: 3️⃣-100 }
                  - { id: g, title: G, count: 4️⃣-2 }
                personas:
                  - id: p
                    arrivals_per_hour: { main: 5️⃣-2 }
                    route: [{ zone: hall, dwell: exp(5) }]
                """,
            [
                .error("1️⃣", "travel minutes must be between 0 and 1,440, found -5"),
                .error("2️⃣", "'capacity' must be between 0 and 1,000,000 (or unlimited), found -1"),
                .error("3️⃣", "'cost' must be between 0 and 1,000,000,000, found -100"),
                .error("4️⃣", "'count' must be between 1 and 10,000, found -2"),
                .error("5️⃣", "'arrivals_per_hour' must be between 0 and 100,000, found -2"),
            ])
    }

    @Test func demandAndCostHaveAnUpperBoundSoATypoCannotRunForever() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    zones:
                      - { id: hall, at: [0, 0], size: [5, 5] }
                staff:
                  - { id: a, name: A, cost: 1️⃣1e19 }
                personas:
                  - id: p
                    arrivals_per_hour: { main: 2️⃣1e300 }
                    route: [{ zone: hall, dwell: exp(5) }]
                  - id: q
                    visits_per_year: { main: 3️⃣4e8 }
                    route: [{ zone: hall, dwell: exp(5) }]
                """,
            [
                .error("1️⃣", "'cost' must be between 0 and 1,000,000,000, found 1e+19"),
                .error("2️⃣", "'arrivals_per_hour' must be between 0 and 100,000, found 1e+300"),
                .error("3️⃣", "'visits_per_year' must be between 0 and 100,000,000, found 400000000"),
            ])
    }

    // MARK: Time

    @Test func malformedAndReversedTimeRanges() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    staffed_hours: { mon-fri: 1️⃣"10-19", sat: 2️⃣"14:00-10:00" }
                    open_hours: { daily: ["08:00-12:00", 3️⃣"13:00-25:00"] }
                """,
            [
                .error("1️⃣", "malformed time range '10-19'", notes: ["write \"HH:MM-HH:MM\", e.g. \"09:00-17:30\"; 24:00 is allowed as an end"]),
                .error("2️⃣", "reversed time range '14:00-10:00': the end must come after the start"),
                .error("3️⃣", "malformed time range '13:00-25:00'", notes: ["write \"HH:MM-HH:MM\", e.g. \"09:00-17:30\"; 24:00 is allowed as an end"]),
            ])
    }

    @Test func badDayKeys() {
        let dayNote = "day keys are mon tue wed thu fri sat sun, ranges such as mon-fri, and daily"
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    staffed_hours: { 1️⃣monday: "10:00-12:00", 2️⃣fri-mon: "10:00-12:00", 3️⃣mon-fir: "10:00-12:00" }
                """,
            [
                .error("1️⃣", "unknown day key 'monday'", notes: [dayNote, "did you mean 'mon'?"]),
                .error("2️⃣", "reversed day range 'fri-mon'", notes: ["did you mean 'mon-fri'?"]),
                .error("3️⃣", "unknown day key 'mon-fir'", notes: [dayNote, "did you mean 'mon-fri'?"]),
            ])
    }

    // MARK: Profiles

    @Test func profileNeedsTwentyFourNonNegativeWeightsNotAllZero() {
        expectDiagnostics(
            minimalHeader + """
                profiles:
                  - id: short
                    hours: 1️⃣[1, 2, 3]
                  - id: negative
                    hours: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2️⃣-2, 2, 2, 3, 4, 4, 4, 3, 2, 1, 1, 0, 0, 0]
                  - id: zero
                    hours: 3️⃣[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
                  - id: closed
                    hours: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
                    days: 4️⃣{ sat: 0 }
                """,
            [
                .error("1️⃣", "'hours' of profile 'short' must hold 24 weights, one per hour, found 3"),
                .error("2️⃣", "an hourly weight must be between 0 and 1,000,000, found -2"),
                .error("3️⃣", "the hourly weights of profile 'zero' are all zero"),
                .error("4️⃣", "the day weights of profile 'closed' are all zero"),
            ])
    }

    // MARK: Warnings

    @Test func shiftsBeyondContractedHoursWarn() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    staffed_hours: { daily: "08:00-20:00" }
                    zones:
                      - { id: desk, at: [0, 0], size: [5, 5] }
                staff:
                  - { id: anna, name: Anna, fte: 0.8 }
                staffing:
                  shifts:
                    - { staff: [anna], site: main, zone: desk, days: mon-thu, hours: "10:00-17:00" }
                    - { staff: [1️⃣anna], site: main, zone: desk, days: fri, hours: "10:00-13:00" }
                """,
            [.warning("1️⃣", "shifts give 'anna' 31 hours a week, more than the 29.6 contracted (fte 0.8 × 37 hours)")])
    }

    @Test func unitWithoutStaffWarns() {
        expectDiagnostics(
            minimalHeader + """
                organisation:
                  units:
                    - 1️⃣id: empty
                      name: Nobody here
                    - { id: full, lead: a }
                staff:
                  - { id: a, name: A }
                """,
            [.warning("1️⃣", "unit 'empty' has no staff")])
    }

    @Test func zoneNobodyCoversWarnsButNotAtSelfServiceSites() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    staffed_hours: { mon-fri: "10:00-18:00" }
                    zones:
                      - { id: desk, at: [0, 0], size: [5, 5] }
                      - { id: family, at: [5, 0], size: [5, 5] }
                      - 1️⃣{ id: quiet, at: [10, 0], size: [5, 5] }
                      - { id: cafe, at: [15, 0], size: [5, 5] }
                  - id: kiosk
                    open_hours: { daily: "07:00-22:00" }
                    zones:
                      - { id: shelf, at: [0, 0], size: [5, 5] }
                organisation:
                  units:
                    - { id: team, lead: a, covers: [{ site: main, zones: [desk] }] }
                staff:
                  - { id: a, name: A, unit: team }
                staffing:
                  shifts:
                    - { staff: [a], site: main, zone: family, days: mon, hours: "10:00-12:00" }
                  rules:
                    - { site: main, zone: cafe }
                """,
            [.warning("1️⃣", "zone 'quiet' at site 'main' is never staffed: no unit covers it and no shift or rule places staff there")])
    }

    @Test func rovingStaffCoverEveryZoneOfTheSite() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    staffed_hours: { mon-fri: "10:00-18:00" }
                    zones:
                      - { id: desk, at: [0, 0], size: [5, 5] }
                staff:
                  - { id: a, name: A }
                staffing:
                  rules:
                    - { site: main, roving: true, min_staff: 2 }
                """,
            [])
    }

    @Test func personaWithoutArrivalsWarns() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    zones:
                      - { id: hall, at: [0, 0], size: [5, 5] }
                personas:
                  - id: ghost
                    visits_per_year: 1️⃣{ main: 0 }
                    route: [{ zone: hall, dwell: exp(5) }]
                """,
            [.warning("1️⃣", "persona 'ghost' has no arrivals at any site")])
    }

    @Test func vacancyOnAShiftWarns() {
        expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    zones:
                      - { id: desk, at: [0, 0], size: [5, 5] }
                staff:
                  - { id: open, title: Librarian, vacant: true }
                staffing:
                  shifts:
                    - { staff: [1️⃣open], site: main, zone: desk, hours: "10:00-12:00" }
                """,
            [.warning("1️⃣", "vacant position 'open' is on a shift but a vacancy is never on duty")])
    }

    // MARK: Collecting

    @Test func everyProblemIsReportedInOnePassSortedByPosition() {
        let result = expectDiagnostics(
            minimalHeader + """
                sites:
                  - id: main
                    zones:
                      - { id: hall, capacity: 1️⃣-1, at: [0, 0], size: [5, 5] }
                staff:
                  - { id: a, name: A, unit: 2️⃣nowhere, fte: 3️⃣9 }
                4️⃣simulaton: { days: 3 }
                """,
            [
                .error("1️⃣", "'capacity' must be between 0 and 1,000,000 (or unlimited), found -1"),
                .error("2️⃣", "unknown unit 'nowhere'"),
                .error("3️⃣", "'fte' must be more than 0 and at most 1.5, found 9"),
                .error("4️⃣", "unknown key 'simulaton'", notes: ["did you mean 'simulation'?"]),
            ])
        #expect(result.hasErrors)
    }

    @Test func renderedDiagnosticLooksLikeACompilers() {
        let diagnostic = Diagnostic(
            severity: .error, location: PitstopScenario.SourceLocation(file: "a.yaml", line: 3, column: 7),
            message: "unknown zone 'famly' at site 'main'", notes: ["did you mean 'family'?"])
        #expect(
            diagnostic.rendered == """
                a.yaml:3:7: error: unknown zone 'famly' at site 'main'
                a.yaml:3:7: note: did you mean 'family'?
                """)
        let bare = Diagnostic(severity: .warning, location: nil, message: "something")
        #expect(bare.rendered == "warning: something")
    }
}
