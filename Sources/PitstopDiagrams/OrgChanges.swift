import PitstopModel

/// Who was added, removed or moved between two scenarios, by staff id.
///
/// A person moved when their unit or their home site (the first of
/// ``Scenario/workSites(of:)``) differs. Lists are in file order: `added` and `moved` as in
/// the other scenario, `removed` as in the baseline.
public struct OrgChanges: Sendable, Hashable {
    /// One person who changed unit or home site.
    public struct Move: Sendable, Hashable {
        public var id: String
        /// Unit id in the baseline (nil: outside every unit).
        public var from: String?
        /// Unit id in the other scenario.
        public var to: String?
        /// Home site in the baseline.
        public var fromSite: String?
        /// Home site in the other scenario.
        public var toSite: String?

        public init(id: String, from: String?, to: String?, fromSite: String? = nil, toSite: String? = nil) {
            self.id = id
            self.from = from
            self.to = to
            self.fromSite = fromSite
            self.toSite = toSite
        }

        public var unitChanged: Bool { from != to }
        public var siteChanged: Bool { fromSite != toSite }
    }

    public var added: [String]
    public var removed: [String]
    public var moved: [Move]

    public init(added: [String] = [], removed: [String] = [], moved: [Move] = []) {
        self.added = added
        self.removed = removed
        self.moved = moved
    }

    public init(baseline: Scenario, other: Scenario) {
        var before: [String: StaffMember] = [:]
        for member in baseline.staff where before[member.id] == nil { before[member.id] = member }
        var after = Set<String>()
        var added: [String] = []
        var moved: [Move] = []
        for member in other.staff where after.insert(member.id).inserted {
            guard let old = before[member.id] else {
                added.append(member.id)
                continue
            }
            let fromSite = baseline.workSites(of: old).first
            let toSite = other.workSites(of: member).first
            if old.unit != member.unit || fromSite != toSite {
                moved.append(Move(id: member.id, from: old.unit, to: member.unit, fromSite: fromSite, toSite: toSite))
            }
        }
        var removedSeen = Set<String>()
        let removed = baseline.staff.map(\.id).filter { !after.contains($0) && removedSeen.insert($0).inserted }
        self.init(added: added, removed: removed, moved: moved)
    }

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && moved.isEmpty }
}

/// The other scenario's org chart (compact style) with the changes against a baseline
/// marked: added people green ("NEW"), moved people amber ("MOVED · from <old unit>"),
/// removed people red and dashed in a "Removed" box; a legend counts each. Words and
/// numbers are in `language`.
public enum OrgDiffChart {
    public static func dot(
        baseline: Scenario, other: Scenario, idPrefix: String? = nil, language: DiagramLanguage = .en
    ) -> String {
        let words = DiagramWords(language)
        let changes = OrgChanges(baseline: baseline, other: other)
        let unitNames = Dictionary(baseline.organisation.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let siteNames = Dictionary(
            (baseline.sites + other.sites).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var marks: [String: DiffMarks.Mark] = [:]
        for id in changes.added { marks[id] = .added }
        for move in changes.moved {
            var parts: [String] = []
            if move.unitChanged {
                parts.append(words.from(move.from.map { unitNames[$0] ?? $0 } ?? words.noUnit))
            }
            if move.siteChanged {
                let from = move.fromSite.map { siteNames[$0] ?? $0 } ?? words.noSite
                let to = move.toSite.map { siteNames[$0] ?? $0 } ?? words.noSite
                parts.append(words.siteChange(from, to))
            }
            marks[move.id] = .moved(note: parts.joined(separator: " · "))
        }
        var byID: [String: StaffMember] = [:]
        for member in baseline.staff where byID[member.id] == nil { byID[member.id] = member }
        let removed = changes.removed.compactMap { id in
            byID[id].map { (member: $0, unitName: $0.unit.map { unitNames[$0] ?? $0 }) }
        }
        let diff = DiffMarks(marks: marks, removed: removed, baselineName: baseline.name, otherName: other.name)
        return CompactChart(model: OrgModel(other), options: OrgChartOptions(idPrefix: idPrefix, language: language), diff: diff).build()
    }
}
