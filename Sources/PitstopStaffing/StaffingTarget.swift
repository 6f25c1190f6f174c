import PitstopModel

/// What every staffed half hour should reach, as `--target 'KPI OP VALUE'` says:
/// `served_share >= X` (default 0.9), and optionally a wait bound `wait_mean_min <= Y` or
/// `wait_p90_min <= Z`. Shares and waits are those of the dialogues served, as the
/// simulation measures them.
public struct StaffingTargets: Sendable, Hashable {
    /// The least share of requests served (not given up).
    public var servedShare: Double
    /// The most mean wait of served requests, in minutes.
    public var waitMeanMinutes: Double?
    /// The most 90th-percentile wait of served requests, in minutes.
    public var waitP90Minutes: Double?

    public init(servedShare: Double = 0.9, waitMeanMinutes: Double? = nil, waitP90Minutes: Double? = nil) {
        self.servedShare = servedShare
        self.waitMeanMinutes = waitMeanMinutes
        self.waitP90Minutes = waitP90Minutes
    }

    /// The KPIs a target may name.
    public static let kpis = ["served_share", "wait_mean_min", "wait_p90_min"]

    /// Targets from `--target` texts, on top of the default `served_share >= 0.9`. Every
    /// problem of every text is reported at once (the texts as typed are quoted).
    public static func parse(_ texts: [String]) -> Result<StaffingTargets, TargetError> {
        var targets = StaffingTargets()
        var problems: [TargetError.Problem] = []
        var seen: [String: String] = [:]
        for text in texts {
            switch parseOne(text) {
            case .failure(let problem):
                problems.append(problem)
            case .success(let (kpi, value)):
                if let earlier = seen[kpi] {
                    problems.append(.init(text: text, message: "a second target for \(kpi) (the first was '\(earlier)')"))
                    continue
                }
                seen[kpi] = text
                switch kpi {
                case "served_share": targets.servedShare = value
                case "wait_mean_min": targets.waitMeanMinutes = value
                default: targets.waitP90Minutes = value
                }
            }
        }
        return problems.isEmpty ? .success(targets) : .failure(TargetError(problems: problems))
    }

    private static func parseOne(_ text: String) -> Result<(String, Double), TargetError.Problem> {
        func problem(_ message: String, suggestion: String? = nil) -> Result<(String, Double), TargetError.Problem> {
            .failure(.init(text: text, message: message, suggestion: suggestion))
        }
        let operators = [">=", "<=", "≥", "≤", "=", "<", ">"]
        guard let op = operators.first(where: { text.contains($0) }), let range = text.range(of: op) else {
            return problem("expected 'KPI OP VALUE', such as 'served_share >= 0.9' or 'wait_p90_min <= 5'")
        }
        let kpi = String(text[..<range.lowerBound]).trimmingCharacters(in: " ")
        var number = String(text[range.upperBound...]).trimmingCharacters(in: " ")
        guard kpis.contains(kpi) else {
            let known = "the KPIs are " + kpis.joined(separator: ", ")
            if kpi.isEmpty { return problem("no KPI before '\(op)'; \(known)") }
            return problem("unknown KPI '\(kpi)'; \(known)", suggestion: closestMatch(to: kpi, in: kpis))
        }
        let isShare = kpi == "served_share"
        let wanted = isShare ? ">=" : "<="
        guard op == wanted || (isShare && op == "≥") || (!isShare && op == "≤") else {
            return problem("\(kpi) takes '\(wanted)' (\(isShare ? "at least" : "at most")), found '\(op)'",
                           suggestion: "\(kpi) \(wanted) \(number)")
        }
        var percent = false
        if isShare && number.hasSuffix("%") {
            number.removeLast()
            number = number.trimmingCharacters(in: " ")
            percent = true
        }
        guard let raw = Double(number), raw.isFinite else {
            return problem("'\(number)' is not a number")
        }
        let value = percent ? raw / 100 : raw
        if isShare && !(value > 0 && value < 1) {
            return problem("served_share must lie between 0 and 1 (every request served cannot be promised while visitors give up), found \(number)")
        }
        if kpi == "wait_mean_min" && !(value > 0) {
            return problem("wait_mean_min must be more than 0 minutes, found \(number)")
        }
        if kpi == "wait_p90_min" && value < 0 {
            return problem("wait_p90_min must be 0 minutes or more, found \(number)")
        }
        return .success((kpi, value))
    }

    /// Whether a queue's performance meets every target.
    public func isMet(by p: QueuePerformance) -> Bool {
        guard p.isStable, p.servedShare >= servedShare - 1e-12 else { return false }
        if let w = waitMeanMinutes, !(p.meanWaitServedMinutes <= w + 1e-12) { return false }
        if let w = waitP90Minutes, !p.meetsServedWait(w, share: 0.9) { return false }
        return true
    }

    /// The targets as `--target` texts, the served share first.
    public var texts: [String] {
        var out = ["served_share >= \(formatNumber(servedShare))"]
        if let w = waitMeanMinutes { out.append("wait_mean_min <= \(formatNumber(w))") }
        if let w = waitP90Minutes { out.append("wait_p90_min <= \(formatNumber(w))") }
        return out
    }
}

/// `--target` texts that could not be read, every one of them.
public struct TargetError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Problem: Error, Sendable, Hashable {
        /// The text as given.
        public var text: String
        public var message: String
        /// A corrected text or KPI, when one is close.
        public var suggestion: String?
    }
    public var problems: [Problem]

    /// One `error:` line per problem, each followed by a `note: did you mean '…'?` where one is close.
    public var description: String {
        problems.map { p in
            "error: --target '\(p.text)': \(p.message)" + (p.suggestion.map { "\nnote: did you mean '\($0)'?" } ?? "")
        }.joined(separator: "\n")
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
