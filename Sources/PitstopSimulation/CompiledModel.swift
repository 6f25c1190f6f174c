import PitstopModel

/// One week-relative piece of a persona's arrival rate at a site: `rate` arrivals per
/// minute on [start, end) minutes since Monday 00:00.
struct RateSegment: Hashable {
    var start: Double
    var end: Double
    var rate: Double
    var inverseRate: Double

    init(start: Double, end: Double, rate: Double) {
        self.start = start
        self.end = end
        self.rate = rate
        inverseRate = 1 / rate
    }
}

/// The hot data of one arrival stream (a persona at a site). Plain values only.
struct StreamSpec {
    var persona: Int32
    var site: Int32
    var stepStart: Int32
    var stepCount: Int32
    var segmentStart: Int32
    var segmentCount: Int32
    /// Expected arrivals per week (integral of the rate).
    var weekHazard: Double
    var hasDialogue: Bool
    var hasPatience: Bool
    /// Global zone index where the dialogue is asked; −1 when the site has no such zone.
    var dialogueZone: Int32
    /// Competence index; −1 when any staff member is a match.
    var competence: Int32
    var dialogueP: Double
    var duration: Sampler
    var patience: Sampler
}

/// One route step of a stream: a global zone index (−1 when the site lacks the zone).
struct StepSpec {
    var zone: Int32
    var p: Double
    var dwell: Sampler
}

/// An explicit shift, resolved.
struct ShiftSpec {
    var staff: [Int]
    var site: Int
    /// Global zone index, or −1 for roving.
    var zone: Int
    /// Per weekday: the shift's hours clipped to the site's staffed hours.
    var ranges: [[ClockRange]]
}

/// A staffing rule, resolved.
struct RuleSpec {
    var site: Int
    var zone: Int
    var minStaff: Int
    /// Per weekday: the hours the rule applies.
    var ranges: [[ClockRange]]
    /// Staff who may be drawn, in preference order of static traits (see ``RotaPlanner``).
    var candidates: [Int]
    /// Per candidate: holds a competence that visitors ask for at this zone.
    var hasNeededCompetence: [Bool]
}

/// A scenario flattened into arrays and indices for the simulation. Built once per
/// ``Simulator``; shared read-only by all replications.
struct CompiledModel: Sendable {
    var name: String
    var weekHours: Double

    var perspectiveIDs: [String] = []
    var competenceIDs: [String] = []

    var siteIDs: [String] = []
    /// [site][weekday] staffed clock ranges.
    var siteStaffed: [[[ClockRange]]] = []
    /// [site][weekday] visitor clock ranges (staffed ∪ open).
    var siteVisitor: [[[ClockRange]]] = []
    /// Global zone indices of each site.
    var siteZones: [Range<Int>] = []
    /// [from][to] travel minutes (0 when not given).
    var travel: [[Double]] = []

    var zoneIDs: [String] = []
    var zoneSite: [Int] = []
    /// Index of the zone among its site's zones.
    var zoneLocal: [Int] = []
    /// Walks between zones are counted per site, in a square matrix over the site's zones
    /// (memory grows with the zones of one site, not with the square of all zones):
    /// the walk a → b is `flows[zoneFlowRow[a] + zoneLocal[b]]`.
    var zoneFlowRow: [Int] = []
    /// Where each site's matrix starts, and the length of all of them.
    var flowBase: [Int] = []
    var flowCount = 0
    /// Capacity; `Int32.max` when unlimited.
    var zoneCapacity: [Int32] = []

    var personaIDs: [String] = []
    /// Perspective index, −1 for none.
    var personaPerspective: [Int] = []
    var personaHasDialogue: [Bool] = []

    var streams: [StreamSpec] = []
    /// (persona id, site id) of each stream — the key of its random stream.
    var streamKeys: [(String, String)] = []
    var steps: [StepSpec] = []
    var segments: [RateSegment] = []

    var staffIDs: [String] = []
    var staffVacant: [Bool] = []
    var staffFTE: [Double] = []
    /// First work site (index), −1 when none resolves.
    var staffHome: [Int] = []
    /// Work sites as a set of site indices.
    var staffWorkSites: [[Int]] = []
    /// Competence bit set, `competenceWords` words per person.
    var staffCompetenceBits: [UInt64] = []
    var competenceWords: Int = 1
    var annualStaffCost: Double = 0

    var floorShare: Double = 0.5
    var maxShiftMinutes: Int = 450
    var absenceRate: Double = 0
    var shifts: [ShiftSpec] = []
    var rules: [RuleSpec] = []
    /// `staffing.dispatch` is competence-first.
    var competenceFirst = false
    /// `staffing.max_wait` in ticks.
    var maxWait: Tick = 0

    /// Sites fall into independent groups: two sites share a group when someone may be
    /// placed at both (a rule may draw them, or a shift names them). Nothing else links
    /// sites in the engine — visitors stay at their site — so each group runs on its own
    /// event heap (see ``Replication``), and an organisation with many sites costs the same
    /// per site as one with few. Group indices follow the sites' first appearance.
    var siteGroup: [Int] = []
    /// The arrival streams of each group, in stream order.
    var groupStreams: [[Int]] = []

    init(_ scenario: Scenario) {
        name = scenario.name
        weekHours = scenario.weekHours
        perspectiveIDs = scenario.perspectives.map(\.id)
        competenceIDs = scenario.competences.map(\.id)
        var competenceIndex: [String: Int] = [:]
        for (i, c) in competenceIDs.enumerated() where competenceIndex[c] == nil { competenceIndex[c] = i }
        // Competences named by staff or dialogues but not declared still get an index.
        func competence(_ id: String) -> Int {
            if let i = competenceIndex[id] { return i }
            competenceIDs.append(id)
            competenceIndex[id] = competenceIDs.count - 1
            return competenceIDs.count - 1
        }
        let perspectiveIndex = Dictionary(perspectiveIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })

        // Sites and zones.
        var siteIndex: [String: Int] = [:]
        var zoneIndex: [String: Int] = [:]  // "site/zone"
        for site in scenario.sites {
            let s = siteIDs.count
            siteIndex[site.id] = s
            siteIDs.append(site.id)
            siteStaffed.append(Weekday.allCases.map { site.staffedHours.ranges(on: $0) })
            siteVisitor.append(Weekday.allCases.map { site.visitorHours.ranges(on: $0) })
            let first = zoneIDs.count
            flowBase.append(flowCount)
            for (local, zone) in site.zones.enumerated() {
                zoneIndex[site.id + "/" + zone.id] = zoneIDs.count
                zoneIDs.append(zone.id)
                zoneSite.append(s)
                zoneLocal.append(local)
                zoneFlowRow.append(flowCount + local * site.zones.count)
                zoneCapacity.append(zone.capacity.limit.map { Int32(clamping: max(0, $0)) } ?? Int32.max)
            }
            flowCount += site.zones.count * site.zones.count
            siteZones.append(first..<zoneIDs.count)
        }
        travel = scenario.sites.map { a in
            scenario.sites.map { b in a.travelMinutes(to: b.id, in: scenario) ?? 0 }
        }
        func zone(_ site: Int, _ id: String) -> Int { zoneIndex[siteIDs[site] + "/" + id] ?? -1 }

        // Personas and their arrival streams.
        var segmentLists: [[RateSegment]: Int] = [:]
        for (p, persona) in scenario.personas.enumerated() {
            personaIDs.append(persona.id)
            personaPerspective.append(persona.perspective.flatMap { perspectiveIndex[$0] } ?? -1)
            personaHasDialogue.append(persona.dialogue.map { $0.p > 0 } ?? false)
            let profile = persona.profile.flatMap { scenario.profile($0) }
            for siteID in persona.demand.sites {
                guard let s = siteIndex[siteID] else { continue }
                let amount = persona.demand.amount(at: siteID) * scenario.simulation.demandScale
                let segs = CompiledModel.rateSegments(
                    demand: persona.demand, amount: amount, profile: profile, visitorHours: siteVisitor[s])
                guard !segs.isEmpty else { continue }
                let stepStart = steps.count
                for step in persona.route {
                    steps.append(StepSpec(zone: Int32(zone(s, step.zone)), p: step.p, dwell: Sampler(step.dwell)))
                }
                // Streams with the same rate pieces (a persona at sites with the same hours and
                // demand) share them: the table grows with the distinct rates, not the sites.
                let segmentStart: Int
                if let shared = segmentLists[segs] {
                    segmentStart = shared
                } else {
                    segmentStart = segments.count
                    segmentLists[segs] = segmentStart
                    segments.append(contentsOf: segs)
                }
                let d = persona.dialogue
                streams.append(StreamSpec(
                    persona: Int32(p), site: Int32(s),
                    stepStart: Int32(stepStart), stepCount: Int32(persona.route.count),
                    segmentStart: Int32(segmentStart), segmentCount: Int32(segs.count),
                    weekHazard: segs.reduce(0) { $0 + ($1.end - $1.start) * $1.rate },
                    hasDialogue: d != nil, hasPatience: d?.patience != nil,
                    dialogueZone: Int32(d.map { zone(s, $0.zone) } ?? -1),
                    competence: Int32(d?.competence.map { competence($0) } ?? -1),
                    dialogueP: d?.p ?? 0,
                    duration: Sampler(d?.duration ?? .constant(0)),
                    patience: Sampler(d?.patience ?? .constant(0))))
                streamKeys.append((persona.id, siteID))
            }
        }

        // Staff.
        var staffIndex: [String: Int] = [:]
        for member in scenario.staff {
            staffIndex[member.id] = staffIDs.count
            staffIDs.append(member.id)
            staffVacant.append(member.isVacant)
            staffFTE.append(member.fte)
            annualStaffCost += member.cost
            let work = scenario.workSites(of: member).compactMap { siteIndex[$0] }
            staffWorkSites.append(work)
            staffHome.append(work.first ?? -1)
        }
        for member in scenario.staff { for c in member.competences { _ = competence(c) } }
        competenceWords = max(1, (competenceIDs.count + 63) / 64)
        staffCompetenceBits = Array(repeating: 0, count: staffIDs.count * competenceWords)
        for (i, member) in scenario.staff.enumerated() {
            for c in member.competences {
                let k = competence(c)
                staffCompetenceBits[i * competenceWords + k / 64] |= 1 << UInt64(k % 64)
            }
        }

        // Staffing.
        floorShare = scenario.staffing.floorShare
        maxShiftMinutes = clampedInt(scenario.staffing.maxShiftHours * 60, in: 0...1440)
        absenceRate = scenario.staffing.absenceRate
        competenceFirst = scenario.staffing.dispatch == .competenceFirst
        maxWait = ticks(minutes: scenario.staffing.maxWaitMinutes)
        for shift in scenario.staffing.shifts {
            guard let s = siteIndex[shift.site] else { continue }
            let z: Int
            switch shift.zone {
            case .roving: z = -1
            case .zone(let id):
                z = zone(s, id)
                if z < 0 { continue }
            }
            let ranges = Weekday.allCases.map { day -> [ClockRange] in
                guard shift.days.contains(day) else { return [] }
                return CompiledModel.clip(shift.hours, to: siteStaffed[s][day.rawValue])
            }
            shifts.append(ShiftSpec(staff: shift.staff.compactMap { staffIndex[$0] }, site: s, zone: z, ranges: ranges))
        }
        // Competences visitors ask for, per zone and per site (roving).
        var neededAtZone = Array(repeating: Set<Int>(), count: zoneIDs.count)
        var neededAtSite = Array(repeating: Set<Int>(), count: siteIDs.count)
        for st in streams where st.hasDialogue && st.dialogueZone >= 0 && st.competence >= 0 {
            neededAtZone[Int(st.dialogueZone)].insert(Int(st.competence))
            neededAtSite[Int(st.site)].insert(Int(st.competence))
        }
        let units = scenario.organisation.units
        for rule in scenario.staffing.rules {
            guard let s = siteIndex[rule.site] else { continue }
            let z: Int
            var zoneID: String?
            switch rule.zone {
            case .roving: z = -1
            case .zone(let id):
                z = zone(s, id)
                zoneID = id
                if z < 0 { continue }
            }
            let ranges = Weekday.allCases.map { day -> [ClockRange] in
                rule.hours?.ranges(on: day) ?? siteStaffed[s][day.rawValue]
            }
            // Units to draw from: `by` (with their sub-units); else the units whose covers
            // hold the zone (any zone at the site for a roving rule); else the site's units.
            var unitSet: Set<String>
            if !rule.by.isEmpty {
                unitSet = Set(rule.by)
            } else {
                unitSet = Set(units.filter { unit in
                    if let zid = zoneID { return unit.covers(site: rule.site, zone: zid) }
                    return unit.covers.contains { $0.site == rule.site && !$0.zones.isEmpty }
                }.map(\.id))
                if unitSet.isEmpty { unitSet = Set(units.filter { $0.site == rule.site }.map(\.id)) }
            }
            var grew = true
            while grew {  // add descendants
                grew = false
                for unit in units where !unitSet.contains(unit.id) {
                    if let parent = unit.parent, unitSet.contains(parent) {
                        unitSet.insert(unit.id)
                        grew = true
                    }
                }
            }
            let needed = z >= 0 ? neededAtZone[z] : neededAtSite[s]
            var candidates: [Int] = []
            for (i, member) in scenario.staff.enumerated() {
                guard !member.isVacant, let unit = member.unit, unitSet.contains(unit),
                    staffWorkSites[i].contains(s)
                else { continue }
                candidates.append(i)
            }
            let has = candidates.map { p in needed.contains { hasCompetence(p, $0) } }
            rules.append(RuleSpec(site: s, zone: z, minStaff: min(max(0, rule.minStaff), CompiledModel.maximumMinStaff), ranges: ranges,
                                  candidates: candidates, hasNeededCompetence: has))
        }
        groupSites()
    }

    /// Fills ``siteGroup`` and ``groupStreams``: sites joined through anyone who may be
    /// placed at more than one of them (union–find over each person's possible sites).
    private mutating func groupSites() {
        var parent = Array(siteIDs.indices)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        var firstSite = Array(repeating: -1, count: staffIDs.count)
        func place(_ p: Int, at site: Int) {
            if firstSite[p] < 0 {
                firstSite[p] = site
                return
            }
            let a = root(firstSite[p]), b = root(site)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        for shift in shifts { for p in shift.staff { place(p, at: shift.site) } }
        for rule in rules { for p in rule.candidates { place(p, at: rule.site) } }
        var groupOfRoot: [Int: Int] = [:]
        siteGroup = siteIDs.indices.map { site in
            let r = root(site)
            if let g = groupOfRoot[r] { return g }
            groupOfRoot[r] = groupOfRoot.count
            return groupOfRoot.count - 1
        }
        groupStreams = Array(repeating: [], count: groupOfRoot.count)
        for (i, stream) in streams.enumerated() { groupStreams[siteGroup[Int(stream.site)]].append(i) }
    }

    @inline(__always)
    func hasCompetence(_ person: Int, _ competence: Int) -> Bool {
        staffCompetenceBits[person * competenceWords + competence / 64] & (1 << UInt64(competence % 64)) != 0
    }

    /// `range` intersected with `ranges`.
    static func clip(_ range: ClockRange, to ranges: [ClockRange]) -> [ClockRange] {
        ranges.compactMap { r in
            let s = max(r.start, range.start), e = min(r.end, range.end)
            return s < e ? ClockRange(start: s, end: e) : nil
        }
    }

    /// A rule's `min_staff` is held at this (far beyond any staff list), so that minutes
    /// × staff stay within integer range.
    static let maximumMinStaff = 1_000_000

    /// The highest arrival rate of one persona at one site, per minute. The loader rejects
    /// rates anywhere near it; the engine holds any rate that slips past at this ceiling, so
    /// that no scenario can make the arrival loop run away.
    static let maximumRate = 100.0

    /// The persona's arrival rate at a site as week-relative pieces (minutes since Monday
    /// 00:00), split at whole hours and merged where equal.
    ///
    /// `visits_per_year` V: V × 7/365 visits a week, spread over the open hour slots in
    /// proportion to profile weight × open fraction of the slot; within the open part of a
    /// slot the rate is constant. `arrivals_per_hour` A: A × weight per hour while open.
    /// Pieces with a rate that is not a positive number are left out; rates are held at
    /// ``maximumRate``.
    static func rateSegments(demand: Demand, amount: Double, profile: Profile?,
                             visitorHours: [[ClockRange]]) -> [RateSegment] {
        guard amount > 0, amount.isFinite else { return [] }
        let prof = profile ?? Profile.flat
        // Open pieces split at hour boundaries with their weights.
        var pieces: [(start: Int, end: Int, weight: Double)] = []
        for day in Weekday.allCases {
            for r in visitorHours[day.rawValue] {
                var m = r.start
                while m < r.end {
                    let hourEnd = min(r.end, (m / 60 + 1) * 60)
                    let raw = prof.weight(day: day, hour: m / 60)
                    let w = raw.isNaN ? 0 : max(0, raw)
                    pieces.append((day.rawValue * 1440 + m, day.rawValue * 1440 + hourEnd, w))
                    m = hourEnd
                }
            }
        }
        let perMinuteAtWeightOne: Double
        switch demand {
        case .arrivalsPerHour:
            perMinuteAtWeightOne = amount / 60
        case .visitsPerYear:
            // Σ over slots of weight × open fraction = Σ weight × minutes / 60.
            var weightedHours = pieces.reduce(0) { $0 + $1.weight * Double($1.end - $1.start) / 60 }
            if !weightedHours.isFinite {
                // Weights so large that their sum overflows: only their proportions matter.
                let largest = pieces.reduce(0) { max($0, $1.weight) }
                guard largest.isFinite else { return [] }
                pieces = pieces.map { ($0.start, $0.end, $0.weight / largest) }
                weightedHours = pieces.reduce(0) { $0 + $1.weight * Double($1.end - $1.start) / 60 }
            }
            guard weightedHours > 0 else { return [] }
            let weekly = amount * 7 / 365
            perMinuteAtWeightOne = weekly / (weightedHours * 60)
        }
        var result: [RateSegment] = []
        for piece in pieces where piece.weight > 0 {
            let rate = min(perMinuteAtWeightOne * piece.weight, maximumRate)
            guard rate > 0 else { continue }  // also leaves out NaN
            let start = Double(piece.start), end = Double(piece.end)
            if var last = result.last, last.end == start, last.rate == rate {
                last.end = end
                result[result.count - 1] = last
            } else {
                result.append(RateSegment(start: start, end: end, rate: rate))
            }
        }
        return result
    }
}

/// `x` rounded to the nearest whole number and held inside `range` (NaN gives the lower
/// bound): for turning an input-derived number into an `Int` without a trap.
func clampedInt(_ x: Double, in range: ClosedRange<Int>) -> Int {
    guard x > Double(range.lowerBound) else { return range.lowerBound }
    guard x < Double(range.upperBound) else { return range.upperBound }
    return Int(x.rounded())
}
