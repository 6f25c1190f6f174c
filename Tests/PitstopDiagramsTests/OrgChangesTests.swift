import GraphvizRendering
import PitstopModel
import Testing
import _PitstopTestSupport
@testable import PitstopDiagrams

@Suite struct OrgChangesTests {
    let baseline = TestScenarios.library

    /// One added (`new`), one removed (`ulla`), one moved (`anna`, to the citizen team).
    var other: Scenario {
        var other = baseline
        other.name = "Pitstop 2027"
        other.staff.removeAll { $0.id == "ulla" }
        other.staff.append(StaffMember(id: "new", name: "Ny Medarbejder", title: "Formidler", unit: "learning"))
        if let i = other.staff.firstIndex(where: { $0.id == "anna" }) { other.staff[i].unit = "citizen-team" }
        return other
    }

    @Test func findsAddedRemovedAndMovedPeople() {
        let changes = OrgChanges(baseline: baseline, other: other)
        #expect(changes == OrgChanges(
            added: ["new"], removed: ["ulla"],
            moved: [.init(id: "anna", from: "private-team", to: "citizen-team", fromSite: "branch-1", toSite: "branch-1")]))
        #expect(changes.moved[0].unitChanged && !changes.moved[0].siteChanged)
        #expect(OrgChanges(baseline: baseline, other: baseline).isEmpty)
    }

    @Test func aChangedHomeSiteIsAMove() {
        var moved = baseline
        if let i = moved.staff.firstIndex(where: { $0.id == "kirsten" }) { moved.staff[i].sites = ["main"] }
        let changes = OrgChanges(baseline: baseline, other: moved)
        #expect(changes.moved == [.init(id: "kirsten", from: "kids", to: "kids", fromSite: "branch-2", toSite: "main")])
        #expect(!changes.moved[0].unitChanged && changes.moved[0].siteChanged)
    }

    @Test func diffChartMarksEveryChange() throws {
        let dot = OrgDiffChart.dot(baseline: baseline, other: other)
        let (output, warnings) = try Graphviz.renderReportingWarnings(dot: dot, format: .svg)
        #expect(warnings.isEmpty)
        let parsed = try SVGInspector(output)
        // Anna moved (amber, with where from), the newcomer is new (green), Ulla is gone (red, dashed).
        let anna = try #require(parsed.nodes.first { $0.texts.contains("Anna Holm") })
        #expect(anna.texts.prefix(2) == ["MOVED · from Det private menneske", "Anna Holm"])
        #expect(try #require(declaration(of: anna.title, in: dot)).contains("BGCOLOR=\"\(DiffMarks.moved.fill)\""))
        let newcomer = try #require(parsed.nodes.first { $0.texts.contains("Ny Medarbejder") })
        #expect(newcomer.texts.prefix(2) == ["NEW", "Ny Medarbejder"])
        #expect(try #require(declaration(of: newcomer.title, in: dot)).contains("BGCOLOR=\"\(DiffMarks.added.fill)\""))
        let removed = try #require(parsed.node("rm"))
        #expect(removed.texts.prefix(2) == ["REMOVED · from Børn & unge", "Ulla Berg"])
        #expect(declaration(of: "rm", in: dot)?.contains("rounded,dashed") == true)
        #expect(nodeIDs(inCluster: "cluster_removed", of: dot) == ["rm"])
        // Unchanged people are white, their managers light grey.
        #expect(declaration(of: "forum", in: dot)?.contains("BGCOLOR=\"\(DiffMarks.unchanged.managerFill)\"") == true)
        let graph = try #require(parsed.groups.first { $0.kind == "graph" })
        for caption in ["Added (1)", "Moved (1)", "Removed (1)", "Unchanged"] {
            #expect(graph.texts.contains { $0.hasPrefix(caption) }, "\(caption)")
        }
        #expect(graph.texts.first == "Org changes: Pitstop-biblioteket → Pitstop 2027")
    }

    @Test func noChangesNoRemovedBox() throws {
        let dot = OrgDiffChart.dot(baseline: baseline, other: baseline, idPrefix: "d")
        #expect(!dot.contains("cluster_removed"))
        #expect(!dot.contains("NEW") && !dot.contains("MOVED"))
        _ = try SVGInspector(try Graphviz.render(dot: dot, format: .svg))
    }
}
