import Foundation
import PitstopModel
import Testing
@testable import PitstopImport
@testable import PitstopScenario
@testable import PitstopSimulation

/// Door counts drawn from what the simulation would send: its own rate pieces, with
/// Poisson noise from a seeded generator.
struct CountMaker {
    var state: UInt64

    mutating func uniform() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }

    /// Poisson(λ) by multiplying uniforms (exact), as a sum of Poisson(≤ 100) parts so that
    /// e^−λ never underflows.
    mutating func poisson(_ lambda: Double) -> Int {
        if lambda > 100 { return poisson(100) + poisson(lambda - 100) }
        let limit = exp(-lambda)
        var k = 0, product = uniform()
        while product > limit {
            k += 1
            product *= uniform()
        }
        return k
    }

    /// Expected arrivals per weekday and hour at `site`, from the simulation's rate pieces.
    static func expected(_ scenario: Scenario, site siteID: String) -> [[Double]] {
        var cells = Array(repeating: Array(repeating: 0.0, count: 24), count: 7)
        let site = scenario.site(siteID)!
        let hours = Weekday.allCases.map { site.visitorHours.ranges(on: $0) }
        for persona in scenario.personas where persona.demand.amount(at: siteID) > 0 {
            let segments = CompiledModel.rateSegments(
                demand: persona.demand, amount: persona.demand.amount(at: siteID),
                profile: persona.profile.flatMap { scenario.profile($0) }, visitorHours: hours)
            for s in segments {
                var m = s.start
                while m < s.end {
                    let cellEnd = min(s.end, (floor(m / 60) + 1) * 60)
                    let index = Int(m / 60)
                    cells[index / 24][index % 24] += s.rate * (cellEnd - m)
                    m = cellEnd
                }
            }
        }
        return cells
    }

    /// `weeks` weeks of daily counts from Monday 1 January 2024, one row per counted hour.
    mutating func csv(_ expected: [[Double]], site: String, weeks: Int, extra: [(day: Int, hour: Int, count: Int)] = []) -> String {
        var lines = ["Dato;Time;Filial;Antal"]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: 2024, month: 1, day: 1))!
        for day in 0..<(weeks * 7) {
            let date = calendar.date(byAdding: .day, value: day, to: start)!
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            let text = String(format: "%02d-%02d-%04d", c.day!, c.month!, c.year!)
            for h in 0..<24 {
                var count = expected[day % 7][h] > 0 ? poisson(expected[day % 7][h]) : 0
                count += extra.filter { $0.day == day % 7 && $0.hour == h }.map(\.count).reduce(0, +)
                if count > 0 { lines.append("\(text);\(String(format: "%02d:00-%02d:00", h, h + 1));\(site);\(count)") }
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

@Suite struct CalibrationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func calibrate(_ csv: String, base: Scenario) throws -> (DoorCounts, Calibration) {
        let table = try CSVTable.parse(bytes: Array(csv.utf8), file: "counts.csv").get()
        var problems = Problems(table: table)
        let counts = DoorCounts.read(table, sites: base.sites.map { ($0.id, $0.name) }, &problems)
        #expect(problems.diagnostics.isEmpty, "\(problems.diagnostics.map(\.rendered))")
        return (counts, Calibration.fit(counts, base: base))
    }

    @Test func countsFromTheMainLibrarysProfileGiveBackItsHourWeightsAndYearlyVisits() throws {
        let base = try #require(ScenarioLoader.load(path: Self.root.appendingPathComponent("Scenarios/library-base.yaml").path).scenario)
        let truth = CountMaker.expected(base, site: "main")
        var maker = CountMaker(state: 2339)
        let csv = maker.csv(truth, site: "Hovedbiblioteket", weeks: 52)
        let (_, calibration) = try calibrate(csv, base: base)
        let fit = try #require(calibration.sites.first)
        #expect(fit.site == "main")
        // The main library's hour weights: its expected arrivals in each hour over the week.
        let byHour = (0..<24).map { h in (0..<7).reduce(0.0) { $0 + truth[$1][h] } }
        let peak = byHour.max()!
        for h in 0..<24 where byHour[h] > peak / 10 {
            #expect(abs(fit.hours[h] / (byHour[h] / peak) - 1) < 0.05, "hour \(h): \(fit.hours[h]) vs \(byHour[h] / peak)")
        }
        let yearly = base.personas.reduce(0.0) { $0 + $1.demand.amount(at: "main") }
        #expect(yearly == 400_000)
        #expect(abs(fit.visitsPerYear / yearly - 1) < 0.02, "\(fit.visitsPerYear)")
        #expect(fit.closedCells.isEmpty)
    }

    @Test func aKnownProfileIsRecoveredAndClosedHoursAreFlagged() throws {
        let yaml = """
            format: 1
            name: Known
            sites:
              - id: branch
                name: Filialen
                staffed_hours: { mon-fri: "08:30-17:00" }
                open_hours: { sat: "10:00-14:00" }
                zones: [{ id: hall, at: [0, 0], size: [10, 10] }]
            personas:
              - { id: a, visits_per_year: { branch: 30000 }, profile: p, route: [{ zone: hall, dwell: 5 }] }
              - { id: b, arrivals_per_hour: { branch: 2 }, profile: p, route: [{ zone: hall, dwell: 5 }] }
            profiles:
              - id: p
                hours: [0,0,0,0,0,0,0,0, 0.5,1,2,2,1.5,1,3,4,2, 0,0,0,0,0,0,0]
                days: { mon-fri: 1, sat: 2.5, sun: 1 }
            """
        let base = try #require(ScenarioLoader.load(yaml: yaml, path: "known.yaml").scenario)
        let truth = CountMaker.expected(base, site: "branch")
        var maker = CountMaker(state: 7)
        // Visitors counted on Sundays at 11, when the branch is closed.
        let csv = maker.csv(truth.map { $0.map { $0 * 50 } }, site: "branch", weeks: 20, extra: [(6, 11, 40)])
        let (_, calibration) = try calibrate(csv, base: base)
        let fit = try #require(calibration.sites.first)
        let profile = try #require(base.profile("p"))
        for h in 8...16 { #expect(abs(fit.hours[h] - profile.hours[h] / 4) < 0.02 * profile.hours[h] / 4 + 1e-9, "hour \(h)") }
        for d in 0..<5 { #expect(abs(fit.days[d] / fit.days[5] - 1 / 2.5) < 0.02, "day \(d)") }
        #expect(fit.closedCells.map { "\($0.day.key) \($0.hour)" } == ["sun 11"])
        #expect(fit.closedVisitsPerYear == (40 * 365 / 7.0).rounded())
        let expectedYearly = truth.joined().reduce(0, +) * 50 * 365 / 7
        #expect(abs(fit.visitsPerYear / expectedYearly - 1) < 0.02)
    }

    @Test func theOverlayKeepsEveryPersonasShareAndTheSimulationArrivesAsFitted() throws {
        let basePath = Self.root.appendingPathComponent("Scenarios/library-base.yaml").path
        let base = try #require(ScenarioLoader.load(path: basePath).scenario)
        var maker = CountMaker(state: 11)
        var csv = maker.csv(CountMaker.expected(base, site: "main").map { $0.map { $0 * 1.1 } }, site: "main", weeks: 8)
        csv += maker.csv(CountMaker.expected(base, site: "branch-1"), site: "Filial 1", weeks: 8).split(separator: "\r\n").dropFirst().joined(separator: "\r\n") + "\r\n"
        let (_, calibration) = try calibrate(csv, base: base)
        #expect(calibration.sites.map(\.site) == ["main", "branch-1"])
        let out = Self.root.appendingPathComponent("Output/calibrated.yaml").path
        let overlay = calibration.overlay(countsFile: "counts.csv", base: (ScenarioPaths.relativePath(from: Self.root.appendingPathComponent("Output").path, to: basePath), base))
        let loaded = ScenarioLoader.load(yaml: overlay, path: out)
        #expect(!loaded.hasErrors, "\(loaded.renderedDiagnostics)")
        let calibrated = try #require(loaded.scenario)
        for fit in calibration.sites {
            let old = base.personas.map { $0.demand.amount(at: fit.site) }, new = calibrated.personas.map { $0.demand.amount(at: fit.site) }
            let oldTotal = old.reduce(0, +), newTotal = new.reduce(0, +)
            #expect(abs(newTotal - fit.visitsPerYear) < 1)
            for (o, n) in zip(old, new) { #expect(abs(o / oldTotal - n / newTotal) < 1e-6) }
        }
        #expect(calibrated.personas.first { $0.id == "in-love" }?.profile == "visits-main")
        // Branch 2 had no counts: its visits stay.
        #expect(calibrated.personas.map { $0.demand.amount(at: "branch-2") } == base.personas.map { $0.demand.amount(at: "branch-2") })
        // At the main library every persona follows its fitted profile: the simulation's
        // arrivals are the fit's.
        let main = try #require(calibration.sites.first)
        let simulated = CountMaker.expected(calibrated, site: "main"), fitted = main.fitted
        for d in 0..<7 { for h in 0..<24 { #expect(abs(simulated[d][h] - fitted[d][h]) < 1e-6 * max(1, fitted[d][h])) } }
        #expect(calibration.scenarioExpectation(base)["main"].map { e in zip(e.joined(), simulated.joined()).allSatisfy { abs($0 - $1) < 1e-6 * max(1, $1) } } == true)
    }

    @Test func aSiteTheBaseNeverOpensIsAnErrorNotAProfileOfZeros() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pitstop-calibrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let basePath = Self.root.appendingPathComponent("Scenarios/library-base.yaml").path
        // An overlay adding a site without hours, as an HR import does for a new workplace.
        let overlay = dir.appendingPathComponent("people.yaml")
        try "extends: \(ScenarioPaths.relativePath(from: dir.path, to: basePath))\nsites:\n  - id: annex\n    name: Annekset\n".write(to: overlay, atomically: true, encoding: .utf8)
        #expect(ScenarioLoader.load(path: overlay.path).scenario?.site("annex") != nil)
        let counts = dir.appendingPathComponent("counts.csv")
        try "Dato;Time;Filial;Antal\n2025-01-06;10;Annekset;40\n2025-01-06;11;main;50\n".write(to: counts, atomically: true, encoding: .utf8)
        let (outcome, reports) = ImportFile.calibrate(counts: counts.path, out: nil, extends: overlay.path)
        #expect(outcome.yaml == nil && reports.isEmpty)
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("never opens site 'annex'") == true, "\(errors.map(\.message))")
    }

    @Test func badCellsAreReportedAtTheirRowAndColumn() throws {
        let base = try #require(ScenarioLoader.load(path: Self.root.appendingPathComponent("Scenarios/library-base.yaml").path).scenario)
        let csv = "Dato;Time;Filial;Antal\n2024-02-30;10;main;5\n2024-03-01;25;main;5\n2024-03-01;10;Filial 3;5\n2024-03-01;10;main;-2\n"
        let table = try CSVTable.parse(bytes: Array(csv.utf8), file: "c.csv").get()
        var problems = Problems(table: table)
        _ = DoorCounts.read(table, sites: base.sites.map { ($0.id, $0.name) }, &problems)
        #expect(problems.sorted.map { "\($0.location!.line):\($0.location!.column)" } == ["2:1", "3:2", "4:3", "5:4"])
        #expect(problems.sorted[2].notes == ["did you mean 'Filial 1'?"])
    }
}
