// Values and differences as words and numbers, shared by the tables, the summary and the HTML.

package struct Phrasing: Sendable {
    package let language: ReportLanguage
    package let currency: String
    package let words: Words
    package let format: NumberFormat

    package init(language: ReportLanguage, currency: String) {
        self.language = language
        self.currency = currency
        self.words = Words.of(language)
        self.format = NumberFormat(language)
    }

    package init(_ input: ReportInput) {
        self.init(language: input.language, currency: input.currency)
    }

    package func info(_ key: String) -> KPIInfo { KPIInfo.info(for: key) }

    /// "Mean wait for a dialogue (min)".
    package func label(_ info: KPIInfo) -> String {
        let unit = info.unit(language, currency: currency)
        return unit.isEmpty ? info.name(language) : "\(info.name(language)) (\(unit))"
    }

    /// A value without its unit: "6.2", "52.0" (a share in percent).
    package func number(_ value: Double, _ info: KPIInfo, signed: Bool = false) -> String {
        format.number(info.display(value), decimals: info.decimals, signed: signed)
    }

    /// A value with its unit: "6.2 min", "52.0 %", "1,234,567 DKK", "352.1".
    package func value(_ value: Double, _ info: KPIInfo) -> String {
        let unit = info.unit(language, currency: currency)
        return unit.isEmpty ? number(value, info) : "\(number(value, info)) \(unit)"
    }

    /// "350.2 to 354.0"
    package func range(_ interval: Interval, _ info: KPIInfo, signed: Bool = false) -> String {
        "\(number(interval.low, info, signed: signed)) \(words.to) \(number(interval.high, info, signed: signed))"
    }

    /// The difference in the KPI's own unit, for a table: "+2.9" or, for a share, "+31.2 pp".
    package func differenceMean(_ d: Interval, _ info: KPIInfo) -> String {
        let n = number(d.mean, info, signed: true)
        return info.kind == .share ? "\(n) \(words.percentagePointsShort)" : n
    }

    /// "+2.9 (−0.4 to +6.2)", the whole difference cell of a text table.
    package func differenceCell(_ d: Interval, _ info: KPIInfo) -> String {
        "\(differenceMean(d, info)) (\(range(d, info, signed: true)))"
    }

    /// Decimals for relative changes: one below 10 %, none from there.
    package func relativeDecimals(_ r: Interval) -> Int {
        let m = max(r.mean.magnitude, r.low.magnitude, r.high.magnitude)
        return m * 100 < 9.95 ? 1 : 0
    }

    /// "+12 %"; "–" when there is none or the KPI is a share (its change is in points).
    package func relativeCell(_ row: KPIComparisonRow, other: Int, _ info: KPIInfo) -> String {
        guard let r = readableRelative(row, other: other, info) else { return "–" }
        return format.percent(r.mean, decimals: relativeDecimals(r), signed: true)
    }

    /// The relative change when it reads well: not for shares (points), not from a baseline
    /// that rounds to zero, and not beyond ±500 % — "+24,420 %" from 0.0 says less than "+2.2".
    package func readableRelative(_ row: KPIComparisonRow, other: Int, _ info: KPIInfo) -> Interval? {
        guard info.kind != .share, let r = row.relative(other), r.mean.magnitude <= 5,
            info.display(row.baseline.mean.magnitude) >= (info.decimals == 0 ? 0.5 : 0.05)
        else { return nil }
        return r
    }

    package func verdictWord(_ row: KPIComparisonRow, other: Int, _ info: KPIInfo) -> String {
        guard row.isClaimed(other), let d = row.difference(other) else { return "–" }
        switch info.assessment(ofChange: d.mean) {
        case .better: return words.better
        case .worse: return words.worse
        case .neutral: return d.mean > 0 ? words.higher : words.lower
        }
    }

    /// The parts of a clear difference in words.
    package struct ClaimParts: Sendable, Hashable {
        /// "Dialogues served with the right competence"
        package var name: String
        /// "+31.2 percentage points", "−35 %"
        package var change: String
        /// "+31.2 pp", "−35 %" (for a tile)
        package var shortChange: String
        /// "+27.0 to +35.4", "−41 % to −29 %"
        package var range: String
        /// "from 52.0 % to 83.2 %"
        package var fromTo: String
        /// "higher, better" or "lower"
        package var direction: String
        package var assessment: Assessment
        package var sentence: String { "\(name): \(change) (\(range)), \(fromTo) — \(direction)." }
    }

    /// A clear difference in words; nil when the interval includes zero.
    package func claim(_ row: KPIComparisonRow, other: Int) -> ClaimParts? {
        guard row.isClaimed(other), let d = row.difference(other), let o = row.value(other) else { return nil }
        let info = info(row.kpi)
        let change: String, shortChange: String, range: String
        if info.kind == .share {
            let mean = number(d.mean, info, signed: true)
            change = "\(mean) \(words.percentagePoints)"
            shortChange = "\(mean) \(words.percentagePointsShort)"
            range = self.range(d, info, signed: true)
        } else if info.kind != .minutes, let r = readableRelative(row, other: other, info), r.excludesZero {
            // (Waits are worded in minutes: "+2.4 min" reads better than "+62 %".)
            let dec = relativeDecimals(r)
            change = format.percent(r.mean, decimals: dec, signed: true)
            shortChange = change
            range = "\(format.percent(r.low, decimals: dec, signed: true)) \(words.to) "
                + format.percent(r.high, decimals: dec, signed: true)
        } else {
            let unit = info.unit(language, currency: currency)
            let u = unit.isEmpty ? "" : " \(unit)"
            change = "\(number(d.mean, info, signed: true))\(u)"
            shortChange = change
            range = "\(number(d.low, info, signed: true))\(u) \(words.to) \(number(d.high, info, signed: true))\(u)"
        }
        let fromTo = "\(words.from) \(value(row.baseline.mean, info)) \(words.to) \(value(o.mean, info))"
        let assessment = info.assessment(ofChange: d.mean)
        var direction = d.mean > 0 ? words.higher : words.lower
        switch assessment {
        case .better: direction += ", \(words.better)"
        case .worse: direction += ", \(words.worse)"
        case .neutral: break
        }
        return ClaimParts(name: info.name(language), change: change, shortChange: shortChange, range: range,
                          fromTo: fromTo, direction: direction, assessment: assessment)
    }
}
