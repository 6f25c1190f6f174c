import PitstopModel

/// Stage 3 of ``RotaOptimiser``: with the shifts chosen, where each person stands in each
/// half hour. a[p, day, slot, place] ∈ {0, 1} with exactly one place per half hour on duty;
/// the cover rows and their shortfall layers as before, the weighted shortfall held at
/// stage 2's; minimise the half hours a competence asked for is missing (its share of the
/// requirement not held by anyone there who has it) plus one per change of place.
struct AssignmentModel {
    /// Cost of one change of place within a shift, in competence half hours.
    static let switchCost = 1.0

    struct Slot: Hashable {
        var column: Int
        var slot: Int
    }

    let model: RotaModel
    let chosen: [Int]
    var program = IntegerProgram()
    /// Column of a[column's person, slot, place], by (shift, slot) and place.
    var placement: [Slot: [(place: Int, column: Int)]] = [:]

    init(_ model: RotaModel, chosen: [Int], shortfall: Double) {
        self.model = model
        self.chosen = chosen
        let intervals = model.requirements.intervals
        var byRequirement = Array(repeating: [Int](), count: intervals.count)
        var holders = Array(repeating: [(column: Int, person: Int)](), count: intervals.count)
        var switches: [Int] = []
        for j in chosen {
            let c = model.columns[j]
            let mine = model.people[c.person].places.filter { model.places[$0].site == c.site }.sorted()
            for s in c.start..<c.end {
                var options: [(Int, Int)] = []
                for place in mine {
                    let a = program.addColumn(lower: 0, upper: 1, integer: true)
                    options.append((place, a))
                    let i = model.requirementIndex[place][c.day][s]
                    if i >= 0 && model.need[i] > 0 {
                        byRequirement[i].append(a)
                        holders[i].append((a, c.person))
                    }
                }
                placement[Slot(column: j, slot: s)] = options
                program.addRow(options.map { IntegerProgram.Term($0.1, 1) }, lower: 1, upper: 1)
                // A change of place from the half hour before.
                if s > c.start, mine.count > 1, let before = placement[Slot(column: j, slot: s - 1)] {
                    let change = program.addColumn(lower: 0, upper: 1)
                    program.cost[change] = AssignmentModel.switchCost
                    switches.append(change)
                    for (k, option) in options.enumerated() {
                        program.addRow([IntegerProgram.Term(change, 1), IntegerProgram.Term(option.1, -1),
                                        IntegerProgram.Term(before[k].column, 1)], lower: 0)
                    }
                }
            }
        }
        // Cover with the shortfall layers, their weighted sum held.
        var layers: [IntegerProgram.Term] = []
        for (i, r) in intervals.enumerated() where model.need[i] > 0 {
            var terms = byRequirement[i].map { IntegerProgram.Term($0, 1) }
            for k in model.fixedCover[i]..<r.required {
                let u = program.addColumn(lower: 0, upper: 1)
                terms.append(IntegerProgram.Term(u, 1))
                layers.append(IntegerProgram.Term(u, r.weights[k]))
            }
            program.addRow(terms, lower: Double(model.need[i]))
        }
        if !layers.isEmpty {
            program.addRow(layers, upper: shortfall + max(1e-6, abs(shortfall) * 1e-9))
        }
        // Competence: holders there + missing ≥ the competence's share.
        for (i, r) in intervals.enumerated() {
            for (k, share) in r.byCompetence.enumerated() {
                guard let competence = share.competence else { continue }
                let missing = share.required - model.fixedCompetenceCover[i][k]
                let terms = holders[i].filter { model.people[$0.person].competences.contains(competence) }
                guard missing > 0, !terms.isEmpty else { continue }
                let gap = program.addColumn(lower: 0, upper: Double(missing), cost: 1)
                program.addRow(terms.map { IntegerProgram.Term($0.column, 1) } + [IntegerProgram.Term(gap, 1)],
                               lower: Double(missing))
            }
        }
    }

    /// The rota: explicit shifts, then each chosen shift cut where its place changes. Without
    /// a placement (`placed` nil) each half hour goes to the place stage 2's relaxed
    /// presence `relaxed` weighs most (the place before it when none), so a rota is still given.
    func plan(_ placed: [Double]?, relaxed: [Double]?, stages: [SolveStage], solverName: String) -> RotaPlan {
        let intervals = model.requirements.intervals
        var shifts = model.fixed.map { f in
            PlannedShift(person: f.person, day: Weekday(rawValue: f.day) ?? .mon,
                         place: StaffingPlace(site: f.site, zone: f.zone), startMinute: f.start, endMinute: f.end,
                         isFixed: true, travelMinutes: f.travel)
        }
        var planned = model.fixedCover
        var plannedByCompetence = model.fixedCompetenceCover
        for j in chosen {
            let c = model.columns[j]
            var where_: [Int] = []
            for s in c.start..<c.end {
                let options = placement[Slot(column: j, slot: s)] ?? []
                var pick: Int?
                if let placed {
                    pick = options.first { placed[$0.column] > 0.5 }?.place
                } else if let relaxed {
                    let weighed = options.compactMap { o -> (Int, Double)? in
                        guard let w = model.presenceColumn[RotaModel.Presence(person: c.person, day: c.day, slot: s, place: o.place)]
                        else { return nil }
                        return (o.place, relaxed[w])
                    }
                    if let best = weighed.max(by: { $0.1 < $1.1 }), best.1 > 1e-6 { pick = best.0 }
                }
                where_.append(pick ?? where_.last ?? options.first?.place ?? -1)
            }
            // Leading half hours with no place yet take the first place chosen.
            if let firstKnown = where_.first(where: { $0 >= 0 }) {
                for k in where_.indices where where_[k] < 0 { where_[k] = firstKnown }
            }
            var k = 0
            while k < where_.count {
                var e = k + 1
                while e < where_.count && where_[e] == where_[k] { e += 1 }
                let place = where_[k]
                if place >= 0 {
                    shifts.append(PlannedShift(
                        person: model.people[c.person].id, day: Weekday(rawValue: c.day) ?? .mon, place: model.places[place],
                        startMinute: (c.start + k) * RotaModel.slot, endMinute: (c.start + e) * RotaModel.slot,
                        isFixed: false, travelMinutes: k == 0 ? c.travel : 0))
                    for s in (c.start + k)..<(c.start + e) {
                        let i = model.requirementIndex[place][c.day][s]
                        guard i >= 0 else { continue }
                        planned[i] += 1
                        for (n, share) in intervals[i].byCompetence.enumerated() {
                            if let comp = share.competence, model.people[c.person].competences.contains(comp) {
                                plannedByCompetence[i][n] += 1
                            }
                        }
                    }
                }
                k = e
            }
        }
        shifts.sort {
            ($0.day.rawValue, $0.place, $0.startMinute, $0.person) < ($1.day.rawValue, $1.place, $1.startMinute, $1.person)
        }
        let cover = intervals.indices.map { i in
            IntervalCover(requirement: intervals[i], planned: planned[i], plannedByCompetence: plannedByCompetence[i],
                          available: model.available[i])
        }
        return RotaPlan(shifts: shifts, cover: cover, stages: stages, solverName: solverName,
                        columns: model.program.columnCount, rows: model.program.rowCount,
                        integers: model.program.integerCount)
    }
}
