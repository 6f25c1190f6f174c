/// Who is where: explicit shifts and rules from which a rota is generated.
public struct Staffing: Sendable, Hashable {
    /// Share of contracted hours available for floor duty.
    public var floorShare: Double
    public var maxShiftHours: Double
    /// Chance that a person is absent on a working day.
    public var absenceRate: Double
    public var shifts: [Shift]
    public var rules: [StaffingRule]
    /// Who serves whom when a staff member becomes free.
    public var dispatch: DispatchPolicy
    /// Minutes a request waits for someone with the competence before anyone may take it
    /// (competence-first only).
    public var maxWaitMinutes: Double

    public init(
        floorShare: Double = 0.5, maxShiftHours: Double = 7.5, absenceRate: Double = 0.04,
        shifts: [Shift] = [], rules: [StaffingRule] = [], dispatch: DispatchPolicy = .fcfs,
        maxWaitMinutes: Double = DispatchPolicy.defaultMaxWaitMinutes
    ) {
        self.floorShare = floorShare
        self.maxShiftHours = maxShiftHours
        self.absenceRate = absenceRate
        self.shifts = shifts
        self.rules = rules
        self.dispatch = dispatch
        self.maxWaitMinutes = maxWaitMinutes
    }
}

/// Who serves whom when a staff member becomes free (`staffing.dispatch`).
public enum DispatchPolicy: String, Sendable, Hashable, CaseIterable {
    /// First come, first served: a free person takes the oldest request they may serve,
    /// whatever it asks for; a new request goes to a free holder of its competence if any,
    /// else to anyone free.
    case fcfs
    /// A free person with the competence takes the oldest request that needs it; others
    /// take the oldest request that has waited `max_wait` minutes, or that nobody on duty
    /// can match. A new request nobody free can match waits for a holder up to `max_wait`.
    case competenceFirst = "competence-first"

    /// `max_wait` when none is given.
    public static let defaultMaxWaitMinutes = 10.0
}

/// Where a shift or rule places staff: one zone, or roving over the whole site.
public enum ZonePlacement: Sendable, Hashable, CustomStringConvertible {
    case zone(String)
    case roving

    public var description: String {
        switch self {
        case .zone(let id): id
        case .roving: "roving"
        }
    }
}

/// An explicit shift: these staff, at this site and zone, on these days, in these hours.
public struct Shift: Sendable, Hashable {
    /// The shift's label in the file, if it has one (overlays and `--set` address it by it).
    public var id: String?
    /// Staff ids, with group ids already expanded to their positions.
    public var staff: [String]
    public var site: String
    public var zone: ZonePlacement
    public var days: DaySet
    public var hours: ClockRange

    public init(staff: [String], site: String, zone: ZonePlacement, days: DaySet, hours: ClockRange, id: String? = nil) {
        self.id = id
        self.staff = staff
        self.site = site
        self.zone = zone
        self.days = days
        self.hours = hours
    }
}

/// A staffing rule: at least `minStaff` present in the zone during `hours`.
public struct StaffingRule: Sendable, Hashable {
    /// The rule's label in the file, if it has one (overlays and `--set` address it by it).
    public var id: String?
    public var site: String
    public var zone: ZonePlacement
    public var minStaff: Int
    /// When the rule applies; `nil` means the site's staffed hours.
    public var hours: WeekSchedule?
    /// Units to draw staff from; empty means the units whose `covers` hold the zone.
    public var by: [String]

    public init(
        site: String, zone: ZonePlacement, minStaff: Int = 1, hours: WeekSchedule? = nil, by: [String] = [], id: String? = nil
    ) {
        self.id = id
        self.site = site
        self.zone = zone
        self.minStaff = minStaff
        self.hours = hours
        self.by = by
    }
}
