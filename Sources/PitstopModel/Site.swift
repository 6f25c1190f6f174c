/// A building: opening hours, a floor plan with zones, and travel times to other sites.
public struct Site: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// Hours with staff on duty. Staff work only in these hours.
    public var staffedHours: WeekSchedule
    /// Self-service hours without staff (may be empty).
    public var openHours: WeekSchedule
    public var floor: Floor
    public var zones: [Zone]
    /// Walkable neighbours, drawn on the floor map.
    public var links: [ZoneLink]
    /// Minutes to travel to another site, by site id (for staff).
    public var travel: [String: Double]

    public init(
        id: String, name: String, staffedHours: WeekSchedule = WeekSchedule(),
        openHours: WeekSchedule = WeekSchedule(), floor: Floor = Floor(width: 0, depth: 0),
        zones: [Zone] = [], links: [ZoneLink] = [], travel: [String: Double] = [:]
    ) {
        self.id = id
        self.name = name
        self.staffedHours = staffedHours
        self.openHours = openHours
        self.floor = floor
        self.zones = zones
        self.links = links
        self.travel = travel
    }

    /// Hours when visitors may come: the union of staffed and self-service hours.
    public var visitorHours: WeekSchedule { staffedHours.union(openHours) }

    public func zone(_ id: String) -> Zone? { zones.first { $0.id == id } }

    /// Travel minutes to `other`, looked up in both directions (0 for the same site).
    public func travelMinutes(to other: String, in scenario: Scenario) -> Double? {
        if other == id { return 0 }
        if let t = travel[other] { return t }
        return scenario.site(other)?.travel[id]
    }
}

/// The floor of a site in metres.
public struct Floor: Sendable, Hashable {
    public var width: Double
    public var depth: Double
    public init(width: Double, depth: Double) {
        self.width = width
        self.depth = depth
    }
}

/// A point on the floor in metres.
public struct Point: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A zone ("pitstop") on a site's floor.
public struct Zone: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var perspective: String?
    public var capacity: Capacity
    /// Lower-left corner in metres.
    public var at: Point
    /// Width and depth in metres.
    public var size: Point

    public init(
        id: String, name: String, perspective: String? = nil, capacity: Capacity = .unlimited,
        at: Point = Point(x: 0, y: 0), size: Point = Point(x: 1, y: 1)
    ) {
        self.id = id
        self.name = name
        self.perspective = perspective
        self.capacity = capacity
        self.at = at
        self.size = size
    }

    /// Whether two zones share interior area (touching edges do not overlap).
    public func overlaps(_ other: Zone) -> Bool {
        at.x < other.at.x + other.size.x && other.at.x < at.x + size.x
            && at.y < other.at.y + other.size.y && other.at.y < at.y + size.y
    }
}

/// How many persons a zone holds at once.
public enum Capacity: Sendable, Hashable {
    case limited(Int)
    case unlimited

    /// The limit, or `nil` when unlimited.
    public var limit: Int? {
        if case .limited(let n) = self { return n }
        return nil
    }
}

/// An undirected walkable link between two zones of one site.
public struct ZoneLink: Sendable, Hashable {
    public var from: String
    public var to: String
    public init(_ from: String, _ to: String) {
        self.from = from
        self.to = to
    }
}
