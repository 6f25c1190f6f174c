import Foundation
import GraphvizRendering
import PitstopDeck
import PitstopDiagrams
import PitstopModel
import PitstopReport
import PitstopSimulation

/// Scenarios compared on the same simulated visitors, their results, and everything
/// derived from them: paired differences, org changes, diagrams, the report input, JSON
/// and CSV. The first scenario is the baseline.
///
/// ```swift
/// let study = ComparisonStudy.run(scenarios, files: paths, options: options, language: .en)
/// let outputs = try study.outputs()
/// try OutputWriter.write(outputs.files, to: "Output/" + study.folderName)
/// ```
public struct ComparisonStudy: Sendable {
    public let scenarios: [Scenario]
    /// Display names, unique (a repeated name gets its file stem appended).
    public let names: [String]
    /// File stems, unique (`x`, `x-2`): they name the output files.
    public let stems: [String]
    public let files: [String]
    public let results: [SimulationResults]
    public let options: RunOptions
    public let language: ReportLanguage
    /// Per other scenario: other − baseline.
    public let differences: [ComparisonDifferences]
    /// Per other scenario, by staff id.
    public let changes: [OrgChanges]
    /// Per other scenario: every input that differs from the baseline's.
    public let inputChanges: [[InputChange]]
    /// Notes for the report's assumptions, after the standard ones (e.g. how the scenarios
    /// were staffed).
    public var notes: [String] = []
    /// Extra top-level members of the comparison JSON (e.g. `staffing`).
    public var extraJSON: [String: JSONText] = [:]

    /// Simulates every scenario with the same options (and so the same random streams) and
    /// compares them with the first. `files` are the scenarios' paths (for names and stems).
    public static func run(
        _ scenarios: [Scenario], files: [String], options: RunOptions, language: ReportLanguage,
        progress: ProgressHandler? = nil
    ) -> ComparisonStudy {
        let stems = unique(files.map(fileStem), separator: "-")
        let names = uniqueNames(scenarios.map(\.name), stems: stems)
        let results = zip(scenarios, names).map { scenario, name in
            var relabelled: ProgressHandler?
            if let progress {
                relabelled = { p in progress(StudyProgress(label: name, done: p.done, total: p.total)) }
            }
            var r = SimulationStudy.run(scenario, options: options, progress: relabelled).results
            r.scenario = name
            return r
        }
        return ComparisonStudy(
            scenarios: scenarios, names: names, stems: stems, files: files, results: results, options: options,
            language: language)
    }

    /// The comparison of scenarios already simulated with `options` — `results[i]` is
    /// ``SimulationStudy/run(_:options:progress:)``'s of `scenarios[i]` — with the first: what
    /// ``run(_:files:options:language:progress:)`` makes once it has simulated them. For a
    /// front end that keeps results (the explorer simulates a baseline once for many what-ifs)
    /// or stops a run whose user has gone away (``SimulationStudy/run(_:options:progress:isCancelled:)``).
    public init(
        _ scenarios: [Scenario], files: [String], results: [SimulationResults], options: RunOptions,
        language: ReportLanguage
    ) {
        let stems = Self.unique(files.map(fileStem), separator: "-")
        let names = Self.uniqueNames(scenarios.map(\.name), stems: stems)
        let relabelled = zip(results, names).map { results, name in
            var r = results
            r.scenario = name
            return r
        }
        self.init(
            scenarios: scenarios, names: names, stems: stems, files: files, results: relabelled, options: options,
            language: language)
    }

    /// The default output folder's name: `<stem A>-vs-<stem B>`.
    public var folderName: String { stems.joined(separator: "-vs-") }

    init(
        scenarios: [Scenario], names: [String], stems: [String], files: [String], results: [SimulationResults],
        options: RunOptions, language: ReportLanguage
    ) {
        self.scenarios = scenarios
        self.names = names
        self.stems = stems
        self.files = files
        self.results = results
        self.options = options
        self.language = language
        differences = results.dropFirst().map { PairedDifference.compare(baseline: results[0], other: $0) }
        changes = scenarios.dropFirst().map { OrgChanges(baseline: scenarios[0], other: $0) }
        // A scenario's name and description label it; they change no result.
        inputChanges = scenarios.dropFirst().map { other in
            scenarios[0].inputChanges(to: other).filter { $0.path != "name" && $0.path != "description" }
        }
    }

    public var baseline: Scenario { scenarios[0] }

    /// The report's language for the diagrams' words.
    var diagramLanguage: DiagramLanguage { language == .da ? .da : .en }

    /// Labels made unique by position: a label that repeats gets ` (2)`, ` (3)` … from its
    /// second use on (the same file compared with itself, or two files of one name).
    static func unique(_ labels: [String], separator: String = " ") -> [String] {
        var seen: [String: Int] = [:]
        var taken = Set<String>()
        return labels.map { label in
            var candidate = label
            var n = seen[label, default: 1]
            while taken.contains(candidate) {
                n += 1
                candidate = separator == " " ? "\(label) (\(n))" : "\(label)\(separator)\(n)"
            }
            seen[label] = n
            taken.insert(candidate)
            return candidate
        }
    }

    /// Scenario names for tables and JSON keys: a repeated name gets its file stem, then a number.
    static func uniqueNames(_ names: [String], stems: [String]) -> [String] {
        let withStems = names.enumerated().map { i, name in
            names.filter { $0 == name }.count > 1 ? "\(name) (\(stems[i]))" : name
        }
        return unique(withStems)
    }

    // MARK: Outputs

    /// Everything a comparison writes and prints, made before anything is written — but for
    /// the report, which is made as it is written (see ``OutputFile/init(name:producer:)``);
    /// with `deck`, also `deck.pptx` (the comparison as PowerPoint slides, from the same input as
    /// the report). With a `spill`, the drawings wait on disk rather than in memory until they
    /// are written (``DiagramSpill``); the returned `input` then holds their tokens.
    public func outputs(deck: Bool = false, spill: DiagramSpill? = nil) throws(StudyError) -> ComparisonOutputs {
        let spill = deck ? nil : spill  // the deck draws its pictures from the SVGs themselves
        // The JSON first: its tree is short-lived, and gone before the diagrams are held.
        let json = json()
        let csv = csv()
        ProcessMemory.releaseFreed()
        let diagrams = try renderDiagrams(pagesAndJourneys: true, spill: spill)
        ProcessMemory.releaseFreed()  // Graphviz's layout tables
        let input = reportInput(diagrams)
        var files: [OutputFile]
        if let spill {
            files = diagrams.files.map { file in OutputFile(name: file.name) { sink in spill.copy(file.svg, to: &sink) } }
            files.append(OutputFile(name: "report.html") { sink in HTMLReport.render(input, to: &sink, drawing: spill.bytes) })
        } else {
            files = diagrams.files.map { OutputFile(name: $0.name, text: $0.svg) }
            // Written as it is made: a report of a large organisation is tens of megabytes.
            files.append(OutputFile(name: "report.html") { sink in HTMLReport.render(input, to: &sink) })
        }
        files.append(OutputFile(name: "comparison.json", text: json + "\n"))
        files.append(OutputFile(name: "comparison.csv", text: csv))
        if deck {
            do {
                files.append(OutputFile(name: "deck.pptx", bytes: try ComparisonDeck.pptx(input)))
            } catch {
                throw StudyError("cannot make the deck: \(error.description)")
            }
        }
        return ComparisonOutputs(input: input, json: json, csv: csv, files: files)
    }

    /// The report's input — KPI rows, org changes with the org-diff chart, heat maps, hourly
    /// occupancy, what changed — without rendering the report (what the explorer shows).
    /// The org charts' pages and the journeys are drawn only with `pagesAndJourneys`: the
    /// explorer shows neither, and they are a good part of a run's drawing time.
    public func reportInput(pagesAndJourneys: Bool = false) throws(StudyError) -> ReportInput {
        reportInput(try renderDiagrams(pagesAndJourneys: pagesAndJourneys))
    }

    // MARK: Diagrams

    /// Rendered SVGs for the report, and the files to write next to it.
    struct Diagrams {
        var orgCharts: [String] = []
        /// Per scenario: the chart's pages when it does not fit one page (else empty).
        var orgChartPages: [[DiagramPage]] = []
        /// Per perspective of the baseline (then any other scenario's), per scenario.
        var journeys: [JourneyDiagram] = []
        var orgDiffs: [String] = []
        /// Per site of the baseline: one SVG per scenario ("" where a scenario lacks the site).
        var floorMaps: [(site: Site, svgs: [String])] = []
        var files: [(name: String, svg: String)] = []
    }

    /// With a `spill`, each drawing goes to disk as it is drawn and ``Diagrams`` holds its
    /// token (see ``DiagramSpill``).
    func renderDiagrams(pagesAndJourneys: Bool, spill: DiagramSpill? = nil) throws(StudyError) -> Diagrams {
        func svg(_ dot: String, _ layout: Layout) throws(StudyError) -> String {
            let drawn: String
            do {
                drawn = String(decoding: try Graphviz.render(dot: dot, layout: layout, format: .svg), as: UTF8.self)
            } catch {
                throw StudyError("\(error)")
            }
            return try spill?.keep(drawn) ?? drawn
        }
        var d = Diagrams()
        for (i, scenario) in scenarios.enumerated() {
            let chart = try svg(
                OrgChart.dot(scenario, options: OrgChartOptions(idPrefix: "org\(i)", language: diagramLanguage)), .dot)
            d.orgCharts.append(chart)
            d.files.append(("orgchart-\(stems[i]).svg", chart))
            let pages = pagesAndJourneys
                ? OrgChart.pages(scenario, options: OrgChartOptions(idPrefix: "org\(i)", language: diagramLanguage)) : []
            var rendered: [DiagramPage] = []
            if pages.count > 1 {
                for page in pages { rendered.append(DiagramPage(title: page.title, svg: try svg(page.dot, .dot))) }
            }
            d.orgChartPages.append(rendered)
        }
        if pagesAndJourneys { d.journeys = try renderJourneys(svg) }
        for (i, other) in scenarios.enumerated().dropFirst() {
            let diff = try svg(
                OrgDiffChart.dot(baseline: baseline, other: other, idPrefix: "diff\(i)", language: diagramLanguage), .dot)
            d.orgDiffs.append(diff)
            d.files.append(("orgdiff-\(stems[0])-\(stems[i]).svg", diff))
        }
        // Every site of every scenario, the baseline's first.
        let sites = scenarios.flatMap(\.sites).reduce(into: [Site]()) { all, site in
            if !all.contains(where: { $0.id == site.id }) { all.append(site) }
        }
        for site in sites {
            var svgs: [String] = []
            for (i, scenario) in scenarios.enumerated() {
                guard let s = scenario.site(site.id) else {
                    svgs.append("")
                    continue
                }
                let dot = FloorMap.dot(
                    site: s, in: scenario, overlay: heat(site: s, results[i]), idPrefix: "floor\(i)-\(s.id)",
                    language: diagramLanguage)
                let map = try svg(dot, .nop)
                svgs.append(map)
                d.files.append(("heat-\(stems[i])-\(s.id).svg", map))
            }
            d.floorMaps.append((site, svgs))
        }
        return d
    }

    /// The journeys of each perspective (in the order the scenarios first name them), one per
    /// scenario that has it, with what that scenario's simulation measured.
    func renderJourneys(_ svg: (String, Layout) throws(StudyError) -> String) throws(StudyError) -> [JourneyDiagram] {
        let held = scenarios.map(JourneyChart.perspectives(in:))
        var perspectives: [Perspective] = []
        for p in held.joined() where !perspectives.contains(where: { $0.id == p.id }) { perspectives.append(p) }
        let w = Words.of(language)
        let note = "\(options.replications) \(w.replicationsUnit) × \(options.days) \(w.daysUnit), "
            + (language == .da ? "gennemsnit pr. dag" : "means a day")
        var journeys: [JourneyDiagram] = []
        for perspective in perspectives {
            for (i, scenario) in scenarios.enumerated() where held[i].contains(where: { $0.id == perspective.id }) {
                let figures = JourneyFigures(kpiMeans: results[i].personas.mapValues { $0.mapValues(\.mean) }, note: note)
                let dot = JourneyChart.dot(
                    scenario, perspective: perspective.id, results: figures,
                    options: JourneyChartOptions(idPrefix: "jr\(i)", language: diagramLanguage))
                journeys.append(JourneyDiagram(perspective: perspective.name, scenario: i, svg: try svg(dot, .dot)))
            }
        }
        return journeys
    }

    /// Mean occupancy as a share of capacity per zone, and the walks between zones.
    /// Mean occupancy in the zone's busiest hour of the day, as a share of its capacity, and
    /// the walks between zones. (The mean over all open hours, self-service evenings
    /// included, would paint every room "quiet" and hide the pressure at the peak.)
    func heat(site: Site, _ r: SimulationResults) -> FloorMapOverlay {
        var values: [String: Double] = [:]
        for zone in site.zones {
            let key = "\(site.id)/\(zone.id)"
            guard let cap = zone.capacity.limit, cap > 0,
                let busiest = r.hourlyOccupancy[key]?.max() ?? r.zones[key]?["occupancy_mean"]?.mean
            else { continue }
            values[zone.id] = busiest / Double(cap)
        }
        let title = language == .da
            ? "Gennemsnitlig belægning i zonens travleste time" : "Mean occupancy in the zone's busiest hour"
        return FloorMapOverlay(zoneValues: values, title: title, flows: r.flows[site.id] ?? [:])
    }

    // MARK: Report

    func reportInput(_ diagrams: Diagrams) -> ReportInput {
        func interval(_ e: Estimate?) -> Interval {
            guard let e else { return Interval(exactly: .nan) }
            return Interval(mean: e.mean, low: e.ci95.first ?? e.mean, high: e.ci95.last ?? e.mean)
        }
        func interval(_ e: DifferenceEstimate?) -> Interval {
            guard let e else { return Interval(exactly: .nan) }
            return Interval(mean: e.mean, low: e.ci95.first ?? e.mean, high: e.ci95.last ?? e.mean)
        }
        let kpiRows = KPIInfo.catalogue.map(\.key).filter { results[0].kpis[$0] != nil }.map { key in
            KPIComparisonRow(
                kpi: key, baseline: interval(results[0].kpis[key]),
                others: results.dropFirst().map { interval($0.kpis[key]) },
                differences: differences.map { interval($0.kpis[key]) })
        }
        let perspectives = baseline.perspectives.compactMap { p -> PerspectiveComparison? in
            guard let base = results[0].perspectives[p.id] else { return nil }
            let rows = KPIInfo.catalogue.map(\.key).filter { base[$0] != nil }.map { key in
                KPIComparisonRow(
                    kpi: key, baseline: interval(base[key]),
                    others: results.dropFirst().map { interval($0.perspectives[p.id]?[key]) },
                    differences: differences.map { interval($0.perspectives[p.id]?[key]) })
            }
            return PerspectiveComparison(name: p.name, rows: rows)
        }
        let orgChanges = changes.enumerated().map { i, c in
            orgChangeList(c, other: scenarios[i + 1], diagram: diagrams.orgDiffs[i])
        }
        let floorMaps = diagrams.floorMaps.map { FloorMaps(site: $0.site.name, svgs: $0.svgs) }
        let occupancy = baseline.sites.map { site in
            SiteOccupancy(
                site: site.name,
                series: results.map { $0.siteHourlyOccupancy[site.id] ?? Array(repeating: 0, count: 24) },
                capacity: {
                    let limits = site.zones.compactMap(\.capacity.limit)
                    return limits.count == site.zones.count ? Double(limits.reduce(0, +)) : nil
                }())
        }
        let separator = language == .da ? " mod " : " vs "
        var notes: [String] = []
        if language == .da {
            notes.append("Hvert scenarie er simuleret med de samme tilfældige tal (fælles besøgende); forskelle er parvise.")
        } else {
            notes.append("Every scenario ran on the same random streams (the same visitors); differences are paired.")
        }
        return ReportInput(
            title: names.joined(separator: separator), language: language, scenarioNames: names,
            currency: baseline.currency, kpiRows: kpiRows, perspectives: perspectives,
            orgChartSVGs: diagrams.orgCharts, orgChartPages: diagrams.orgChartPages, orgChanges: orgChanges, floorMaps: floorMaps,
            hourlyOccupancy: occupancy, waitDistributions: results.map(\.waitHistogram.fractions),
            inputChanges: inputChanges.enumerated().map { i, list in
                list.map { Self.namingCompetences($0, from: baseline, to: scenarios[i + 1]) }
            },
            journeys: diagrams.journeys,
            assumptions: Assumptions(
                seed: options.seed, replications: options.replications, days: options.days,
                warmUpDays: options.warmupDays > 0 ? options.warmupDays : nil, programVersion: PitstopVersion.current,
                scenarioFiles: files, notes: notes + self.notes))
    }

    /// An input change as the report and the deck show it: competence ids by their names
    /// (from the baseline for the old value, the other scenario for the new one), as every
    /// other word of theirs is. `comparison.json` keeps the ids.
    static func namingCompetences(_ change: InputChange, from base: Scenario, to other: Scenario) -> InputChange {
        let path = change.path
        guard path.hasSuffix(".competence") || path.hasSuffix(".competences") || path.hasSuffix(".dialogue") else { return change }
        func named(_ text: String, _ scenario: Scenario) -> String {
            let names = Dictionary(scenario.competences.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            var out = "", token = ""
            func flush() {
                out += names[token] ?? token
                token = ""
            }
            for c in text {
                if c.isLetter || c.isNumber || c == "-" || c == "_" { token.append(c) } else { flush(); out.append(c) }
            }
            flush()
            return out
        }
        var result = change
        result.from = change.from.map { named($0, base) }
        result.to = change.to.map { named($0, other) }
        return result
    }

    private func orgChangeList(_ c: OrgChanges, other: Scenario, diagram: String) -> OrgChangeList {
        func unitName(_ id: String?, in s: Scenario) -> String {
            guard let id else { return language == .da ? "(ingen enhed)" : "(no unit)" }
            return s.unit(id)?.name ?? id
        }
        func person(_ id: String, in s: Scenario) -> OrgChangeList.Person {
            let m = s.staffMember(id)
            return OrgChangeList.Person(name: m?.displayName ?? id, unit: m?.unit.map { unitName($0, in: s) })
        }
        return OrgChangeList(
            added: c.added.map { person($0, in: other) },
            removed: c.removed.map { person($0, in: baseline) },
            moved: c.moved.map { move in
                let name = other.staffMember(move.id)?.displayName ?? move.id
                if move.unitChanged {
                    return .init(name: name, from: unitName(move.from, in: baseline), to: unitName(move.to, in: other))
                }
                let site = { (id: String?, s: Scenario) in id.flatMap { s.site($0)?.name } ?? "–" }
                return .init(name: name, from: site(move.fromSite, baseline), to: site(move.toSite, other))
            },
            diagramSVG: diagram)
    }

    // MARK: JSON and CSV

    /// The comparison object of the contract: sorted keys, the results objects embedded.
    public func json() -> String {
        let others = Array(names.dropFirst())
        func strings(_ ids: [String]) -> JSONText { .array(ids.map { .string($0) }) }
        let orgChanges = zip(others, changes).map { name, c in
            (name, JSONText.object([
                "added": strings(c.added),
                "removed": strings(c.removed),
                "moved": .array(c.moved.map { m in
                    .object(["id": .string(m.id), "from": m.from.map { .string($0) } ?? .null,
                             "to": m.to.map { .string($0) } ?? .null])
                }),
            ]))
        }
        return JSONText.object(extraJSON.merging([
            "format": .integer(1),
            "baseline": .string(names[0]),
            "seed": .unsigned(options.seed),
            "replications": .integer(Int64(options.replications)),
            "days": .integer(Int64(options.days)),
            "results": .object(Dictionary(uniqueKeysWithValues: zip(names, results.map(\.jsonText)))),
            "differences": .object(Dictionary(uniqueKeysWithValues: zip(others, differences.map(\.jsonText)))),
            "org_changes": .object(Dictionary(uniqueKeysWithValues: orgChanges)),
            "input_changes": .object(Dictionary(uniqueKeysWithValues: zip(others, inputChanges).map { name, list in
                (name, JSONText.array(list.map { c in
                    .object(["path": .string(c.path), "from": c.from.map { .string($0) } ?? .null,
                             "to": c.to.map { .string($0) } ?? .null])
                }))
            })),
        ]) { _, standard in standard }).rendered()
    }

    /// One row per scope, KPI and scenario, with the paired difference for non-baselines.
    public func csv() -> String {
        var out = "scope,id,kpi,scenario,mean,ci_low,ci_high,difference,difference_low,difference_high,relative\n"
        func row(_ scope: String, _ id: String, _ kpi: String, _ i: Int, _ e: Estimate?, _ d: (Double, [Double], Double?)?) {
            guard let e else { return }
            var cells = [scope, csvField(id), kpi, csvField(names[i]), formatNumber(e.mean), formatNumber(e.ci95.first ?? e.mean),
                         formatNumber(e.ci95.last ?? e.mean)]
            if let d {
                cells += [formatNumber(d.0), formatNumber(d.1.first ?? d.0), formatNumber(d.1.last ?? d.0), d.2.map(formatNumber) ?? ""]
            } else {
                cells += ["", "", "", ""]
            }
            out += cells.joined(separator: ",") + "\n"
        }
        let keys = KPIInfo.catalogue.map(\.key)
        for key in keys {
            for i in results.indices {
                let d = i == 0 ? nil : differences[i - 1].kpis[key].map { ($0.mean, $0.ci95, $0.relative) }
                row("overall", "", key, i, results[i].kpis[key], d)
            }
        }
        for p in baseline.perspectives {
            for key in keys {
                for i in results.indices {
                    let d = i == 0 ? nil : differences[i - 1].perspectives[p.id]?[key].map { ($0.mean, $0.ci95, nil as Double?) }
                    row("perspective", p.id, key, i, results[i].perspectives[p.id]?[key], d)
                }
            }
        }
        return out
    }
}

/// What a comparison writes and prints.
public struct ComparisonOutputs: Sendable {
    /// The report's input: tables, summary, diagrams (also what a deck is built from).
    public let input: ReportInput
    /// The comparison object of the contract (no trailing newline).
    public let json: String
    public let csv: String
    /// Every file, the report (`report.html`) among them.
    public let files: [OutputFile]

    /// The ten-second table and the summary in words.
    public var text: String { ComparisonTable.text(input) }
    public var markdown: String { ComparisonTable.markdown(input) }
}

/// The stem of a scenario path: `Scenarios/pitstop.yaml` → `pitstop`.
public func fileStem(_ path: String) -> String {
    URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
}
