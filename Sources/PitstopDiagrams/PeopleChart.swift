import PitstopModel

/// How the org-diff chart marks people of the other scenario.
struct DiffMarks {
    enum Mark: Equatable {
        case added
        /// With the note shown in the box ("from Hovedbiblioteket").
        case moved(note: String)
    }

    var marks: [String: Mark]
    /// People of the baseline who are gone, with the baseline unit name.
    var removed: [(member: StaffMember, unitName: String?)]
    var baselineName: String
    var otherName: String

    static let added = Swatch(border: "#2E8B57", fill: "#D3F0DB", managerFill: "#A9E0B8", managerBorder: "#1E6B41", clusterFill: "#F3FBF5")
    static let moved = Swatch(border: "#C98500", fill: "#FFE9B8", managerFill: "#FFD57A", managerBorder: "#8F5F00", clusterFill: "#FFF8E8")
    static let removedSwatch = Swatch(border: "#C0392B", fill: "#FADBD8", managerFill: "#F5B7B1", managerBorder: "#922B21", clusterFill: "#FDF2F1")
    static let unchanged = Swatch(border: "#A3AAB2", fill: "#FFFFFF", managerFill: "#E9ECEF", managerBorder: "#4A525C", clusterFill: "#FAFBFC")
}

/// The people-level org chart (also the base of the org-diff chart).
struct PeopleChart {
    let model: OrgModel
    let options: OrgChartOptions
    let diff: DiffMarks?

    /// Team members stacked in one list box under their manager.
    struct Stack {
        var id: String
        var manager: String
        var key: String?
        var members: [StaffMember]
    }

    private var bySite: Bool { options.groupBy == .site }
    private var words: DiagramWords { DiagramWords(options.language) }

    /// The box a person is drawn in (unit id or site id), nil for the top level.
    private func groupKey(_ member: StaffMember) -> String? {
        if bySite { return model.homeSite(of: member) }
        return member.unit.flatMap { model.unitByID[$0] != nil ? $0 : nil }
    }

    func build() -> String {
        var w = DOTWriter(idPrefix: options.idPrefix)
        ChartStyle.header(&w, graphLabel: titleBlock())
        let forum = model.inForum

        // Stacks: per manager, the leaves of each group beyond the threshold.
        var stacks: [Stack] = []
        var stacked = Set<String>()
        for manager in model.members where model.isManager(manager.id) {
            var order: [String?] = []
            var groups: [String?: [StaffMember]] = [:]
            for id in model.reports[manager.id] ?? [] {
                guard let member = model.memberByID[id], !model.isManager(id), !forum.contains(id) else { continue }
                let key = groupKey(member)
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(member)
            }
            for key in order {
                let team = groups[key] ?? []
                guard team.count > max(0, options.stackThreshold) else { continue }
                stacks.append(Stack(id: "l\(stacks.count + 1)", manager: manager.id, key: key, members: team))
                stacked.formUnion(team.map(\.id))
            }
        }

        // Who goes in which box.
        var peopleByKey: [String: [StaffMember]] = [:]
        var topLevel: [StaffMember] = []
        for member in model.members where !forum.contains(member.id) && !stacked.contains(member.id) {
            if let key = groupKey(member) { peopleByKey[key, default: []].append(member) } else { topLevel.append(member) }
        }
        var stacksByKey: [String: [Stack]] = [:]
        var topStacks: [Stack] = []
        for stack in stacks {
            if let key = stack.key { stacksByKey[key, default: []].append(stack) } else { topStacks.append(stack) }
        }

        // The organisation.
        let org = model.scenario.organisation
        w.node("org", [
            ("label", V.html(H.font("<B>" + H.text(org.name.isEmpty ? model.scenario.name : org.name) + "</B>", size: 14)
                + H.br + H.font(H.text(OrgModel.figuresText(model.members, words)), size: 9, colour: "#D8DEE6"))),
            ("fillcolor", V.q(Palette.organisationFill)), ("color", V.q(Palette.organisationFill)),
            ("fontcolor", V.q("white")), ("margin", V.q("0.25,0.1")),
        ])

        // The leader forum.
        if let forumInfo = org.leaderForum, model.chair != nil || !model.forumMembers.isEmpty {
            w.openCluster("cluster_forum", [
                ("label", V.html("<B>" + H.text(forumInfo.name.isEmpty ? words.leaderForum : forumInfo.name) + "</B>")),
                ("style", V.q("rounded,filled")), ("fillcolor", V.q(Palette.forumFill)),
                ("color", V.q(Palette.forumBorder)), ("penwidth", "1.5"), ("fontsize", "12"),
                ("labeljust", "l"), ("labelloc", "b"), ("margin", "12"),
            ])
            for id in (model.chair.map { [$0] } ?? []) + model.forumMembers {
                if let member = model.memberByID[id] { personNode(&w, member) }
            }
            w.close()
        }

        // Unit or site boxes.
        if bySite {
            for site in model.scenario.sites.uniquedSites() {
                let people = peopleByKey[site.id] ?? []
                let lists = stacksByKey[site.id] ?? []
                guard !people.isEmpty || !lists.isEmpty else { continue }
                let everyone = people + lists.flatMap(\.members)
                w.openCluster("cluster_s\(siteIndex(site.id))", [
                    ("label", V.html(H.leftAligned([
                        "<B>" + H.text(site.name) + "</B>",
                        H.font(H.text(OrgModel.figuresText(everyone, words)), size: 9, colour: Palette.muted),
                    ]))),
                    ("style", V.q("rounded,filled")), ("fillcolor", V.q("#F8F9FA")), ("color", V.q("#9AA3AD")),
                    ("penwidth", "1.2"), ("fontsize", "12"), ("labeljust", "l"), ("labelloc", "b"), ("margin", "12"),
                ])
                writeBox(&w, people: people, lists: lists)
                w.close()
            }
        } else {
            let hierarchy = model.unitHierarchy
            var drawn = Set<String>()
            var placeholders: [(unit: Unit, node: String)] = []
            func emit(_ unit: Unit) {
                guard drawn.insert(unit.id).inserted else { return }
                let swatch = diff == nil ? model.swatch(forUnit: unit.id) : Swatch(
                    border: model.swatch(forUnit: unit.id).border, fill: "", managerFill: "", managerBorder: "",
                    clusterFill: "#FBFBFC")
                let unitPeople = model.members.filter { $0.unit == unit.id }
                // Labels sit at the bottom: reporting lines come in from above and would
                // cross a label at the top.
                var label = ["<B>" + H.text(unit.name) + "</B>"]
                let scope = model.unitScope(unit)
                if !scope.isEmpty && scope != unit.name { label.append(H.font(H.text(scope), size: 9, colour: Palette.muted)) }
                let hasChildren = !(hierarchy.children[unit.id] ?? []).isEmpty
                let figures = hasChildren
                    ? words.figuresWithSubUnits(OrgModel.figuresText(model.subtreeMembers(of: unit.id), words))
                    : OrgModel.figuresText(unitPeople, words)
                label.append(H.font(H.text(figures), size: 9, colour: Palette.muted))
                w.openCluster("cluster_\(model.unitNodeID[unit.id] ?? unit.id)", [
                    ("label", V.html(H.leftAligned(label))), ("style", V.q("rounded,filled")),
                    ("fillcolor", V.q(swatch.clusterFill)), ("color", V.q(swatch.border)),
                    ("penwidth", "1.2"), ("fontsize", "12"), ("labeljust", "l"), ("labelloc", "b"), ("margin", "12"),
                ])
                // Sub-units in reverse, for the reason given at `writeBox`.
                let people = peopleByKey[unit.id] ?? []
                let lists = stacksByKey[unit.id] ?? []
                let children = hierarchy.children[unit.id] ?? []
                for child in children.reversed() { emit(child) }
                writeBox(&w, people: people, lists: lists)
                if people.isEmpty && lists.isEmpty && children.isEmpty {
                    let node = model.unitNodeID[unit.id] ?? unit.id
                    let text = unitPeople.isEmpty ? words.noPositions : words.leadInLeaderForum
                    w.node(node, [
                        ("label", V.html(H.font(H.i(text), size: 9, colour: Palette.muted))),
                        ("shape", "plaintext"), ("style", V.q("")),
                    ])
                    placeholders.append((unit, node))
                }
                w.close()
            }
            for unit in hierarchy.top { emit(unit) }
            // Edges to placeholders keep an empty unit under its lead.
            for (unit, node) in placeholders {
                let from = unit.lead.flatMap { model.nodeID[$0] } ?? model.chair.flatMap { model.nodeID[$0] } ?? "org"
                w.edge(from, node, [("style", "invis")])
            }
        }

        // The top level: people outside every box, and their stacks.
        for member in topLevel { personNode(&w, member) }
        for stack in topStacks { stackNode(&w, stack) }

        // People who are gone (org-diff chart).
        if let diff, !diff.removed.isEmpty {
            w.openCluster("cluster_removed", [
                ("label", V.html(H.leftAligned([
                    "<B>" + H.text(words.removedBox) + "</B>",
                    H.font(H.text(words.inNotIn(diff.baselineName, diff.otherName)), size: 9, colour: Palette.muted),
                ]))),
                ("style", V.q("rounded,filled,dashed")), ("fillcolor", V.q(DiffMarks.removedSwatch.clusterFill)),
                ("color", V.q(DiffMarks.removedSwatch.border)), ("penwidth", "1.2"), ("fontsize", "12"),
                ("labeljust", "l"), ("margin", "12"),
            ])
            for (index, entry) in diff.removed.enumerated().reversed() {
                removedNode(&w, entry.member, unitName: entry.unitName, id: "r\(index + 1)")
            }
            w.close()
        }

        // Reporting lines, in staff order.
        for root in model.tree.roots {
            if let to = model.nodeID[root] { w.edge("org", to, [("penwidth", "1.6")]) }
        }
        let stackOf = Dictionary(stacks.flatMap { s in s.members.map { ($0.id, s.id) } }, uniquingKeysWith: { a, _ in a })
        var listEdgesDrawn = Set<String>()
        for member in model.members {
            guard let manager = model.tree.managerOf[member.id], let from = model.nodeID[manager] else { continue }
            // By site, a line between two different site boxes is drawn light and dashed:
            // the boxes are the message, the reporting line is context.
            var style: [(String, String)] = []
            if bySite, !forum.contains(manager), !forum.contains(member.id),
               let boss = model.memberByID[manager], let a = groupKey(boss), let b = groupKey(member), a != b {
                style = [("style", "dashed"), ("color", V.q("#A9B0B8"))]
            }
            if let list = stackOf[member.id] {
                if listEdgesDrawn.insert(list).inserted { w.edge(from, list, style) }
            } else if let to = model.nodeID[member.id] {
                w.edge(from, to, style)
            }
        }
        w.close()
        return w.text
    }

    /// Writes the boxes of one cluster so that dot 2.42 lays them out in file order.
    ///
    /// 2.42 starts a cluster's layout from its nodes without a predecessor inside the
    /// cluster and takes them in the REVERSE of their order in the file (its node list is
    /// built by prepending; later Graphviz walks it backwards), and sub-clusters likewise;
    /// the other nodes follow their manager's edges, which cgraph orders by the head
    /// node's creation, i.e. file order. So: roots reversed, then the rest in file order.
    private func writeBox(_ w: inout DOTWriter, people: [StaffMember], lists: [Stack]) {
        let inside = Set(people.map(\.id))
        func isRoot(_ manager: String?) -> Bool { manager.map { !inside.contains($0) } ?? true }
        enum Item { case person(StaffMember), list(Stack) }
        let items = people.map { Item.person($0) } + lists.map { Item.list($0) }
        func root(_ item: Item) -> Bool {
            switch item {
            case .person(let member): isRoot(model.tree.managerOf[member.id])
            case .list(let stack): isRoot(stack.manager)
            }
        }
        for item in items.filter(root).reversed() + items.filter({ !root($0) }) {
            switch item {
            case .person(let member): personNode(&w, member)
            case .list(let stack): stackNode(&w, stack)
            }
        }
    }

    private func siteIndex(_ id: String) -> Int {
        (model.scenario.sites.firstIndex { $0.id == id } ?? 0) + 1
    }

    // MARK: Boxes

    private func swatch(for member: StaffMember) -> Swatch {
        guard let diff else { return model.swatch(forPerson: member) }
        switch diff.marks[member.id] {
        case .added: return DiffMarks.added
        case .moved: return DiffMarks.moved
        case nil: return DiffMarks.unchanged
        }
    }

    private func personNode(_ w: inout DOTWriter, _ member: StaffMember) {
        guard let id = model.nodeID[member.id] else { return }
        let manager = model.isManager(member.id)
        let swatch = swatch(for: member)
        var lines: [String] = []
        if let note = diffNote(member) { lines.append(note) }
        lines.append(contentsOf: Self.personLines(member, manager: manager, words: words, model: model))
        if bySite, let unit = model.unitName(member.unit) {
            lines.append(H.font(ChartStyle.lines(unit, width: 30), size: 8, colour: Palette.muted))
        }
        var attrs: [(String, String)] = [("label", V.html(lines.joined(separator: H.br)))]
        if member.isVacant {
            attrs += [("style", V.q("rounded,dashed,filled")), ("fillcolor", V.q("white")), ("color", V.q(swatch.border)), ("penwidth", "1.3")]
        } else if manager {
            attrs += [("fillcolor", V.q(swatch.managerFill)), ("color", V.q(swatch.managerBorder)), ("penwidth", "2.2")]
        } else {
            attrs += [("fillcolor", V.q(swatch.fill)), ("color", V.q(swatch.border))]
        }
        w.node(id, attrs)
    }

    /// Name (or "vacant"), title with FTE, competences.
    static func personLines(_ member: StaffMember, manager: Bool, words: DiagramWords, model: OrgModel) -> [String] {
        var lines: [String] = []
        if member.isVacant {
            lines.append(H.font("<I>" + H.text(words.vacant) + "</I>", size: manager ? 11 : 10, colour: Palette.muted))
        } else {
            lines.append("<B>" + ChartStyle.lines(member.displayName, width: 26) + "</B>")
        }
        let second = ChartStyle.secondLine(member, words)
        if !second.isEmpty { lines.append(H.font(ChartStyle.lines(second, width: 30), size: 9)) }
        if let comp = ChartStyle.competences(model.competenceNames(member.competences)) {
            lines.append(H.font(comp, size: 8, colour: Palette.muted))
        }
        return lines
    }

    private func diffNote(_ member: StaffMember) -> String? {
        switch diff?.marks[member.id] {
        case .added: H.font("<B>" + H.text(words.newMark) + "</B>", size: 8, colour: DiffMarks.added.managerBorder)
        // One run: renderers drop a space that starts a run after a bold one.
        case .moved(let note): H.font(H.b(words.movedMark + (note.isEmpty ? "" : " · " + note)), size: 8, colour: DiffMarks.moved.managerBorder)
        case nil: nil
        }
    }

    private func removedNode(_ w: inout DOTWriter, _ member: StaffMember, unitName: String?, id: String) {
        var lines = [H.font(H.b(words.removedMark + (unitName.map { " · " + words.from($0) } ?? "")),
                            size: 8, colour: DiffMarks.removedSwatch.managerBorder)]
        lines += Self.personLines(member, manager: false, words: words, model: model)
        w.node(id, [
            ("label", V.html(lines.joined(separator: H.br))), ("style", V.q("rounded,dashed,filled")),
            ("fillcolor", V.q(DiffMarks.removedSwatch.fill)), ("color", V.q(DiffMarks.removedSwatch.border)),
            ("penwidth", "1.3"),
        ])
    }

    /// One list box: a roster table of the team.
    private func stackNode(_ w: inout DOTWriter, _ stack: Stack) {
        let swatch = diff == nil ? model.swatch(forPerson: stack.members[0]) : DiffMarks.unchanged
        var rows = "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"3\">"
            + H.font("<B>" + H.text(OrgModel.figuresText(stack.members, words)) + "</B>", size: 9, colour: Palette.muted)
            + "</TD></TR>"
        for member in stack.members {
            var background = ""
            var note = ""
            if let diff {
                switch diff.marks[member.id] {
                case .added:
                    background = " BGCOLOR=\"\(DiffMarks.added.fill)\""
                    note = words.newMark
                case .moved(let text):
                    background = " BGCOLOR=\"\(DiffMarks.moved.fill)\""
                    note = words.movedMark + " " + text
                case nil: break
                }
            }
            let name = member.isVacant
                ? H.font("<I>" + H.text(words.vacant) + "</I>", colour: Palette.muted)
                : "<B>" + H.text(member.displayName) + "</B>"
            let title = ChartStyle.secondLine(member, words)
            var extra = ChartStyle.competencesText(model.competenceNames(member.competences))
            if !note.isEmpty { extra = note + (extra.isEmpty ? "" : " · " + extra) }
            if bySite, let unit = model.unitName(member.unit) { extra += (extra.isEmpty ? "" : " · ") + unit }
            rows += "<TR>"
                + "<TD ALIGN=\"LEFT\"\(background)>" + name + "&#160;&#160;</TD>"
                + "<TD ALIGN=\"LEFT\"\(background)>" + H.font(H.text(title), size: 9) + (title.isEmpty ? "" : "&#160;&#160;") + "</TD>"
                + "<TD ALIGN=\"LEFT\"\(background)>" + H.font(H.text(extra), size: 8, colour: Palette.muted) + "</TD>"
                + "</TR>"
        }
        let table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">" + rows + "</TABLE>"
        w.node(stack.id, [
            ("label", V.html(table)), ("fillcolor", V.q(swatch.fill)), ("color", V.q(swatch.border)),
            ("margin", V.q("0.08,0.05")),
        ])
    }

    // MARK: Title and legend

    private func titleBlock() -> String {
        let scenario = model.scenario
        if let diff {
            let added = diff.marks.values.filter { $0 == .added }.count
            let moved = diff.marks.count - added
            let legend: [(String, String)] = [
                (ChartStyle.swatchCell(fill: DiffMarks.added.fill, border: DiffMarks.added.border), words.addedLegend(added)),
                (ChartStyle.swatchCell(fill: DiffMarks.moved.fill, border: DiffMarks.moved.border), words.movedLegend(moved)),
                (ChartStyle.swatchCell(fill: DiffMarks.removedSwatch.fill, border: DiffMarks.removedSwatch.border, dashed: true), words.removedLegend(diff.removed.count)),
                (ChartStyle.swatchCell(fill: DiffMarks.unchanged.fill, border: DiffMarks.unchanged.border), words.unchangedLegend),
            ]
            return ChartStyle.titleBlock(
                title: words.orgChangesHeading(diff.baselineName, diff.otherName),
                subtitle: words.figuresIn(OrgModel.figuresText(model.members, words), diff.otherName), legend: legend)
        }
        var legend: [(String, String)] = []
        let used = model.legendPerspectives
        for perspective in used.perspectives {
            let s = Swatch(base: model.colours[perspective.id] ?? Palette.perspectives[0])
            legend.append((ChartStyle.swatchCell(fill: s.fill, border: s.border), perspective.name))
        }
        if used.neutral || legend.isEmpty {
            legend.append((ChartStyle.swatchCell(fill: Swatch.neutral.fill, border: Swatch.neutral.border), words.siteUnitOrOther))
        }
        legend.append((ChartStyle.swatchCell(fill: Swatch.neutral.managerFill, border: Swatch.neutral.managerBorder, borderWidth: 2), words.manager))
        legend.append((ChartStyle.swatchCell(fill: "white", border: Swatch.neutral.border, dashed: true), words.vacantLegend))
        let grouping = bySite ? words.groupedBySite : words.groupedByUnit
        return ChartStyle.titleBlock(title: scenario.name, subtitle: grouping, legend: legend)
    }
}

extension Array where Element == Site {
    func uniquedSites() -> [Site] {
        var seen = Set<String>()
        return filter { seen.insert($0.id).inserted }
    }
}
