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
        // Staff order of `other`: anna is p5, the newcomer p13 (ulla is gone).
        let anna = try #require(parsed.node("p5"))
        #expect(anna.texts.prefix(2) == ["MOVED · from Det private menneske", "Anna Holm"])
        #expect(declaration(of: "p5", in: dot)?.contains("fillcolor=\"\(DiffMarks.moved.fill)\"") == true)
        let newcomer = try #require(parsed.node("p13"))
        #expect(newcomer.texts.prefix(2) == ["NEW", "Ny Medarbejder"])
        #expect(declaration(of: "p13", in: dot)?.contains("fillcolor=\"\(DiffMarks.added.fill)\"") == true)
        let removed = try #require(parsed.node("r1"))
        #expect(removed.texts.prefix(2) == ["REMOVED · from Børn & unge", "Ulla Berg"])
        #expect(declaration(of: "r1", in: dot)?.contains("dashed") == true)
        #expect(nodeIDs(inCluster: "cluster_removed", of: dot) == ["r1"])
        #expect(declaration(of: "p4", in: dot)?.contains("fillcolor=\"\(DiffMarks.unchanged.managerFill)\"") == true)
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
