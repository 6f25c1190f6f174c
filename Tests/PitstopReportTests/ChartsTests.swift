import Foundation
import Testing
@testable import PitstopReport

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct ChartsTests {
    let names = ["Traditional <&> \"one\"", "Pitstop"]

    var charts: [String] {
        let input = Sample.input(names: names)
        return [
            Charts.hourlyOccupancy(input.hourlyOccupancy[0], scenarioNames: names, language: .en, id: "occ"),
            Charts.waitDistribution(input.waitDistributions, scenarioNames: names, language: .en, id: "wait"),
            Charts.kpiBars(input.kpiRows, scenarioNames: names, currency: "DKK", language: .en, id: "bars"),
            Charts.differences(input.kpiRows, other: 0, scenarioNames: names, currency: "DKK", language: .da, id: "diff"),
        ]
    }

    @Test func chartsAreWellFormedSVGWithTitlesAndLegends() throws {
        for svg in charts {
            let document = try XMLDocument(xmlString: svg, options: [])
            let root = try #require(document.rootElement())
            #expect(root.name == "svg")
            let attributes = Dictionary((root.attributes ?? []).map { ($0.name ?? "", $0.stringValue ?? "") },
                                        uniquingKeysWith: { a, _ in a })
            #expect(attributes["viewBox"]?.hasPrefix("0 0 ") == true, "attributes: \(attributes.keys.sorted())")
            #expect(attributes["role"] == "img")
            let title = try #require(root.elements(forName: "title").first)
            #expect(!(title.stringValue ?? "").isEmpty)
            #expect(svg.contains("font-family=\"'Liberation Sans', Arial, Helvetica, sans-serif\""))
            #expect(!svg.contains("<&>"))
        }
        // Legends name the scenarios, escaped.
        for svg in charts.prefix(3) {
            #expect(svg.contains("Traditional &lt;&amp;&gt; &quot;one&quot;"))
            #expect(svg.contains(">Pitstop</text>"))
        }
    }

    @Test func axesCarryTheirUnits() {
        let c = charts
        #expect(c[0].contains("Hour of day") && c[0].contains("Persons present (mean)") && c[0].contains(">10:00<"))
        #expect(c[1].contains("Wait (minutes)") && c[1].contains("Share of served dialogues (%)"))
        #expect(c[1].contains(">&lt; 1<") && c[1].contains(">1–4<") && c[1].contains(">60+<"))
        #expect(c[2].contains("Mean wait for a dialogue (min)") && c[2].contains("Annual staff cost (DKK)"))
        #expect(c[2].contains(">15 M<"))  // millions shortened on the axis
        #expect(c[3].contains("Ændring i forhold til udgangspunktets gennemsnit (%)"))
        #expect(c[3].contains("+31,2 %-point"))
    }

    @Test func chartsAreDeterministic() {
        #expect(charts == charts)
    }

    @Test func ticksAreRoundNumbers() {
        #expect(Ticks(low: 0, high: 97).values == [0, 20, 40, 60, 80, 100])
        #expect(Ticks(low: 0, high: 7.4, target: 3).values == [0, 2.5, 5, 7.5])
        #expect(Ticks(low: 0, high: 7.4, target: 3).decimals == 1)
        #expect(Ticks(low: -42, high: 71, target: 6).values == [-60, -40, -20, 0, 20, 40, 60, 80])
        #expect(Ticks(low: 0, high: 0).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test func waitBinsGrowWider() {
        let bins = Charts.waitBins(minutes: 60, under1: "< 1")
        #expect(bins.map(\.label) == ["< 1", "1–4", "5–9", "10–14", "15–19", "20–29", "30–44", "45–59", "60+"])
        #expect(bins.map(\.range.count).reduce(0, +) == 61)
        let short = Charts.waitBins(minutes: 12, under1: "< 1")
        #expect(short.map(\.label) == ["< 1", "1–4", "5–9", "10–11", "12+"])
    }

    @Test func theDifferenceChartLeavesOutWhatTheTableCannotSayInPercent() {
        // From almost nothing to 2.2 is "+24,000 %": the table says "–", so no mark here.
        let rows = [row("turnaways", base: 0.009, other: 2.2, low: 1.9, high: 2.5),
                    row("dialogues_served", base: 100, other: 120, low: 15, high: 25)]
        let svg = Charts.differences(rows, other: 0, scenarioNames: ["A", "B"], currency: "DKK",
                                     language: .en, id: "d")
        #expect(svg.components(separatedBy: "<circle").count - 1 == 1)
        #expect(!svg.contains("24,"))
    }

        @Test func theDifferenceChartColoursOnlyClearDifferences() {
        let input = Sample.input()
        let svg = Charts.differences(input.kpiRows, other: 0, scenarioNames: input.scenarioNames,
                                     currency: "DKK", language: .en, id: "d")
        // One mark per KPI row with a change; the colour says better/worse/unclear.
        let marks = svg.components(separatedBy: "<circle").dropFirst()
        #expect(marks.count == input.kpiRows.count)
        let better = marks.filter { $0.contains("fill=\"\(Palette.better)\"") }.count
        let worse = marks.filter { $0.contains("fill=\"\(Palette.worse)\"") }.count
        let claimed = input.kpiRows.filter { $0.isClaimed(0) }
        #expect(worse == 1)  // staff travel hours
        #expect(better == claimed.count - 2)  // all but travel hours and utilisation (neutral)
    }
}
