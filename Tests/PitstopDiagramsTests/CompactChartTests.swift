import Foundation
import GraphvizRendering
import PitstopModel
import Testing
import _PitstopTestSupport
@testable import PitstopDiagrams

/// The compact org chart, the default style.
@Suite struct CompactChartTests {
    let library = TestScenarios.library

    func svg(_ dot: String) throws -> SVGInspector {
        let (output, warnings) = try Graphviz.renderReportingWarnings(dot: dot, format: .svg)
        #expect(warnings.isEmpty, "Graphviz warned: \(warnings)")
        return try SVGInspector(output)
    }

    /// The lines of the DOT that draw an edge (`"a" -> "b" […]`), without invisible ones.
    func edges(_ dot: String) -> [String] {
        dot.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.contains("\" -> \"") && !$0.contains("style=invis") }
    }

    @Test func everyoneIsOnACardInTheBoxOfTheirUnit() throws {
        let dot = OrgChart.dot(library)
        let parsed = try svg(dot)
        // The forum box: chair first, then the members.
        let forum = try #require(parsed.node("forum")).texts
        #expect(forum.prefix(4) == ["Lederforum", "Chair", "Jens Ærø", "Direktør"])
        for name in ["Åse Øster", "Bo Ågård", "Mette Holm"] { #expect(forum.contains(name)) }
        // The private unit holds its own team and the nested Børn & unge box, whose lead has her own card.
        #expect(nodeIDs(inCluster: "cluster_u1", of: dot).sorted() == ["p6", "t1", "t2"])
        #expect(nodeIDs(inCluster: "cluster_u2", of: dot).sorted() == ["p6", "t2"])
        #expect(parsed.node("p6")?.texts.prefix(2) == ["Kirsten Æbelø", "Børnebibliotekar"])
        #expect(parsed.node("t1")?.texts.contains("Anna Holm") == true)
        #expect(parsed.node("t2")?.texts.contains("Ulla Berg") == true)
        // Everyone by name somewhere, vacancies as "vacant".
        for member in library.staff {
            if member.isVacant {
                #expect(parsed.allTexts.contains("vacant"))
            } else {
                #expect(parsed.allTexts.contains { $0.hasPrefix(Format.abbreviate(member.displayName, to: 20).dropLast()) }, "\(member.id)")
            }
        }
        // People outside every unit are in their own team, under their manager.
        #expect(parsed.nodes.contains { $0.texts.first == "Outside units" && $0.texts.contains("Lise Lund") })
    }

    @Test func oneLineFromAManagerToEachTeamNeverOneAPerson() throws {
        let dot = OrgChart.dot(library)
        let lines = edges(dot)
        // From the forum (a member's card) to each of the three teams whose lead sits there,
        // to Kirsten's card (from Åse's), from Kirsten to her team, and from the chair to Lise.
        #expect(lines.count == 6)
        #expect(lines.filter { $0.hasPrefix("\"forum\" -> ") }.count == 5)
        #expect(lines.allSatisfy { $0.contains("tailport=") || $0.hasPrefix("\"p6\" -> \"t2\"") })
        let units = library.organisation.units.count
        let managers = Set(ReportingTree(library).managerOf.values).count
        #expect(lines.count <= units + managers)
        // The tree style draws one line a person.
        #expect(edges(OrgChart.dot(library, options: .init(style: .tree, stackThreshold: .max))).count == library.staff.count)
    }

    @Test func competencesAreNamedProfessionsStandInForAMissingTitle() throws {
        var scenario = library
        scenario.staff.append(StaffMember(id: "nurse", name: "Nina Sund", title: "", profession: "health-nurse", unit: "kids"))
        scenario.staff.append(StaffMember(id: "odd-job", name: "Ole Ny", title: "", profession: "makerspace-host", unit: "kids"))
        let parsed = try svg(OrgChart.dot(scenario))
        let texts = parsed.allTexts
        #expect(texts.contains("Børnelitteratur · Sundhedsinformation"))
        for id in ["children-lit", "health-info", "reference", "digital"] {
            #expect(!texts.contains { $0.contains(id) }, "\(id)")
        }
        #expect(texts.contains("Health visitor"))
        #expect(texts.contains("Makerspace host"))
        let danish = try svg(OrgChart.dot(scenario, options: .init(language: .da)))
        #expect(danish.allTexts.contains("Sundhedsplejerske"))
    }

    @Test func managersAreHeavyVacanciesDashedAndColoursFollowPerspectives() throws {
        let dot = OrgChart.dot(library)
        let lead = try #require(declaration(of: "p6", in: dot))
        #expect(lead.contains("BORDER=\"2\""))
        let citizen = try #require(declaration(of: "t3", in: dot))  // Borgeren: the awkward name and the vacancy
        #expect(citizen.contains("STYLE=\"rounded,dashed\" BGCOLOR=\"white\""))
        let privateColour = try #require(RGB(css: "#E07A5F"))
        #expect(try #require(declaration(of: "t1", in: dot)).contains("BGCOLOR=\"\(Swatch(base: privateColour).fill)\""))
        let graph = try #require(try svg(dot).groups.first { $0.kind == "graph" })
        for caption in ["Det private menneske", "Borgeren", "Den lærende", "Site unit / other", "Manager", "Vacant"] {
            #expect(graph.texts.contains { $0.hasPrefix(caption) }, "\(caption)")
        }
    }

    @Test func bySiteEachSiteHoldsATeamPerUnitAndLinesToOtherSitesAreDashed() throws {
        let dot = OrgChart.dot(library, options: .init(groupBy: .site))
        let parsed = try svg(dot)
        #expect(parsed.clusters.map(\.title) == ["cluster_s1", "cluster_s2", "cluster_s3"])
        // Hovedbiblioteket: the citizen team, the main team and the people outside units, each headed by its unit.
        let main = nodeIDs(inCluster: "cluster_s1", of: dot)
        let headings = main.compactMap { parsed.node($0)?.texts.first }
        #expect(Set(headings) == ["Borgeren", "Børn & unge", "Hovedbiblioteket", "Outside units"])
        // Anna works at Filial 1, her lead Åse at the main library: a dashed line.
        let anna = try #require(parsed.nodes.first { $0.texts.contains("Anna Holm") })
        #expect(anna.texts.first == "Det private menneske")
        let line = try #require(edges(dot).first { $0.hasSuffix("\"\(anna.title)\" [tailport=\"p2:s\", style=dashed, color=\"#6B7480\"];") || $0.contains("-> \"\(anna.title)\"") })
        #expect(line.contains("style=dashed"))
        #expect(parsed.groups.first { $0.kind == "graph" }?.texts.contains { $0.hasPrefix("Line to another site") } == true)
    }

    @Test func aLargeTeamGetsColumnsAndManyUnitsWrapIntoRows() throws {
        let wide = TestScenarios.wideTeam(size: 30)
        let teamChart = CompactChart(model: OrgModel(wide), options: .init(), diff: nil)
        let columns = try #require(teamChart.plan(teamChart.structure()).columns["t1"])
        #expect(columns >= 3 && columns <= 6)
        // The grid has that many cards a row: 30 cards in ⌈30 / columns⌉ rows of cards.
        let team = try #require(declaration(of: "t1", in: teamChart.build()))
        #expect(team.components(separatedBy: "<TR><TD PORT=").count - 1 == (30 + columns - 1) / columns)

        var many = Scenario(name: "Mange enheder", perspectives: [Perspective(id: "p", name: "P")])
        many.organisation.leaderForum = LeaderForum(name: "Lederforum", chair: "boss")
        many.staff.append(StaffMember(id: "boss", name: "Chef", title: "Direktør"))
        for u in 1...12 {
            many.organisation.units.append(Unit(id: "u\(u)", name: "Enhed \(u)", perspective: "p", lead: "lead\(u)"))
            many.staff.append(StaffMember(id: "lead\(u)", name: "Leder \(u)", title: "Leder", unit: "u\(u)"))
            for m in 1...3 { many.staff.append(StaffMember(id: "m\(u)-\(m)", name: "Medarbejder \(u).\(m)", title: "Bibliotekar", unit: "u\(u)")) }
        }
        let chart = CompactChart(model: OrgModel(many), options: .init(), diff: nil)
        let plan = chart.plan(chart.structure())
        #expect(plan.rows.count > 1)
        #expect(plan.rows.flatMap { $0 } == Array(0..<12))
        let rendered = try SlideFitTests.measure(try Graphviz.render(dot: chart.build(), format: .svg))
        #expect(rendered.aspect >= 1.3 && rendered.aspect <= 2.2, "\(rendered.width) × \(rendered.height)")
        #expect(chart.build().contains("style=invis"))
    }

    /// Rows are held in place by one invisible line a box below (a line per pair of nodes
    /// once made 735,000 lines for a 5,000-person chart by site).
    @Test func wrappedRowsCostOneInvisibleLineAPlaceNotAPair() throws {
        var scenario = Scenario(name: "Mange steder", sites: (1...6).map { TestScenarios.branch(id: "s\($0)", name: "Sted \($0)") })
        for u in 1...40 {
            scenario.organisation.units.append(Unit(id: "u\(u)", name: "Enhed \(u)"))
            for m in 1...6 {
                scenario.staff.append(StaffMember(id: "m\(u)-\(m)", name: "M \(u).\(m)", title: "Bibliotekar", unit: "u\(u)",
                                                  sites: ["s\((u + m) % 6 + 1)"]))
            }
        }
        let chart = CompactChart(model: OrgModel(scenario), options: .init(groupBy: .site), diff: nil)
        let plan = chart.plan(chart.structure())
        let dot = chart.build()
        let invisible = dot.split(separator: "\n").filter { $0.contains("style=invis") }.count
        let teams = dot.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("\"t") && $0.contains("[label=") }.count
        #expect(plan.rows.count > 1 && invisible > 0)
        #expect(invisible <= teams, "\(invisible) invisible lines for \(teams) teams")
        _ = try svg(dot)
    }

    @Test func theSameScenarioGivesTheSameBytes() throws {
        for options in [OrgChartOptions(), .init(groupBy: .site), .init(page: .a4Landscape)] {
            let dot = OrgChart.dot(library, options: options)
            #expect(dot == OrgChart.dot(library, options: options))
            #expect(try Graphviz.render(dot: dot, format: .svg) == Graphviz.render(dot: dot, format: .svg))
        }
    }

    @Test func theOrgDiffChartIsCompactWithEveryChangeMarked() throws {
        var other = library
        other.name = "Pitstop 2027"
        other.staff.removeAll { $0.id == "ulla" }
        other.staff.append(StaffMember(id: "new", name: "Ny Medarbejder", title: "Formidler", unit: "learning"))
        if let i = other.staff.firstIndex(where: { $0.id == "anna" }) { other.staff[i].unit = "citizen-team" }
        let dot = OrgDiffChart.dot(baseline: library, other: other)
        let parsed = try svg(dot)
        let texts = parsed.allTexts
        #expect(texts.contains("MOVED · from Det private menneske"))
        #expect(texts.contains("NEW"))
        #expect(parsed.node("rm")?.texts.prefix(2) == ["REMOVED · from Børn & unge", "Ulla Berg"])
        #expect(try #require(declaration(of: "rm", in: dot)).contains("STYLE=\"rounded,dashed\" BGCOLOR=\"\(DiffMarks.removedSwatch.fill)\""))
        #expect(dot.contains("BGCOLOR=\"\(DiffMarks.added.fill)\"") && dot.contains("BGCOLOR=\"\(DiffMarks.moved.fill)\""))
    }
}
