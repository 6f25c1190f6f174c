import PitstopModel

/// The compact org chart (``OrgChartOptions/Style/compact``), made to fit a page.
///
/// The leader forum is one box: its name, the chair, the members. Every unit is a box (a
/// cluster) holding its lead's card and one *team* node — the unit's other people as cards
/// in a grid of one to six columns — with the unit's sub-units beside each other below.
/// Reporting lines run from a manager to each team, never one a person. Top-level boxes
/// that would make the chart too wide are wrapped into rows. Column counts and rows are
/// chosen for the page shape from estimated sizes (``plan()``).
///
/// By site, each site is a box holding one team per unit (with the unit's name), and a
/// manager's line to a team at another site than the manager's own is dashed: the matrix.
///
/// Node ids: `forum`, `p<n>` (a lead's own card, staff order), `t<n>` (team nodes, in the
/// order drawn), `u<n>` (a collapsed unit's summary box, unit order), `rm` (removed people
/// in the org-diff chart); card ports `p<n>` inside the forum and team nodes. Personal
/// names only ever appear in labels.
struct CompactChart {
    let model: OrgModel
    let options: OrgChartOptions
    let diff: DiffMarks?
    var scope = Scope()

    /// What part of the organisation a chart (or a page) draws.
    struct Scope: Hashable {
        /// Draw the leader forum at the top.
        var forum = true
        /// Only these units (and everything below them), drawn as the top-level boxes; nil:
        /// every top-level unit, and the people outside units.
        var units: [String]?
        /// Units drawn as one summary box instead of their people.
        var collapsed: Set<String> = []
        /// A heading for a page ("Det private menneske"), drawn above the scenario's name.
        var heading: String?
    }

    init(model: OrgModel, options: OrgChartOptions, diff: DiffMarks?, scope: Scope = Scope()) {
        self.model = model
        self.options = options
        self.diff = diff
        self.scope = scope
    }

    var words: DiagramWords { DiagramWords(options.language) }
    var bySite: Bool { options.groupBy == .site }

    // MARK: - Text sizes and spacing (points)

    static let nameSize = 9.0
    static let detailSize = 8.0
    /// Text wider than this wraps (titles, competences) or is cut (names).
    static let cardTextWidth = 150.0
    static let cardPadding = 4.0
    static let cardSpacing = 4.0
    static let nodeSep = 0.25 * 72
    static let rankSep = 0.4 * 72
    static let clusterMargin = 10.0

    /// The smallest text the chart draws.
    static let smallestText = detailSize

    // MARK: - Cards

    /// One person's card: lines of markup and the estimated size in points.
    struct Card {
        var member: StaffMember
        var manager: Bool
        var lines: [String]
        var width: Double
        var height: Double
    }

    func card(_ member: StaffMember, manager: Bool, role: String? = nil, unitNote: Bool = false) -> Card {
        var lines: [String] = []
        var width = 0.0
        var height = 0.0
        func add(_ markup: String, _ text: String, size: Double, bold: Bool = false) {
            lines.append(markup)
            width = max(width, TextMetrics.width(text, size: size, bold: bold))
            height += TextMetrics.lineHeight(size)
        }
        let detail = Self.detailSize
        if let note = diffNote(member) {
            for text in Self.wrapped(note.text, size: detail, lines: 2) {
                add(H.font(H.b(text), size: detail, colour: note.colour), text, size: detail, bold: true)
            }
        }
        if let role { add(H.font(H.text(role), size: detail, colour: Palette.muted), role, size: detail) }
        let nameSize = manager ? Self.nameSize + 1 : Self.nameSize
        if member.isVacant {
            add(H.font(H.i(words.vacant), size: nameSize, colour: Palette.muted), words.vacant, size: nameSize)
        } else {
            let name = TextMetrics.truncate(member.displayName, size: nameSize, maxWidth: Self.cardTextWidth, bold: true)
            add(H.font(H.b(name), size: nameSize), name, size: nameSize, bold: true)
        }
        var second = ChartStyle.secondLine(member, words)
        if second.isEmpty, member.title.isEmpty, let profession = member.profession {
            second = ProfessionNames.name(of: profession, in: options.language)
        }
        for line in Self.wrapped(second, size: detail, lines: 2) where !second.isEmpty {
            add(H.font(H.text(line), size: detail), line, size: detail)
        }
        if unitNote, let unit = model.unitName(member.unit) {
            let text = TextMetrics.truncate(unit, size: detail, maxWidth: Self.cardTextWidth, bold: true)
            add(H.font(H.b(text), size: detail, colour: model.swatch(forPerson: member).managerBorder), text, size: detail, bold: true)
        }
        let competences = model.competenceNames(member.competences)
        if !competences.isEmpty {
            for line in Self.wrapped(competences.joined(separator: " · "), size: detail, lines: 2) {
                add(H.font(H.text(line), size: detail, colour: Palette.muted), line, size: detail)
            }
        }
        let border = manager ? 2.0 : 1.0
        return Card(member: member, manager: manager, lines: lines,
                    width: max(width, 70) + 2 * Self.cardPadding + 2 * border,
                    height: height + 2 * Self.cardPadding + 2 * border)
    }

    /// `text` wrapped to the card width on at most `lines` lines, the last one cut with "…".
    static func wrapped(_ text: String, size: Double, lines: Int) -> [String] {
        var result = TextMetrics.wrap(text, size: size, maxWidth: cardTextWidth)
        if result.count > lines {
            let rest = result[(lines - 1)...].joined(separator: " ")
            result = Array(result.prefix(lines - 1)) + [rest]
        }
        return result.map { TextMetrics.truncate($0, size: size, maxWidth: cardTextWidth) }
    }

    private func diffNote(_ member: StaffMember) -> (text: String, colour: String)? {
        switch diff?.marks[member.id] {
        case .added: (words.newMark, DiffMarks.added.managerBorder)
        case .moved(let note): (words.movedMark + (note.isEmpty ? "" : " · " + note), DiffMarks.moved.managerBorder)
        case nil: nil
        }
    }

    func swatch(for member: StaffMember) -> Swatch {
        guard let diff else { return model.swatch(forPerson: member) }
        switch diff.marks[member.id] {
        case .added: return DiffMarks.added
        case .moved: return DiffMarks.moved
        case nil: return DiffMarks.unchanged
        }
    }

    /// A card as a cell holding a rounded table, at least `width` × `height` points.
    func cardCell(_ card: Card, width: Double, height: Double, removed: Bool = false) -> String {
        let s = removed ? DiffMarks.removedSwatch : swatch(for: card.member)
        let fill = removed ? s.fill : card.member.isVacant ? "white" : card.manager ? s.managerFill : s.fill
        let border = card.manager ? s.managerBorder : s.border
        let line = card.manager ? 2 : 1
        let style = card.member.isVacant || removed ? "rounded,dashed" : "rounded"
        let port = model.nodeID[card.member.id].map { " PORT=\"\($0)\"" } ?? ""
        let innerWidth = Format.number(width - 2 * Self.cardPadding - 2 * Double(line), decimals: 0)
        let innerHeight = Format.number(height - 2 * Self.cardPadding - 2 * Double(line), decimals: 0)
        return "<TD\(port)><TABLE STYLE=\"\(style)\" BGCOLOR=\"\(fill)\" COLOR=\"\(border)\" BORDER=\"\(line)\""
            + " CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"\(Format.number(Self.cardPadding, decimals: 0))\"><TR>"
            + "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" VALIGN=\"TOP\" WIDTH=\"\(innerWidth)\" HEIGHT=\"\(innerHeight)\">"
            + card.lines.joined(separator: H.br) + "</TD></TR></TABLE></TD>"
    }

    // MARK: - Teams

    /// People drawn in one node: a grid of cards, with an optional heading.
    struct Team {
        var id: String
        var cards: [Card]
        var heading: String?
        var headingColour = Palette.muted
        /// A note instead of cards ("no positions").
        var note: String?
        var removed = false

        func rows(columns: Int) -> [ArraySlice<Card>] {
            let c = max(1, min(columns, cards.count))
            return stride(from: 0, to: cards.count, by: c).map { cards[$0..<min($0 + c, cards.count)] }
        }

        var cardWidth: Double { cards.map(\.width).max() ?? 0 }

        /// Width and height in points with `columns` columns.
        func size(columns: Int) -> (width: Double, height: Double) {
            guard !cards.isEmpty else {
                return (TextMetrics.width(note ?? "", size: 9) + 16, TextMetrics.lineHeight(9) + 8)
            }
            let rows = rows(columns: columns)
            let c = rows.first?.count ?? 1
            var width = Double(c) * cardWidth + Double(c + 1) * CompactChart.cardSpacing
            var height = rows.reduce(0) { $0 + ($1.map(\.height).max() ?? 0) } + Double(rows.count + 1) * CompactChart.cardSpacing
            if let heading {
                height += TextMetrics.lineHeight(9) + 2
                width = max(width, TextMetrics.width(heading, size: 9, bold: true) + 12)
            }
            return (width, height)
        }

        /// The most columns worth trying: up to six, never more than cards.
        var maximumColumns: Int { max(1, min(6, cards.count)) }
    }

    func teamMarkup(_ team: Team, columns: Int) -> String {
        guard !team.cards.isEmpty else {
            return H.font(H.i(team.note ?? ""), size: 9, colour: Palette.muted)
        }
        let rows = team.rows(columns: columns)
        let c = rows.first?.count ?? 1
        var body = ""
        if let heading = team.heading {
            body += "<TR><TD COLSPAN=\"\(c)\" ALIGN=\"LEFT\">" + H.font(H.b(heading), size: 9, colour: team.headingColour) + "</TD></TR>"
        }
        let width = team.cardWidth
        for row in rows {
            let height = row.map(\.height).max() ?? 0
            body += "<TR>" + row.map { cardCell($0, width: width, height: height, removed: team.removed) }.joined() + "</TR>"
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"\(Format.number(Self.cardSpacing, decimals: 0))\" CELLPADDING=\"0\">"
            + body + "</TABLE>"
    }

    // MARK: - The structure

    /// A box of the chart: a unit or a site (a cluster), or a collapsed unit's summary box.
    final class Block {
        var key: String  // unit id, or site id by site
        var clusterID: String
        var label: [String] = []  // markup lines
        var labelSize: (width: Double, height: Double) = (0, 0)
        var swatch: Swatch = .neutral
        var lead: Card?  // drawn as its own node above the team
        var team: Team?
        var children: [Block] = []
        var summary: (id: String, markup: String, width: Double, height: Double)?
        var dashed = false

        init(key: String, clusterID: String) {
            self.key = key
            self.clusterID = clusterID
        }
    }

    /// Everything drawn, before layout decisions.
    struct Structure {
        var forum: (heading: String, cards: [Card])?
        var blocks: [Block] = []  // top-level boxes, in order
        var looseTeams: [Team] = []  // top-level teams outside every box
        /// Where each person's card is drawn: node id, and whether it is a port of a table.
        var cardNode: [String: (node: String, port: Bool)] = [:]
        /// Every team, by id, and the ids of the people in it.
        var teams: [String: Team] = [:]
        var teamOrder: [String] = []
    }

    /// The people in a scope, grouped into forum, boxes and teams.
    func structure() -> Structure {
        var st = Structure()
        let forumIDs = scope.forum ? model.inForum : []
        var teamCount = 0
        func newTeamID() -> String {
            teamCount += 1
            return "t\(teamCount)"
        }
        func register(_ team: Team) {
            st.teams[team.id] = team
            st.teamOrder.append(team.id)
            for card in team.cards { st.cardNode[card.member.id] = (team.id, true) }
        }

        // The leader forum: chair first, then the members.
        if scope.forum, let forum = model.scenario.organisation.leaderForum, model.chair != nil || !model.forumMembers.isEmpty {
            var cards: [Card] = []
            if let chair = model.chair.flatMap({ model.memberByID[$0] }) {
                cards.append(card(chair, manager: true, role: words.chairRole))
            }
            for id in model.forumMembers {
                if let member = model.memberByID[id] { cards.append(card(member, manager: model.isManager(id))) }
            }
            st.forum = (forum.name.isEmpty ? words.leaderForum : forum.name, cards)
            for card in cards { st.cardNode[card.member.id] = ("forum", true) }
        }

        let roots: [Unit] = scope.units.map { ids in ids.compactMap { model.unitByID[$0] } } ?? model.unitHierarchy.top
        let rootIDs = Set(roots.map(\.id))
        if bySite {
            var bySiteUnit: [String: [String: [StaffMember]]] = [:]
            var noSite: [StaffMember] = []
            for member in model.members where !forumIDs.contains(member.id) {
                if scope.units != nil, model.unitChain(of: member).allSatisfy({ !rootIDs.contains($0) }) { continue }
                if let site = model.homeSite(of: member) {
                    bySiteUnit[site, default: [:]][member.unit.flatMap { model.unitByID[$0] != nil ? $0 : nil } ?? "", default: []].append(member)
                } else {
                    noSite.append(member)
                }
            }
            for (index, site) in model.scenario.sites.uniquedSites().enumerated() {
                guard let groups = bySiteUnit[site.id] else { continue }
                let block = Block(key: site.id, clusterID: "cluster_s\(index + 1)")
                let everyone = groups.values.flatMap { $0 }
                block.label = [H.b(site.name), H.font(H.text(OrgModel.figuresText(everyone, words)), size: 9, colour: Palette.muted)]
                block.labelSize = (max(TextMetrics.width(site.name, size: 12, bold: true), TextMetrics.width(OrgModel.figuresText(everyone, words), size: 9)),
                                   TextMetrics.lineHeight(12) + TextMetrics.lineHeight(9) + 4)
                block.swatch = Swatch(border: "#9AA3AD", fill: "", managerFill: "", managerBorder: "", clusterFill: "#F8F9FA")
                for unit in model.units.map(\.id) + [""] {
                    guard let people = groups[unit], !people.isEmpty else { continue }
                    let child = Block(key: site.id + "|" + unit, clusterID: "")
                    let heading = unit.isEmpty ? words.outsideUnits : (model.unitByID[unit]?.name ?? unit)
                    var team = Team(id: newTeamID(), cards: people.map { card($0, manager: model.isManager($0.id)) }, heading: heading)
                    team.headingColour = unit.isEmpty ? Palette.muted : model.swatch(forUnit: unit).managerBorder
                    register(team)
                    child.team = team
                    block.children.append(child)
                }
                st.blocks.append(block)
            }
            if !noSite.isEmpty {
                let team = Team(id: newTeamID(), cards: noSite.map { card($0, manager: model.isManager($0.id)) }, heading: words.noSite)
                register(team)
                st.looseTeams.append(team)
            }
        } else {
            let hierarchy = model.unitHierarchy
            var seen = Set<String>()
            func block(for unit: Unit) -> Block? {
                guard seen.insert(unit.id).inserted else { return nil }
                let index = model.unitNodeID[unit.id] ?? unit.id
                let b = Block(key: unit.id, clusterID: "cluster_\(index)")
                b.swatch = diff == nil ? model.swatch(forUnit: unit.id) : Swatch(
                    border: model.swatch(forUnit: unit.id).border, fill: "", managerFill: "", managerBorder: "", clusterFill: "#FBFBFC")
                let own = model.members.filter { $0.unit == unit.id }
                let children = hierarchy.children[unit.id] ?? []
                if scope.collapsed.contains(unit.id) {
                    b.summary = summary(unit, id: index)
                    return b
                }
                var lines = [H.b(unit.name)]
                var texts = [(unit.name, 12.0, true)]
                let scopeText = model.unitScope(unit)
                if !scopeText.isEmpty && scopeText != unit.name {
                    for line in TextMetrics.wrap(scopeText, size: 9, maxWidth: 260) {
                        lines.append(H.font(H.text(line), size: 9, colour: Palette.muted))
                        texts.append((line, 9, false))
                    }
                }
                let figures = children.isEmpty
                    ? OrgModel.figuresText(own, words)
                    : words.figuresWithSubUnits(OrgModel.figuresText(model.subtreeMembers(of: unit.id), words))
                lines.append(H.font(H.text(figures), size: 9, colour: Palette.muted))
                texts.append((figures, 9, false))
                b.label = lines
                b.labelSize = (texts.map { TextMetrics.width($0.0, size: $0.1, bold: $0.2) }.max() ?? 0,
                               texts.reduce(0) { $0 + TextMetrics.lineHeight($1.1) } + 2)
                let people = own.filter { !forumIDs.contains($0.id) }
                var rest = people
                if let leadID = unit.lead, let i = rest.firstIndex(where: { $0.id == leadID }) {
                    let lead = rest.remove(at: i)
                    b.lead = card(lead, manager: true)
                    st.cardNode[lead.id] = (model.nodeID[lead.id] ?? lead.id, false)
                }
                if !rest.isEmpty {
                    let team = Team(id: newTeamID(), cards: rest.map { card($0, manager: model.isManager($0.id)) })
                    register(team)
                    b.team = team
                } else if b.lead == nil && children.isEmpty {
                    let team = Team(id: newTeamID(), cards: [], note: own.isEmpty ? words.noPositions : words.leadInLeaderForum)
                    register(team)
                    b.team = team
                }
                b.children = children.compactMap(block(for:))
                return b
            }
            for unit in roots {
                if let b = block(for: unit) { st.blocks.append(b) }
            }
            if scope.units == nil {
                let outside = model.members.filter {
                    ($0.unit.map { model.unitByID[$0] == nil } ?? true) && !forumIDs.contains($0.id)
                }
                if !outside.isEmpty {
                    let team = Team(id: newTeamID(), cards: outside.map { card($0, manager: model.isManager($0.id)) },
                                    heading: words.outsideUnits)
                    register(team)
                    st.looseTeams.append(team)
                }
            }
        }
        if let diff, !diff.removed.isEmpty, scope.units == nil {
            var team = Team(id: "rm", cards: diff.removed.map { entry in
                var c = card(entry.member, manager: false)
                let note = words.removedMark + (entry.unitName.map { " · " + words.from($0) } ?? "")
                let text = TextMetrics.truncate(note, size: Self.detailSize, maxWidth: Self.cardTextWidth, bold: true)
                c.lines.insert(H.font(H.b(text), size: Self.detailSize, colour: DiffMarks.removedSwatch.managerBorder), at: 0)
                c.height += TextMetrics.lineHeight(Self.detailSize)
                c.width = max(c.width, TextMetrics.width(text, size: Self.detailSize, bold: true) + 2 * Self.cardPadding + 2)
                return c
            }, heading: nil)
            team.removed = true
            st.teams[team.id] = team
            st.teamOrder.append(team.id)
            let b = Block(key: "removed", clusterID: "cluster_removed")
            b.label = [H.b(words.removedBox), H.font(H.text(words.inNotIn(diff.baselineName, diff.otherName)), size: 9, colour: Palette.muted)]
            b.labelSize = (max(TextMetrics.width(words.removedBox, size: 12, bold: true),
                               TextMetrics.width(words.inNotIn(diff.baselineName, diff.otherName), size: 9)),
                           TextMetrics.lineHeight(12) + TextMetrics.lineHeight(9) + 4)
            b.swatch = DiffMarks.removedSwatch
            b.dashed = true
            b.team = team
            st.blocks.append(b)
        }
        return st
    }

    /// A collapsed unit: its name, lead, and the figures of it and its sub-units.
    func summary(_ unit: Unit, id: String) -> (id: String, markup: String, width: Double, height: Double) {
        var lines: [(String, String, Double, Bool)] = []  // markup, text, size, bold
        for line in TextMetrics.wrap(unit.name, size: 11, maxWidth: 200, bold: true) {
            lines.append((H.font(H.b(line), size: 11), line, 11, true))
        }
        let scopeText = model.unitScope(unit)
        if !scopeText.isEmpty && scopeText != unit.name {
            for line in TextMetrics.wrap(scopeText, size: 9, maxWidth: 220) {
                lines.append((H.font(H.text(line), size: 9, colour: Palette.muted), line, 9, false))
            }
        }
        if let lead = unit.lead.flatMap({ model.memberByID[$0] }) {
            let text = words.lead(lead.isVacant ? words.vacant : lead.displayName)
            lines.append((H.font(H.text(text), size: 9), text, 9, false))
        }
        let figures = OrgModel.figuresText(model.subtreeMembers(of: unit.id), words)
        lines.append((H.font(H.b(figures), size: 10), figures, 10, true))
        let professions = model.professionSummary(model.subtreeMembers(of: unit.id), words: words)
        if !professions.isEmpty {
            for line in TextMetrics.wrap(professions, size: 8, maxWidth: 220) {
                lines.append((H.font(H.text(line), size: 8, colour: Palette.muted), line, 8, false))
            }
        }
        let width = (lines.map { TextMetrics.width($0.1, size: $0.2, bold: $0.3) }.max() ?? 0) + 2 * 0.14 * 72 + 4
        let height = lines.reduce(0) { $0 + TextMetrics.lineHeight($1.2) } + 2 * 0.07 * 72 + 4
        return (id, lines.map(\.0).joined(separator: H.br), width, height)
    }
}

// MARK: - Layout planning

extension CompactChart {
    /// Layout decisions: columns per team and the rows the top-level boxes are wrapped into.
    struct Plan {
        var columns: [String: Int] = [:]
        /// Columns of the leader forum's cards: all in one row, or two rows.
        var forumColumns = 1
        /// Top-level block indexes per row.
        var rows: [[Int]] = []
        /// Estimated size of the drawing in points.
        var width = 0.0
        var height = 0.0
    }

    /// Estimated sizes of one box: its width, and the heights of the ranks it spans (the
    /// ranks line up across boxes in one row), plus what its labels and margins add below.
    struct Extent {
        var width: Double
        var ranks: [Double]
        var bottom: Double
    }

    func extent(_ block: Block, _ columns: [String: Int]) -> Extent {
        if let summary = block.summary { return Extent(width: summary.width, ranks: [summary.height], bottom: 0) }
        var parts: [Extent] = []
        if let team = block.team {
            let size = team.size(columns: columns[team.id] ?? 1)
            parts.append(Extent(width: size.width, ranks: [size.height], bottom: 0))
        }
        parts += block.children.map { extent($0, columns) }
        var ranks: [Double] = []
        for part in parts {
            for (i, h) in part.ranks.enumerated() {
                if i < ranks.count { ranks[i] = max(ranks[i], h) } else { ranks.append(h) }
            }
        }
        var width = parts.reduce(0) { $0 + $1.width } + Double(max(parts.count - 1, 0)) * Self.nodeSep
        var bottom = parts.map(\.bottom).max() ?? 0
        if let lead = block.lead {
            ranks.insert(lead.height, at: 0)
            width = max(width, lead.width)
        }
        let isCluster = !block.clusterID.isEmpty
        if isCluster {
            width = max(width, block.labelSize.width) + 2 * Self.clusterMargin
            bottom += block.labelSize.height + 2 * Self.clusterMargin
        }
        return Extent(width: width, ranks: ranks, bottom: bottom)
    }

    /// The title block's size.
    func titleSize(_ st: Structure) -> (width: Double, height: Double) {
        let title = titleTexts()
        let legendWidth = legend(st).reduce(0) { $0 + 28 + TextMetrics.width($1.1, size: 10) + 12 }
        let width = max(TextMetrics.width(title.title, size: 20, bold: true), TextMetrics.width(title.subtitle, size: 11), legendWidth)
        let height = TextMetrics.lineHeight(20) + TextMetrics.lineHeight(11) + 24
        return (width + 8, height + 8)
    }

    func forumSize(_ st: Structure, columns: Int) -> (width: Double, height: Double) {
        guard let forum = st.forum else { return (0, 0) }
        let team = Team(id: "forum", cards: forum.cards, heading: forum.heading)
        let size = team.size(columns: columns)
        return (size.width + 4, size.height + 4)
    }

    /// The forum's column counts worth trying: one row of up to eight cards, else two rows.
    /// (More rows would send the lines of the upper cards through the lower ones.)
    func forumColumnChoices(_ st: Structure) -> [Int] {
        let count = st.forum?.cards.count ?? 0
        return [count <= 8 ? max(count, 1) : (count + 1) / 2]
    }

    /// Estimated width and height of the drawing with these decisions.
    func estimate(
        _ st: Structure, columns: [String: Int], rows: [[Int]], forumColumns: Int, title: (width: Double, height: Double)
    ) -> (width: Double, height: Double) {
        let extents = st.blocks.map { extent($0, columns) }
        let loose = st.looseTeams.map { team -> Extent in
            let size = team.size(columns: columns[team.id] ?? 1)
            return Extent(width: size.width, ranks: [size.height], bottom: 0)
        }
        var width = 0.0
        var height = 0.0
        for (r, row) in rows.enumerated() {
            var members = row.map { extents[$0] }
            if r == 0 { members += loose }
            // Lines to the boxes of the rows below pass between these boxes: dot widens the gaps.
            let passing = rows.dropFirst(r + 1).reduce(0) { $0 + $1.count }
            let rowWidth = members.reduce(0) { $0 + $1.width } + Double(max(members.count - 1, 0)) * Self.nodeSep
                + Double(passing) * 30
            var ranks: [Double] = []
            for part in members {
                for (i, h) in part.ranks.enumerated() {
                    if i < ranks.count { ranks[i] = max(ranks[i], h) } else { ranks.append(h) }
                }
            }
            let rowHeight = ranks.reduce(0, +) + Double(max(ranks.count - 1, 0)) * Self.rankSep + (members.map(\.bottom).max() ?? 0)
            width = max(width, rowWidth)
            height += rowHeight + Self.rankSep
        }
        if rows.isEmpty && !loose.isEmpty {
            width = loose.reduce(0) { $0 + $1.width } + Double(loose.count - 1) * Self.nodeSep
            height += (loose.map { $0.ranks.first ?? 0 }.max() ?? 0) + Self.rankSep
        }
        let forum = forumSize(st, columns: forumColumns)
        if forum.height > 0 { height += forum.height + Self.rankSep * 0.5 }
        width = max(width, forum.width)
        width = max(width, title.width)
        height += title.height
        return (width + 2 * 0.3 * 72, height + 2 * 0.3 * 72)
    }

    /// The drawing's margins in inches: 0.3, widened on the short side of a drawing too small
    /// to be shaped by columns and rows (a team of two under a wide legend) so that it keeps
    /// a slide's proportions: an aspect ratio (as planned) from 1.5 to 1.95.
    static func padding(_ plan: Plan) -> (x: Double, y: Double) {
        let base = 0.3
        guard plan.width > 0, plan.height > 0 else { return (base, base) }
        let aspect = plan.width / plan.height
        if aspect < 1.5 { return (base + (1.5 * plan.height - plan.width) / 2 / 72, base) }
        if aspect > 1.95 { return (base, base + (plan.width / 1.95 - plan.height) / 2 / 72) }
        return (base, base)
    }

    /// Top-level blocks `0..<count` cut into `rows` consecutive rows so that the widest row
    /// is as narrow as it can be (the linear partition problem, by dynamic programming).
    static func partition(_ widths: [Double], rows: Int) -> [[Int]] {
        let n = widths.count
        guard n > 0 else { return [] }
        let k = max(1, min(rows, n))
        var prefix = [0.0]
        for w in widths { prefix.append(prefix.last! + w) }
        func span(_ i: Int, _ j: Int) -> Double { prefix[j] - prefix[i] + Double(max(j - i - 1, 0)) * nodeSep }
        // best[r][j]: the narrowest widest row for the first j blocks in r rows; cut[r][j] where the last row starts.
        var best = Array(repeating: Array(repeating: Double.infinity, count: n + 1), count: k + 1)
        var cut = Array(repeating: Array(repeating: 0, count: n + 1), count: k + 1)
        best[0][0] = 0
        for r in 1...k {
            for j in r...n {
                for i in (r - 1)..<j where best[r - 1][i] < .infinity {
                    let value = max(best[r - 1][i], span(i, j))
                    if value < best[r][j] - 1e-9 {
                        best[r][j] = value
                        cut[r][j] = i
                    }
                }
            }
        }
        var result: [[Int]] = []
        var j = n
        for r in stride(from: k, through: 1, by: -1) {
            let i = cut[r][j]
            result.insert(Array(i..<j), at: 0)
            j = i
        }
        return result
    }

    /// Chooses the columns of every team and the rows of the top-level boxes for the page:
    /// the decisions whose estimated drawing is scaled the least when fitted to the page,
    /// preferring an aspect ratio between 1.4 and 2.1.
    func plan(_ st: Structure) -> Plan {
        let page = options.page
        let teams = st.teamOrder.compactMap { st.teams[$0] }
        // Candidate team heights: every height a team reaches with some column count.
        var targets = Set<Double>()
        for team in teams {
            for c in 1...team.maximumColumns { targets.insert(team.size(columns: c).height.rounded()) }
        }
        var sortedTargets = targets.sorted()
        if sortedTargets.count > 48 {  // quantiles are enough for large organisations
            sortedTargets = (0..<48).map { sortedTargets[$0 * (sortedTargets.count - 1) / 47] }
        }
        if sortedTargets.isEmpty { sortedTargets = [0] }
        let maxRows = max(1, min(4, st.blocks.count))
        let title = titleSize(st)
        func score(_ size: (width: Double, height: Double), rows: Int) -> Double {
            let aspect = size.width / max(size.height, 1)
            var score = page.fittingScale(width: size.width, height: size.height)
            // Outside 1.45–2.0 the page is wasted (and padded); the further, the worse.
            let excess = aspect < 1.45 ? (1.45 - aspect) / 1.45 : aspect > 2.0 ? (aspect - 2.0) / 2.0 : 0
            score *= max(0.4, 1 - 2 * excess)
            // Prefer fewer rows when nearly equal (simpler to read).
            return score * (1 - 0.05 * Double(rows - 1))
        }
        var best: (score: Double, plan: Plan)?
        for target in sortedTargets {
            var columns: [String: Int] = [:]
            for team in teams {
                var c = 1
                while c < team.maximumColumns && team.size(columns: c).height.rounded() > target { c += 1 }
                columns[team.id] = c
            }
            let widths = st.blocks.map { extent($0, columns).width }
            for rowCount in 1...maxRows {
                for forumColumns in forumColumnChoices(st) {
                    let rows = Self.partition(widths, rows: rowCount)
                    let size = estimate(st, columns: columns, rows: rows, forumColumns: forumColumns, title: title)
                    let value = score(size, rows: rowCount)
                    if best == nil || value > best!.score + 1e-9 {
                        best = (value, Plan(columns: columns, forumColumns: forumColumns, rows: rows, width: size.width, height: size.height))
                    }
                }
            }
        }
        // Then each team on its own: teams on different ranks need not share a height (a
        // unit's own team above its sub-units' teams is best short and wide).
        guard var found = best else { return Plan() }
        for _ in 0..<(teams.count <= 200 ? 2 : 0) {
            var improved = false
            for team in teams where team.maximumColumns > 1 {
                for c in 1...team.maximumColumns where c != found.plan.columns[team.id] {
                    var columns = found.plan.columns
                    columns[team.id] = c
                    let rows = Self.partition(st.blocks.map { extent($0, columns).width }, rows: found.plan.rows.count)
                    let size = estimate(st, columns: columns, rows: rows, forumColumns: found.plan.forumColumns, title: title)
                    let value = score(size, rows: rows.count)
                    if value > found.score * 1.005 {
                        found = (value, Plan(columns: columns, forumColumns: found.plan.forumColumns, rows: rows,
                                             width: size.width, height: size.height))
                        improved = true
                    }
                }
            }
            if !improved { break }
        }
        best = found
        return best?.plan ?? Plan()
    }
}

// MARK: - DOT

extension CompactChart {
    func titleTexts() -> (title: String, subtitle: String) {
        let grouping = bySite ? words.groupedBySite : words.groupedByUnit
        if let diff {
            return (words.orgChangesHeading(diff.baselineName, diff.otherName),
                    words.figuresIn(OrgModel.figuresText(model.members, words), diff.otherName))
        }
        let roots = Set(scope.units ?? [])
        let people = scope.units == nil ? model.members : model.members.filter { m in
            model.unitChain(of: m).contains(where: roots.contains)
        }
        let title = scope.heading ?? model.scenario.name
        let subtitle = (scope.heading != nil ? model.scenario.name + " · " : "") + OrgModel.figuresText(people, words) + " · " + grouping
        return (title, subtitle)
    }

    /// Legend entries: (swatch cell, caption), for what `st` draws.
    func legend(_ st: Structure? = nil) -> [(String, String)] {
        if let diff {
            let added = diff.marks.values.filter { $0 == .added }.count
            let moved = diff.marks.count - added
            return [
                (ChartStyle.swatchCell(fill: DiffMarks.added.fill, border: DiffMarks.added.border), words.addedLegend(added)),
                (ChartStyle.swatchCell(fill: DiffMarks.moved.fill, border: DiffMarks.moved.border), words.movedLegend(moved)),
                (ChartStyle.swatchCell(fill: DiffMarks.removedSwatch.fill, border: DiffMarks.removedSwatch.border, dashed: true),
                 words.removedLegend(diff.removed.count)),
                (ChartStyle.swatchCell(fill: DiffMarks.unchanged.fill, border: DiffMarks.unchanged.border), words.unchangedLegend),
            ]
        }
        var legend: [(String, String)] = []
        var used = model.legendPerspectives
        if let st {
            // Only the perspectives of the people and units on this chart (a page).
            var drawn = Set<String>()
            var neutral = false
            var members = st.teams.values.flatMap(\.cards).map(\.member) + (st.forum?.cards.map(\.member) ?? [])
            members += st.blocks.flatMap(allLeads)
            for member in members {
                if let p = model.perspective(ofUnit: member.unit), model.colours[p] != nil { drawn.insert(p) } else { neutral = true }
            }
            for unit in st.blocks.flatMap(drawnUnits) {
                if let p = model.perspective(ofUnit: unit), model.colours[p] != nil { drawn.insert(p) } else { neutral = true }
            }
            used = (used.perspectives.filter { drawn.contains($0.id) }, neutral)
        }
        for perspective in used.perspectives {
            let s = Swatch(base: model.colours[perspective.id] ?? Palette.perspectives[0])
            legend.append((ChartStyle.swatchCell(fill: s.fill, border: s.border), perspective.name))
        }
        if used.neutral || legend.isEmpty {
            legend.append((ChartStyle.swatchCell(fill: Swatch.neutral.fill, border: Swatch.neutral.border), words.siteUnitOrOther))
        }
        legend.append((ChartStyle.swatchCell(fill: Swatch.neutral.managerFill, border: Swatch.neutral.managerBorder, borderWidth: 2), words.manager))
        legend.append((ChartStyle.swatchCell(fill: "white", border: Swatch.neutral.border, dashed: true), words.vacantLegend))
        if bySite {
            legend.append(("<TD WIDTH=\"24\">" + H.font(H.b("- - -"), size: 10, colour: Self.matrixColour) + "</TD>", words.lineToAnotherSite))
        }
        return legend
    }

    static let matrixColour = "#6B7480"

    private func allLeads(_ block: Block) -> [StaffMember] {
        (block.lead.map { [$0.member] } ?? []) + block.children.flatMap(allLeads)
    }

    /// The units drawn as boxes or summaries (not site boxes).
    private func drawnUnits(_ block: Block) -> [String] {
        (model.unitByID[block.key] != nil ? [block.key] : []) + block.children.flatMap(drawnUnits)
    }

    func build() -> String {
        let st = structure()
        let plan = plan(st)
        var w = DOTWriter(idPrefix: options.idPrefix)
        let title = titleTexts()
        ChartStyle.header(&w, graphLabel: ChartStyle.titleBlock(title: title.title, subtitle: title.subtitle, legend: legend(st)),
                          rankSep: Self.rankSep / 72, nodeSep: Self.nodeSep / 72, pad: Self.padding(plan))
        w.defaults("node", [("shape", "plaintext"), ("style", V.q("")), ("margin", "0")])

        // The leader forum.
        if let forum = st.forum {
            let team = Team(id: "forum", cards: forum.cards, heading: forum.heading, headingColour: Palette.text)
            let inner = teamMarkup(team, columns: plan.forumColumns)
            let markup = "<TABLE STYLE=\"rounded\" BORDER=\"1\" COLOR=\"\(Palette.forumBorder)\" BGCOLOR=\"\(Palette.forumFill)\""
                + " CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\"><TR><TD>" + inner + "</TD></TR></TABLE>"
            w.node("forum", [("label", V.html(markup))])
        }

        // Boxes, row by row; the first row also holds the loose teams.
        var drawnBlocks: [Int: BoxEnds] = [:]
        for (index, block) in st.blocks.enumerated() {
            drawnBlocks[index] = emit(&w, block, plan)
        }
        for team in st.looseTeams {
            w.node(team.id, [("label", V.html(teamMarkup(team, columns: plan.columns[team.id] ?? 1)))])
        }

        // Reporting lines: into each lead card and each team, one from each manager outside it.
        var edges = Set<String>()
        func line(from manager: String, to node: String, site: String? = nil) {
            guard let source = st.cardNode[manager], source.node != node else { return }
            guard edges.insert(source.node + "|" + manager + "|" + node).inserted else { return }
            var attributes: [(String, String)] = []
            if source.port, let port = model.nodeID[manager] { attributes.append(("tailport", V.q(port + ":s"))) }
            if let site, let boss = model.memberByID[manager], model.homeSite(of: boss) != site {
                attributes += [("style", "dashed"), ("color", V.q(Self.matrixColour))]
            }
            w.edge(source.node, node, attributes)
        }
        func connect(_ block: Block, site: String?) {
            if let summary = block.summary, let unit = model.unitByID[block.key] {
                let entry = unit.lead.flatMap { lead in st.cardNode[lead] != nil ? lead : model.tree.managerOf[lead] }
                    ?? model.chair
                if let entry { line(from: entry, to: summary.id) }
                return
            }
            if let lead = block.lead, let node = st.cardNode[lead.member.id]?.node {
                if let boss = model.tree.managerOf[lead.member.id] { line(from: boss, to: node) }
                if let team = block.team { w.edge(node, team.id, []) ; edges.insert(lead.member.id + "|" + team.id) }
            }
            if let team = block.team, team.id != "rm" {
                let inside = Set(team.cards.map(\.member.id))
                var managers: [String] = []
                if block.lead == nil, let unit = model.unitByID[block.key], let lead = unit.lead, !inside.contains(lead) {
                    managers.append(lead)
                }
                for card in team.cards {
                    if let boss = model.tree.managerOf[card.member.id], !inside.contains(boss),
                       boss != block.lead?.member.id, !managers.contains(boss) {
                        managers.append(boss)
                    }
                }
                let site = bySite ? String(block.key.split(separator: "|").first ?? "") : nil
                for manager in managers { line(from: manager, to: team.id, site: site) }
            }
            for child in block.children { connect(child, site: site) }
        }
        for block in st.blocks { connect(block, site: nil) }
        for team in st.looseTeams {
            let inside = Set(team.cards.map(\.member.id))
            var managers: [String] = []
            for card in team.cards {
                if let boss = model.tree.managerOf[card.member.id], !inside.contains(boss), !managers.contains(boss) { managers.append(boss) }
            }
            for manager in managers { line(from: manager, to: team.id) }
        }
        // Wrapped rows: each box is held below the box above it by an invisible line.
        for (r, row) in plan.rows.enumerated().dropFirst() {
            let above = plan.rows[r - 1]
            for (k, index) in row.enumerated() {
                guard let upper = drawnBlocks[above[min(k, above.count - 1)]], let lower = drawnBlocks[index],
                      let from = upper.deepest?.node else { continue }
                for to in lower.tops { w.edge(from, to, [("style", "invis")]) }
            }
        }
        w.close()
        return w.text
    }

    /// The nodes of a box where lines come in from outside it, and its last nodes down.
    struct BoxEnds {
        var tops: [String] = []
        var leaves: [String] = []
        /// The lowest node (the most ranks down from the box's top) and its depth.
        var deepest: (node: String, depth: Int)?

        mutating func consider(_ node: String, depth: Int) {
            if deepest == nil || depth > deepest!.depth { deepest = (node, depth) }
        }
    }

    /// Writes a box (cluster) with its lead, team and sub-units.
    ///
    /// dot 2.42 lays out the nodes of a cluster that have no line from inside it in the
    /// reverse of their order in the file, and the others in the order of the lines to them
    /// (their order in the file). So a box with its lead inside writes its team, then its
    /// sub-units, in order; a box whose lines all come from outside writes them reversed.
    /// Either way the team comes first and the sub-units follow left to right.
    private func emit(_ w: inout DOTWriter, _ block: Block, _ plan: Plan) -> BoxEnds {
        if let summary = block.summary {
            let s = block.swatch
            w.node(summary.id, [
                ("label", V.html(summary.markup)), ("shape", "box"), ("style", V.q("rounded,filled")),
                ("fillcolor", V.q(s.fill)), ("color", V.q(s.managerBorder)), ("penwidth", "1.6"), ("margin", V.q("0.14,0.07")),
            ])
            return BoxEnds(tops: [summary.id], leaves: [summary.id], deepest: (summary.id, 0))
        }
        let isCluster = !block.clusterID.isEmpty
        if isCluster {
            w.openCluster(block.clusterID, [
                ("label", V.html(H.leftAligned(block.label))), ("style", V.q(block.dashed ? "rounded,filled,dashed" : "rounded,filled")),
                ("fillcolor", V.q(block.swatch.clusterFill)), ("color", V.q(block.swatch.border)),
                ("penwidth", "1.2"), ("fontsize", "12"), ("labeljust", "l"), ("labelloc", "b"),
                ("margin", V.num(Self.clusterMargin, decimals: 0)),
            ])
        }
        var ends = BoxEnds()
        func writeTeam(depth: Int) {
            guard let team = block.team else { return }
            w.node(team.id, [("label", V.html(teamMarkup(team, columns: plan.columns[team.id] ?? 1)))])
            ends.leaves.append(team.id)
            ends.consider(team.id, depth: depth)
        }
        if let lead = block.lead, let id = model.nodeID[lead.member.id] {
            w.node(id, [("label", V.html("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>"
                + cardCell(lead, width: lead.width, height: lead.height) + "</TR></TABLE>"))])
            ends.tops = [id]
            ends.consider(id, depth: 0)
            writeTeam(depth: 1)
            for child in block.children {
                let childEnds = emit(&w, child, plan)
                ends.leaves += childEnds.leaves
                if let d = childEnds.deepest { ends.consider(d.node, depth: d.depth + 1) }
            }
            if ends.leaves.isEmpty { ends.leaves = [id] }
        } else {
            var childEnds: [BoxEnds] = []
            for child in block.children.reversed() { childEnds.insert(emit(&w, child, plan), at: 0) }
            writeTeam(depth: 0)
            if let team = block.team { ends.tops = [team.id] }
            for child in childEnds {
                ends.tops += child.tops
                ends.leaves += child.leaves
                if let d = child.deepest { ends.consider(d.node, depth: d.depth) }
            }
        }
        if isCluster { w.close() }
        return ends
    }
}

// MARK: - Pages

/// Pages of the compact chart: the whole chart when it is legible on the page, otherwise an
/// overview and a page per unit (see ``OrgChart/pages(_:options:)``).
struct CompactPages {
    let model: OrgModel
    let options: OrgChartOptions

    var words: DiagramWords { DiagramWords(options.language) }

    /// Whether the chart's smallest text is legible when its estimated drawing is fitted to the page.
    func legible(_ chart: CompactChart) -> Bool {
        let plan = chart.plan(chart.structure())
        return options.page.fittingScale(width: plan.width, height: plan.height) * CompactChart.smallestText
            >= PageShape.minimumLegiblePointSize
    }

    func page(_ name: String, _ title: String, _ chart: CompactChart) -> OrgChartPage {
        let plan = chart.plan(chart.structure())
        var page = OrgChartPage(name: name, title: title, dot: chart.build())
        page.estimatedWidth = plan.width
        page.estimatedHeight = plan.height
        return page
    }

    func pages() -> [OrgChartPage] {
        let whole = CompactChart(model: model, options: options, diff: nil)
        if legible(whole) || model.units.isEmpty {
            return [page("org", words.orgChartTitle, whole)]
        }
        let top = model.unitHierarchy.top
        var overviewScope = CompactChart.Scope()
        overviewScope.collapsed = Set(top.map(\.id))
        overviewScope.heading = words.overview
        var pages = [page("overview", words.overview, CompactChart(model: model, options: options, diff: nil, scope: overviewScope))]
        var used: Set<String> = ["org", "overview"]
        for unit in top { pages += unitPages(unit, used: &used, depth: 0) }
        return pages
    }

    /// The page of `unit` with everything below it, or — when that is not legible and the
    /// unit has sub-units — its page with the sub-units as summary boxes, and their own pages.
    private func unitPages(_ unit: Unit, used: inout Set<String>, depth: Int) -> [OrgChartPage] {
        var scope = CompactChart.Scope()
        scope.forum = false
        scope.units = [unit.id]
        scope.heading = unit.name
        let children = model.unitHierarchy.children[unit.id] ?? []
        var chart = CompactChart(model: model, options: options, diff: nil, scope: scope)
        var name = DOTWriter.sanitisedID(unit.id)
        while !used.insert(name).inserted { name += "-" }
        if legible(chart) || children.isEmpty || depth > 8 {
            return [page(name, unit.name, chart)]
        }
        scope.collapsed = Set(children.map(\.id))
        chart = CompactChart(model: model, options: options, diff: nil, scope: scope)
        var pages = [page(name, unit.name, chart)]
        for child in children { pages += unitPages(child, used: &used, depth: depth + 1) }
        return pages
    }
}
