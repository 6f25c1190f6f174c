import Foundation
import PitstopModel
import Testing
@testable import PitstopReport

@Suite struct HTMLTests {
    /// Every value of an `id` attribute in `text`, in order.
    static func ids(in text: String) -> [String] {
        var result: [String] = []
        for quote in ["\"", "'"] {
            let parts = text.components(separatedBy: " id=\(quote)").dropFirst()
            result += parts.compactMap { $0.components(separatedBy: quote).first }
        }
        return result
    }

    @Test func everySectionIsPresentInOrder() {
        let html = HTMLReport.render(Sample.input())
        var position = html.startIndex
        for id in HTMLReport.sectionIDs {
            let range = html.range(of: "<section id=\"\(id)\"", range: position..<html.endIndex)
            #expect(range != nil, "section \(id) missing or out of order")
            if let range { position = range.upperBound }
        }
        #expect(HTMLReport.sectionIDs.count == 9)
        #expect(Sample.drawings(in: html) == Sample.svgCount(Sample.input()))
    }

    @Test func aPagedOrgChartPrintsItsPagesNotPartsOfTheWhole() {
        var input = Sample.input()
        input.orgChartPages = [
            [DiagramPage(title: "Overview", svg: Sample.orgChart(root: "Lederforum", children: ["A", "B"], colour: "#c9d3dd")),
             DiagramPage(title: "Unit A", svg: Sample.orgChart(root: "A", children: ["Anne", "Bo"], colour: "#c9d3dd"))],
            [],
        ]
        let html = HTMLReport.render(input)
        #expect(Sample.drawings(in: html) == Sample.svgCount(input))
        #expect(Sample.svgCount(input) == Sample.svgCount(Sample.input()) + 2)
        let base = Sample.baselineName, other = Sample.otherName
        #expect(html.contains("Organisation charts: \(base) — Overview</p>"))
        #expect(html.contains("Organisation charts: \(base) — Unit A</p>"))
        // The paged scenario's whole chart is not printed; the other one's is.
        #expect(!html.contains("Organisation charts: \(base)</p>"))
        #expect(html.contains("Organisation charts: \(other)</p>"))
        // Ids stay unique with the pages' drawings inlined.
        let ids = Self.ids(in: html)
        #expect(Set(ids).count == ids.count)
    }

    @Test func journeysHaveTheirSectionOnePerPerspectiveWithEachScenario() throws {
        let input = Sample.input()
        #expect(input.journeys.count == 4)
        let html = HTMLReport.render(input)
        let start = try #require(html.range(of: "<section id=\"journeys\" class=\"diagrams\""))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        let section = String(html[start.lowerBound..<end.upperBound])
        #expect(section.components(separatedBy: "<figure class=\"diagram\"").count - 1 == 4)
        #expect(section.components(separatedBy: "<h3>").count - 1 == 2)
        #expect(html.contains("Det private menneske: \(Sample.otherName)</p>"))
        let empty = HTMLReport.render(ReportInput(title: "t", scenarioNames: ["a"], kpiRows: [], assumptions: input.assumptions))
        #expect(empty.contains("<section id=\"journeys\""))
    }

    @Test func theSmallestTextOfALargeDrawingIsFoundWhateverComesBeforeIt() throws {
        // Thousands of labels with non-ASCII names: the measure is one pass over the bytes.
        var svg = "<svg width=\"4000pt\" height=\"2000pt\" viewBox=\"0.00 0.00 4000.00 2000.00\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<g id=\"graph0\" class=\"graph\" transform=\"scale(1 1) rotate(0) translate(4 1996)\">"
        for i in 0..<5_000 {
            let size = i == 3_777 ? "6.5" : i.isMultiple(of: 2) ? "10" : "8.25"
            svg += "<text x=\"\(i)\" y=\"-10\" font-family=\"Arial\" font-size=\"\(size)\">Søren Østergaard \(i) ✓</text>"
        }
        svg += "</g></svg>"
        let drawing = try #require(SVGDrawing(svg))
        #expect(drawing.smallestFontSize == 6.5)
        #expect(drawing.firstGroupID == "graph0")
        #expect(SVGDrawing.smallestFontSize(in: "<svg><text font-size=\"") == nil)
        #expect(SVGDrawing.smallestFontSize(in: "<text font-size=\"0\"/><text font-size=\"12px\"/>") == 12)
    }

    @Test func aLongListOfInputChangesPrintsItsFirstRowsAndSaysHowManyMore() {
        var input = Sample.input()
        input.inputChanges = [(0..<100).map { InputChange(path: "staff.p\($0).fte", from: "1", to: "0.5") }]
        let html = HTMLReport.render(input)
        let limit = HTMLReport.printedInputChanges
        #expect(html.components(separatedBy: "<tr class=\"screen-only\"><td><code>staff.p").count - 1 == 100 - limit)
        #expect(html.contains("<tr><td><code>staff.p\(limit - 1).fte</code>"))
        #expect(html.contains("<tr class=\"screen-only\"><td><code>staff.p\(limit).fte</code>"))
        #expect(html.contains("<tr class=\"print-only\"><td colspan=\"3\">… and \(100 - limit) more changes"))
        input.inputChanges = [Array(input.inputChanges[0].prefix(limit))]
        #expect(!HTMLReport.render(input).contains("<tr class=\"print-only\">"))
    }

    @Test func hostileNamesAreTextNeverMarkup() {
        let hostile = "<script>alert(\"pwned\")</script> & \"Co\" 'x'"
        let report = Sample.input(
            names: [hostile, "Pitstop </title><img src=x onerror=alert(1)>"],
            perspectiveNames: ["<script>p()</script>"], sites: ["<script>s()</script>"])
        var input = report
        input.title = "<script>t()</script>"
        input.orgChanges[0].added.append(.init(name: "<script>n()</script>", unit: "\"&\""))
        input.assumptions.scenarioFiles = ["<script>f()</script>.yaml", "b&b.yaml"]
        input.assumptions.notes = ["<b>note</b>"]
        input.assumptions.programVersion = "1.0<script>"
        let html = HTMLReport.render(input)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &quot;Co&quot; &#39;x&#39;"))
        #expect(html.contains("&lt;script&gt;t()&lt;/script&gt;"))
        #expect(html.contains("&lt;script&gt;p()&lt;/script&gt;"))
        #expect(html.contains("&lt;script&gt;s()&lt;/script&gt;"))
        #expect(html.contains("&lt;script&gt;n()&lt;/script&gt;"))
        #expect(html.contains("&lt;script&gt;f()&lt;/script&gt;.yaml"))
        #expect(html.contains("b&amp;b.yaml"))
        #expect(html.contains("&quot;&amp;&quot;"))
    }

    @Test func idsAreUniqueAcrossTheInlinedSVGs() {
        let html = HTMLReport.render(Sample.input(names: ["A", "B", "C"]))
        let ids = Self.ids(in: html)
        #expect(ids.count > 50)
        let duplicates = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(duplicates.isEmpty, "duplicate ids: \(duplicates.prefix(10))")
        // Every local reference points at an id of the page.
        let known = Set(ids)
        for marker in ["url(#", "href=\"#"] {
            #expect(html.components(separatedBy: marker).count > 2, "no \(marker) on the page")
            for part in html.components(separatedBy: marker).dropFirst() {
                let id = String(part.prefix { $0 != ")" && $0 != "\"" })
                #expect(known.contains(id), "reference to #\(id) has no target")
            }
        }
    }

    @Test func theOutputIsDeterministic() {
        let a = HTMLReport.render(Sample.input())
        let b = HTMLReport.render(Sample.input())
        #expect(a == b)
        #expect(ComparisonTable.text(Sample.input()) == ComparisonTable.text(Sample.input()))
        #expect(ComparisonTable.markdown(Sample.input(language: .da)) == ComparisonTable.markdown(Sample.input(language: .da)))
    }

    @Test func theReportIsSelfContained() {
        let html = HTMLReport.render(Sample.input())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        for forbidden in ["<script", "<link", "<img", "<iframe", "@import", "src=", "url(http", "url(//", "https:"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        // The only http: in the page is the SVG namespace.
        let http = html.components(separatedBy: "http:").dropFirst()
        #expect(http.allSatisfy { $0.hasPrefix("//www.w3.org/") })
    }

    @Test func theReportPrintsOnA4LandscapeWithAPagePerSection() {
        let html = HTMLReport.render(Sample.input())
        #expect(html.contains("@page { size: A4 landscape;"))
        #expect(html.contains("@media print"))
        #expect(html.contains("break-before: page"))
    }

    @Test func danishHeadingsAndNumbers() {
        let html = HTMLReport.render(Sample.input(language: .da))
        #expect(html.contains("<html lang=\"da\">"))
        for heading in ["Sammenfatning", "Nøgletal", "Efter brugerperspektiv", "Organisationsdiagrammer",
                        "Ændringer i organisationen", "Plantegninger", "Diagrammer", "Forudsætninger"] {
            #expect(html.contains(heading), "missing \(heading)")
        }
        #expect(html.contains("+31,2 procentpoint"))
        #expect(!html.contains(">Summary<"))
        let english = HTMLReport.render(Sample.input(language: .en))
        for heading in ["Summary", "Key figures", "By user perspective", "Organisation charts",
                        "Changes in the organisation", "Floor maps", "Charts", "Assumptions"] {
            #expect(english.contains(heading), "missing \(heading)")
        }
    }

    @Test func colourMarksOnlyClaimedDifferences() {
        let input = Sample.input()
        let html = HTMLReport.render(input)
        let kpiSection = html.components(separatedBy: "<section id=\"kpis\"")[1].components(separatedBy: "</section>")[0]
        let pills = kpiSection.components(separatedBy: "<span class=\"pill").count - 1
        #expect(pills == input.kpiRows.filter { $0.isClaimed(0) }.count)
        // The row of a difference across zero is plain.
        let visits = kpiSection.components(separatedBy: "Visits per day")[1].components(separatedBy: "</tr>")[0]
        #expect(visits.contains("diff unclear"))
        #expect(!visits.contains("better") && !visits.contains("worse"))
        let wait = kpiSection.components(separatedBy: "Mean wait for a dialogue")[1].components(separatedBy: "</tr>")[0]
        #expect(wait.contains("diff better"))
        let travel = kpiSection.components(separatedBy: "Staff travel hours per day")[1].components(separatedBy: "</tr>")[0]
        #expect(travel.contains("diff worse"))
    }

    @Test func theAssumptionsAreListed() {
        let html = HTMLReport.render(Sample.input())
        let section = html.components(separatedBy: "<section id=\"assumptions\"")[1]
        for text in ["Traditionelt bibliotek", "Pitstop-biblioteket", "Scenarios/traditional.yaml", "2339",
                     "Replications</th><td>20", "Simulated days per replication</th><td>28", "Warm-up days</th><td>7",
                     "<code>0.3.0</code>"] {
            #expect(section.contains(text), "missing \(text)")
        }
    }

    @Test func missingPiecesDoNotBreakTheReport() {
        var input = Sample.input()
        input.orgChartSVGs = [input.orgChartSVGs[0]]  // the other's chart is missing
        input.floorMaps = []
        input.perspectives = []
        input.orgChanges = []
        input.kpiRows[0].differences = []
        let html = HTMLReport.render(input)
        for id in HTMLReport.sectionIDs { #expect(html.contains("<section id=\"\(id)\"")) }
        #expect(html.contains("not available"))
        let single = Sample.input(names: ["Only"])
        let one = HTMLReport.render(single)
        #expect(one.contains("Only one scenario"))
        #expect(ComparisonTable.text(single).contains("Only one scenario"))
    }

    @Test func everyDiagramOpensInAViewerAndPrintsOnPagesOfItsOwn() {
        let input = Sample.input()
        let html = HTMLReport.render(input)
        let diagrams = input.orgChartSVGs.count + input.orgChanges.compactMap(\.diagramSVG).count
            + input.floorMaps.reduce(0) { $0 + $1.svgs.count } + input.journeys.count
        #expect(input.journeys.count == 4)
        #expect(html.components(separatedBy: "<div class=\"viewer\" id=\"").count - 1 == diagrams)
        #expect(html.components(separatedBy: "<div class=\"sheet\">").count - 1 >= diagrams)
        // The viewer opens from the figure and closes back to it; no script does it.
        #expect(html.contains("<a class=\"svgbox\" href=\"#org0-view\"") && html.contains("<a class=\"close\" href=\"#org0-fig\">"))
        #expect(!html.contains("<script"))
        // The printed pages follow every section, and show the figures' drawings again.
        let sheets = html.range(of: "<div class=\"sheets\">")
        let lastSection = html.range(of: "<section id=\"assumptions\"")
        #expect(sheets != nil && lastSection != nil && lastSection!.lowerBound < sheets!.lowerBound)
        let ids = Set(Self.ids(in: html))
        let uses = html.components(separatedBy: "<use href=\"#").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(!uses.isEmpty, "the printed pages show no drawing again")
        for use in uses {
            #expect(ids.contains(use), "<use> points at \(use), which is not on the page")
        }
    }

    @Test func aWideOrgChartPrintsInOverlappingPartsWithItsSmallestTextAtSixPoints() throws {
        var input = Sample.input()
        // 2,000 pt wide with 8 pt labels: one A4 page would print them at about 3 pt.
        var svg = "<svg width=\"2000pt\" height=\"400pt\" viewBox=\"0.00 0.00 2000.00 400.00\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<g id=\"graph0\" class=\"graph\" transform=\"scale(1 1) rotate(0) translate(0 400)\">"
        svg += "<text x=\"10\" y=\"-20\" font-size=\"8.00\">small</text><text x=\"10\" y=\"-60\" font-size=\"14.00\">big</text></g></svg>"
        input.orgChartSVGs[0] = svg
        let html = HTMLReport.render(input)
        let drawing = try #require(SVGDrawing(SVGIDs.prefixed(svg, prefix: "org0-")))
        let paging = DiagramPaging(drawing, page: HTMLReport.printPage)
        #expect(paging.scale == 0.75 && paging.columns == 2 && paging.rows == 1)
        #expect(paging.tiles[0].x == 0 && paging.tiles[1].x + paging.tiles[1].width == 2000)
        #expect(paging.tiles[0].x + paging.tiles[0].width > paging.tiles[1].x, "the parts do not overlap")
        #expect(html.contains("(part 1 of 2)") && html.contains("(part 2 of 2)"))
        #expect(html.contains("style=\"width:\(String(format: "%.2f", paging.tiles[0].width * 0.75))pt;height:300.00pt\""))
    }
}
