import Testing
@testable import PitstopReport

/// A hand-made input with only the given KPI rows (one other scenario).
func input(_ rows: [KPIComparisonRow], language: ReportLanguage = .en,
           names: [String] = ["Traditional", "Pitstop"]) -> ReportInput {
    ReportInput(title: "Test", language: language, scenarioNames: names, kpiRows: rows,
                assumptions: Assumptions(seed: 1, replications: 10, days: 7, programVersion: "test"))
}

func row(_ kpi: String, base: Double, other: Double, low: Double, high: Double) -> KPIComparisonRow {
    KPIComparisonRow(kpi: kpi, baseline: Interval(mean: base, low: base, high: base),
                     others: [Interval(mean: other, low: other, high: other)],
                     differences: [Interval(mean: other - base, low: low, high: high)])
}

@Suite struct SummaryTests {
    let clear = row("dialogues_served", base: 71.2, other: 88.9, low: 15.2, high: 20.2)
    let acrossZero = row("visits", base: 412.3, other: 415.8, low: -1.2, high: 8.2)
    let touchingZero = row("turnaways", base: 3.1, other: 3.4, low: 0, high: 0.6)
    let identical = row("staff_floor_hours", base: 58, other: 58, low: 0, high: 0)

    @Test func onlyDifferencesWhoseIntervalExcludesZeroAreClaimed() {
        let report = input([acrossZero, clear, touchingZero, identical])
        let claims = ComparisonSummary.claims(report)
        #expect(claims.map(\.kpi) == ["dialogues_served"])
        let sentences = ComparisonSummary.sentences(report)
        #expect(sentences.count == 1)
        #expect(sentences[0].hasPrefix("Dialogues served per day: +25 % (+21 % to +28 %)"))
        for name in ["Visits", "Turned away", "Staff hours"] {
            #expect(!sentences.joined().contains(name))
        }
        // The unclear ones are only listed as unclear.
        #expect(ComparisonSummary.unclear(report, other: 0)
            == ["Visits per day", "Turned away at a full zone per day", "Staff hours on the floor per day"])
    }

    @Test func aDifferenceThatRoundsToNothingIsNotClaimed() {
        // 0.004 h excludes zero but shows as "0.0 h": claiming it would say nothing.
        let tiny = row("travel_hours", base: 0.01, other: 0.014, low: 0.002, high: 0.006)
        #expect(!tiny.isClaimed(0))
        #expect(ComparisonSummary.claims(input([tiny])).isEmpty)
        #expect(ComparisonSummary.unclear(input([tiny]), other: 0) == ["Staff travel hours per day"])
    }

    @Test func changesFromAlmostNothingAreGivenInUnitsNotPercent() {
        // 0.009 → 2.2 turn-aways is "+2.2", not "+24,000 %".
        let fromNothing = row("turnaways", base: 0.009, other: 2.2, low: 1.9, high: 2.5)
        let sentence = ComparisonSummary.sentences(input([fromNothing]))
        #expect(sentence == ["Turned away at a full zone per day: +2.2 (+1.9 to +2.5), from 0.0 to 2.2 — higher, worse."])
        // Waits are minutes, whatever the baseline.
        let wait = row("wait_mean_min", base: 1.0, other: 3.0, low: 1.5, high: 2.5)
        #expect(ComparisonSummary.sentences(input([wait]))[0].hasPrefix("Mean wait for a dialogue: +2.0 min (+1.5 min to +2.5 min)"))
    }

    @Test func intervalBoundsDecideNotTheMean() {
        #expect(Interval(mean: 1, low: 0.1, high: 2).excludesZero)
        #expect(Interval(mean: -1, low: -2, high: -0.1).excludesZero)
        #expect(!Interval(mean: 1, low: -0.1, high: 2).excludesZero)
        #expect(!Interval(mean: 1, low: 0, high: 2).excludesZero)
        #expect(!Interval(mean: .nan, low: 1, high: 2).excludesZero)
        #expect(!Interval(mean: 1, low: 1, high: .infinity).excludesZero)
        #expect(Interval(mean: 1, low: 2, high: 0.5).excludesZero)  // reversed bounds
    }

    @Test func sharesAreWordedInPercentagePoints() {
        let share = row("competence_match_share", base: 0.52, other: 0.832, low: 0.27, high: 0.354)
        #expect(ComparisonSummary.sentences(input([share])) == [
            "Dialogues served with the right competence: +31.2 percentage points (+27.0 to +35.4), from 52.0 % to 83.2 % — higher, better.",
        ])
        #expect(ComparisonSummary.sentences(input([share], language: .da)) == [
            "Samtaler med den rette kompetence: +31,2 procentpoint (+27,0 til +35,4), fra 52,0 % til 83,2 % — højere, bedre.",
        ])
    }

    @Test func countsAndCostsAreWordedRelativeAndWaitsInMinutes() {
        let wait = row("wait_mean_min", base: 6.2, other: 4.0, low: -2.6, high: -1.8)
        #expect(ComparisonSummary.sentences(input([wait])) == [
            "Mean wait for a dialogue: −2.2 min (−2.6 min to −1.8 min), from 6.2 min to 4.0 min — lower, better.",
        ])
        #expect(ComparisonSummary.sentences(input([wait], language: .da)) == [
            "Gennemsnitlig ventetid på en samtale: −2,2 min (−2,6 min til −1,8 min), fra 6,2 min til 4,0 min — lavere, bedre.",
        ])
        let cost = row("cost_per_dialogue", base: 812, other: 650, low: -185, high: -139)
        #expect(ComparisonSummary.sentences(input([cost])) == [
            "Cost per dialogue: −20 % (−23 % to −17 %), from 812 DKK to 650 DKK — lower, better.",
        ])
        let travel = row("travel_hours", base: 2.4, other: 2.5, low: 0.05, high: 0.16)
        #expect(ComparisonSummary.sentences(input([travel])) == [
            "Staff travel hours per day: +4.2 % (+2.1 % to +6.7 %), from 2.4 h to 2.5 h — higher, worse.",
        ])
    }

    @Test func aNeutralKPIGetsADirectionButNoJudgement() {
        let utilisation = row("staff_utilisation", base: 0.41, other: 0.52, low: 0.09, high: 0.13)
        let sentence = ComparisonSummary.sentences(input([utilisation]))[0]
        #expect(sentence.hasSuffix("— higher."))
        #expect(ComparisonSummary.claims(input([utilisation]))[0].assessment == .neutral)
    }

    @Test func aZeroBaselineIsWordedInTheKPIsOwnUnit() {
        let abandoned = row("abandoned", base: 0, other: 3.2, low: 1.0, high: 5.4)
        #expect(ComparisonSummary.sentences(input([abandoned])) == [
            "Dialogues given up per day: +3.2 (+1.0 to +5.4), from 0.0 to 3.2 — higher, worse.",
        ])
    }

    @Test func severalScenariosAreNamedInEachSentence() {
        let r = KPIComparisonRow(
            kpi: "dialogues_served", baseline: Interval(exactly: 100),
            others: [Interval(exactly: 120), Interval(exactly: 101)],
            differences: [Interval(mean: 20, low: 15, high: 25), Interval(mean: 1, low: -2, high: 4)])
        let report = input([r], names: ["A", "B", "C"])
        #expect(ComparisonSummary.sentences(report) == [
            "B — Dialogues served per day: +20 % (+15 % to +25 %), from 100.0 to 120.0 — higher, better.",
        ])
        #expect(ComparisonSummary.unclear(report, other: 1) == ["Dialogues served per day"])
    }

    @Test func theTextSummaryClaimsNothingWhereTheIntervalIncludesZero() {
        let text = ComparisonTable.text(input([acrossZero, clear]))
        let summary = text.components(separatedBy: "Summary:")[1]
        let bullets = summary.split(separator: "\n").filter { $0.hasPrefix("  - ") }
        #expect(bullets.count == 1)
        #expect(bullets[0].contains("Dialogues served per day"))
        #expect(!bullets.joined().contains("Visits"))
        #expect(summary.contains(
            "No clear difference (the 95 % interval includes zero, or the change rounds to nothing): Visits per day."))
    }

    @Test func noClearDifferenceAtAllIsSaid() {
        let text = ComparisonTable.text(input([acrossZero]))
        #expect(text.contains("No difference is clear at the 95 % level."))
        let da = ComparisonTable.text(input([acrossZero], language: .da))
        #expect(da.contains("Ingen forskel er klar på 95 %-niveau."))
    }
}
