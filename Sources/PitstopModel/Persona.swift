/// A visitor segment ("life situation"): demand, route and need for a dialogue.
public struct Persona: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var perspective: String?
    public var demand: Demand
    /// A profile id; `nil` means flat over open hours.
    public var profile: String?
    /// The zones walked, in order.
    public var route: [RouteStep]
    /// "The meeting": the visitor's request for a conversation with staff.
    public var dialogue: Dialogue?

    public init(
        id: String, name: String, perspective: String? = nil, demand: Demand = .visitsPerYear([:]),
        profile: String? = nil, route: [RouteStep] = [], dialogue: Dialogue? = nil
    ) {
        self.id = id
        self.name = name
        self.perspective = perspective
        self.demand = demand
        self.profile = profile
        self.route = route
        self.dialogue = dialogue
    }
}

/// How many visitors of a persona come to each site.
public enum Demand: Sendable, Hashable {
    /// Visits per year by site id, spread over the year by the profile within open hours.
    case visitsPerYear([String: Double])
    /// Arrivals per hour at a profile weight of 1, by site id.
    case arrivalsPerHour([String: Double])

    /// The site ids with a positive demand, sorted.
    public var sites: [String] {
        switch self {
        case .visitsPerYear(let m), .arrivalsPerHour(let m): m.filter { $0.value > 0 }.keys.sorted()
        }
    }

    /// The demand figure for one site (0 when absent).
    public func amount(at site: String) -> Double {
        switch self {
        case .visitsPerYear(let m), .arrivalsPerHour(let m): m[site] ?? 0
        }
    }
}

/// One step of a route: a zone, how long the visitor stays, and the chance to go there.
public struct RouteStep: Sendable, Hashable {
    public var zone: String
    public var dwell: Distribution
    /// Chance to visit this zone (1 by default).
    public var p: Double
    public init(zone: String, dwell: Distribution, p: Double = 1) {
        self.zone = zone
        self.dwell = dwell
        self.p = p
    }
}

/// A visitor's request for a dialogue with staff at a zone on the route.
public struct Dialogue: Sendable, Hashable {
    /// Chance per visit.
    public var p: Double
    public var zone: String
    /// The competence preferred; `nil` means anyone on duty is a match.
    public var competence: String?
    public var duration: Distribution
    /// How long the visitor waits before giving up; `nil` means never.
    public var patience: Distribution?

    public init(p: Double, zone: String, competence: String? = nil, duration: Distribution, patience: Distribution? = nil) {
        self.p = p
        self.zone = zone
        self.competence = competence
        self.duration = duration
        self.patience = patience
    }
}

/// Relative arrival weights by hour of day and by weekday.
public struct Profile: Sendable, Hashable, Identifiable {
    public var id: String
    /// 24 non-negative weights, hour 0 first.
    public var hours: [Double]
    /// Weight per weekday, index by `Weekday.rawValue`. Days left out of `days:` weigh 0;
    /// with no `days:` every day weighs 1.
    public var days: [Double]

    public init(id: String, hours: [Double], days: [Double] = Array(repeating: 1, count: 7)) {
        self.id = id
        self.hours = hours
        self.days = days
    }

    /// The weight of an hour of a day.
    public func weight(day: Weekday, hour: Int) -> Double {
        guard hour >= 0, hour < hours.count else { return 0 }
        return hours[hour] * days[day.rawValue]
    }

    /// The flat profile: weight 1 everywhere.
    public static let flat = Profile(id: "flat", hours: Array(repeating: 1, count: 24))
}
