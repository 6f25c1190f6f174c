import Foundation
import GraphvizRendering
import PitstopDiagrams
import PitstopModel
import PitstopScenario
import PitstopSimulation
import PitstopStudy
import Testing

/// Issue 16: a control character in a name validates and reaches the drawings and the report;
/// none may come out in any HTML or SVG text the program writes.
@Suite struct ControlCharacterTests {
    /// A scenario whose names hold BEL (`\a`, `\x07`), ESC (`\e`), DEL and a C1 control (NEL,
    /// `\N`) — YAML escapes in double-quoted scalars.
    static let yaml = #"""
        format: 1
        name: "Biblioteket\a med klokke"
        perspectives:
          - { id: private, name: "Det private\x07 menneske" }
        competences:
          - { id: reference, name: "Reference\ebetjening" }
        sites:
          - id: main
            name: "Hoved\x7Fbiblioteket"
            staffed_hours: { mon-fri: "10:00-16:00" }
            zones:
              - { id: hall, name: "Hallen\Nved indgangen", perspective: private, capacity: 40, at: [0, 0], size: [20, 10] }
              - { id: nook, name: "Krog\a", capacity: 2, at: [20, 0], size: [1, 1] }
            links: [[hall, nook]]
        organisation:
          leader_forum: { name: "Leder\aforum", chair: boss, members: [lead] }
          units:
            - { id: team, name: "Team\x07et", perspective: private, lead: lead, covers: [{ site: main, zones: [hall] }] }
        staff:
          - { id: boss, name: "Chef\a Christensen", title: "Direktør\x07", sites: [main] }
          - { id: lead, name: "Lea\x07 Leder", title: Teamleder, unit: team, competences: [reference] }
          - { id: anna, name: "Anna\a Holm", title: "Bibliotekar\e", profession: librarian, unit: team, competences: [reference] }
          - { id: bo, name: "Bo\x1B Berg", title: Bibliotekar, unit: team }
        personas:
          - id: visitor
            name: "Den\a besøgende"
            perspective: private
            arrivals_per_hour: { main: 6 }
            route: [{ zone: hall, dwell: "uniform(10, 20)" }]
            dialogue: { p: 0.3, zone: hall, competence: reference, duration: "uniform(5, 10)", patience: exp(10) }
        """#

    /// Scalars that must never reach an HTML or SVG text: C0 controls other than tab and the
    /// line breaks, DEL, and C1 controls.
    static func controls(in text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter {
            ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || (0x7F...0x9F).contains($0)
        }
    }

    static func scenario() throws -> Scenario {
        let result = ScenarioLoader.load(yaml: yaml, path: "control.yaml")
        let scenario = try #require(result.scenario, "\(result.renderedDiagnostics)")
        // The control characters did get through loading: this is what the outputs must handle.
        #expect(scenario.name == "Biblioteket\u{7} med klokke")
        #expect(scenario.staff.contains { $0.name == "Bo\u{1B} Berg" })
        #expect(scenario.sites[0].zones[0].name == "Hallen\u{85}ved indgangen")
        return scenario
    }

    @Test func theDrawingsShowNoControlCharacter() throws {
        let scenario = try Self.scenario()
        var files = try DrawStudy.files(scenario, charts: .all, format: .svg, orgChart: OrgChartOptions(), language: .en)
        files += try DrawStudy.files(scenario, charts: .org, format: .svg, orgChart: OrgChartOptions(groupBy: .site, style: .tree),
                                     language: .da)
        files += try DrawStudy.files(scenario, charts: .org, format: .svg, orgChart: OrgChartOptions(detail: .units), language: .en)
        #expect(files.count >= 5)
        for file in files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(Self.controls(in: text).isEmpty, "\(file.name): \(Self.controls(in: text))")
        }
        // The names are drawn, their control characters as spaces.
        let chart = String(decoding: files[0].bytes, as: UTF8.self)
        #expect(chart.contains("Anna &#160;Holm"))  // two spaces: the bell's and the name's
    }

    @Test func theReportAndItsSVGsShowNoControlCharacter() throws {
        let scenario = try Self.scenario()
        var other = scenario
        other.name = "Andet\u{7} scenarie"
        other.staff.removeAll { $0.id == "bo" }
        let study = ComparisonStudy.run([scenario, other], files: ["a.yaml", "b.yaml"],
                                        options: RunOptions(days: 1, replications: 2, seed: 7, jobs: 1), language: .da)
        let outputs = try study.outputs()
        let html = try #require(outputs.files.first { $0.name == "report.html" })
        let report = String(decoding: html.bytes, as: UTF8.self)
        #expect(report.contains("Biblioteket\u{FFFD} med klokke"))
        for file in outputs.files where file.name.hasSuffix(".html") || file.name.hasSuffix(".svg") {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(Self.controls(in: text).isEmpty, "\(file.name): \(Self.controls(in: text))")
        }
    }
}
