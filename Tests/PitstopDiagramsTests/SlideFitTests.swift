import Foundation
import GraphvizRendering
import PitstopModel
import PitstopScenario
import Testing
import _PitstopTestSupport
@testable import PitstopDiagrams

/// Org charts that fit a slide (issue 14): organisations of 5, 20 (small teams on two
/// sites), 58 (the bundled scenarios) and 150 people, paged where one page is not legible.
@Suite struct SlideFitTests {
    /// The repository's root folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = [
        "Tests/PitstopDiagramsTests/Fixtures/org-5.yaml",
        "docs/examples/two-site-library.yaml",
        "Scenarios/traditional.yaml",
        "Scenarios/pitstop.yaml",
        "Scenarios/pitstop-recruit.yaml",
        "Tests/PitstopDiagramsTests/Fixtures/org-150.yaml",
    ]

    static func load(_ path: String) throws -> Scenario {
        let result = ScenarioLoader.load(path: root.appendingPathComponent(path).path)
        return try #require(result.scenario, "\(path): \(result.renderedDiagnostics)")
    }

    /// What a page of SVG measures: its size in points, its smallest text, its drawn lines.
    struct Measured {
        var width: Double
        var height: Double
        var smallestText: Double
        var edges: Int
        var aspect: Double { width / height }
        /// The smallest text once the page is fitted to a slide.
        var smallestOnSlide: Double { PageShape.slide.fittingScale(width: width, height: height) * smallestText }
    }

    static func measure(_ svg: [UInt8]) throws -> Measured {
        let text = String(decoding: svg, as: UTF8.self)
        let size = try #require(text.firstMatch(of: /<svg width="([0-9.]+)pt" height="([0-9.]+)pt"/))
        let fonts = text.matches(of: /font-size="([0-9.]+)"/).compactMap { Double($0.1) }
        // Invisible lines have a group but nothing drawn in it.
        let edges = text.split(separator: "<g id=").filter { $0.contains("class=\"edge\"") && $0.contains("<path") }.count
        return Measured(width: try #require(Double(size.1)), height: try #require(Double(size.2)),
                        smallestText: fonts.min() ?? 0, edges: edges)
    }

    @Test(arguments: fixtures)
    func everyPageFitsASlideLegiblyWithOneLinePerTeam(_ path: String) throws {
        let scenario = try Self.load(path)
        let pages = OrgChart.pages(scenario)
        let managers = Set(ReportingTree(scenario).managerOf.values).count
        let units = scenario.organisation.units.count
        #expect(!pages.isEmpty)
        for page in pages {
            let (svg, warnings) = try Graphviz.renderReportingWarnings(dot: page.dot, format: .svg)
            #expect(warnings.isEmpty, "\(path) \(page.name): \(warnings)")
            let m = try Self.measure(svg)
            #expect(m.aspect >= 1.3 && m.aspect <= 2.2, "\(path) \(page.name): \(m.width) × \(m.height) pt, aspect \(m.aspect)")
            #expect(m.smallestOnSlide >= PageShape.minimumLegiblePointSize,
                    "\(path) \(page.name): \(m.smallestText) pt text is \(m.smallestOnSlide) pt on a slide")
            #expect(m.edges <= units + managers, "\(path) \(page.name): \(m.edges) lines, \(units) units, \(managers) managers")
        }
    }

    @Test func theWholeChartIsOnePageWhenItIsLegibleAndPagedByUnitWhenNot() throws {
        let small = OrgChart.pages(try Self.load("docs/examples/two-site-library.yaml"))
        #expect(small.map(\.name) == ["org"])
        #expect(small[0].dot == OrgChart.dot(try Self.load("docs/examples/two-site-library.yaml")))
        let large = try Self.load("Tests/PitstopDiagramsTests/Fixtures/org-150.yaml")
        let pages = OrgChart.pages(large)
        #expect(pages.first?.name == "overview")
        // Every top-level unit has its page, in file order, after the overview.
        let top = large.organisation.units.filter { $0.parent == nil }.map(\.id)
        let names = pages.map(\.name)
        #expect(top.allSatisfy(names.contains))
        #expect(top == names.filter(top.contains))
        // Everyone in a unit is on a unit's page by name; the forum is on the overview.
        let texts = try pages.dropFirst().flatMap { try SVGInspector(try Graphviz.render(dot: $0.dot, format: .svg)).allTexts }
        for member in large.staff where member.name != nil && member.unit != nil {
            #expect(texts.contains(member.name!), "\(member.id)")
        }
        let overview = try SVGInspector(try Graphviz.render(dot: pages[0].dot, format: .svg))
        #expect(overview.node("forum")?.texts.contains("Marianne Krogh") == true)
        #expect(overview.nodes.filter { $0.title.hasPrefix("u") }.count == top.count)
        // Grouped by site, or in the tree style, the chart is one page.
        #expect(OrgChart.pages(large, options: .init(groupBy: .site)).map(\.name) == ["org"])
        #expect(OrgChart.pages(large, options: .init(style: .tree)).map(\.name) == ["org"])
    }

    /// The 20-person library that once came out as a 4:1 strip of 16 curved lines.
    @Test func theTwoSiteLibraryOfTwentyIsCompact() throws {
        let scenario = try Self.load("docs/examples/two-site-library.yaml")
        let svg = try Graphviz.render(dot: OrgChart.dot(scenario), format: .svg)
        let m = try Self.measure(svg)
        #expect(m.edges == 3)  // a line from each team lead in the forum to their team
        #expect(m.aspect < 2.2)
        let parsed = try SVGInspector(svg)
        // One grid per team, every person in it by name; the leads in the forum box.
        #expect(parsed.nodes.map(\.title).sorted() == ["forum", "t1", "t2", "t3"])
        #expect(parsed.node("forum")?.texts.contains("Mette Ravn") == true)
        #expect(parsed.node("t1")?.texts.contains("Anna Lund") == true)
    }
}
