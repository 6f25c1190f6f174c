import PitstopModel

/// Day keys (`mon`, `mon-fri`, `daily`, …), day maps and clock ranges.
enum DayKeys {
    static let days = Weekday.allCases.map(\.key)
    /// Every key accepted besides single days and ranges.
    static let named: [String: Set<Weekday>] = [
        "daily": Set(Weekday.allCases),
        "weekdays": [.mon, .tue, .wed, .thu, .fri],
        "weekend": [.sat, .sun],
    ]
    static var vocabulary: [String] { days + ["daily", "weekdays", "weekend"] }

    enum Problem: Error {
        case unknown(suggestion: String?)
        case reversed(suggestion: String)
    }

    static func parse(_ raw: String) -> Result<Set<Weekday>, Problem> {
        let key = raw.trimmingCharacters()
        if let set = named[key] { return .success(set) }
        if let day = Weekday(key: key) { return .success([day]) }
        let parts = key.split(separator: "-", omittingEmptySubsequences: false).map { String($0).trimmingCharacters() }
        guard parts.count == 2 else { return .failure(.unknown(suggestion: daySuggestion(for: key))) }
        guard let a = Weekday(key: parts[0]), let b = Weekday(key: parts[1]) else {
            let fixedA = Weekday(key: parts[0]) != nil ? parts[0] : dayKey(resembling: parts[0])
            let fixedB = Weekday(key: parts[1]) != nil ? parts[1] : dayKey(resembling: parts[1])
            if let fixedA, let fixedB { return .failure(.unknown(suggestion: "\(fixedA)-\(fixedB)")) }
            return .failure(.unknown(suggestion: nil))
        }
        guard a <= b else { return .failure(.reversed(suggestion: "\(b.key)-\(a.key)")) }
        return .success(Set(Weekday.allCases.filter { $0 >= a && $0 <= b }))
    }

    private static func daySuggestion(for key: String) -> String? {
        closestMatch(to: key, in: vocabulary) ?? dayKey(resembling: key)
    }

    /// A day key for a misspelt or spelt-out day: `fir` → `fri`, `Monday` → `mon`.
    private static func dayKey(resembling word: String) -> String? {
        let lower = word.lowercased()
        if let day = Weekday(key: lower) { return day.key }
        if lower.count > 3, let day = Weekday(key: String(lower.prefix(3))) { return day.key }
        return closestMatch(to: lower, in: days)
    }
}

extension ScenarioDecoder {
    /// The days of a day key, reporting a bad key at `location`.
    func days(_ key: String, at location: SourceLocation) -> Set<Weekday>? {
        switch DayKeys.parse(key) {
        case .success(let set): return set
        case .failure(.unknown(let suggestion)):
            error(.unknownDay(key, suggestion: suggestion), at: location)
        case .failure(.reversed(let suggestion)):
            error(.reversedDays(key, suggestion: suggestion), at: location)
        }
        return nil
    }

    /// A `days:` value: one day key, or a list of them.
    func daySet(_ node: SourceNode, _ what: String) -> DaySet? {
        guard let items = list(node, what, scalarAllowed: true) else { return nil }
        var result = Set<Weekday>()
        var ok = true
        for item in items {
            guard let key = text(item, what), let set = days(key, at: item.location) else {
                ok = false
                continue
            }
            result.formUnion(set)
        }
        return ok ? DaySet(result) : nil
    }

    /// A day map (`{ mon-fri: …, sat: … }`) resolved day by day: a key naming fewer days
    /// wins over one naming more, and between keys naming as many days the later wins.
    /// Bad entries are reported and left out; the rest still count for later checks.
    func dayMap<Value>(_ node: SourceNode, _ what: String, value: (SourceNode) -> Value?) -> [Weekday: Value]? {
        guard let entries = node.entries else {
            error(.wrongType(what, expected: "a map of day keys such as { mon-fri: …, sat: … }", found: node.found), at: node.location)
            return nil
        }
        var keyed: [(days: Set<Weekday>, order: Int, value: Value)] = []
        for (order, entry) in entries.enumerated() {
            let set = days(entry.key, at: entry.keyLocation)
            let decoded = value(entry.value)
            guard let set, let decoded else { continue }
            keyed.append((set, order, decoded))
        }
        keyed.sort { a, b in a.days.count != b.days.count ? a.days.count > b.days.count : a.order < b.order }
        var result: [Weekday: Value] = [:]
        for entry in keyed {
            for day in entry.days { result[day] = entry.value }
        }
        return result
    }

    /// A week schedule: a day map whose values are a clock range, a list of them, or
    /// `closed` (also `[]`).
    func schedule(_ node: SourceNode, _ what: String) -> WeekSchedule? {
        let byDay = dayMap(node, what) { value in ranges(value) }
        return byDay.map { WeekSchedule($0) }
    }

    func ranges(_ node: SourceNode) -> [ClockRange]? {
        if node.scalar == "closed" || node.isNull { return [] }
        guard let items = list(node, "opening hours", scalarAllowed: true) else { return nil }
        var result: [ClockRange] = []
        var ok = true
        for item in items {
            if let range = clockRange(item) { result.append(range) } else { ok = false }
        }
        return ok ? result : nil
    }

    /// `"HH:MM-HH:MM"`, 24:00 allowed as an end; reports malformed and reversed ranges.
    func clockRange(_ node: SourceNode) -> ClockRange? {
        guard let raw = text(node, "a time range") else { return nil }
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false).map { String($0).trimmingCharacters() }
        guard parts.count == 2,
            let start = ClockRange.minutes(parts[0], allow24: false),
            let end = ClockRange.minutes(parts[1], allow24: true)
        else {
            error(.malformedTime(raw), at: node.location)
            return nil
        }
        guard start < end else {
            error(.reversedTime(raw), at: node.location)
            return nil
        }
        return ClockRange(start: start, end: end)
    }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}
