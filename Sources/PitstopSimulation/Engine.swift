#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PitstopModel

// One replication: a single-threaded loop over a value-type event heap. All state lives in
// one struct of flat arrays of plain values (no classes, no closures per event), so the hot
// path is arrival → zone → dialogue queue → service → leave with a handful of array writes.

/// Event kinds and their priorities at equal times (lower first).
enum EventKind {
    /// The day's start and the warm-up's end are not heap events but barriers between the
    /// days (see ``Replication/run()``); they hold their places at the front of a tick.
    static let dayStart: UInt8 = 0
    static let warmupEnd: UInt8 = 1
    static let dutyEnd: UInt8 = 2
    static let staffedEnd: UInt8 = 3
    static let siteClose: UInt8 = 4
    static let siteOpen: UInt8 = 5
    static let staffedStart: UInt8 = 6
    static let dutyStart: UInt8 = 7
    static let arrival: UInt8 = 8
    static let dwellEnd: UInt8 = 9
    static let patience: UInt8 = 10
    static let serviceEnd: UInt8 = 11
    /// Competence-first: a waiting request has waited `max_wait`; anyone free may take it.
    static let overdue: UInt8 = 12
    /// Competence-first: someone left a site's floor; free staff there look again.
    static let redispatch: UInt8 = 13

    /// Calendar events run before visitor events at the same tick; among calendar events
    /// a duty ends before the next one starts, and the staffed hours end (flushing the
    /// queues) before the site closes. Visitor events share one priority, so they run in
    /// scheduling order.
    static func priority(_ kind: UInt8) -> UInt8 {
        switch kind {
        case dayStart: 0
        case warmupEnd: 1
        case dutyEnd: 2
        case staffedEnd: 3
        case siteClose: 4
        case siteOpen: 5
        case staffedStart: 6
        case dutyStart: 7
        default: 8
        }
    }
}

/// Where an arrival stream is on its piecewise-constant rate.
struct StreamState {
    var rng: Xoshiro256
    /// Current segment (relative to the stream's first).
    var segment: Int32
    /// Minutes of the Monday 00:00 that starts the current week.
    var weekBase: Double
    /// Time of the last arrival in minutes.
    var t: Double
}

/// A visitor in the building. Slots are reused; `gen` grows on every reuse and whenever a
/// pending timer of the visitor is cancelled (lazy deletion from the event heap).
struct Visitor {
    var rng: SplitMix64
    var requestTick: Tick
    var duration: Tick
    /// −1: never gives up.
    var patience: Tick
    var pendingDwell: Tick
    /// Order of joining a queue (ties between zones for roving staff).
    var queueSeq: UInt64
    var stream: Int32
    /// site × 168 + hour of the week of the request (the hourly bin it is counted in).
    var requestHour: Int32
    var step: Int32
    var zone: Int32
    var lastZone: Int32
    /// Neighbours in the zone's wait queue (an intrusive doubly linked list).
    var queuePrev: Int32
    var queueNext: Int32
    var gen: UInt32
    var state: UInt8  // 0 free, 1 walking/dwelling, 2 waiting, 3 in dialogue
    var wants: Bool
    var asked: Bool
    var attempted: Bool
}

struct ZoneState {
    var count: Int32
    var capacity: Int32
    var site: Int32
    var peak: Int32
    var last: Tick
    var binStart: Tick
    var binEnd: Tick
    var bin: Int
    var turnaways: Int
}

struct StaffState {
    var state: UInt8  // 0 off duty, 1 free, 2 in dialogue
    var pendingLeave: Bool
    var zone: Int32  // −1 roving
    var site: Int32
    /// Neighbours in the free list of the staff member's zone (or site, roving).
    var freePrev: Int32
    var freeNext: Int32
    var visitor: Int32
    var floorStart: Tick
    var busyStart: Tick
}

/// Visitor counters of one replication for one scope (a stream, then persona, site, …).
struct ScopeTally {
    var visits = 0
    var requested = 0
    var served = 0
    var matched = 0
    var waited = 0
    var zeroWaits = 0
    var abandoned = 0
    /// Of `abandoned`: asked when nobody was on duty to ask (self-service hours, or nobody
    /// rostered for the zone for the rest of the day).
    var unattended = 0
    var waitSum: Tick = 0
    var maxWait: Tick = 0
    /// Waits of the abandoned requests, each up to when it was given up (0 for unattended).
    var abandonWaitSum: Tick = 0

    mutating func add(_ o: ScopeTally) {
        visits += o.visits
        requested += o.requested
        served += o.served
        matched += o.matched
        waited += o.waited
        zeroWaits += o.zeroWaits
        abandoned += o.abandoned
        unattended += o.unattended
        waitSum += o.waitSum
        maxWait = max(maxWait, o.maxWait)
        abandonWaitSum += o.abandonWaitSum
    }
}

/// The wait histogram: 0.05-minute bins below 120 minutes, 1-minute bins to 1440, overflow.
enum WaitBins {
    static let fineWidth: Tick = ticksPerMinute / 20
    static let fineCount = 2400
    static let coarseCount = 1320
    static let count = fineCount + coarseCount + 1

    @inline(__always)
    static func index(_ wait: Tick) -> Int {
        let fine = Int(wait / fineWidth)
        if fine < fineCount { return fine }
        let minutes = Int(wait / ticksPerMinute)
        if minutes < 1440 { return fineCount + minutes - 120 }
        return count - 1
    }

    /// The 90th percentile of a scope's waits of served dialogues, in minutes: an exact count
    /// of zero waits plus these bins, interpolated linearly within the bin.
    static func p90(_ s: ScopeTally, _ bins: ArraySlice<Int>) -> Double {
        guard s.served > 0 else { return 0 }
        let rank = 0.9 * Double(s.served)
        var cum = Double(s.zeroWaits)
        if cum >= rank { return 0 }
        let maxWait = Double(s.maxWait) / Double(ticksPerMinute)
        for (i, c) in zip(0..., bins) where c > 0 {
            if cum + Double(c) >= rank {
                let (lo, width) = bounds(i, maxWait: maxWait)
                return min(lo + (rank - cum) / Double(c) * width, maxWait)
            }
            cum += Double(c)
        }
        return maxWait
    }

    /// Lower edge and width in minutes of bin `i` (the overflow bin spans to `maxWait`).
    static func bounds(_ i: Int, maxWait: Double) -> (Double, Double) {
        if i < fineCount { return (Double(i) * 0.05, 0.05) }
        if i < fineCount + coarseCount { return (Double(120 + i - fineCount), 1) }
        return (1440, max(0, maxWait - 1440))
    }
}

/// Counters of one site in one hour of the week (after the warm-up). Requests, and what
/// becomes of them, are counted in the hour the request was made.
struct HourTally {
    var arrivals = 0
    var requested = 0
    var served = 0
    var abandoned = 0
    /// Waits of the dialogues served.
    var waitSum: Tick = 0
    /// Staff time on the floor at the site (overruns included).
    var staffTicks: Tick = 0
}

/// Hours in a week: hourly results are kept per site and hour of the week (Monday 00–01 first).
let hoursPerWeek = 168

/// Everything one replication measured, before it becomes KPIs.
struct ReplicationTally {
    /// Per stream (a persona at a site).
    var streams: [ScopeTally]
    /// Persona-major wait bins, `WaitBins.count` each.
    var waitBins: [Int]
    /// Per site: the 90th percentile of the waits of dialogues served there (from the
    /// site's wait bins, which stay in the replication; NaN when none was served).
    var siteWaitP90: [Double]
    var zoneTurnaways: [Int]
    var zonePeak: [Int]
    /// Zone-major person-ticks while open per hour of the week (168 per zone).
    var zoneHourTicks: [Double]
    /// Site-major counters per hour of the week (168 per site).
    var hours: [HourTally]
    /// Consecutive walks between zones of one site: per site a square matrix over its zones
    /// (`CompiledModel.flowBase`).
    var flows: [Int]
    var floorTicks: Tick
    var dialogueTicks: Tick
    var siteFloorTicks: [Tick]
    var siteDialogueTicks: [Tick]
    var travelMinutes: Double
    var requiredMinutes: Int
    var coveredMinutes: Int
    /// Per site: travel to it, required and covered rule staff-minutes.
    var siteTravelMinutes: [Double]
    var siteRequiredMinutes: [Int]
    var siteCoveredMinutes: [Int]
    var rota: [(day: Int32, duty: Duty)]
    var gaps: [RawGap]
}

/// One replication. Noncopyable: it owns its tables (``Slab``).
struct Replication: ~Copyable {
    let model: CompiledModel
    let days: Int
    let warmupDays: Int
    let warmup: Tick
    let horizon: Tick
    /// The horizon in minutes: a stream whose next arrival would fall beyond it stops.
    let horizonMinutes: Double
    let recordDays: Int

    /// The event heap of the site group being run (see ``run()``); every event a group's
    /// events schedule goes here.
    var heap = EventHeap(capacity: 0)
    /// Each site group's heap while another group runs or the calendar is planned.
    var groupHeaps: [EventHeap]
    var now: Tick = 0
    /// The hour of the week that `now` lies in, and where it ends (advanced lazily).
    var hourOfWeek = 0
    var hourEnd: Tick = 0

    // Read-only copies of the model's hot tables.
    let streamSpecs: Slab<StreamSpec>
    let steps: Slab<StepSpec>
    let segments: Slab<RateSegment>

    var streams: Slab<StreamState>
    var visitors = Slab<Visitor>(repeating: Replication.emptyVisitor, count: 0)
    var freeVisitors = Slab<Int32>(repeating: 0, count: 0)

    var zones: Slab<ZoneState>
    var zoneHourTicks: Slab<Double>
    var queueHead: Slab<Int32>
    var queueTail: Slab<Int32>
    /// Free-list heads: zones first, then one roving list per site.
    var freeHead: Slab<Int32>
    var zoneEligibleUntil: Slab<Tick>
    var flows: Slab<Int>
    var queueSeq: UInt64 = 0

    var siteOpen: Slab<Bool>
    var siteStaffed: Slab<Bool>
    /// Competence-first: per free list (zones, then each site's roving staff) and
    /// competence, how many on duty there hold it ([list × competences + competence]).
    var holdersOnDuty: Slab<Int32>
    let competenceCount: Int

    var staff: Slab<StaffState>
    var duties: [[Duty]] = [[], []]
    var planner: RotaPlanner

    var tallies: Slab<ScopeTally>
    var waitBins: Slab<Int>
    var siteWaitBins: Slab<Int>
    var hours: Slab<HourTally>
    var floorTicks: Tick = 0
    var dialogueTicks: Tick = 0
    var siteFloorTicks: Slab<Tick>
    var siteDialogueTicks: Slab<Tick>
    var travelMinutes: Double = 0
    var requiredMinutes = 0
    var coveredMinutes = 0
    var siteTravelMinutes: [Double]
    var siteRequiredMinutes: [Int]
    var siteCoveredMinutes: [Int]
    var rota: [(day: Int32, duty: Duty)] = []
    var gaps: [RawGap] = []

    static let emptyVisitor = Visitor(
        rng: SplitMix64(state: 0), requestTick: 0, duration: 0, patience: -1, pendingDwell: 0, queueSeq: 0, stream: 0,
        requestHour: 0, step: 0, zone: -1, lastZone: -1, queuePrev: -1, queueNext: -1, gen: 0, state: 0, wants: false,
        asked: false, attempted: false)

    init(model: CompiledModel, seed: UInt64, replication: Int, days: Int, warmupDays: Int, recordDays: Int) {
        self.model = model
        self.days = days
        self.warmupDays = warmupDays
        self.recordDays = recordDays
        warmup = Tick(warmupDays) * ticksPerDay
        horizon = Tick(days) * ticksPerDay
        horizonMinutes = Double(days) * 1440
        let nz = model.zoneIDs.count, ns = model.siteIDs.count
        streamSpecs = Slab(model.streams)
        steps = Slab(model.steps)
        segments = Slab(model.segments)
        zones = Slab((0..<nz).map {
            ZoneState(count: 0, capacity: model.zoneCapacity[$0], site: Int32(model.zoneSite[$0]), peak: 0,
                      last: 0, binStart: 0, binEnd: ticksPerHour, bin: 0, turnaways: 0)
        })
        zoneHourTicks = Slab(repeating: 0, count: nz * hoursPerWeek)
        queueHead = Slab(repeating: -1, count: nz)
        queueTail = Slab(repeating: -1, count: nz)
        freeHead = Slab(repeating: -1, count: nz + ns)
        zoneEligibleUntil = Slab(repeating: 0, count: nz)
        flows = Slab(repeating: 0, count: model.flowCount)
        siteOpen = Slab(repeating: false, count: ns)
        siteStaffed = Slab(repeating: false, count: ns)
        competenceCount = model.competenceIDs.count
        holdersOnDuty = Slab(repeating: 0, count: model.competenceFirst ? (nz + ns) * competenceCount : 0)
        staff = Slab(repeating: StaffState(state: 0, pendingLeave: false, zone: -1, site: -1, freePrev: -1, freeNext: -1,
                                           visitor: -1, floorStart: 0, busyStart: 0),
                     count: model.staffIDs.count)
        planner = RotaPlanner(model: model, seed: seed, replication: replication)
        groupHeaps = Array(repeating: EventHeap(capacity: 64), count: model.groupStreams.count)
        tallies = Slab(repeating: ScopeTally(), count: model.streams.count)
        waitBins = Slab(repeating: 0, count: model.personaIDs.count * WaitBins.count)
        siteWaitBins = Slab(repeating: 0, count: ns * WaitBins.count)
        hours = Slab(repeating: HourTally(), count: ns * hoursPerWeek)
        siteFloorTicks = Slab(repeating: 0, count: ns)
        siteDialogueTicks = Slab(repeating: 0, count: ns)
        siteTravelMinutes = Array(repeating: 0, count: ns)
        siteRequiredMinutes = Array(repeating: 0, count: ns)
        siteCoveredMinutes = Array(repeating: 0, count: ns)
        streams = Slab(model.streams.indices.map { i in
            let key = model.streamKeys[i]
            let seedValue = streamSeed(master: seed, replication: replication, purpose: .visitors, ids: [key.0, key.1])
            let first = model.segments[Int(model.streams[i].segmentStart)]
            return StreamState(rng: Xoshiro256(seed: seedValue), segment: 0, weekBase: 0, t: first.start)
        })
    }

    // MARK: - Main loop

    /// Runs the replication. Sites in different groups (``CompiledModel/siteGroup``) share
    /// nothing in the engine, so each group has its own event heap, and the days run as
    /// barriers: every group runs its events up to midnight, then the day is planned for all
    /// (``startDay(_:)`` and, at the end of the warm-up, its bookkeeping), then the next day.
    /// A group's events run in the same (time, priority, scheduling) order as in one heap of
    /// everything — the day's start and the warm-up's end come first at their tick — so the
    /// results are those of one heap, at a cost per site that does not grow with the number
    /// of groups.
    mutating func run() -> ReplicationTally {
        for g in groupHeaps.indices {
            swap(&heap, &groupHeaps[g])
            for s in model.groupStreams[g] { scheduleNextArrival(s) }
            swap(&heap, &groupHeaps[g])
        }
        for day in 0..<days {
            let dayTick = Tick(day) * ticksPerDay
            runGroups(before: dayTick)
            now = dayTick
            startDay(day)
            if warmup > 0 && dayTick == warmup {
                for z in zones.indices {
                    touch(z)
                    zones[z].peak = zones[z].count
                }
            }
        }
        runGroups(before: horizon)
        // Close what is open at the horizon.
        now = horizon
        for z in zones.indices { touch(z) }
        for p in staff.indices {
            if staff[p].state != 0 { flushFloor(p) }
            if staff[p].state == 2 { addDialogue(p) }
        }
        let zoneList = zones.toArray()
        // Sites: their 90th percentile wait from their bins, one site at a time.
        var siteTally = Array(repeating: ScopeTally(), count: model.siteIDs.count)
        for s in streamSpecs.indices { siteTally[Int(streamSpecs[s].site)].add(tallies[s]) }
        var bins = Array(repeating: 0, count: WaitBins.count)
        let siteWaitP90 = siteTally.indices.map { site -> Double in
            guard siteTally[site].served > 0 else { return .nan }
            for i in bins.indices { bins[i] = siteWaitBins[site * WaitBins.count + i] }
            return WaitBins.p90(siteTally[site], bins[...])
        }
        return ReplicationTally(
            streams: tallies.toArray(), waitBins: waitBins.toArray(), siteWaitP90: siteWaitP90,
            zoneTurnaways: zoneList.map(\.turnaways), zonePeak: zoneList.map { Int($0.peak) },
            zoneHourTicks: zoneHourTicks.toArray(), hours: hours.toArray(), flows: flows.toArray(),
            floorTicks: floorTicks, dialogueTicks: dialogueTicks, siteFloorTicks: siteFloorTicks.toArray(),
            siteDialogueTicks: siteDialogueTicks.toArray(), travelMinutes: travelMinutes,
            requiredMinutes: requiredMinutes, coveredMinutes: coveredMinutes, siteTravelMinutes: siteTravelMinutes,
            siteRequiredMinutes: siteRequiredMinutes, siteCoveredMinutes: siteCoveredMinutes, rota: rota, gaps: gaps)
    }

    /// Runs every group's events that come before `limit`, one group after the other.
    mutating func runGroups(before limit: Tick) {
        for g in groupHeaps.indices {
            swap(&heap, &groupHeaps[g])
            hourEnd = 0  // `now` goes back to where this group stopped
            while let first = heap.first, first.time < limit {
                let e = heap.pop()!
                now = e.time
                handle(e)
            }
            swap(&heap, &groupHeaps[g])
        }
    }

    @inline(__always)
    mutating func handle(_ e: Event) {
        switch e.kind {
        case EventKind.arrival: arrive(Int(e.a))
        case EventKind.serviceEnd: serviceEnd(Int(e.a))
        case EventKind.dwellEnd:
            let v = Int(e.a)
            if visitors[v].gen == e.b { leaveZone(v); walk(v) }
        case EventKind.patience:
            let v = Int(e.a)
            if visitors[v].gen == e.b && visitors[v].state == 2 {
                removeFromQueue(v)
                abandon(v)
            }
        case EventKind.overdue:
            let v = Int(e.a)
            if visitors[v].gen == e.b && visitors[v].state == 2 { serveOverdue(v) }
        case EventKind.redispatch: redispatch(site: Int(e.a))
        case EventKind.dutyStart: dutyStart(duties[Int(e.b)][Int(e.a)])
        case EventKind.dutyEnd: dutyEnd(duties[Int(e.b)][Int(e.a)])
        case EventKind.staffedStart: siteStaffed[Int(e.a)] = true
        case EventKind.staffedEnd: staffedEnd(Int(e.a))
        case EventKind.siteOpen: setOpen(Int(e.a), true)
        case EventKind.siteClose: setOpen(Int(e.a), false)
        default: break
        }
    }

    /// The hour of the week (0…167) that `now` lies in.
    @inline(__always)
    mutating func currentHour() -> Int {
        if now >= hourEnd {
            let hour = now / ticksPerHour
            hourOfWeek = Int(hour % Tick(hoursPerWeek))
            hourEnd = (hour + 1) * ticksPerHour
        }
        return hourOfWeek
    }

    /// Adds the floor time of `p` since `floorStart` (inside the measured window) to the
    /// totals and to the hours of the week of their site; the floor time restarts now.
    mutating func flushFloor(_ p: Int) {
        let site = Int(staff[p].site)
        var a = max(staff[p].floorStart, warmup)
        staff[p].floorStart = now
        guard now > a else { return }
        floorTicks += now - a
        guard site >= 0 else { return }
        siteFloorTicks[site] += now - a
        while a < now {
            let hour = a / ticksPerHour
            let b = min(now, (hour + 1) * ticksPerHour)
            hours[site * hoursPerWeek + Int(hour % Tick(hoursPerWeek))].staffTicks += b - a
            a = b
        }
    }

    /// Adds the dialogue time of `p` since `busyStart` (inside the measured window).
    @inline(__always)
    mutating func addDialogue(_ p: Int) {
        let t = measured(from: staff[p].busyStart)
        dialogueTicks += t
        let site = Int(staff[p].site)
        if site >= 0 { siteDialogueTicks[site] += t }
    }

    /// Ticks of [start, now) inside the measured window [warm-up end, horizon).
    @inline(__always)
    func measured(from start: Tick) -> Tick {
        let s = max(start, warmup)
        return now > s ? now - s : 0
    }

    // MARK: - Calendar

    mutating func startDay(_ day: Int) {
        let wd = day % 7
        let dayTick = Tick(day) * ticksPerDay
        let parity = day & 1
        let record = day < recordDays
        planner.plan(day: day, recordGaps: record)
        duties[parity] = planner.duties
        if day >= warmupDays {
            travelMinutes += planner.travelMinutes
            requiredMinutes += planner.requiredMinutes
            coveredMinutes += planner.coveredMinutes
            for site in siteTravelMinutes.indices {
                siteTravelMinutes[site] += planner.siteTravelMinutes[site]
                siteRequiredMinutes[site] += planner.siteRequiredMinutes[site]
                siteCoveredMinutes[site] += planner.siteCoveredMinutes[site]
            }
        }
        if record {
            for d in planner.duties { rota.append((Int32(day), d)) }
            gaps.append(contentsOf: planner.gaps)
        }
        for z in zoneEligibleUntil.indices { zoneEligibleUntil[z] = dayTick }
        for (i, d) in planner.duties.enumerated() {
            let start = dayTick + Tick(d.start) * ticksPerMinute
            let end = dayTick + Tick(d.end) * ticksPerMinute
            let g = model.siteGroup[Int(d.site)]
            groupHeaps[g].schedule(at: start, priority: EventKind.priority(EventKind.dutyStart), kind: EventKind.dutyStart,
                                   a: Int32(i), b: UInt32(parity))
            groupHeaps[g].schedule(at: end, priority: EventKind.priority(EventKind.dutyEnd), kind: EventKind.dutyEnd,
                                   a: Int32(i), b: UInt32(parity))
            if d.zone >= 0 {
                zoneEligibleUntil[Int(d.zone)] = max(zoneEligibleUntil[Int(d.zone)], end)
            } else {
                for z in model.siteZones[Int(d.site)] { zoneEligibleUntil[z] = max(zoneEligibleUntil[z], end) }
            }
        }
        // Staffed and visitor hours; a range running into the next day's midnight range is
        // one range (no end/start pair at midnight).
        for s in model.siteIDs.indices {
            scheduleRanges(model.siteStaffed[s], site: s, day: day, weekday: wd,
                           start: EventKind.staffedStart, end: EventKind.staffedEnd)
            scheduleRanges(model.siteVisitor[s], site: s, day: day, weekday: wd,
                           start: EventKind.siteOpen, end: EventKind.siteClose)
        }
    }

    mutating func scheduleRanges(_ week: [[ClockRange]], site: Int, day: Int, weekday wd: Int, start: UInt8, end: UInt8) {
        let dayTick = Tick(day) * ticksPerDay
        let g = model.siteGroup[site]
        let ranges = week[wd]
        let previous = week[(wd + 6) % 7]
        let next = week[(wd + 1) % 7]
        for r in ranges {
            let continuesFromYesterday = r.start == 0 && day > 0 && previous.last?.end == 1440
            if !continuesFromYesterday {
                groupHeaps[g].schedule(at: dayTick + Tick(r.start) * ticksPerMinute, priority: EventKind.priority(start),
                                       kind: start, a: Int32(site))
            }
            let continuesTomorrow = r.end == 1440 && next.first?.start == 0
            if !continuesTomorrow {
                groupHeaps[g].schedule(at: dayTick + Tick(r.end) * ticksPerMinute, priority: EventKind.priority(end),
                                       kind: end, a: Int32(site))
            }
        }
    }

    mutating func setOpen(_ site: Int, _ open: Bool) {
        for z in model.siteZones[site] { touch(z) }
        siteOpen[site] = open
    }

    /// The staffed hours end: everyone still waiting at the site gives up.
    mutating func staffedEnd(_ site: Int) {
        siteStaffed[site] = false
        for z in model.siteZones[site] {
            while let v = popQueue(z) { abandon(v) }
        }
    }

    // MARK: - Staff

    mutating func dutyStart(_ d: Duty) {
        let p = Int(d.person)
        switch staff[p].state {
        case 0:
            staff[p].zone = d.zone
            staff[p].site = d.site
            staff[p].floorStart = now
            countHolder(p, 1)
            becomeFree(p)
        case 2:
            // Still finishing a dialogue from the previous placement: go on from there.
            if !staff[p].pendingLeave { countHolder(p, -1) }  // else no longer counted since the duty ended
            staff[p].pendingLeave = false
            if d.site != staff[p].site { moveSite(p) }
            let site = Int(staff[p].site)
            staff[p].zone = d.zone
            staff[p].site = d.site
            countHolder(p, 1)
            if model.competenceFirst { scheduleRedispatch(site) }
        default:
            removeFree(p)
            if d.site != staff[p].site { moveSite(p) }
            countHolder(p, -1)
            let site = Int(staff[p].site)
            staff[p].zone = d.zone
            staff[p].site = d.site
            countHolder(p, 1)
            becomeFree(p)
            if model.competenceFirst { scheduleRedispatch(site) }
        }
    }

    /// Competence-first: `p` joins (+1) or leaves (−1) the holders on duty of their place.
    @inline(__always)
    mutating func countHolder(_ p: Int, _ delta: Int32) {
        guard model.competenceFirst else { return }
        let base = freeList(of: p) * competenceCount
        for c in 0..<competenceCount where model.hasCompetence(p, c) { holdersOnDuty[base + c] += delta }
    }

    /// Before a person on the floor changes site: their floor and dialogue time so far
    /// count at the old site.
    mutating func moveSite(_ p: Int) {
        flushFloor(p)
        if staff[p].state == 2 {
            addDialogue(p)
            staff[p].busyStart = now
        }
    }

    mutating func dutyEnd(_ d: Duty) {
        let p = Int(d.person)
        switch staff[p].state {
        case 2:
            staff[p].pendingLeave = true  // finishes the dialogue, then leaves
            if model.competenceFirst {  // … and no longer counts as a holder on duty
                countHolder(p, -1)
                scheduleRedispatch(Int(staff[p].site))
            }
        case 1:
            removeFree(p)
            goOff(p)
        default: break
        }
    }

    mutating func goOff(_ p: Int) {
        flushFloor(p)
        let counted = !staff[p].pendingLeave  // a duty that ended during a dialogue was uncounted then
        staff[p].state = 0
        staff[p].pendingLeave = false
        if model.competenceFirst && counted {
            countHolder(p, -1)
            scheduleRedispatch(Int(staff[p].site))
        }
    }

    /// The free list `p` belongs in: its zone's, or its site's roving list.
    @inline(__always)
    func freeList(of p: Int) -> Int {
        let z = Int(staff[p].zone)
        return z >= 0 ? z : zones.count + Int(staff[p].site)
    }

    @inline(__always)
    mutating func pushFree(_ p: Int) {
        let list = freeList(of: p)
        let head = freeHead[list]
        staff[p].state = 1
        staff[p].freePrev = -1
        staff[p].freeNext = head
        if head >= 0 { staff[Int(head)].freePrev = Int32(p) }
        freeHead[list] = Int32(p)
    }

    @inline(__always)
    mutating func removeFree(_ p: Int) {
        let prev = staff[p].freePrev, next = staff[p].freeNext
        if prev >= 0 { staff[Int(prev)].freeNext = next } else { freeHead[freeList(of: p)] = next }
        if next >= 0 { staff[Int(next)].freePrev = prev }
        staff[p].freePrev = -1
        staff[p].freeNext = -1
    }

    /// `p` is available: take the first waiting visitor they may serve, else wait free.
    @inline(__always)
    mutating func becomeFree(_ p: Int) {
        if model.competenceFirst {
            if let v = competenceFirstChoice(p) {
                removeFromQueue(v)
                startDialogue(p, v)
            } else {
                pushFree(p)
            }
            return
        }
        let zone = Int(staff[p].zone)
        if zone >= 0 {
            if let v = popQueue(zone) {
                startDialogue(p, v)
                return
            }
        } else {
            // Roving: the earliest request over the site's zones.
            var best = -1
            var bestTick: Tick = 0, bestSeq: UInt64 = 0
            for z in model.siteZones[Int(staff[p].site)] {
                let h = Int(queueHead[z])
                if h < 0 { continue }
                let t = visitors[h].requestTick, q = visitors[h].queueSeq
                if best < 0 || t < bestTick || (t == bestTick && q < bestSeq) {
                    best = z
                    bestTick = t
                    bestSeq = q
                }
            }
            if best >= 0, let v = popQueue(best) {
                startDialogue(p, v)
                return
            }
        }
        pushFree(p)
    }

    // MARK: - Competence-first dispatch

    /// Whether someone on duty in zone `z` or roving at site `s` holds competence `c`.
    @inline(__always)
    func holderOnDuty(zone z: Int, site s: Int, competence c: Int) -> Bool {
        holdersOnDuty[z * competenceCount + c] > 0 || holdersOnDuty[(zones.count + s) * competenceCount + c] > 0
    }

    /// The request free person `p` takes under competence-first: the oldest one they match
    /// (its competence, or none asked); else the oldest one that has waited `max_wait` or
    /// that nobody on duty can match. Zone staff look at their zone's queue, roving staff at
    /// every zone of their site.
    mutating func competenceFirstChoice(_ p: Int) -> Int? {
        let zone = Int(staff[p].zone), site = Int(staff[p].site)
        let zonesToScan = zone >= 0 ? zone..<(zone + 1) : model.siteZones[site]
        var best = -1
        var bestTick: Tick = 0, bestSeq: UInt64 = 0
        for pass in 0..<2 {
            for z in zonesToScan {
                var v = Int(queueHead[z])
                while v >= 0 {
                    let c = Int(streamSpecs[Int(visitors[v].stream)].competence)
                    let takes = c < 0 || (pass == 0
                        ? model.hasCompetence(p, c)
                        : now - visitors[v].requestTick >= model.maxWait || !holderOnDuty(zone: z, site: site, competence: c))
                    if takes {
                        let t = visitors[v].requestTick, q = visitors[v].queueSeq
                        if best < 0 || t < bestTick || (t == bestTick && q < bestSeq) {
                            best = v
                            bestTick = t
                            bestSeq = q
                        }
                        break  // the queue is in request order: the first that qualifies is its oldest
                    }
                    v = Int(visitors[v].queueNext)
                }
            }
            if best >= 0 { return best }
        }
        return nil
    }

    /// A waiting request has waited `max_wait`: anyone free who may serve it takes it (zone
    /// staff before roving staff).
    mutating func serveOverdue(_ v: Int) {
        let z = Int(visitors[v].zone)
        var p = Int(freeHead[z])
        if p < 0 { p = Int(freeHead[zones.count + Int(zones[z].site)]) }
        guard p >= 0 else { return }
        removeFree(p)
        removeFromQueue(v)
        startDialogue(p, v)
    }

    /// After someone leaves a place, free staff at the site look again — once the tick's
    /// calendar has run, so that a duty ending as the next one starts leaves nobody
    /// "unmatched" for an instant.
    mutating func scheduleRedispatch(_ site: Int) {
        heap.schedule(at: now, priority: 8, kind: EventKind.redispatch, a: Int32(site))
    }

    /// Requests that nobody on duty can match any more may now be taken by anyone free at
    /// the site.
    mutating func redispatch(site s: Int) {
        var free: [Int] = []
        for list in model.siteZones[s].map({ $0 }) + [zones.count + s] {
            var p = Int(freeHead[list])
            while p >= 0 {
                free.append(p)
                p = Int(staff[p].freeNext)
            }
        }
        for p in free where staff[p].state == 1 {
            if let v = competenceFirstChoice(p) {
                removeFree(p)
                removeFromQueue(v)
                startDialogue(p, v)
            }
        }
    }

    // MARK: - Queues (intrusive lists through the visitor slots)

    @inline(__always)
    mutating func enqueue(_ v: Int, zone z: Int) {
        queueSeq &+= 1
        let tail = queueTail[z]
        visitors[v].queueSeq = queueSeq
        visitors[v].queuePrev = tail
        visitors[v].queueNext = -1
        if tail >= 0 { visitors[Int(tail)].queueNext = Int32(v) } else { queueHead[z] = Int32(v) }
        queueTail[z] = Int32(v)
    }

    @inline(__always)
    mutating func removeFromQueue(_ v: Int) {
        let z = Int(visitors[v].zone)
        let prev = visitors[v].queuePrev, next = visitors[v].queueNext
        if prev >= 0 { visitors[Int(prev)].queueNext = next } else { queueHead[z] = next }
        if next >= 0 { visitors[Int(next)].queuePrev = prev } else { queueTail[z] = prev }
        visitors[v].queuePrev = -1
        visitors[v].queueNext = -1
    }

    @inline(__always)
    mutating func popQueue(_ z: Int) -> Int? {
        let h = Int(queueHead[z])
        if h < 0 { return nil }
        removeFromQueue(h)
        return h
    }

    // MARK: - Visitors

    @inline(__always)
    mutating func scheduleNextArrival(_ s: Int) {
        let base = Int(streamSpecs[s].segmentStart), count = Int(streamSpecs[s].segmentCount)
        let weekHazard = streamSpecs[s].weekHazard
        var st = streams[s]
        var e = -log(1 - st.rng.uniform())
        if e > 2 * weekHazard {
            let weeks = (e / weekHazard).rounded(.down) - 1
            e -= weeks * weekHazard
            st.t += weeks * 10080
            st.weekBase += weeks * 10080
        }
        // A stream whose next arrival lies beyond the horizon stops here: with a tiny rate
        // the week base would otherwise grow past where adding a week changes it.
        var beyond = st.weekBase >= horizonMinutes
        while !beyond {
            let seg = segments[base + Int(st.segment)]
            let from = max(st.t, st.weekBase + seg.start)
            let avail = (st.weekBase + seg.end - from) * seg.rate
            if e < avail {
                st.t = from + e * seg.inverseRate
                break
            }
            e -= avail
            st.segment += 1
            if Int(st.segment) == count {
                st.segment = 0
                st.weekBase += 10080
                beyond = st.weekBase >= horizonMinutes
            }
        }
        streams[s] = st
        if beyond { return }
        let tick = ticks(minutes: st.t)
        if tick < horizon {
            heap.schedule(at: tick, priority: 8, kind: EventKind.arrival, a: Int32(s))
        }
    }

    @inline(__always)
    mutating func arrive(_ s: Int) {
        scheduleNextArrival(s)
        if now >= warmup {
            tallies[s].visits += 1
            hours[Int(streamSpecs[s].site) * hoursPerWeek + currentHour()].arrivals += 1
        }
        // Everything this visitor draws comes from its own generator, seeded from the
        // persona's stream: the same visitors whatever the staffing. Fixed order: the
        // dialogue choice (when p < 1), its duration, its patience; then per route step.
        var rng = SplitMix64(state: streams[s].rng.next())
        var wants = false
        var duration: Tick = 0, patience: Tick = -1
        if streamSpecs[s].hasDialogue {
            let p = streamSpecs[s].dialogueP
            wants = p >= 1 || rng.uniform() < p
            duration = ticks(minutes: streamSpecs[s].duration.draw(&rng))
            if streamSpecs[s].hasPatience { patience = ticks(minutes: streamSpecs[s].patience.draw(&rng)) }
        }
        var visitor = Replication.emptyVisitor
        visitor.rng = rng
        visitor.duration = duration
        visitor.patience = patience
        visitor.stream = Int32(s)
        visitor.state = 1
        visitor.wants = wants
        let v: Int
        if freeVisitors.isEmpty {
            v = visitors.count
            visitors.append(visitor)
        } else {
            v = Int(freeVisitors.removeLast())
            visitor.gen = visitors[v].gen &+ 1
            visitors[v] = visitor
        }
        walk(v)
    }

    /// Walks the route from the visitor's current step until they settle in a zone (dwell
    /// or dialogue) or leave the building.
    @inline(__always)
    mutating func walk(_ v: Int) {
        let stream = Int(visitors[v].stream)
        let stepBase = Int(streamSpecs[stream].stepStart), stepCount = Int(streamSpecs[stream].stepCount)
        while Int(visitors[v].step) < stepCount {
            let step = steps[stepBase + Int(visitors[v].step)]
            // Fixed draw order per step: the choice (when p < 1), then the dwell.
            var take = true
            if step.p < 1 { take = visitors[v].rng.uniform() < step.p }
            let dwell = ticks(minutes: step.dwell.draw(&visitors[v].rng))
            let z = Int(step.zone)
            if !take || z < 0 {
                visitors[v].step += 1
                continue
            }
            if zones[z].count >= zones[z].capacity {
                if now >= warmup { zones[z].turnaways += 1 }
                if !visitors[v].attempted { break }  // turned away at the first zone: leaves
                visitors[v].step += 1
                continue
            }
            visitors[v].attempted = true
            enterZone(v, z)
            if visitors[v].wants && !visitors[v].asked && Int32(z) == streamSpecs[stream].dialogueZone {
                visitors[v].asked = true
                visitors[v].pendingDwell = dwell
                if requestDialogue(v, zone: z, stream: stream) { return }  // waiting or in dialogue
            }
            if dwell > 0 {
                heap.schedule(at: now + dwell, priority: 8, kind: EventKind.dwellEnd, a: Int32(v), b: visitors[v].gen)
                return
            }
            leaveZone(v)
        }
        // Done: free the slot (its generation moves on at reuse).
        visitors[v].state = 0
        freeVisitors.append(Int32(v))
    }

    /// After a dialogue or an abandoned request the visitor dwells in the zone.
    @inline(__always)
    mutating func continueAfterDialogue(_ v: Int) {
        visitors[v].state = 1
        let dwell = visitors[v].pendingDwell
        if dwell > 0 {
            heap.schedule(at: now + dwell, priority: 8, kind: EventKind.dwellEnd, a: Int32(v), b: visitors[v].gen)
        } else {
            leaveZone(v)
            walk(v)
        }
    }

    @inline(__always)
    mutating func enterZone(_ v: Int, _ z: Int) {
        touch(z)
        zones[z].count += 1
        if now >= warmup {
            if zones[z].count > zones[z].peak { zones[z].peak = zones[z].count }
            let last = Int(visitors[v].lastZone)
            if last >= 0 && model.zoneSite[last] == model.zoneSite[z] { flows[model.zoneFlowRow[last] + model.zoneLocal[z]] += 1 }
        }
        visitors[v].zone = Int32(z)
    }

    @inline(__always)
    mutating func leaveZone(_ v: Int) {
        let z = Int(visitors[v].zone)
        touch(z)
        zones[z].count -= 1
        visitors[v].lastZone = Int32(z)
        visitors[v].zone = -1
        visitors[v].step += 1
    }

    /// Adds the person-time since the zone's last change (while its site is open and after
    /// the warm-up) to the hour-of-the-week bins.
    @inline(__always)
    mutating func touch(_ z: Int) {
        let last = zones[z].last
        if now == last { return }
        zones[z].last = now
        let count = zones[z].count
        if count == 0 || !siteOpen[Int(zones[z].site)] || now <= warmup { return }
        let from = max(last, warmup)
        if from >= zones[z].binStart && now <= zones[z].binEnd {
            zoneHourTicks[z * hoursPerWeek + zones[z].bin] += Double(count) * Double(now - from)
            return
        }
        var a = from
        while a < now {
            let hourIndex = a / ticksPerHour
            let binStart = hourIndex * ticksPerHour
            let binEnd = binStart + ticksPerHour
            let bin = Int(hourIndex % Tick(hoursPerWeek))
            let b = min(now, binEnd)
            zoneHourTicks[z * hoursPerWeek + bin] += Double(count) * Double(b - a)
            zones[z].binStart = binStart
            zones[z].binEnd = binEnd
            zones[z].bin = bin
            a = b
        }
    }

    /// Returns true when the visitor now waits or talks (the dwell comes after).
    @inline(__always)
    mutating func requestDialogue(_ v: Int, zone z: Int, stream: Int) -> Bool {
        let measuredRequest = now >= warmup
        let site = Int(zones[z].site)
        let hour = site * hoursPerWeek + currentHour()
        if measuredRequest {
            tallies[stream].requested += 1
            hours[hour].requested += 1
        }
        visitors[v].requestTick = now
        visitors[v].requestHour = Int32(hour)
        // Nobody to ask: self-service hours, or no one on duty for this zone for the rest
        // of the day — the request is given up at once.
        if !siteStaffed[site] || now >= zoneEligibleUntil[z] {
            if measuredRequest {
                tallies[stream].abandoned += 1
                tallies[stream].unattended += 1
                hours[hour].abandoned += 1
            }
            return false
        }
        if let p = pickFree(zone: z, site: site, competence: Int(streamSpecs[stream].competence)) {
            startDialogue(p, v)
            return true
        }
        visitors[v].state = 2
        enqueue(v, zone: z)
        let patience = visitors[v].patience
        if patience >= 0 {
            heap.schedule(at: now + patience, priority: 8, kind: EventKind.patience, a: Int32(v), b: visitors[v].gen)
        }
        if model.competenceFirst && streamSpecs[stream].competence >= 0 && model.maxWait > 0 {
            heap.schedule(at: now + model.maxWait, priority: 8, kind: EventKind.overdue, a: Int32(v), b: visitors[v].gen)
        }
        return true
    }

    /// A free staff member for a request: one holding the competence if any is free, else
    /// anyone free (zone staff before roving staff).
    @inline(__always)
    mutating func pickFree(zone z: Int, site s: Int, competence c: Int) -> Int? {
        let roving = zones.count + s
        if c >= 0 {
            var list = z
            while true {
                var p = Int(freeHead[list])
                while p >= 0 {
                    if model.hasCompetence(p, c) {
                        removeFree(p)
                        return p
                    }
                    p = Int(staff[p].freeNext)
                }
                if list == roving { break }
                list = roving
            }
        }
        // Competence-first: nobody free holds it; wait for a holder on duty (up to max_wait).
        if model.competenceFirst && c >= 0 && model.maxWait > 0 && holderOnDuty(zone: z, site: s, competence: c) {
            return nil
        }
        var p = Int(freeHead[z])
        if p < 0 { p = Int(freeHead[roving]) }
        if p < 0 { return nil }
        removeFree(p)
        return p
    }

    @inline(__always)
    mutating func startDialogue(_ p: Int, _ v: Int) {
        let request = visitors[v].requestTick
        if request >= warmup {
            let stream = Int(visitors[v].stream)
            let persona = Int(streamSpecs[stream].persona)
            let competence = Int(streamSpecs[stream].competence)
            let wait = now - request
            let hour = Int(visitors[v].requestHour)
            tallies[stream].served += 1
            hours[hour].served += 1
            if competence < 0 || model.hasCompetence(p, competence) { tallies[stream].matched += 1 }
            if wait > 0 {
                tallies[stream].waited += 1
                tallies[stream].waitSum += wait
                hours[hour].waitSum += wait
                if wait > tallies[stream].maxWait { tallies[stream].maxWait = wait }
                let bin = WaitBins.index(wait)
                waitBins[persona * WaitBins.count + bin] += 1
                siteWaitBins[Int(streamSpecs[stream].site) * WaitBins.count + bin] += 1
            } else {
                tallies[stream].zeroWaits += 1
            }
        }
        visitors[v].state = 3
        visitors[v].gen &+= 1  // cancels the patience timer
        staff[p].state = 2
        staff[p].visitor = Int32(v)
        staff[p].busyStart = now
        heap.schedule(at: now + visitors[v].duration, priority: 8, kind: EventKind.serviceEnd, a: Int32(p))
    }

    @inline(__always)
    mutating func serviceEnd(_ p: Int) {
        addDialogue(p)
        let v = Int(staff[p].visitor)
        staff[p].visitor = -1
        if staff[p].pendingLeave {
            goOff(p)
        } else {
            becomeFree(p)
        }
        continueAfterDialogue(v)
    }

    /// The visitor, already out of the queue, gives up waiting (patience or the end of
    /// staffed hours) and dwells.
    mutating func abandon(_ v: Int) {
        visitors[v].gen &+= 1  // its patience timer is void
        if visitors[v].requestTick >= warmup {
            let stream = Int(visitors[v].stream)
            tallies[stream].abandoned += 1
            tallies[stream].abandonWaitSum += now - visitors[v].requestTick
            hours[Int(visitors[v].requestHour)].abandoned += 1
        }
        continueAfterDialogue(v)
    }
}
