#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PitstopModel

/// What a scenario's visitors are expected to ask for, per site, zone, weekday and half
/// hour — the stationary demand the staffing planner turns into requirements.
///
/// It is computed from the engine's own compiled model: the same piecewise-constant arrival
/// rates the simulation samples from (profile over the open hours, `visits_per_year` or
/// `arrivals_per_hour`), the same route resolution (a zone missing at a site is skipped),
/// and the engine's own samplers for the dwell times. So the analysis and the simulation
/// cannot disagree about what the scenario says; they differ only where the simulation
/// has dynamics this analysis leaves out (zones at capacity turn visitors away; the first
/// simulated day starts with an empty building).
///
/// A dialogue request is made when the visitor reaches the dialogue zone, so requests are
/// placed in the half hour in which they are *made*: the arrival rate is shifted by the
/// time spent in the route's earlier zones (each dwell discretised to the minute from its
/// sampler's quantiles; delays beyond a day are spread evenly over the week).
///
/// ```swift
/// let demand = ExpectedDemand(scenario)
/// for r in demand.requests where r.site == "main" {
///     let mondayNoon = r.perSlot[ExpectedDemand.slot(.mon, minute: 12 * 60)]
///     print(r.persona, r.zone, mondayNoon, r.meanDurationMinutes)
/// }
/// ```
public struct ExpectedDemand: Sendable, Hashable {
    /// Minutes in one slot.
    public static let slotMinutes = 30
    /// Slots in one day.
    public static let slotsPerDay = 1440 / slotMinutes
    /// Slots in one week: Monday 00:00–00:30 is slot 0.
    public static let slotsPerWeek = 7 * slotsPerDay

    /// The slot of a weekday's minute (0 ≤ minute < 1440).
    public static func slot(_ day: Weekday, minute: Int) -> Int {
        day.rawValue * slotsPerDay + min(max(0, minute), 1439) / slotMinutes
    }

    /// The expected arrivals of one persona at one site.
    public struct Arrivals: Sendable, Hashable {
        public var persona: String
        public var site: String
        /// Expected arrivals in each slot of the week (``ExpectedDemand/slotsPerWeek`` values,
        /// Monday 00:00 first), by the time of arrival.
        public var perSlot: [Double]

        /// Expected arrivals in a week.
        public var perWeek: Double { perSlot.reduce(0, +) }

        /// Expected arrivals on one weekday.
        public func perDay(_ day: Weekday) -> Double { ExpectedDemand.daySum(perSlot, day) }
    }

    /// The expected dialogue requests of one persona at one zone of a site, with what the
    /// requests are like (for Erlang A: the mean duration and patience).
    public struct Requests: Sendable, Hashable {
        public var persona: String
        public var site: String
        /// The dialogue zone.
        public var zone: String
        /// The competence asked for; `nil` when anyone on duty is a match.
        public var competence: String?
        /// Share of arriving visitors whose route reaches the zone (the route steps' chances;
        /// zones at capacity are not considered).
        public var reachShare: Double
        /// Chance per visit that the visitor wants the dialogue.
        public var dialogueP: Double
        /// Mean dialogue duration in minutes (of the distribution as sampled, e.g. a normal
        /// truncated at 0).
        public var meanDurationMinutes: Double
        /// How long a visitor waits before giving up; `nil` means never.
        public var patience: Distribution?
        /// Mean patience in minutes; `nil` means never.
        public var meanPatienceMinutes: Double?
        /// Expected requests in each slot of the week (Monday 00:00 first), by the time the
        /// request is made.
        public var perSlot: [Double]

        /// Expected requests in a week.
        public var perWeek: Double { perSlot.reduce(0, +) }

        /// Expected requests on one weekday.
        public func perDay(_ day: Weekday) -> Double { ExpectedDemand.daySum(perSlot, day) }

        /// Offered load per slot in staff-minutes per minute (requests per minute × mean duration).
        public var offeredLoad: [Double] {
            perSlot.map { $0 / Double(ExpectedDemand.slotMinutes) * meanDurationMinutes }
        }
    }

    /// One entry per persona and site with arrivals, in the scenario's persona order.
    public var arrivals: [Arrivals]
    /// One entry per persona and site whose visitors can ask for a dialogue there (a
    /// dialogue `p` above 0 and the dialogue zone at that site), in persona order.
    public var requests: [Requests]

    /// The expected demand of a scenario.
    public init(_ scenario: Scenario) {
        self.init(scenario, model: CompiledModel(scenario))
    }

    /// The demand of `scenario`, whose compiled form is `model`.
    init(_ scenario: Scenario, model: CompiledModel) {
        arrivals = []
        requests = []
        let boundaries = (0...ExpectedDemand.slotsPerWeek).map { $0 * ExpectedDemand.slotMinutes }
        for s in model.streams.indices {
            let stream = StreamDemand(model: model, stream: s)
            let spec = model.streams[s]
            let persona = model.personaIDs[Int(spec.persona)], site = model.siteIDs[Int(spec.site)]
            arrivals.append(Arrivals(persona: persona, site: site, perSlot: stream.arrivals(between: boundaries)))
            guard let perSlot = stream.requests(between: boundaries) else { continue }
            requests.append(Requests(
                persona: persona, site: site, zone: model.zoneIDs[Int(spec.dialogueZone)],
                competence: spec.competence >= 0 ? model.competenceIDs[Int(spec.competence)] : nil,
                reachShare: stream.reachShare, dialogueP: min(1, spec.dialogueP),
                meanDurationMinutes: spec.duration.meanMinutes,
                patience: spec.hasPatience ? scenario.personas[Int(spec.persona)].dialogue?.patience : nil,
                meanPatienceMinutes: spec.hasPatience ? spec.patience.meanMinutes : nil,
                perSlot: perSlot))
        }
    }

    /// Expected requests per slot at one zone of a site, all personas together.
    public func requests(site: String, zone: String) -> [Double] {
        var total = Array(repeating: 0.0, count: ExpectedDemand.slotsPerWeek)
        for r in requests where r.site == site && r.zone == zone {
            for i in total.indices { total[i] += r.perSlot[i] }
        }
        return total
    }

    /// Expected arrivals per slot at one site, all personas together.
    public func arrivals(site: String) -> [Double] {
        var total = Array(repeating: 0.0, count: ExpectedDemand.slotsPerWeek)
        for a in arrivals where a.site == site {
            for i in total.indices { total[i] += a.perSlot[i] }
        }
        return total
    }

    static func daySum(_ perSlot: [Double], _ day: Weekday) -> Double {
        let first = day.rawValue * slotsPerDay
        return perSlot[first..<(first + slotsPerDay)].reduce(0, +)
    }
}

/// The expected arrivals and requests of one stream (a persona at a site) over any interval
/// of the week, from the stream's rate pieces and its discretised delay to the dialogue zone.
struct StreamDemand {
    /// Minutes in a week.
    static let week = 10080
    /// Delays are kept to the minute up to one day; the rest is spread over the week.
    static let delayMinutes = 1440
    /// Quantile points per sampled dwell distribution.
    static let quantilePoints = 2048

    /// cumulative[m]: expected arrivals from Monday 00:00 to minute m of the week (0…10080).
    private let cumulative: [Double]
    /// Expected arrivals per week.
    let perWeek: Double
    /// Chance that an arrival asks: dialogue p × reach share (0 when the stream has no dialogue).
    private let askChance: Double
    /// Delay from arrival to the request, minute by minute, given that the visitor asks:
    /// `delay[d]` for d in 0…1440 (a distribution of mass 1 − `lateShare`).
    private let delay: [Double]
    /// Share of requests made more than a day after arrival.
    private let lateShare: Double
    let reachShare: Double

    init(model: CompiledModel, stream s: Int) {
        let spec = model.streams[s]
        // Arrival rate per minute of the week, integrated minute by minute (the engine's
        // pieces start and end on whole minutes).
        var rate = Array(repeating: 0.0, count: StreamDemand.week)
        for k in 0..<Int(spec.segmentCount) {
            let seg = model.segments[Int(spec.segmentStart) + k]
            let from = max(0, min(StreamDemand.week, Int(seg.start))), to = max(from, min(StreamDemand.week, Int(seg.end)))
            for m in from..<to { rate[m] = seg.rate }
        }
        var cumulative = Array(repeating: 0.0, count: StreamDemand.week + 1)
        for m in 0..<StreamDemand.week { cumulative[m + 1] = cumulative[m] + rate[m] }
        self.cumulative = cumulative
        perWeek = cumulative[StreamDemand.week]

        // Delay to the first entry of the dialogue zone: walk the route with a sub-distribution
        // of "not asked yet" over the minutes since arrival.
        var notYet = Array(repeating: 0.0, count: StreamDemand.delayMinutes + 1)
        notYet[0] = 1
        var notYetLate = 0.0
        var asked = Array(repeating: 0.0, count: StreamDemand.delayMinutes + 1)
        var askedLate = 0.0
        let dialogueZone = spec.hasDialogue ? spec.dialogueZone : -1
        if dialogueZone >= 0 {
            for i in 0..<Int(spec.stepCount) {
                let step = model.steps[Int(spec.stepStart) + i]
                let p = min(1, max(0, step.p))
                if step.zone < 0 || p == 0 { continue }  // a zone missing at the site is skipped
                if step.zone == dialogueZone {
                    for d in asked.indices { asked[d] += p * notYet[d] }
                    askedLate += p * notYetLate
                    for d in notYet.indices { notYet[d] *= 1 - p }
                    notYetLate *= 1 - p
                    continue
                }
                let (dwell, dwellLate) = StreamDemand.minutes(step.dwell)
                var moved = Array(repeating: 0.0, count: notYet.count)
                // Late stays late; on time becomes late by a late dwell or by overflowing a day.
                var movedLate = notYetLate + notYet.reduce(0, +) * dwellLate
                let lastF = notYet.lastIndex { $0 != 0 } ?? -1, lastG = dwell.lastIndex { $0 != 0 } ?? -1
                if lastF >= 0 && lastG >= 0 {
                    for a in 0...lastF where notYet[a] != 0 {
                        for b in 0...lastG where dwell[b] != 0 {
                            let mass = notYet[a] * dwell[b]
                            if a + b <= StreamDemand.delayMinutes { moved[a + b] += mass } else { movedLate += mass }
                        }
                    }
                }
                for d in notYet.indices { notYet[d] = (1 - p) * notYet[d] + p * moved[d] }
                notYetLate = (1 - p) * notYetLate + p * movedLate
            }
        }
        let reach = asked.reduce(0, +) + askedLate
        reachShare = reach
        askChance = dialogueZone >= 0 ? reach * min(1, max(0, spec.dialogueP)) : 0
        if reach > 0 {
            delay = asked.map { $0 / reach }
            lateShare = askedLate / reach
        } else {
            delay = asked
            lateShare = 0
        }
    }

    /// Expected arrivals from Monday 00:00 to minute `x` of the timeline (any integer;
    /// the week repeats).
    @inline(__always)
    private func arrivalsUntil(_ x: Int) -> Double {
        let weeks = x >= 0 ? x / StreamDemand.week : -((-x + StreamDemand.week - 1) / StreamDemand.week)
        return Double(weeks) * perWeek + cumulative[x - weeks * StreamDemand.week]
    }

    /// Expected arrivals in [from, to) minutes of the week.
    func arrivals(from: Int, to: Int) -> Double { arrivalsUntil(to) - arrivalsUntil(from) }

    /// Expected arrivals between consecutive boundaries (minutes of the week, ascending).
    func arrivals(between boundaries: [Int]) -> [Double] {
        zip(boundaries, boundaries.dropFirst()).map { arrivals(from: $0, to: $1) }
    }

    /// Expected requests made in [from, to) minutes of the week.
    func requests(from: Int, to: Int) -> Double {
        guard askChance > 0 else { return 0 }
        var sum = 0.0
        for d in delay.indices where delay[d] != 0 {
            sum += delay[d] * (arrivalsUntil(to - d) - arrivalsUntil(from - d))
        }
        sum += lateShare * perWeek * Double(to - from) / Double(StreamDemand.week)
        return askChance * sum
    }

    /// Expected requests between consecutive boundaries; `nil` when this stream never asks.
    func requests(between boundaries: [Int]) -> [Double]? {
        guard askChance > 0 else { return nil }
        return zip(boundaries, boundaries.dropFirst()).map { requests(from: $0, to: $1) }
    }

    /// A sampler's distribution on whole minutes 0…1440 (each quantile point's mass split
    /// between the two nearest minutes, which keeps the mean), and the mass beyond a day.
    static func minutes(_ sampler: Sampler) -> ([Double], Double) {
        var pmf = Array(repeating: 0.0, count: delayMinutes + 1)
        var late = 0.0
        func add(_ x: Double, _ mass: Double) {
            guard x.isFinite, x < Double(delayMinutes) else {
                late += mass
                return
            }
            let v = max(0, x)
            let lower = Int(v.rounded(.down))
            let fraction = v - Double(lower)
            pmf[lower] += mass * (1 - fraction)
            if fraction > 0 { pmf[lower + 1] += mass * fraction }
        }
        if sampler.isConstant {
            add(sampler.a, 1)
        } else {
            let n = quantilePoints
            for i in 0..<n { add(sampler.value((Double(i) + 0.5) / Double(n)), 1 / Double(n)) }
        }
        return (pmf, late)
    }
}

extension Sampler {
    /// The mean of the distribution as sampled (a normal truncated at 0 has a higher mean
    /// than its parameter).
    var meanMinutes: Double {
        switch kind {
        case .constant: return a
        case .exponential: return a
        case .uniform: return a + b / 2
        case .triangular: return (a + b + (a + c * d)) / 3
        case .normal:
            // E[X | X > 0] for N(a, b²): a + b φ(α) / (1 − Φ(α)), α = −a/b.
            let alpha = -a / b
            let tail = 1 - normalCDF(alpha)
            guard tail > 0 else { return 0 }
            return a + b * exp(-alpha * alpha / 2) / (2 * Double.pi).squareRoot() / tail
        case .lognormal: return exp(a + b * b / 2)
        }
    }
}

/// Dialogue demand that no staffing of the current rota can serve: the expected requests
/// made when nobody can be on duty to ask — in self-service hours (the site is not
/// staffed), or where nobody is rostered in the zone or roving at the site for the rest of
/// that day — on the rota the generator plans before absence is drawn (explicit shifts,
/// then the rules). This is the engine's own rule for an `unattended` request, so with no
/// absence the simulated `unservable_share` estimates the same number.
///
/// `highestServedShare` is what any staffing of the current rota could at best reach:
/// more people on the same hours cannot serve a request nobody is there to hear.
///
/// ```swift
/// let never = UnservableDemand(scenario)
/// if let share = never.share, share > 0.05 {
///     print("\(Int(share * 100)) % of requests can never be served; at best \(never.highestServedShare!)")
/// }
/// ```
public struct UnservableDemand: Sendable, Hashable {
    /// The figures of one persona (or of all).
    public struct Part: Sendable, Hashable {
        /// The persona's id; empty for all personas together.
        public var persona: String
        /// Expected dialogue requests per week.
        public var requestsPerWeek: Double
        /// Of those, the expected requests per week made when nobody can be on duty.
        public var unservablePerWeek: Double

        /// unservable ÷ requested; `nil` when nothing is requested.
        public var share: Double? { requestsPerWeek > 0 ? unservablePerWeek / requestsPerWeek : nil }
        /// The highest served share any staffing of the current rota could reach (1 − share).
        public var highestServedShare: Double? { share.map { 1 - $0 } }
    }

    /// All personas together.
    public var overall: Part
    /// Each persona that asks for dialogues, in the scenario's order.
    public var personas: [Part]

    /// unservable ÷ requested over all personas; `nil` when nothing is requested.
    public var share: Double? { overall.share }
    /// The highest served share any staffing of the current rota could reach.
    public var highestServedShare: Double? { overall.highestServedShare }

    /// The never-servable demand of a scenario.
    public init(_ scenario: Scenario) {
        var model = CompiledModel(scenario)
        model.absenceRate = 0  // the plan, before absence is drawn
        // Per weekday and zone: until when someone is rostered there (or roving at the site).
        var planner = RotaPlanner(model: model, seed: 0, replication: 0)
        var eligibleUntil = Array(repeating: Array(repeating: 0, count: model.zoneIDs.count), count: 7)
        for day in 0..<7 {
            planner.plan(day: day, recordGaps: false)
            for duty in planner.duties {
                let zones = duty.zone >= 0 ? Int(duty.zone)..<Int(duty.zone) + 1 : model.siteZones[Int(duty.site)]
                for z in zones { eligibleUntil[day][z] = max(eligibleUntil[day][z], Int(duty.end)) }
            }
        }
        /// The minutes of the week in zone `z` when a request finds nobody to ask.
        func unservableIntervals(_ z: Int) -> [(Int, Int)] {
            var intervals: [(Int, Int)] = []
            let site = model.zoneSite[z]
            for day in 0..<7 {
                let base = day * 1440
                var m = 0  // the servable minutes are the staffed ones before eligibleUntil
                for r in model.siteStaffed[site][day] {
                    let s = r.start, e = min(r.end, eligibleUntil[day][z])
                    guard s < e else { continue }
                    if m < s { intervals.append((base + m, base + s)) }
                    m = e
                }
                if m < 1440 { intervals.append((base + m, base + 1440)) }
            }
            return intervals
        }
        var cache: [Int: [(Int, Int)]] = [:]
        var byPersona = Array(repeating: (requested: 0.0, unservable: 0.0), count: model.personaIDs.count)
        var asks = Array(repeating: false, count: model.personaIDs.count)
        for s in model.streams.indices {
            let spec = model.streams[s]
            guard spec.hasDialogue, spec.dialogueZone >= 0, spec.dialogueP > 0 else { continue }
            let stream = StreamDemand(model: model, stream: s)
            let z = Int(spec.dialogueZone)
            if cache[z] == nil { cache[z] = unservableIntervals(z) }
            let p = Int(spec.persona)
            let requested = stream.requests(from: 0, to: StreamDemand.week)
            guard requested > 0 else { continue }
            asks[p] = true
            byPersona[p].requested += requested
            for (a, b) in cache[z] ?? [] { byPersona[p].unservable += stream.requests(from: a, to: b) }
        }
        personas = model.personaIDs.indices.filter { asks[$0] }.map {
            Part(persona: model.personaIDs[$0], requestsPerWeek: byPersona[$0].requested,
                 unservablePerWeek: min(byPersona[$0].unservable, byPersona[$0].requested))
        }
        overall = Part(persona: "", requestsPerWeek: personas.reduce(0) { $0 + $1.requestsPerWeek },
                       unservablePerWeek: personas.reduce(0) { $0 + $1.unservablePerWeek })
    }
}
