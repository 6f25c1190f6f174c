import Foundation
import Testing

@testable import PitstopReport

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The hourly dialogues chart: asked (dashed) and served (solid) lines per scenario.
@Suite struct HourlyChartsTests {
    let names = ["Baseline <&>", "What-if"]
    var hourly: SiteHourlyDialogues {
        var asked = Array(repeating: 0.0, count: 24), served = Array(repeating: 0.0, count: 24)
        for h in 10..<18 {
            asked[h] = Double(h)
            served[h] = Double(h) / 2
        }
        return SiteHourlyDialogues(site: "Main & co", requested: [asked, asked.map { $0 * 1.2 }],
                                   served: [served, served.map { $0 * 1.5 }])
    }

    @Test func aPairOfLinesPerScenarioOverTheBusyHours() throws {
        let svg = Charts.hourlyDialogues(hourly, scenarioNames: names, language: .en, id: "h1")
        let document = try XMLDocument(xmlString: svg, options: [])
        #expect(document.rootElement()?.name == "svg")
        #expect(svg.contains("Dialogues by hour of day — Main &amp; co"))
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 4)
        #expect(svg.components(separatedBy: "stroke-dasharray=\"5 3\"").count - 1 >= 2)
        #expect(svg.contains("Baseline &lt;&amp;&gt;: served") && svg.contains("What-if: asked"))
        // Busy from 10 to 18: the axis runs 10:00 … 18:00, not midnight to midnight.
        #expect(svg.contains(">10:00<") && svg.contains(">18:00<") && !svg.contains(">02:00<"))
        #expect(svg.contains("What-if, 17:00–18:00: served 12.8, asked 20.4"))
    }

    @Test func inDanishWithDanishNumbers() {
        let svg = Charts.hourlyDialogues(hourly, scenarioNames: names, language: .da, id: "h2")
        #expect(svg.contains("Samtaler pr. time — Main &amp; co"))
        #expect(svg.contains("gennemført 12,8, ønsket 20,4"))
    }

    @Test func emptyAndBrokenSeriesDrawWithoutTrapping() throws {
        let odd = SiteHourlyDialogues(site: "x", requested: [[.nan, .infinity, -3]], served: [[]])
        let svg = Charts.hourlyDialogues(odd, scenarioNames: ["only"], language: .en, id: "h3")
        _ = try XMLDocument(xmlString: svg, options: [])
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }
}
