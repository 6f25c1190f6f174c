import Foundation
import Testing
@testable import PitstopDeck
import PitstopModel
import PitstopReport

/// A two-scenario comparison with small Graphviz-like drawings.
enum DeckSample {
    static func orgChart(width: Int, labels: Int, fontSize: Double = 10) -> String {
        var s = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <svg width="\(width)pt" height="300pt" viewBox="0.00 0.00 \(width).00 300.00" xmlns="http://www.w3.org/2000/svg">
        <g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(4 296)">
        <polygon fill="white" stroke="transparent" points="-4,4 -4,-296 \(width - 4),-296 \(width - 4),4 -4,4"/>

        """
        for i in 0..<labels {
            let x = 10 + i * 150
            s += "<rect x=\"\(x)\" y=\"-200\" width=\"140\" height=\"40\" fill=\"#d8e5ed\" stroke=\"#3a789e\"/>"
            s += "<text x=\"\(x + 6)\" y=\"-176\" font-family=\"Arial\" font-size=\"\(fontSize)\">Person \(i) æøå</text>\n"
        }
        return s + "</g>\n</svg>\n"
    }

    static func row(_ kpi: String, _ base: Double, _ other: Double, _ low: Double, _ high: Double) -> KPIComparisonRow {
        KPIComparisonRow(kpi: kpi, baseline: Interval(mean: base, low: base * 0.98, high: base * 1.02),
                         others: [Interval(mean: other, low: other * 0.98, high: other * 1.02)],
                         differences: [Interval(mean: other - base, low: low, high: high)])
    }

    static func input(_ language: ReportLanguage = .en, names: [String] = ["Traditionelt", "Pitstop"]) -> ReportInput {
        ReportInput(
            title: names.joined(separator: " vs "), language: language, scenarioNames: names,
            kpiRows: [
                row("visits", 412.3, 415.8, -1.2, 8.2),
                row("dialogues_served", 71.2, 88.9, 15.2, 20.2),
                row("served_share", 0.739, 0.915, 0.152, 0.200),
                row("wait_mean_min", 6.2, 4.0, -2.6, -1.8),
                row("abandoned", 25.2, 8.2, -19.1, -14.9),
            ] + (0..<8).map { row("turnaways", 3.1 + Double($0), 3.4, -0.4, 1.0) },
            orgChartSVGs: [orgChart(width: 400, labels: 2), orgChart(width: 3000, labels: 19, fontSize: 8)],
            orgChanges: [OrgChangeList(added: [.init(name: "Ny <Person>", unit: "Team")],
                                       moved: (0..<30).map { .init(name: "P\($0)", from: "A", to: "B") },
                                       diagramSVG: orgChart(width: 500, labels: 3))],
            floorMaps: [FloorMaps(site: "Hovedbiblioteket", svgs: [orgChart(width: 600, labels: 3), ""])],
            hourlyOccupancy: [SiteOccupancy(site: "Hovedbiblioteket", series: [Array(repeating: 10, count: 24), Array(repeating: 12, count: 24)])],
            inputChanges: [[InputChange(path: "staff.lib-main.count", from: "4", to: "6")]],
            assumptions: Assumptions(seed: 2339, replications: 20, days: 28, programVersion: "test",
                                     scenarioFiles: ["a.yaml", "b.yaml"], notes: ["Paired."]))
    }
}

@Suite struct ComparisonDeckTests {
    @Test func theSameInputGivesTheSameBytes() throws {
        let input = DeckSample.input()
        #expect(try ComparisonDeck.pptx(input) == ComparisonDeck.pptx(input))
    }

    @Test func theDeckHoldsEveryPartOfTheStoryInOrder() throws {
        let deck = try ComparisonDeck.build(DeckSample.input())
        let titles = deck.slides.map(\.title)
        func index(_ prefix: String) -> Int? { titles.firstIndex { $0.hasPrefix(prefix) } }
        let order = ["Traditionelt vs Pitstop", "The answer", "Key figures", "Organisation: Traditionelt", "Organisation: Pitstop",
                     "What changed in the input", "Changes in the organisation", "The changes drawn", "Heat map",
                     "What changes from the baseline", "Assumptions"]
        let positions = order.map(index)
        #expect(!positions.contains(nil), "missing: \(zip(order, positions).filter { $0.1 == nil }.map(\.0))")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "out of order: \(titles)")
        // 13 key figures, at most 10 a slide: two table slides, each with its header row.
        let tables = deck.slides.flatMap(\.elements).compactMap { if case .table(let t) = $0 { t } else { nil } }
        #expect(tables.count == 2 && tables.map { $0.rows.count - 1 }.reduce(0, +) == 13)
        #expect(tables.allSatisfy { $0.rows.allSatisfy { $0.count == 6 } })
    }

    @Test func aLargeOrgChartIsFollowedByReadablePartsAndSmallOnesAreNot() throws {
        let deck = try ComparisonDeck.build(DeckSample.input())
        let small = deck.slides.filter { $0.title.hasPrefix("Organisation: Traditionelt") }
        let large = deck.slides.filter { $0.title.hasPrefix("Organisation: Pitstop") }
        #expect(small.count == 1)
        #expect(large.count > 2 && large.dropFirst().allSatisfy { $0.title.contains("part") })
        // Every part shows 8 pt text at 6 pt or more on the slide.
        for slide in large.dropFirst() {
            #expect(slide.elements.contains { if case .picture = $0 { true } else { false } }, "\(slide.title)")
            for case .picture(let picture) in slide.elements {
                #expect(picture.frame.width <= ComparisonDeck.content.width + 0.5)
            }
        }
    }

    @Test func aPagedOrgChartShowsItsPagesInsteadOfPartsAndJourneysFollowTheCharts() throws {
        var input = DeckSample.input()
        input.orgChartPages = [[], [DiagramPage(title: "Overview", svg: DeckSample.orgChart(width: 500, labels: 3)),
                                    DiagramPage(title: "Børn og unge", svg: DeckSample.orgChart(width: 600, labels: 4))]]
        input.journeys = [JourneyDiagram(perspective: "Borgeren", scenario: 0, svg: DeckSample.orgChart(width: 500, labels: 3)),
                          JourneyDiagram(perspective: "Borgeren", scenario: 1, svg: DeckSample.orgChart(width: 500, labels: 3))]
        let titles = try ComparisonDeck.build(input).slides.map(\.title)
        let pitstop = titles.filter { $0.hasPrefix("Organisation: Pitstop") }
        #expect(pitstop == ["Organisation: Pitstop", "Organisation: Pitstop — Overview", "Organisation: Pitstop — Børn og unge"])
        #expect(titles.filter { $0.hasPrefix("Journeys: Borgeren") } == ["Journeys: Borgeren — Traditionelt", "Journeys: Borgeren — Pitstop"])
        let journeys = try #require(titles.firstIndex { $0.hasPrefix("Journeys") })
        #expect(journeys > (titles.firstIndex { $0.hasPrefix("Heat map") } ?? titles.count))
        #expect(journeys < (titles.firstIndex { $0.hasPrefix("Assumptions") } ?? 0))
    }

    @Test func picturesArePNGAtTwiceTheirSizeOnTheSlide() throws {
        let deck = try ComparisonDeck.build(DeckSample.input())
        var count = 0
        for case .picture(let picture) in deck.slides.flatMap(\.elements) {
            count += 1
            #expect(Array(picture.png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
            func u32(_ i: Int) -> Int { picture.png[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
            #expect(abs(u32(16) - Int((picture.frame.width * 192 / 72).rounded())) <= 1, "\(picture.description)")
            #expect(abs(u32(20) - Int((picture.frame.height * 192 / 72).rounded())) <= 1, "\(picture.description)")
            #expect(!picture.description.isEmpty)
        }
        #expect(count >= 6)
    }

    @Test func everySlideHasNotesWithTheRunSettingsAndTheAnswerHasItsIntervals() throws {
        let deck = try ComparisonDeck.build(DeckSample.input())
        for slide in deck.slides {
            #expect(slide.notes.contains("20 replications × 28 days · seed 2339"), "\(slide.title)")
        }
        let answer = try #require(deck.slides.first { $0.title.hasPrefix("The answer") })
        #expect(answer.notes.contains("Dialogues served per day: +25 % (+21 % to +28 %), from 71.2 to 88.9 — higher, better."))
        let text = answer.elements.compactMap { if case .text(let box) = $0 { box.paragraphs.map(\.text).joined(separator: " ") } else { nil } }
        #expect(text.contains { $0.contains("95 %: +21 % to +28 %") })
    }

    @Test func danishDecksSpeakDanish() throws {
        let deck = try ComparisonDeck.build(DeckSample.input(.da))
        #expect(deck.languageTag == "da-DK")
        let titles = deck.slides.map(\.title)
        for prefix in ["Svaret", "Nøgletal", "Organisation", "Ændringer i organisationen", "Varmekort", "Forudsætninger"] {
            #expect(titles.contains { $0.hasPrefix(prefix) }, "no '\(prefix)' slide in \(titles)")
        }
        #expect(deck.slides.allSatisfy { $0.notes.contains("gentagelser × 28 dage") })
        #expect(!titles.contains { $0.contains("Key figures") || $0.contains("The answer") })
    }

    @Test func aMissingDrawingSaysSoInsteadOfFailing() throws {
        var input = DeckSample.input()
        input.orgChartSVGs = ["", "<svg broken"]
        let deck = try ComparisonDeck.build(input)
        let org = deck.slides.filter { $0.title.hasPrefix("Organisation:") }
        #expect(org.count == 2)
        for slide in org {
            #expect(slide.elements.contains { if case .text(let b) = $0 { b.paragraphs.first?.text == "Not drawn" } else { false } })
        }
    }
}
