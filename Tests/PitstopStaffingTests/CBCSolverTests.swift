import CbcSolving
import Dispatch
import PitstopStaffing
import Testing

@Suite struct CBCSolverTests {
    /// max 10a + 13b + 7c + 8d s.t. 4a + 6b + 3c + 5d ≤ 10 (as a minimisation): a + b = 23.
    static func knapsack() -> IntegerProgram {
        var p = IntegerProgram()
        let values = [10.0, 13, 7, 8], weights = [4.0, 6, 3, 5]
        for v in values { p.addColumn(lower: 0, upper: 1, cost: -v, integer: true) }
        p.addRow(weights.enumerated().map { IntegerProgram.Term($0.offset, $0.element) }, upper: 10)
        return p
    }

    @Test func solvesASmallIntegerProgramToOptimality() throws {
        let s = CBCSolver().solve(Self.knapsack(), options: SolverOptions(timeLimitSeconds: 10))
        #expect(s.status == .optimal)
        #expect(try #require(s.objective) == -23)
        #expect(s.values == [1, 1, 0, 0])
        #expect(s.gap == 0)
        #expect(CBCSolver().name.hasPrefix("COIN-OR CBC 2."))
    }

    @Test func theRelaxationComesWithReducedCosts() throws {
        let s = CBCSolver().solve(Self.knapsack().relaxed(), options: SolverOptions(timeLimitSeconds: 10))
        #expect(s.status == .optimal)
        // The LP fills by value density: a (10/4), c (7/3), then half of b: 23.5.
        let objective = try #require(s.objective)
        #expect(abs(objective + 23.5) < 1e-9)
        #expect(try #require(s.reducedCosts).count == 4)
    }

    @Test func anInfeasibleProgramSaysSo() {
        var p = IntegerProgram()
        let x = p.addColumn(lower: 0, upper: 1, integer: true)
        p.addRow([IntegerProgram.Term(x, 1)], lower: 2)
        #expect(CBCSolver().solve(p, options: SolverOptions(timeLimitSeconds: 5)).status == .infeasible)
        var empty = IntegerProgram()
        empty.addRow([], lower: 1)
        #expect(CBCSolver().solve(empty, options: SolverOptions()).status == .infeasible)
    }

    /// CBC is not re-entrant: the wrapper's lock makes solves from many threads each correct.
    @Test func solvesFromManyThreadsAtOnceAreEachCorrect() {
        let results = SendableBox(Array(repeating: 0.0, count: 8))
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let s = CBCSolver().solve(Self.knapsack(), options: SolverOptions(timeLimitSeconds: 10))
            results.set(i, s.objective ?? .nan)
        }
        #expect(results.values.allSatisfy { $0 == -23 })
    }

    /// A start solution is used: with no time to search, the start comes back.
    @Test func aStartSolutionIsKept() throws {
        var p = Self.knapsack()
        p.start = [1, 1, 0, 0]
        let s = CBCSolver().solve(p, options: SolverOptions(timeLimitSeconds: 5))
        #expect(try #require(s.objective) <= -23)
    }
}

/// A lock-protected array for collecting results from threads.
final class SendableBox: @unchecked Sendable {
    private let lock = NSLockLike()
    private var storage: [Double]
    init(_ values: [Double]) { storage = values }
    func set(_ i: Int, _ v: Double) { lock.locked { storage[i] = v } }
    var values: [Double] { lock.locked { storage } }
}

/// A minimal lock on DispatchSemaphore (no Foundation needed).
final class NSLockLike: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 1)
    func locked<T>(_ body: () -> T) -> T {
        semaphore.wait()
        defer { semaphore.signal() }
        return body()
    }
}
