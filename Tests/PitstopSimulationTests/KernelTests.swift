import PitstopModel
import Testing

@testable import PitstopSimulation

@Suite struct KernelTests {
    @Test func simultaneousEventsRunInSchedulingOrder() {
        var heap = EventHeap()
        for i in 0..<6 { heap.schedule(at: 100, priority: 8, kind: 1, a: Int32(i)) }
        heap.schedule(at: 50, priority: 8, kind: 1, a: 99)
        var order: [Int32] = []
        while let e = heap.pop() { order.append(e.a) }
        #expect(order == [99, 0, 1, 2, 3, 4, 5])
    }

    @Test func priorityBreaksTiesBeforeSequence() {
        var heap = EventHeap()
        heap.schedule(at: 10, priority: 8, kind: 1, a: 1)
        heap.schedule(at: 10, priority: 2, kind: 2, a: 2)
        heap.schedule(at: 10, priority: 8, kind: 3, a: 3)
        heap.schedule(at: 10, priority: 0, kind: 4, a: 4)
        var order: [(Int32, UInt8)] = []
        while let e = heap.pop() { order.append((e.a, e.kind)) }
        #expect(order.map(\.0) == [4, 2, 1, 3])
        #expect(order.map(\.1) == [4, 2, 1, 3])
    }

    /// Random schedules pop in (time, priority, sequence) order.
    @Test func heapOrderMatchesSortedOrder() {
        var rng = SplitMix64(state: 17)
        var heap = EventHeap()
        var expected: [(Tick, UInt8, Int32)] = []
        for i in 0..<2000 {
            let t = Tick(rng.next() % 50), p = UInt8(rng.next() % 3)
            heap.schedule(at: t, priority: p, kind: 0, a: Int32(i))
            expected.append((t, p, Int32(i)))
            if i % 7 == 0, let e = heap.pop() {  // interleave pops with pushes
                let j = expected.indices.min { (expected[$0].0, expected[$0].1, expected[$0].2) < (expected[$1].0, expected[$1].1, expected[$1].2) }!
                #expect(e.a == expected[j].2)
                expected.remove(at: j)
            }
        }
        expected.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        var popped: [Int32] = []
        while let e = heap.pop() { popped.append(e.a) }
        #expect(popped == expected.map(\.2))
    }

    /// Lazy cancellation: a timer carries its owner's generation; bumping the generation
    /// voids it without touching the heap.
    @Test func cancelledTimersDoNotFire() {
        var heap = EventHeap()
        var generation = Array(repeating: UInt32(0), count: 4)
        for owner in 0..<4 { heap.schedule(at: Tick(10 * (owner + 1)), priority: 8, kind: 1, a: Int32(owner), b: generation[owner]) }
        generation[1] &+= 1  // cancel owner 1
        generation[3] &+= 1  // cancel owner 3 …
        heap.schedule(at: 35, priority: 8, kind: 1, a: 3, b: generation[3])  // … and re-arm it earlier
        var fired: [(Int32, Tick)] = []
        while let e = heap.pop() {
            if generation[Int(e.a)] == e.b { fired.append((e.a, e.time)) }
        }
        #expect(fired.map(\.0) == [0, 2, 3])
        #expect(fired.map(\.1) == [10, 30, 35])
    }

    /// In the engine: with patience const(5) and dialogues of const(10) for one clerk, every
    /// served visitor waited under 5 minutes (the timer of a served visitor is void, and a
    /// visitor whose timer fired is never served), and requests = served + abandoned + those
    /// still queued at the horizon.
    @Test func patienceTimersAreCancelledWhenServed() throws {
        var scenario = Fixture.mmc(lambda: 0.15, mu: 0.1, servers: 1, patience: .constant(5))
        scenario.personas[0].dialogue?.duration = .constant(10)
        let r = Simulator(scenario).run(RunOptions(days: 4, warmupDays: 0, replications: 2, seed: 9, jobs: 1))
        #expect(r.waitHistogram.counts[5...].allSatisfy { $0 == 0 })
        #expect(r.waitHistogram.total > 0)
        let requested = try #require(r.kpis["dialogues_requested"]?.mean)
        let served = try #require(r.kpis["dialogues_served"]?.mean)
        let abandoned = try #require(r.kpis["abandoned"]?.mean)
        #expect(abandoned > 0)
        #expect(served + abandoned <= requested + 1e-9)
        // Unresolved are only those still queued at the horizon (asked in its last 5 minutes).
        #expect((requested - served - abandoned) * 4 * 2 < 12)
        #expect((r.kpis["wait_p90_min"]?.mean ?? 99) < 5)
    }

    @Test func tQuantiles() {
        #expect(abs(tQuantile95(df: 1) - 12.706205) < 1e-6)
        #expect(abs(tQuantile95(df: 9) - 2.262157) < 1e-6)
        #expect(abs(tQuantile95(df: 19) - 2.093024) < 1e-6)
        #expect(abs(tQuantile95(df: 31) - 2.039513) < 1e-6)
        #expect(abs(tQuantile95(df: 60) - 2.000298) < 1e-6)
        #expect(abs(tQuantile95(df: 120) - 1.979930) < 1e-6)
        #expect(abs(tQuantile95(df: 1000) - 1.962339) < 1e-6)
        #expect(tQuantile95(df: 0) == .infinity)
    }

    /// Each distribution: one uniform per draw, the right mean, never negative.
    @Test(arguments: [
        (Distribution.exponential(mean: 5), 5.0, 5.0),
        (.uniform(2, 10), 6.0, 8 / 12.0.squareRoot()),
        (.triangular(min: 1, mode: 2, max: 9), 4.0, 1.779513),
        (.lognormal(mean: 25, sd: 10), 25.0, 10.0),
        (.normal(mean: 20, sd: 4), 20.0, 4.0),
        (.constant(3), 3.0, 0.0),
    ])
    func samplersHaveTheRightMoments(_ d: Distribution, _ mean: Double, _ sd: Double) {
        let s = Sampler(d)
        var rng = SplitMix64(state: 123)
        var draws = 0
        var sum = 0.0, sum2 = 0.0
        let n = 40_000
        for _ in 0..<n {
            let before = rng.state
            let x = s.draw(&rng)
            if rng.state != before { draws += 1 }
            #expect(x >= 0)
            sum += x
            sum2 += x * x
        }
        let m = sum / Double(n), v = sum2 / Double(n) - m * m
        #expect(abs(m - mean) <= 4 * sd / Double(n).squareRoot() + 1e-9, "\(d): mean \(m)")
        #expect(abs(v.squareRoot() - sd) <= 0.05 * sd + 1e-9, "\(d): sd \(v.squareRoot())")
        #expect(draws == (d == .constant(3) ? 0 : n))
    }

    /// Truncation at 0 moves the mean of normal(1, 2) up to the truncated-normal mean.
    @Test func normalIsTruncatedAtZero() {
        let s = Sampler(.normal(mean: 1, sd: 2))
        var rng = SplitMix64(state: 5)
        var sum = 0.0
        for _ in 0..<40_000 { sum += s.draw(&rng) }
        // E[X | X > 0] for N(1, 2²) = 1 + 2 φ(0.5)/Φ(0.5) = 2.0192…
        #expect(abs(sum / 40_000 - 2.01832) < 0.03)
    }

    @Test func normalQuantileInvertsTheCDF() {
        for p in [1e-10, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999999] {
            #expect(abs(normalCDF(normalQuantile(p)) - p) < 1e-12 * max(1, p / 1e-10))
        }
        #expect(abs(normalQuantile(0.975) - 1.959963984540054) < 1e-12)
    }

    @Test func xoshiroMatchesTheReferenceSequence() {
        // Reference: xoshiro256** with state {1, 2, 3, 4} → 11520, 0, 1509978240, 1215971899390074240.
        var x = Xoshiro256(seed: 0)
        x.s0 = 1; x.s1 = 2; x.s2 = 3; x.s3 = 4
        #expect([x.next(), x.next(), x.next(), x.next()] == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
        // splitmix64 from 0: the first outputs of the reference implementation.
        var s = SplitMix64(state: 0)
        #expect(s.next() == 0xE220_A839_7B1D_CDAF)
        #expect(s.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
