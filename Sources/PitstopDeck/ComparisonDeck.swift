import Foundation
import PitstopReport
import SVGRasterising

/// The comparison as slides, built from the same ``ReportInput`` as report.html: the title,
/// the answer in one slide, the key figures as a native table, each scenario's org chart,
/// what changed, heat maps, the KPI difference chart, journeys (when drawn), assumptions;
/// speaker notes with the intervals and the run settings on every slide.
public enum ComparisonDeck {
    /// What went wrong building the deck.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The `.pptx` file's bytes. The same input gives the same bytes.
    public static func pptx(_ input: ReportInput) throws(Failure) -> [UInt8] {
        let deck = try build(input)
        do {
            return try PPTXWriter.data(deck)
        } catch {
            throw Failure(description: error.description)
        }
    }

    /// The slides, pictures drawn as PNG at twice their size on the slide.
    public static func build(_ input: ReportInput) throws(Failure) -> Deck {
        var builder = Builder(input)
        try builder.build()
        return Deck(title: input.title, languageTag: builder.deckWords.languageTag, slides: builder.slides)
    }

    // MARK: - Layout

    /// The area below the title, in points.
    static let content = Frame(x: 36, y: 80, width: 888, height: 432)
    /// Pixels per point of a picture: twice 96 px per inch.
    static let pixelsPerPoint = 2 * 96.0 / 72

    struct Builder {
        let input: ReportInput
        let p: Phrasing
        let words: Words
        let deckWords: DeckWords
        var slides: [Slide] = []

        init(_ input: ReportInput) {
            self.input = input
            p = Phrasing(input)
            words = p.words
            deckWords = DeckWords.of(input.language)
        }

        var runLine: String {
            let a = input.assumptions
            return "\(deckWords.runSettings): \(a.replications) \(words.replicationsUnit) × \(a.days) \(words.daysUnit) · "
                + "seed \(a.seed) · Pitstop \(a.programVersion). \(ComparisonTable.note(input))"
        }

        mutating func add(_ title: String, _ elements: [SlideElement], notes: [String]) {
            let size = title.count > 70 ? 20.0 : title.count > 52 ? 22 : 26
            slides.append(Slide(title: title, titleSize: size, elements: [accentBar] + elements,
                                notes: (notes + ["", runLine]).joined(separator: "\n")))
        }

        var accentBar: SlideElement { .box(Frame(x: 0, y: 0, width: Deck.width, height: 6), fill: Masters.accent) }

        mutating func build() throws(Failure) {
            titleSlide()
            for other in input.otherNames.indices { answer(other) }
            keyFigures()
            for (i, name) in input.scenarioNames.enumerated() {
                let svg = i < input.orgChartSVGs.count ? input.orgChartSVGs[i] : ""
                let pages = i < input.orgChartPages.count ? input.orgChartPages[i] : []
                // A chart drawn in pages: the whole on one slide, then its pages (an
                // overview and each unit) rather than parts cut out of the whole.
                try diagram(svg, title: "\(deckWords.organisation): \(name)", description: "\(words.orgCharts): \(name)",
                            notes: [name], inParts: pages.isEmpty)
                for page in pages {
                    try diagram(page.svg, title: "\(deckWords.organisation): \(name) — \(page.title)",
                                description: "\(words.orgCharts): \(name), \(page.title)", notes: [name, page.title])
                }
            }
            for other in input.otherNames.indices { try whatChanged(other) }
            for maps in input.floorMaps { try heatMap(maps) }
            for other in input.otherNames.indices where !input.kpiRows.isEmpty { try differenceChart(other) }
            for journey in input.journeys where input.scenarioNames.indices.contains(journey.scenario) {
                let name = input.scenarioNames[journey.scenario]
                try diagram(journey.svg, title: "\(deckWords.journeys): \(journey.perspective) — \(name)",
                            description: "\(deckWords.journeys): \(journey.perspective), \(name)", notes: [name])
            }
            assumptions()
        }

        // MARK: Title

        mutating func titleSlide() {
            var elements: [SlideElement] = [.box(Frame(x: 0, y: 0, width: Deck.width, height: 300), fill: Masters.accent)]
            elements.append(.text(TextBox(frame: Frame(x: 48, y: 40, width: 864, height: 30),
                                          paragraphs: [Paragraph([TextRun(words.header.uppercased(), size: 14, colour: "#c9d3dd")])])))
            var list: [Paragraph] = []
            for (i, name) in input.scenarioNames.enumerated() {
                var runs = [TextRun("■ ", size: 20, colour: Palette.scenario(i)), TextRun(name, size: 20)]
                if i == 0 { runs.append(TextRun("  (\(words.baseline))", size: 14, colour: Palette.muted)) }
                list.append(Paragraph(runs, spaceBefore: i == 0 ? 0 : 6))
            }
            elements.append(.text(TextBox(frame: Frame(x: 48, y: 324, width: 864, height: 40.0 * Double(max(list.count, 1)) + 8),
                                          paragraphs: list)))
            let a = input.assumptions
            elements.append(.text(TextBox(
                frame: Frame(x: 48, y: 470, width: 864, height: 40),
                paragraphs: [Paragraph([TextRun("\(a.replications) \(words.replicationsUnit) × \(a.days) \(words.daysUnit) · seed \(a.seed) · Pitstop \(a.programVersion)",
                                                size: 13, colour: Palette.muted)])])))
            let size = input.title.count > 80 ? 28.0 : input.title.count > 50 ? 32 : 38
            slides.append(Slide(
                title: input.title, titleFrame: Frame(x: 48, y: 80, width: 864, height: 190), titleSize: size,
                elements: elements,
                notes: ([input.title] + input.scenarioNames.enumerated().map { i, name in
                    "\(i == 0 ? "\(words.baseline): " : "")\(name)\(i < a.scenarioFiles.count ? " (\(a.scenarioFiles[i]))" : "")"
                } + ["", words.summaryIntro, runLine]).joined(separator: "\n")))
            // The title slide's title is white on the band.
            slides[slides.count - 1].titleColour = "#ffffff"
        }

        // MARK: The answer

        mutating func answer(_ other: Int) {
            let claims = ComparisonSummary.claims(input).filter { $0.other == other }
            let ordered = claims.filter { $0.assessment != .neutral } + claims.filter { $0.assessment == .neutral }
            let shown = Array(ordered.prefix(6))
            var elements: [SlideElement] = []
            let rowHeight = 58.0
            for (row, claim) in shown.enumerated() {
                let parts = claim.parts
                let colour = self.colour(parts.assessment)
                let y = Self.top + Double(row) * rowHeight
                elements.append(.box(Frame(x: 36, y: y + 4, width: 6, height: rowHeight - 12), fill: colour))
                elements.append(.text(TextBox(
                    frame: Frame(x: 48, y: y, width: 190, height: rowHeight - 4),
                    paragraphs: [Paragraph([TextRun(parts.shortChange, size: fit(parts.shortChange, width: 182, size: 26),
                                                    bold: true, colour: colour)])],
                    anchor: .middle)))
                elements.append(.text(TextBox(
                    frame: Frame(x: 244, y: y, width: 680, height: rowHeight - 4),
                    paragraphs: [
                        Paragraph([TextRun(parts.name, size: 16, bold: true)]),
                        Paragraph([TextRun("95 %: \(parts.range) · \(parts.fromTo) — \(parts.direction)", size: 12, colour: Palette.muted)]),
                    ], anchor: .middle)))
            }
            var footer: [Paragraph] = []
            if shown.isEmpty {
                footer.append(Paragraph([TextRun(deckWords.noClaimsSlide, size: 18)]))
            }
            if ordered.count > shown.count {
                let rest = ordered.dropFirst(shown.count).map { $0.parts.name }
                footer.append(Paragraph([TextRun("\(deckWords.alsoClear): ", size: 11, bold: true, colour: Palette.muted),
                                         TextRun(rest.joined(separator: "; ") + ".", size: 11, colour: Palette.muted)]))
            }
            let unclear = ComparisonSummary.unclear(input, other: other)
            if !unclear.isEmpty, !shown.isEmpty {
                footer.append(Paragraph([TextRun("\(deckWords.noClearDifference): ", size: 11, bold: true, colour: Palette.muted),
                                         TextRun(unclear.joined(separator: "; ") + ".", size: 11, colour: Palette.muted)],
                                        spaceBefore: 4))
            }
            if !footer.isEmpty {
                let top = shown.isEmpty ? Self.top : Self.top + Double(shown.count) * rowHeight + 4
                elements.append(.text(TextBox(frame: Frame(x: 36, y: top, width: 888, height: 512 - top), paragraphs: footer)))
            }
            var notes = [ComparisonSummary.heading(input, other: other), words.summaryIntro, ""]
            notes += claims.map { "• \($0.sentence)" }
            if claims.isEmpty { notes.append(words.noClaims) }
            if !unclear.isEmpty { notes.append("\(words.unclearList): \(unclear.joined(separator: "; ")).") }
            add("\(deckWords.answer): \(ComparisonSummary.heading(input, other: other))", elements, notes: notes)
        }

        static let top = 84.0

        func colour(_ assessment: Assessment) -> String {
            switch assessment {
            case .better: Palette.better
            case .worse: Palette.worse
            case .neutral: Palette.neutral
            }
        }

        /// The largest size up to `size` at which `text` fits `width` on one line.
        func fit(_ text: String, width: Double, size: Double) -> Double {
            let needed = SVGCanvas.textWidth(text, size: size)
            return needed <= width ? size : max(10, (size * width / needed).rounded(.down))
        }

        // MARK: Key figures

        mutating func keyFigures() {
            guard !input.kpiRows.isEmpty else { return }
            let others = input.otherNames.indices
            var header: [Table.Cell] = [Table.Cell([TextRun(words.keyFigure, size: 11, bold: true, colour: Palette.muted)])]
            for (i, name) in input.scenarioNames.enumerated() {
                header.append(Table.Cell([TextRun("■ ", size: 11, colour: Palette.scenario(i)),
                                          TextRun(name, size: 11, bold: true, colour: Palette.muted)], alignment: .right))
            }
            for other in others {
                let suffix = others.count > 1 ? "\n\(input.otherNames[other])" : ""
                header.append(Table.Cell([TextRun(words.difference + suffix, size: 11, bold: true, colour: Palette.muted)], alignment: .right))
                header.append(Table.Cell([TextRun(words.relative, size: 11, bold: true, colour: Palette.muted)], alignment: .right))
                header.append(Table.Cell([TextRun(words.verdict, size: 11, bold: true, colour: Palette.muted)]))
            }
            let valueColumns = input.scenarioNames.count, perOther = 3
            let nameWidth = 250.0
            let rest = ComparisonDeck.content.width - nameWidth
            let weights = Array(repeating: 1.1, count: valueColumns) + others.flatMap { _ in [1.5, 0.75, 0.85] }
            let unit = rest / weights.reduce(0, +)
            let widths = [nameWidth] + weights.map { ($0 * unit).rounded() }
            _ = perOther

            let perSlide = 10
            let pages = (input.kpiRows.count + perSlide - 1) / perSlide
            let perPage = (input.kpiRows.count + pages - 1) / pages
            for page in 0..<pages {
                let rows = Array(input.kpiRows[(page * perPage)..<min(input.kpiRows.count, (page + 1) * perPage)])
                var cells: [[Table.Cell]] = [header]
                var notes = [ComparisonTable.note(input), words.kpiIntro, ""]
                for row in rows {
                    let info = p.info(row.kpi)
                    let unit = info.unit(input.language, currency: input.currency)
                    var line: [Table.Cell] = [Table.Cell([TextRun(info.name(input.language), size: 12)]
                                                         + (unit.isEmpty ? [] : [TextRun(" \(unit)", size: 10, colour: Palette.muted)]))]
                    var note = "\(p.label(info)): "
                    var values: [String] = []
                    for (i, value) in ([row.baseline] + others.map { row.value($0) ?? Interval(exactly: .nan) }).enumerated() {
                        line.append(valueCell(value, info))
                        values.append("\(input.scenarioNames[i]) \(intervalText(value, info))")
                    }
                    note += values.joined(separator: "; ")
                    for other in others {
                        let claimed = row.isClaimed(other)
                        let verdict = p.verdictWord(row, other: other, info)
                        let assessment = row.difference(other).map { info.assessment(ofChange: $0.mean) } ?? .neutral
                        let colour = claimed ? self.colour(assessment) : Palette.muted
                        let fill: String? = claimed ? background(assessment) : nil
                        if let d = row.difference(other) {
                            var runs = [TextRun(p.differenceMean(d, info), size: 12, bold: claimed, colour: colour)]
                            if d.low != d.high { runs.append(TextRun("\n\(p.range(d, info, signed: true))", size: 9, colour: Palette.muted)) }
                            line.append(Table.Cell(runs, alignment: .right, fill: fill))
                            note += "; \(deckWords.difference) \(p.differenceCell(d, info))"
                        } else {
                            line.append(Table.Cell([TextRun("–", size: 12, colour: Palette.muted)], alignment: .right))
                        }
                        let relative = p.relativeCell(row, other: other, info)
                        line.append(Table.Cell([TextRun(relative, size: 12, bold: claimed, colour: colour)], alignment: .right, fill: fill))
                        line.append(Table.Cell([TextRun(claimed ? verdict : "–", size: 12, bold: claimed, colour: colour)], fill: fill))
                        if relative != "–" { note += ", \(relative)" }
                        if claimed { note += " — \(verdict)" }
                    }
                    cells.append(line)
                    notes.append("• \(note)")
                }
                let rowHeight = 34.0
                let table = Table(frame: Frame(x: ComparisonDeck.content.x, y: Self.top, width: widths.reduce(0, +), height: rowHeight * Double(cells.count)),
                                  columnWidths: widths, rowHeight: rowHeight, rows: cells)
                let title = pages > 1 ? "\(words.keyFigures) \(deckWords.page(page + 1, pages))" : words.keyFigures
                add(title, [.table(table)], notes: notes)
            }
        }

        func valueCell(_ v: Interval, _ info: KPIInfo) -> Table.Cell {
            guard v.mean.isFinite else { return Table.Cell([TextRun("–", size: 12, colour: Palette.muted)], alignment: .right) }
            var runs = [TextRun(p.number(v.mean, info), size: 12)]
            if v.low.isFinite, v.high.isFinite, v.low != v.high {
                runs.append(TextRun("\n\(p.range(v, info))", size: 9, colour: Palette.muted))
            }
            return Table.Cell(runs, alignment: .right)
        }

        func intervalText(_ v: Interval, _ info: KPIInfo) -> String {
            guard v.mean.isFinite else { return "–" }
            guard v.low.isFinite, v.high.isFinite, v.low != v.high else { return p.value(v.mean, info) }
            return "\(p.value(v.mean, info)) (\(p.range(v, info)))"
        }

        func background(_ a: Assessment) -> String {
            switch a {
            case .better: "#e7f4ea"
            case .worse: "#fdecea"
            case .neutral: "#e8f0fd"
            }
        }

        // MARK: Diagrams

        /// A drawing on one slide, followed by slides of readable parts when its smallest
        /// text would be too small on one.
        mutating func diagram(
            _ svg: String, title: String, description: String, notes: [String], inParts: Bool = true
        ) throws(Failure) {
            guard let drawing = SVGDrawing(svg) else {
                add(title, [.text(TextBox(frame: ComparisonDeck.content, paragraphs: [Paragraph([TextRun(deckWords.notDrawn, size: 16, colour: Palette.muted)])]))],
                    notes: notes)
                return
            }
            let box = Frame(x: ComparisonDeck.content.x, y: Self.top, width: ComparisonDeck.content.width, height: 512 - Self.top)
            let paging = DiagramPaging(drawing, page: (box.width, box.height))
            let whole = try picture(svg, drawing, region: drawing.content, in: box, description: description)
            let partsNote = inParts && paging.tiles.count > 1 ? [deckWords.partsNote(paging.tiles.count)] : []
            add(title, [.picture(whole)], notes: notes + [deckWords.wholeChartNote] + partsNote)
            guard inParts, paging.tiles.count > 1 else { return }
            for (index, tile) in paging.tiles.enumerated() {
                let size = (tile.width * paging.scale, tile.height * paging.scale)
                let frame = Frame(x: box.x + (box.width - size.0) / 2, y: box.y + (box.height - size.1) / 2,
                                  width: size.0, height: size.1)
                let part = deckWords.part(index + 1, paging.tiles.count)
                let pic = try picture(svg, drawing, region: tile, in: frame, description: "\(description), \(part)")
                add("\(title) — \(part)", [.picture(pic)], notes: notes + [part])
            }
        }

        /// `region` of the drawing fitted into `box` (centred), drawn at twice its size.
        func picture(_ svg: String, _ drawing: SVGDrawing, region: Rect, in box: Frame, description: String,
                     border: String? = nil) throws(Failure) -> Picture {
            let scale = min(box.width / region.width, box.height / region.height)
            let frame = Frame(x: box.x + (box.width - region.width * scale) / 2, y: box.y + (box.height - region.height * scale) / 2,
                              width: region.width * scale, height: region.height * scale)
            let pixels = (Int((frame.width * ComparisonDeck.pixelsPerPoint).rounded()),
                          Int((frame.height * ComparisonDeck.pixelsPerPoint).rounded()))
            do {
                // librsvg measures in CSS pixels; the drawing's units are its viewBox's.
                let size = try SVGRasteriser.size(of: svg)
                let k = size.width / drawing.viewBox.width
                let png = try SVGRasteriser.png(
                    svg, region: ((region.x - drawing.viewBox.x) * k, (region.y - drawing.viewBox.y) * k, region.width * k, region.height * k),
                    width: max(pixels.0, 1), height: max(pixels.1, 1))
                return Picture(frame: frame, png: png, description: description, border: border)
            } catch {
                throw Failure(description: "cannot draw '\(description)': \(error.description)")
            }
        }

        // MARK: What changed

        mutating func whatChanged(_ other: Int) throws(Failure) {
            let heading = ComparisonSummary.heading(input, other: other)
            if other < input.inputChanges.count, !input.inputChanges[other].isEmpty {
                let lines = input.inputChanges[other].map(\.description)
                let shown = lines.prefix(12)
                var paragraphs = shown.map { Paragraph([TextRun($0, size: 16)], bullet: true, spaceBefore: 4) }
                if lines.count > shown.count {
                    paragraphs.append(Paragraph([TextRun(deckWords.andMore(lines.count - shown.count), size: 13, colour: Palette.muted)], spaceBefore: 6))
                }
                add("\(deckWords.inputChanged): \(input.otherNames[other])",
                    [.text(TextBox(frame: Frame(x: 36, y: Self.top, width: 888, height: 512 - Self.top), paragraphs: paragraphs))],
                    notes: [heading, ""] + lines.map { "• \($0)" })
            }
            guard other < input.orgChanges.count else { return }
            let changes = input.orgChanges[other]
            var elements: [SlideElement] = []
            var notes = [heading, ""]
            if changes.isEmpty {
                elements.append(.text(TextBox(frame: Frame(x: 36, y: Self.top, width: 888, height: 60),
                                              paragraphs: [Paragraph([TextRun(words.noOrgChanges, size: 18)])])))
                notes.append(words.noOrgChanges)
            } else {
                let columns: [(String, String, [String])] = [
                    (words.added, Palette.better, changes.added.map { person($0) }),
                    (words.removed, Palette.worse, changes.removed.map { person($0) }),
                    (words.moved, Palette.neutral, changes.moved.map { "\($0.name): \($0.from) → \($0.to)" }),
                ]
                let width = (888.0 - 2 * 18) / 3
                for (c, column) in columns.enumerated() {
                    let x = 36 + Double(c) * (width + 18)
                    elements.append(.box(Frame(x: x, y: Self.top, width: width, height: 4), fill: column.1))
                    var paragraphs = [Paragraph([TextRun("\(column.0) ", size: 18, bold: true),
                                                 TextRun("\(column.2.count)", size: 18, colour: Palette.muted)])]
                    let limit = 15
                    let shown = column.2.prefix(column.2.count > limit ? limit - 1 : limit)
                    if column.2.isEmpty { paragraphs.append(Paragraph([TextRun(words.none, size: 12, colour: Palette.muted)], spaceBefore: 4)) }
                    for item in shown { paragraphs.append(Paragraph([TextRun(item, size: 11)], bullet: true, spaceBefore: 2)) }
                    if column.2.count > shown.count {
                        paragraphs.append(Paragraph([TextRun(deckWords.andMore(column.2.count - shown.count), size: 11, colour: Palette.muted)], spaceBefore: 2))
                    }
                    elements.append(.text(TextBox(frame: Frame(x: x, y: Self.top + 8, width: width, height: 512 - Self.top - 8),
                                                  paragraphs: paragraphs, fill: "#f5f7fa", inset: 8)))
                    notes.append("\(column.0) (\(column.2.count)):")
                    notes += column.2.map { "• \($0)" }
                }
            }
            add("\(words.orgChanges): \(input.otherNames[other])", elements, notes: notes)
            if let svg = changes.diagramSVG {
                try diagram(svg, title: "\(words.orgDiagram): \(input.otherNames[other])", description: words.orgDiagram,
                            notes: [heading])
            }
        }

        func person(_ person: OrgChangeList.Person) -> String {
            person.unit.map { "\(person.name) (\($0))" } ?? person.name
        }

        // MARK: Heat maps and charts

        mutating func heatMap(_ maps: FloorMaps) throws(Failure) {
            let count = max(input.scenarioNames.count, 1)
            let gap = 16.0
            let width = (888 - gap * Double(count - 1)) / Double(count)
            var elements: [SlideElement] = []
            for (i, name) in input.scenarioNames.enumerated() {
                let x = 36 + Double(i) * (width + gap)
                elements.append(.text(TextBox(frame: Frame(x: x, y: Self.top - 4, width: width, height: 26),
                                              paragraphs: [Paragraph([TextRun("■ ", size: 14, colour: Palette.scenario(i)),
                                                                      TextRun(name, size: 14, bold: true)])])))
                let svg = i < maps.svgs.count ? maps.svgs[i] : ""
                let box = Frame(x: x, y: Self.top + 26, width: width, height: 512 - Self.top - 26)
                if let drawing = SVGDrawing(svg) {
                    elements.append(.picture(try picture(svg, drawing, region: drawing.content, in: box,
                                                         description: "\(deckWords.heatMap): \(maps.site), \(name)")))
                } else {
                    elements.append(.text(TextBox(frame: box, paragraphs: [Paragraph([TextRun(deckWords.notDrawn, size: 14, colour: Palette.muted)])])))
                }
            }
            var notes = [maps.site, words.floorMapsIntro]
            if let occupancy = input.hourlyOccupancy.first(where: { $0.site == maps.site }) {
                let format = NumberFormat(input.language)
                let peaks = occupancy.series.enumerated().compactMap { i, series -> String? in
                    guard i < input.scenarioNames.count, let peak = series.filter(\.isFinite).max() else { return nil }
                    return "\(input.scenarioNames[i]) \(format.number(peak, decimals: 1))"
                }
                if !peaks.isEmpty { notes.append("\(deckWords.peakNote): \(peaks.joined(separator: "; ")).") }
            }
            add("\(deckWords.heatMap): \(maps.site)", elements, notes: notes)
        }

        mutating func differenceChart(_ other: Int) throws(Failure) {
            let svg = Charts.differences(input.kpiRows, other: other, scenarioNames: input.scenarioNames,
                                         currency: input.currency, language: input.language, id: "deck-diff\(other)")
            guard let drawing = SVGDrawing(svg) else { return }
            let box = Frame(x: 36, y: Self.top - 4, width: 888, height: 516 - Self.top)
            let pic = try picture(svg, drawing, region: drawing.content, in: box, description: words.differencesTitle)
            var notes = [ComparisonSummary.heading(input, other: other), words.differencesNote, words.sharesInPoints, ""]
            for row in input.kpiRows {
                let info = p.info(row.kpi)
                guard let d = row.difference(other) else { continue }
                var line = "• \(p.label(info)): \(p.differenceCell(d, info))"
                let relative = p.relativeCell(row, other: other, info)
                if relative != "–" { line += ", \(relative)" }
                line += row.isClaimed(other) ? " — \(p.verdictWord(row, other: other, info))" : " — \(words.noClearDifference)"
                notes.append(line)
            }
            add("\(words.differencesTitle): \(input.otherNames[other])", [.picture(pic)], notes: notes)
        }

        // MARK: Assumptions

        mutating func assumptions() {
            let a = input.assumptions
            var paragraphs: [Paragraph] = []
            func fact(_ name: String, _ value: String) {
                paragraphs.append(Paragraph([TextRun("\(name): ", size: 15, bold: true), TextRun(value, size: 15)], bullet: true, spaceBefore: 6))
            }
            for (i, name) in input.scenarioNames.enumerated() {
                var value = name + (i == 0 ? " (\(words.baseline))" : "")
                if i < a.scenarioFiles.count { value += " — \(a.scenarioFiles[i])" }
                fact(i == 0 ? words.scenarios : "", value)
            }
            paragraphs = paragraphs.map { p in
                var p = p
                if p.runs.first?.text == ": " { p.runs.removeFirst() }
                return p
            }
            fact(words.seed, "\(a.seed)")
            fact(words.replications, "\(a.replications)")
            fact(words.days, "\(a.days)")
            if let warmUp = a.warmUpDays { fact(words.warmUp, "\(warmUp)") }
            fact(words.intervals, words.intervalsText)
            fact(words.programVersion, "Pitstop \(a.programVersion)")
            for note in a.notes { paragraphs.append(Paragraph([TextRun(note, size: 13, colour: Palette.muted)], bullet: true, spaceBefore: 6)) }
            add(words.assumptions, [.text(TextBox(frame: Frame(x: 36, y: Self.top, width: 888, height: 512 - Self.top), paragraphs: paragraphs))],
                notes: paragraphs.map { "• \($0.text)" })
        }
    }
}
