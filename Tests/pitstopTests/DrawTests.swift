import Foundation
import Testing

/// `pitstop draw`: journeys, pages, and Danish words only.
@Suite struct DrawTests {
    @Test func journeysAreDrawnOnePerPerspective() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let r = try CommandRunner.run(["draw", "Scenarios/pitstop.yaml", "--chart", "journeys", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".svg") }.sorted()
        #expect(files == ["journeys-citizen.svg", "journeys-private.svg", "journeys-professional.svg"])
        let text = try String(contentsOf: dir.appendingPathComponent("journeys-private.svg"), encoding: .utf8)
        for name in ["Den gravide", "Børnefamilien", "Fordybelse", "Samtalerummet", "Sundhedsinformation og kildekritik"] {
            #expect(text.contains(name), "\(name)")
        }
    }

    @Test func allDrawsThePagedOrgChartFloorMapsAndJourneys() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let r = try CommandRunner.run(["draw", "Scenarios/pitstop.yaml", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        for name in ["orgchart.svg", "orgchart-overview.svg", "orgchart-private-team.svg", "floor-main.svg",
                     "journeys-private.svg", "journeys-citizen.svg", "journeys-professional.svg"] {
            #expect(files.contains(name), "\(name)")
        }
        #expect(r.stdout.split(separator: "\n").count == files.filter { $0.hasSuffix(".svg") }.count)
    }

    /// With `--lang da` no competence id of the scenario appears in any drawing: competences
    /// are shown by their names.
    @Test func inDanishNoCompetenceIDAppearsInAnySVG() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let r = try CommandRunner.run(["draw", "Scenarios/pitstop.yaml", "--lang", "da", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let base = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("Scenarios/library-base.yaml"), encoding: .utf8)
        let block = try #require(base.components(separatedBy: "competences:\n").dropFirst().first?.components(separatedBy: "\n# ---").first)
        let ids = block.matches(of: /- id: ([a-z0-9-]+)/).map { String($0.1) }
        #expect(ids.count == 13)
        let svgs = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".svg") }
        #expect(svgs.count >= 8)
        for name in svgs {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            // Only the words drawn: the text of <text> elements.
            // Graphviz writes "-" as "&#45;".
            let drawn = text.matches(of: /<text[^>]*>([^<]*)<\/text>/).map { String($0.1) }.joined(separator: "\n")
                .replacingOccurrences(of: "&#45;", with: "-").replacingOccurrences(of: "&amp;", with: "&")
            for id in ids {
                let whole = try Regex("(^|[^a-zæøå-])\(id)($|[^a-zæøå-])")
                #expect(drawn.firstMatch(of: whole) == nil, "\(name) shows the competence id '\(id)'")
            }
            #expect(drawn.contains("Sundhedsinformation") || !name.hasPrefix("journeys-private"), "\(name)")
        }
    }
}
