import Foundation
import GraphvizRendering
import PitstopDiagrams
import PitstopModel
import PitstopReport
import PitstopScenario
import PitstopSimulation
import PitstopStudy
import Synchronization

/// The explorer's work, apart from HTTP: the folder's scenarios, their views, checks of
/// what-ifs, runs (through ``ComparisonStudy``, the logic every front end shares), saved
/// overlays. Every answer is JSON written by ``JSONText``; scenarios that do not load are
/// ``ExplorerError``s carrying their diagnostics.
public final class Explorer: Sendable {
    public let options: ExplorerOptions
    public let folder: ScenarioFolder
    public let queue: RunQueue
    public let progress = ProgressBoard()
    let runs: BodyCache<RunKey>
    let views: BodyCache<ViewKey>
    /// Scenarios loaded, kept while their files are unchanged.
    public let loads = LoadCache()
    /// Simulations kept by scenario and options: most runs compare a what-if with the same
    /// baseline, which is simulated once.
    let simulations = ValueCache<SimulationKey, SimulationResults>(entries: 16)

    public init(options: ExplorerOptions) throws(ExplorerError) {
        self.options = options
        folder = try ScenarioFolder(path: options.folder)
        queue = RunQueue(workers: options.workers, waiting: options.waitingRuns)
        runs = BodyCache(entries: options.cachedRuns, bytes: options.cachedBytes)
        views = BodyCache(entries: 32, bytes: 64 * 1024 * 1024)
    }

    // MARK: - Scenarios

    /// `{"folder", "scenarios": [{"id", "name", "description", "extends", "errors", "warnings"}]}`:
    /// every scenario file of the folder, loaded (a file with errors is listed with their count).
    public func listing() -> JSONText {
        let files = folder.files()
        let entries = files.map { file -> JSONText in
            let loaded = loads.load(path: file.path)
            let errors = loaded.diagnostics.filter { $0.severity == .error }.count
            // The loader read the file, then the one it extends.
            let base = loaded.files.dropFirst().first
            let extends = base.flatMap { path in files.first { $0.path == path }?.id }
            return .object([
                "id": .string(file.id),
                "name": .string(loaded.scenario?.name ?? ScenarioFolder.stem(file.id)),
                "description": loaded.scenario?.description.map { .string($0) } ?? .null,
                "extends": extends.map { .string($0) } ?? .null,
                "errors": .integer(Int64(errors)),
                "warnings": .integer(Int64(loaded.diagnostics.count - errors)),
            ])
        }
        return .object(["folder": .string(folder.display), "scenarios": .array(entries)])
    }

    /// The listed file `id`, or 404.
    func file(_ id: String) throws(ExplorerError) -> ScenarioFolder.File {
        guard let file = folder.file(id: id) else {
            let known = folder.files().map(\.id)
            var message = "no scenario '\(id)' in the served folder"
            if let close = closestMatch(to: id, in: known) { message += "; did you mean '\(close)'?" }
            throw ExplorerError(.notFound, message)
        }
        return file
    }

    /// Loads a listed file with `sets`; 422 with the diagnostics when it has errors.
    func load(_ file: ScenarioFolder.File, sets: [String] = []) throws(ExplorerError) -> (Scenario, [Diagnostic]) {
        let result = loads.load(path: file.path, sets: sets)
        guard let scenario = result.scenario, !result.hasErrors else {
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            throw ExplorerError(
                .unprocessableContent, "'\(file.id)' does not load: \(errors) error\(errors == 1 ? "" : "s")",
                diagnostics: DiagnosticJSON.make(result.diagnostics, folder: folder))
        }
        return (scenario, result.diagnostics)
    }

    /// The what-if of `request`: its scenario with its `--set`s, named as a what-if.
    func whatIf(_ request: WhatIfRequest, sets: [String], language: ReportLanguage) throws(ExplorerError) -> WhatIf {
        let file = try file(request.scenario)
        let (original, _) = try load(file)
        var (scenario, diagnostics) = try load(file, sets: sets)
        scenario.name = WhatIf.name(of: original.name, language: language)
        return WhatIf(file: file, original: original, scenario: scenario, sets: sets, diagnostics: diagnostics)
    }

    struct ViewKey: Hashable, Sendable {
        let id: String
        let scenario: Scenario
        let language: ReportLanguage
    }

    /// The scenario as the page first shows it: figures, controls, org chart, floor maps,
    /// the run lengths, and its warnings.
    public func view(_ id: String, language: ReportLanguage) throws(ExplorerError) -> [UInt8] {
        let file = try file(id)
        let (scenario, diagnostics) = try load(file)
        let key = ViewKey(id: id, scenario: scenario, language: language)
        if let body = views.body(for: key) { return body }
        let diagramLanguage: DiagramLanguage = language == .da ? .da : .en
        let drawn: [OutputFile]
        do {
            drawn = try DrawStudy.files(scenario, charts: .all, format: .svg, orgChart: OrgChartOptions(),
                                        language: diagramLanguage)
        } catch {
            throw ExplorerError(.internalServerError, "cannot draw '\(id)': \(error.description)")
        }
        func svg(_ name: String, prefix: String) -> JSONText {
            guard let file = drawn.first(where: { $0.name == name }) else { return .null }
            return .string(SVGIDs.prefixed(String(decoding: file.bytes, as: UTF8.self), prefix: prefix))
        }
        let metrics = OrgMetrics(scenario)
        let format = NumberFormat(language)
        let figures: JSONText = .object([
            "positions": .integer(Int64(metrics.positions)),
            "headcount": .integer(Int64(metrics.headcount)),
            "vacancies": .integer(Int64(metrics.vacancies)),
            "fte": .number(metrics.fte),
            "annual_cost": .number(metrics.annualCost),
            "units": .integer(Int64(metrics.units)),
            "layers": .integer(Int64(metrics.layers)),
            "text": .object([
                "fte": .string(format.number(metrics.fte, decimals: 1)),
                "annual_cost": .string(format.number(metrics.annualCost, decimals: 0) + " " + scenario.currency),
            ]),
        ])
        let json: JSONText = .object([
            "id": .string(id),
            "name": .string(scenario.name),
            "description": scenario.description.map { .string($0) } ?? .null,
            "currency": .string(scenario.currency),
            "diagnostics": .array(DiagnosticJSON.make(diagnostics, folder: folder)),
            "figures": figures,
            "settings": .object([
                "seed": .unsigned(scenario.simulation.seed),
                "interactive": .object([
                    "replications": .integer(Int64(options.interactiveReplications)),
                    "days": .integer(Int64(options.interactiveDays)),
                ]),
                "full": .object([
                    "replications": .integer(Int64(scenario.simulation.replications)),
                    "days": .integer(Int64(scenario.simulation.days)),
                ]),
            ]),
            "controls": ExplorerControls(scenario).json,
            "org_chart": svg("orgchart.svg", prefix: "view-org-"),
            "floor_maps": .array(scenario.sites.map { site in
                .object([
                    "site": .string(site.id), "name": .string(site.name),
                    "svg": svg("floor-\(site.id).svg", prefix: "view-floor-\(site.id)-"),
                ])
            }),
        ])
        let body = Array((json.rendered() + "\n").utf8)
        views.store(body, for: key)
        return body
    }

    // MARK: - What-ifs

    /// `{"ok", "diagnostics", "changes"}`: the `--set`s checked by the loader (every problem,
    /// each with the index of its `--set`), and what they change.
    public func check(_ request: WhatIfRequest) throws(ExplorerError) -> JSONText {
        let (sets, language) = try request.validated()
        let file = try file(request.scenario)
        let (original, _) = try load(file)
        let result = loads.load(path: file.path, sets: sets)
        var changes: [InputChange] = []
        if let scenario = result.scenario, !result.hasErrors {
            changes = original.inputChanges(to: scenario).filter { $0.path != "name" && $0.path != "description" }
        }
        _ = language
        return .object([
            "ok": .bool(!result.hasErrors),
            "diagnostics": .array(DiagnosticJSON.make(result.diagnostics, folder: folder)),
            "changes": .array(changes.map(Explorer.changeJSON)),
        ])
    }

    static func changeJSON(_ change: InputChange) -> JSONText {
        .object([
            "path": .string(change.path),
            "from": change.from.map { .string($0) } ?? .null,
            "to": change.to.map { .string($0) } ?? .null,
        ])
    }

    /// `{"file_name", "text"}`: the what-if as an overlay file to save beside its scenario.
    /// The text is loaded back before it is handed out and must give the what-if exactly.
    public func save(_ request: WhatIfRequest) throws(ExplorerError) -> JSONText {
        let (sets, language) = try request.validated()
        let whatIf = try whatIf(request, sets: sets, language: language)
        let baseline = try request.baseline.map { id throws(ExplorerError) in try file(id) }
        let length = lengthChoice(full: request.full ?? false)
        let text = whatIf.overlayText(language: language, baseline: baseline ?? whatIf.file, settings: length)
        let beside = (whatIf.file.path as NSString).deletingLastPathComponent + "/" + whatIf.overlayFileName
        let reloaded = ScenarioLoader.load(yaml: text, path: beside)
        guard let scenario = reloaded.scenario, !reloaded.hasErrors, scenario == whatIf.scenario else {
            throw ExplorerError(.internalServerError, "the overlay written for this what-if does not reproduce it")
        }
        return .object(["file_name": .string(whatIf.overlayFileName), "text": .string(text)])
    }

    /// `{"scenario", "sets", "name"}`: a saved what-if read back — the scenario it extends
    /// (which must be a file of the served folder) and its `--set`s. Nothing is opened by a
    /// name the text gives except a listed scenario.
    public func open(_ text: String) throws(ExplorerError) -> JSONText {
        let read = WhatIfFile.read(yaml: text, file: "what-if")
        guard let whatIf = read.whatIf else {
            throw ExplorerError(.unprocessableContent, "the file is not a what-if that can be read",
                                diagnostics: DiagnosticJSON.make(read.diagnostics, folder: folder))
        }
        guard let extends = whatIf.extends else {
            throw ExplorerError(.unprocessableContent, "the file extends no scenario: a saved what-if has 'extends'")
        }
        guard !extends.contains("/"), let file = folder.file(id: extends) else {
            throw ExplorerError(
                .unprocessableContent,
                "the what-if extends '\(extends)', which is not a scenario of the served folder; keep a saved what-if beside its scenario")
        }
        if !whatIf.otherKeys.isEmpty {
            let keys = whatIf.otherKeys.map { "'\($0)'" }.joined(separator: ", ")
            throw ExplorerError(
                .unprocessableContent,
                "the what-if changes \(keys) as an overlay; the explorer opens what-ifs kept as a 'set:' list (use pitstop compare for this one)")
        }
        let result = loads.load(path: file.path, sets: whatIf.sets)
        return .object([
            "scenario": .string(file.id),
            "sets": .array(whatIf.sets.map { .string($0) }),
            "name": whatIf.name.map { .string($0) } ?? .null,
            "diagnostics": .array(DiagnosticJSON.make(result.diagnostics, folder: folder)),
        ])
    }

    // MARK: - Runs

    /// The interactive length, or the scenario's own.
    func lengthChoice(full: Bool) -> RunLengthChoice {
        full ? RunLengthChoice(replications: nil, days: nil)
            : RunLengthChoice(replications: options.interactiveReplications, days: options.interactiveDays)
    }

    /// What a run's answer depends on: the two scenarios as loaded (so a changed file is a
    /// new run, and two lists of `--set`s that give the same what-if are one), their ids
    /// (they name files in the answer), the options and the language.
    struct RunKey: Hashable, Sendable {
        let baselineID: String
        let scenarioID: String
        let baseline: Scenario
        let whatIf: Scenario
        let options: RunOptions
        let language: ReportLanguage
    }

    /// A run ready to go: both scenarios loaded, the options fixed, the cache key known.
    struct PreparedRun: Sendable {
        let key: RunKey
        let baselineFile: ScenarioFolder.File
        let baseline: Scenario
        let whatIf: WhatIf
        let options: RunOptions
        let length: RunLengthChoice
        let language: ReportLanguage
        let ticket: String?

        /// Replications in all (both scenarios), for progress.
        var total: Int { 2 * options.replications }
    }

    func prepare(_ request: WhatIfRequest) throws(ExplorerError) -> PreparedRun {
        let (sets, language) = try request.validated()
        let whatIf = try whatIf(request, sets: sets, language: language)
        let baselineFile = try request.baseline.map { id throws(ExplorerError) in try file(id) } ?? whatIf.file
        let (baseline, _) = baselineFile == whatIf.file ? (whatIf.original, []) : try load(baselineFile)
        let length = lengthChoice(full: request.full ?? false)
        var options: RunOptions
        do {
            options = try RunSettings(days: length.days, replications: length.replications).runOptions(for: baseline)
        } catch {
            throw ExplorerError(.unprocessableContent, error.description)
        }
        options.jobs = 0
        let key = RunKey(baselineID: baselineFile.id, scenarioID: whatIf.file.id, baseline: baseline,
                         whatIf: whatIf.scenario, options: options, language: language)
        return PreparedRun(key: key, baselineFile: baselineFile, baseline: baseline, whatIf: whatIf, options: options,
                           length: length, language: language, ticket: request.ticket)
    }

    /// A cached run's body, if there is one.
    func cached(_ run: PreparedRun) -> [UInt8]? { runs.body(for: run.key) }

    struct SimulationKey: Hashable, Sendable {
        let scenario: Scenario
        let options: RunOptions
    }

    /// Runs the comparison (blocking: call it on a worker) and caches its body. Each scenario
    /// is simulated by the study library, or taken from the simulations kept (a baseline is
    /// simulated once for all the what-ifs compared with it); the comparison is then
    /// `ComparisonStudy`'s. Throws ``StudyError/cancelled`` when `flag` is set between
    /// replications.
    func execute(_ run: PreparedRun, flag: CancelFlag) throws -> [UInt8] {
        let progress = self.progress
        let ticket = run.ticket
        let total = run.total
        let tally = ReplicationTally()
        var results: [SimulationResults] = []
        for (index, scenario) in [run.baseline, run.whatIf.scenario].enumerated() {
            let key = SimulationKey(scenario: scenario, options: run.options)
            if let kept = simulations.value(for: key) {
                progress.advance(ticket, done: tally.add(StudyProgress(label: "\(index)", done: kept.replications,
                                                                        total: kept.replications)), total: total)
                results.append(kept)
                continue
            }
            let simulated = try SimulationStudy.run(
                scenario, options: run.options,
                progress: { p in progress.advance(ticket, done: tally.add(StudyProgress(label: "\(index)", done: p.done, total: p.total)), total: total) },
                isCancelled: { flag.isCancelled }
            ).results
            simulations.store(simulated, for: key)
            results.append(simulated)
        }
        let study = ComparisonStudy(
            [run.baseline, run.whatIf.scenario], files: [run.baselineFile.id, run.whatIf.overlayFileName],
            results: results, options: run.options, language: run.language)
        let input = try study.reportInput()
        let json = RunResult(run: run, study: study, input: input).json
        let body = Array((json.rendered() + "\n").utf8)
        runs.store(body, for: run.key)
        return body
    }
}

/// Replications done per labelled part of a study, summed (progress arrives per scenario).
final class ReplicationTally: Sendable {
    private let done = Mutex<[String: Int]>([:])

    /// Records `progress` and returns the replications done in all.
    func add(_ progress: StudyProgress) -> Int {
        done.withLock { done in
            done[progress.label] = max(done[progress.label] ?? 0, progress.done)
            return done.values.reduce(0, +)
        }
    }
}
