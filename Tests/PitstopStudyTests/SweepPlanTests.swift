import PitstopScenario
import PitstopSimulation
import PitstopStudy
import Testing

/// Sweep files, their designs and the judgement of a target.
@Suite struct SweepPlanTests {
    func load(_ yaml: String) -> SweepLoadResult {
        SweepLoader.load(yaml: yaml, path: "sweeps/s.yaml", knownKPIs: ["served_share", "wait_p90_min", "annual_staff_cost"])
    }

    let header = """
        format: 1
        name: Mindspotters
        scenario: ../Scenarios/pitstop.yaml

        """

    @Test func aGridIsEveryCombinationTheFirstParameterSlowest() throws {
        let sweep = try #require(load(header + """
            parameters:
              - set: staff.mindspotter-main.count
                values: [2, 3]
              - set: simulation.demand_scale
                range: [0.8, 1.4]
                steps: 4
              - set: sites.branch-1.staffed_hours.sat
                values: ["10:00-14:00", "10:00-16:00"]
            """).sweep)
        #expect(sweep.scenario == "Scenarios/pitstop.yaml")
        let variants = SweepPlan.variants(of: sweep)
        #expect(variants.count == 16)
        #expect(variants.first?.id == "v001" && variants.last?.id == "v016")
        #expect(variants[0].sets == ["staff.mindspotter-main.count=2", "simulation.demand_scale=0.8", "sites.branch-1.staffed_hours.sat=\"10:00-14:00\""])
        #expect(variants[1].value(of: "sites.branch-1.staffed_hours.sat") == "\"10:00-16:00\"")
        #expect(variants[2].value(of: "simulation.demand_scale") == "1")
        #expect(variants[8].value(of: "staff.mindspotter-main.count") == "3")
        #expect(Set(variants.map(\.sets)).count == 16)
    }

    @Test func aWholeNumberRangeGivesWholeNumbersWithoutRepeats() throws {
        let sweep = try #require(load(header + "parameters:\n  - { set: staff.x.count, range: [2, 4], steps: 5 }\n").sweep)
        #expect(SweepPlan.levels(sweep.parameters[0]) == ["2", "3", "4"])
    }

    @Test func aLatinHypercubeStratifiesEveryParameterAndRepeats() throws {
        let text = header + """
            parameters:
              - { set: simulation.demand_scale, range: [1, 2] }
              - { set: staff.x.count, values: [1, 2, 3, 4] }
            design: { lhs: 8, seed: 7 }
            """
        let sweep = try #require(load(text).sweep)
        let variants = SweepPlan.variants(of: sweep)
        #expect(variants.count == 8)
        // One value in each eighth of the range.
        let strata = variants.compactMap { $0.value(of: "simulation.demand_scale").flatMap(Double.init) }.map { Int(($0 - 1) * 8) }
        #expect(strata.sorted() == Array(0..<8))
        // Each listed value twice (8 strata over 4 values).
        let counts = Dictionary(grouping: variants.compactMap { $0.value(of: "staff.x.count") }, by: { $0 }).mapValues(\.count)
        #expect(counts == ["1": 2, "2": 2, "3": 2, "4": 2])
        #expect(SweepPlan.variants(of: try #require(load(text).sweep)) == variants)
    }

    @Test func oneAtATimeStartsFromTheScenarioAsItIs() throws {
        let sweep = try #require(load(header + """
            parameters:
              - { set: a.b, values: [1, 2] }
              - { set: c.d, values: [x] }
            design: one-at-a-time
            """).sweep)
        let variants = SweepPlan.variants(of: sweep)
        #expect(variants.map(\.sets) == [[], ["a.b=1"], ["a.b=2"], ["c.d=x"]])
    }

    @Test func everyMistakeIsReportedAtItsLine() {
        let result = load("""
            format: 1
            name: Broken
            scenario: /etc/passwd
            parameters:
              - set: staff.x.count
                values: [1, 2]
                steps: 3
              - set: a.b
                range: [5, 1]
              - set: c.d
                rnage: [1, 2]
            design: { lhs: 1 }
            target:
              minimise: anual_staff_cost
              require: ["served_share >= 0.8", "wait_p90_min 10", "served_shar >= 1"]
            """)
        #expect(result.sweep == nil)
        let lines = result.diagnostics.filter { $0.severity == .error }.map { $0.location?.line ?? 0 }
        #expect(lines == [3, 7, 9, 10, 11, 12, 14, 15, 15])
        let text = result.diagnostics.map(\.rendered).joined(separator: "\n")
        #expect(text.contains("did you mean 'annual_staff_cost'?"))
        #expect(text.contains("did you mean 'range'?"))
        #expect(text.contains("did you mean 'served_share'?"))
        #expect(text.contains("needs a comparison"))
        #expect(text.contains("absolute path"))
    }

    @Test func aGridRangeNeedsSteps() {
        let result = load(header + "parameters:\n  - { set: simulation.demand_scale, range: [1, 2] }\n")
        #expect(result.hasErrors)
        #expect(result.diagnostics.contains { $0.message.contains("needs 'steps'") && $0.location?.line == 5 })
    }
}

@Suite struct SweepTargetTests {
    func e(_ mean: Double, _ low: Double, _ high: Double) -> Estimate { Estimate(mean: mean, ci95: [low, high]) }

    @Test func feasibleMeansTheWholeIntervalMeetsEveryBound() {
        let requirements = [KPIRequirement(kpi: "served_share", comparison: .atLeast, bound: 0.8),
                            KPIRequirement(kpi: "wait_p90_min", comparison: .atMost, bound: 10)]
        #expect(SweepAnswer.feasibility(of: ["served_share": e(0.85, 0.81, 0.89), "wait_p90_min": e(8, 7, 9)], requirements) == .meets)
        #expect(SweepAnswer.feasibility(of: ["served_share": e(0.85, 0.79, 0.91), "wait_p90_min": e(8, 7, 9)], requirements) == .uncertain)
        #expect(SweepAnswer.feasibility(of: ["served_share": e(0.85, 0.79, 0.91), "wait_p90_min": e(12, 11, 13)], requirements) == .fails)
        #expect(SweepAnswer.feasibility(of: ["wait_p90_min": e(8, 7, 9)], requirements) == .fails)
    }

    @Test func theCheapestFeasibleVariantWinsAndCheaperUncertainOnesAreNamed() {
        let target = SweepTarget(objectiveKPI: "annual_staff_cost", direction: .minimise, objectiveLocation: nil,
                                 requirements: [KPIRequirement(kpi: "served_share", comparison: .atLeast, bound: 0.8)],
                                 location: SourceLocation(file: "s", line: 1, column: 1))
        let kpis: [[String: Estimate]] = [
            ["served_share": e(0.70, 0.68, 0.72), "annual_staff_cost": e(100, 100, 100)],  // fails
            ["served_share": e(0.80, 0.78, 0.82), "annual_staff_cost": e(110, 110, 110)],  // uncertain, cheaper
            ["served_share": e(0.85, 0.83, 0.87), "annual_staff_cost": e(120, 120, 120)],  // meets
            ["served_share": e(0.90, 0.88, 0.92), "annual_staff_cost": e(130, 130, 130)],  // meets
            ["served_share": e(0.90, 0.88, 0.92), "annual_staff_cost": e(120, 120, 120)],  // meets, ties v3: design order
        ]
        let answer = SweepAnswer(target: target, kpis: kpis)
        #expect(answer.feasibility == [.fails, .uncertain, .meets, .meets, .meets])
        #expect(answer.best == 2)
        #expect(answer.runnerUp == 4)
        #expect(answer.contenders == [1])
        #expect(answer.feasibleCount == 3)
    }

    @Test func withoutAFeasibleVariantTheClosestAreNamed() {
        let target = SweepTarget(objectiveKPI: nil, direction: .minimise, objectiveLocation: nil,
                                 requirements: [KPIRequirement(kpi: "served_share", comparison: .atLeast, bound: 0.9)],
                                 location: SourceLocation(file: "s", line: 1, column: 1))
        let kpis: [[String: Estimate]] = [
            ["served_share": e(0.50, 0.48, 0.52)], ["served_share": e(0.70, 0.68, 0.72)], ["served_share": e(0.60, 0.58, 0.62)],
        ]
        let answer = SweepAnswer(target: target, kpis: kpis)
        #expect(answer.best == nil)
        #expect(answer.objective == "annual_staff_cost")
        #expect(answer.closest == [1, 2, 0])
    }

    @Test func theParetoFrontKeepsOnlyUndominatedVariants() {
        // cost, service: (1, 0.5) (2, 0.7) (2, 0.6) (3, 0.7) (4, 0.9)
        #expect(paretoFront(cost: [1, 2, 2, 3, 4], service: [0.5, 0.7, 0.6, 0.7, 0.9]) == [0, 1, 4])
    }
}
