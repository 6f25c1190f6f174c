import PitstopSimulation
import Testing
@testable import PitstopReport

@Suite struct NumberFormatTests {
    let en = NumberFormat(.en)
    let da = NumberFormat(.da)

    @Test func englishUsesAPointAndCommaGroups() {
        #expect(en.number(1_234_567.891, decimals: 1) == "1,234,567.9")
        #expect(en.number(999.95, decimals: 1) == "1,000.0")
        #expect(en.number(12, decimals: 0) == "12")
        #expect(en.number(0.05, decimals: 2) == "0.05")
        #expect(en.number(123_456, decimals: 0) == "123,456")
    }

    @Test func danishUsesACommaAndPointGroups() {
        #expect(da.number(1_234_567.891, decimals: 1) == "1.234.567,9")
        #expect(da.number(6.2, decimals: 1) == "6,2")
        #expect(da.number(14_820_000, decimals: 0) == "14.820.000")
        #expect(da.percent(0.312) == "31,2 %")
    }

    @Test func signsAndRounding() {
        #expect(en.number(-2.25, decimals: 1) == "−2.3")  // half away from zero, minus sign
        #expect(en.number(2.25, decimals: 1, signed: true) == "+2.3")
        #expect(en.number(-0.04, decimals: 1, signed: true) == "0.0")  // rounds to zero: no sign
        #expect(en.number(0, decimals: 1, signed: true) == "0.0")
        #expect(en.percent(-0.355, decimals: 0, signed: true) == "−36 %")
        #expect(en.number(.nan, decimals: 1) == "–")
        #expect(en.number(.infinity, decimals: 1) == "–")
        #expect(en.number(1e300, decimals: 1) == "–")
    }

    @Test func svgCoordinatesAreShortAndLocaleFree() {
        #expect(svgNumber(12) == "12")
        #expect(svgNumber(12.5) == "12.5")
        #expect(svgNumber(12.3456) == "12.35")
        #expect(svgNumber(-0.001) == "0")
        #expect(svgNumber(-3.1) == "-3.1")
    }

    @Test func tablesShowUnitsAndPoints() {
        let p = Phrasing(language: .en, currency: "DKK")
        let share = KPIInfo.info(for: "served_share")
        #expect(p.label(share) == "Share of dialogues served (%)")
        #expect(p.differenceCell(Interval(mean: 0.176, low: 0.152, high: 0.2), share) == "+17.6 pp (+15.2 to +20.0)")
        let cost = KPIInfo.info(for: "annual_staff_cost")
        #expect(p.value(14_820_000, cost) == "14,820,000 DKK")
        let pda = Phrasing(language: .da, currency: "DKK")
        #expect(pda.differenceCell(Interval(mean: 0.176, low: 0.152, high: 0.2), share) == "+17,6 %-point (+15,2 til +20,0)")
        #expect(pda.label(KPIInfo.info(for: "wait_mean_min")) == "Gennemsnitlig ventetid på en samtale (min)")
    }

    @Test func unknownKPIsGetAReadableName() {
        let info = KPIInfo.info(for: "queue_length_peak")
        #expect(info.name(.en) == "Queue length peak")
        #expect(info.preference == .neutral)
        #expect(KPIInfo.info(for: "lunch_share").kind == .share)
    }

    @Test func everyContractKPIHasBothNames() {
        let contract = ["visits", "dialogues_requested", "dialogues_served", "served_share", "competence_match_share",
                        "wait_mean_min", "wait_p90_min", "wait_prob", "abandoned", "turnaways", "staff_floor_hours",
                        "staff_utilisation", "travel_hours", "coverage_share", "annual_staff_cost", "cost_per_visit",
                        "cost_per_dialogue", "occupancy_mean", "occupancy_peak", "abandon_share", "wait_all_mean_min",
                        "unservable_share", "unattended", "dialogue_hours"]
        for key in contract {
            let info = KPIInfo.info(for: key)
            #expect(KPIInfo.catalogue.contains(info), "\(key) is not in the catalogue")
            #expect(info.name(.en) != info.name(.da), "\(key) has no Danish name")
        }
        // Every KPI the simulation writes has its words in both languages.
        for key in KPIName.overall + KPIName.site + KPIName.zone {
            #expect(KPIInfo.catalogue.contains { $0.key == key }, "\(key) is not in the catalogue")
        }
        #expect(KPIInfo.info(for: "unservable_share").name(.da) == "Andel spurgt uden personale til stede")
        #expect(KPIInfo.info(for: "wait_all_mean_min").kind == .minutes)
        #expect(Set(KPIInfo.catalogue.filter { $0.kind == .share }.map(\.key))
            == ["served_share", "competence_match_share", "wait_prob", "staff_utilisation", "coverage_share",
                "abandon_share", "unservable_share"])
    }
}

@Suite struct ComparisonTableTests {
    @Test func textColumnsAreAligned() throws {
        let text = ComparisonTable.text(Sample.input())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let ruleIndex = try #require(lines.firstIndex { $0.hasPrefix("---") })
        let rule = Array(lines[ruleIndex])
        // The gaps between the columns, from the rule line.
        let gaps = rule.indices.filter { rule[$0] == " " }
        #expect(gaps.count >= 10)
        let tableLines = lines[(ruleIndex - 1)...].prefix { !$0.isEmpty }
        #expect(tableLines.count == Sample.kpiRows.count + 2)
        for line in tableLines {
            let chars = Array(line)
            for gap in gaps where gap < chars.count {
                #expect(chars[gap] == " ", "column gap at \(gap) broken in: \(line)")
            }
        }
        #expect(text.hasPrefix("The Pitstop library: what changes?\nTraditionelt bibliotek (baseline) vs Pitstop-biblioteket\n"))
        #expect(text.contains("Key figure"))
        #expect(text.contains("Dialogues served with the right competence (%)"))
        #expect(text.contains("+31.2 pp (+27.0 to +35.4)"))
        #expect(text.hasSuffix("\n"))
    }

    @Test func danishTextTable() {
        let text = ComparisonTable.text(Sample.input(language: .da))
        #expect(text.contains("Nøgletal"))
        #expect(text.contains("Forskel (95 %-KI)"))
        #expect(text.contains("Samtaler med den rette kompetence (%)"))
        #expect(text.contains("+31,2 %-point (+27,0 til +35,4)"))
        #expect(text.contains("Sammenfatning: Pitstop-biblioteket sammenlignet med Traditionelt bibliotek"))
        #expect(text.contains("bedre"))
    }

    @Test func longNamesBecomeLettersExplainedAboveTheTable() throws {
        let long = ["Traditionelt bibliotek (filialer)", "Pitstop-biblioteket"]
        let text = ComparisonTable.text(Sample.input(names: long))
        #expect(text.contains("\n  A  Traditionelt bibliotek (filialer) (baseline)\n  B  Pitstop-biblioteket\n"))
        let header = try #require(text.split(separator: "\n").first { $0.hasPrefix("Key figure") })
        #expect(header.contains("B − A (95 %)"))
        #expect(!header.contains("Pitstop-biblioteket"))
        // Short names stay in the header.
        let short = ComparisonTable.text(Sample.input(names: ["Old", "New"]))
        #expect(short.split(separator: "\n").contains { $0.hasPrefix("Key figure") && $0.contains("Old") })
    }

        @Test func markdownIsATableWithEscapedNames() {
        let md = ComparisonTable.markdown(Sample.input(names: ["<b>Old</b> | *A*", "New_one"]))
        let lines = md.split(separator: "\n").map(String.init)
        let header = lines.first { $0.hasPrefix("| Key figure") }
        #expect(header?.contains("\\<b\\>Old\\</b\\> \\| \\*A\\*") == true)
        #expect(header?.contains("New\\_one") == true)
        #expect(lines.contains { $0.hasPrefix("| :--") && $0.contains("--: |") })
        // Every table line has the same number of unescaped pipes.
        let tableLines = lines.filter { $0.hasPrefix("|") }
        let pipes = Set(tableLines.map { line in
            line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
        })
        #expect(pipes.count == 1)
        #expect(md.contains("**+31.2 pp (+27.0 to +35.4)**"))
        #expect(md.contains("- Dialogues served with the right competence: +31.2 percentage points"))
        #expect(!md.contains("<b>"))
    }
}
