import PitstopModel
import Testing

@testable import PitstopSimulation

@Suite struct DeterminismTests {
    static let options = RunOptions(days: 14, warmupDays: 2, replications: 4, seed: 77, jobs: 1)

    @Test func sameSeedGivesIdenticalJSON() {
        let sim = Simulator(Fixture.library())
        let a = sim.run(Self.options), b = sim.run(Self.options)
        #expect(a.json() == b.json())
        #expect(a.kpiCSV() == b.kpiCSV())
        #expect(a.rotaCSV() == b.rotaCSV())
        var other = Self.options
        other.seed = 78
        #expect(sim.run(other).json() != a.json())
    }

    @Test func resultsDoNotDependOnTheNumberOfJobs() {
        let sim = Simulator(Fixture.library())
        var options = Self.options
        let one = sim.run(options)
        options.jobs = 2
        let two = sim.run(options)
        options.jobs = 3
        let three = sim.run(options)
        #expect(one.json() == two.json())
        #expect(one.json() == three.json())
        #expect(one.samples == two.samples)
        #expect(one.hourlyOccupancy == two.hourlyOccupancy)
        #expect(one.waitHistogram == two.waitHistogram)
        #expect(one.flows == two.flows)
        #expect(one.rota == two.rota)
    }

    /// Replications of very different lengths finish in any order; a test hook also holds
    /// replication 1 back until later ones have finished. Every output must still be the
    /// same byte for byte for 1, 2 and 4 jobs — results stored in finishing order would
    /// change the per-replication samples and the rota (which is replication 1's).
    @Test(.timeLimit(.minutes(1)))
    func outputsDoNotDependOnTheOrderReplicationsFinish() throws {
        let sim = Simulator(Fixture.library(absence: 0.1))
        var outputs: [[String]] = []
        var samples: [ReplicationSamples] = []
        for jobs in [1, 2, 4] {
            let options = RunOptions(days: 14, warmupDays: 1, replications: 7, seed: 41, jobs: jobs)
            let holdBack = HoldBack(until: jobs == 1 ? 0 : jobs)
            let r = sim.run(options, progress: nil, beforeCombining: { holdBack.finished($0) })
            if jobs > 1 { #expect(holdBack.heldBackUntilOthersFinished, "replication 1 did not finish last at \(jobs) jobs") }
            outputs.append([r.json(), r.kpiCSV(), r.rotaCSV(), r.hourlyCSV(), r.coverageGapsCSV()])
            samples.append(r.samples)
        }
        #expect(outputs[0][2].split(separator: "\n").count > 20)
        for i in 1..<outputs.count {
            for (name, (a, b)) in zip(["results.json", "kpis.csv", "rota.csv", "hourly.csv", "coverage_gaps.csv"],
                                      zip(outputs[0], outputs[i])) {
                #expect(a == b, "\(name) differs between 1 job and \([1, 2, 4][i]) jobs")
            }
            #expect(samples[0] == samples[i])
        }
    }

    @Test func progressReportsEveryReplication() {
        let seen = Counter()
        _ = Simulator(Fixture.library()).run(RunOptions(days: 2, replications: 5, seed: 1, jobs: 2)) { done, total in
            #expect(total == 5)
            seen.add(done)
        }
        #expect(seen.values.sorted() == [1, 2, 3, 4, 5])
    }

    /// Common random numbers: a persona's visitors are the same whatever the staffing.
    @Test func personasSeeTheSameVisitorsAcrossStaffing() throws {
        let base = Fixture.mmc(lambda: 0.3, mu: 0.2, servers: 2)
        let more = Fixture.mmc(lambda: 0.3, mu: 0.2, servers: 4)
        let options = RunOptions(days: 5, warmupDays: 1, replications: 3, seed: 5, jobs: 1)
        let a = Simulator(base).run(options), b = Simulator(more).run(options)
        let visitsA = try #require(a.samples.kpis["visits"])
        #expect(visitsA == b.samples.kpis["visits"])
        #expect(a.samples.kpis["dialogues_requested"] == b.samples.kpis["dialogues_requested"])
        // … but staffing changes the waits.
        #expect(a.kpis["wait_mean_min"]!.mean > b.kpis["wait_mean_min"]!.mean)

        // The library: other staffing rules and an extra persona leave a persona's visits alone.
        var changed = Fixture.library(minStaffFamily: 2, extraStaff: 2)
        changed.personas.insert(Persona(id: "newcomer", name: "New", demand: .arrivalsPerHour(["main": 3]),
                                        route: [RouteStep(zone: "desk", dwell: .constant(5))]), at: 0)
        let lib = Simulator(Fixture.library()).run(options), lib2 = Simulator(changed).run(options)
        // Each perspective holds one of the two personas (the newcomer has none).
        for perspective in ["private", "learning"] {
            let visits = try #require(lib.samples.perspectives[perspective]?["visits"])
            #expect(visits == lib2.samples.perspectives[perspective]?["visits"])
            #expect(lib.samples.perspectives[perspective]?["dialogues_requested"]
                    == lib2.samples.perspectives[perspective]?["dialogues_requested"])
        }
    }

    @Test func jsonHasTheContractShape() throws {
        let r = Simulator(Fixture.library()).run(Self.options)
        let json = r.json()
        let data = try #require(json.data(using: .utf8))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["format", "scenario", "seed", "replications", "days", "kpis", "perspectives",
                                     "personas", "zones", "sites", "hourly"])
        #expect(object["format"] as? Int == 1)
        #expect(object["seed"] as? Int == 77)
        let kpis = try #require(object["kpis"] as? [String: [String: Any]])
        #expect(Set(kpis.keys) == Set(KPIName.overall))
        #expect(KPIName.overall.count == 22)  // the 20 of the contract, unattended and dialogue_hours
        let visits = try #require(kpis["visits"])
        #expect((visits["ci95"] as? [Double])?.count == 2)
        let zones = try #require(object["zones"] as? [String: [String: Any]])
        #expect(Set(zones.keys) == ["main/desk", "main/family", "branch/desk"])
        let personas = try #require(object["personas"] as? [String: [String: Any]])
        #expect(Set(personas["student"]?.keys ?? [:].keys) == Set(KPIName.visitor))
        let perspectives = try #require(object["perspectives"] as? [String: Any])
        #expect(Set(perspectives.keys) == ["private", "learning"])
        let sites = try #require(object["sites"] as? [String: [String: Any]])
        #expect(Set(sites.keys) == ["main", "branch"])
        #expect(Set(sites["main"]?.keys ?? [:].keys) == Set(KPIName.site))
        #expect(sites["branch"]?["served_share"] == nil && sites["branch"]?["dialogues_requested"] != nil)
        // Hourly: per site, weekday and metric, 24 values (an hour without a served dialogue
        // has no mean wait: null).
        let hourly = try #require(object["hourly"] as? [String: [String: [String: [Any]]]])
        #expect(Set(hourly.keys) == ["main", "branch"])
        #expect(Set(hourly["main"]?.keys ?? [:].keys) == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
        #expect(Set(hourly["branch"]?["sat"]?.keys ?? [:].keys) == Set(HourlyRow.metricKeys))
        #expect(hourly["branch"]?["sat"]?.values.allSatisfy { $0.count == 24 } == true)
        #expect(hourly["branch"]?["sat"]?["wait_mean_min"]?.allSatisfy { $0 is NSNull } == true)
        // Keys are sorted at every level.
        let lines = json.split(separator: "\n")
        #expect(lines[1].hasPrefix("  \"days\""))
        #expect(json.contains("\"visits\": { \"ci95\": ["))
        // The CSV holds every estimate once.
        let csv = r.kpiCSV().split(separator: "\n")
        #expect(csv[0] == "scope,id,kpi,mean,ci_low,ci_high")
        // Nobody asks for a dialogue at the branch (it has no family zone): its 8 dialogue
        // ratios are undefined and left out.
        #expect(csv.count == 1 + KPIName.overall.count + 4 * KPIName.visitor.count + 3 * 3 + 2 * KPIName.site.count - 8)
        #expect(csv[1].hasPrefix("overall,,visits,"))
    }

    @Test func unicodeNamesAreEscapedProperly() {
        var s = Fixture.mmc(lambda: 0.1, mu: 0.2, servers: 1)
        s.name = "Børnefamilien \"<&>\" \\ ny"
        let json = Simulator(s).run(RunOptions(days: 1, replications: 2, seed: 1, jobs: 1)).json()
        #expect(json.contains("\"scenario\": \"Børnefamilien \\\"<&>\\\" \\\\ ny\""))
    }

    @Test func numbersAreFormattedDeterministically() {
        #expect(formatNumber(12) == "12")
        #expect(formatNumber(0.1 + 0.2) == "0.3")
        #expect(formatNumber(-0.0) == "0")
        #expect(formatNumber(.nan) == "0")
        #expect(formatNumber(2.5e-7) == "0")
        #expect(formatNumber(1234567.123456789) == "1234567.123457")
        #expect(formatNumber(-3.25) == "-3.25")
    }
}

import Foundation

/// Holds replication 0 (replication 1 to a reader) back until `until − 1` later replications
/// have finished, or half a minute has passed.
final class HoldBack: @unchecked Sendable {
    private let condition = NSCondition()
    private let until: Int
    private var others = 0
    private(set) var heldBackUntilOthersFinished = false

    init(until: Int) { self.until = until }

    func finished(_ replication: Int) {
        condition.lock()
        defer { condition.unlock() }
        if replication != 0 {
            others += 1
            condition.broadcast()
            return
        }
        let deadline = Date().addingTimeInterval(30)
        while others < until - 1 && condition.wait(until: deadline) {}
        heldBackUntilOthersFinished = others >= until - 1 && until > 1
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Int] = []
    func add(_ v: Int) {
        lock.lock()
        values.append(v)
        lock.unlock()
    }
}
