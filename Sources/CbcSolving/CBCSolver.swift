import CCbc
import Foundation
import PitstopStaffing

/// COIN-OR CBC, linked in-process, solving ``IntegerProgram``s.
///
/// Debian's CBC is not safe to call from two threads at once (coin-or/Cbc#332: the command
/// parser is shared), so every solve goes through one process-wide lock: solves run one at
/// a time, from any thread. Each solve builds a fresh model and frees it. CBC's own output
/// is silenced (log level 0) and, while it runs, file descriptor 1 points at `/dev/null`, so
/// nothing it prints (a caught `CoinError`, notes on an initial solution's rounding) reaches
/// standard output — `--format json` stays one JSON document — or clutters standard error;
/// failures are read from the solver's status instead. The time limit is wall-clock (`timeMode
/// elapsed`), the search single-threaded, so a solve that finishes within its limit is
/// repeatable; one stopped by the limit returns the best solution found by then.
///
/// ```swift
/// let solution = CBCSolver().solve(program, options: SolverOptions(timeLimitSeconds: 30))
/// ```
public struct CBCSolver: IntegerProgramSolver {
    public init() {}

    /// `COIN-OR CBC 2.10.8`.
    public var name: String { "COIN-OR CBC " + CBCSolver.version }

    /// The library's version, as it reports it.
    public static var version: String { String(cString: Cbc_getVersion()) }

    public func solve(_ program: IntegerProgram, options: SolverOptions) -> IntegerSolution {
        CBCEngine.shared.solve(program, options: options)
    }
}

/// The lock around every CBC call, and the solve itself.
private final class CBCEngine: @unchecked Sendable {
    static let shared = CBCEngine()
    private let lock = NSLock()

    func solve(_ program: IntegerProgram, options: SolverOptions) -> IntegerSolution {
        let started = ContinuousClock.now
        func seconds() -> Double {
            let d = ContinuousClock.now - started
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        if program.columnCount == 0 {
            // Nothing to decide: CBC is not needed (and not asked) for an empty model.
            let feasible = program.violation([]) <= 1e-9
            return IntegerSolution(status: feasible ? .optimal : .infeasible, values: feasible ? [] : nil,
                                   objective: feasible ? 0 : nil, bound: feasible ? 0 : nil, seconds: seconds())
        }
        lock.lock()
        defer { lock.unlock() }
        guard let model = Cbc_newModel() else {
            return IntegerSolution(status: .failed, values: nil, objective: nil, bound: nil, seconds: seconds())
        }
        defer { Cbc_deleteModel(model) }

        let n = program.columnCount
        let infinity = Double.greatestFiniteMagnitude
        func finite(_ x: Double) -> Double { x == .infinity ? infinity : x == -.infinity ? -infinity : x }
        let matrix = program.columnMajor()
        let columnLower = program.columnLower.map(finite), columnUpper = program.columnUpper.map(finite)
        let rowLower = program.rowLower.map(finite), rowUpper = program.rowUpper.map(finite)
        Cbc_loadProblem(model, Int32(n), Int32(program.rowCount), matrix.start, matrix.index, matrix.value,
                        columnLower, columnUpper, program.cost, rowLower, rowUpper)
        for j in 0..<n where program.isInteger[j] { Cbc_setInteger(model, Int32(j)) }
        Cbc_setObjSense(model, 1)
        Cbc_setLogLevel(model, 0)
        Cbc_setMaximumSeconds(model, max(0.1, options.timeLimitSeconds))
        Cbc_setParameter(model, "timeMode", "elapsed")
        Cbc_setParameter(model, "threads", "1")
        Cbc_setAllowableFractionGap(model, max(0, options.relativeGap))
        if let start = program.start, start.count == n {
            Cbc_setInitialSolution(model, start)
            // With an initial solution, CBC 2.10.8's preprocessing can dereference a null
            // pointer in libCgl (seen here on rota sub-problems): it is switched off.
            Cbc_setParameter(model, "preprocess", "off")
        }

        let rc = QuietStandardOutput.run { Cbc_solve(model) }

        let status = Cbc_status(model), secondary = Cbc_secondaryStatus(model)
        let integral = program.integerCount > 0
        let hasSolution = integral ? Cbc_bestSolution(model) != nil : Cbc_isProvenOptimal(model) != 0
        if Cbc_isProvenInfeasible(model) != 0 && !hasSolution {
            return IntegerSolution(status: .infeasible, values: nil, objective: nil, bound: nil, seconds: seconds())
        }
        // For an integer program the best solution found (the LP solver's current point may
        // be another: after a solve ended in preprocessing it can be all zeros).
        let solution: UnsafePointer<Double>? = integral ? Cbc_bestSolution(model).map { UnsafePointer($0) } : Cbc_getColSolution(model)
        guard hasSolution, rc >= 0, let pointer = solution else {
            let stopped = status == 1 && secondary == 4
            return IntegerSolution(status: stopped ? .noSolution : .failed, values: nil, objective: nil,
                                   bound: nil, seconds: seconds())
        }
        // The solution points into the model: copy it before the model is freed.
        var values = Array(UnsafeBufferPointer(start: pointer, count: n))
        for j in 0..<n where program.isInteger[j] { values[j] = values[j].rounded() }
        // Trust, but verify: a point that breaks a row or a bound is no solution.
        guard program.violation(values) <= 1e-6 else {
            return IntegerSolution(status: .failed, values: nil, objective: nil, bound: nil, seconds: seconds())
        }
        let objective = program.objective(values)
        let finished = Cbc_isProvenOptimal(model) != 0 && (status == 0 || !integral)
        let bound = finished && !integral ? objective : Cbc_getBestPossibleObjValue(model)
        var reducedCosts: [Double]?
        if finished && !integral, let d = Cbc_getReducedCost(model) {
            reducedCosts = Array(UnsafeBufferPointer(start: d, count: n))
        }
        return IntegerSolution(
            status: finished ? .optimal : .timeLimit, values: values, objective: objective,
            bound: bound.isFinite && abs(bound) < 1e300 ? min(bound, objective) : nil, seconds: seconds(),
            reducedCosts: reducedCosts)
    }
}

/// Points file descriptor 1 at `/dev/null` while C code runs, so that whatever it prints
/// cannot mix into what the program writes on standard output.
enum QuietStandardOutput {
    static func run<T>(_ body: () -> T) -> T {
        fflush(nil)
        let saved = dup(1)
        guard saved >= 0 else { return body() }
        let null = open("/dev/null", O_WRONLY)
        _ = dup2(null >= 0 ? null : 2, 1)
        if null >= 0 { close(null) }
        defer {
            fflush(nil)
            _ = dup2(saved, 1)
            close(saved)
        }
        return body()
    }
}
