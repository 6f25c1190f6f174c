import PitstopModel
import PitstopReport
import PitstopScenario
import PitstopSimulation

extension SweepOutcome {
    // MARK: - The answer in words

    /// The answer's headline and details, or a description of the sweep without a target.
    public func answerLines(_ language: ReportLanguage) -> [String] {
        let da = language == .da
        let n = variants.count
        guard let answer, let target = sweep.target else {
            return [da ? "\(n) varianter af \(setup.base.name); ingen målsætning angivet — se tabellen og figurerne."
                       : "\(n) variants of \(setup.base.name); no target was given — see the table and the plots."]
        }
        let requirements = target.requirements.map { requirementText($0, language) }.joined(separator: da ? " og " : " and ")
        let objective = KPIInfo.info(for: answer.objective).name(language).lowercased()
        let goal = answer.direction == .minimise ? (da ? "laveste" : "lowest") : (da ? "højeste" : "highest")
        var lines: [String] = []
        if let best = answer.best {
            let v = variants[best]
            if target.requirements.isEmpty {
                lines.append(da ? "\(v.id) har den \(goal) \(objective): \(settingText(v))."
                                : "\(v.id) has the \(goal) \(objective): \(settingText(v)).")
            } else {
                lines.append(da ? "\(v.id) opfylder \(requirements) med 95 % sikkerhed med den \(goal) \(objective): \(settingText(v))."
                                : "\(v.id) meets \(requirements) with 95 % confidence at the \(goal) \(objective): \(settingText(v)).")
            }
            lines.append((da ? "Tal for \(v.id): " : "Figures for \(v.id): ") + figures(best, language))
            if let other = setup.compareWith {
                lines.append((da ? "Mod “\(other.name)”, parvis: " : "Against “\(other.name)”, paired: ")
                    + headlineKPIs.compactMap { differenceText(best, $0, language) }.joined(separator: "; "))
            }
            if let runner = answer.runnerUp {
                lines.append((da ? "Næstbedst: \(variants[runner].id) (\(settingText(variants[runner]))): "
                                 : "Runner-up: \(variants[runner].id) (\(settingText(variants[runner]))): ") + figures(runner, language))
            }
            if !target.requirements.isEmpty {
                lines.append(da ? "\(answer.feasibleCount) af \(n) varianter opfylder kravene med 95 % sikkerhed."
                                : "\(answer.feasibleCount) of \(n) variants meet the requirements with 95 % confidence.")
            }
        } else {
            lines.append(da ? "Ingen variant opfylder \(requirements) med 95 % sikkerhed."
                            : "No variant meets \(requirements) with 95 % confidence.")
            for i in answer.closest {
                lines.append((da ? "Tættest: \(variants[i].id) (\(settingText(variants[i]))): "
                                 : "Closest: \(variants[i].id) (\(settingText(variants[i]))): ") + figures(i, language))
            }
        }
        for i in answer.contenders.prefix(5) {
            let straddling = target.requirements.filter { r in
                guard let e = estimates[i][r.kpi] else { return false }
                return r.isMet(by: e.ci95.first ?? e.mean) != r.isMet(by: e.ci95.last ?? e.mean)
            }.map { r in intervalText(i, r.kpi, language) }.joined(separator: ", ")
            lines.append(da
                ? "\(variants[i].id) (\(settingText(variants[i]))) opfylder måske også kravene (\(straddling) ligger over grænsen); kør flere gentagelser (--refine)."
                : "\(variants[i].id) (\(settingText(variants[i]))) might also meet them (\(straddling) straddles the bound); run more replications (--refine).")
        }
        return lines
    }

    /// `count = 5, demand_scale = 1.2` — the variant's settings, by the last part of each path.
    func settingText(_ v: SweepVariant) -> String {
        guard !v.assignments.isEmpty else { return "the scenario as it is" }
        return v.assignments.map { "\($0.path) = \(unquoted($0.value))" }.joined(separator: ", ")
    }

    /// The headline KPIs of variant `i` with their intervals.
    func figures(_ i: Int, _ language: ReportLanguage) -> String {
        headlineKPIs.map { intervalText(i, $0, language) }.joined(separator: "; ")
    }

    /// `served share 81.2 % (80.4 % – 82.0 %)`.
    func intervalText(_ i: Int, _ kpi: String, _ language: ReportLanguage) -> String {
        let info = KPIInfo.info(for: kpi)
        guard let e = estimates[i][kpi] else { return "\(info.name(language).lowercased()) –" }
        let f = { formatKPI($0, info, currency: setup.base.currency, language: language) }
        let interval = e.ci95.count == 2 && e.ci95[0] != e.ci95[1] ? " (\(f(e.ci95[0])) – \(f(e.ci95[1])))" : ""
        return "\(info.name(language).lowercased()) \(f(e.mean))\(interval)"
    }

    /// `share of dialogues served −11.9 pp (−12.3 to −11.5)` — variant `i` minus the
    /// compared-with scenario; nil without a difference.
    func differenceText(_ i: Int, _ kpi: String, _ language: ReportLanguage) -> String? {
        guard let d = differences[i][kpi] else { return nil }
        let info = KPIInfo.info(for: kpi)
        let format = NumberFormat(language)
        let f: (Double) -> String = info.kind == .share
            ? { format.number($0 * 100, decimals: 1, signed: true) + (language == .da ? " pp" : " pp") }
            : { format.number($0, decimals: info.kind == .money ? 0 : 1, signed: true) + (info.unit(language, currency: setup.base.currency).isEmpty ? "" : " " + info.unit(language, currency: setup.base.currency)) }
        let low = d.ci95.first ?? d.mean, high = d.ci95.last ?? d.mean
        return "\(info.name(language).lowercased()) \(f(d.mean))" + (low == high ? "" : " (\(f(low)) – \(f(high)))")
    }

    /// `share of dialogues served ≥ 80.0 %`.
    func requirementText(_ r: KPIRequirement, _ language: ReportLanguage) -> String {
        let info = KPIInfo.info(for: r.kpi)
        let sign = [KPIRequirement.Comparison.atLeast: "≥", .atMost: "≤", .above: ">", .below: "<"][r.comparison] ?? ""
        return "\(info.name(language).lowercased()) \(sign) \(formatKPI(r.bound, info, currency: setup.base.currency, language: language))"
    }

    // MARK: - Text output

    /// The answer first, then a compact table of the variants.
    public func text(_ language: ReportLanguage = .en) -> String {
        var out = [sweep.name, String(repeating: "═", count: sweep.name.count)]
        let o = setup.options
        out.append(language == .da
            ? "  \(variants.count) varianter × \(o.replications) gentagelser × \(o.days) dage · seed \(o.seed) · samme besøgende i alle varianter"
            : "  \(variants.count) variants × \(o.replications) replications × \(o.days) days · seed \(o.seed) · the same visitors in every variant")
        out.append("")
        out += answerLines(language).map { "  " + $0 }
        out.append("")
        out.append(table(language, limit: 40).render())
        if variants.count > 40 {
            out.append(language == .da ? "  … og \(variants.count - 40) flere i sweep.csv" : "  … and \(variants.count - 40) more in sweep.csv")
        }
        return out.joined(separator: "\n")
    }

    /// Variant, parameter values, the headline KPIs (mean and interval), feasibility.
    func table(_ language: ReportLanguage, limit: Int? = nil) -> TextTable {
        let kpis = headlineKPIs
        var header = [language == .da ? "Variant" : "Variant"] + sweep.parameters.map { String($0.path.split(separator: ".").suffix(2).joined(separator: ".")) }
        header += kpis.map { KPIInfo.info(for: $0).name(language) }
        if answer != nil { header.append(language == .da ? "Krav" : "Meets") }
        var t = TextTable(header: header, firstNumericColumn: 1)
        for (i, v) in variants.enumerated().prefix(limit ?? variants.count) {
            var row = [v.id + (answer?.best == i ? " ◀" : "")]
            row += sweep.parameters.map { unquoted(v.value(of: $0.path) ?? "–") }
            for kpi in kpis {
                let info = KPIInfo.info(for: kpi)
                if let e = estimates[i][kpi] {
                    let f = { formatKPI($0, info, currency: setup.base.currency, language: language) }
                    row.append(e.ci95.count == 2 && e.ci95[0] != e.ci95[1] ? "\(f(e.mean)) ±\(f((e.ci95[1] - e.ci95[0]) / 2))" : f(e.mean))
                } else {
                    row.append("–")
                }
            }
            if let answer {
                row.append(["meets": "✓", "fails": "✗", "uncertain": "?"][answer.feasibility[i].rawValue] ?? "")
            }
            t.rows.append(row)
        }
        return t
    }

    // MARK: - Plots

    /// The plots, as (file name, SVG): each headline KPI against each parameter, cost against
    /// served share with the Pareto front, and — for a grid over two parameters — a heat grid.
    public func plots(_ language: ReportLanguage) -> [(name: String, svg: String)] {
        var out: [(String, String)] = []
        let currency = setup.base.currency
        for (k, kpi) in headlineKPIs.enumerated() {
            let info = KPIInfo.info(for: kpi)
            let bound = sweep.target?.requirements.first { $0.kpi == kpi }?.bound
            for (p, parameter) in sweep.parameters.enumerated() {
                let (series, categorical, connect) = seriesFor(kpi: kpi, parameter: p)
                let title = "\(info.name(language)) — \(parameter.path)"
                let svg = SweepCharts.kpiAgainstParameter(
                    title: title, parameter: parameter.path, kpi: info, series: series, bound: bound,
                    categorical: categorical, connect: connect, language: language, currency: currency, id: "plot\(k)-\(p)")
                out.append(("plot-\(kpi)-\(OutputWriter.safeName(parameter.path)).svg", svg))
            }
        }
        let cost = estimates.map { $0["annual_staff_cost"]?.mean ?? .nan }
        let service = estimates.map { $0["served_share"]?.mean ?? .nan }
        let front = Set(paretoFront(cost: cost, service: service))
        let points = variants.indices.map {
            CostServicePoint(variant: variants[$0].id, cost: cost[$0], service: service[$0], onFront: front.contains($0),
                             isBest: answer?.best == $0)
        }
        let da = language == .da
        out.append(("pareto-cost-service.svg", SweepCharts.costAgainstService(
            title: da ? "Udgift mod betjening — Pareto-fronten" : "Cost against service — the Pareto front",
            points: points, service: KPIInfo.info(for: "served_share"),
            costLabel: KPIInfo.info(for: "annual_staff_cost").name(language) + " (\(currency))",
            frontLabel: da ? "Pareto-front (ingen anden er billigere og bedre)" : "Pareto front (no other is cheaper and better)",
            bestLabel: da ? "svaret" : "the answer", language: language, id: "pareto")))
        if case .grid = sweep.design, sweep.parameters.count == 2 {
            let kpi = answer?.objective == "annual_staff_cost" ? (sweep.target?.requirements.first?.kpi ?? "served_share")
                : (answer?.objective ?? "served_share")
            let xs = SweepPlan.levels(sweep.parameters[1]), ys = SweepPlan.levels(sweep.parameters[0])
            var grid = Array(repeating: Array(repeating: Double?.none, count: xs.count), count: ys.count)
            for (i, v) in variants.enumerated() {
                guard let a = v.value(of: sweep.parameters[0].path), let b = v.value(of: sweep.parameters[1].path),
                      let row = ys.firstIndex(of: a), let column = xs.firstIndex(of: b) else { continue }
                grid[row][column] = estimates[i][kpi]?.mean
            }
            out.append(("heat-\(kpi).svg", SweepCharts.heatGrid(
                title: "\(KPIInfo.info(for: kpi).name(language))", xParameter: sweep.parameters[1].path,
                yParameter: sweep.parameters[0].path, xLabels: xs.map(unquoted), yLabels: ys.map(unquoted), values: grid,
                kpi: KPIInfo.info(for: kpi), language: language, currency: currency, id: "heat")))
        }
        return out
    }

    /// The lines of a KPI against parameter `p`: variants that agree on every other
    /// parameter form a line (a Latin hypercube's points stand alone).
    func seriesFor(kpi: String, parameter p: Int) -> (series: [SweepSeries], categorical: Bool, connect: Bool) {
        let path = sweep.parameters[p].path
        let levels = SweepPlan.levelsForJSON(sweep.parameters[p])
        let numeric = variants.allSatisfy { v in v.value(of: path).map { Double($0) != nil } ?? true }
        var groups: [String: [SweepPoint]] = [:]
        var order: [String] = []
        for (i, v) in variants.enumerated() {
            guard let value = v.value(of: path), let e = estimates[i][kpi] else { continue }
            let others = v.assignments.filter { $0.path != path }.map { "\($0.path) = \(unquoted($0.value))" }.joined(separator: ", ")
            let key: String
            switch sweep.design {
            case .latinHypercube: key = ""
            case .oneAtATime: key = ""
            case .grid: key = others
            }
            if groups[key] == nil { order.append(key) }
            let x = Double(value) ?? Double(levels.firstIndex(of: value) ?? 0)
            groups[key, default: []].append(SweepPoint(
                x: x, label: unquoted(value), mean: e.mean, low: e.ci95.first ?? e.mean, high: e.ci95.last ?? e.mean,
                highlighted: answer.map { $0.feasibility[i] == .meets } ?? true, variant: v.id))
        }
        var series = order.map { SweepSeries(name: $0, points: groups[$0] ?? []) }
        var connect = true
        if case .latinHypercube = sweep.design { connect = false }
        if series.count > 6 {
            series = [SweepSeries(name: "", points: series.flatMap(\.points))]
            connect = false
        }
        return (series, !numeric, connect)
    }

    // MARK: - Report

    /// The sweep report's input, in `language`.
    public func reportInput(_ language: ReportLanguage, plots: [String]) -> SweepReportInput {
        let da = language == .da
        var question: [String] = []
        question.append(da
            ? "\(variants.count) varianter af “\(setup.base.name)”, hver på de samme simulerede besøgende (\(setup.options.replications) gentagelser × \(setup.options.days) dage)."
            : "\(variants.count) variants of “\(setup.base.name)”, each on the same simulated visitors (\(setup.options.replications) replications × \(setup.options.days) days).")
        for p in sweep.parameters {
            let values = SweepPlan.levelsForJSON(p).map(unquoted)
            let range: String
            if case .range(_, _, nil, _) = p.values { range = values.joined(separator: " … ") } else { range = values.joined(separator: ", ") }
            question.append("\(p.path): \(range)")
        }
        if let target = sweep.target {
            let requirements = target.requirements.map { requirementText($0, language) }.joined(separator: da ? " og " : " and ")
            let objective = KPIInfo.info(for: answer?.objective ?? "annual_staff_cost").name(language).lowercased()
            let goal = (answer?.direction ?? .minimise) == .minimise ? (da ? "lavest mulig" : "as low as possible") : (da ? "højest mulig" : "as high as possible")
            question.append(da ? "Søgt: \(objective) \(goal)" + (requirements.isEmpty ? "." : ", så \(requirements) med 95 % sikkerhed.")
                               : "Sought: \(objective) \(goal)" + (requirements.isEmpty ? "." : ", while \(requirements) with 95 % confidence."))
        }
        if let other = setup.compareWith {
            question.append(da ? "Hver variant er også parret med “\(other.name)”." : "Every variant is also paired with “\(other.name)”.")
        }
        let t = table(language)
        let failing = Set(answer.map { a in variants.indices.filter { a.feasibility[$0] == .fails } } ?? [])
        let verdict: SweepReportInput.Verdict = answer == nil ? .exploration : answer?.best != nil ? .found : .none
        let o = setup.options
        let assumptions: [[String]] = [
            [da ? "Scenarie" : "Scenario", sweep.scenario],
            [da ? "Sammenlignet med" : "Compared with", sweep.compareWith ?? "–"],
            [da ? "Design" : "Design", designName],
            [da ? "Gentagelser × dage" : "Replications × days", "\(o.replications) × \(o.days)" + (o.warmupDays > 0 ? " (\(o.warmupDays) warm-up)" : "")],
            ["Seed", String(o.seed)],
            [da ? "Fælles tilfældige tal" : "Common random numbers",
             da ? "gentagelse i af hver variant bruger de samme tilfældige strømme" : "replication i of every variant uses the same random streams"],
            [da ? "Opfyldt" : "Met", da ? "hele 95 %-intervallet ligger på den rigtige side af hver grænse" : "the whole 95 % interval lies on the right side of every bound"],
            [da ? "Sweep-hash" : "Sweep hash", setup.hash],
        ]
        return SweepReportInput(
            title: sweep.name, language: language, question: question, answer: answerLines(language), verdict: verdict,
            plots: plots, tableHeader: t.header, tableRows: t.rows, highlighted: Set(answer?.best.map { [$0] } ?? []),
            failing: failing, assumptions: assumptions, programVersion: PitstopVersion.current)
    }

    /// Every file of the sweep: sweep.csv, sweep.json, the plots, report.html and — when a
    /// variant answers the target — best.yaml, written for `outputFolder`.
    public func files(_ language: ReportLanguage, outputFolder: String) -> [OutputFile] {
        files(language, bestOverlay: bestOverlay(outputFolder: outputFolder))
    }

    /// An overlay that reproduces the best variant: it `extends` the sweep's scenario (a path
    /// relative to `outputFolder`, where it is written), carries the sweep's run settings and
    /// the variant's `--set`s as a `set:` list, so `pitstop simulate best.yaml` gives the
    /// figures the sweep reported for it. `nil` when no variant answers the target.
    public func bestOverlay(outputFolder: String) -> String? {
        guard let best = answer?.best else { return nil }
        let v = variants[best]
        let o = setup.options
        let replications = samples.variants[best]?.count ?? o.replications
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
        var out = "# The answer of the sweep \(quoted(sweep.name)): \(v.id) (\(settingText(v))).\n"
        out += "# `pitstop simulate best.yaml` gives the figures the sweep reported for it.\n"
        out += "format: 1\n"
        out += "extends: \(quoted(ScenarioPaths.relativePath(from: outputFolder, to: sweep.scenario)))\n"
        out += "name: \(quoted(setup.base.name + " — " + v.id))\n"
        out += "simulation: { days: \(o.days), warmup_days: \(o.warmupDays), replications: \(replications), seed: \(o.seed) }\n"
        if !v.sets.isEmpty {
            out += "set:\n" + v.sets.map { "  - \(quoted($0))\n" }.joined()
        }
        return out
    }

    /// The files, with `bestOverlay` as best.yaml when given.
    func files(_ language: ReportLanguage, bestOverlay: String?) -> [OutputFile] {
        let plots = plots(language)
        var files = [OutputFile(name: "sweep.csv", text: csv), OutputFile(name: "sweep.json", text: json + "\n")]
        files += plots.map { OutputFile(name: $0.name, text: $0.svg) }
        files.append(OutputFile(name: "report.html", text: SweepReport.render(reportInput(language, plots: plots.map(\.svg)))))
        if let bestOverlay { files.append(OutputFile(name: "best.yaml", text: bestOverlay)) }
        return files
    }
}
