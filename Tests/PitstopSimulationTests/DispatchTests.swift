import PitstopModel
import Testing

@testable import PitstopSimulation

@Suite struct DispatchTests {
    /// One desk staffed around the clock by Hanne (health) and Rasmus (reference); patients
    /// ask for health, readers for reference, 0.07 a minute each, dialogues of 10 minutes on
    /// average: busy enough that a queue forms and first come, first served often pairs a
    /// request with the wrong person.
    static func desk(_ dispatch: DispatchPolicy, maxWait: Double = 5, competences: [String] = ["health", "reference"])
        -> Scenario
    {
        let staff = [StaffMember(id: "hanne", title: "Nurse", unit: "team", cost: 500_000, competences: ["health"]),
                     StaffMember(id: "rasmus", title: "Librarian", unit: "team", cost: 500_000, competences: ["reference"])]
        func persona(_ id: String, _ competence: String) -> Persona {
            Persona(id: id, name: id, demand: .arrivalsPerHour(["lib": 0.07 * 60]),
                    route: [RouteStep(zone: "desk", dwell: .constant(0))],
                    dialogue: Dialogue(p: 1, zone: "desk", competence: competence, duration: .exponential(mean: 10),
                                       patience: .exponential(mean: 40)))
        }
        return Scenario(
            name: "Desk (\(dispatch.rawValue))", weekHours: 168,
            competences: [Competence(id: "health", name: "Health"), Competence(id: "reference", name: "Reference"),
                          Competence(id: "law", name: "Law")],
            sites: [Site(id: "lib", name: "Library", staffedHours: Fixture.allWeek, zones: [Zone(id: "desk", name: "Desk")])],
            organisation: Organisation(name: "Org", units: [Unit(id: "team", name: "Team", site: "lib")]),
            staff: staff,
            staffing: Staffing(floorShare: 1, maxShiftHours: 24, absenceRate: 0, shifts: [
                Shift(staff: ["hanne", "rasmus"], site: "lib", zone: .zone("desk"), days: .daily,
                      hours: ClockRange(start: 0, end: 1440)),
            ], dispatch: dispatch, maxWaitMinutes: maxWait),
            personas: [persona("patient", competences[0]), persona("reader", competences[1])])
    }

    static let options = RunOptions(days: 15, warmupDays: 1, replications: 8, seed: 99, jobs: 0)

    /// Paired on the same visitors: competence-first serves markedly more requests with the
    /// right competence, and raises the mean wait by less than `max_wait`.
    @Test func competenceFirstRaisesTheMatchWithoutRaisingTheWaitBeyondMaxWait() throws {
        let fcfs = Simulator(Self.desk(.fcfs)).run(Self.options)
        let first = Simulator(Self.desk(.competenceFirst)).run(Self.options)
        let d = PairedDifference.compare(baseline: fcfs, other: first)
        let match = try #require(d.kpis["competence_match_share"])
        let wait = try #require(d.kpis["wait_mean_min"])
        let before = try #require(fcfs.kpis["competence_match_share"]?.mean)
        let after = try #require(first.kpis["competence_match_share"]?.mean)
        print("match \(before) → \(after), mean wait \(fcfs.kpis["wait_mean_min"]!.mean) → \(first.kpis["wait_mean_min"]!.mean)")
        #expect(match.ci95[0] > 0.05, "match share \(match)")
        #expect(after > before + 0.1)
        #expect(wait.ci95[1] < 5, "mean wait rose by \(wait)")
        // The same visitors asked: the policy changes who serves, not who comes.
        #expect(d.kpis["dialogues_requested"]?.mean == 0)
    }

    /// A longer `max_wait` buys more matches; `max_wait: 0` lets anyone free take a request
    /// at once, so it matches less than waiting does.
    @Test func maxWaitTradesWaitForMatch() throws {
        let zero = Simulator(Self.desk(.competenceFirst, maxWait: 0)).run(Self.options)
        let five = Simulator(Self.desk(.competenceFirst, maxWait: 5)).run(Self.options)
        let thirty = Simulator(Self.desk(.competenceFirst, maxWait: 30)).run(Self.options)
        let m = [zero, five, thirty].map { $0.kpis["competence_match_share"]?.mean ?? 0 }
        #expect(m[0] < m[1] && m[1] < m[2], "\(m)")
        let w = [zero, five, thirty].map { $0.kpis["wait_mean_min"]?.mean ?? 0 }
        #expect(w[0] < w[2], "\(w)")
    }

    /// When nobody on duty holds what is asked, there is nobody to prefer: competence-first
    /// gives exactly the outputs of first come, first served.
    @Test func withNobodyToPreferTheOutputsAreThoseOfFCFS() {
        let options = RunOptions(days: 5, warmupDays: 1, replications: 3, seed: 7, jobs: 1)
        var a = Simulator(Self.desk(.fcfs, competences: ["law", "law"])).run(options)
        var b = Simulator(Self.desk(.competenceFirst, competences: ["law", "law"])).run(options)
        a.scenario = ""
        b.scenario = ""
        #expect(a.json() == b.json())
        #expect(a.hourlyCSV() == b.hourlyCSV())
        #expect((a.kpis["competence_match_share"]?.mean ?? 1) == 0)
    }

    /// `dispatch: fcfs` written out is the default, byte for byte.
    @Test func fcfsWrittenOutIsTheDefault() {
        var explicit = Fixture.library(absence: 0.05)
        explicit.staffing.dispatch = .fcfs
        explicit.staffing.maxWaitMinutes = 3
        let options = RunOptions(days: 7, replications: 2, seed: 3, jobs: 1)
        #expect(Simulator(explicit).run(options).json() == Simulator(Fixture.library(absence: 0.05)).run(options).json())
    }

    /// A request that has waited `max_wait` goes to anyone free: with only patients and the
    /// nurse busy, the librarian takes them, but only after `max_wait`.
    @Test func anOverdueRequestGoesToAnyoneFree() throws {
        var s = Self.desk(.competenceFirst, maxWait: 4)
        s.personas.removeLast()  // patients only
        s.personas[0].dialogue?.patience = nil
        let r = Simulator(s).run(Self.options)
        let match = try #require(r.kpis["competence_match_share"]?.mean)
        #expect(match > 0.5 && match < 1)  // Rasmus took some
        // Nobody unmatched was served before waiting 4 minutes, so the waits of unmatched
        // dialogues are all ≥ 4: the share of dialogues served without any wait is at most
        // the share served by Hanne.
        let waited = try #require(r.kpis["wait_prob"]?.mean)
        #expect(1 - waited <= match + 1e-9)
        let fcfs = Simulator(Self.desk(.fcfs, maxWait: 4)).run(Self.options)
        #expect(match > (fcfs.kpis["competence_match_share"]?.mean ?? 1))
    }
}
