import PitstopModel
import PitstopSimulation

/// Where the planner puts staff at a site: in one zone, or in the site's roving pool.
public struct StaffingPlace: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var site: String
    public var zone: ZonePlacement

    public init(site: String, zone: ZonePlacement) {
        self.site = site
        self.zone = zone
    }

    /// `site/zone`, or `site/roving`.
    public var description: String { "\(site)/\(zone)" }

    public static func < (a: StaffingPlace, b: StaffingPlace) -> Bool { a.description < b.description }
}

/// The staff one place needs in one half hour of the week.
public struct StaffingRequirement: Sendable, Hashable {
    public var place: StaffingPlace
    public var day: Weekday
    /// Half hour of the day: 0 is 00:00–00:30.
    public var slot: Int
    /// Expected dialogue requests made in the half hour.
    public var requests: Double
    /// Offered load in Erlangs: requests per minute × mean duration.
    public var load: Double
    /// Request-weighted mean dialogue duration, in minutes.
    public var meanDurationMinutes: Double
    /// Mean patience (1 / the request-weighted abandonment rate); `nil` when nobody gives up.
    public var meanPatienceMinutes: Double?
    /// The fewest staff meeting the targets by Erlang A (Erlang C without patience).
    public var erlang: Int
    /// The floor set by the scenario's rules (`min_staff`) in this half hour.
    public var minStaff: Int
    /// Per competence asked for (nil: anyone will do): its share of `required`, split by load.
    public var byCompetence: [CompetenceNeed]
    /// The value of each staff member up to `required`, in expected requests served in the
    /// half hour: `weights[k]` for the (k+1)-th. Falls as staff are added (Erlang is
    /// concave); floor-only staff are worth ``StaffingRequirements/floorWeight``.
    public var weights: [Double]
    /// The queue's performance with `required` staff (nil without requests).
    public var expected: QueuePerformance?

    /// max(`erlang`, `minStaff`).
    public var required: Int { max(erlang, minStaff) }
    public var startMinute: Int { slot * StaffingRequirements.slotMinutes }
    public var endMinute: Int { startMinute + StaffingRequirements.slotMinutes }
}

/// The part of a requirement that should hold one competence.
public struct CompetenceNeed: Sendable, Hashable {
    /// The competence id; `nil` for requests anyone on duty can serve.
    public var competence: String?
    public var load: Double
    public var required: Int
}

/// Requests made when the site has nobody on duty (self-service hours): reported apart,
/// never counted as missed by the rota.
public struct UnstaffedDemand: Sendable, Hashable {
    public var site: String
    public var zone: String
    public var day: Weekday
    /// Expected requests per week on that weekday outside staffed hours.
    public var requests: Double
}

/// How many staff every place needs in every staffed half hour of the week, from the
/// visitors' expected demand (``ExpectedDemand``) and the targets.
///
/// Per place and half hour the requests of every persona are one Poisson stream with the
/// request-weighted mean duration and abandonment rate (θ̄ = Σλᵢθᵢ / Σλᵢ; Erlang C when no
/// persona gives up). A site whose scenario staffs it by roving (a roving rule or shift)
/// is planned as one roving pool over all its zones' requests; any other site zone by
/// zone. The requirement is never below the rules' `min_staff` (at a pooled site, the
/// floors of its zones and pool add up). A half hour counts as staffed when any minute of
/// it is; requests in the other half hours are ``unstaffed``.
public struct StaffingRequirements: Sendable, Hashable {
    public static let slotMinutes = ExpectedDemand.slotMinutes
    public static let slotsPerDay = ExpectedDemand.slotsPerDay
    /// The value of a staff member required only by a rule's `min_staff`, in requests.
    public static let floorWeight = 0.05

    public var targets: StaffingTargets
    /// Every place with a requirement somewhere in the week, sorted.
    public var places: [StaffingPlace]
    /// Sites planned as one roving pool.
    public var pooledSites: Set<String>
    /// Every staffed half hour of every place with requests or a floor, in place, day and slot order.
    public var intervals: [StaffingRequirement]
    /// Requests in unstaffed hours, per site, zone and weekday (only where there are some).
    public var unstaffed: [UnstaffedDemand]

    /// The requirements of `scenario` for `targets`, from its expected demand.
    public init(_ scenario: Scenario, demand: ExpectedDemand, targets: StaffingTargets = StaffingTargets()) {
        self.targets = targets
        pooledSites = StaffingRequirements.pooledSites(scenario)
        var streams: [StaffingPlace: [ExpectedDemand.Requests]] = [:]
        var unstaffedByKey: [String: UnstaffedDemand] = [:]
        for r in demand.requests {
            guard let site = scenario.site(r.site) else { continue }
            let place = StaffingPlace(site: r.site, zone: pooledSites.contains(r.site) ? .roving : .zone(r.zone))
            streams[place, default: []].append(r)
            for day in Weekday.allCases {
                let staffed = site.staffedHours.ranges(on: day)
                var outside = 0.0
                for slot in 0..<StaffingRequirements.slotsPerDay where !StaffingRequirements.overlaps(slot, staffed) {
                    outside += r.perSlot[ExpectedDemand.slot(day, minute: slot * StaffingRequirements.slotMinutes)]
                }
                guard outside > 1e-12 else { continue }
                let key = "\(r.site)/\(r.zone)/\(day.rawValue)"
                unstaffedByKey[key, default: UnstaffedDemand(site: r.site, zone: r.zone, day: day, requests: 0)]
                    .requests += outside
            }
        }
        unstaffed = unstaffedByKey.values.sorted {
            ($0.site, $0.zone, $0.day.rawValue) < ($1.site, $1.zone, $1.day.rawValue)
        }
        let floors = StaffingRequirements.floors(scenario, pooled: pooledSites)
        places = Set(streams.keys).union(floors.keys).sorted()
        var intervals: [StaffingRequirement] = []
        for place in places {
            guard let site = scenario.site(place.site) else { continue }
            let personas = streams[place] ?? []
            for day in Weekday.allCases {
                let staffed = site.staffedHours.ranges(on: day)
                for slot in 0..<StaffingRequirements.slotsPerDay where StaffingRequirements.overlaps(slot, staffed) {
                    let floor = floors[place]?[day.rawValue][slot] ?? 0
                    let r = StaffingRequirements.requirement(
                        place: place, day: day, slot: slot, streams: personas, floor: floor, targets: targets)
                    if r.requests > 1e-12 || r.minStaff > 0 { intervals.append(r) }
                }
            }
        }
        self.intervals = intervals
    }

    /// Total expected requests per week in staffed hours.
    public var staffedRequests: Double { intervals.reduce(0) { $0 + $1.requests } }
    /// Total expected requests per week outside staffed hours.
    public var unstaffedRequests: Double { unstaffed.reduce(0) { $0 + $1.requests } }

    /// Whether slot `slot` of a day overlaps any of `ranges`.
    static func overlaps(_ slot: Int, _ ranges: [ClockRange]) -> Bool {
        let a = slot * slotMinutes, b = a + slotMinutes
        return ranges.contains { $0.start < b && a < $0.end }
    }

    /// Sites with a roving rule or a roving shift.
    static func pooledSites(_ scenario: Scenario) -> Set<String> {
        var sites = Set<String>()
        for rule in scenario.staffing.rules where rule.zone == .roving { sites.insert(rule.site) }
        for shift in scenario.staffing.shifts where shift.zone == .roving { sites.insert(shift.site) }
        return sites
    }

    /// The rules' floors per place, weekday and slot: the largest `min_staff` of the rules
    /// for one zone (or the pool); at a pooled site, the zones' floors and the pool's add up.
    static func floors(_ scenario: Scenario, pooled: Set<String>) -> [StaffingPlace: [[Int]]] {
        var byZone: [StaffingPlace: [[Int]]] = [:]
        let empty = Array(repeating: Array(repeating: 0, count: slotsPerDay), count: 7)
        for rule in scenario.staffing.rules where rule.minStaff > 0 {
            guard let site = scenario.site(rule.site) else { continue }
            if case .zone(let id) = rule.zone, site.zone(id) == nil { continue }
            let key = StaffingPlace(site: rule.site, zone: rule.zone)
            var grid = byZone[key] ?? empty
            for day in Weekday.allCases {
                let hours = rule.hours?.ranges(on: day) ?? site.staffedHours.ranges(on: day)
                for slot in 0..<slotsPerDay where overlaps(slot, hours) && overlaps(slot, site.staffedHours.ranges(on: day)) {
                    grid[day.rawValue][slot] = max(grid[day.rawValue][slot], rule.minStaff)
                }
            }
            byZone[key] = grid
        }
        var result: [StaffingPlace: [[Int]]] = [:]
        for (key, grid) in byZone {
            let place = pooled.contains(key.site) ? StaffingPlace(site: key.site, zone: .roving) : key
            var total = result[place] ?? empty
            for d in 0..<7 { for s in 0..<slotsPerDay { total[d][s] += grid[d][s] } }
            result[place] = total
        }
        return result
    }

    /// The requirement of one place in one half hour.
    static func requirement(
        place: StaffingPlace, day: Weekday, slot: Int, streams: [ExpectedDemand.Requests], floor: Int,
        targets: StaffingTargets
    ) -> StaffingRequirement {
        let index = ExpectedDemand.slot(day, minute: slot * slotMinutes)
        var requests = 0.0, durationSum = 0.0, thetaSum = 0.0
        var byCompetence: [String?: Double] = [:]
        for s in streams {
            let n = s.perSlot[index]
            guard n > 0 else { continue }
            requests += n
            durationSum += n * s.meanDurationMinutes
            if let p = s.meanPatienceMinutes, p > 0 { thetaSum += n / p }
            byCompetence[s.competence, default: 0] += n * s.meanDurationMinutes / Double(slotMinutes)
        }
        var r = StaffingRequirement(
            place: place, day: day, slot: slot, requests: requests, load: 0, meanDurationMinutes: 0,
            meanPatienceMinutes: nil, erlang: 0, minStaff: floor, byCompetence: [], weights: [], expected: nil)
        guard requests > 1e-12 else {
            r.weights = Array(repeating: floorWeight, count: floor)
            return r
        }
        let duration = durationSum / requests
        let patience: Double? = thetaSum > 0 ? requests / thetaSum : nil
        r.meanDurationMinutes = duration
        r.meanPatienceMinutes = patience
        let queue = ServiceQueue(arrivalsPerMinute: requests / Double(slotMinutes), meanServiceMinutes: duration,
                                 meanPatienceMinutes: patience)
        r.load = queue.offeredLoad
        let (erlang, performances) = fewestStaff(queue, targets: targets)
        r.erlang = erlang
        // Value of the k-th staff member: requests served that the (k−1)-th leaves unserved.
        var weights: [Double] = []
        for k in 0..<max(erlang, floor) {
            if k < erlang {
                let gain = requests * (performances[k + 1].servedShare - performances[k].servedShare)
                weights.append(max(gain, floorWeight))
            } else {
                weights.append(floorWeight)
            }
        }
        // Keep the weights falling (numerical noise aside) so that the shortfall layers fill in order.
        for k in weights.indices.dropFirst() where weights[k] > weights[k - 1] { weights[k] = weights[k - 1] }
        r.weights = weights
        r.expected = queue.performance(servers: r.required)
        r.byCompetence = split(r.required, loads: byCompetence)
        return r
    }

    /// The fewest staff meeting `targets`, and the performance for 0…that many.
    static func fewestStaff(_ queue: ServiceQueue, targets: StaffingTargets) -> (Int, [QueuePerformance]) {
        var performances: [QueuePerformance] = []
        let limit = Int(queue.offeredLoad.rounded(.up)) * 4 + 1000
        var c = 0
        while true {
            let p = queue.performance(servers: c)
            performances.append(p)
            if targets.isMet(by: p) || c >= limit { return (c, performances) }
            c += 1
        }
    }

    /// `total` split over competences in proportion to their loads, by largest remainder
    /// (ties to the competence first in id order, "anyone" last).
    static func split(_ total: Int, loads: [String?: Double]) -> [CompetenceNeed] {
        let keys = loads.keys.sorted { a, b in
            switch (a, b) {
            case (nil, nil): false
            case (nil, _): false
            case (_, nil): true
            case (let x?, let y?): x < y
            }
        }
        let sum = keys.reduce(0) { $0 + (loads[$1] ?? 0) }
        guard sum > 0 else { return [] }
        var needs = keys.map { k -> (CompetenceNeed, Double) in
            let exact = Double(total) * (loads[k] ?? 0) / sum
            let whole = Int(exact.rounded(.down))
            return (CompetenceNeed(competence: k, load: loads[k] ?? 0, required: whole), exact - Double(whole))
        }
        var left = total - needs.reduce(0) { $0 + $1.0.required }
        let order = needs.indices.sorted { needs[$0].1 > needs[$1].1 || (needs[$0].1 == needs[$1].1 && $0 < $1) }
        for i in order where left > 0 {
            needs[i].0.required += 1
            left -= 1
        }
        return needs.map(\.0)
    }
}
