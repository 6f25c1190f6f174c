import PitstopModel

/// The hard rules of the rota besides the scenario's own (`max_shift_hours`, `floor_share`).
public struct RotaSettings: Sendable, Hashable {
    /// The shortest generated shift, in hours (a staffed range shorter than this may be
    /// worked whole).
    public var minimumShiftHours: Double
    /// The least rest between the end of one day's work and the start of the next, in hours.
    public var minimumRestHours: Double
    /// Wall-clock seconds for all the solver's stages together.
    public var timeLimitSeconds: Double
    /// The relative gap at which a stage counts as solved.
    public var relativeGap: Double
    /// The most floor hours a week for everyone together (explicit shifts included); `nil`:
    /// only each person's own limit.
    public var maximumWeeklyHours: Double?

    public init(minimumShiftHours: Double = 3, minimumRestHours: Double = 11, timeLimitSeconds: Double = 60,
                relativeGap: Double = 1e-4, maximumWeeklyHours: Double? = nil) {
        self.minimumShiftHours = minimumShiftHours
        self.minimumRestHours = minimumRestHours
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.maximumWeeklyHours = maximumWeeklyHours
    }
}

/// One shift of the rota: a person at a place on a weekday, in clock minutes.
public struct PlannedShift: Sendable, Hashable {
    public var person: String
    public var day: Weekday
    public var place: StaffingPlace
    public var startMinute: Int
    public var endMinute: Int
    /// An explicit shift of the scenario, kept as it was.
    public var isFixed: Bool
    /// Minutes of travel to the site that day (counted once a day, for the first shift).
    public var travelMinutes: Double

    public var hours: ClockRange { ClockRange(start: startMinute, end: endMinute) }

    public init(person: String, day: Weekday, place: StaffingPlace, startMinute: Int, endMinute: Int,
                isFixed: Bool = false, travelMinutes: Double = 0) {
        self.person = person
        self.day = day
        self.place = place
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.isFixed = isFixed
        self.travelMinutes = travelMinutes
    }
}

/// One stage of the lexicographic solve and how it ended.
public struct SolveStage: Sendable, Hashable {
    /// `shortfall`, `hours` or `placement`.
    public var name: String
    public var status: SolveStatus
    public var objective: Double?
    public var bound: Double?
    public var gap: Double?
    public var seconds: Double
}

/// How one requirement interval is covered by the rota.
public struct IntervalCover: Sendable, Hashable {
    public var requirement: StaffingRequirement
    /// Staff the rota has at the place in that half hour.
    public var planned: Int
    /// Of those, holders of each competence asked for (same order as the requirement's `byCompetence`).
    public var plannedByCompetence: [Int]
    /// Staff who could be there at all (eligible, working at the site, not excluded by an
    /// explicit shift elsewhere) — ignoring hours already spent.
    public var available: Int

    public var shortfall: Int { max(0, requirement.required - planned) }
}

/// The best rota the scenario's people can work for a set of requirements, found by an
/// integer program and a real MIP solver.
public struct RotaPlan: Sendable {
    public var shifts: [PlannedShift]
    public var cover: [IntervalCover]
    public var stages: [SolveStage]
    public var solverName: String
    public var columns: Int
    public var rows: Int
    public var integers: Int

    /// The first stage's status (whether a rota was found at all and whether the shortfall is optimal).
    public var status: SolveStatus { stages.first?.status ?? .failed }
    /// Whether the solver found a rota (the explicit shifts alone count when it did not).
    public var found: Bool { stages.first?.status == .optimal || stages.first?.status == .timeLimit }

    /// Staff-hours a week on the floor (explicit shifts included), travel not.
    public var floorHours: Double { shifts.reduce(0) { $0 + Double($1.endMinute - $1.startMinute) } / 60 }
    /// Travel hours a week.
    public var travelHours: Double { shifts.reduce(0) { $0 + $1.travelMinutes } / 60 }
    /// Staff-hours a week short of the requirements.
    public var shortfallHours: Double { Double(cover.reduce(0) { $0 + $1.shortfall }) * 0.5 }

    /// Shortfall hours a week per place.
    public var shortfallHoursByPlace: [StaffingPlace: Double] {
        var out: [StaffingPlace: Double] = [:]
        for c in cover { out[c.requirement.place, default: 0] += Double(c.shortfall) * 0.5 }
        return out
    }
}

/// Builds the integer programs that put the scenario's real people on shifts, solves them
/// in three stages and reads the rota back.
///
/// Shifts: x[p, day, site, start, length] ∈ {0, 1} for every person p at one of their work
/// sites where they may work at some place (their unit covers the zone, or a rule for it
/// draws from their unit; for a roving pool, any zone at the site), starting on the half
/// hour inside one staffed range, lasting from the minimum shift length up to
/// `max_shift_hours` (less what explicit shifts take that day), not overlapping an explicit
/// shift. A shift that does not start and end in a half hour where someone is needed is
/// left out when a shorter one covers the same need (it could only cost hours).
/// Where a person on duty stands, half hour by half hour: w[p, day, slot, place] ≥ 0 with
/// Σ_place w ≤ Σ x on duty. For fixed shifts this is a transportation problem, so w needs no
/// integrality in stages 1 and 2 (stage 3 makes it whole). Rows:
/// - one shift a person a day (so one site a day); a day with an explicit shift allows a
///   generated one only at that shift's site;
/// - weekly minutes, travel included, at most fte × `week_hours` × `floor_share` (explicit
///   shifts and their travel count first); optionally a cap on the week's floor hours;
/// - minimum rest between days (only where the staffed hours make a conflict possible);
/// - cover: per place and half hour, Σ w + Σ shortfall layers ≥ required − explicit cover;
///   layer k costs the requests the k-th staff member would serve (Erlang's marginal
///   value), so the shortfall is "expected requests lost".
///
/// Stages (lexicographic, solver notes pitfall 9): 1. minimise the weighted shortfall;
/// 2. with the shortfall held at its best, minimise staff hours (travel included);
/// 3. with the shifts fixed and the shortfall held, place each person half hour by half
///    hour (w binary) to minimise the half hours a competence asked for is missing, plus one
///    for every change of place within a shift. Stages 1 and 2 each start from their
///    linear relaxation (its optimum bounds the stage; the integer program restricted to the
///    columns it uses gives a first rota — or, when it finds none in time, the explicit shifts
///    alone), then improve it neighbourhood by neighbourhood.
/// The time limit is shared: stage 1 gets 45 %, stage 2 60 % of what is left, stage 3 the rest.
public struct RotaOptimiser: Sendable {
    public let scenario: Scenario
    public let requirements: StaffingRequirements
    public let settings: RotaSettings

    public init(scenario: Scenario, requirements: StaffingRequirements, settings: RotaSettings = RotaSettings()) {
        self.scenario = scenario
        self.requirements = requirements
        self.settings = settings
    }

    /// The first stage's program (the weighted shortfall), for measuring solvers.
    public func shortfallProgram() -> IntegerProgram {
        let model = RotaModel(scenario: scenario, requirements: requirements, settings: settings)
        var program = model.program
        program.cost = model.shortfallCost
        return program
    }

    /// The rota, solved with `solver`.
    public func plan(solver: some IntegerProgramSolver) -> RotaPlan {
        let model = RotaModel(scenario: scenario, requirements: requirements, settings: settings)
        var program = model.program
        var stages: [SolveStage] = []
        let clock = ContinuousClockReading()
        var best: [Double]?

        // Stage 1: the weighted shortfall.
        program.cost = model.shortfallCost
        let hoods = model.neighbourhoods()
        let first = solveStage(program, start: nil, seconds: settings.timeLimitSeconds * 0.45, neighbourhoods: hoods,
                               fallback: model.emptyRota, solver: solver)
        stages.append(SolveStage(name: "shortfall", first))
        if let x = first.values { best = x }

        // Stage 2: staff hours, the shortfall held.
        var shortfall = best.map { model.program.objective($0, costs: model.shortfallCost) } ?? 0
        if let x = best, model.hasDecisions {
            program.addRow(model.terms(model.shortfallCost), upper: shortfall + max(1e-6, abs(shortfall) * 1e-9))
            program.cost = model.hoursCost
            let left = max(1, settings.timeLimitSeconds - clock.seconds)
            let second = solveStage(program, start: x, seconds: left * 0.6, neighbourhoods: hoods, solver: solver)
            stages.append(SolveStage(name: "hours", second))
            if let y = second.values, model.program.violation(y) <= 1e-6 {
                best = y
                shortfall = model.program.objective(y, costs: model.shortfallCost)
            }
        }

        // Stage 3: who stands where, half hour by half hour.
        let chosen = best.map { x in model.columns.indices.filter { x[$0] > 0.5 } } ?? []
        let assignment = AssignmentModel(model, chosen: chosen, shortfall: shortfall)
        var placed: [Double]?
        if !chosen.isEmpty {
            let left = max(1, settings.timeLimitSeconds - clock.seconds)
            let third = solver.solve(assignment.program, options: SolverOptions(
                timeLimitSeconds: left, relativeGap: settings.relativeGap))
            stages.append(SolveStage(name: "placement", third))
            placed = third.values
        }
        return assignment.plan(placed, relaxed: best, stages: stages, solverName: solver.name)
    }

    /// One stage, every search done by the solver:
    /// 1. the linear relaxation — its optimum bounds the stage;
    /// 2. the integer program restricted to the columns the relaxation uses (and `start`'s):
    ///    small, solved fast, a first rota;
    /// 3. fix and optimise: each neighbourhood in turn (the shifts of one unit's people, of
    ///    two neighbouring days, …) is solved with every other shift held as it is, and
    ///    kept when it is better; rounds repeat while they improve and time is left.
    /// The stage's gap is the best rota's distance from the relaxation's bound.
    func solveStage(_ program: IntegerProgram, start: [Double]?, seconds: Double, neighbourhoods: [[Int]],
                    fallback: [Double]? = nil, solver: some IntegerProgramSolver) -> IntegerSolution {
        let clock = ContinuousClockReading()
        let gap = settings.relativeGap
        func left() -> Double { seconds - clock.seconds }
        let relaxation = solver.solve(program.relaxed(), options: SolverOptions(timeLimitSeconds: seconds * 0.3, relativeGap: gap))
        let bound = relaxation.status == .optimal ? relaxation.objective : nil
        var best: (values: [Double], objective: Double)?
        if let x = start { best = (x, program.objective(x)) }
        func offer(_ s: IntegerSolution) {
            if let x = s.values, let o = s.objective, o < (best?.objective ?? .infinity) - 1e-9 { best = (x, o) }
        }
        func solved() -> Bool {
            guard let b = bound, let o = best?.objective else { return false }
            return o - b <= max(1e-9, gap * abs(o))
        }
        var proven = false
        if let lp = relaxation.values, relaxation.status == .optimal {
            var restricted = program
            for j in 0..<program.columnCount where program.isInteger[j] && lp[j] < 1e-6 && (start?[j] ?? 0) < 0.5 {
                restricted.setUpper(j, 0)
            }
            restricted.start = start
            offer(solver.solve(restricted, options: SolverOptions(timeLimitSeconds: max(0.5, left() * 0.4), relativeGap: gap)))
        } else {
            // No relaxation in time: the whole program, once.
            let whole = solver.solve(program, options: SolverOptions(timeLimitSeconds: max(0.5, left()), relativeGap: gap))
            offer(whole)
            proven = whole.status == .optimal
        }
        // Nothing found in time: fix and optimise from the fallback (the explicit shifts alone).
        if best == nil, let x = fallback, program.violation(x) <= 1e-6 { best = (x, program.objective(x)) }
        var improved = true
        while improved && !proven && !solved() && best != nil && left() > 1 {
            improved = false
            for (n, hood) in neighbourhoods.enumerated() where left() > 1 && !solved() {
                guard let incumbent = best else { break }
                let free = Set(hood)
                var held: [Int: Double] = [:]
                for j in 0..<program.columnCount where program.isInteger[j] && !free.contains(j) {
                    held[j] = incumbent.values[j].rounded()
                }
                var (sub, kept) = program.fixing(held)
                sub.start = kept.map { incumbent.values[$0] }
                let share = left() / Double(max(1, neighbourhoods.count - n))
                let before = incumbent.objective
                let r = solver.solve(sub, options: SolverOptions(timeLimitSeconds: max(1, min(left(), 2 * share)), relativeGap: gap))
                if let y = r.values {
                    var x = incumbent.values
                    for (k, j) in kept.enumerated() { x[j] = y[k] }
                    offer(IntegerSolution(status: r.status, values: x, objective: program.objective(x), bound: nil, seconds: r.seconds))
                }
                if let now = best?.objective, now < before - 1e-9 { improved = true }
            }
        }
        guard let found = best else {
            return IntegerSolution(status: .noSolution, values: nil, objective: nil, bound: bound, seconds: clock.seconds)
        }
        var result = IntegerSolution(status: proven || solved() ? .optimal : .timeLimit, values: found.values,
                                     objective: found.objective, bound: bound.map { min($0, found.objective) },
                                     seconds: clock.seconds)
        if proven { result.bound = found.objective }
        return result
    }
}

extension SolveStage {
    init(name: String, _ s: IntegerSolution) {
        self.init(name: name, status: s.status, objective: s.objective, bound: s.bound, gap: s.gap, seconds: s.seconds)
    }
}

extension IntegerProgram {
    /// Σ costs·x for another cost vector.
    func objective(_ x: [Double], costs: [Double]) -> Double {
        zip(costs, x).reduce(0) { $0 + $1.0 * $1.1 }
    }
}

/// Wall-clock seconds since creation.
struct ContinuousClockReading {
    let start = ContinuousClock.now
    var seconds: Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
