// The summary in words: a sentence for each difference whose 95 % interval excludes zero,
// and nothing claimed where it includes zero.

public enum ComparisonSummary {
    /// One clear difference.
    public struct Claim: Sendable, Hashable {
        /// Index among the other scenarios (0 = the first after the baseline).
        public var other: Int
        public var kpi: String
        public var assessment: Assessment
        /// "Dialogues served with the right competence: +31.2 percentage points (+27.0 to
        /// +35.4), from 52.0 % to 83.2 % — higher, better."
        public var sentence: String
        package var parts: Phrasing.ClaimParts
    }

    /// The clear differences, scenario by scenario, in the order of the KPI rows.
    public static func claims(_ input: ReportInput) -> [Claim] {
        let phrasing = Phrasing(input)
        var claims: [Claim] = []
        for other in input.otherNames.indices {
            for row in input.kpiRows {
                guard let parts = phrasing.claim(row, other: other) else { continue }
                claims.append(Claim(other: other, kpi: row.kpi, assessment: parts.assessment, sentence: parts.sentence, parts: parts))
            }
        }
        return claims
    }

    /// The sentences of `claims(_:)`. With more than one other scenario each sentence
    /// starts with the scenario's name.
    public static func sentences(_ input: ReportInput) -> [String] {
        let many = input.otherNames.count > 1
        return claims(input).map { claim in
            many ? "\(input.otherNames[claim.other]) — \(claim.sentence)" : claim.sentence
        }
    }

    /// The display names of the KPIs whose difference to other scenario `other` is not
    /// clear (interval includes zero), in the order of the KPI rows.
    public static func unclear(_ input: ReportInput, other: Int) -> [String] {
        input.kpiRows.filter { !$0.isClaimed(other) }.map { KPIInfo.info(for: $0.kpi).name(input.language) }
    }

    /// "Pitstop library compared with Traditional library"
    package static func heading(_ input: ReportInput, other: Int) -> String {
        let words = Words.of(input.language)
        return "\(input.otherNames[other]) \(words.comparedWith) \(input.baselineName)"
    }

    /// The summary as plain lines: per other scenario a heading, a bullet per claim and
    /// one line naming what is not clear.
    static func lines(_ input: ReportInput) -> [String] {
        let words = Words.of(input.language)
        guard !input.otherNames.isEmpty else { return [words.onlyOneScenario] }
        let claims = claims(input)
        var lines: [String] = []
        for other in input.otherNames.indices {
            if other > 0 { lines.append("") }
            lines.append("\(words.summary): \(heading(input, other: other))")
            let mine = claims.filter { $0.other == other }
            if mine.isEmpty { lines.append("  \(words.noClaims)") }
            for claim in mine { lines.append("  - \(claim.sentence)") }
            let unclear = unclear(input, other: other)
            if !unclear.isEmpty, !mine.isEmpty {
                lines.append("  \(words.unclearList): \(unclear.joined(separator: "; ")).")
            }
        }
        return lines
    }
}
