/// The organisation: a leader forum over units.
public struct Organisation: Sendable, Hashable {
    public var name: String
    public var leaderForum: LeaderForum?
    public var units: [Unit]
    public init(name: String, leaderForum: LeaderForum? = nil, units: [Unit] = []) {
        self.name = name
        self.leaderForum = leaderForum
        self.units = units
    }
}

/// The leader forum ("Lederforum"): a chair at the top of the reporting tree, and members.
public struct LeaderForum: Sendable, Hashable {
    public var name: String
    /// A staff id; the top of the reporting tree.
    public var chair: String
    /// Staff ids.
    public var members: [String]
    public init(name: String, chair: String, members: [String] = []) {
        self.name = name
        self.chair = chair
        self.members = members
    }
}

/// An organisational unit: a site unit (`site`) or a perspective unit spanning sites.
public struct Unit: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// Set for a site unit.
    public var site: String?
    /// Set for a perspective unit.
    public var perspective: String?
    /// The staff id of the unit's lead.
    public var lead: String?
    /// The parent unit's id, for nesting.
    public var parent: String?
    /// The zones this unit staffs.
    public var covers: [Coverage]

    public init(
        id: String, name: String, site: String? = nil, perspective: String? = nil,
        lead: String? = nil, parent: String? = nil, covers: [Coverage] = []
    ) {
        self.id = id
        self.name = name
        self.site = site
        self.perspective = perspective
        self.lead = lead
        self.parent = parent
        self.covers = covers
    }

    /// Whether the unit's `covers` include `zone` at `site`.
    public func covers(site: String, zone: String) -> Bool {
        covers.contains { $0.site == site && $0.zones.contains(zone) }
    }
}

/// The zones a unit staffs at one site.
public struct Coverage: Sendable, Hashable {
    public var site: String
    public var zones: [String]
    public init(site: String, zones: [String]) {
        self.site = site
        self.zones = zones
    }
}

/// One position: a person, or a vacancy to recruit.
public struct StaffMember: Sendable, Hashable, Identifiable {
    public var id: String
    /// The person's name; vacancies and group positions may have none.
    public var name: String?
    public var title: String
    /// Free-form profession: `librarian`, `educator`, `social-worker`, …
    public var profession: String?
    public var unit: String?
    public var manager: String?
    public var fte: Double
    /// Cost per year in the scenario's currency.
    public var cost: Double
    public var competences: [String]
    /// Sites the person may work at; empty means the unit's (see ``Scenario/workSites(of:)``).
    public var sites: [String]
    /// A position to recruit: drawn and costed, never on duty.
    public var isVacant: Bool
    /// The group id when the position came from a `count` group.
    public var group: String?

    public init(
        id: String, name: String? = nil, title: String, profession: String? = nil,
        unit: String? = nil, manager: String? = nil, fte: Double = 1, cost: Double = 0,
        competences: [String] = [], sites: [String] = [], isVacant: Bool = false,
        group: String? = nil
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.profession = profession
        self.unit = unit
        self.manager = manager
        self.fte = fte
        self.cost = cost
        self.competences = competences
        self.sites = sites
        self.isVacant = isVacant
        self.group = group
    }

    /// The name to show: the person's name, else the title (and "vacant" for vacancies).
    public var displayName: String { name ?? title }
}
