#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
import PitstopModel
import Synchronization

/// Runs replications of a scenario and turns them into estimates.
///
/// ```swift
/// let results = Simulator(scenario).run(RunOptions(scenario.simulation, jobs: 0))
/// print(results.json())
/// ```
public struct Simulator: Sendable {
    public let scenario: Scenario
    let model: CompiledModel

    /// At most this many days of replication 1's rota and gaps are kept (memory stays flat
    /// however long the horizon).
    public static let rotaDayLimit = 364

    /// The longest run the engine accepts, in days (about 2,700 years); longer runs are
    /// clamped, so that simulated time always fits its integer clock.
    public static let maximumDays = 1_000_000

    public init(_ scenario: Scenario) {
        self.scenario = scenario
        model = CompiledModel(scenario)
    }

    /// Runs `options.replications` independent replications, `options.jobs` at a time,
    /// and combines them in replication order — the result does not depend on `jobs`.
    /// Out-of-range options are clamped (1 ≤ days ≤ ``maximumDays``, 0 ≤ warm-up < days,
    /// replications ≥ 1). `progress` is called after each finished replication, from a
    /// worker thread.
    ///
    /// Memory does not grow with the number of replications beyond the per-replication
    /// values of the overall and perspective KPIs (what paired differences need): everything
    /// else is reduced as replications finish, in replication order.
    public func run(_ options: RunOptions, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil)
        -> SimulationResults
    {
        run(options, progress: progress, beforeCombining: nil)
    }

    /// ``run(_:progress:)`` that can be stopped: `isCancelled` is asked before each
    /// replication starts (from worker threads); once it answers true no replication
    /// starts, and the result is `nil`. A front end whose user has gone away uses it.
    public func run(_ options: RunOptions, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
                    isCancelled: @escaping @Sendable () -> Bool) -> SimulationResults?
    {
        let finished = Mutex(0)
        let results = run(options, progress: { done, total in
            finished.withLock { $0 = max($0, done) }
            progress?(done, total)
        }, beforeCombining: nil, isCancelled: isCancelled)
        return finished.withLock { $0 } == max(1, options.replications) ? results : nil
    }

    /// `beforeCombining` (tests only) is called with a replication's index when it has
    /// finished, before it is handed to the statistics — a test can hold one back so that
    /// replications finish out of order. Once `isCancelled` answers true no replication
    /// starts (the results then hold fewer replications than asked for).
    func run(_ options: RunOptions, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?,
             beforeCombining: (@Sendable (Int) -> Void)?, isCancelled: (@Sendable () -> Bool)? = nil) -> SimulationResults
    {
        ProcessMemory.releaseFreed()  // what loading the scenario freed: the replications start from there
        let days = min(max(1, options.days), Simulator.maximumDays)
        let warmupDays = min(max(0, options.warmupDays), days - 1)
        let replications = max(1, options.replications)
        let jobs = options.jobs > 0 ? options.jobs : ProcessInfo.processInfo.activeProcessorCount
        let workers = max(1, min(jobs, replications))
        let model = self.model
        let seed = options.seed
        let shape = RunShape(model: model, days: days, warmupDays: warmupDays)
        let pipeline = ReplicationPipeline(
            count: replications, window: 2 * workers,
            accumulator: ResultsAccumulator(model: model, shape: shape, replications: replications))

        @Sendable func work() {
            while isCancelled?() != true, let r = pipeline.claim() {
                let recordDays = r == 0 ? min(days, Simulator.rotaDayLimit) : 0
                var replication = Replication(model: model, seed: seed, replication: r, days: days,
                                              warmupDays: warmupDays, recordDays: recordDays)
                let tally = replication.run()
                let kpis = ReplicationKPIs(tally, model: model, shape: shape)
                beforeCombining?(r)
                let done = pipeline.finish(r, kpis)
                progress?(done, replications)
            }
        }
        if workers == 1 {
            work()
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in work() }
        }
        let results = pipeline.accumulator.results(seed: seed)
        ProcessMemory.releaseFreed()  // the workers' tables, freed in their threads' arenas
        return results
    }

    func zoneKey(_ z: Int) -> String { model.siteIDs[model.zoneSite[z]] + "/" + model.zoneIDs[z] }
}

/// The process's memory, where glibc's allocator needs a word (elsewhere these do nothing).
public enum ProcessMemory {
    /// Hands the allocator's free pages back to the system (malloc_trim(3)): a phase's
    /// peak (loading, a run, a drawing) no longer stays resident through the next phase.
    /// A run's workers free their tables in their threads' malloc arenas, which glibc keeps
    /// mapped until asked.
    public static func releaseFreed() {
        #if canImport(Glibc)
        // malloc_trim(3) is glibc's, declared in <malloc.h>, which the Glibc module leaves out.
        typealias MallocTrim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        }
        #endif
    }

    /// Blocks of 128 KiB and more (a drawing, a report's pieces, Graphviz's layout tables)
    /// get their own mappings, returned to the system when freed, instead of glibc raising
    /// that threshold as large blocks come and go and then keeping them in the heap, where
    /// the small blocks left between them pin the pages. Called once, at the start.
    public static func mapLargeBlocks() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
            let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
            _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, 128 * 1024)
        }
        #endif
    }
}

/// What every replication of a run shares: its length and the open time of each hour.
struct RunShape: Sendable {
    let days: Int
    let warmupDays: Int
    /// Days after the warm-up.
    let measuredDays: Int
    /// Measured days that fall on each weekday.
    let daysOfWeekday: [Int]
    /// [site][hour of the week]: open (visitor) minutes in that hour on one such weekday.
    let openMinutes: [[Int]]

    init(model: CompiledModel, days: Int, warmupDays: Int) {
        self.days = days
        self.warmupDays = warmupDays
        measuredDays = days - warmupDays
        var count = Array(repeating: 0, count: 7)
        for w in 0..<7 {
            // Days d in warmupDays..<days with d % 7 == w.
            let first = warmupDays + ((w - warmupDays % 7) + 7) % 7
            count[w] = first < days ? (days - 1 - first) / 7 + 1 : 0
        }
        daysOfWeekday = count
        openMinutes = model.siteVisitor.map { week in
            var minutes = Array(repeating: 0, count: hoursPerWeek)
            for (w, ranges) in week.enumerated() {
                for r in ranges {
                    for h in (r.start / 60)..<((r.end + 59) / 60) {
                        let a = max(r.start, h * 60), b = min(r.end, h * 60 + 60)
                        if a < b { minutes[w * 24 + h] += b - a }
                    }
                }
            }
            return minutes
        }
    }
}

/// Hands out replication indices and feeds finished replications to the statistics in
/// replication order across threads. A replication is handed out only while it is fewer
/// than `window` ahead of the next one to combine, so at most `window` finished
/// replications wait at any time, however unevenly they take.
final class ReplicationPipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var nextClaim = 0
    private var nextCombine = 0
    private var done = 0
    private var waiting: [Int: ReplicationKPIs] = [:]
    private var peak = 0
    /// The most finished replications that waited for an earlier one at any time so far.
    var peakWaiting: Int {
        condition.lock()
        defer { condition.unlock() }
        return peak
    }
    /// Read only after every worker has returned.
    private(set) var accumulator: ResultsAccumulator

    init(count: Int, window: Int, accumulator: ResultsAccumulator) {
        self.count = count
        self.window = max(1, window)
        self.accumulator = accumulator
    }

    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while nextClaim < count && nextClaim >= nextCombine + window { condition.wait() }
        guard nextClaim < count else { return nil }
        nextClaim += 1
        return nextClaim - 1
    }

    /// Stores a finished replication, combines every replication now next in order, and
    /// returns the number finished so far.
    func finish(_ index: Int, _ value: ReplicationKPIs) -> Int {
        condition.lock()
        defer { condition.unlock() }
        waiting[index] = value
        peak = max(peak, waiting.count)
        done += 1
        while let next = waiting.removeValue(forKey: nextCombine) {
            accumulator.add(next)
            nextCombine += 1
        }
        condition.broadcast()
        return done
    }
}

/// Running mean and variance of a KPI over replications (Welford), values that are not
/// finite left out. The mean is the plain sum ÷ count in replication order.
struct RunningEstimate: Sendable {
    private(set) var count = 0
    private var sum = 0.0
    private var welfordMean = 0.0
    private var m2 = 0.0

    mutating func add(_ x: Double) {
        guard x.isFinite else { return }
        count += 1
        sum += x
        let delta = x - welfordMean
        welfordMean += delta / Double(count)
        m2 += delta * (x - welfordMean)
    }

    /// Mean and 95 % Student-t interval, clipped to `bounds`.
    func estimate(bounds: ClosedRange<Double>) -> Estimate {
        guard count > 0 else { return Estimate(mean: 0, ci95: [0, 0]) }
        let n = Double(count)
        let mean = sum / n
        let half = count > 1 ? tQuantile95(df: count - 1) * (max(0, m2) / (n - 1)).squareRoot() / n.squareRoot() : 0
        return Estimate(mean: mean, ci95: [max(bounds.lowerBound, mean - half), min(bounds.upperBound, mean + half)])
    }
}

/// The statistics of a run, fed one replication at a time in replication order.
struct ResultsAccumulator: Sendable {
    let model: CompiledModel
    let shape: RunShape
    let replications: Int
    private var combined = 0
    /// Per-replication values kept for paired differences: [kpi][replication].
    private var overall: [[Double]]
    private var perspectives: [[[Double]]]
    private var personas: [[RunningEstimate]]
    private var zones: [[RunningEstimate]]
    private var sites: [[RunningEstimate]]
    /// [zone][hour of day]: Σ over replications of the mean persons present ÷ replications.
    private var zoneHourly: [[Double]]
    /// [site × 168 + hour][metric]: sums and counts of the defined per-replication values.
    private var hourlySum: [Double]
    private var hourlyCount: [Int]
    private var waitMinutes: [Int]
    private var flows: [Int]
    private var rota: [RotaRow] = []
    private var gaps: [CoverageGap] = []

    init(model: CompiledModel, shape: RunShape, replications: Int) {
        self.model = model
        self.shape = shape
        self.replications = replications
        overall = Array(repeating: [], count: KPIName.overall.count)
        perspectives = Array(repeating: Array(repeating: [], count: KPIName.visitor.count),
                             count: model.perspectiveIDs.count)
        personas = Array(repeating: Array(repeating: RunningEstimate(), count: KPIName.visitor.count),
                         count: model.personaIDs.count)
        zones = Array(repeating: Array(repeating: RunningEstimate(), count: KPIName.zone.count),
                      count: model.zoneIDs.count)
        sites = Array(repeating: Array(repeating: RunningEstimate(), count: KPIName.site.count),
                      count: model.siteIDs.count)
        zoneHourly = Array(repeating: Array(repeating: 0, count: 24), count: model.zoneIDs.count)
        let cells = model.siteIDs.count * hoursPerWeek * HourlyMetric.allCases.count
        hourlySum = Array(repeating: 0, count: cells)
        hourlyCount = Array(repeating: 0, count: cells)
        waitMinutes = Array(repeating: 0, count: 61)
        flows = Array(repeating: 0, count: model.flowCount)
    }

    mutating func add(_ r: ReplicationKPIs) {
        for k in overall.indices { overall[k].append(r.overall[k]) }
        for i in perspectives.indices { for k in perspectives[i].indices { perspectives[i][k].append(r.perspectives[i][k]) } }
        for i in personas.indices { for k in personas[i].indices { personas[i][k].add(r.personas[i][k]) } }
        for i in zones.indices { for k in zones[i].indices { zones[i][k].add(r.zones[i][k]) } }
        for i in sites.indices { for k in sites[i].indices { sites[i][k].add(r.sites[i][k]) } }
        let n = Double(replications)
        for z in zoneHourly.indices { for h in 0..<24 { zoneHourly[z][h] += r.zoneHourly[z * 24 + h] / n } }
        for i in hourlySum.indices where r.hourly[i].isFinite {
            hourlySum[i] += r.hourly[i]
            hourlyCount[i] += 1
        }
        for i in 0..<61 { waitMinutes[i] += r.waitMinutes[i] }
        for i in flows.indices { flows[i] += r.flows[i] }
        if combined == 0 {
            rota = r.rota
            gaps = r.gaps
        }
        combined += 1
    }

    func results(seed: UInt64) -> SimulationResults {
        var samples = ReplicationSamples()
        for (k, name) in KPIName.overall.enumerated() { samples.kpis[name] = overall[k] }
        for (i, id) in model.perspectiveIDs.enumerated() {
            var m: [String: [Double]] = [:]
            for (k, name) in KPIName.visitor.enumerated() { m[name] = perspectives[i][k] }
            samples.perspectives[id] = m
        }
        /// Estimates of the KPIs defined in at least one replication (a ratio with nothing to
        /// divide by in every replication is left out of its scope).
        func estimates(_ m: [String: [Double]]) -> [String: Estimate] {
            var out: [String: Estimate] = [:]
            for (kpi, values) in m where values.contains(where: \.isFinite) {
                out[kpi] = Estimate(samples: values, bounds: KPIName.bounds(of: kpi))
            }
            return out
        }
        func estimates(_ running: [RunningEstimate], _ names: [String], only: [String]? = nil) -> [String: Estimate] {
            var out: [String: Estimate] = [:]
            for (k, name) in names.enumerated() where running[k].count > 0 && (only?.contains(name) ?? true) {
                out[name] = running[k].estimate(bounds: KPIName.bounds(of: name))
            }
            return out
        }

        var results = SimulationResults(scenario: model.name, seed: seed, replications: replications,
                                        days: shape.days, warmupDays: shape.warmupDays)
        results.samples = samples
        results.kpis = estimates(samples.kpis)
        results.perspectives = samples.perspectives.mapValues(estimates)
        for (i, id) in model.personaIDs.enumerated() {
            results.personas[id] = estimates(personas[i], KPIName.visitor,
                                             only: model.personaHasDialogue[i] ? nil : ["visits"])
        }
        for z in model.zoneIDs.indices {
            results.zones[zoneKey(z)] = estimates(zones[z], KPIName.zone)
            results.hourlyOccupancy[zoneKey(z)] = zoneHourly[z]
        }
        for (s, site) in model.siteIDs.enumerated() {
            results.sites[site] = estimates(sites[s], KPIName.site)
            var hours = Array(repeating: 0.0, count: 24)
            for z in model.siteZones[s] {
                for h in 0..<24 { hours[h] += results.hourlyOccupancy[zoneKey(z)]?[h] ?? 0 }
            }
            results.siteHourlyOccupancy[site] = hours
        }
        results.waitHistogram = WaitHistogram(binMinutes: 1, counts: waitMinutes)

        let n = Double(replications)
        let measuredDays = Double(shape.measuredDays)
        for (s, site) in model.siteIDs.enumerated() {
            var links: [ZoneLink: Double] = [:]
            for a in model.siteZones[s] {
                for b in model.siteZones[s] {
                    let total = flows[model.zoneFlowRow[a] + model.zoneLocal[b]]
                    if total > 0 {
                        links[ZoneLink(model.zoneIDs[a], model.zoneIDs[b])] = Double(total) / n / measuredDays
                    }
                }
            }
            results.flows[site] = links
        }

        let metrics = HourlyMetric.allCases.count
        results.hourly.reserveCapacity(model.siteIDs.count * 24 * shape.daysOfWeekday.filter { $0 > 0 }.count)
        for (s, site) in model.siteIDs.enumerated() {
            for w in 0..<7 where shape.daysOfWeekday[w] > 0 {
                for h in 0..<24 {
                    let base = ((s * hoursPerWeek) + w * 24 + h) * metrics
                    func mean(_ m: HourlyMetric) -> Double? {
                        let i = base + m.rawValue
                        return hourlyCount[i] > 0 ? hourlySum[i] / Double(hourlyCount[i]) : nil
                    }
                    results.hourly.append(HourlyRow(
                        site: site, weekday: Weekday(rawValue: w) ?? .mon, hour: h,
                        arrivals: mean(.arrivals) ?? 0, occupancyMean: mean(.occupancyMean) ?? 0,
                        dialoguesRequested: mean(.dialoguesRequested) ?? 0,
                        dialoguesServed: mean(.dialoguesServed) ?? 0, abandoned: mean(.abandoned) ?? 0,
                        waitMeanMinutes: mean(.waitMeanMinutes), staffOnDuty: mean(.staffOnDuty) ?? 0))
                }
            }
        }
        results.rota = rota
        results.coverageGaps = gaps
        results.rotaDays = min(shape.days, Simulator.rotaDayLimit)
        return results
    }

    func zoneKey(_ z: Int) -> String { model.siteIDs[model.zoneSite[z]] + "/" + model.zoneIDs[z] }
}

/// The values of one site in one hour, per replication, in this order.
enum HourlyMetric: Int, CaseIterable {
    case arrivals, occupancyMean, dialoguesRequested, dialoguesServed, abandoned, waitMeanMinutes, staffOnDuty
}

/// One replication's KPI values (what ``ReplicationTally`` becomes).
struct ReplicationKPIs: Sendable {
    var overall: [Double]
    var perspectives: [[Double]]
    var personas: [[Double]]
    var zones: [[Double]]
    var sites: [[Double]]
    /// Zone-major, 24 per zone: mean persons present over the open time of each hour of day.
    var zoneHourly: [Double]
    /// [site × 168 + hour][HourlyMetric]; NaN where undefined (no dialogue served that hour).
    var hourly: [Double]
    var waitMinutes: [Int]
    var flows: [Int]
    var rota: [RotaRow]
    var gaps: [CoverageGap]

    init(_ t: ReplicationTally, model: CompiledModel, shape: RunShape) {
        let m = Double(shape.measuredDays)
        let nb = WaitBins.count

        func visitorKPIs(_ s: ScopeTally, bins: ArraySlice<Int>) -> [Double] {
            visitorKPIs(s, p90: s.served > 0 ? WaitBins.p90(s, bins) : .nan)
        }
        func visitorKPIs(_ s: ScopeTally, p90: Double) -> [Double] {
            let served = Double(s.served)
            let requested = Double(s.requested)
            let resolved = s.served + s.abandoned
            return [
                Double(s.visits) / m,
                requested / m,
                served / m,
                // A ratio with nothing to divide by is undefined (NaN) in this replication,
                // and left out of the estimate, not averaged in as 0.
                s.requested > 0 ? served / requested : .nan,
                s.served > 0 ? Double(s.matched) / served : .nan,
                s.served > 0 ? Double(s.waitSum) / Double(ticksPerMinute) / served : .nan,
                s.served > 0 ? p90 : .nan,
                s.served > 0 ? Double(s.waited) / served : .nan,
                Double(s.abandoned) / m,
                Double(s.unattended) / m,
                s.requested > 0 ? Double(s.abandoned) / requested : .nan,
                resolved > 0 ? Double(s.waitSum + s.abandonWaitSum) / Double(ticksPerMinute) / Double(resolved) : .nan,
                s.requested > 0 ? Double(s.unattended) / requested : .nan,
            ]
        }

        // Streams add up to personas and sites; perspectives and the whole are sums of personas.
        var personaTally = Array(repeating: ScopeTally(), count: model.personaIDs.count)
        var siteTally = Array(repeating: ScopeTally(), count: model.siteIDs.count)
        for (s, tally) in t.streams.enumerated() {
            personaTally[Int(model.streams[s].persona)].add(tally)
            siteTally[Int(model.streams[s].site)].add(tally)
        }
        var all = ScopeTally()
        var allBins = Array(repeating: 0, count: nb)
        var perspectiveTally = Array(repeating: ScopeTally(), count: model.perspectiveIDs.count)
        var perspectiveBins = Array(repeating: Array(repeating: 0, count: nb), count: model.perspectiveIDs.count)
        personas = []
        for (p, tally) in personaTally.enumerated() {
            let bins = t.waitBins[(p * nb)..<((p + 1) * nb)]
            personas.append(visitorKPIs(tally, bins: bins))
            all.add(tally)
            for (i, c) in bins.enumerated() where c > 0 { allBins[i] += c }
            let q = model.personaPerspective[p]
            if q >= 0 {
                perspectiveTally[q].add(tally)
                for (i, c) in bins.enumerated() where c > 0 { perspectiveBins[q][i] += c }
            }
        }
        perspectives = perspectiveTally.indices.map { visitorKPIs(perspectiveTally[$0], bins: perspectiveBins[$0][...]) }

        var overall = visitorKPIs(all, bins: allBins[...])
        let turnaways = Double(t.zoneTurnaways.reduce(0, +)) / m
        let floorHours = Double(t.floorTicks) / Double(ticksPerHour)
        let cost = model.annualStaffCost
        let visitsPerDay = overall[0], servedPerDay = overall[2]
        overall += [
            turnaways,
            floorHours / m,
            t.floorTicks > 0 ? Double(t.dialogueTicks) / Double(t.floorTicks) : .nan,
            t.travelMinutes / 60 / m,
            t.requiredMinutes > 0 ? Double(t.coveredMinutes) / Double(t.requiredMinutes) : 1,
            cost,
            visitsPerDay > 0 ? cost / (visitsPerDay * 365) : .nan,
            servedPerDay > 0 ? cost / (servedPerDay * 365) : .nan,
            Double(t.dialogueTicks) / Double(ticksPerHour) / m,
        ]
        self.overall = overall

        // Sites: the visitor KPIs of the streams at the site, and its staff.
        sites = model.siteIDs.indices.map { s in
            let floor = t.siteFloorTicks[s], dialogue = t.siteDialogueTicks[s]
            let turnaways = model.siteZones[s].reduce(0) { $0 + t.zoneTurnaways[$1] }
            return visitorKPIs(siteTally[s], p90: t.siteWaitP90[s]) + [
                Double(turnaways) / m,
                Double(floor) / Double(ticksPerHour) / m,
                floor > 0 ? Double(dialogue) / Double(floor) : .nan,
                t.siteTravelMinutes[s] / 60 / m,
                t.siteRequiredMinutes[s] > 0 ? Double(t.siteCoveredMinutes[s]) / Double(t.siteRequiredMinutes[s]) : 1,
                Double(dialogue) / Double(ticksPerHour) / m,
            ]
        }

        // Zones: occupancy over the open time of the measured days.
        var openByHourOfDay = Array(repeating: Array(repeating: 0.0, count: 24), count: model.siteIDs.count)
        for s in model.siteIDs.indices {
            for w in 0..<7 where shape.daysOfWeekday[w] > 0 {
                for h in 0..<24 { openByHourOfDay[s][h] += Double(shape.openMinutes[s][w * 24 + h] * shape.daysOfWeekday[w]) }
            }
        }
        zones = []
        zoneHourly = []
        zoneHourly.reserveCapacity(model.zoneIDs.count * 24)
        for z in model.zoneIDs.indices {
            let s = model.zoneSite[z]
            let week = t.zoneHourTicks[(z * hoursPerWeek)..<((z + 1) * hoursPerWeek)]
            var hourTicks = Array(repeating: 0.0, count: 24)
            for (b, ticks) in week.enumerated() where ticks != 0 { hourTicks[b % 24] += ticks }
            let openTicks = openByHourOfDay[s].reduce(0, +) * Double(ticksPerMinute)
            let mean = openTicks > 0 ? hourTicks.reduce(0, +) / openTicks : 0
            zones.append([mean, Double(t.zonePeak[z]), Double(t.zoneTurnaways[z]) / m])
            for h in 0..<24 {
                let open = openByHourOfDay[s][h] * Double(ticksPerMinute)
                zoneHourly.append(open > 0 ? hourTicks[h] / open : 0)
            }
        }

        // Hours of the week per site: per day of that weekday.
        let metrics = HourlyMetric.allCases.count
        hourly = Array(repeating: .nan, count: model.siteIDs.count * hoursPerWeek * metrics)
        for s in model.siteIDs.indices {
            for b in 0..<hoursPerWeek {
                let days = Double(shape.daysOfWeekday[b / 24])
                guard days > 0 else { continue }
                let tally = t.hours[s * hoursPerWeek + b]
                var personTicks = 0.0
                for z in model.siteZones[s] { personTicks += t.zoneHourTicks[z * hoursPerWeek + b] }
                let open = Double(shape.openMinutes[s][b]) * days * Double(ticksPerMinute)
                let i = (s * hoursPerWeek + b) * metrics
                hourly[i + HourlyMetric.arrivals.rawValue] = Double(tally.arrivals) / days
                hourly[i + HourlyMetric.occupancyMean.rawValue] = open > 0 ? personTicks / open : 0
                hourly[i + HourlyMetric.dialoguesRequested.rawValue] = Double(tally.requested) / days
                hourly[i + HourlyMetric.dialoguesServed.rawValue] = Double(tally.served) / days
                hourly[i + HourlyMetric.abandoned.rawValue] = Double(tally.abandoned) / days
                hourly[i + HourlyMetric.waitMeanMinutes.rawValue] =
                    tally.served > 0 ? Double(tally.waitSum) / Double(ticksPerMinute) / Double(tally.served) : .nan
                hourly[i + HourlyMetric.staffOnDuty.rawValue] = Double(tally.staffTicks) / Double(ticksPerHour) / days
            }
        }

        // Waits in whole minutes: bin 0 holds zero waits too.
        var minutes = Array(repeating: 0, count: 61)
        minutes[0] = all.zeroWaits
        for (i, c) in allBins.enumerated() where c > 0 {
            let (lo, _) = WaitBins.bounds(i, maxWait: 0)
            minutes[min(60, Int(lo))] += c
        }
        waitMinutes = minutes
        flows = t.flows

        func zoneName(_ z: Int32) -> String { z >= 0 ? model.zoneIDs[Int(z)] : "roving" }
        rota = t.rota.map { day, d in
            RotaRow(person: model.staffIDs[Int(d.person)], day: Int(day), site: model.siteIDs[Int(d.site)],
                    zone: zoneName(d.zone), from: Int(d.start), to: Int(d.end))
        }
        gaps = t.gaps.map { g in
            CoverageGap(site: model.siteIDs[Int(g.site)], zone: zoneName(g.zone), day: Int(g.day),
                        from: Int(g.start), to: Int(g.end), missing: Int(g.missing))
        }
    }
}
