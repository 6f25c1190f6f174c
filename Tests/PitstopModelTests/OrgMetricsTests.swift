import Testing
@testable import PitstopModel

/// A small organisation whose metrics are computed by hand in the comments.
///
///     dir (chair)
///     ├── head-a (lead of unit a) ── a1, a2, a-vacant (vacancy)
///     └── head-b (lead of unit b) ── b1, and sub-unit c (lead c-lead) ── c1
///                                     b1 has `manager: head-a` (a dotted move)
private func fixture() -> Scenario {
    Scenario(
        name: "Fixture",
        competences: [Competence(id: "x", name: "X"), Competence(id: "y", name: "Y"), Competence(id: "z", name: "Z")],
        sites: [Site(id: "s1", name: "Site 1"), Site(id: "s2", name: "Site 2")],
        organisation: Organisation(
            name: "Org", leaderForum: LeaderForum(name: "Forum", chair: "dir", members: ["head-a", "head-b"]),
            units: [
                Unit(id: "a", name: "A", site: "s1", lead: "head-a"),
                Unit(id: "b", name: "B", perspective: "p", lead: "head-b", covers: [Coverage(site: "s2", zones: ["z"])]),
                Unit(id: "c", name: "C", site: "s2", lead: "c-lead", parent: "b"),
            ]),
        staff: [
            StaffMember(id: "dir", name: "Dir", title: "Director", fte: 1, cost: 900_000),
            StaffMember(id: "head-a", name: "Head A", title: "Head", unit: "a", fte: 1, cost: 700_000, competences: ["x"]),
            StaffMember(id: "a1", name: "A One", title: "Librarian", unit: "a", fte: 0.5, cost: 250_000, competences: ["x", "y"]),
            StaffMember(id: "a2", name: "A Two", title: "Librarian", unit: "a", fte: 1, cost: 500_000, sites: ["s2"]),
            StaffMember(id: "a-vacant", title: "Social worker", unit: "a", fte: 1, cost: 560_000, competences: ["z"], isVacant: true),
            StaffMember(id: "head-b", name: "Head B", title: "Head", unit: "b", fte: 1, cost: 700_000),
            StaffMember(id: "b1", name: "B One", title: "Educator", unit: "b", manager: "head-a", fte: 0.8, cost: 400_000),
            StaffMember(id: "c-lead", name: "C Lead", title: "Lead", unit: "c", fte: 1, cost: 600_000),
            StaffMember(id: "c1", name: "C One", title: "Assistant", unit: "c", fte: 1, cost: 400_000, competences: ["x"]),
        ])
}

@Suite struct OrgMetricsTests {
    @Test func reportingLinesFollowTheFormatRules() {
        let tree = ReportingTree(fixture())
        #expect(tree.roots == ["dir"])
        #expect(tree.managerOf["head-a"] == "dir")  // lead of a top unit → chair
        #expect(tree.managerOf["a1"] == "head-a")  // unit member → unit lead
        #expect(tree.managerOf["b1"] == "head-a")  // explicit manager wins
        #expect(tree.managerOf["c-lead"] == "head-b")  // lead of a nested unit → parent's lead
        #expect(tree.managerOf["c1"] == "c-lead")
        #expect(tree.cycles.isEmpty)
    }

    @Test func metricsMatchTheHandCount() {
        let m = OrgMetrics(fixture())
        #expect(m.positions == 9)
        #expect(m.headcount == 8)
        #expect(m.vacancies == 1)
        #expect(abs(m.fte - 8.3) < 1e-9)  // 1+1+0.5+1+1+1+0.8+1+1
        #expect(m.annualCost == 5_010_000)
        #expect(m.units == 3)
        #expect(m.layers == 4)  // dir → head-b → c-lead → c1
        // Managers: dir {head-a, head-b}=2, head-a {a1, a2, a-vacant, b1}=4, head-b {c-lead}=1, c-lead {c1}=1
        #expect(m.spanOfControl == .init(min: 1, median: 1.5, max: 4, managers: 4))
        let a = m.byUnit.first { $0.id == "a" }?.figures
        #expect(a?.headcount == 3)
        #expect(a?.fte == 3.5)
        #expect(a?.annualCost == 2_010_000)
        // Home sites: dir → s1 (first site), head-a/a1/a-vacant → s1, a2 → s2 (own), head-b/b1 → s2 (covers),
        // c-lead/c1 → s2.
        let s1 = m.bySite.first { $0.id == "s1" }?.figures
        let s2 = m.bySite.first { $0.id == "s2" }?.figures
        #expect(s1?.headcount == 3 && s1?.fte == 3.5)
        #expect(s2?.headcount == 5 && abs((s2?.fte ?? 0) - 4.8) < 1e-9)
        let x = m.competences.first { $0.id == "x" }?.figures
        #expect(x?.holders == 3 && x?.fte == 2.5)
        #expect(m.singleHolderCompetences == ["y"])
        #expect(m.unheldCompetences == ["z"])  // only the vacancy holds z
    }

    @Test func cyclesAreFoundOnceAndNameEveryone() {
        var s = fixture()
        s.staff[2].manager = "a2"  // a1 → a2
        s.staff[3].manager = "a1"  // a2 → a1
        let tree = ReportingTree(s)
        #expect(tree.cycles == [["a1", "a2"]])
    }
}

@Suite struct TimeTests {
    @Test func clockRangesParseAndRejectReversedOrMalformed() {
        #expect(ClockRange(parsing: "10:00-19:00") == ClockRange(start: 600, end: 1140))
        #expect(ClockRange(parsing: "08:00-24:00")?.end == 1440)
        #expect(ClockRange(parsing: "19:00-10:00") == nil)
        #expect(ClockRange(parsing: "24:00-24:00") == nil)
        #expect(ClockRange(parsing: "9:00-10:00") == nil)
        #expect(ClockRange(parsing: "10:60-11:00") == nil)
        #expect(ClockRange(parsing: "10:00") == nil)
    }

    @Test func schedulesMergeAndIntersect() {
        let a = WeekSchedule([.mon: [ClockRange(start: 600, end: 700), ClockRange(start: 650, end: 800)]])
        #expect(a.ranges(on: .mon) == [ClockRange(start: 600, end: 800)])
        let b = WeekSchedule([.mon: [ClockRange(start: 480, end: 620)], .tue: [ClockRange(start: 0, end: 60)]])
        #expect(a.union(b).ranges(on: .mon) == [ClockRange(start: 480, end: 800)])
        #expect(a.intersection(b).ranges(on: .mon) == [ClockRange(start: 600, end: 620)])
        #expect(a.intersection(b).ranges(on: .tue).isEmpty)
        #expect(a.union(b).weeklyMinutes == 320 + 60)
    }

    @Test func dayIndexZeroIsMonday() {
        #expect(Weekday(dayIndex: 0) == .mon)
        #expect(Weekday(dayIndex: 6) == .sun)
        #expect(Weekday(dayIndex: 15) == .tue)
    }
}

@Suite struct DistributionTests {
    @Test func parsesTheSixDistributions() throws {
        #expect(try Distribution.parse("const(1)").get() == .constant(1))
        #expect(try Distribution.parse("exp(15)").get() == .exponential(mean: 15))
        #expect(try Distribution.parse(" uniform(2, 5) ").get() == .uniform(2, 5))
        #expect(try Distribution.parse("triangular(1, 2, 4)").get() == .triangular(min: 1, mode: 2, max: 4))
        #expect(try Distribution.parse("normal(10, 3)").get() == .normal(mean: 10, sd: 3))
        #expect(try Distribution.parse("lognormal(25, 10)").get() == .lognormal(mean: 25, sd: 10))
        #expect(Distribution.lognormal(mean: 25, sd: 10).description == "lognormal(25, 10)")
    }

    @Test func rejectsBadParametersWithAReason() {
        #expect(Distribution.parse("exp(-1)") == .failure(.invalid("exp(-1) needs a positive mean")))
        #expect(Distribution.parse("uniform(5, 2)") == .failure(.invalid("uniform(5, 2) needs 0 ≤ a ≤ b")))
        #expect(Distribution.parse("lognormal(abc)") == .failure(.notANumber("abc")))
        #expect(Distribution.parse("expo(3)") == .failure(.unknownName("expo", suggestion: "exp")))
        #expect(Distribution.parse("normal(3)") == .failure(.wrongArity(name: "normal", expected: 2, got: 1)))
        #expect(Distribution.parse("15") == .failure(.malformed("15")))
    }

    @Test func suggestsCloseWordsOnly() {
        #expect(editDistance("famly", "family") == 1)
        #expect(closestMatch(to: "famly", in: ["family", "cafe"]) == "family")
        #expect(closestMatch(to: "zzz", in: ["family", "cafe"]) == nil)
        // A swap of neighbouring letters is one edit; case alone is none.
        #expect(editDistance("mian", "main") == 1)
        #expect(editDistance("abcd", "bacd") == 1)
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(closestMatch(to: "fir", in: ["fri", "sat"]) == "fri")
        #expect(closestMatch(to: "Main", in: ["main"]) == "main")
    }
}
