import PitstopModel

/// One person on the floor for part of one day.
struct Duty {
    var person: Int32
    var site: Int32
    /// Global zone index, −1 for roving.
    var zone: Int32
    /// Minutes since the day's midnight.
    var start: Int32
    var end: Int32
}

/// A gap in rule coverage, in model indices.
struct RawGap {
    var site: Int32
    var zone: Int32
    var day: Int32
    var start: Int32
    var end: Int32
    var missing: Int32
}

/// Builds each simulated day's rota for one replication.
///
/// Per day: every person's absence is drawn from their own stream (one draw per filled
/// position per day, in staff order); explicit shifts of people present are placed first
/// (clipped to the site's staffed hours; a person's overlapping shifts are trimmed so they
/// never overlap); then each rule, in file order, is filled greedily from its start: at the
/// first minute short of `min_staff`, the best available candidate is placed from that
/// minute until the shortfall ends, their day or week budget runs out, their next placement
/// starts or the staffed hours end. A candidate is available when present, not already on
/// the floor at that minute, at no other site today (one site per person per day), within
/// `max_shift_hours` for the day (explicit shifts count, and are never cut) and within the weekly budget
/// fte × week_hours × floor_share (explicit shifts and travel count against it). Preference:
/// already at this site today, holds a competence visitors ask for there, no travel, most
/// weekly budget left, staff order. A person placed at a site other than their first work
/// site travels once that day: the travel minutes count as travel hours and against the
/// weekly budget, not as floor time. Minutes still short are reported as gaps.
/// Roving staff count only for roving rules; zone staff only for their zone's rules.
struct RotaPlanner {
    let model: CompiledModel
    private var absenceRNG: [Xoshiro256]
    private var weekBudget: [Double]
    private var absent: [Bool]
    private var assignedSite: [Int]
    private var dayMinutes: [Int]
    private var intervals: [[(start: Int, end: Int)]]
    /// Per person, the index in `duties` of each of their `intervals` (same order).
    private var dutyIndices: [[Int]]
    /// Today's duties by place: a zone's index, or the zone count plus a site's index for
    /// roving duties at that site (so a rule reads only its own place's duties).
    private var dutiesAtPlace: [[Int]]
    private var cover: [Int] = []

    /// Today's duties.
    private(set) var duties: [Duty] = []
    /// Today's gaps (only when recording).
    private(set) var gaps: [RawGap] = []
    private(set) var requiredMinutes: Int = 0
    private(set) var coveredMinutes: Int = 0
    private(set) var travelMinutes: Double = 0
    /// Today's travel, required and covered rule minutes by site (travel counts at the
    /// site travelled to).
    private(set) var siteTravelMinutes: [Double]
    private(set) var siteRequiredMinutes: [Int]
    private(set) var siteCoveredMinutes: [Int]

    init(model: CompiledModel, seed: UInt64, replication: Int) {
        self.model = model
        let n = model.staffIDs.count
        absenceRNG = model.staffIDs.map {
            Xoshiro256(seed: streamSeed(master: seed, replication: replication, purpose: .absence, ids: [$0]))
        }
        weekBudget = Array(repeating: 0, count: n)
        absent = Array(repeating: false, count: n)
        assignedSite = Array(repeating: -1, count: n)
        dayMinutes = Array(repeating: 0, count: n)
        intervals = Array(repeating: [], count: n)
        dutyIndices = Array(repeating: [], count: n)
        dutiesAtPlace = Array(repeating: [], count: model.zoneIDs.count + model.siteIDs.count)
        siteTravelMinutes = Array(repeating: 0, count: model.siteIDs.count)
        siteRequiredMinutes = Array(repeating: 0, count: model.siteIDs.count)
        siteCoveredMinutes = Array(repeating: 0, count: model.siteIDs.count)
    }

    /// The weekly floor budget of a person in minutes.
    func budget(of p: Int) -> Double {
        model.staffFTE[p] * model.weekHours * model.floorShare * 60
    }

    /// Plans day `day` (0 = the first Monday). `recordGaps` keeps gap rows.
    mutating func plan(day: Int, recordGaps: Bool) {
        let wd = day % 7
        let n = model.staffIDs.count
        if wd == 0 || day == 0 {
            for p in 0..<n { weekBudget[p] = budget(of: p) }
        }
        for p in 0..<n {
            absent[p] = false
            if !model.staffVacant[p] {
                let u = absenceRNG[p].uniform()
                absent[p] = u < model.absenceRate
            }
            assignedSite[p] = -1
            dayMinutes[p] = 0
            intervals[p].removeAll(keepingCapacity: true)
            dutyIndices[p].removeAll(keepingCapacity: true)
        }
        for place in dutiesAtPlace.indices { dutiesAtPlace[place].removeAll(keepingCapacity: true) }
        duties.removeAll(keepingCapacity: true)
        gaps.removeAll(keepingCapacity: true)
        requiredMinutes = 0
        coveredMinutes = 0
        travelMinutes = 0
        for site in siteTravelMinutes.indices {
            siteTravelMinutes[site] = 0
            siteRequiredMinutes[site] = 0
            siteCoveredMinutes[site] = 0
        }

        // Explicit shifts.
        for shift in model.shifts {
            let ranges = shift.ranges[wd]
            if ranges.isEmpty { continue }
            for p in shift.staff where !model.staffVacant[p] && !absent[p] {
                for r in ranges {
                    // Trim against the person's existing placements.
                    var pieces = [(r.start, r.end)]
                    for iv in intervals[p] {
                        pieces = pieces.flatMap { s, e -> [(Int, Int)] in
                            if iv.end <= s || iv.start >= e { return [(s, e)] }
                            var out: [(Int, Int)] = []
                            if s < iv.start { out.append((s, iv.start)) }
                            if iv.end < e { out.append((iv.end, e)) }
                            return out
                        }
                    }
                    for (s, e) in pieces {
                        assign(p, site: shift.site, zone: shift.zone, start: s, end: e)
                    }
                }
            }
        }

        // Rules.
        for rule in model.rules {
            for r in rule.ranges[wd] where rule.minStaff > 0 {
                fill(rule, range: r, day: day, weekday: wd, recordGaps: recordGaps)
            }
        }
        duties.sort { ($0.start, $0.person, $0.end) < ($1.start, $1.person, $1.end) }
    }

    private mutating func assign(_ p: Int, site: Int, zone: Int, start: Int, end: Int) {
        guard start < end else { return }
        if assignedSite[p] < 0 {
            assignedSite[p] = site
            let home = model.staffHome[p]
            if home >= 0 && home != site {
                let t = model.travel[home][site]
                travelMinutes += t
                siteTravelMinutes[site] += t
                weekBudget[p] -= t
            }
        }
        let minutes = end - start
        dayMinutes[p] += minutes
        weekBudget[p] -= Double(minutes)
        // A placement that continues the person's previous one in the same zone extends it.
        // (A person's placements never overlap, so at most one of them ends at `start`.)
        if let j = intervals[p].firstIndex(where: { $0.end == start }) {
            let i = dutyIndices[p][j]
            if Int(duties[i].site) == site, Int(duties[i].zone) == zone {
                duties[i].end = Int32(end)
                intervals[p][j].end = end
                return
            }
        }
        intervals[p].append((start, end))
        dutyIndices[p].append(duties.count)
        dutiesAtPlace[place(site: site, zone: zone)].append(duties.count)
        duties.append(Duty(person: Int32(p), site: Int32(site), zone: Int32(zone),
                           start: Int32(start), end: Int32(end)))
    }

    /// The index in `dutiesAtPlace` of a zone, or of a site's roving duties.
    private func place(site: Int, zone: Int) -> Int {
        zone >= 0 ? zone : model.zoneIDs.count + site
    }

    private func travelCost(_ p: Int, to site: Int) -> Double {
        guard assignedSite[p] < 0 else { return 0 }
        let home = model.staffHome[p]
        return home >= 0 && home != site ? model.travel[home][site] : 0
    }

    /// The end of `p`'s placement containing minute `t`, if any.
    private func busyEnd(_ p: Int, at t: Int) -> Int? {
        for iv in intervals[p] where iv.start <= t && t < iv.end { return iv.end }
        return nil
    }

    /// The first placement start of `p` after minute `t` (1440 if none).
    private func nextStart(_ p: Int, after t: Int) -> Int {
        var best = 1440
        for iv in intervals[p] where iv.start > t && iv.start < best { best = iv.start }
        return best
    }

    /// Minutes `p` could still work from a generated placement at `site` (≤ 0: none).
    private func available(_ p: Int, site: Int) -> Int {
        if absent[p] || model.staffVacant[p] { return 0 }
        if assignedSite[p] >= 0 && assignedSite[p] != site { return 0 }
        let day = model.maxShiftMinutes - dayMinutes[p]
        let week = clampedInt((weekBudget[p] - travelCost(p, to: site)).rounded(.down), in: -1_000_000...1_000_000)
        return min(day, week)
    }

    private mutating func fill(_ rule: RuleSpec, range r: ClockRange, day: Int, weekday wd: Int, recordGaps: Bool) {
        let a = r.start, b = r.end, k = rule.minStaff
        cover.removeAll(keepingCapacity: true)
        cover.append(contentsOf: repeatElement(0, count: b - a))
        for i in dutiesAtPlace[place(site: rule.site, zone: rule.zone)] {
            let d = duties[i]
            guard Int(d.site) == rule.site && Int(d.zone) == rule.zone else { continue }
            let s = max(a, Int(d.start)), e = min(b, Int(d.end))
            if s < e { for m in s..<e { cover[m - a] += 1 } }
        }
        let staffed = model.siteStaffed[rule.site][wd]
        var t = a
        while t < b {
            if cover[t - a] >= k { t += 1; continue }
            var runEnd = t
            while runEnd < b && cover[runEnd - a] < k { runEnd += 1 }
            let staffedRange = staffed.first { $0.start <= t && t < $0.end }
            var best: Int?
            var bestRank: (Int, Int, Int, Double, Int) = (0, 0, 0, 0, 0)
            if staffedRange != nil {
                for (ci, p) in rule.candidates.enumerated() {
                    guard available(p, site: rule.site) > 0, busyEnd(p, at: t) == nil else { continue }
                    let rank = (assignedSite[p] == rule.site ? 0 : 1, rule.hasNeededCompetence[ci] ? 0 : 1,
                                travelCost(p, to: rule.site) == 0 ? 0 : 1, -weekBudget[p], ci)
                    if best == nil || rank < bestRank {
                        best = p
                        bestRank = rank
                    }
                }
            }
            if let p = best, let sr = staffedRange {
                let e = min(runEnd, t + available(p, site: rule.site), nextStart(p, after: t), sr.end)
                assign(p, site: rule.site, zone: rule.zone, start: t, end: e)
                for m in t..<e { cover[m - a] += 1 }
            } else {
                // Nobody free now: jump to the next minute when that may change.
                var next = runEnd
                if staffedRange == nil {
                    if let s = staffed.first(where: { $0.start > t }) { next = min(next, s.start) }
                } else {
                    for p in rule.candidates where available(p, site: rule.site) > 0 {
                        if let e = busyEnd(p, at: t) { next = min(next, e) }
                    }
                }
                t = max(next, t + 1)
            }
        }
        // Coverage and gaps.
        requiredMinutes += k * (b - a)
        siteRequiredMinutes[rule.site] += k * (b - a)
        let coveredBefore = coveredMinutes
        defer { siteCoveredMinutes[rule.site] += coveredMinutes - coveredBefore }
        var m = a
        while m < b {
            let short = k - cover[m - a]
            coveredMinutes += k - max(0, short)
            if short > 0 && recordGaps {
                var e = m + 1
                while e < b && k - cover[e - a] == short {
                    coveredMinutes += k - short
                    e += 1
                }
                gaps.append(RawGap(site: Int32(rule.site), zone: Int32(rule.zone), day: Int32(day),
                                   start: Int32(m), end: Int32(e), missing: Int32(short)))
                m = e
            } else {
                m += 1
            }
        }
    }
}
