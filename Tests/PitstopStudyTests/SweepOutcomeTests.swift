import Foundation
import PitstopModel
import PitstopReport
import PitstopScenario
import PitstopSimulation
@testable import PitstopStudy
import Testing

/// A sweep's outputs from its samples: the same samples give the same bytes.
@Suite struct SweepOutcomeTests {
    static let sweepYAML = """
        format: 1
        name: Mindspotters at the main library
        scenario: ../Scenarios/pitstop.yaml
        parameters:
          - { set: staff.x.count, values: [2, 3, 4, 5] }
          - { set: simulation.demand_scale, values: [1, 1.2] }
        target:
          minimise: annual_staff_cost
          require: ["served_share >= 0.8"]
        """

    /// Synthetic samples: served share rises with staff and falls with demand; cost rises with staff.
    static func outcome() throws -> SweepOutcome {
        let sweep = try #require(SweepLoader.load(yaml: sweepYAML, path: "sweeps/s.yaml", knownKPIs: KPIName.overall).sweep)
        let variants = SweepPlan.variants(of: sweep)
        let base = Scenario(name: "Pitstop-biblioteket")
        let options = RunOptions(days: 28, warmupDays: 0, replications: 5, seed: 7, jobs: 1)
        let setup = SweepSetup(sweep: sweep, variants: variants, base: base, compareWith: nil, options: options, hash: "0123",
                               variantWork: variants.map { _ in 1 }, compareWork: nil)
        var samples: [Int: VariantSamples] = [:]
        for (i, v) in variants.enumerated() {
            let staff = Double(v.value(of: "staff.x.count")!)!, demand = Double(v.value(of: "simulation.demand_scale")!)!
            let served = min(0.99, 0.5 + 0.1 * staff - 0.3 * (demand - 1))
            samples[i] = VariantSamples(values: [
                "served_share": (0..<5).map { served + 0.004 * Double($0 - 2) },
                "annual_staff_cost": Array(repeating: 20_000_000 + 500_000 * staff, count: 5),
                "wait_mean_min": (0..<5).map { 10 / staff + Double($0) * 0.1 },
            ])
        }
        return SweepOutcome(setup: setup, samples: SweepSamples(variants: samples, compareWith: nil, replications: 5))
    }

    @Test func theAnswerIsTheCheapestVariantThatMeetsTheBound() throws {
        let o = try Self.outcome()
        // served = 0.5 + 0.1 × staff − 0.3 × (demand − 1): ≥ 0.8 needs staff 3 at demand 1 (0.8, straddling),
        // staff 4 at demand 1 (0.9) or staff 4 at 1.2 (0.84).
        let answer = try #require(o.answer)
        #expect(o.variants[try #require(answer.best)].sets == ["staff.x.count=4", "simulation.demand_scale=1"])
        #expect(answer.contenders.map { o.variants[$0].id } == ["v003"])
        let text = o.text()
        #expect(text.contains("v005 meets share of dialogues served ≥ 80.0 % with 95 % confidence at the lowest annual staff cost"))
        #expect(text.contains("v003 (staff.x.count = 3, simulation.demand_scale = 1) might also meet them"))
        let json = o.json
        #expect(json.contains("\"best\": \"v005\""))
        #expect(json.contains("\"might_also_meet\": [\"v003\"]"))
        let csv = o.csv.split(separator: "\n")
        #expect(csv.count == 9)
        #expect(csv[0].hasPrefix("variant,staff.x.count,simulation.demand_scale,visits_mean"))
        #expect(csv[5].hasPrefix("v005,4,1,"))
        #expect(csv[5].hasSuffix(",meets"))
    }

    @Test func theSameSamplesGiveTheSameBytesInEveryLanguage() throws {
        let a = try Self.outcome(), b = try Self.outcome()
        for language in ReportLanguage.allCases {
            #expect(a.files(language, outputFolder: "/tmp/x").map(\.bytes) == b.files(language, outputFolder: "/tmp/x").map(\.bytes))
        }
        let names = a.files(.en, outputFolder: "/tmp/x").map(\.name)
        #expect(names.contains("sweep.csv") && names.contains("sweep.json") && names.contains("report.html"))
        #expect(names.contains("pareto-cost-service.svg") && names.contains("heat-served_share.svg"))
        #expect(names.contains("plot-served_share-staff.x.count.svg"))
        if let dump = ProcessInfo.processInfo.environment["PITSTOP_DUMP"] {
            for f in a.files(.da, outputFolder: "/tmp/x") { _ = FileManager.default.createFile(atPath: dump + "/" + f.name, contents: Data(f.bytes)) }
        }
    }
}
