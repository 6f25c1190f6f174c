import CbcSolving
import Foundation
import PitstopModel
import PitstopReport
import PitstopScenario
import PitstopSimulation
import PitstopStaffing

/// How `pitstop staff` (and `compare --staffing optimise`) staffs a scenario from demand.
public struct StaffingOptions: Sendable, Hashable {
    public var targets: StaffingTargets
    /// Wall-clock seconds for the solver, all stages together.
    public var timeLimitSeconds: Double
    /// A cap on the week's floor hours for everyone together, if any.
    public var weeklyHours: WeeklyHoursLimit?

    public init(targets: StaffingTargets = StaffingTargets(), timeLimitSeconds: Double = 60, weeklyHours: WeeklyHoursLimit? = nil) {
        self.targets = targets
        self.timeLimitSeconds = timeLimitSeconds
        self.weeklyHours = weeklyHours
    }

    /// `--time-limit` must be a positive number of seconds.
    public var problems: [String] {
        var out: [String] = []
        if !(timeLimitSeconds > 0) || !timeLimitSeconds.isFinite {
            out.append("--time-limit must be more than 0 seconds, found \(formatNumber(timeLimitSeconds))")
        }
        if case .hours(let h) = weeklyHours, !(h > 0) || !h.isFinite {
            out.append("--max-hours must be more than 0 hours (or as-is), found \(formatNumber(h))")
        }
        return out
    }
}

/// The week's floor hours for the optimised rota: a number, or as many as the scenario's own rota plans.
public enum WeeklyHoursLimit: Sendable, Hashable {
    case hours(Double)
    case asIs

    /// `as-is` or a number of hours.
    public init?(parsing text: String) {
        if text == "as-is" {
            self = .asIs
        } else if let h = Double(text) {
            self = .hours(h)
        } else {
            return nil
        }
    }
}

/// A scenario staffed from demand: its requirements, the optimised rota and the scenario
/// that works it — without simulating (what `compare --staffing optimise` needs).
public struct OptimisedStaffing: Sendable {
    public let scenario: Scenario
    public let options: StaffingOptions
    public let requirements: StaffingRequirements
    public let plan: RotaPlan
    /// The scenario's own rota for one week, planned without absence.
    public let asIs: [PlannedShift]
    /// The rota as explicit shifts.
    public let shifts: [Shift]
    /// `scenario` with its staffing replaced by `shifts`.
    public let staffed: Scenario

    /// Requirements from the expected demand, then the rota from CBC.
    public static func optimise(_ scenario: Scenario, options: StaffingOptions) throws(StudyError) -> OptimisedStaffing {
        if let problem = options.problems.first { throw StudyError(problem) }
        let requirements = StaffingRequirements(scenario, demand: ExpectedDemand(scenario), targets: options.targets)
        let asIs = asIsWeek(scenario)
        var cap: Double?
        switch options.weeklyHours {
        case .hours(let h): cap = h
        case .asIs: cap = asIs.reduce(0) { $0 + Double($1.endMinute - $1.startMinute) } / 60
        case nil: cap = nil
        }
        let settings = RotaSettings(timeLimitSeconds: options.timeLimitSeconds, maximumWeeklyHours: cap)
        let plan = RotaOptimiser(scenario: scenario, requirements: requirements, settings: settings).plan(solver: CBCSolver())
        guard plan.found else {
            throw StudyError(
                "\(plan.solverName) found no rota for '\(scenario.name)' within \(formatNumber(options.timeLimitSeconds)) s "
                    + "(\(plan.status.rawValue)); give it more time with --time-limit")
        }
        let shifts = RotaOverlay.shifts(plan.shifts)
        let staffed = RotaOverlay.applying(shifts, to: scenario, name: scenario.name + " (optimised rota)")
        return OptimisedStaffing(scenario: scenario, options: options, requirements: requirements, plan: plan, asIs: asIs,
                                 shifts: shifts, staffed: staffed)
    }

    /// The scenario's own rota for its first week, without absence: what the simulation plans.
    static func asIsWeek(_ scenario: Scenario) -> [PlannedShift] {
        var s = scenario
        s.staffing.absenceRate = 0
        let results = Simulator(s).run(RunOptions(days: 7, warmupDays: 0, replications: 2, seed: s.simulation.seed, jobs: 1))
        return results.rota.map { r in
            PlannedShift(person: r.person, day: Weekday(dayIndex: r.day), place: StaffingPlace(
                site: r.site, zone: r.zone == "roving" ? .roving : .zone(r.zone)), startMinute: r.from, endMinute: r.to)
        }
    }

    /// Floor hours a week of the optimised rota and of the scenario's own.
    public var hours: (optimised: Double, asIs: Double) {
        (plan.floorHours, asIs.reduce(0) { $0 + Double($1.endMinute - $1.startMinute) } / 60)
    }

    /// Staff of the scenario's own rota per requirement (same order).
    public var asIsPlanned: [Int] { requirements.planned(by: asIs) }

    /// One line about the solve: the solver, and each stage's status and gap.
    public var solverLine: String {
        "\(plan.solverName), limit \(formatNumber(options.timeLimitSeconds)) s — "
            + plan.stages.map { s in
                let gap = s.gap.map { " gap " + gapText($0) } ?? ""
                return "\(s.name): \(s.status.rawValue)\(gap), \(NumberFormat(.en).number(s.seconds, decimals: 1)) s"
            }.joined(separator: " · ")
    }
}

/// `pitstop staff`: a scenario staffed from demand, and the proof by simulation — the
/// scenario with its own rota and with the optimised one on the same visitors.
public struct StaffingStudy: Sendable {
    public let optimised: OptimisedStaffing
    public let file: String
    public let runOptions: RunOptions
    public let asIsResults: SimulationResults
    public let optimisedResults: SimulationResults
    /// Optimised − as-is, paired by replication.
    public let difference: ComparisonDifferences

    public var scenario: Scenario { optimised.scenario }

    /// Staffs `scenario` (from `file`) and simulates both rotas with `runOptions`.
    public static func run(
        _ scenario: Scenario, file: String, options: StaffingOptions, runOptions: RunOptions, progress: ProgressHandler? = nil
    ) throws(StudyError) -> StaffingStudy {
        let optimised = try OptimisedStaffing.optimise(scenario, options: options)
        func relabel(_ label: String) -> ProgressHandler? {
            guard let progress else { return nil }
            return { p in progress(StudyProgress(label: label, done: p.done, total: p.total)) }
        }
        var asIs = SimulationStudy.run(scenario, options: runOptions, progress: relabel("as-is rota")).results
        asIs.scenario = "as-is rota"
        var new = SimulationStudy.run(optimised.staffed, options: runOptions, progress: relabel("optimised rota")).results
        new.scenario = "optimised rota"
        return StaffingStudy(optimised: optimised, file: file, runOptions: runOptions, asIsResults: asIs,
                             optimisedResults: new, difference: PairedDifference.compare(baseline: asIs, other: new))
    }

    /// `Output/<stem>-staffing`.
    public var folderName: String { fileStem(file) + "-staffing" }

    // MARK: Outputs

    /// Everything `staff` writes and prints; `folder` is where the files go (for the
    /// overlay's relative `extends`).
    public func outputs(folder: String) -> StaffingOutputs {
        let json = self.json()
        var files = [
            OutputFile(name: "requirements.csv", text: requirementsCSV()),
            OutputFile(name: "rota.csv", text: rotaCSV()),
            OutputFile(name: "rota.yaml", text: overlay(folder: folder)),
            OutputFile(name: "staffing.json", text: json + "\n"),
        ]
        for (site, svg) in charts() { files.append(OutputFile(name: "staffing-\(site).svg", text: svg)) }
        return StaffingOutputs(text: text(), json: json, csv: requirementsCSV(), files: files)
    }

    /// The overlay: `extends` the scenario file by a path relative to `folder`.
    public func overlay(folder: String) -> String {
        let plan = optimised
        return RotaOverlay.yaml(
            extends: ScenarioPaths.relativePath(from: folder, to: file), name: plan.staffed.name, shifts: plan.shifts,
            header: [
                "rota.yaml — written by `pitstop staff \(file)`: \(plan.scenario.name) with the rota found from demand",
                "(targets: \(plan.options.targets.texts.joined(separator: ", "))). Its staffing replaces the scenario's:",
                "no rules, these explicit shifts (absence is still drawn in simulation). \(plan.solverLine).",
                "Try: pitstop compare \(file) <this file>",
            ])
    }

    /// One row per requirement: the contract's columns, then how it came about and what was planned.
    public func requirementsCSV() -> String {
        let asIs = optimised.asIsPlanned
        var out = "site,zone,weekday,start,end,load,required,requests,mean_duration_min,mean_patience_min,erlang,min_staff,planned,as_is_planned,by_competence\n"
        for (i, c) in optimised.plan.cover.enumerated() {
            let q = c.requirement
            let competences = q.byCompetence.map { "\($0.competence ?? "any"):\($0.required)" }.joined(separator: " ")
            let cells = [
                csvField(q.place.site), csvField(q.place.zone.description), q.day.key, clock(q.startMinute), clock(q.endMinute),
                formatNumber(rounded(q.load)), String(q.required), formatNumber(rounded(q.requests)),
                formatNumber(rounded(q.meanDurationMinutes)), q.meanPatienceMinutes.map { formatNumber(rounded($0)) } ?? "never",
                String(q.erlang), String(q.minStaff), String(c.planned), String(i < asIs.count ? asIs[i] : 0), csvField(competences),
            ]
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    /// One row per shift of the optimised rota.
    public func rotaCSV() -> String {
        var out = "person,weekday,site,zone,start,end,hours,kind,travel_min\n"
        for s in optimised.plan.shifts {
            out += [csvField(s.person), s.day.key, csvField(s.place.site), csvField(s.place.zone.description), clock(s.startMinute),
                    clock(s.endMinute), formatNumber(Double(s.endMinute - s.startMinute) / 60), s.isFixed ? "explicit" : "generated",
                    formatNumber(s.travelMinutes)].joined(separator: ",") + "\n"
        }
        return out
    }

    /// Per site: the requirement-vs-rota heat grid.
    public func charts() -> [(site: String, svg: String)] {
        let plan = optimised.plan
        return scenario.sites.compactMap { site in
            let places = optimised.requirements.places.filter { $0.site == site.id }
            guard !places.isEmpty else { return nil }
            let ranges = Weekday.allCases.flatMap { site.staffedHours.ranges(on: $0) }
            guard let first = ranges.map(\.start).min(), let last = ranges.map(\.end).max() else { return nil }
            let from = first / 30, to = (last + 29) / 30
            let days = Weekday.allCases.filter { !site.staffedHours.ranges(on: $0).isEmpty }
            var cover: [String: IntervalCover] = [:]
            for c in plan.cover { cover["\(c.requirement.place)/\(c.requirement.day.rawValue)/\(c.requirement.slot)"] = c }
            let blocks = places.map { place in
                let rows = days.map { day in
                    StaffingChart.Row(label: day.key.capitalized, cells: (from..<to).map { slot in
                        let staffed = site.staffedHours.ranges(on: day).contains { $0.start < (slot + 1) * 30 && slot * 30 < $0.end }
                        guard staffed else { return nil }
                        let c = cover["\(place)/\(day.rawValue)/\(slot)"]
                        return StaffingChart.Cell(required: c?.requirement.required ?? 0, planned: c?.planned ?? 0)
                    })
                }
                let short = plan.cover.filter { $0.requirement.place == place }.reduce(0) { $0 + $1.shortfall }
                let required = plan.cover.filter { $0.requirement.place == place }.reduce(0) { $0 + $1.requirement.required }
                let zoneName: String
                switch place.zone {
                case .roving: zoneName = "Roving (all zones)"
                case .zone(let z): zoneName = site.zone(z)?.name ?? z
                }
                return StaffingChart.Block(
                    title: zoneName,
                    subtitle: "required \(NumberFormat(.en).number(Double(required) / 2, decimals: 1)) h, short "
                        + "\(NumberFormat(.en).number(Double(short) / 2, decimals: 1)) h a week",
                    rows: rows)
            }
            let chart = StaffingChart(title: "\(site.name): staff required vs the optimised rota", columnStart: from,
                                      columns: to - from, blocks: blocks)
            return (site.id, chart.svg(id: "staffing-\(site.id)"))
        }
    }

    // MARK: JSON and text

    public func json() -> String {
        let plan = optimised.plan
        let asIs = optimised.asIsPlanned
        let requirements: [JSONText] = plan.cover.enumerated().map { i, c in
            let q = c.requirement
            return .object([
                "site": .string(q.place.site), "zone": .string(q.place.zone.description), "weekday": .string(q.day.key),
                "start": .string(clock(q.startMinute)), "end": .string(clock(q.endMinute)),
                "requests": .number(rounded(q.requests)), "load": .number(rounded(q.load)), "erlang": .integer(Int64(q.erlang)),
                "min_staff": .integer(Int64(q.minStaff)), "required": .integer(Int64(q.required)),
                "planned": .integer(Int64(c.planned)), "as_is_planned": .integer(Int64(i < asIs.count ? asIs[i] : 0)),
                "by_competence": .object(Dictionary(uniqueKeysWithValues: q.byCompetence.map {
                    ($0.competence ?? "any", JSONText.integer(Int64($0.required)))
                })),
            ])
        }
        let shifts: [JSONText] = plan.shifts.map { s in
            .object(["person": .string(s.person), "weekday": .string(s.day.key), "site": .string(s.place.site),
                     "zone": .string(s.place.zone.description), "start": .string(clock(s.startMinute)),
                     "end": .string(clock(s.endMinute)), "explicit": .bool(s.isFixed), "travel_min": .number(s.travelMinutes)])
        }
        let byZone = Dictionary(uniqueKeysWithValues: plan.shortfallHoursByPlace.map { ($0.key.description, JSONText.number($0.value)) })
        let stages: [JSONText] = plan.stages.map { s in
            .object(["stage": .string(s.name), "status": .string(s.status.rawValue),
                     "objective": s.objective.map { .number(rounded($0)) } ?? .null,
                     "bound": s.bound.map { .number(rounded($0)) } ?? .null,
                     "gap": s.gap.map { .number(rounded($0)) } ?? .null, "seconds": .number(rounded(s.seconds))])
        }
        let unstaffed: [JSONText] = optimised.requirements.unstaffed.map {
            .object(["site": .string($0.site), "zone": .string($0.zone), "weekday": .string($0.day.key),
                     "requests": .number(rounded($0.requests))])
        }
        let first = plan.stages.first
        return JSONText.object([
            "format": .integer(1),
            "scenario": .string(scenario.name),
            "file": .string(file),
            "targets": .array(optimised.options.targets.texts.map { .string($0) }),
            "requirements": .array(requirements),
            "unstaffed_requests": .array(unstaffed),
            "shifts": .array(shifts),
            "shortfall_hours_by_zone": .object(byZone),
            "hours": .object([
                "optimised_floor": .number(rounded(plan.floorHours)), "as_is_floor": .number(rounded(optimised.hours.asIs)),
                "travel": .number(rounded(plan.travelHours)), "required": .number(rounded(requiredHours)),
                "short": .number(plan.shortfallHours), "as_is_short": .number(asIsShortHours),
            ]),
            "solver": .object([
                "name": .string(plan.solverName), "status": .string(plan.status.rawValue),
                "objective": first?.objective.map { .number(rounded($0)) } ?? .null,
                "gap": first?.gap.map { .number(rounded($0)) } ?? .null,
                "time_limit_s": .number(optimised.options.timeLimitSeconds),
                "columns": .integer(Int64(plan.columns)), "rows": .integer(Int64(plan.rows)),
                "binaries": .integer(Int64(plan.integers)), "stages": .array(stages),
            ]),
            "comparison": .object([
                "seed": .unsigned(runOptions.seed), "replications": .integer(Int64(runOptions.replications)),
                "days": .integer(Int64(runOptions.days)),
                "as_is": asIsResults.jsonText, "optimised": optimisedResults.jsonText, "difference": difference.jsonText,
            ]),
        ]).rendered()
    }

    /// Staff-hours a week the requirements ask for.
    public var requiredHours: Double { Double(optimised.requirements.intervals.reduce(0) { $0 + $1.required }) / 2 }

    /// Staff-hours a week the scenario's own rota is short of the requirements.
    public var asIsShortHours: Double {
        let planned = optimised.asIsPlanned
        return Double(optimised.requirements.intervals.indices.reduce(0) {
            $0 + max(0, optimised.requirements.intervals[$1].required - planned[$1])
        }) / 2
    }

    /// The readable summary.
    public func text() -> String {
        let f = NumberFormat(.en)
        let plan = optimised.plan
        let r = optimised.requirements
        let title = "\(scenario.name) — staffed from demand"
        var out = [title, String(repeating: "═", count: title.count)]
        out.append("  Targets per half hour: \(r.targets.texts.joined(separator: ", ")) (Erlang A; Erlang C where patience is never)")
        out.append("  Requests a week: \(f.number(r.staffedRequests, decimals: 1)) in staffed hours, "
                   + "\(f.number(r.unstaffedRequests, decimals: 1)) when nobody is on duty (not counted against the rota)")
        out.append("  Required: \(f.number(requiredHours, decimals: 1)) staff-hours a week over \(r.intervals.count) "
                   + "staffed half hours at \(r.places.count) place\(r.places.count == 1 ? "" : "s")")
        let hours = optimised.hours
        out.append("  Rota: \(f.number(hours.optimised, decimals: 1)) floor hours a week (as-is rota \(f.number(hours.asIs, decimals: 1)))"
                   + ", travel \(f.number(plan.travelHours, decimals: 1)) h; short of the requirement "
                   + "\(f.number(plan.shortfallHours, decimals: 1)) staff-hours (as-is \(f.number(asIsShortHours, decimals: 1)))")
        out.append("  Solver: \(optimised.solverLine)")
        out.append("")
        var places = TextTable(header: ["Place", "Required h", "Planned h", "Short h", "As-is short h"])
        let asIs = optimised.asIsPlanned
        for place in r.places {
            let rows = plan.cover.indices.filter { plan.cover[$0].requirement.place == place }
            let required = Double(rows.reduce(0) { $0 + plan.cover[$1].requirement.required }) / 2
            let planned = Double(rows.reduce(0) { $0 + plan.cover[$1].planned }) / 2
            let short = Double(rows.reduce(0) { $0 + plan.cover[$1].shortfall }) / 2
            let asIsShort = Double(rows.reduce(0) { $0 + max(0, plan.cover[$1].requirement.required - asIs[$1]) }) / 2
            places.rows.append([place.description, f.number(required, decimals: 1), f.number(planned, decimals: 1),
                                f.number(short, decimals: 1), f.number(asIsShort, decimals: 1)])
        }
        out.append(places.render())
        out.append("")
        out.append("  Simulated on the same visitors (\(runOptions.replications) × \(runOptions.days) days, seed \(runOptions.seed)): "
                   + "means per day, the difference with its 95 % interval")
        var kpis = TextTable(header: ["KPI", "As-is rota", "Optimised rota", "Difference", "95 % interval"])
        let keys = ["served_share", "dialogues_served", "wait_mean_min", "wait_p90_min", "competence_match_share", "abandoned",
                    "unattended", "staff_floor_hours", "staff_utilisation", "travel_hours"]
        for key in keys {
            guard let a = asIsResults.kpis[key], let b = optimisedResults.kpis[key] else { continue }
            let info = KPIInfo.info(for: key)
            let value = { formatKPI($0, info, currency: scenario.currency) }
            var row = [info.name(.en), value(a.mean), value(b.mean)]
            if let d = difference.kpis[key] {
                let delta = info.kind == .share ? f.number(d.mean * 100, decimals: 1, signed: true) + " pp"
                    : f.number(d.mean, decimals: 1, signed: true)
                let ci = d.ci95.count == 2
                    ? (info.kind == .share
                        ? f.number(d.ci95[0] * 100, decimals: 1, signed: true) + " – " + f.number(d.ci95[1] * 100, decimals: 1, signed: true)
                        : f.number(d.ci95[0], decimals: 1, signed: true) + " – " + f.number(d.ci95[1], decimals: 1, signed: true))
                    : ""
                row += [delta, ci]
            } else {
                row += ["", ""]
            }
            kpis.rows.append(row)
        }
        out.append(kpis.render())
        return out.joined(separator: "\n")
    }
}

/// What `staff` writes and prints.
public struct StaffingOutputs: Sendable {
    public let text: String
    /// staffing.json (no trailing newline).
    public let json: String
    /// requirements.csv.
    public let csv: String
    public let files: [OutputFile]
}

/// A relative gap as a percentage: two decimals below 1 %, one above.
func gapText(_ gap: Double, _ language: ReportLanguage = .en) -> String {
    if gap == 0 { return "0 %" }
    return NumberFormat(language).number(gap * 100, decimals: gap < 0.01 ? 2 : 1) + " %"
}

func clock(_ minutes: Int) -> String { ClockRange(start: minutes, end: minutes + 1).description.components(separatedBy: "-")[0] }

/// Six significant decimals: enough, and free of binary noise in the files.
func rounded(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }

/// `compare --staffing optimise`: every scenario staffed from demand before it is compared,
/// so that organisations are compared each at its best rota.
public struct ComparisonStaffing: Sendable {
    public let staffings: [OptimisedStaffing]

    /// Staffs each scenario in turn (CBC solves one at a time).
    public static func optimise(_ scenarios: [Scenario], options: StaffingOptions) throws(StudyError) -> ComparisonStaffing {
        var out: [OptimisedStaffing] = []
        for s in scenarios { out.append(try OptimisedStaffing.optimise(s, options: options)) }
        return ComparisonStaffing(staffings: out)
    }

    /// The scenarios to compare: each with its optimised rota, under its own name.
    public var scenarios: [Scenario] {
        staffings.map { s in
            var staffed = s.staffed
            staffed.name = s.scenario.name
            return staffed
        }
    }

    /// Per scenario: its floor hours, shortfall and the solve.
    public func lines(_ language: ReportLanguage = .en) -> [String] {
        let f = NumberFormat(language)
        return staffings.map { s in
            let gap = s.plan.stages.first?.gap.map { gapText($0, language) } ?? "–"
            let hours = f.number(s.hours.optimised, decimals: 1), asIs = f.number(s.hours.asIs, decimals: 1)
            let short = f.number(s.plan.shortfallHours, decimals: 1)
            return language == .da
                ? "\(s.scenario.name): \(hours) gulvtimer om ugen (egen vagtplan \(asIs)), \(short) personaletimer under kravet; \(s.plan.status.rawValue), gap \(gap)"
                : "\(s.scenario.name): \(hours) floor hours a week (own rota \(asIs)), \(short) staff-hours short of the requirement; \(s.plan.status.rawValue), gap \(gap)"
        }
    }

    /// The report's note: how the scenarios were staffed.
    public func note(_ language: ReportLanguage = .en) -> String {
        guard let first = staffings.first else { return "" }
        let targets = first.options.targets.texts.joined(separator: ", ")
        let limit = formatNumber(first.options.timeLimitSeconds)
        let head = language == .da
            ? "Hvert scenarie er bemandet ud fra efterspørgslen før sammenligningen (pitstop staff): krav pr. halve time efter Erlang A (\(targets)), vagtplan fra \(first.plan.solverName) inden for \(limit) s; scenariets egne regler og vagter er erstattet. "
            : "Every scenario was staffed from demand before comparing (pitstop staff): requirements per half hour by Erlang A (\(targets)), the rota from \(first.plan.solverName) within \(limit) s; each scenario's own rules and shifts were replaced. "
        return head + lines(language).joined(separator: " · ")
    }

    /// The comparison JSON's `staffing` member.
    public var json: JSONText {
        .object([
            "mode": .string("optimise"),
            "targets": .array((staffings.first?.options.targets.texts ?? []).map { .string($0) }),
            "scenarios": .array(staffings.map { s in
                .object([
                    "scenario": .string(s.scenario.name),
                    "floor_hours": .number(rounded(s.hours.optimised)), "as_is_floor_hours": .number(rounded(s.hours.asIs)),
                    "short_hours": .number(s.plan.shortfallHours), "solver": .string(s.plan.solverName),
                    "status": .string(s.plan.status.rawValue),
                    "gap": s.plan.stages.first?.gap.map { .number(rounded($0)) } ?? .null,
                ])
            }),
        ])
    }
}
