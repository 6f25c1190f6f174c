import PitstopModel
import Synchronization
import Testing

@testable import PitstopSimulation

/// `Simulator.run(_:progress:isCancelled:)`: a front end whose user went away stops a run
/// between replications.
@Suite struct CancellationTests {
    let scenario = Fixture.mmc(lambda: 0.5, mu: 1, servers: 1)
    let options = RunOptions(days: 2, warmupDays: 0, replications: 8, seed: 7, jobs: 1)

    @Test func aRunThatIsNeverCancelledGivesTheUsualResults() throws {
        let plain = Simulator(scenario).run(options)
        let cancellable = Simulator(scenario).run(options, isCancelled: { false })
        #expect(cancellable?.json() == plain.json())
    }

    @Test func aRunCancelledBeforeItStartsRunsNoReplicationAndGivesNothing() {
        let finished = Atomic(0)
        let result = Simulator(scenario).run(
            options, progress: { _, _ in finished.add(1, ordering: .relaxed) }, isCancelled: { true })
        #expect(result == nil)
        #expect(finished.load(ordering: .relaxed) == 0)
    }

    @Test func aRunCancelledMidwayStopsBeforeTheNextReplication() {
        let finished = Atomic(0)
        let result = Simulator(scenario).run(
            options, progress: { _, _ in finished.add(1, ordering: .relaxed) },
            isCancelled: { finished.load(ordering: .relaxed) >= 3 })
        #expect(result == nil)
        #expect(finished.load(ordering: .relaxed) == 3)
    }
}
