// staffing-bench: the rota's integer program on a scenario, measured (not a test).
//
//   staffing-bench solve FILE [SECONDS]   requirements and the three-stage CBC solve:
//                                         size of the program, each stage's status,
//                                         objective, bound, gap and wall seconds, peak RSS
//   staffing-bench mps FILE OUT.mps       write the first stage (the weighted shortfall)
//                                         as free MPS, for glpsol or the cbc command
//   staffing-bench cbc-mps FILE SECONDS   solve that first stage in-process with CBC alone
//                                         (the in-process side of the GLPK comparison)
import CbcSolving
import Foundation
import PitstopModel
import PitstopScenario
import PitstopSimulation
import PitstopStaffing

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func load(_ path: String) -> Scenario {
    let result = ScenarioLoader.load(path: path)
    guard let scenario = result.scenario else { fail(result.renderedDiagnostics) }
    return scenario
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func wallClock() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// The first stage's program: shortfall costs.
func shortfallProgram(_ scenario: Scenario) -> IntegerProgram {
    let requirements = StaffingRequirements(scenario, demand: ExpectedDemand(scenario))
    return RotaOptimiser(scenario: scenario, requirements: requirements).shortfallProgram()
}

/// Free MPS: names R<i> and C<j>, integer columns between MARKER lines, bounds given.
func mps(_ p: IntegerProgram) -> String {
    var out = "NAME ROTA\nROWS\n N OBJ\n"
    for i in 0..<p.rowCount {
        let lo = p.rowLower[i], hi = p.rowUpper[i]
        let kind = lo == hi ? "E" : lo > -.infinity && hi == .infinity ? "G" : lo == -.infinity ? "L" : "G"
        out += " \(kind) R\(i)\n"
    }
    out += "COLUMNS\n"
    var byColumn = Array(repeating: [(Int, Double)](), count: p.columnCount)
    for (i, row) in p.rows.enumerated() { for t in row { byColumn[t.column].append((i, t.coefficient)) } }
    var inInteger = false
    for j in 0..<p.columnCount {
        if p.isInteger[j] != inInteger {
            out += inInteger ? " M\(j) 'MARKER' 'INTEND'\n" : " M\(j) 'MARKER' 'INTORG'\n"
            inInteger = p.isInteger[j]
        }
        if p.cost[j] != 0 { out += " C\(j) OBJ \(p.cost[j])\n" }
        for (i, v) in byColumn[j] { out += " C\(j) R\(i) \(v)\n" }
        if p.cost[j] == 0 && byColumn[j].isEmpty { out += " C\(j) OBJ 0\n" }
    }
    if inInteger { out += " MEND 'MARKER' 'INTEND'\n" }
    out += "RHS\n"
    for i in 0..<p.rowCount {
        let lo = p.rowLower[i], hi = p.rowUpper[i]
        let rhs = lo > -.infinity ? lo : hi
        if rhs != 0 { out += " RHS R\(i) \(rhs)\n" }
    }
    var ranges = ""
    for i in 0..<p.rowCount where p.rowLower[i] > -.infinity && p.rowUpper[i] < .infinity && p.rowLower[i] != p.rowUpper[i] {
        ranges += " RNG R\(i) \(p.rowUpper[i] - p.rowLower[i])\n"
    }
    if !ranges.isEmpty { out += "RANGES\n" + ranges }
    out += "BOUNDS\n"
    for j in 0..<p.columnCount {
        let lo = p.columnLower[j], hi = p.columnUpper[j]
        if hi < .infinity { out += " UP BND C\(j) \(hi)\n" }
        if lo != 0 { out += " LO BND C\(j) \(lo)\n" }
    }
    return out + "ENDATA\n"
}

let args = Array(CommandLine.arguments.dropFirst())
guard let command = args.first, args.count >= 2 else {
    fail("usage: staffing-bench solve FILE [SECONDS] | mps FILE OUT.mps | cbc-mps FILE SECONDS")
}
let scenario = load(args[1])
switch command {
case "solve":
    let seconds = args.count > 2 ? Double(args[2]) ?? 60 : 60
    let t0 = wallClock()
    let requirements = StaffingRequirements(scenario, demand: ExpectedDemand(scenario))
    let t1 = wallClock()
    let optimiser = RotaOptimiser(scenario: scenario, requirements: requirements,
                                  settings: RotaSettings(timeLimitSeconds: seconds))
    let plan = optimiser.plan(solver: CBCSolver())
    let t2 = wallClock()
    print("scenario \(scenario.name): \(requirements.intervals.count) requirement half hours, "
          + "\(requirements.places.count) places, \(String(format: "%.3f", t1 - t0)) s")
    print("program: \(plan.columns) columns (\(plan.integers) binary), \(plan.rows) rows")
    for s in plan.stages {
        print("  \(s.name): \(s.status.rawValue) objective \(s.objective.map { String(format: "%.4f", $0) } ?? "–") "
              + "bound \(s.bound.map { String(format: "%.4f", $0) } ?? "–") gap \(s.gap.map { String(format: "%.4f", $0) } ?? "–") "
              + "\(String(format: "%.1f", s.seconds)) s")
    }
    print(String(format: "rota: %d shifts, %.1f floor h/week, %.1f travel h, shortfall %.1f h; total %.1f s, peak RSS %.0f MB",
                 plan.shifts.count, plan.floorHours, plan.travelHours, plan.shortfallHours, t2 - t0, peakRSSMegabytes()))
case "mps":
    guard args.count > 2 else { fail("mps FILE OUT.mps") }
    let text = mps(shortfallProgram(scenario))
    guard FileManager.default.createFile(atPath: args[2], contents: Data(text.utf8)) else { fail("cannot write \(args[2])") }
case "cbc-mps":
    let seconds = args.count > 2 ? Double(args[2]) ?? 60 : 60
    let program = shortfallProgram(scenario)
    let s = CBCSolver().solve(program, options: SolverOptions(timeLimitSeconds: seconds))
    print("CBC in-process, shortfall stage: \(s.status.rawValue) objective \(s.objective.map { String(format: "%.4f", $0) } ?? "–") "
          + "bound \(s.bound.map { String(format: "%.4f", $0) } ?? "–") gap \(s.gap.map { String(format: "%.4f", $0) } ?? "–") "
          + String(format: "%.1f s, peak RSS %.0f MB", s.seconds, peakRSSMegabytes()))
default:
    fail("unknown command \(command)")
}
