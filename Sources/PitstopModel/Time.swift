/// A day of the week, Monday first.
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable {
    case mon = 0, tue, wed, thu, fri, sat, sun

    /// The key used in scenario files (`mon` … `sun`).
    public var key: String {
        switch self {
        case .mon: "mon"
        case .tue: "tue"
        case .wed: "wed"
        case .thu: "thu"
        case .fri: "fri"
        case .sat: "sat"
        case .sun: "sun"
        }
    }

    public init?(key: String) {
        guard let day = Weekday.allCases.first(where: { $0.key == key }) else { return nil }
        self = day
    }

    /// The weekday of simulated day `index` (day 0 is a Monday).
    public init(dayIndex: Int) {
        self = Weekday(rawValue: ((dayIndex % 7) + 7) % 7) ?? .mon
    }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }
}

/// A set of weekdays, as written by day keys such as `mon-fri`, `sat` or `daily`.
public struct DaySet: Sendable, Hashable {
    public var days: Set<Weekday>
    public init(_ days: Set<Weekday>) { self.days = days }
    public static let daily = DaySet(Set(Weekday.allCases))
    public func contains(_ day: Weekday) -> Bool { days.contains(day) }
}

/// A clock range within one day in minutes since midnight; `end` may be 1440 (24:00).
public struct ClockRange: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
    /// Parses `"HH:MM-HH:MM"`, `24:00` allowed as an end; `nil` when malformed or reversed.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
            let s = ClockRange.minutes(String(parts[0]).trimmingSpaces(), allow24: false),
            let e = ClockRange.minutes(String(parts[1]).trimmingSpaces(), allow24: true), s < e
        else { return nil }
        self.start = s
        self.end = e
    }

    /// Minutes since midnight of `"HH:MM"`.
    public static func minutes(_ text: String, allow24: Bool) -> Int? {
        let p = text.split(separator: ":", omittingEmptySubsequences: false)
        guard p.count == 2, p[0].count == 2, p[1].count == 2, let h = Int(p[0]), let m = Int(p[1]),
            (0...59).contains(m)
        else { return nil }
        if h == 24 && m == 0 && allow24 { return 1440 }
        guard (0...23).contains(h) else { return nil }
        return h * 60 + m
    }

    public var minutes: Int { end - start }
    public func contains(minute: Int) -> Bool { minute >= start && minute < end }

    public var description: String {
        func f(_ m: Int) -> String {
            let h = m / 60, mm = m % 60
            return (h < 10 ? "0" : "") + String(h) + ":" + (mm < 10 ? "0" : "") + String(mm)
        }
        return f(start) + "-" + f(end)
    }

    public static func < (a: ClockRange, b: ClockRange) -> Bool { (a.start, a.end) < (b.start, b.end) }
}

/// Clock ranges per weekday. Ranges of one day are sorted and do not overlap.
public struct WeekSchedule: Sendable, Hashable {
    /// Index by `Weekday.rawValue`.
    public private(set) var ranges: [[ClockRange]]

    public init() { ranges = Array(repeating: [], count: 7) }

    public init(_ byDay: [Weekday: [ClockRange]]) {
        self.init()
        for (day, list) in byDay { set(list, on: day) }
    }

    /// Replaces the ranges of one day.
    public mutating func set(_ list: [ClockRange], on day: Weekday) {
        ranges[day.rawValue] = WeekSchedule.normalised(list)
    }

    public func ranges(on day: Weekday) -> [ClockRange] { ranges[day.rawValue] }

    public var isEmpty: Bool { ranges.allSatisfy(\.isEmpty) }

    /// Whether `minute` of `day` lies inside a range.
    public func contains(day: Weekday, minute: Int) -> Bool {
        ranges[day.rawValue].contains { $0.contains(minute: minute) }
    }

    /// Total minutes per week.
    public var weeklyMinutes: Int { ranges.joined().reduce(0) { $0 + $1.minutes } }

    /// The union of two schedules, day by day.
    public func union(_ other: WeekSchedule) -> WeekSchedule {
        var result = WeekSchedule()
        for day in Weekday.allCases {
            result.set(ranges(on: day) + other.ranges(on: day), on: day)
        }
        return result
    }

    /// The intersection of two schedules, day by day.
    public func intersection(_ other: WeekSchedule) -> WeekSchedule {
        var result = WeekSchedule()
        for day in Weekday.allCases {
            var list: [ClockRange] = []
            for a in ranges(on: day) {
                for b in other.ranges(on: day) {
                    let s = max(a.start, b.start), e = min(a.end, b.end)
                    if s < e { list.append(ClockRange(start: s, end: e)) }
                }
            }
            result.set(list, on: day)
        }
        return result
    }

    /// Sorts and merges overlapping or touching ranges.
    static func normalised(_ list: [ClockRange]) -> [ClockRange] {
        var merged: [ClockRange] = []
        for r in list.sorted() {
            if let last = merged.last, r.start <= last.end {
                merged[merged.count - 1].end = max(last.end, r.end)
            } else {
                merged.append(r)
            }
        }
        return merged
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
