import PitstopModel

/// The units-only org chart: one box per unit with its lead, headcount, FTE and professions.
struct UnitsChart {
    let model: OrgModel
    let options: OrgChartOptions
    private var words: DiagramWords { DiagramWords(options.language) }

    func build() -> String {
        var w = DOTWriter(idPrefix: options.idPrefix)
        ChartStyle.header(&w, graphLabel: titleBlock(), rankSep: 0.55)
        let scenario = model.scenario
        let org = scenario.organisation

        w.node("org", [
            ("label", V.html(H.font("<B>" + H.text(org.name.isEmpty ? scenario.name : org.name) + "</B>", size: 14)
                + H.br + H.font(H.text(OrgModel.figuresText(model.members, words)), size: 9, colour: "#D8DEE6"))),
            ("fillcolor", V.q(Palette.organisationFill)), ("color", V.q(Palette.organisationFill)),
            ("fontcolor", V.q("white")), ("margin", V.q("0.25,0.1")),
        ])
        var top = "org"
        if let forum = org.leaderForum, model.chair != nil || !model.forumMembers.isEmpty {
            var lines = ["<B>" + H.text(forum.name.isEmpty ? words.leaderForum : forum.name) + "</B>"]
            if let chair = model.chair.flatMap({ model.memberByID[$0] }) {
                lines.append(H.font(H.text(words.chair(Self.nameAndTitle(chair, words))), size: 9))
            }
            for id in model.forumMembers {
                if let member = model.memberByID[id] { lines.append(H.font(H.text(Self.nameAndTitle(member, words)), size: 9, colour: Palette.muted)) }
            }
            w.node("forum", [
                ("label", V.html(lines.joined(separator: H.br))), ("fillcolor", V.q(Palette.forumFill)),
                ("color", V.q(Palette.forumBorder)), ("penwidth", "1.5"),
            ])
            w.edge("org", "forum", [("penwidth", "1.6")])
            top = "forum"
        }

        let hierarchy = model.unitHierarchy
        for unit in model.units {
            let node = model.unitNodeID[unit.id] ?? unit.id
            let swatch = model.swatch(forUnit: unit.id)
            let own = model.members.filter { $0.unit == unit.id }
            var lines = ["<B>" + ChartStyle.lines(unit.name, width: 30) + "</B>"]
            let scope = model.unitScope(unit)
            if !scope.isEmpty && scope != unit.name {
                lines.append(H.font(ChartStyle.lines(scope, width: 44), size: 9, colour: Palette.muted))
            }
            if let lead = unit.lead.flatMap({ model.memberByID[$0] }) {
                lines.append(H.font(H.text(words.lead(lead.isVacant ? words.vacant : lead.displayName)), size: 9))
            }
            lines.append(H.font("<B>" + H.text(OrgModel.figuresText(own, words)) + "</B>", size: 10))
            let professions = model.professionSummary(own, words: words)
            if !professions.isEmpty {
                lines.append(H.font(ChartStyle.lines(professions, width: 44), size: 8, colour: Palette.muted))
            }
            if !(hierarchy.children[unit.id] ?? []).isEmpty {
                let all = model.subtreeMembers(of: unit.id)
                lines.append(H.font(H.text(words.withSubUnits(OrgModel.figuresText(all, words))), size: 9, colour: Palette.muted))
            }
            w.node(node, [
                ("label", V.html(lines.joined(separator: H.br))), ("fillcolor", V.q(swatch.fill)),
                ("color", V.q(swatch.managerBorder)), ("penwidth", "1.6"),
            ])
        }
        let outside = model.members.filter {
            ($0.unit.map { model.unitByID[$0] == nil } ?? true) && !model.inForum.contains($0.id)
        }
        if !outside.isEmpty {
            w.node("nounit", [
                ("label", V.html("<B>" + H.text(words.outsideUnits) + "</B>" + H.br
                    + H.font(H.text(OrgModel.figuresText(outside, words)), size: 10))),
                ("fillcolor", V.q(Swatch.neutral.fill)), ("color", V.q(Swatch.neutral.border)),
                ("style", V.q("rounded,filled,dashed")),
            ])
        }

        for unit in model.units {
            let node = model.unitNodeID[unit.id] ?? unit.id
            if let parent = model.parent(of: unit), let from = model.unitNodeID[parent] {
                w.edge(from, node)
            } else {
                w.edge(top, node)
            }
        }
        if !outside.isEmpty { w.edge(top, "nounit", [("style", "dashed")]) }
        w.close()
        return w.text
    }

    static func nameAndTitle(_ member: StaffMember, _ words: DiagramWords) -> String {
        if member.isVacant { return words.vacantWithTitle(member.title) }
        if let name = member.name, !member.title.isEmpty { return name + " · " + member.title }
        return member.displayName
    }

    private func titleBlock() -> String {
        var legend: [(String, String)] = []
        let used = model.legendPerspectives
        for perspective in used.perspectives {
            let s = Swatch(base: model.colours[perspective.id] ?? Palette.perspectives[0])
            legend.append((ChartStyle.swatchCell(fill: s.fill, border: s.managerBorder, borderWidth: 2), perspective.name))
        }
        if used.neutral || legend.isEmpty {
            legend.append((ChartStyle.swatchCell(fill: Swatch.neutral.fill, border: Swatch.neutral.managerBorder, borderWidth: 2), words.siteUnitOrOther))
        }
        return ChartStyle.titleBlock(title: model.scenario.name, subtitle: words.unitsSubtitle, legend: legend)
    }
}
