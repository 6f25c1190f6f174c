/// A complete, resolved scenario: an organisation, its buildings, staff and visitors.
///
/// Produced by the scenario loader after overlays are merged and every reference is
/// checked, so code downstream can rely on ids resolving. Staff groups (`count`) are
/// already expanded into one ``StaffMember`` per position.
public struct Scenario: Sendable, Hashable {
    /// Display name, used in titles.
    public var name: String
    public var description: String?
    /// Currency of every cost, `DKK` by default.
    public var currency: String
    /// Contracted hours per week for an FTE of 1.0 (default 37).
    public var weekHours: Double
    public var perspectives: [Perspective]
    public var competences: [Competence]
    public var sites: [Site]
    public var organisation: Organisation
    /// Every position, groups expanded, in file order.
    public var staff: [StaffMember]
    public var staffing: Staffing
    public var personas: [Persona]
    public var profiles: [Profile]
    public var simulation: SimulationSettings

    public init(
        name: String, description: String? = nil, currency: String = "DKK", weekHours: Double = 37,
        perspectives: [Perspective] = [], competences: [Competence] = [], sites: [Site] = [],
        organisation: Organisation = Organisation(name: ""), staff: [StaffMember] = [],
        staffing: Staffing = Staffing(), personas: [Persona] = [], profiles: [Profile] = [],
        simulation: SimulationSettings = SimulationSettings()
    ) {
        self.name = name
        self.description = description
        self.currency = currency
        self.weekHours = weekHours
        self.perspectives = perspectives
        self.competences = competences
        self.sites = sites
        self.organisation = organisation
        self.staff = staff
        self.staffing = staffing
        self.personas = personas
        self.profiles = profiles
        self.simulation = simulation
    }
}

extension Scenario {
    public func site(_ id: String) -> Site? { sites.first { $0.id == id } }
    public func unit(_ id: String) -> Unit? { organisation.units.first { $0.id == id } }
    public func perspective(_ id: String) -> Perspective? { perspectives.first { $0.id == id } }
    public func competence(_ id: String) -> Competence? { competences.first { $0.id == id } }
    public func profile(_ id: String) -> Profile? { profiles.first { $0.id == id } }
    public func staffMember(_ id: String) -> StaffMember? { staff.first { $0.id == id } }

    /// The sites a person may work at: their own `sites`, else their unit's site, else the
    /// sites their unit covers, else every site.
    public func workSites(of member: StaffMember) -> [String] {
        if !member.sites.isEmpty { return member.sites }
        if let unitID = member.unit, let unit = unit(unitID) {
            if let site = unit.site { return [site] }
            let covered = unit.covers.map(\.site)
            if !covered.isEmpty { return covered.uniqued() }
        }
        return sites.map(\.id)
    }
}

/// A user perspective: how visitors are grouped ("Det private menneske").
public struct Perspective: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// A CSS colour such as `#E07A5F`; diagrams pick a palette colour when absent.
    public var colour: String?
    public init(id: String, name: String, colour: String? = nil) {
        self.id = id
        self.name = name
        self.colour = colour
    }
}

/// A competence that staff hold and dialogues need.
public struct Competence: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// Run-length settings from the scenario's `simulation:` block.
public struct SimulationSettings: Sendable, Hashable {
    public var days: Int
    public var warmupDays: Int
    public var replications: Int
    public var seed: UInt64
    /// Multiplies every persona's arrival rate ("what if visits grow 20 %" is 1.2); 1 by default.
    public var demandScale: Double
    public init(days: Int = 28, warmupDays: Int = 0, replications: Int = 20, seed: UInt64 = 2339, demandScale: Double = 1) {
        self.days = days
        self.warmupDays = warmupDays
        self.replications = replications
        self.seed = seed
        self.demandScale = demandScale
    }
}

extension Sequence where Element: Hashable {
    /// The elements in order with later duplicates dropped.
    public func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
