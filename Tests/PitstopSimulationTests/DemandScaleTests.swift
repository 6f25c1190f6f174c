import PitstopModel
import Testing

@testable import PitstopSimulation

/// `simulation.demand_scale` multiplies every persona's arrival rate (docs/whatif.md).
@Suite struct DemandScaleTests {
    /// Two personas, one by visits a year and one by arrivals an hour, with a profile.
    static func scenario(scale: Double) -> Scenario {
        var s = Fixture.loss(lambda: 0.5, meanDwell: 5, k: 1_000)
        s.sites[0].staffedHours = Fixture.hours([.mon, .tue, .wed, .thu, .fri, .sat], 9, 20)
        s.personas.append(
            Persona(id: "yearly", name: "Yearly", demand: .visitsPerYear(["lib": 20_000]), profile: "peaks",
                    route: [RouteStep(zone: "room", dwell: .exponential(mean: 10))]))
        s.profiles = [Profile(id: "peaks", hours: (0..<24).map { Double($0 % 5) }, days: [1, 1, 1, 1, 2, 0.5, 0])]
        s.simulation.demandScale = scale
        return s
    }

    @Test func demandScaleTwoDoublesTheExpectedVisitsOfEveryPersonaAtEverySite() {
        let one = CompiledModel(Self.scenario(scale: 1)).streams.map(\.weekHazard)
        let two = CompiledModel(Self.scenario(scale: 2)).streams.map(\.weekHazard)
        #expect(one.count == 2)
        #expect(one.allSatisfy { $0 > 0 })
        for (a, b) in zip(one, two) { #expect(abs(b - 2 * a) <= 1e-9 * b, "\(a) → \(b)") }
    }

    @Test func demandScaleTwoDoublesTheSimulatedVisits() throws {
        let options = RunOptions(days: 28, warmupDays: 0, replications: 4, seed: 3, jobs: 1)
        let one = try #require(Simulator(Self.scenario(scale: 1)).run(options).kpis["visits"]?.mean)
        let two = try #require(Simulator(Self.scenario(scale: 2)).run(options).kpis["visits"]?.mean)
        // About 500 visits a day: 2 × within a few per cent.
        #expect(one > 300)
        #expect(abs(two / one - 2) < 0.05, "\(one) → \(two)")
    }
}
