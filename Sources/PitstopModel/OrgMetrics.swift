/// Organisation metrics for `pitstop inspect`: size, cost, layers, spans, competences.
///
/// `headcount` counts filled positions; `positions`, `fte` and `annualCost` count all
/// positions, vacancies included (a vacancy is budgeted). A manager is a position with at
/// least one direct report.
public struct OrgMetrics: Sendable {
    public struct SpanOfControl: Sendable, Hashable {
        public var min: Int
        public var median: Double
        public var max: Int
        public var managers: Int
    }
    public struct UnitFigures: Sendable, Hashable {
        public var name: String
        public var headcount: Int
        public var fte: Double
        public var annualCost: Double
    }
    public struct SiteFigures: Sendable, Hashable {
        public var name: String
        public var headcount: Int
        public var fte: Double
    }
    public struct CompetenceFigures: Sendable, Hashable {
        public var name: String
        /// Filled positions holding the competence.
        public var holders: Int
        /// FTE of all positions holding it, vacancies included.
        public var fte: Double
    }
    /// A manager and the number of direct reports.
    public struct ManagerSpan: Sendable, Hashable {
        public var id: String
        public var name: String
        public var directReports: Int
    }

    public var scenario: String
    public var headcount: Int
    public var positions: Int
    public var vacancies: Int
    public var fte: Double
    public var annualCost: Double
    public var currency: String
    public var units: Int
    public var layers: Int
    public var spanOfControl: SpanOfControl
    /// Every manager's span, in scenario order.
    public var managerSpans: [ManagerSpan]
    /// By unit id, in scenario order (people outside every unit are left out).
    public var byUnit: [(id: String, figures: UnitFigures)]
    /// By home site id (a person's first work site), in scenario order.
    public var bySite: [(id: String, figures: SiteFigures)]
    /// By competence id, in declaration order.
    public var competences: [(id: String, figures: CompetenceFigures)]
    /// Competences held by exactly one filled position.
    public var singleHolderCompetences: [String]
    /// Declared competences no filled position holds.
    public var unheldCompetences: [String]

    public init(_ scenario: Scenario) {
        let staff = scenario.staff
        let filled = staff.filter { !$0.isVacant }
        self.scenario = scenario.name
        headcount = filled.count
        positions = staff.count
        vacancies = staff.count - filled.count
        fte = staff.reduce(0) { $0 + $1.fte }
        annualCost = staff.reduce(0) { $0 + $1.cost }
        currency = scenario.currency
        units = scenario.organisation.units.count

        let tree = ReportingTree(scenario)
        layers = tree.depths.values.max() ?? 0
        let reports = tree.directReports
        managerSpans = staff.compactMap { m in
            guard let r = reports[m.id], !r.isEmpty else { return nil }
            return ManagerSpan(id: m.id, name: m.displayName, directReports: r.count)
        }
        let spans = managerSpans.map(\.directReports).sorted()
        let median: Double
        if spans.isEmpty {
            median = 0
        } else if spans.count % 2 == 1 {
            median = Double(spans[spans.count / 2])
        } else {
            median = Double(spans[spans.count / 2 - 1] + spans[spans.count / 2]) / 2
        }
        spanOfControl = SpanOfControl(
            min: spans.first ?? 0, median: median, max: spans.last ?? 0, managers: spans.count)

        byUnit = scenario.organisation.units.map { unit in
            let members = staff.filter { $0.unit == unit.id }
            return (
                unit.id,
                UnitFigures(
                    name: unit.name, headcount: members.filter { !$0.isVacant }.count,
                    fte: members.reduce(0) { $0 + $1.fte }, annualCost: members.reduce(0) { $0 + $1.cost })
            )
        }
        var siteHead: [String: Int] = [:]
        var siteFTE: [String: Double] = [:]
        for m in staff {
            guard let home = scenario.workSites(of: m).first else { continue }
            if !m.isVacant { siteHead[home, default: 0] += 1 }
            siteFTE[home, default: 0] += m.fte
        }
        bySite = scenario.sites.map {
            ($0.id, SiteFigures(name: $0.name, headcount: siteHead[$0.id] ?? 0, fte: siteFTE[$0.id] ?? 0))
        }
        competences = scenario.competences.map { c in
            let holders = staff.filter { $0.competences.contains(c.id) }
            return (
                c.id,
                CompetenceFigures(
                    name: c.name, holders: holders.filter { !$0.isVacant }.count,
                    fte: holders.reduce(0) { $0 + $1.fte })
            )
        }
        singleHolderCompetences = competences.filter { $0.figures.holders == 1 }.map(\.id)
        unheldCompetences = competences.filter { $0.figures.holders == 0 }.map(\.id)
    }
}
