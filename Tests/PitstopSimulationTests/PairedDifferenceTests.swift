import PitstopModel
import Testing

@testable import PitstopSimulation

@Suite struct PairedDifferenceTests {
    /// The paired differences, computed by hand from the per-replication samples.
    @Test func pairedDifferencesByHand() throws {
        let options = RunOptions(days: 3, warmupDays: 1, replications: 4, seed: 21, jobs: 1)
        let a = Simulator(Fixture.mmc(lambda: 0.3, mu: 0.2, servers: 2, name: "Two")).run(options)
        let b = Simulator(Fixture.mmc(lambda: 0.3, mu: 0.2, servers: 3, name: "Three")).run(options)
        let d = PairedDifference.compare(baseline: a, other: b)
        #expect(d.baseline == "Two" && d.other == "Three" && d.pairs == 4)

        let x = try #require(a.samples.kpis["wait_mean_min"]), y = try #require(b.samples.kpis["wait_mean_min"])
        let diffs = (0..<4).map { y[$0] - x[$0] }
        let mean = diffs.reduce(0, +) / 4
        let sd = (diffs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3).squareRoot()
        let half = 3.182446305284263 * sd / 2
        let w = try #require(d.kpis["wait_mean_min"])
        #expect(abs(w.mean - mean) < 1e-12)
        #expect(abs(w.ci95[0] - (mean - half)) < 1e-12 && abs(w.ci95[1] - (mean + half)) < 1e-12)
        #expect(abs((w.relative ?? 0) - mean / (x.reduce(0, +) / 4)) < 1e-12)
        #expect(w.mean < 0)  // a third clerk cuts waiting

        // Same visitors on both sides: the difference in visits is exactly zero.
        let v = try #require(d.kpis["visits"])
        #expect(v.mean == 0 && v.ci95 == [0, 0])
        // abandoned is 0 in both: relative is undefined.
        #expect(d.kpis["abandoned"]?.relative == nil)
        #expect(d.perspectives["private"]?["wait_mean_min"]?.mean == w.mean)
        #expect(Set(d.kpis.keys) == Set(KPIName.overall))

        let json = d.json()
        #expect(json.hasPrefix("{\n  \"kpis\": {\n    \"abandon_share\": { \"ci95\": [0, 0], \"mean\": 0, \"relative\": null }"))
        #expect(json.contains("\"perspectives\": {\n    \"private\": {"))
    }

    @Test func onlyReplicationsDefinedOnBothSidesArePaired() throws {
        var a = SimulationResults(scenario: "A", seed: 1, replications: 4, days: 7)
        var b = SimulationResults(scenario: "B", seed: 1, replications: 4, days: 7)
        a.samples.kpis["wait_mean_min"] = [1, .nan, 2, 3]
        b.samples.kpis["wait_mean_min"] = [2, 5, .nan, 5]
        let d = try #require(PairedDifference.compare(baseline: a, other: b).kpis["wait_mean_min"])
        // Pairs 1 and 4: differences 1 and 2; baseline mean over those pairs 2.
        #expect(d.mean == 1.5)
        #expect(d.relative == 0.75)
        a.samples.kpis["served_share"] = [.nan, .nan]
        b.samples.kpis["served_share"] = [0.5, 0.6]
        #expect(PairedDifference.compare(baseline: a, other: b).kpis["served_share"] == nil)
    }

    /// `relative` divides by the baseline mean over the *paired* replications only: here the
    /// baseline's mean over all its defined replications (14 / 3) differs from its mean over
    /// the pairs (2), so a division by the wrong mean shows.
    @Test func relativeUsesTheBaselineMeanOfThePairsOnly() throws {
        var a = SimulationResults(scenario: "A", seed: 1, replications: 4, days: 7)
        var b = SimulationResults(scenario: "B", seed: 1, replications: 4, days: 7)
        a.samples.kpis["wait_mean_min"] = [1, .nan, 10, 3]
        b.samples.kpis["wait_mean_min"] = [2, 5, .nan, 5]
        let d = try #require(PairedDifference.compare(baseline: a, other: b).kpis["wait_mean_min"])
        #expect(d.mean == 1.5)
        #expect(d.relative == 0.75)  // 1.5 ÷ 2, not 1.5 ÷ (14 / 3)
        // The same for perspectives' differences.
        a.samples.perspectives["p"] = ["served_share": [0.5, 0.9, .nan, 0.7]]
        b.samples.perspectives["p"] = ["served_share": [0.6, .nan, 0.2, 0.8]]
        let p = try #require(PairedDifference.compare(baseline: a, other: b).perspectives["p"]?["served_share"])
        #expect(abs(p.mean - 0.1) < 1e-12)
    }

    @Test func aScenarioAgainstItselfDiffersByNothing() {
        let options = RunOptions(days: 3, replications: 3, seed: 2, jobs: 2)
        let s = Simulator(Fixture.library())
        let results = s.run(options)
        let d = PairedDifference.compare(baseline: results, other: s.run(options))
        // Every KPI is compared (all are defined on this library), so the loop below checks them all.
        #expect(results.kpis.count == KPIName.overall.count)
        #expect(d.kpis.count == KPIName.overall.count)
        #expect(d.perspectives.count == 2 && d.perspectives.values.allSatisfy { $0.count == KPIName.visitor.count })
        for (_, e) in d.kpis { #expect(e.mean == 0 && e.ci95 == [0, 0]) }
        for (_, m) in d.perspectives { for (_, e) in m { #expect(e.mean == 0 && e.ci95 == [0, 0]) } }
    }
}
