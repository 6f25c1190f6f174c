/// A mixed-integer linear program in a solver-neutral form: minimise Σ cost·x subject to
/// `lower ≤ Σ coefficient·x ≤ upper` per row, bounds per column, some columns integer.
/// Values only; a solver (``IntegerProgramSolver``) takes it from here.
public struct IntegerProgram: Sendable {
    public private(set) var columnLower: [Double] = []
    public private(set) var columnUpper: [Double] = []
    public var cost: [Double] = []
    public private(set) var isInteger: [Bool] = []
    public private(set) var rowLower: [Double] = []
    public private(set) var rowUpper: [Double] = []
    /// Rows as (column, coefficient) terms.
    public private(set) var rows: [[Term]] = []
    /// A known solution to start from (every column), or `nil`.
    public var start: [Double]?

    public struct Term: Sendable, Hashable {
        public var column: Int
        public var coefficient: Double
        public init(_ column: Int, _ coefficient: Double) {
            self.column = column
            self.coefficient = coefficient
        }
    }

    public init() {}

    public var columnCount: Int { cost.count }
    public var rowCount: Int { rows.count }
    public var integerCount: Int { isInteger.lazy.filter { $0 }.count }
    public var nonzeroCount: Int { rows.reduce(0) { $0 + $1.count } }

    /// Adds a column and returns its index.
    @discardableResult
    public mutating func addColumn(lower: Double = 0, upper: Double = .infinity, cost: Double = 0, integer: Bool = false) -> Int {
        columnLower.append(lower)
        columnUpper.append(upper)
        self.cost.append(cost)
        isInteger.append(integer)
        return self.cost.count - 1
    }

    /// Adds `lower ≤ Σ terms ≤ upper` (either may be infinite) and returns the row's index.
    @discardableResult
    public mutating func addRow(_ terms: [Term], lower: Double = -.infinity, upper: Double = .infinity) -> Int {
        rows.append(terms)
        rowLower.append(lower)
        rowUpper.append(upper)
        return rows.count - 1
    }

    /// Changes a column's upper bound (0 leaves the column out of the solution).
    public mutating func setUpper(_ column: Int, _ upper: Double) {
        columnUpper[column] = upper
    }

    /// Fixes a column at a value.
    public mutating func fix(_ column: Int, at value: Double) {
        columnLower[column] = value
        columnUpper[column] = value
    }

    /// The program over the columns not in `fixed` (the others held at their values, moved
    /// into the row bounds), and for each of its columns the index it had here. Rows left
    /// with no column are dropped. `start` and `cost` are carried over.
    public func fixing(_ fixed: [Int: Double]) -> (program: IntegerProgram, columns: [Int]) {
        var kept: [Int] = []
        var newIndex = Array(repeating: -1, count: columnCount)
        var sub = IntegerProgram()
        for j in 0..<columnCount where fixed[j] == nil {
            newIndex[j] = sub.addColumn(lower: columnLower[j], upper: columnUpper[j], cost: cost[j], integer: isInteger[j])
            kept.append(j)
        }
        for (i, row) in rows.enumerated() {
            var constant = 0.0
            var terms: [Term] = []
            for t in row {
                if let v = fixed[t.column] { constant += t.coefficient * v } else { terms.append(Term(newIndex[t.column], t.coefficient)) }
            }
            guard !terms.isEmpty else { continue }
            sub.addRow(terms, lower: rowLower[i] - constant, upper: rowUpper[i] - constant)
        }
        if let start { sub.start = kept.map { start[$0] } }
        return (sub, kept)
    }

    /// The linear relaxation: the same program with no integer columns.
    public func relaxed() -> IntegerProgram {
        var copy = self
        copy.isInteger = Array(repeating: false, count: columnCount)
        copy.start = nil
        return copy
    }

    /// The matrix column by column (compressed sparse columns): `start` has one more entry
    /// than there are columns.
    public func columnMajor() -> (start: [Int32], index: [Int32], value: [Double]) {
        var counts = Array(repeating: 0, count: columnCount)
        for row in rows { for t in row { counts[t.column] += 1 } }
        var start = [Int32](repeating: 0, count: columnCount + 1)
        for j in 0..<columnCount { start[j + 1] = start[j] + Int32(counts[j]) }
        var next = start.dropLast().map { Int($0) }
        var index = [Int32](repeating: 0, count: Int(start[columnCount]))
        var value = [Double](repeating: 0, count: Int(start[columnCount]))
        for (i, row) in rows.enumerated() {
            for t in row {
                index[next[t.column]] = Int32(i)
                value[next[t.column]] = t.coefficient
                next[t.column] += 1
            }
        }
        return (start, index, value)
    }

    /// The objective value of `x`.
    public func objective(_ x: [Double]) -> Double {
        zip(cost, x).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The largest violation of a bound, a row or integrality by `x` (0 when feasible).
    public func violation(_ x: [Double]) -> Double {
        var worst = 0.0
        for j in 0..<columnCount {
            worst = max(worst, columnLower[j] - x[j], x[j] - columnUpper[j])
            if isInteger[j] { worst = max(worst, abs(x[j] - x[j].rounded())) }
        }
        for (i, row) in rows.enumerated() {
            let v = row.reduce(0) { $0 + $1.coefficient * x[$1.column] }
            worst = max(worst, rowLower[i] - v, v - rowUpper[i])
        }
        return worst
    }
}

/// How long and how closely to search.
public struct SolverOptions: Sendable, Hashable {
    /// Wall-clock seconds before the search stops with the best solution found.
    public var timeLimitSeconds: Double
    /// Stop once the relative gap |objective − bound| / |objective| is at most this.
    public var relativeGap: Double

    public init(timeLimitSeconds: Double = 60, relativeGap: Double = 1e-4) {
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
    }
}

/// How a solve ended.
public enum SolveStatus: String, Sendable, Hashable {
    /// Proven optimal (within the allowed gap).
    case optimal
    /// Stopped by the time limit with a solution: the best found, not proven optimal.
    case timeLimit = "time-limit"
    /// Stopped by the time limit before any solution was found.
    case noSolution = "no-solution"
    case infeasible
    /// The solver gave up (numerical trouble or an internal error).
    case failed
}

/// What a solver returns.
public struct IntegerSolution: Sendable {
    public var status: SolveStatus
    /// Every column's value (integers rounded), or `nil` without a solution.
    public var values: [Double]?
    public var objective: Double?
    /// The best bound proven on the objective.
    public var bound: Double?
    /// Wall-clock seconds the solve took.
    public var seconds: Double
    /// For a linear program solved to optimality: each column's reduced cost.
    public var reducedCosts: [Double]?

    public init(status: SolveStatus, values: [Double]?, objective: Double?, bound: Double?, seconds: Double,
                reducedCosts: [Double]? = nil) {
        self.status = status
        self.values = values
        self.objective = objective
        self.bound = bound
        self.seconds = seconds
        self.reducedCosts = reducedCosts
    }

    /// |objective − bound| / |objective| (0 when both are 0; `nil` without both).
    public var gap: Double? {
        guard let objective, let bound else { return nil }
        let difference = abs(objective - bound)
        if difference <= 1e-9 * max(1, abs(objective)) { return 0 }
        return difference / max(abs(objective), 1e-9)
    }
}

/// A MIP solver linked into the program.
public protocol IntegerProgramSolver: Sendable {
    /// The solver's name and version, for reports (`CBC 2.10.8`).
    var name: String { get }
    func solve(_ program: IntegerProgram, options: SolverOptions) -> IntegerSolution
}
