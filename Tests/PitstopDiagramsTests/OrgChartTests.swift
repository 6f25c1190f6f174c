import Foundation
import GraphvizRendering
import PitstopModel
import Testing
import _PitstopTestSupport
@testable import PitstopDiagrams

@Suite struct OrgChartTests {
    let library = TestScenarios.library

    func svg(_ dot: String, layout: Layout = .dot) throws -> SVGInspector {
        let (output, warnings) = try Graphviz.renderReportingWarnings(dot: dot, layout: layout, format: .svg)
        #expect(warnings.isEmpty, "Graphviz warned: \(warnings)")
        return try SVGInspector(output)
    }

    @Test func everyPersonHasOneNodeWithTheirText() throws {
        let parsed = try svg(OrgChart.dot(library, options: .init(style: .tree, stackThreshold: .max)))
        for (index, member) in library.staff.enumerated() {
            let nodes = parsed.nodes.filter { $0.title == "p\(index + 1)" }
            try #require(nodes.count == 1, "\(member.id)")
            let text = nodes[0].texts.joined(separator: " ")
            if member.isVacant {
                #expect(text.contains("vacant") && text.contains(member.title))
            } else {
                #expect(text.contains(member.displayName), "\(member.id): \(text)")
            }
        }
        #expect(parsed.nodes.filter { $0.title.hasPrefix("p") }.count == library.staff.count)
        #expect(parsed.node("org")?.texts.first == "Bibliotekerne")
    }

    @Test func awkwardNamesAndDanishLettersComeOutLiterally() throws {
        let output = try Graphviz.render(dot: OrgChart.dot(library, options: .init(style: .tree)), format: .svg)
        let parsed = try SVGInspector(output)
        let odd = try #require(parsed.node("p8"))
        #expect(odd.texts.joined(separator: " ").contains(TestScenarios.awkwardName))
        #expect(odd.texts.contains(#"&lt;ikke&gt; \N slut\"#))
        for name in ["Jens Ærø", "Åse Øster", "Bo Ågård", "Kirsten Æbelø"] {
            #expect(parsed.allTexts.contains(name))
        }
        let text = String(decoding: output, as: UTF8.self)
        #expect(text.contains("æ") && text.contains("ø") && text.contains("å") && text.contains("Æ") && text.contains("Ø") && text.contains("Å"))
    }

    @Test func nodeIDsNeverHoldPersonalData() throws {
        for options in [OrgChartOptions(), .init(groupBy: .site), .init(detail: .units), .init(style: .tree, stackThreshold: 1),
                        .init(groupBy: .site, style: .tree)] {
            let parsed = try svg(OrgChart.dot(library, options: options))
            #expect(parsed.nodes.count > 3, "\(options)")
            for node in parsed.nodes {
                #expect(node.title.wholeMatch(of: /org|forum|nounit|rm|[pulrt][0-9]+/) != nil, "\(node.title)")
            }
            for cluster in parsed.clusters {
                #expect(cluster.title.wholeMatch(of: /cluster_(forum|removed|[us][0-9]+)/) != nil, "\(cluster.title)")
            }
        }
    }

    @Test func arialEverywhere() throws {
        let dot = OrgChart.dot(library)
        #expect(dot.contains("graph [fontname=\"Arial\""))
        #expect(dot.contains("node [fontname=\"Arial\""))
        #expect(dot.contains("edge [fontname=\"Arial\""))
        let text = String(decoding: try Graphviz.render(dot: dot, format: .svg), as: UTF8.self)
        let families = Set(text.matches(of: /font-family="([^"]*)"/).map { String($0.1) })
        #expect(families == ["Arial"])
    }

    @Test func managersStandOutVacanciesAreDashedAndFTEShowsWhenNotOne() throws {
        let dot = OrgChart.dot(library, options: .init(style: .tree, stackThreshold: .max))
        let head = try #require(declaration(of: "p2", in: dot))
        #expect(head.contains("penwidth=2.2"))
        let member = try #require(declaration(of: "p5", in: dot))
        #expect(!member.contains("penwidth"))
        let vacancy = try #require(declaration(of: "p9", in: dot))
        #expect(vacancy.contains("style=\"rounded,dashed,filled\""))
        let parsed = try svg(dot)
        #expect(parsed.node("p9")?.texts == ["vacant", "Socialrådgiver"])
        #expect(parsed.node("p5")?.texts.contains("Bibliotekar · 0.8 FTE") == true)
        #expect(parsed.node("p3")?.texts.joined().contains("FTE") == false)
        // Competences by name, never by id.
        #expect(parsed.node("p5")?.texts.suffix(2) == ["Børnelitteratur", "Sundhedsinformation"])
        #expect(parsed.node("p8")?.texts.suffix(3) == ["Sundhedsinformation", "Digital hjælp · Referencearbejde", "+1"])
        #expect(!parsed.allTexts.contains { $0.contains("health-info") || $0.contains("children-lit") })
    }

    @Test func coloursFollowPerspectivesWithALegend() throws {
        let dot = OrgChart.dot(library, options: .init(style: .tree))
        let privateColour = try #require(RGB(css: "#E07A5F"))
        #expect(declaration(of: "p5", in: dot)?.contains("fillcolor=\"\(Swatch(base: privateColour).fill)\"") == true)
        // A site unit is neutral grey; "teal" is a CSS name.
        #expect(declaration(of: "p10", in: dot)?.contains("color=\"\(Swatch.neutral.border)\"") == true)
        #expect(dot.contains(Swatch(base: try #require(RGB(css: "teal"))).border))
        let graph = try #require(try svg(dot).groups.first { $0.kind == "graph" })
        for caption in ["Det private menneske", "Borgeren", "Den lærende", "Site unit / other", "Manager", "Vacant"] {
            #expect(graph.texts.contains { $0.hasPrefix(caption) }, "\(caption)")
        }
    }

    @Test func perspectiveUnitsShowTheSitesTheyCover() throws {
        let parsed = try svg(OrgChart.dot(library, options: .init(style: .tree)))
        let unit = try #require(parsed.clusters.first { $0.title == "cluster_u1" })
        #expect(unit.texts.contains("Hovedbiblioteket · Filial 1 · Filial 2 – Ørestad"))
        let learning = try #require(parsed.clusters.first { $0.title == "cluster_u5" })
        #expect(learning.texts.contains("Den lærende · Filial 2 – Ørestad"))
        // Nested unit inside its parent; the forum holds chair and members.
        let dot = OrgChart.dot(library, options: .init(style: .tree))
        #expect(nodeIDs(inCluster: "cluster_u1", of: dot).sorted() == ["p5", "p6", "p7"])
        #expect(nodeIDs(inCluster: "cluster_u2", of: dot).sorted() == ["p6", "p7"])
        #expect(nodeIDs(inCluster: "cluster_forum", of: dot) == ["p1", "p2", "p3", "p4"])
        #expect(unit.texts.contains("4 people · 3.3 FTE with sub-units"))
    }

    /// dot 2.42 reverses the roots of a cluster; the builder writes clusters backwards so
    /// that the chart reads left to right in file order.
    @Test func chartReadsLeftToRightInFileOrder() throws {
        let svg = String(decoding: try Graphviz.render(dot: OrgChart.dot(library, options: .init(style: .tree)), format: .svg), as: UTF8.self)
        func x(_ id: String) throws -> Double {
            let title = try #require(svg.firstRange(of: "<title>\(id)</title>"))
            let match = try #require(svg[title.upperBound...].firstMatch(of: /<text[^>]* x="([0-9.-]+)"/))
            return try #require(Double(match.1))
        }
        #expect(try x("p2") < x("p3") && x("p3") < x("p4"))  // forum members
        #expect(try x("p5") < x("p6"))  // Anna, then the Børn & unge box
        #expect(try x("p8") < x("p9"))  // inside Borgeren
        #expect(try x("p5") < x("p8") && x("p8") < x("p10"))  // unit boxes in file order
        // Team members under a lead inside the same box.
        let team = String(decoding: try Graphviz.render(
            dot: OrgChart.dot(TestScenarios.wideTeam(size: 4), options: .init(style: .tree)), format: .svg), as: UTF8.self)
        func teamX(_ id: String) throws -> Double {
            let title = try #require(team.firstRange(of: "<title>\(id)</title>"))
            let match = try #require(team[title.upperBound...].firstMatch(of: /<text[^>]* x="([0-9.-]+)"/))
            return try #require(Double(match.1))
        }
        #expect(try teamX("p3") < teamX("p4") && teamX("p4") < teamX("p5") && teamX("p5") < teamX("p6"))
    }

    @Test func treeStyleStacksWideTeamsInOneListBox() throws {
        let wide = TestScenarios.wideTeam(size: 12)
        let dot = OrgChart.dot(wide, options: .init(style: .tree))
        let parsed = try svg(dot)
        let list = try #require(parsed.node("l1"))
        for i in 1...11 { #expect(list.texts.contains("Medarbejder \(i)")) }
        #expect(list.texts.contains("vacant"))
        #expect(list.texts.contains("11 people · 1 vacant · 11.5 FTE"))
        #expect(parsed.nodes.filter { $0.title.hasPrefix("p") }.map(\.title) == ["p1", "p2"])
        #expect(dot.contains("\"p2\" -> \"l1\""))
        #expect(nodeIDs(inCluster: "cluster_u1", of: dot) == ["p2", "l1"])
        // At the threshold nothing is stacked; one more and the team is.
        #expect(!OrgChart.dot(TestScenarios.wideTeam(size: 6), options: .init(style: .tree)).contains("\"l1\""))
        #expect(OrgChart.dot(TestScenarios.wideTeam(size: 7), options: .init(style: .tree)).contains("\"l1\""))
        #expect(!OrgChart.dot(wide, options: .init(style: .tree, stackThreshold: .max)).contains("\"l1\""))
    }

    @Test func unitsDetailDrawsUnitsWithHeadcountAndFTE() throws {
        let parsed = try svg(OrgChart.dot(library, options: .init(detail: .units)))
        #expect(parsed.nodes.map(\.title).sorted() == ["forum", "nounit", "org", "u1", "u2", "u3", "u4", "u5"])
        #expect(parsed.node("u1")?.texts.contains("2 people · 1.8 FTE") == true)
        #expect(parsed.node("u1")?.texts.contains("with sub-units: 4 people · 3.3 FTE") == true)
        #expect(parsed.node("u3")?.texts.contains("2 people · 1 vacant · 3 FTE") == true)
        #expect(parsed.node("u4")?.texts.contains("Lead: Mette Holm") == true)
        #expect(parsed.node("nounit")?.texts.contains("1 person · 1 FTE") == true)
        #expect(parsed.node("forum")?.texts.contains("Chair: Jens Ærø · Direktør") == true)
        #expect(parsed.edges.count == 7)
    }

    @Test func treeStyleGroupingBySiteUsesTheHomeSite() throws {
        let dot = OrgChart.dot(library, options: .init(groupBy: .site, style: .tree, stackThreshold: .max))
        // Anna works at Filial 1 first, Kirsten at Filial 2; the group positions at the main library.
        #expect(nodeIDs(inCluster: "cluster_s1", of: dot) == ["p13", "p12", "p11", "p10", "p9", "p8", "p7"])
        #expect(nodeIDs(inCluster: "cluster_s2", of: dot) == ["p5"])
        #expect(nodeIDs(inCluster: "cluster_s3", of: dot) == ["p6"])
        let parsed = try svg(dot)
        #expect(parsed.clusters.map(\.title) == ["cluster_forum", "cluster_s1", "cluster_s2", "cluster_s3"])
        #expect(parsed.clusters[2].texts == ["Filial 1", "1 person · 0.8 FTE"])
        // By site, a person's unit is named in the box.
        #expect(parsed.node("p5")?.texts.contains("Det private menneske") == true)
    }

    @Test func idPrefixMakesElementIDsUniqueAndPrefixed() throws {
        let parsed = try svg(OrgChart.dot(library, options: .init(idPrefix: "a b")))
        let ids = parsed.groups.filter { $0.kind != "graph" }.map(\.id)
        #expect(ids.allSatisfy { $0.hasPrefix("a_b_") })
        let all = parsed.groups.map(\.id)
        #expect(Set(all).count == all.count)
        #expect(all.first == "a_b")
    }

    @Test func renderingTwiceIsByteIdentical() throws {
        for options in [OrgChartOptions(), .init(groupBy: .site), .init(detail: .units), .init(style: .tree)] {
            let dot = OrgChart.dot(library, options: options)
            #expect(dot == OrgChart.dot(library, options: options))
            #expect(try Graphviz.render(dot: dot, format: .svg) == Graphviz.render(dot: dot, format: .svg))
        }
    }

    @Test func clusteredChartIsIdenticalTwentyTimesInOneProcess() throws {
        let dot = OrgChart.dot(library)
        let first = try Graphviz.render(dot: dot, format: .svg)
        for _ in 1..<20 { #expect(try Graphviz.render(dot: dot, format: .svg) == first) }
    }

    @Test func concurrentRendersMatchSerialRenders() async throws {
        let site = library.sites[0]
        let jobs: [(String, Layout)] = [
            (OrgChart.dot(library), .dot),
            (OrgChart.dot(library, options: .init(groupBy: .site)), .dot),
            (FloorMap.dot(site: site, in: library), .nop),
            (OrgChart.dot(TestScenarios.wideTeam(size: 12)), .dot),
        ]
        let serial = try jobs.map { try Graphviz.render(dot: $0.0, layout: $0.1, format: .svg) }
        let results = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for i in 0..<32 {
                let job = jobs[i % jobs.count]
                group.addTask { (i % jobs.count, try Graphviz.render(dot: job.0, layout: job.1, format: .svg)) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 32)
        for (index, output) in results { #expect(output == serial[index]) }
    }

    @Test func snapshotOfTheLibraryOrgChart() {
        assertSnapshot(OrgChart.dot(TestScenarios.library), named: "org-chart-library")
    }

    @Test func snapshotOfTheLibraryOrgChartAsATree() {
        assertSnapshot(OrgChart.dot(TestScenarios.library, options: .init(style: .tree)), named: "org-chart-library-tree")
    }

    @Test func pngAndPdfRenderThroughCairo() throws {
        let dot = OrgChart.dot(library)
        let png = try Diagram.render(dot, layout: .dot, format: .png)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let pdf = try Diagram.render(dot, layout: .dot, format: .pdf)
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        #expect(try Diagram.render(dot, layout: .dot, format: .dot) == Array(dot.utf8))
    }

    @Test func emptyScenarioStillDraws() throws {
        let parsed = try svg(OrgChart.dot(Scenario(name: "Tom")))
        #expect(parsed.nodes.isEmpty && parsed.groups.first?.texts.first == "Tom")
        #expect(try svg(OrgChart.dot(Scenario(name: "Tom"), options: .init(style: .tree))).nodes.map(\.title) == ["org"])
        #expect(try svg(OrgChart.dot(Scenario(name: "Tom"), options: .init(detail: .units))).nodes.map(\.title) == ["org"])
    }

    @Test func reportingCyclesAndUnitParentCyclesDoNotHang() throws {
        var scenario = TestScenarios.library
        scenario.staff.append(StaffMember(id: "x", name: "X", title: "T", manager: "y"))
        scenario.staff.append(StaffMember(id: "y", name: "Y", title: "T", manager: "x"))
        scenario.organisation.units.append(Unit(id: "c1", name: "C1", parent: "c2"))
        scenario.organisation.units.append(Unit(id: "c2", name: "C2", parent: "c1"))
        let parsed = try svg(OrgChart.dot(scenario, options: .init(style: .tree)))
        #expect(parsed.node("p14") != nil && parsed.node("p15") != nil)
        _ = try svg(OrgChart.dot(scenario, options: .init(detail: .units)))
        let compact = try svg(OrgChart.dot(scenario))
        #expect(compact.allTexts.contains("X") && compact.allTexts.contains("Y"))
        _ = OrgChart.pages(scenario)
    }
}
