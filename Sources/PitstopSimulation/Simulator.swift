import Dispatch
import Foundation
import PitstopModel

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

    public init(_ scenario: Scenario) {
        self.scenario = scenario
        model = CompiledModel(scenario)
    }

    /// Runs `options.replications` independent replications, `options.jobs` at a time,
    /// and combines them in replication order — the result does not depend on `jobs`.
    /// Out-of-range options are clamped (days ≥ 1, 0 ≤ warm-up < days, replications ≥ 1).
    /// `progress` is called after each finished replication, from a worker thread.
    public func run(_ options: RunOptions, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil)
        -> SimulationResults
    {
        let run = replicate(options, progress: progress, isCancelled: nil)
        return combine(run.replications, days: run.days, warmupDays: run.warmupDays, replications: run.count,
                       seed: options.seed)
    }

    /// ``run(_:progress:)`` that can be stopped: `isCancelled` is asked before each
    /// replication starts (from worker threads); once it answers true no replication
    /// starts, and the result is `nil`. A front end whose user has gone away uses it.
    public func run(_ options: RunOptions, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
                    isCancelled: @escaping @Sendable () -> Bool) -> SimulationResults?
    {
        let run = replicate(options, progress: progress, isCancelled: isCancelled)
        guard run.replications.count == run.count else { return nil }
        return combine(run.replications, days: run.days, warmupDays: run.warmupDays, replications: run.count,
                       seed: options.seed)
    }

    /// Runs the replications (every one, unless `isCancelled` stops them) and returns
    /// the finished ones in replication order.
    private func replicate(
        _ options: RunOptions, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?,
        isCancelled: (@Sendable () -> Bool)?
    ) -> (replications: [ReplicationKPIs], count: Int, days: Int, warmupDays: Int) {
        let days = max(1, options.days)
        let warmupDays = min(max(0, options.warmupDays), days - 1)
        let replications = max(1, options.replications)
        let jobs = options.jobs > 0 ? options.jobs : ProcessInfo.processInfo.activeProcessorCount
        let workers = max(1, min(jobs, replications))
        let model = self.model
        let seed = options.seed
        let box = ReplicationBox(count: replications)

        @Sendable func work() {
            while isCancelled?() != true, let r = box.claim() {
                let recordDays = r == 0 ? min(days, Simulator.rotaDayLimit) : 0
                var replication = Replication(model: model, seed: seed, replication: r, days: days,
                                              warmupDays: warmupDays, recordDays: recordDays)
                let tally = replication.run()
                let kpis = ReplicationKPIs(tally, model: model, days: days, warmupDays: warmupDays)
                let done = box.store(r, kpis)
                progress?(done, replications)
            }
        }
        if workers == 1 {
            work()
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in work() }
        }
        return (box.results(), replications, days, warmupDays)
    }

    // MARK: - Combining replications

    func combine(_ reps: [ReplicationKPIs], days: Int, warmupDays: Int, replications: Int, seed: UInt64)
        -> SimulationResults
    {
        var samples = ReplicationSamples()
        for (k, name) in KPIName.overall.enumerated() { samples.kpis[name] = reps.map { $0.overall[k] } }
        for (i, id) in model.perspectiveIDs.enumerated() {
            var m: [String: [Double]] = [:]
            for (k, name) in KPIName.visitor.enumerated() { m[name] = reps.map { $0.perspectives[i][k] } }
            samples.perspectives[id] = m
        }
        for (i, id) in model.personaIDs.enumerated() {
            var m: [String: [Double]] = [:]
            let names = model.personaHasDialogue[i] ? KPIName.visitor : ["visits"]
            for (k, name) in KPIName.visitor.enumerated() where names.contains(name) {
                m[name] = reps.map { $0.personas[i][k] }
            }
            samples.personas[id] = m
        }
        for z in model.zoneIDs.indices {
            var m: [String: [Double]] = [:]
            for (k, name) in KPIName.zone.enumerated() { m[name] = reps.map { $0.zones[z][k] } }
            samples.zones[zoneKey(z)] = m
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

        var results = SimulationResults(scenario: model.name, seed: seed, replications: replications, days: days,
                                        warmupDays: warmupDays)
        results.samples = samples
        results.kpis = estimates(samples.kpis)
        results.perspectives = samples.perspectives.mapValues(estimates)
        results.personas = samples.personas.mapValues(estimates)
        results.zones = samples.zones.mapValues(estimates)

        let n = Double(reps.count)
        for z in model.zoneIDs.indices {
            var hours = Array(repeating: 0.0, count: 24)
            for r in reps { for h in 0..<24 { hours[h] += r.zoneHourly[z][h] / n } }
            results.hourlyOccupancy[zoneKey(z)] = hours
        }
        for (s, site) in model.siteIDs.enumerated() {
            var hours = Array(repeating: 0.0, count: 24)
            for z in model.siteZones[s] {
                for h in 0..<24 { hours[h] += results.hourlyOccupancy[zoneKey(z)]?[h] ?? 0 }
            }
            results.siteHourlyOccupancy[site] = hours
        }
        var waits = Array(repeating: 0, count: 61)
        for r in reps { for i in 0..<61 { waits[i] += r.waitMinutes[i] } }
        results.waitHistogram = WaitHistogram(binMinutes: 1, counts: waits)

        let nz = model.zoneIDs.count
        let measuredDays = Double(days - warmupDays)
        for (s, site) in model.siteIDs.enumerated() {
            var links: [ZoneLink: Double] = [:]
            for a in model.siteZones[s] {
                for b in model.siteZones[s] {
                    let total = reps.reduce(0) { $0 + $1.flows[a * nz + b] }
                    if total > 0 {
                        links[ZoneLink(model.zoneIDs[a], model.zoneIDs[b])] = Double(total) / n / measuredDays
                    }
                }
            }
            results.flows[site] = links
        }
        if let first = reps.first {
            results.rota = first.rota
            results.coverageGaps = first.gaps
        }
        results.rotaDays = min(days, Simulator.rotaDayLimit)
        return results
    }

    func zoneKey(_ z: Int) -> String { model.siteIDs[model.zoneSite[z]] + "/" + model.zoneIDs[z] }
}

/// Hands out replication indices and collects results (in index order) across threads.
private final class ReplicationBox: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var done = 0
    private var slots: [ReplicationKPIs?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < slots.count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    func store(_ index: Int, _ value: ReplicationKPIs) -> Int {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = value
        done += 1
        return done
    }

    func results() -> [ReplicationKPIs] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}

/// One replication's KPI values (what ``ReplicationTally`` becomes).
struct ReplicationKPIs: Sendable {
    var overall: [Double]
    var perspectives: [[Double]]
    var personas: [[Double]]
    var zones: [[Double]]
    var zoneHourly: [[Double]]
    var waitMinutes: [Int]
    var flows: [Int]
    var rota: [RotaRow]
    var gaps: [CoverageGap]

    init(_ t: ReplicationTally, model: CompiledModel, days: Int, warmupDays: Int) {
        let m = Double(days - warmupDays)
        let nb = WaitBins.count

        func visitorKPIs(_ s: ScopeTally, bins: ArraySlice<Int>) -> [Double] {
            let served = Double(s.served)
            return [
                Double(s.visits) / m,
                Double(s.requested) / m,
                served / m,
                // A ratio with nothing to divide by is undefined (NaN) in this replication,
                // and left out of the estimate, not averaged in as 0.
                s.requested > 0 ? served / Double(s.requested) : .nan,
                s.served > 0 ? Double(s.matched) / served : .nan,
                s.served > 0 ? Double(s.waitSum) / Double(ticksPerMinute) / served : .nan,
                s.served > 0 ? p90(s, bins) : .nan,
                s.served > 0 ? Double(s.waited) / served : .nan,
                Double(s.abandoned) / m,
                Double(s.unattended) / m,
            ]
        }
        func p90(_ s: ScopeTally, _ bins: ArraySlice<Int>) -> Double {
            guard s.served > 0 else { return 0 }
            let rank = 0.9 * Double(s.served)
            var cum = Double(s.zeroWaits)
            if cum >= rank { return 0 }
            let maxWait = Double(s.maxWait) / Double(ticksPerMinute)
            for (i, c) in bins.enumerated() where c > 0 {
                if cum + Double(c) >= rank {
                    let (lo, width) = WaitBins.bounds(i, maxWait: maxWait)
                    return min(lo + (rank - cum) / Double(c) * width, maxWait)
                }
                cum += Double(c)
            }
            return maxWait
        }

        // Personas, then perspectives and the whole as sums of personas.
        var all = ScopeTally()
        var allBins = Array(repeating: 0, count: nb)
        var perspectiveTally = Array(repeating: ScopeTally(), count: model.perspectiveIDs.count)
        var perspectiveBins = Array(repeating: Array(repeating: 0, count: nb), count: model.perspectiveIDs.count)
        personas = []
        for (p, tally) in t.personas.enumerated() {
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

        // Zones: occupancy over the open time of the measured days.
        var openMinutes = Array(repeating: Array(repeating: 0.0, count: 24), count: model.siteIDs.count)
        for d in warmupDays..<days {
            for (s, week) in model.siteVisitor.enumerated() {
                for r in week[d % 7] {
                    for h in (r.start / 60)..<((r.end + 59) / 60) {
                        let a = max(r.start, h * 60), b = min(r.end, h * 60 + 60)
                        if a < b { openMinutes[s][h] += Double(b - a) }
                    }
                }
            }
        }
        zones = []
        zoneHourly = []
        for z in model.zoneIDs.indices {
            let s = model.zoneSite[z]
            let hourTicks = t.zoneHourTicks[(z * 24)..<((z + 1) * 24)]
            let openTicks = openMinutes[s].reduce(0, +) * Double(ticksPerMinute)
            let mean = openTicks > 0 ? hourTicks.reduce(0, +) / openTicks : 0
            zones.append([mean, Double(t.zonePeak[z]), Double(t.zoneTurnaways[z]) / m])
            zoneHourly.append((0..<24).map { h in
                let open = openMinutes[s][h] * Double(ticksPerMinute)
                return open > 0 ? hourTicks[z * 24 + h] / open : 0
            })
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
