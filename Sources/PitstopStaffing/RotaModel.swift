import PitstopModel

/// The integer programs behind ``RotaOptimiser`` (see there for the formulation), with the
/// maps needed to read a solution back.
struct RotaModel {
    static let slot = StaffingRequirements.slotMinutes
    static let slotsPerDay = StaffingRequirements.slotsPerDay

    /// A person who can be put on generated shifts.
    struct Person {
        var id: String
        var sites: [String]
        var home: String?
        /// Weekly floor minutes: fte × week_hours × floor_share × 60.
        var budget: Double
        var competences: Set<String>
        /// Indices into `places`.
        var places: Set<Int>
    }

    /// A generated shift: person, weekday, site, slots [start, end).
    struct Column {
        var person: Int
        var day: Int
        var site: String
        var start: Int
        var end: Int
        var travel: Double
        var minutes: Int { (end - start) * RotaModel.slot }
    }

    /// A piece of an explicit shift, after clipping to staffed hours and trimming overlaps.
    struct Fixed {
        var person: String
        var day: Int
        var site: String
        var zone: ZonePlacement
        /// The planning place it counts for, if any.
        var place: Int?
        var start: Int
        var end: Int
        var travel: Double
    }

    /// w[person, day, slot, place]: the share of a person's half hour spent at a place.
    struct Presence: Hashable {
        var person: Int
        var day: Int
        var slot: Int
        var place: Int
    }

    let scenario: Scenario
    let requirements: StaffingRequirements
    let settings: RotaSettings
    let places: [StaffingPlace]
    var people: [Person] = []
    var columns: [Column] = []
    var fixed: [Fixed] = []
    /// Index of the requirement of [place][day][slot], −1 when none.
    var requirementIndex: [[[Int]]] = []
    /// Explicit-shift staff per requirement, and per requirement and competence need.
    var fixedCover: [Int] = []
    var fixedCompetenceCover: [[Int]] = []
    /// What is still needed beyond the explicit shifts, per requirement.
    var need: [Int] = []
    /// Eligible people per requirement (ignoring hours).
    var available: [Int] = []
    /// Minutes of explicit shifts (and their travel) per person id.
    var fixedMinutes: [String: Double] = [:]

    /// The program of stages 1 and 2: x (binary, one per column), then w (continuous), then
    /// the shortfall layers.
    var program = IntegerProgram()
    var shortfallCost: [Double] = []
    var hoursCost: [Double] = []
    var presence: [Presence] = []
    var presenceColumn: [Presence: Int] = [:]
    /// The floor minutes of generated shifts are capped (`--max-hours`).
    var hoursCapped = false

    var hasDecisions: Bool { !columns.isEmpty }
    /// The shortfall layer columns.
    var layers: [Int] = []

    /// A rota of explicit shifts only: every layer short. Always feasible.
    var emptyRota: [Double] {
        var x = Array(repeating: 0.0, count: program.columnCount)
        for j in layers { x[j] = 1 }
        return x
    }

    init(scenario: Scenario, requirements: StaffingRequirements, settings: RotaSettings) {
        self.scenario = scenario
        self.requirements = requirements
        self.settings = settings
        places = requirements.places
        let placeIndex = Dictionary(uniqueKeysWithValues: places.enumerated().map { ($1, $0) })
        requirementIndex = places.map { _ in Array(repeating: Array(repeating: -1, count: RotaModel.slotsPerDay), count: 7) }
        for (i, r) in requirements.intervals.enumerated() {
            if let p = placeIndex[r.place] { requirementIndex[p][r.day.rawValue][r.slot] = i }
        }
        let intervals = requirements.intervals

        // People and where each may work.
        let eligibility = RotaModel.eligibleUnits(scenario, places: places)
        let siteIDs = Set(scenario.sites.map(\.id))
        for member in scenario.staff where !member.isVacant {
            guard let unit = member.unit else { continue }
            let sites = scenario.workSites(of: member).filter { siteIDs.contains($0) }
            let mine = Set(places.indices.filter { eligibility[$0].contains(unit) && sites.contains(places[$0].site) })
            people.append(Person(
                id: member.id, sites: sites, home: sites.first,
                budget: member.fte * scenario.weekHours * scenario.staffing.floorShare * 60,
                competences: Set(member.competences), places: mine))
        }

        // Explicit shifts, placed as the simulation places them.
        fixed = RotaModel.fixedPieces(scenario, placeIndex: placeIndex, pooled: requirements.pooledSites)
        fixedCover = Array(repeating: 0, count: intervals.count)
        fixedCompetenceCover = intervals.map { Array(repeating: 0, count: $0.byCompetence.count) }
        let competencesOf = Dictionary(scenario.staff.map { ($0.id, Set($0.competences)) }, uniquingKeysWith: { a, _ in a })
        for f in fixed {
            fixedMinutes[f.person, default: 0] += Double(f.end - f.start) + f.travel
            guard let p = f.place else { continue }
            for s in RotaModel.slotsCovered(start: f.start, end: f.end) {
                let i = requirementIndex[p][f.day][s]
                guard i >= 0 else { continue }
                fixedCover[i] += 1
                for (k, share) in intervals[i].byCompetence.enumerated() {
                    if let c = share.competence, competencesOf[f.person]?.contains(c) == true { fixedCompetenceCover[i][k] += 1 }
                }
            }
        }
        need = intervals.indices.map { max(0, intervals[$0].required - fixedCover[$0]) }

        buildColumns()
        buildProgram()
    }

    /// Whether person `p` has a need to meet at any of their places at a site in a slot.
    private func needsSomeone(_ p: Int, site: String, day: Int, slot: Int) -> Bool {
        people[p].places.contains { place in
            guard places[place].site == site else { return false }
            let i = requirementIndex[place][day][slot]
            return i >= 0 && need[i] > 0
        }
    }

    private mutating func buildColumns() {
        var byPersonDay: [String: [[Fixed]]] = [:]
        for f in fixed { byPersonDay[f.person, default: Array(repeating: [], count: 7)][f.day].append(f) }
        let maxShiftMinutes = Int((scenario.staffing.maxShiftHours * 60).rounded())
        let minShiftSlots = max(1, Int((settings.minimumShiftHours * 60 / Double(RotaModel.slot)).rounded(.up)))
        let restMinutes = Int((settings.minimumRestHours * 60).rounded())
        available = Array(repeating: 0, count: requirements.intervals.count)
        for (pi, person) in people.enumerated() {
            let days = byPersonDay[person.id] ?? Array(repeating: [], count: 7)
            for day in 0..<7 {
                let today = days[day]
                let fixedSites = Set(today.map(\.site))
                if fixedSites.count > 1 { continue }
                let longest = (maxShiftMinutes - today.reduce(0) { $0 + $1.end - $1.start }) / RotaModel.slot
                // Rest against explicit shifts the day before and after.
                let endBefore = days[(day + 6) % 7].map(\.end).max().map { $0 - 1440 }
                let startAfter = days[(day + 1) % 7].map(\.start).min().map { $0 + 1440 }
                for site in person.sites where fixedSites.isEmpty || fixedSites.contains(site) {
                    guard let siteValue = scenario.site(site), person.places.contains(where: { places[$0].site == site }) else {
                        continue
                    }
                    let travel = fixedSites.isEmpty ? RotaModel.travel(scenario, from: person.home, to: site) : 0
                    for range in siteValue.staffedHours.ranges(on: Weekday(rawValue: day) ?? .mon) {
                        let first = (range.start + RotaModel.slot - 1) / RotaModel.slot
                        let last = range.end / RotaModel.slot  // exclusive
                        guard last > first else { continue }
                        let needs = (0..<RotaModel.slotsPerDay).map { needsSomeone(pi, site: site, day: day, slot: $0) }
                        let free = (0..<RotaModel.slotsPerDay).map { s in
                            !today.contains { $0.start < (s + 1) * RotaModel.slot && s * RotaModel.slot < $0.end }
                        }
                        for s in first..<last where free[s] {
                            for place in person.places where places[place].site == site {
                                let i = requirementIndex[place][day][s]
                                if i >= 0 { available[i] += 1 }
                            }
                        }
                        let shortest = min(minShiftSlots, last - first)
                        guard longest >= shortest else { continue }
                        for a in first..<last {
                            let upTo = min(longest, last - a)
                            guard upTo >= shortest else { continue }
                            for length in shortest...upTo {
                                let b = a + length
                                // A longer shift starting or ending where nobody is needed
                                // only costs hours: the shorter one covers the same need.
                                if length > shortest && (!needs[a] || !needs[b - 1]) { continue }
                                if !(a..<b).contains(where: { needs[$0] }) { continue }
                                if (a..<b).contains(where: { !free[$0] }) { continue }
                                let startMinute = a * RotaModel.slot, endMinute = b * RotaModel.slot
                                if let e = endBefore, startMinute < e + restMinutes { continue }
                                if let s = startAfter, endMinute + restMinutes > s { continue }
                                columns.append(Column(person: pi, day: day, site: site, start: a, end: b, travel: travel))
                            }
                        }
                    }
                }
            }
        }
        for f in fixed {
            guard let p = f.place else { continue }
            for s in RotaModel.slotsCovered(start: f.start, end: f.end) {
                let i = requirementIndex[p][f.day][s]
                if i >= 0 { available[i] += 1 }
            }
        }
    }

    private mutating func buildProgram() {
        let intervals = requirements.intervals
        for c in columns {
            program.addColumn(lower: 0, upper: 1, integer: true)
            shortfallCost.append(0)
            hoursCost.append((Double(c.minutes) + c.travel) / Double(RotaModel.slot))
        }
        func addContinuous(shortfall: Double = 0, upper: Double) -> Int {
            shortfallCost.append(shortfall)
            hoursCost.append(0)
            return program.addColumn(lower: 0, upper: upper)
        }
        // Presence: one w per person, day, slot and place with a need, for slots a column covers.
        // On duty is per site: a person's columns at another site that day do not count.
        let siteIndex = Dictionary(uniqueKeysWithValues: scenario.sites.enumerated().map { ($1.id, $0) })
        func onKey(_ person: Int, _ day: Int, _ slot: Int, site: String) -> Presence {
            Presence(person: person, day: day, slot: slot, place: -1 - (siteIndex[site] ?? 0))
        }
        var onTerms: [Presence: [Int]] = [:]
        for (j, c) in columns.enumerated() {
            for s in c.start..<c.end {
                onTerms[onKey(c.person, c.day, s, site: c.site), default: []].append(j)
                for place in people[c.person].places where places[place].site == c.site {
                    let i = requirementIndex[place][c.day][s]
                    guard i >= 0, need[i] > 0 else { continue }
                    let key = Presence(person: c.person, day: c.day, slot: s, place: place)
                    if presenceColumn[key] == nil {
                        presenceColumn[key] = addContinuous(upper: 1)
                        presence.append(key)
                    }
                }
            }
        }
        // Σ_place at the site w[p, d, t, place] ≤ Σ_{x at the site on duty at t} x.
        var wByPersonSlot: [Presence: [Int]] = [:]
        for key in presence {
            wByPersonSlot[onKey(key.person, key.day, key.slot, site: places[key.place].site), default: []]
                .append(presenceColumn[key] ?? 0)
        }
        for (key, ws) in wByPersonSlot.sorted(by: {
            ($0.key.person, $0.key.day, $0.key.slot, $0.key.place) < ($1.key.person, $1.key.day, $1.key.slot, $1.key.place)
        }) {
            let xs = onTerms[key] ?? []
            program.addRow(ws.map { IntegerProgram.Term($0, 1) } + xs.map { IntegerProgram.Term($0, -1) }, upper: 0)
        }
        // Cover, with shortfall layers worth the requests each staff member serves.
        var wByRequirement = Array(repeating: [Int](), count: intervals.count)
        for key in presence {
            let i = requirementIndex[key.place][key.day][key.slot]
            if i >= 0, let column = presenceColumn[key] { wByRequirement[i].append(column) }
        }
        for (i, r) in intervals.enumerated() where need[i] > 0 {
            var terms = wByRequirement[i].map { IntegerProgram.Term($0, 1) }
            for k in fixedCover[i]..<r.required {
                let u = addContinuous(shortfall: r.weights[k], upper: 1)
                layers.append(u)
                terms.append(IntegerProgram.Term(u, 1))
            }
            program.addRow(terms, lower: Double(need[i]))
        }
        // One shift a person a day; weekly minutes; rest between days.
        let restMinutes = Int((settings.minimumRestHours * 60).rounded())
        var byPersonDay = Array(repeating: Array(repeating: [Int](), count: 7), count: people.count)
        for (j, c) in columns.enumerated() { byPersonDay[c.person][c.day].append(j) }
        for (pi, person) in people.enumerated() {
            for day in 0..<7 where byPersonDay[pi][day].count > 1 {
                program.addRow(byPersonDay[pi][day].map { IntegerProgram.Term($0, 1) }, upper: 1)
            }
            let all = byPersonDay[pi].flatMap { $0 }
            guard !all.isEmpty else { continue }
            let budget = max(0, person.budget - (fixedMinutes[person.id] ?? 0))
            let needed = all.map { Double(columns[$0].minutes) + columns[$0].travel }
            // Only when a week of the longest shifts would not fit anyway.
            let most = (0..<7).map { d in byPersonDay[pi][d].map { Double(columns[$0].minutes) + columns[$0].travel }.max() ?? 0 }
            if most.reduce(0, +) > budget + 1e-9 {
                program.addRow(zip(all, needed).map { IntegerProgram.Term($0, $1) }, upper: budget)
            }
            for day in 0..<7 {
                let today = byPersonDay[pi][day], tomorrow = byPersonDay[pi][(day + 1) % 7]
                guard !today.isEmpty, !tomorrow.isEmpty else { continue }
                for e in Set(today.map { columns[$0].end * RotaModel.slot }).sorted() {
                    let late = today.filter { columns[$0].end * RotaModel.slot >= e }
                    let early = tomorrow.filter { columns[$0].start * RotaModel.slot + 1440 < e + restMinutes }
                    guard !early.isEmpty else { continue }
                    program.addRow((late + early).map { IntegerProgram.Term($0, 1) }, upper: 1)
                }
            }
        }
        // The weekly cap on floor hours, explicit shifts included.
        if let cap = settings.maximumWeeklyHours {
            let fixedFloor = fixed.reduce(0.0) { $0 + Double($1.end - $1.start) }
            program.addRow(columns.indices.map { IntegerProgram.Term($0, Double(columns[$0].minutes)) },
                           upper: max(0, cap * 60 - fixedFloor))
            hoursCapped = true
        }
    }

    /// Groups of shift columns re-planned together while the rest stay fixed: the people of
    /// one unit on two neighbouring working days, for every unit and pair of days in turn.
    /// Small enough for the solver to finish each quickly; one round covers every column
    /// twice.
    func neighbourhoods() -> [[Int]] {
        let units = scenario.staff.reduce(into: [String: String]()) { $0[$1.id] = $1.unit ?? "" }
        var unitOrder: [String] = []
        for c in columns where !unitOrder.contains(units[people[c.person].id] ?? "") {
            unitOrder.append(units[people[c.person].id] ?? "")
        }
        let days = Set(columns.map(\.day)).sorted()
        let pairs = days.count > 1 ? Array(zip(days, days.dropFirst() + [days[0]])) : days.map { ($0, $0) }
        var hoods: [[Int]] = []
        for (a, b) in pairs {
            for unit in unitOrder {
                let hood = columns.indices.filter {
                    (columns[$0].day == a || columns[$0].day == b) && (units[people[columns[$0].person].id] ?? "") == unit
                }
                if !hood.isEmpty { hoods.append(hood) }
            }
        }
        return hoods
    }

    /// Terms Σ costs·x over the columns with a cost.
    func terms(_ costs: [Double]) -> [IntegerProgram.Term] {
        costs.indices.filter { costs[$0] != 0 }.map { IntegerProgram.Term($0, costs[$0]) }
    }

    /// Slots whose midpoint lies in [start, end) minutes.
    static func slotsCovered(start: Int, end: Int) -> [Int] {
        (0..<slotsPerDay).filter { s in
            let mid = s * slot + slot / 2
            return start <= mid && mid < end
        }
    }

    static func travel(_ scenario: Scenario, from home: String?, to site: String) -> Double {
        guard let home, home != site else { return 0 }
        return scenario.site(home)?.travelMinutes(to: site, in: scenario) ?? 0
    }

    /// Per place: the units whose people may work there — those whose `covers` hold the
    /// zone (any zone at the site for a roving pool), those a rule for it draws from (`by`),
    /// else the units at the site; each with its descendants.
    static func eligibleUnits(_ scenario: Scenario, places: [StaffingPlace]) -> [Set<String>] {
        let units = scenario.organisation.units
        return places.map { place in
            var set = Set<String>()
            switch place.zone {
            case .zone(let zone):
                set.formUnion(units.filter { $0.covers(site: place.site, zone: zone) }.map(\.id))
                for rule in scenario.staffing.rules where rule.site == place.site && rule.zone == place.zone {
                    set.formUnion(rule.by)
                }
            case .roving:
                set.formUnion(units.filter { u in u.covers.contains { $0.site == place.site && !$0.zones.isEmpty } }.map(\.id))
                for rule in scenario.staffing.rules where rule.site == place.site { set.formUnion(rule.by) }
            }
            if set.isEmpty { set = Set(units.filter { $0.site == place.site }.map(\.id)) }
            var grew = true
            while grew {
                grew = false
                for unit in units where !set.contains(unit.id) {
                    if let parent = unit.parent, set.contains(parent) {
                        set.insert(unit.id)
                        grew = true
                    }
                }
            }
            return set
        }
    }

    /// The explicit shifts as the simulation places them: per weekday, clipped to the
    /// site's staffed hours, a person's later pieces trimmed where they overlap earlier
    /// ones; travel once a day when the first piece is away from home.
    static func fixedPieces(_ scenario: Scenario, placeIndex: [StaffingPlace: Int], pooled: Set<String>) -> [Fixed] {
        var out: [Fixed] = []
        var busy: [String: [[ClockRange]]] = [:]
        let members = Dictionary(scenario.staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for shift in scenario.staffing.shifts {
            guard let site = scenario.site(shift.site) else { continue }
            if case .zone(let z) = shift.zone, site.zone(z) == nil { continue }
            let place: Int? = pooled.contains(shift.site)
                ? placeIndex[StaffingPlace(site: shift.site, zone: .roving)]
                : placeIndex[StaffingPlace(site: shift.site, zone: shift.zone)]
            for day in Weekday.allCases where shift.days.contains(day) {
                let clipped = site.staffedHours.ranges(on: day).compactMap { r -> ClockRange? in
                    let s = max(r.start, shift.hours.start), e = min(r.end, shift.hours.end)
                    return s < e ? ClockRange(start: s, end: e) : nil
                }
                for id in shift.staff {
                    guard let member = members[id], !member.isVacant else { continue }
                    var taken = busy[id] ?? Array(repeating: [], count: 7)
                    for r in clipped {
                        var pieces = [r]
                        for t in taken[day.rawValue] {
                            pieces = pieces.flatMap { p -> [ClockRange] in
                                if t.end <= p.start || t.start >= p.end { return [p] }
                                var rest: [ClockRange] = []
                                if p.start < t.start { rest.append(ClockRange(start: p.start, end: t.start)) }
                                if t.end < p.end { rest.append(ClockRange(start: t.end, end: p.end)) }
                                return rest
                            }
                        }
                        for p in pieces {
                            let first = taken[day.rawValue].isEmpty
                            let home = scenario.workSites(of: member).first
                            out.append(Fixed(
                                person: id, day: day.rawValue, site: shift.site, zone: shift.zone, place: place,
                                start: p.start, end: p.end,
                                travel: first ? travel(scenario, from: home, to: shift.site) : 0))
                            taken[day.rawValue].append(p)
                        }
                    }
                    busy[id] = taken
                }
            }
        }
        return out
    }
}
