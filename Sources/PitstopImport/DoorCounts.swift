import Foundation
import PitstopModel
import PitstopScenario

/// Hourly door counts per site, as people counters export them: a row per site, date (or
/// weekday) and hour with the number of visitors counted.
///
/// Columns are found by header (Danish or English): site (`Filial`, `Bibliotek`, `Site`,
/// …; optional when there is one site), `Dato`/`Date` or `Ugedag`/`Weekday`, `Time`/`Hour`
/// (`10`, `10:00`, `10-11`; or a time in the date cell, `2024-03-04 10:00`) and
/// `Antal`/`Besøg`/`Count`. Dates are `2024-03-04`, `04-03-2024`, `04.03.2024` or
/// `04/03/2024` (day first).
public struct DoorCounts: Sendable {
    /// Mean visitors per weekday (Monday first) and hour, per site id.
    public struct SiteCounts: Sendable {
        public var site: String
        public var name: String
        /// means[day][hour]: visitors counted in that hour, averaged over the days counted.
        public var means: [[Double]]
        /// Days counted per weekday (with a date column), or observations (weekday rows).
        public var days: [Int]
    }

    public var sites: [SiteCounts]

    enum Field: String, CaseIterable {
        case site, date, weekday, hour, count

        static let headers: [Field: [String]] = [
            .site: ["filial", "bibliotek", "sted", "afdeling", "lokation", "site", "location", "branch", "library"],
            .date: ["dato", "dag", "date", "day", "tidspunkt", "timestamp", "datetime"],
            .weekday: ["ugedag", "weekday", "day-of-week"],
            .hour: ["time", "timen", "klokkeslaet", "kl", "hour", "time-of-day"],
            .count: ["antal", "besoeg", "besoegende", "antal-besoegende", "besoegstal", "count", "visitors", "visits", "count-in", "ind"],
        ]
    }

    static let weekdayNames: [String: Weekday] = [
        "mon": .mon, "monday": .mon, "man": .mon, "mandag": .mon,
        "tue": .tue, "tuesday": .tue, "tir": .tue, "tirsdag": .tue,
        "wed": .wed, "wednesday": .wed, "ons": .wed, "onsdag": .wed,
        "thu": .thu, "thursday": .thu, "tor": .thu, "torsdag": .thu,
        "fri": .fri, "friday": .fri, "fre": .fri, "fredag": .fri,
        "sat": .sat, "saturday": .sat, "loer": .sat, "loerdag": .sat,
        "sun": .sun, "sunday": .sun, "soen": .sun, "soendag": .sun,
    ]

    /// Reads the counts; `sites` are the base scenario's (id, name), to which the site
    /// column is matched by id, name or slug (empty: each name becomes a slug id).
    static func read(_ table: CSVTable, sites known: [(id: String, name: String)], _ problems: inout Problems) -> DoorCounts {
        var columns: [Field: Int] = [:]
        for (index, header) in table.header.enumerated() {
            let key = danishSlug(header)
            for field in Field.allCases where columns[field] == nil && Field.headers[field]!.contains(key) {
                columns[field] = index
                break
            }
        }
        if columns[.date] == nil && columns[.weekday] == nil {
            problems.error("no column gives the date or the weekday", row: 1, column: 1, notes: ["looked for Dato, Date, Ugedag, Weekday"])
        }
        if columns[.count] == nil {
            problems.error("no column gives the count", row: 1, column: 1, notes: ["looked for Antal, Besøg, Besøgende, Count, Visitors"])
        }
        if columns[.site] == nil, known.count > 1 {
            problems.error("no column gives the site, and the base has \(known.count) sites", row: 1, column: 1,
                           notes: ["looked for Filial, Bibliotek, Sted, Site, Location"])
        }
        guard !problems.hasErrors else { return DoorCounts(sites: []) }
        // Counts are whole numbers: the separator tells how a thousands mark is written.
        let convention = NumberConvention.detect(fractions: [], separator: table.separator)

        var order: [String] = []
        var names: [String: String] = [:]
        var byDate: [String: [String: [Double]]] = [:]        // site → date → 24 counts
        var weekdayOfDate: [String: Weekday] = [:]
        var byWeekday: [String: [[Double]]] = [:]              // site → [day*24+hour] sums
        var observations: [String: [[Int]]] = [:]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for (offset, cells) in table.rows.enumerated() where !cells.isEmpty {
            let row = offset + 2
            func cell(_ f: Field) -> String? { columns[f].flatMap { $0 < cells.count && !cells[$0].isEmpty ? cells[$0] : nil } }
            func col(_ f: Field) -> Int { (columns[f] ?? 0) + 1 }
            // Site.
            var siteID: String, siteName: String
            if let text = cell(.site) {
                if known.isEmpty {
                    siteID = danishSlug(text)
                    siteName = text
                } else if let match = known.first(where: { $0.id == text || $0.name.lowercased() == text.lowercased() || $0.id == danishSlug(text) }) {
                    siteID = match.id
                    siteName = match.name
                } else {
                    let suggestion = closestMatch(to: text, in: known.map(\.id)) ?? closestMatch(to: text, in: known.map(\.name))
                    problems.error("unknown site '\(text)': the base has " + known.map { "'\($0.id)' (\($0.name))" }.joined(separator: ", "),
                                   row: row, column: col(.site), notes: suggestion.map { ["did you mean '\($0)'?"] } ?? [])
                    continue
                }
            } else if columns[.site] != nil {
                problems.error("the site is empty", row: row, column: col(.site))
                continue
            } else {
                siteID = known.first?.id ?? "site"
                siteName = known.first?.name ?? "site"
            }
            // When: a date (with the hour in it, or in the hour column) or a weekday.
            var hour: Int?
            var date: String?, weekday: Weekday?
            if let text = cell(.date) {
                guard let parsed = Self.parseDate(text, calendar: calendar) else {
                    problems.error("'\(text)' is not a date", row: row, column: col(.date),
                                   notes: ["write 2024-03-04, 04-03-2024 or 04.03.2024 (day first), optionally with the hour: 2024-03-04 10:00"])
                    continue
                }
                date = parsed.key
                weekday = parsed.weekday
                hour = parsed.hour
            } else if let text = cell(.weekday) {
                guard let day = Self.weekdayNames[danishSlug(text)] else {
                    problems.error("'\(text)' is not a weekday", row: row, column: col(.weekday),
                                   notes: ["write mon … sun, Monday … Sunday or mandag … søndag"])
                    continue
                }
                weekday = day
            } else {
                problems.error("the \(columns[.date] != nil ? "date" : "weekday") is empty", row: row, column: col(columns[.date] != nil ? .date : .weekday))
                continue
            }
            if let text = cell(.hour) {
                guard let h = Self.parseHour(text) else {
                    problems.error("'\(text)' is not an hour of the day", row: row, column: col(.hour), notes: ["write 10, 10:00 or 10-11 (the hour it starts)"])
                    continue
                }
                hour = h
            }
            guard let hour else {
                problems.error("no hour: give an hour column (Time, Hour) or the time in the date", row: row, column: col(columns[.hour] != nil ? .hour : .date))
                continue
            }
            guard let text = cell(.count) else {
                problems.error("the count is empty", row: row, column: col(.count))
                continue
            }
            guard let count = convention.parse(text), count >= 0 else {
                problems.error("the count '\(text)' is not a number of 0 or more", row: row, column: col(.count))
                continue
            }
            guard let weekday else { continue }
            if names[siteID] == nil {
                names[siteID] = siteName
                order.append(siteID)
            }
            if let date {
                weekdayOfDate[date] = weekday
                byDate[siteID, default: [:]][date, default: Array(repeating: 0, count: 24)][hour] += count
            } else {
                byWeekday[siteID, default: Array(repeating: Array(repeating: 0, count: 24), count: 7)][weekday.rawValue][hour] += count
                observations[siteID, default: Array(repeating: Array(repeating: 0, count: 24), count: 7)][weekday.rawValue][hour] += 1
            }
        }
        var result: [SiteCounts] = []
        for site in order {
            var means = Array(repeating: Array(repeating: 0.0, count: 24), count: 7)
            var days = Array(repeating: 0, count: 7)
            if let dates = byDate[site] {
                // A counted day's missing hours are 0 (counters often leave out empty hours).
                for (date, counts) in dates {
                    let d = weekdayOfDate[date]!.rawValue
                    days[d] += 1
                    for h in 0..<24 { means[d][h] += counts[h] }
                }
                for d in 0..<7 where days[d] > 0 { for h in 0..<24 { means[d][h] /= Double(days[d]) } }
            }
            if let sums = byWeekday[site], let n = observations[site] {
                for d in 0..<7 {
                    for h in 0..<24 where n[d][h] > 0 { means[d][h] = sums[d][h] / Double(n[d][h]) }
                    days[d] = max(days[d], n[d].max() ?? 0)
                }
            }
            result.append(SiteCounts(site: site, name: names[site] ?? site, means: means, days: days))
        }
        return DoorCounts(sites: result)
    }

    /// A date, its weekday and (if the cell holds one) the hour.
    static func parseDate(_ text: String, calendar: Calendar) -> (key: String, weekday: Weekday, hour: Int?)? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard let datePart = parts.first else { return nil }
        let numbers = datePart.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == "/" }).map { Int($0) }
        guard numbers.count == 3, let a = numbers[0], let b = numbers[1], let c = numbers[2] else { return nil }
        let (year, month, day) = datePart.split(whereSeparator: { !$0.isNumber }).first.map({ $0.count == 4 }) == true ? (a, b, c) : (c, b, a)
        guard (1...12).contains(month), (1...31).contains(day), (1900...2200).contains(year),
              let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              calendar.component(.day, from: date) == day
        else { return nil }
        // Gregorian weekday: 1 = Sunday … 7 = Saturday.
        let weekday = Weekday.allCases[(calendar.component(.weekday, from: date) + 5) % 7]
        var hour: Int?
        if parts.count > 1 {
            guard let h = parseHour(parts[1]) else { return nil }
            hour = h
        }
        return (String(format: "%04d-%02d-%02d", year, month, day), weekday, hour)
    }

    /// The hour a cell names: `10`, `10:00`, `10.00`, `10-11`, `kl. 10`.
    static func parseHour(_ text: String) -> Int? {
        var s = Substring(text.lowercased().trimmingCharacters(in: .whitespaces))
        if s.hasPrefix("kl.") { s = s.dropFirst(3) } else if s.hasPrefix("kl") { s = s.dropFirst(2) }
        s = s.drop { $0 == " " }
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2, let h = Int(digits), (0...23).contains(h) else { return nil }
        let rest = s.dropFirst(digits.count)
        guard rest.isEmpty || rest.first == ":" || rest.first == "." || rest.first == "-" || rest.first == " " else { return nil }
        return h
    }
}
