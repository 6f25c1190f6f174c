import Foundation

// report.html: one self-contained page (inline CSS and SVG, no scripts, no network),
// readable on screen and printed on A4 landscape with a page per section.

public enum HTMLReport {
    /// The ids of the sections, in the order they appear.
    public static let sectionIDs = [
        "summary", "kpis", "perspectives", "org-charts", "org-changes", "floor-maps", "journeys", "charts", "assumptions",
    ]

    /// The whole page. The same input gives the same bytes: no dates, no random ids, and
    /// numbers written by `NumberFormat`. Every text from the input is escaped.
    public static func render(_ input: ReportInput) -> String {
        var h = ""
        render(input, to: &h)
        return h
    }

    /// The whole page written to `out` piece by piece, in order (the same bytes as
    /// ``render(_:)``): a large report goes to its file without ever being held whole, and
    /// a section of diagrams holds one diagram at a time.
    ///
    /// `drawing` reads a diagram's SVG (as UTF-8) from what the input holds in its place (a
    /// drawing kept on disk until now, say); by default the input holds the SVGs themselves.
    public static func render<Out: TextOutputStream>(_ input: ReportInput, to out: inout Out,
                                                     drawing: (String) -> [UInt8] = { Array($0.utf8) }) {
        let p = Phrasing(input)
        let w = p.words
        out.write("<!DOCTYPE html>\n<html lang=\"\(input.language.rawValue)\">\n<head>\n")
        out.write("<meta charset=\"utf-8\">\n")
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        out.write("<meta name=\"generator\" content=\"Pitstop \(e(input.assumptions.programVersion))\">\n")
        out.write("<title>\(e(input.title))</title>\n")
        out.write("<style>\n\(HTMLStyle.css(scenarioCount: input.scenarioNames.count))</style>\n</head>\n<body>\n")
        out.write(header(input, p))
        out.write("<main>\n")
        let titles = sectionTitles(w)
        // The diagrams' printed pages go after the last section: text and charts flow page
        // after page, and only one run of text ends before a forced page break.
        var sheets = ""
        for (i, id) in sectionIDs.enumerated() {
            // Sections of diagrams only print as the diagrams' own pages (their captions say
            // what they are), so that no heading is left alone at the foot of a page.
            let cls = ["org-charts", "floor-maps", "journeys"].contains(id) ? " class=\"diagrams\"" : ""
            out.write("<section id=\"\(id)\"\(cls) aria-labelledby=\"\(id)-h\">\n")
            out.write("<h2 id=\"\(id)-h\"><span class=\"num\">\(i + 1)</span> \(e(titles[i]))</h2>\n")
            switch id {
            case "summary": out.write(summary(input, p))
            case "kpis": out.write(kpis(input, p))
            case "perspectives": out.write(perspectives(input, p))
            case "org-charts": orgCharts(input, p, sheets: &sheets, to: &out, drawing: drawing)
            case "org-changes": orgChanges(input, p, sheets: &sheets, to: &out, drawing: drawing)
            case "floor-maps": floorMaps(input, p, sheets: &sheets, to: &out, drawing: drawing)
            case "journeys": journeys(input, p, sheets: &sheets, to: &out, drawing: drawing)
            case "charts": out.write(charts(input, p))
            default: out.write(assumptions(input, p))
            }
            out.write("</section>\n")
        }
        out.write("<div class=\"sheets\">\n")
        out.write(sheets)
        out.write("</div>\n")
        out.write("</main>\n")
        out.write("<footer>\(e(w.generatedBy)) \(e(input.assumptions.programVersion))</footer>\n")
        out.write("</body>\n</html>\n")
    }

    static func sectionTitles(_ w: Words) -> [String] {
        [w.summary, w.keyFigures, w.perspectives, w.orgCharts, w.orgChanges, w.floorMaps, w.journeys, w.charts, w.assumptions]
    }

    static func e(_ text: String) -> String { Escape.html(text) }

    /// Text with its percent signs held to their numbers.
    static func t(_ text: String) -> String {
        e(text).replacingOccurrences(of: " %", with: "\u{00A0}%")
    }

    // MARK: - Header

    static func header(_ input: ReportInput, _ p: Phrasing) -> String {
        let w = p.words, a = input.assumptions
        var h = "<header class=\"masthead\">\n<p class=\"kicker\">\(e(w.header))</p>\n<h1>\(e(input.title))</h1>\n"
        h += "<ul class=\"scenarios\">\n"
        for (i, name) in input.scenarioNames.enumerated() {
            let tag = i == 0 ? " <span class=\"tag\">\(e(w.baseline))</span>" : ""
            h += "<li><span class=\"swatch sc\(i)\"></span>\(e(name))\(tag)</li>\n"
        }
        h += "</ul>\n"
        h += "<p class=\"meta\">\(a.replications) \(e(w.replicationsUnit)) × \(a.days) \(e(w.daysUnit)) · seed \(a.seed) · Pitstop \(e(a.programVersion))</p>\n"
        let titles = sectionTitles(w)
        h += "<nav class=\"toc\" aria-label=\"\(e(w.contents))\"><ol>"
        for (id, title) in zip(sectionIDs, titles) { h += "<li><a href=\"#\(id)\">\(e(title))</a></li>" }
        h += "</ol></nav>\n</header>\n"
        return h
    }

    // MARK: - Summary

    static func summary(_ input: ReportInput, _ p: Phrasing) -> String {
        let w = p.words
        guard !input.otherNames.isEmpty else { return "<p>\(e(w.onlyOneScenario))</p>\n" }
        let claims = ComparisonSummary.claims(input)
        var h = ""
        for other in input.otherNames.indices {
            let mine = claims.filter { $0.other == other }
            h += "<div class=\"comparison\">\n<h3><span class=\"swatch sc\(other + 1)\"></span>\(e(ComparisonSummary.heading(input, other: other)))</h3>\n"
            let tiles = (mine.filter { $0.assessment != .neutral } + mine.filter { $0.assessment == .neutral }).prefix(4)
            if !tiles.isEmpty {
                h += "<div class=\"tiles\" aria-label=\"\(e(w.keyChanges))\">\n"
                for claim in tiles {
                    let parts = claim.parts
                    h += "<div class=\"tile \(cssClass(parts.assessment))\"><div class=\"big\">\(t(parts.shortChange))</div>"
                    h += "<div class=\"what\">\(e(parts.name))</div><div class=\"ci\">95 %: \(t(parts.range))</div></div>\n"
                }
                h += "</div>\n"
            }
            if mine.isEmpty {
                h += "<p class=\"noclaims\">\(e(w.noClaims))</p>\n"
            } else {
                h += "<ul class=\"claims\">\n"
                for claim in mine {
                    let parts = claim.parts
                    h += "<li class=\"\(cssClass(parts.assessment))\"><strong>\(e(parts.name))</strong>: "
                    h += "\(t(parts.change)) (\(t(parts.range))), \(t(parts.fromTo)) — \(e(parts.direction)).</li>\n"
                }
                h += "</ul>\n"
                let unclear = ComparisonSummary.unclear(input, other: other)
                if !unclear.isEmpty {
                    h += "<p class=\"unclear\">\(e(w.unclearList)): \(e(unclear.joined(separator: "; "))).</p>\n"
                }
            }
            h += "</div>\n"
        }
        h += "<p class=\"note\">\(t(w.summaryIntro))</p>\n"
        return h
    }

    static func cssClass(_ a: Assessment) -> String {
        switch a {
        case .better: "better"
        case .worse: "worse"
        case .neutral: "neutral"
        }
    }

    // MARK: - Tables

    static func kpis(_ input: ReportInput, _ p: Phrasing) -> String {
        "<p class=\"intro\">\(t(p.words.kpiIntro))</p>\n" + table(input.kpiRows, input, p)
    }

    static func perspectives(_ input: ReportInput, _ p: Phrasing) -> String {
        guard !input.perspectives.isEmpty else { return "<p class=\"empty\">\(e(p.words.noData))</p>\n" }
        var h = "<p class=\"intro\">\(e(p.words.perspectivesIntro))</p>\n"
        for perspective in input.perspectives {
            h += "<h3>\(e(perspective.name))</h3>\n" + table(perspective.rows, input, p)
        }
        return h
    }

    static func table(_ rows: [KPIComparisonRow], _ input: ReportInput, _ p: Phrasing) -> String {
        let w = p.words
        guard !rows.isEmpty else { return "<p class=\"empty\">\(e(w.noData))</p>\n" }
        let others = input.otherNames.indices
        var h = "<table class=\"kpi\">\n<thead>\n<tr><th scope=\"col\" class=\"name\">\(e(w.keyFigure))</th>"
        for (i, name) in input.scenarioNames.enumerated() {
            h += "<th scope=\"col\" class=\"val\"><span class=\"swatch sc\(i)\"></span>\(e(name))</th>"
        }
        for other in others {
            let suffix = others.count > 1 ? "<br><span class=\"sub\">\(e(input.otherNames[other]))</span>" : ""
            h += "<th scope=\"col\" class=\"val\">\(t(w.difference))\(suffix)</th>"
            h += "<th scope=\"col\" class=\"val\">\(e(w.relative))</th><th scope=\"col\">\(e(w.verdict))</th>"
        }
        h += "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            let info = p.info(row.kpi)
            let unit = info.unit(input.language, currency: input.currency)
            h += "<tr><th scope=\"row\" class=\"name\">\(e(info.name(input.language)))"
            if !unit.isEmpty { h += " <span class=\"unit\">\(e(unit))</span>" }
            h += "</th>"
            for value in [row.baseline] + others.map({ row.value($0) ?? Interval(exactly: .nan) }) {
                h += valueCell(value, info, p)
            }
            for other in others {
                let claimed = row.isClaimed(other)
                let cls: String
                if claimed, let d = row.difference(other) {
                    cls = " " + cssClass(info.assessment(ofChange: d.mean))
                } else {
                    cls = " unclear"
                }
                if let d = row.difference(other) {
                    let ci = d.low == d.high ? "" : "<span class=\"ci\">\(t(p.range(d, info, signed: true)))</span>"
                    h += "<td class=\"val diff\(cls)\">\(t(p.differenceMean(d, info)))\(ci)</td>"
                } else {
                    h += "<td class=\"val diff unclear\">–</td>"
                }
                h += "<td class=\"val\(cls)\">\(t(p.relativeCell(row, other: other, info)))</td>"
                let verdict = p.verdictWord(row, other: other, info)
                h += claimed ? "<td><span class=\"pill\(cls)\">\(e(verdict))</span></td>" : "<td class=\"unclear\">–</td>"
            }
            h += "</tr>\n"
        }
        h += "</tbody>\n</table>\n"
        return h
    }

    static func valueCell(_ v: Interval, _ info: KPIInfo, _ p: Phrasing) -> String {
        guard v.mean.isFinite else { return "<td class=\"val\">–</td>" }
        var h = "<td class=\"val\">\(t(p.number(v.mean, info)))"
        if v.low.isFinite, v.high.isFinite, v.low != v.high {
            h += "<span class=\"ci\">\(t(p.range(v, info)))</span>"
        }
        return h + "</td>"
    }

    // MARK: - Diagrams

    /// The printable area of an A4 landscape page under `@page` (9 mm margins), less a line
    /// for the caption of a printed diagram, in points (a little to spare for rounding).
    static let printPage = (width: 786.0, height: 520.0)

    /// A diagram three ways: a figure on screen that opens the viewer, the viewer (large, with
    /// zoom, panned by scrolling; CSS only), and for print one page per part at a readable
    /// scale (``DiagramPaging``). The viewer and the printed parts show the figure's own
    /// drawing again through `<use>`, so it is inlined once.
    struct Diagram {
        /// The figure, in three pieces so that a large drawing is not copied once more to
        /// join them: the caption and the opening, the drawing, the closing.
        var figure: (head: String, drawing: String, tail: String)
        /// The viewer; placed after the figure's gallery.
        var viewer: String
        /// The printed pages; collected at the end of the report.
        var sheets: String
    }

    static func diagram(_ svg: consuming [UInt8], prefix: String, caption: String, printCaption: String, scenario: Int?,
                        inParts: Bool = true, p: Phrasing) -> Diagram {
        let w = p.words
        let swatch = scenario.map { "<span class=\"swatch sc\($0)\"></span>" } ?? ""
        var h = "<figure class=\"diagram\" id=\"\(prefix)fig\">\n<figcaption>\(swatch)\(e(caption))</figcaption>\n"
        let inlined = isBlank(svg) ? "" : SVGIDs.prefixed(utf8: consume svg, prefix: prefix)
        guard let drawing = SVGDrawing(inlined), let group = drawing.firstGroupID else {
            if inlined.isEmpty {
                h += "<div class=\"svgbox missing\">\(e(w.notAvailable))</div>\n"
                return Diagram(figure: (h + "</figure>\n", "", ""), viewer: "", sheets: "")
            }
            return Diagram(figure: (h + "<div class=\"svgbox\">\n", inlined, "\n</div>\n</figure>\n"), viewer: "", sheets: "")
        }
        let view = "\(prefix)view"
        h += "<a class=\"svgbox\" href=\"#\(view)\" title=\"\(e(w.enlarge))\">\n"
        let figure = (head: h, drawing: inlined, tail: "\n</a>\n</figure>\n")

        let box = drawing.viewBox
        func number(_ v: Double) -> String { String(format: "%.2f", v) }
        func use(_ r: Rect, cls: String, style: String) -> String {
            "<svg class=\"\(cls)\" viewBox=\"\(number(r.x)) \(number(r.y)) \(number(r.width)) \(number(r.height))\" "
                + "style=\"\(style)\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(e(caption))\">"
                + "<use href=\"#\(group)\"/></svg>"
        }
        var x = "<div class=\"viewer\" id=\"\(view)\" role=\"dialog\" aria-label=\"\(e(caption))\">\n"
        let zooms = [("fit", w.fit), ("z1", "100\u{00A0}%"), ("z2", "200\u{00A0}%"), ("z4", "400\u{00A0}%")]
        for (i, zoom) in zooms.enumerated() {
            x += "<input type=\"radio\" name=\"\(view)-zoom\" id=\"\(view)-\(zoom.0)\" class=\"\(zoom.0)\"\(i == 0 ? " checked" : "")>"
        }
        x += "\n<div class=\"bar\"><span class=\"title\">\(swatch)\(e(caption))</span>"
        for zoom in zooms { x += "<label for=\"\(view)-\(zoom.0)\" class=\"\(zoom.0)\">\(zoom.1)</label>" }
        x += "<a class=\"close\" href=\"#\(prefix)fig\">\(e(w.close)) ✕</a></div>\n"
        x += "<div class=\"canvas\">" + use(box, cls: "copy", style: "--w:\(number(box.width))pt;--h:\(number(box.height))pt")
        x += "</div>\n</div>\n"
        var pages = ""

        // Floor maps are read as a whole (colours, shapes): always one page.
        let paging = DiagramPaging(drawing, page: printPage, readableFont: inParts ? DiagramPaging.readableFontPoints : 0)
        for (i, tile) in paging.tiles.enumerated() {
            let part = paging.tiles.count > 1 ? " (\(w.part) \(i + 1) \(w.of) \(paging.tiles.count))" : ""
            pages += "<div class=\"sheet\"><p class=\"sheet-caption\">\(swatch)\(e(printCaption))\(e(part))</p>"
            pages += use(tile, cls: "copy", style: "width:\(number(tile.width * paging.scale))pt;height:\(number(tile.height * paging.scale))pt")
            pages += "</div>\n"
        }
        return Diagram(figure: figure, viewer: x, sheets: pages)
    }

    /// Whether UTF-8 text is empty or white space only (without a trimmed copy of it).
    static func isBlank(_ utf8: [UInt8]) -> Bool {
        guard let first = utf8.firstIndex(where: { !(0x09...0x0D).contains($0) && $0 != 0x20 }) else { return true }
        guard utf8[first] >= 0x80 else { return false }
        return String(decoding: utf8[first...], as: UTF8.self).unicodeScalars
            .allSatisfy { CharacterSet.whitespacesAndNewlines.contains($0) }
    }

    static func write<Out: TextOutputStream>(_ figure: (head: String, drawing: String, tail: String), to out: inout Out) {
        out.write(figure.head)
        out.write(figure.drawing)
        out.write(figure.tail)
    }

    /// A gallery of `count` diagrams, each made (by `make`) and written in turn: the
    /// figures, then their viewers; their printed pages are added to `sheets`.
    static func gallery<Out: TextOutputStream>(_ count: Int, sheets: inout String, to out: inout Out,
                                               _ make: (Int) -> Diagram) {
        out.write("<div class=\"gallery\" style=\"--n:\(max(count, 1))\">\n")
        var viewers = ""
        for k in 0..<count {
            let d = make(k)
            write(d.figure, to: &out)
            viewers += d.viewer
            sheets += d.sheets
        }
        out.write("</div>\n")
        out.write(viewers)
    }

    static func orgCharts<Out: TextOutputStream>(_ input: ReportInput, _ p: Phrasing, sheets: inout String,
                                                 to out: inout Out, drawing: (String) -> [UInt8]) {
        guard !input.orgChartSVGs.isEmpty else { return out.write("<p class=\"empty\">\(e(p.words.noData))</p>\n") }
        let names = input.scenarioNames
        func hasPages(_ i: Int) -> Bool { i < input.orgChartPages.count && !input.orgChartPages[i].isEmpty }
        // A chart drawn in pages prints as its pages (an overview, then each unit), not as
        // parts cut out of the whole; on screen the pages follow the whole chart.
        var printed = Array(repeating: "", count: names.count)
        var ignored = ""
        gallery(names.count, sheets: &ignored, to: &out) { i in
            var d = diagram(i < input.orgChartSVGs.count ? drawing(input.orgChartSVGs[i]) : [], prefix: "org\(i)-",
                            caption: names[i], printCaption: "\(p.words.orgCharts): \(names[i])", scenario: i, p: p)
            if !hasPages(i) { printed[i] = d.sheets }
            d.sheets = ""
            return d
        }
        for i in names.indices where hasPages(i) {
            let name = names[i]
            let pages = input.orgChartPages[i]
            out.write("<h3><span class=\"swatch sc\(i)\"></span>\(e(name)): \(e(p.words.orgChartPagesHeading))</h3>\n")
            gallery(pages.count, sheets: &printed[i], to: &out) { k in
                diagram(drawing(pages[k].svg), prefix: "org\(i)p\(k)-", caption: pages[k].title,
                        printCaption: "\(p.words.orgCharts): \(name) — \(pages[k].title)", scenario: i, p: p)
            }
        }
        sheets += printed.joined()
    }

    static func journeys<Out: TextOutputStream>(_ input: ReportInput, _ p: Phrasing, sheets: inout String,
                                                to out: inout Out, drawing: (String) -> [UInt8]) {
        guard !input.journeys.isEmpty else { return out.write("<p class=\"empty\">\(e(p.words.noData))</p>\n") }
        out.write("<p class=\"intro\">\(e(p.words.journeysIntro))</p>\n")
        var perspectives: [String] = []
        for j in input.journeys where !perspectives.contains(j.perspective) { perspectives.append(j.perspective) }
        for (k, perspective) in perspectives.enumerated() {
            out.write("<div class=\"perspective\">\n<h3>\(e(perspective))</h3>\n")
            let journeys = input.journeys.filter {
                $0.perspective == perspective && input.scenarioNames.indices.contains($0.scenario)
            }
            gallery(journeys.count, sheets: &sheets, to: &out) { n in
                let j = journeys[n]
                return diagram(drawing(j.svg), prefix: "jr\(k)-\(j.scenario)-", caption: input.scenarioNames[j.scenario],
                               printCaption: "\(perspective): \(input.scenarioNames[j.scenario])", scenario: j.scenario, p: p)
            }
            out.write("</div>\n")
        }
    }

    static func orgChanges<Out: TextOutputStream>(_ input: ReportInput, _ p: Phrasing, sheets: inout String,
                                                  to out: inout Out, drawing: (String) -> [UInt8]) {
        let w = p.words
        guard !input.otherNames.isEmpty else { return out.write("<p class=\"empty\">\(e(w.onlyOneScenario))</p>\n") }
        for other in input.otherNames.indices {
            var h = ""
            h += "<h3><span class=\"swatch sc\(other + 1)\"></span>\(e(ComparisonSummary.heading(input, other: other)))</h3>\n"
            guard other < input.orgChanges.count else {
                h += "<p class=\"empty\">\(e(w.noData))</p>\n"
                out.write(h)
                continue
            }
            let changes = input.orgChanges[other]
            if changes.isEmpty { h += "<p>\(e(w.noOrgChanges))</p>\n" }
            h += "<div class=\"changes\">\n"
            func column(_ title: String, _ cls: String, _ items: [String]) -> String {
                var c = "<div class=\"change \(cls)\"><h4>\(e(title)) <span class=\"count\">\(items.count)</span></h4>"
                if items.isEmpty {
                    c += "<p class=\"empty\">\(e(w.none))</p>"
                } else {
                    c += "<ul>" + items.map { "<li>\($0)</li>" }.joined() + "</ul>"
                }
                return c + "</div>\n"
            }
            func person(_ person: OrgChangeList.Person) -> String {
                e(person.name) + (person.unit.map { " <span class=\"unitname\">\(e($0))</span>" } ?? "")
            }
            h += column(w.added, "added", changes.added.map(person))
            h += column(w.removed, "removed", changes.removed.map(person))
            h += column(w.moved, "moved", changes.moved.map {
                "\(e($0.name)) <span class=\"unitname\">\(e($0.from)) → \(e($0.to))</span>"
            })
            h += "</div>\n"
            out.write(h)
            if let svg = changes.diagramSVG {
                let d = diagram(drawing(svg), prefix: "diff\(other)-", caption: w.orgDiagram,
                                printCaption: "\(w.orgDiagram): \(ComparisonSummary.heading(input, other: other))", scenario: nil, p: p)
                write(d.figure, to: &out)
                out.write(d.viewer)
                sheets += d.sheets
            }
        }
    }

    static func floorMaps<Out: TextOutputStream>(_ input: ReportInput, _ p: Phrasing, sheets: inout String,
                                                 to out: inout Out, drawing: (String) -> [UInt8]) {
        guard !input.floorMaps.isEmpty else { return out.write("<p class=\"empty\">\(e(p.words.noData))</p>\n") }
        out.write("<p class=\"intro\">\(e(p.words.floorMapsIntro))</p>\n")
        for (s, maps) in input.floorMaps.enumerated() {
            out.write("<div class=\"site\">\n<h3>\(e(maps.site))</h3>\n")
            gallery(input.scenarioNames.count, sheets: &sheets, to: &out) { i in
                diagram(i < maps.svgs.count ? drawing(maps.svgs[i]) : [], prefix: "map\(s)-\(i)-",
                        caption: input.scenarioNames[i], printCaption: "\(maps.site): \(input.scenarioNames[i])", scenario: i,
                        inParts: false, p: p)
            }
            out.write("</div>\n")
        }
    }

    // MARK: - Charts

    static func charts(_ input: ReportInput, _ p: Phrasing) -> String {
        var h = ""
        func chart(_ svg: String, _ cls: String = "") -> String {
            "<figure class=\"chart\(cls)\">\n\(svg)\n</figure>\n"
        }
        for other in input.otherNames.indices where !input.kpiRows.isEmpty {
            h += chart(Charts.differences(input.kpiRows, other: other, scenarioNames: input.scenarioNames,
                                          currency: input.currency, language: input.language, id: "chart-diff\(other)"))
        }
        if !input.kpiRows.isEmpty {
            h += chart(Charts.kpiBars(input.kpiRows, scenarioNames: input.scenarioNames, currency: input.currency,
                                      language: input.language, id: "chart-kpis"))
        }
        for (s, occupancy) in input.hourlyOccupancy.enumerated() {
            h += chart(Charts.hourlyOccupancy(occupancy, scenarioNames: input.scenarioNames,
                                              language: input.language, id: "chart-occ\(s)"), " half")
        }
        if !input.waitDistributions.isEmpty {
            h += chart(Charts.waitDistribution(input.waitDistributions, scenarioNames: input.scenarioNames,
                                               language: input.language, id: "chart-wait"), " half")
        }
        return h.isEmpty ? "<p class=\"empty\">\(e(p.words.noData))</p>\n" : "<div class=\"charts\">\n\(h)</div>\n"
    }

    // MARK: - Assumptions

    static func assumptions(_ input: ReportInput, _ p: Phrasing) -> String {
        let w = p.words, a = input.assumptions
        var h = "<table class=\"facts\">\n<tbody>\n"
        h += "<tr><th scope=\"row\">\(e(w.scenarios))</th><td><ol class=\"scenario-list\">"
        for (i, name) in input.scenarioNames.enumerated() {
            h += "<li><span class=\"swatch sc\(i)\"></span>\(e(name))"
            if i == 0 { h += " <span class=\"tag\">\(e(w.baseline))</span>" }
            if i < a.scenarioFiles.count { h += " <code>\(e(a.scenarioFiles[i]))</code>" }
            h += "</li>"
        }
        h += "</ol></td></tr>\n"
        func fact(_ name: String, _ value: String) -> String {
            "<tr><th scope=\"row\">\(e(name))</th><td>\(value)</td></tr>\n"
        }
        h += fact(w.seed, "<code>\(a.seed)</code>")
        h += fact(w.replications, "\(a.replications)")
        h += fact(w.days, "\(a.days)")
        if let warmUp = a.warmUpDays { h += fact(w.warmUp, "\(warmUp)") }
        h += fact(w.intervals, t(w.intervalsText))
        h += fact(w.programVersion, "Pitstop <code>\(e(a.programVersion))</code>")
        h += "</tbody>\n</table>\n"
        if !a.notes.isEmpty {
            h += "<ul class=\"notes\">" + a.notes.map { "<li>\(t($0))</li>" }.joined() + "</ul>\n"
        }
        h += inputChanges(input)
        return h
    }
}
