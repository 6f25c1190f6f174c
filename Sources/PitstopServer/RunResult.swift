import PitstopModel
import PitstopReport
import PitstopSimulation
import PitstopStudy

/// A finished run as the page shows it — made from the comparison's report input, so the
/// figures, verdicts and words are the report's: key figures with paired 95 % intervals and
/// verdicts, the summary in words, what changed (inputs and people), the org chart with the
/// changes marked, heat maps and an hourly chart per site, and the `compare` command that
/// gives the same figures.
struct RunResult {
    let run: Explorer.PreparedRun
    let study: ComparisonStudy
    let input: ReportInput

    var json: JSONText {
        let phrasing = Phrasing(input)
        let diagramPrefix = "run-"
        let org = input.orgChanges.first
        return .object([
            "settings": .object([
                "replications": .integer(Int64(run.options.replications)),
                "days": .integer(Int64(run.options.days)),
                "seed": .unsigned(run.options.seed),
                "full": .bool(run.length.isFull),
            ]),
            "baseline": .object(["id": .string(run.baselineFile.id), "name": .string(input.baselineName)]),
            "what_if": .object([
                "id": .string(run.whatIf.file.id), "name": .string(input.otherNames.first ?? ""),
                "file_name": .string(run.whatIf.overlayFileName),
            ]),
            "command": .string(
                "pitstop compare \(run.baselineFile.id) \(run.whatIf.overlayFileName)\(run.length.commandOptions)"),
            "kpis": .array(input.kpiRows.map { kpi($0, phrasing) }),
            "summary": .array(ComparisonSummary.sentences(input).map { .string($0) }),
            "changes": .array((input.inputChanges.first ?? []).map(Explorer.changeJSON)),
            "org_changes": .object([
                "added": .array((org?.added ?? []).map(person)),
                "removed": .array((org?.removed ?? []).map(person)),
                "moved": .array((org?.moved ?? []).map { move in
                    .object(["name": .string(move.name), "from": .string(move.from), "to": .string(move.to)])
                }),
            ]),
            "org_chart": org?.diagramSVG.map { .string(SVGIDs.prefixed($0, prefix: diagramPrefix + "org-")) } ?? .null,
            "heat_maps": .array(input.floorMaps.enumerated().map { index, maps in
                .object([
                    "name": .string(maps.site),
                    "baseline": svg(maps.svgs.first, prefix: "\(diagramPrefix)heat\(index)-a-"),
                    "what_if": svg(maps.svgs.dropFirst().first, prefix: "\(diagramPrefix)heat\(index)-b-"),
                ])
            }),
            "hourly": .array(hourlyDialogues.enumerated().map { index, dialogues in
                let occupancy = input.hourlyOccupancy.first { $0.site == dialogues.site }
                return .object([
                    "name": .string(dialogues.site),
                    "dialogues": .string(Charts.hourlyDialogues(
                        dialogues, scenarioNames: input.scenarioNames, language: input.language,
                        id: "\(diagramPrefix)dialogues\(index)")),
                    "occupancy": occupancy.map {
                        .string(Charts.hourlyOccupancy(
                            $0, scenarioNames: input.scenarioNames, language: input.language,
                            id: "\(diagramPrefix)occupancy\(index)"))
                    } ?? .null,
                ])
            }),
        ])
    }

    /// One key figure: the values and the paired difference, as numbers and as the report
    /// writes them, and the verdict (`better`, `worse`, `higher`, `lower`, or `none` when
    /// the 95 % interval of the difference includes zero).
    func kpi(_ row: KPIComparisonRow, _ p: Phrasing) -> JSONText {
        let info = KPIInfo.info(for: row.kpi)
        let whatIf = row.value(0) ?? Interval(exactly: .nan)
        let difference = row.difference(0) ?? Interval(exactly: .nan)
        var verdict = "none"
        if row.isClaimed(0) {
            switch info.assessment(ofChange: difference.mean) {
            case .better: verdict = "better"
            case .worse: verdict = "worse"
            case .neutral: verdict = difference.mean > 0 ? "higher" : "lower"
            }
        }
        func shown(_ value: Interval) -> String { value.mean.isFinite ? p.number(value.mean, info) : "–" }
        func range(_ value: Interval) -> String {
            value.low.isFinite && value.high.isFinite && value.low != value.high ? p.range(value, info) : ""
        }
        return .object([
            "key": .string(row.kpi),
            "name": .string(info.name(input.language)),
            "unit": .string(info.unit(input.language, currency: input.currency)),
            "baseline": interval(row.baseline),
            "what_if": interval(whatIf),
            "difference": interval(difference),
            "relative": row.relative(0).map(interval) ?? .null,
            "verdict": .string(verdict),
            "text": .object([
                "baseline": .string(shown(row.baseline)),
                "baseline_range": .string(range(row.baseline)),
                "what_if": .string(shown(whatIf)),
                "what_if_range": .string(range(whatIf)),
                "difference": .string(difference.mean.isFinite ? p.differenceMean(difference, info) : "–"),
                "difference_range": .string(
                    difference.low != difference.high && difference.mean.isFinite ? p.range(difference, info, signed: true) : ""),
                "relative": .string(p.relativeCell(row, other: 0, info)),
                "verdict": .string(p.verdictWord(row, other: 0, info)),
            ]),
        ])
    }

    /// Per site (the baseline's first, then any only the what-if has): dialogues asked and
    /// served in each hour of the mean simulated day, from the results by site and hour
    /// (each weekday weighted by the measured days that fall on it).
    var hourlyDialogues: [SiteHourlyDialogues] {
        var sites: [Site] = []
        for site in study.scenarios.flatMap(\.sites) where !sites.contains(where: { $0.id == site.id }) {
            sites.append(site)
        }
        let options = run.options
        var weights = Array(repeating: 0.0, count: 7)
        for day in options.warmupDays..<max(options.days, options.warmupDays) { weights[day % 7] += 1 }
        let total = weights.reduce(0, +)
        func meanDay(_ rows: [HourlyRow], site: String, _ value: (HourlyRow) -> Double) -> [Double] {
            var hours = Array(repeating: 0.0, count: 24)
            guard total > 0 else { return hours }
            for row in rows where row.site == site && (0..<24).contains(row.hour) {
                hours[row.hour] += value(row) * weights[row.weekday.rawValue] / total
            }
            return hours
        }
        return sites.map { site in
            SiteHourlyDialogues(
                site: site.name,
                requested: study.results.map { meanDay($0.hourly, site: site.id) { $0.dialoguesRequested } },
                served: study.results.map { meanDay($0.hourly, site: site.id) { $0.dialoguesServed } })
        }
    }

    func interval(_ i: Interval) -> JSONText {
        func n(_ x: Double) -> JSONText { x.isFinite ? .number(x) : .null }
        return .object(["mean": n(i.mean), "low": n(i.low), "high": n(i.high)])
    }

    func person(_ p: OrgChangeList.Person) -> JSONText {
        .object(["name": .string(p.name), "unit": p.unit.map { .string($0) } ?? .null])
    }

    func svg(_ text: String?, prefix: String) -> JSONText {
        guard let text, !text.isEmpty else { return .null }
        return .string(SVGIDs.prefixed(text, prefix: prefix))
    }
}
