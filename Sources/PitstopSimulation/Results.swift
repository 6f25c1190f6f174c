import PitstopModel

/// How long and how often to simulate.
public struct RunOptions: Sendable, Hashable {
    /// Simulated days, warm-up included (day 0 is a Monday).
    public var days: Int
    /// Leading days left out of every statistic.
    public var warmupDays: Int
    public var replications: Int
    public var seed: UInt64
    /// Replications run at once; 0 or less means one per core. Results do not depend on it.
    public var jobs: Int

    public init(days: Int = 28, warmupDays: Int = 0, replications: Int = 20, seed: UInt64 = 2339, jobs: Int = 0) {
        self.days = days
        self.warmupDays = warmupDays
        self.replications = replications
        self.seed = seed
        self.jobs = jobs
    }

    /// The scenario's `simulation:` block.
    public init(_ s: SimulationSettings, jobs: Int = 0) {
        self.init(days: s.days, warmupDays: s.warmupDays, replications: s.replications, seed: s.seed, jobs: jobs)
    }
}

/// The names of the KPIs, in the order of the results contract.
public enum KPIName {
    /// The KPIs of a perspective, a persona or a site's visitors (a persona without a
    /// dialogue has only `visits`).
    public static let visitor = [
        "visits", "dialogues_requested", "dialogues_served", "served_share", "competence_match_share",
        "wait_mean_min", "wait_p90_min", "wait_prob", "abandoned",
        // Beyond the contract: of `abandoned`, the requests made when nobody was on duty to ask.
        "unattended",
        "abandon_share", "wait_all_mean_min", "unservable_share",
    ]
    /// Every overall KPI: the visitor KPIs, then staff, cost and capacity.
    public static let overall = visitor + [
        "turnaways", "staff_floor_hours", "staff_utilisation", "travel_hours", "coverage_share", "annual_staff_cost",
        "cost_per_visit", "cost_per_dialogue",
        // Beyond the contract: hours staff spent in dialogue per day ("the meeting" delivered).
        "dialogue_hours",
    ]
    /// The KPIs of a site: its visitors' KPIs, its zones' turn-aways, and the staff KPIs
    /// that belong to a site (floor, dialogue and travel time there, its rules' coverage).
    public static let site = visitor + [
        "turnaways", "staff_floor_hours", "staff_utilisation", "travel_hours", "coverage_share", "dialogue_hours",
    ]
    /// The KPIs of a zone.
    public static let zone = ["occupancy_mean", "occupancy_peak", "turnaways"]

    /// The shares: fractions between 0 and 1.
    public static let shares: Set<String> = [
        "served_share", "competence_match_share", "wait_prob", "staff_utilisation", "coverage_share",
        "abandon_share", "unservable_share",
    ]

    /// The values a KPI can take: shares lie in [0, 1], everything else is never negative.
    /// Confidence intervals are clipped to it.
    public static func bounds(of kpi: String) -> ClosedRange<Double> {
        shares.contains(kpi) ? 0...1 : 0...Double.infinity
    }
}

/// Per-replication values of the overall and the perspective KPIs, in replication order
/// (index 0 is replication 1): what paired comparisons are computed from. A ratio with
/// nothing to divide by in a replication (no dialogue served, say) is NaN there. (Personas,
/// zones and sites are reduced to their estimates as replications finish, so that memory
/// does not grow with the number of replications.)
public struct ReplicationSamples: Sendable, Hashable {
    public var kpis: [String: [Double]]
    public var perspectives: [String: [String: [Double]]]

    public init(kpis: [String: [Double]] = [:], perspectives: [String: [String: [Double]]] = [:]) {
        self.kpis = kpis
        self.perspectives = perspectives
    }
}

/// One site in one clock hour of one weekday: means over replications of the values per
/// simulated day of that weekday (after the warm-up). Requests, and what became of them,
/// count in the hour the request was made.
public struct HourlyRow: Sendable, Hashable {
    public var site: String
    public var weekday: Weekday
    /// 0…23: the hour from `hour`:00 to `hour + 1`:00.
    public var hour: Int
    /// Visitors arriving.
    public var arrivals: Double
    /// Mean persons present in the site's zones over the open time of the hour (0 when closed).
    public var occupancyMean: Double
    public var dialoguesRequested: Double
    public var dialoguesServed: Double
    /// Requests given up (unattended ones included).
    public var abandoned: Double
    /// Mean wait of the dialogues served, minutes; `nil` when none was served in any replication.
    public var waitMeanMinutes: Double?
    /// Mean number of staff on the floor at the site during the hour.
    public var staffOnDuty: Double

    public init(site: String, weekday: Weekday, hour: Int, arrivals: Double, occupancyMean: Double,
                dialoguesRequested: Double, dialoguesServed: Double, abandoned: Double, waitMeanMinutes: Double?,
                staffOnDuty: Double) {
        self.site = site
        self.weekday = weekday
        self.hour = hour
        self.arrivals = arrivals
        self.occupancyMean = occupancyMean
        self.dialoguesRequested = dialoguesRequested
        self.dialoguesServed = dialoguesServed
        self.abandoned = abandoned
        self.waitMeanMinutes = waitMeanMinutes
        self.staffOnDuty = staffOnDuty
    }

    /// The column names of `hourly.csv` after site, weekday and hour, and the keys of the
    /// JSON `hourly` object.
    public static let metricKeys = [
        "arrivals", "occupancy_mean", "dialogues_requested", "dialogues_served", "abandoned", "wait_mean_min",
        "staff_on_duty",
    ]

    /// The values in the order of ``metricKeys`` (`nil`: undefined).
    public var metrics: [Double?] {
        [arrivals, occupancyMean, dialoguesRequested, dialoguesServed, abandoned, waitMeanMinutes, staffOnDuty]
    }
}

/// Waits of served dialogues (after the warm-up, all replications together) in 1-minute
/// bins: `counts[i]` for i in 0..<60 holds waits in [i, i+1) minutes — waits of exactly 0
/// included in bin 0 — and `counts[60]` waits of 60 minutes or more.
public struct WaitHistogram: Sendable, Hashable {
    public var binMinutes: Double
    public var counts: [Int]

    public init(binMinutes: Double = 1, counts: [Int] = Array(repeating: 0, count: 61)) {
        self.binMinutes = binMinutes
        self.counts = counts
    }

    public var total: Int { counts.reduce(0, +) }
    /// `counts` as shares of the total (all 0 when nothing was served).
    public var fractions: [Double] {
        let t = total
        return counts.map { t > 0 ? Double($0) / Double(t) : 0 }
    }
}

/// One placement of the generated rota (replication 1).
public struct RotaRow: Sendable, Hashable {
    public var person: String
    /// Simulated day, 0-based (day 0 is a Monday).
    public var day: Int
    public var site: String
    /// Zone id, or `roving`.
    public var zone: String
    /// Minutes since midnight.
    public var from: Int
    public var to: Int

    public init(person: String, day: Int, site: String, zone: String, from: Int, to: Int) {
        self.person = person
        self.day = day
        self.site = site
        self.zone = zone
        self.from = from
        self.to = to
    }

    /// `1 (mon)`: the 1-based day number and its weekday.
    public var dayLabel: String { dayLabelText(day) }
}

/// Rule hours the rota could not cover (replication 1): `missing` staff short of
/// `min_staff` from `from` to `to` (minutes since midnight) on `day` (0-based).
public struct CoverageGap: Sendable, Hashable {
    public var site: String
    /// Zone id, or `roving`.
    public var zone: String
    public var day: Int
    public var from: Int
    public var to: Int
    public var missing: Int

    public init(site: String, zone: String, day: Int, from: Int, to: Int, missing: Int) {
        self.site = site
        self.zone = zone
        self.day = day
        self.from = from
        self.to = to
        self.missing = missing
    }

    public var dayLabel: String { dayLabelText(day) }
}

func dayLabelText(_ day: Int) -> String { "\(day + 1) (\(Weekday(dayIndex: day).key))" }

/// `HH:MM` of minutes since midnight (`24:00` allowed).
func clockText(_ minutes: Int) -> String {
    let h = minutes / 60, m = minutes % 60
    return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
}

/// What a simulation run measured: estimates over replications, the per-replication samples
/// behind them, and detail for charts (hourly occupancy, waits, walks, the rota).
public struct SimulationResults: Sendable {
    public var scenario: String
    public var seed: UInt64
    public var replications: Int
    public var days: Int
    public var warmupDays: Int
    public var kpis: [String: Estimate]
    public var perspectives: [String: [String: Estimate]]
    public var personas: [String: [String: Estimate]]
    /// Keyed `site/zone`.
    public var zones: [String: [String: Estimate]]
    /// Keyed by site id: the site's visitor KPIs and its staff KPIs (``KPIName/site``).
    public var sites: [String: [String: Estimate]]
    /// Per site (in scenario order), weekday and hour: the simulated weekdays only.
    public var hourly: [HourlyRow]
    public var samples: ReplicationSamples
    /// `site/zone` → 24 means of persons present by hour of day, over the open time of that hour.
    public var hourlyOccupancy: [String: [Double]]
    /// Site → 24 means (the sum over its zones).
    public var siteHourlyOccupancy: [String: [Double]]
    public var waitHistogram: WaitHistogram
    /// Site → walks per day from one zone to the next zone entered (mean over replications).
    public var flows: [String: [ZoneLink: Double]]
    /// The rota of replication 1 (at most the first ``rotaDays`` days).
    public var rota: [RotaRow]
    /// Uncovered rule hours of replication 1 (the same days as ``rota``).
    public var coverageGaps: [CoverageGap]
    /// Days covered by ``rota`` and ``coverageGaps`` (min(days, 364)); KPIs always cover all days.
    public var rotaDays: Int

    public init(scenario: String, seed: UInt64, replications: Int, days: Int, warmupDays: Int = 0,
                kpis: [String: Estimate] = [:], perspectives: [String: [String: Estimate]] = [:],
                personas: [String: [String: Estimate]] = [:], zones: [String: [String: Estimate]] = [:],
                sites: [String: [String: Estimate]] = [:], hourly: [HourlyRow] = [],
                samples: ReplicationSamples = ReplicationSamples(), hourlyOccupancy: [String: [Double]] = [:],
                siteHourlyOccupancy: [String: [Double]] = [:], waitHistogram: WaitHistogram = WaitHistogram(),
                flows: [String: [ZoneLink: Double]] = [:], rota: [RotaRow] = [], coverageGaps: [CoverageGap] = [],
                rotaDays: Int = 0) {
        self.scenario = scenario
        self.seed = seed
        self.replications = replications
        self.days = days
        self.warmupDays = warmupDays
        self.kpis = kpis
        self.perspectives = perspectives
        self.personas = personas
        self.zones = zones
        self.sites = sites
        self.hourly = hourly
        self.samples = samples
        self.hourlyOccupancy = hourlyOccupancy
        self.siteHourlyOccupancy = siteHourlyOccupancy
        self.waitHistogram = waitHistogram
        self.flows = flows
        self.rota = rota
        self.coverageGaps = coverageGaps
        self.rotaDays = rotaDays
    }

    /// The results object of the contract as a JSON tree.
    public var jsonText: JSONText {
        func scoped(_ m: [String: [String: Estimate]]) -> JSONText {
            .object(m.mapValues { .object($0.mapValues(\.jsonText)) })
        }
        return .object([
            "format": .integer(1),
            "scenario": .string(scenario),
            "seed": .unsigned(seed),
            "replications": .integer(Int64(replications)),
            "days": .integer(Int64(days)),
            "kpis": .object(kpis.mapValues(\.jsonText)),
            "perspectives": scoped(perspectives),
            "personas": scoped(personas),
            "zones": scoped(zones),
            "sites": scoped(sites),
            "hourly": hourlyJSON,
        ])
    }

    /// `{"<site>": {"<weekday>": {"<metric>": [24 values, hour 0 first]}}}`; an undefined
    /// mean wait is `null`.
    var hourlyJSON: JSONText {
        var sites: [String: [String: [String: [JSONText]]]] = [:]
        for row in hourly {
            for (key, value) in zip(HourlyRow.metricKeys, row.metrics) {
                sites[row.site, default: [:]][row.weekday.key, default: [:]][key, default: []]
                    .append(value.map { .number($0) } ?? .null)
            }
        }
        return .object(sites.mapValues { .object($0.mapValues { .object($0.mapValues { .array($0) }) }) })
    }

    /// The results object of the contract (format, scenario, seed, replications, days, kpis,
    /// perspectives, personas, zones, sites, hourly): sorted keys, two-space indentation, each
    /// estimate on one line, numbers rounded to 6 decimals, no trailing newline. Same input →
    /// the same bytes.
    public func json() -> String { jsonText.rendered() }

    /// The same object indented to sit `indent` spaces deep inside a larger document (no
    /// trailing newline), for `compare`.
    public func json(indent: Int) -> String { jsonText.rendered(indent: indent) }

    /// Every estimate as a table: `scope,id,kpi,mean,ci_low,ci_high`; scope is `overall`
    /// (empty id), `perspective`, `persona`, `zone` (id `site/zone`) or `site`; ids sorted,
    /// KPIs in contract order.
    public func kpiCSV() -> String {
        var out = "scope,id,kpi,mean,ci_low,ci_high\n"
        func row(_ scope: String, _ id: String, _ kpi: String, _ e: Estimate) {
            let lo = e.ci95.first ?? e.mean, hi = e.ci95.last ?? e.mean
            out += [scope, csvField(id), kpi, formatNumber(e.mean), formatNumber(lo), formatNumber(hi)]
                .joined(separator: ",") + "\n"
        }
        func ordered(_ m: [String: Estimate], _ names: [String]) -> [(String, Estimate)] {
            let known = names.compactMap { n in m[n].map { (n, $0) } }
            let extra = m.keys.filter { !names.contains($0) }.sorted().compactMap { n in m[n].map { (n, $0) } }
            return known + extra
        }
        for (k, e) in ordered(kpis, KPIName.overall) { row("overall", "", k, e) }
        for id in perspectives.keys.sorted() {
            for (k, e) in ordered(perspectives[id] ?? [:], KPIName.visitor) { row("perspective", id, k, e) }
        }
        for id in personas.keys.sorted() {
            for (k, e) in ordered(personas[id] ?? [:], KPIName.visitor) { row("persona", id, k, e) }
        }
        for id in zones.keys.sorted() {
            for (k, e) in ordered(zones[id] ?? [:], KPIName.zone) { row("zone", id, k, e) }
        }
        for id in sites.keys.sorted() {
            for (k, e) in ordered(sites[id] ?? [:], KPIName.site) { row("site", id, k, e) }
        }
        return out
    }

    /// The hourly results as a table: `site,weekday,hour,arrivals,occupancy_mean,
    /// dialogues_requested,dialogues_served,abandoned,wait_mean_min,staff_on_duty` — sites in
    /// scenario order, weekdays `mon`…`sun`, hours 0–23; an undefined mean wait is empty.
    public func hourlyCSV() -> String {
        var out = (["site", "weekday", "hour"] + HourlyRow.metricKeys).joined(separator: ",") + "\n"
        for row in hourly {
            out += ([csvField(row.site), row.weekday.key, String(row.hour)]
                + row.metrics.map { $0.map(formatNumber) ?? "" }).joined(separator: ",") + "\n"
        }
        return out
    }

    /// The rota of replication 1: `person,day,site,zone,from,to`, day as `1 (mon)`, times
    /// as `HH:MM`, in order of day, start, person.
    public func rotaCSV() -> String {
        var out = "person,day,site,zone,from,to\n"
        for r in rota {
            out += [csvField(r.person), r.dayLabel, csvField(r.site), csvField(r.zone), clockText(r.from), clockText(r.to)]
                .joined(separator: ",") + "\n"
        }
        return out
    }

    /// The uncovered rule hours of replication 1: `site,zone,day,from,to,missing`.
    public func coverageGapsCSV() -> String {
        var out = "site,zone,day,from,to,missing\n"
        for g in coverageGaps {
            out += [csvField(g.site), csvField(g.zone), g.dayLabel, clockText(g.from), clockText(g.to), String(g.missing)]
                .joined(separator: ",") + "\n"
        }
        return out
    }
}
