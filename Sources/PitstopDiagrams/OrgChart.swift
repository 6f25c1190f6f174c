import PitstopModel

/// What an org chart shows, how it groups people and the page it is made for.
public struct OrgChartOptions: Sendable, Hashable {
    /// People (one card each), or units only (with headcount, FTE and professions).
    public enum Detail: String, Sendable, CaseIterable {
        case people, units
    }

    /// The boxes people are drawn in: their unit, or their home site (the first of
    /// ``Scenario/workSites(of:)``) — the pivot that shows where a perspective
    /// organisation's people actually work.
    public enum Grouping: String, Sendable, CaseIterable {
        case unit, site
    }

    /// How people are drawn.
    public enum Style: String, Sendable, CaseIterable {
        /// A box per unit holding its lead and a grid of cards; one line from a manager to
        /// each team; wide levels wrapped into rows; sized for ``OrgChartOptions/page``.
        case compact
        /// The classic tree: a box per person and a line to each from their manager (teams
        /// over ``OrgChartOptions/stackThreshold`` stacked in one list box).
        case tree
    }

    public var detail: Detail = .people
    /// Ignored for ``Detail/units``.
    public var groupBy: Grouping = .unit
    public var style: Style = .compact
    /// The page the chart is made to fit (compact style and units detail).
    public var page: PageShape = .slide
    /// Tree style only: a manager's team members without reports of their own are stacked
    /// in one list box when there are more than this many of them in one group; `Int.max`
    /// never stacks.
    public var stackThreshold: Int = 6
    /// Prefix for the SVG element ids (`<prefix>_p1`, `<prefix>_e3`) and the graph id, so
    /// several SVGs can be inlined in one HTML page.
    public var idPrefix: String? = nil
    /// The language of the words and numbers in the chart.
    public var language: DiagramLanguage = .en

    public init(
        detail: Detail = .people, groupBy: Grouping = .unit, style: Style = .compact, page: PageShape = .slide,
        stackThreshold: Int = 6, idPrefix: String? = nil, language: DiagramLanguage = .en
    ) {
        self.detail = detail
        self.groupBy = groupBy
        self.style = style
        self.page = page
        self.stackThreshold = stackThreshold
        self.idPrefix = idPrefix
        self.language = language
    }
}

/// One page of a paged org chart (see ``OrgChart/pages(_:options:)``).
public struct OrgChartPage: Sendable, Hashable {
    /// A file-name stem: `org` for a chart on one page; `overview`, then the unit ids.
    public var name: String
    /// The page's heading in the chart's language: "Org chart", "Overview", or the unit's name.
    public var title: String
    public var dot: String
    /// The size the layout planned for, in points (0 when not planned).
    var estimatedWidth = 0.0
    var estimatedHeight = 0.0

    public init(name: String, title: String, dot: String) {
        self.name = name
        self.title = title
        self.dot = dot
    }
}

/// Org charts as DOT for the `dot` layout.
///
/// The default, compact style (``CompactChart``): the leader forum is one box holding its
/// chair and members; each unit is a box (coloured by its user perspective, with the sites
/// it covers) holding its lead's card and a grid of its people's cards, its sub-units
/// beside each other below; one reporting line from a manager to each team; wide levels
/// wrapped into rows so that the drawing keeps the page's proportions. Managers have a
/// darker fill and a heavy border, vacancies are dashed and say "vacant"; competences are
/// shown by name. The tree style draws a box per person instead. Words and numbers follow
/// ``OrgChartOptions/language``.
public enum OrgChart {
    /// The smallest text size an org chart draws, in points (the detail lines of a card).
    public static let smallestTextSize = CompactChart.smallestText

    public static func dot(_ scenario: Scenario, options: OrgChartOptions = .init()) -> String {
        let model = OrgModel(scenario)
        switch (options.detail, options.style) {
        case (.units, _): return UnitsChart(model: model, options: options).build()
        case (.people, .compact): return CompactChart(model: model, options: options, diff: nil).build()
        case (.people, .tree): return PeopleChart(model: model, options: options, diff: nil).build()
        }
    }

    /// The org chart as pages that each fit ``OrgChartOptions/page`` legibly: the whole
    /// chart when its smallest text, fitted to the page, is at least
    /// ``PageShape/minimumLegiblePointSize``; otherwise an overview (the leader forum and
    /// the top-level units as summary boxes) and one page per top-level unit, each unit
    /// that is still too large paged the same way into its sub-units. Compact style, people
    /// detail, grouped by unit (other options give the one chart of ``dot(_:options:)``).
    public static func pages(_ scenario: Scenario, options: OrgChartOptions = .init()) -> [OrgChartPage] {
        let words = DiagramWords(options.language)
        guard options.detail == .people, options.style == .compact, options.groupBy == .unit else {
            return [OrgChartPage(name: "org", title: words.orgChartTitle, dot: dot(scenario, options: options))]
        }
        let model = OrgModel(scenario)
        return CompactPages(model: model, options: options).pages()
    }
}

// MARK: - Shared facts about a scenario

/// Lookups over one scenario, computed once per chart; everything ordered as in the file.
struct OrgModel {
    let scenario: Scenario
    let tree: ReportingTree
    let reports: [String: [String]]
    let members: [StaffMember]  // first occurrence of each id
    let memberByID: [String: StaffMember]
    let nodeID: [String: String]  // staff id → p1…
    let unitByID: [String: Unit]
    let unitNodeID: [String: String]  // unit id → u1…
    let units: [Unit]  // first occurrence of each id
    let colours: [String: RGB]
    let chair: String?
    let forumMembers: [String]  // without the chair
    let siteNames: [String: String]
    let competenceName: [String: String]

    init(_ scenario: Scenario) {
        self.scenario = scenario
        tree = ReportingTree(scenario)
        reports = tree.directReports
        var members: [StaffMember] = []
        var memberByID: [String: StaffMember] = [:]
        var nodeID: [String: String] = [:]
        for (index, member) in scenario.staff.enumerated() where memberByID[member.id] == nil {
            memberByID[member.id] = member
            nodeID[member.id] = "p\(index + 1)"
            members.append(member)
        }
        self.members = members
        self.memberByID = memberByID
        self.nodeID = nodeID
        var unitByID: [String: Unit] = [:]
        var unitNodeID: [String: String] = [:]
        var units: [Unit] = []
        for (index, unit) in scenario.organisation.units.enumerated() where unitByID[unit.id] == nil {
            unitByID[unit.id] = unit
            unitNodeID[unit.id] = "u\(index + 1)"
            units.append(unit)
        }
        self.unitByID = unitByID
        self.unitNodeID = unitNodeID
        self.units = units
        colours = Palette.perspectiveColours(scenario)
        let forum = scenario.organisation.leaderForum
        chair = forum.flatMap { memberByID[$0.chair] != nil ? $0.chair : nil }
        forumMembers = (forum?.members ?? []).filter { memberByID[$0] != nil && $0 != forum?.chair }.uniqued()
        var siteNames: [String: String] = [:]
        for site in scenario.sites where siteNames[site.id] == nil { siteNames[site.id] = site.name }
        self.siteNames = siteNames
        var competenceName: [String: String] = [:]
        for competence in scenario.competences where competenceName[competence.id] == nil {
            competenceName[competence.id] = competence.name.isEmpty ? competence.id : competence.name
        }
        self.competenceName = competenceName
    }

    var inForum: Set<String> { Set(forumMembers + (chair.map { [$0] } ?? [])) }

    /// Competence names for ids, in order, without repeats: the scenario's `name`, the id
    /// only for a competence the scenario does not declare.
    func competenceNames(_ ids: [String]) -> [String] {
        ids.uniqued().map { competenceName[$0] ?? $0 }
    }

    /// A person's unit and the units above it, nearest first (empty outside every unit).
    func unitChain(of member: StaffMember) -> [String] {
        guard var id = member.unit, unitByID[id] != nil else { return [] }
        var chain = [id]
        var seen: Set<String> = [id]
        while let unit = unitByID[id], let parent = parent(of: unit), seen.insert(parent).inserted {
            chain.append(parent)
            id = parent
        }
        return chain
    }

    /// "Bibliotekar ×7 · Pædagog ×3 · +2": the professions of `people`, most frequent first
    /// (ties in the order met), at most four named.
    func professionSummary(_ people: [StaffMember], words: DiagramWords) -> String {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for member in people {
            guard let id = member.profession, !id.isEmpty else { continue }
            if counts[id] == nil { order.append(id) }
            counts[id, default: 0] += 1
        }
        let ranked = order.enumerated().sorted { (counts[$0.element] ?? 0, -$0.offset) > (counts[$1.element] ?? 0, -$1.offset) }.map(\.element)
        var parts = ranked.prefix(4).map { ProfessionNames.name(of: $0, in: words.language) + " ×" + words.count(counts[$0] ?? 0) }
        if ranked.count > 4 { parts.append("+\(ranked.count - 4)") }
        return parts.joined(separator: " · ")
    }

    func isManager(_ id: String) -> Bool { !(reports[id] ?? []).isEmpty }

    /// The unit's parent when it exists and its parent chain does not lead back to it.
    func parent(of unit: Unit) -> String? {
        guard let parent = unit.parent, unitByID[parent] != nil else { return nil }
        var seen: Set<String> = [unit.id]
        var current: String? = parent
        while let id = current {
            if !seen.insert(id).inserted { return nil }
            current = unitByID[id]?.parent
        }
        return parent
    }

    /// Child units by parent id, and the top-level units, in file order.
    var unitHierarchy: (top: [Unit], children: [String: [Unit]]) {
        var top: [Unit] = []
        var children: [String: [Unit]] = [:]
        for unit in units {
            if let parent = parent(of: unit) { children[parent, default: []].append(unit) } else { top.append(unit) }
        }
        return (top, children)
    }

    /// The people of a unit and of all units below it, in staff order.
    func subtreeMembers(of unitID: String) -> [StaffMember] {
        let children = unitHierarchy.children
        var inside: Set<String> = []
        var queue = [unitID]
        while let id = queue.popLast() {
            guard inside.insert(id).inserted else { continue }
            queue.append(contentsOf: (children[id] ?? []).map(\.id))
        }
        return members.filter { $0.unit.map(inside.contains) ?? false }
    }

    /// The perspective of a unit, inherited from the nearest ancestor that has one.
    func perspective(ofUnit id: String?) -> String? {
        var current = id
        var seen = Set<String>()
        while let id = current, let unit = unitByID[id], seen.insert(id).inserted {
            if let p = unit.perspective { return p }
            if unit.site != nil { return nil }
            current = unit.parent
        }
        return nil
    }

    func swatch(forUnit id: String?) -> Swatch {
        guard let p = perspective(ofUnit: id), let colour = colours[p] else { return .neutral }
        return Swatch(base: colour)
    }

    func swatch(forPerson member: StaffMember) -> Swatch {
        swatch(forUnit: member.unit.flatMap { unitByID[$0] != nil ? $0 : nil })
    }

    /// The first work site of a person that exists.
    func homeSite(of member: StaffMember) -> String? {
        scenario.workSites(of: member).first { siteNames[$0] != nil }
    }

    func unitName(_ id: String?) -> String? { id.flatMap { unitByID[$0]?.name } }

    /// "Det private menneske · Hovedbiblioteket · Filial 1" or "Hovedbiblioteket".
    func unitScope(_ unit: Unit) -> String {
        if let site = unit.site { return siteNames[site] ?? site }
        var parts: [String] = []
        if let p = unit.perspective {
            let name = scenario.perspective(p)?.name ?? p
            if name != unit.name { parts.append(name) }
        }
        let sites = unit.covers.map(\.site).uniqued().map { siteNames[$0] ?? $0 }
        parts.append(contentsOf: sites)
        return parts.joined(separator: " · ")
    }

    /// Positions, filled positions, vacancies and FTE of a set of people.
    static func figures(_ people: [StaffMember]) -> (positions: Int, people: Int, vacant: Int, fte: Double) {
        let vacant = people.filter(\.isVacant).count
        return (people.count, people.count - vacant, vacant, people.reduce(0) { $0 + $1.fte })
    }

    /// "12 people · 1 vacant · 11.4 FTE"
    static func figuresText(_ people: [StaffMember], _ words: DiagramWords) -> String {
        let f = figures(people)
        var parts = [words.people(f.people)]
        if f.vacant > 0 { parts.append(words.vacancies(f.vacant)) }
        parts.append(words.fte(f.fte))
        return parts.joined(separator: " · ")
    }

    /// Perspectives used by units, in scenario order, and whether neutral units occur.
    var legendPerspectives: (perspectives: [Perspective], neutral: Bool) {
        var used = Set<String>()
        var neutral = false
        for unit in units {
            if let p = perspective(ofUnit: unit.id), colours[p] != nil { used.insert(p) } else { neutral = true }
        }
        if members.contains(where: { $0.unit == nil || unitByID[$0.unit ?? ""] == nil }) { neutral = true }
        return (scenario.perspectives.filter { used.contains($0.id) }.uniquedByID(), neutral)
    }
}

extension Array where Element == Perspective {
    func uniquedByID() -> [Perspective] {
        var seen = Set<String>()
        return filter { seen.insert($0.id).inserted }
    }
}

// MARK: - Common styling

enum ChartStyle {
    static let font = "Arial"

    static func header(
        _ w: inout DOTWriter, graphLabel: String, rankSep: Double = 0.45, nodeSep: Double = 0.22,
        pad: (x: Double, y: Double) = (0.3, 0.3)
    ) {
        w.open("digraph \"orgchart\"")
        var graph: [(String, String)] = [
            ("fontname", V.q(font)), ("fontsize", "11"), ("fontcolor", V.q(Palette.text)),
            ("rankdir", "TB"), ("newrank", "true"), ("compound", "true"),
            ("nodesep", V.num(nodeSep)), ("ranksep", V.num(rankSep)), ("pad", pad.x == pad.y ? V.num(pad.x) : V.q(V.num(pad.x) + "," + V.num(pad.y))), ("bgcolor", V.q("white")),
            ("labelloc", "t"), ("labeljust", "l"), ("label", V.html(graphLabel)),
        ]
        if let prefix = w.idPrefix { graph.append(("id", V.q(prefix))) }
        w.defaults("graph", graph)
        w.defaults("node", [
            ("fontname", V.q(font)), ("fontsize", "10"), ("fontcolor", V.q(Palette.text)),
            ("shape", "box"), ("style", V.q("rounded,filled")), ("penwidth", "1"),
            ("color", V.q(Swatch.neutral.border)), ("fillcolor", V.q("white")), ("margin", V.q("0.14,0.07")),
        ])
        w.defaults("edge", [
            ("fontname", V.q(font)), ("fontsize", "9"), ("arrowhead", "none"),
            ("color", V.q(Palette.edge)), ("penwidth", "1.2"),
        ])
    }

    /// The title block with a legend row: `legend` holds (swatch cell markup, caption).
    static func titleBlock(title: String, subtitle: String, legend: [(String, String)]) -> String {
        var rows = "<TR><TD ALIGN=\"LEFT\">" + H.font("<B>" + H.text(title) + "</B>", size: 20) + "</TD></TR>"
        if !subtitle.isEmpty {
            rows += "<TR><TD ALIGN=\"LEFT\">" + H.font(H.text(subtitle), size: 11, colour: Palette.muted) + "</TD></TR>"
        }
        if !legend.isEmpty {
            var cells = ""
            for (swatchCell, caption) in legend {
                cells += swatchCell + "<TD ALIGN=\"LEFT\">" + H.font(H.text(caption) + "&#160;&#160;", size: 10) + "</TD>"
            }
            rows += "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\"><TR>"
                + cells + "</TR></TABLE></TD></TR>"
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">" + rows + "</TABLE>"
    }

    /// A legend swatch cell: a small filled box (`dashed` for vacancies).
    static func swatchCell(fill: String, border: String, borderWidth: Int = 1, dashed: Bool = false) -> String {
        "<TD WIDTH=\"24\" HEIGHT=\"15\" FIXEDSIZE=\"TRUE\" BGCOLOR=\"\(fill)\" COLOR=\"\(border)\" BORDER=\"\(borderWidth)\""
            + (dashed ? " STYLE=\"dashed\"" : "") + "></TD>"
    }

    /// Competence names, at most `limit` and "+n": one or more lines of about `width`
    /// characters, broken between items. Escaped markup, or nil.
    static func competences(_ names: [String], limit: Int = 3, width: Int = 34) -> String? {
        let list = names.uniqued()
        guard !list.isEmpty else { return nil }
        var shown = Array(list.prefix(limit))
        if list.count > limit { shown.append("+\(list.count - limit)") }
        var lines: [String] = []
        var current = ""
        for item in shown {
            if current.isEmpty {
                current = item
            } else if current.count + 3 + item.count <= width {
                current += " · " + item
            } else {
                lines.append(current)
                current = item
            }
        }
        lines.append(current)
        return lines.map(H.text).joined(separator: H.br)
    }

    /// Competence names on one line, plain text (for list rows).
    static func competencesText(_ names: [String], limit: Int = 3) -> String {
        let list = names.uniqued()
        var shown = Array(list.prefix(limit))
        if list.count > limit { shown.append("+\(list.count - limit)") }
        return shown.joined(separator: " · ")
    }

    /// "Bibliotekar · 0.8 FTE" (FTE only when it is not 1).
    static func titleLine(_ member: StaffMember, _ words: DiagramWords) -> String {
        var text = member.title
        if abs(member.fte - 1) > 0.0005 { text += (text.isEmpty ? "" : " · ") + words.fte(member.fte) }
        return text
    }

    /// The line under the name: title and FTE; for a position without a name (whose
    /// title is already the first line) only the FTE when it is not 1.
    static func secondLine(_ member: StaffMember, _ words: DiagramWords) -> String {
        if member.isVacant || member.name != nil { return titleLine(member, words) }
        return abs(member.fte - 1) > 0.0005 ? words.fte(member.fte) : ""
    }

    static func lines(_ text: String, width: Int) -> String {
        Format.wrap(text, width: width).map(H.text).joined(separator: H.br)
    }
}
