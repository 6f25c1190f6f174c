/// One input that differs between two scenarios: where (a path in `--set` syntax) and the
/// value on each side as short readable text.
///
/// ```
/// sites.main.staffed_hours.sat: 10:00-14:00 → 10:00-16:00
/// staff.mindspotter-main.count: 4 → 6
/// personas.reader.dialogue.patience: never → exp(5)
/// staff.dina: – → Dina (Educator)
/// ```
public struct InputChange: Sendable, Hashable, CustomStringConvertible {
    /// Where, as a `--set` path: keys by name, list elements by id (`sites.main.zones.desk.capacity`),
    /// hour maps by day (`…staffed_hours.sat`), route steps by position (`personas.x.route.2.dwell`).
    /// Shifts and rules without an `id` are all at `staffing.shifts` / `staffing.rules`.
    public var path: String
    /// The value in the first scenario; `nil` when the second adds the element or block.
    public var from: String?
    /// The value in the second scenario; `nil` when the second removes the element or block.
    public var to: String?

    public init(path: String, from: String?, to: String?) {
        self.path = path
        self.from = from
        self.to = to
    }

    /// `path: from → to`, with `–` for a side that has nothing.
    public var description: String { "\(path): \(from ?? "–") → \(to ?? "–")" }
}

extension Scenario {
    /// Every input that differs from this scenario to `other` — sites and hours, zones,
    /// capacities, links, travel, floors, perspectives, competences, units, the leader
    /// forum, staff, shifts, rules, staffing settings, personas (demand, profile, route,
    /// dialogue), profiles, simulation settings, currency, week hours — in the order of the
    /// scenario format, list elements in this scenario's order and added ones after them.
    /// A scenario compared with itself gives none.
    ///
    /// Staff are compared as written: a group (`count`) is one element whose `count` may
    /// change, not its positions one by one.
    public func inputChanges(to other: Scenario) -> [InputChange] {
        var list = ChangeList()
        list.value("name", name, other.name)
        list.value("description", description ?? "none", other.description ?? "none")
        list.value("currency", currency, other.currency)
        list.value("week_hours", number(weekHours), number(other.weekHours))
        list.elements("perspectives", perspectives, other.perspectives, id: \.id, summary: \.name) { list, path, a, b in
            list.value(path + ".name", a.name, b.name)
            list.value(path + ".colour", a.colour ?? "none", b.colour ?? "none")
        }
        list.elements("competences", competences, other.competences, id: \.id, summary: \.name) { list, path, a, b in
            list.value(path + ".name", a.name, b.name)
        }
        list.elements("sites", sites, other.sites, id: \.id, summary: \.name) { list, path, a, b in
            list.value(path + ".name", a.name, b.name)
            list.week(path + ".staffed_hours", a.staffedHours, b.staffedHours)
            list.week(path + ".open_hours", a.openHours, b.openHours)
            list.value(path + ".floor.width", number(a.floor.width), number(b.floor.width))
            list.value(path + ".floor.depth", number(a.floor.depth), number(b.floor.depth))
            list.elements(path + ".zones", a.zones, b.zones, id: \.id, summary: \.name) { list, path, a, b in
                list.value(path + ".name", a.name, b.name)
                list.value(path + ".perspective", a.perspective ?? "none", b.perspective ?? "none")
                list.value(path + ".capacity", capacityText(a.capacity), capacityText(b.capacity))
                list.value(path + ".at", pointText(a.at), pointText(b.at))
                list.value(path + ".size", pointText(a.size), pointText(b.size))
            }
            list.value(path + ".links", linksText(a.links), linksText(b.links))
            list.keyed(path + ".travel", a.travel.mapValues(number), b.travel.mapValues(number))
        }
        compareOrganisation(other, into: &list)
        compareStaff(other, into: &list)
        compareStaffing(other, into: &list)
        list.elements("personas", personas, other.personas, id: \.id, summary: \.name) { list, path, a, b in
            comparePersona(a, b, path: path, into: &list)
        }
        list.elements("profiles", profiles, other.profiles, id: \.id, summary: \.id) { list, path, a, b in
            list.value(path + ".hours", a.hours.map(number).joined(separator: ", "), b.hours.map(number).joined(separator: ", "))
            for day in Weekday.allCases {
                list.value(path + ".days." + day.key, number(a.days[day.rawValue]), number(b.days[day.rawValue]))
            }
        }
        let s = simulation, t = other.simulation
        list.value("simulation.days", String(s.days), String(t.days))
        list.value("simulation.warmup_days", String(s.warmupDays), String(t.warmupDays))
        list.value("simulation.replications", String(s.replications), String(t.replications))
        list.value("simulation.seed", String(s.seed), String(t.seed))
        list.value("simulation.demand_scale", number(s.demandScale), number(t.demandScale))
        return list.changes
    }

    private func compareOrganisation(_ other: Scenario, into list: inout ChangeList) {
        let a = organisation, b = other.organisation
        list.value("organisation.name", a.name, b.name)
        switch (a.leaderForum, b.leaderForum) {
        case (nil, nil): break
        case (let x?, nil): list.changes.append(InputChange(path: "organisation.leader_forum", from: forumText(x), to: nil))
        case (nil, let y?): list.changes.append(InputChange(path: "organisation.leader_forum", from: nil, to: forumText(y)))
        case (let x?, let y?):
            list.value("organisation.leader_forum.name", x.name, y.name)
            list.value("organisation.leader_forum.chair", x.chair, y.chair)
            list.value("organisation.leader_forum.members", listText(x.members), listText(y.members))
        }
        list.elements("organisation.units", a.units, b.units, id: \.id, summary: \.name) { list, path, a, b in
            list.value(path + ".name", a.name, b.name)
            list.value(path + ".site", a.site ?? "none", b.site ?? "none")
            list.value(path + ".perspective", a.perspective ?? "none", b.perspective ?? "none")
            list.value(path + ".lead", a.lead ?? "none", b.lead ?? "none")
            list.value(path + ".parent", a.parent ?? "none", b.parent ?? "none")
            list.value(path + ".covers", coversText(a.covers), coversText(b.covers))
        }
    }

    private func compareStaff(_ other: Scenario, into list: inout ChangeList) {
        list.elements("staff", staffEntries, other.staffEntries, id: \.id, summary: \.summary) { list, path, a, b in
            let x = a.member, y = b.member
            list.value(path + ".name", x.name ?? "none", y.name ?? "none")
            list.value(path + ".title", x.title, y.title)
            list.value(path + ".profession", x.profession ?? "none", y.profession ?? "none")
            list.value(path + ".unit", x.unit ?? "none", y.unit ?? "none")
            list.value(path + ".manager", x.manager ?? "none", y.manager ?? "none")
            list.value(path + ".fte", number(x.fte), number(y.fte))
            list.value(path + ".cost", number(x.cost), number(y.cost))
            list.value(path + ".competences", listText(x.competences), listText(y.competences))
            list.value(path + ".sites", listText(x.sites), listText(y.sites))
            list.value(path + ".vacant", String(x.isVacant), String(y.isVacant))
            list.value(path + ".count", a.count.map(String.init) ?? "none", b.count.map(String.init) ?? "none")
        }
    }

    private func compareStaffing(_ other: Scenario, into list: inout ChangeList) {
        let a = staffing, b = other.staffing
        list.value("staffing.floor_share", number(a.floorShare), number(b.floorShare))
        list.value("staffing.max_shift_hours", number(a.maxShiftHours), number(b.maxShiftHours))
        list.value("staffing.absence_rate", number(a.absenceRate), number(b.absenceRate))
        list.value("staffing.dispatch", a.dispatch.rawValue, b.dispatch.rawValue)
        list.value("staffing.max_wait", number(a.maxWaitMinutes), number(b.maxWaitMinutes))

        let shiftsA = a.shifts.filter { $0.id != nil }, shiftsB = b.shifts.filter { $0.id != nil }
        list.elements("staffing.shifts", shiftsA, shiftsB, id: { $0.id ?? "" }, summary: { shiftText($0) }) { list, path, x, y in
            list.value(path + ".staff", self.staffListText(x.staff), other.staffListText(y.staff))
            list.value(path + ".site", x.site, y.site)
            list.value(path + ".zone", x.zone.description, y.zone.description)
            list.value(path + ".days", daysText(x.days), daysText(y.days))
            list.value(path + ".hours", x.hours.description, y.hours.description)
        }
        list.unlabelled(
            "staffing.shifts", a.shifts.filter { $0.id == nil }.map(shiftText),
            b.shifts.filter { $0.id == nil }.map(other.shiftText))

        let rulesA = a.rules.filter { $0.id != nil }, rulesB = b.rules.filter { $0.id != nil }
        list.elements("staffing.rules", rulesA, rulesB, id: { $0.id ?? "" }, summary: { ruleText($0) }) { list, path, x, y in
            list.value(path + ".site", x.site, y.site)
            list.value(path + ".zone", x.zone.description, y.zone.description)
            list.value(path + ".min_staff", String(x.minStaff), String(y.minStaff))
            if x.hours != nil || y.hours != nil { list.week(path + ".hours", self.ruleHours(x), other.ruleHours(y)) }
            list.value(path + ".by", listText(x.by), listText(y.by))
        }
        list.unlabelled(
            "staffing.rules", a.rules.filter { $0.id == nil }.map(ruleText), b.rules.filter { $0.id == nil }.map(other.ruleText))
    }

    private func comparePersona(_ a: Persona, _ b: Persona, path: String, into list: inout ChangeList) {
        list.value(path + ".name", a.name, b.name)
        list.value(path + ".perspective", a.perspective ?? "none", b.perspective ?? "none")
        list.keyed(path + ".visits_per_year", a.demand.visitsPerYear.mapValues(number), b.demand.visitsPerYear.mapValues(number))
        list.keyed(path + ".arrivals_per_hour", a.demand.arrivalsPerHour.mapValues(number), b.demand.arrivalsPerHour.mapValues(number))
        list.value(path + ".profile", a.profile ?? "flat", b.profile ?? "flat")
        for index in 0..<max(a.route.count, b.route.count) {
            let stepPath = path + ".route.\(index + 1)"
            switch (index < a.route.count ? a.route[index] : nil, index < b.route.count ? b.route[index] : nil) {
            case (let x?, let y?):
                list.value(stepPath + ".zone", x.zone, y.zone)
                list.value(stepPath + ".dwell", x.dwell.description, y.dwell.description)
                list.value(stepPath + ".p", number(x.p), number(y.p))
            case (let x?, nil): list.changes.append(InputChange(path: stepPath, from: stepText(x), to: nil))
            case (nil, let y?): list.changes.append(InputChange(path: stepPath, from: nil, to: stepText(y)))
            case (nil, nil): break
            }
        }
        switch (a.dialogue, b.dialogue) {
        case (nil, nil): break
        case (let x?, nil): list.changes.append(InputChange(path: path + ".dialogue", from: dialogueText(x), to: nil))
        case (nil, let y?): list.changes.append(InputChange(path: path + ".dialogue", from: nil, to: dialogueText(y)))
        case (let x?, let y?):
            list.value(path + ".dialogue.p", number(x.p), number(y.p))
            list.value(path + ".dialogue.zone", x.zone, y.zone)
            list.value(path + ".dialogue.competence", x.competence ?? "none", y.competence ?? "none")
            list.value(path + ".dialogue.duration", x.duration.description, y.duration.description)
            list.value(path + ".dialogue.patience", x.patience?.description ?? "never", y.patience?.description ?? "never")
        }
    }

    // MARK: Staff as written

    /// A staff entry as the file writes it: one position, or a group of `count`.
    struct StaffEntry {
        var id: String
        var member: StaffMember
        var count: Int?
        var summary: String {
            let title = member.name != nil && !member.title.isEmpty ? " (\(member.title))" : ""
            return (count.map { "\($0) × " } ?? "") + member.displayName + title
        }
    }

    /// Staff collapsed into entries: each group once (at its first position), with its count.
    var staffEntries: [StaffEntry] {
        var entries: [StaffEntry] = []
        var groupIndex: [String: Int] = [:]
        for member in staff {
            if let group = member.group {
                if let index = groupIndex[group] {
                    entries[index].count = (entries[index].count ?? 0) + 1
                } else {
                    groupIndex[group] = entries.count
                    var first = member
                    first.id = group
                    entries.append(StaffEntry(id: group, member: first, count: 1))
                }
            } else {
                entries.append(StaffEntry(id: member.id, member: member, count: nil))
            }
        }
        return entries
    }

    /// Staff ids with every complete group written as its group id.
    func staffListText(_ ids: [String]) -> String {
        let present = Set(ids)
        var positionsOfGroup: [String: [String]] = [:]
        for member in staff { if let group = member.group { positionsOfGroup[group, default: []].append(member.id) } }
        var out: [String] = []
        for id in ids {
            if let group = staffMember(id)?.group, let positions = positionsOfGroup[group], positions.allSatisfy(present.contains) {
                out.append(group)
            } else {
                out.append(id)
            }
        }
        return listText(out.uniqued())
    }

    func shiftText(_ shift: Shift) -> String {
        "\(staffListText(shift.staff)) at \(shift.site)/\(shift.zone), \(daysText(shift.days)) \(shift.hours)"
    }

    func ruleText(_ rule: StaffingRule) -> String {
        let hours = rule.hours.map { " " + weekText($0) } ?? ""
        let by = rule.by.isEmpty ? "" : " by \(listText(rule.by))"
        return "\(rule.site)/\(rule.zone) at least \(rule.minStaff)\(hours)\(by)"
    }

    /// A rule's hours, its site's staffed hours when it has none of its own.
    func ruleHours(_ rule: StaffingRule) -> WeekSchedule {
        rule.hours ?? site(rule.site)?.staffedHours ?? WeekSchedule()
    }
}

/// The changes found so far, and how each kind of input is compared.
private struct ChangeList {
    var changes: [InputChange] = []

    mutating func value(_ path: String, _ a: String, _ b: String) {
        if a != b { changes.append(InputChange(path: path, from: a, to: b)) }
    }

    /// An hour map, day by day.
    mutating func week(_ path: String, _ a: WeekSchedule, _ b: WeekSchedule) {
        for day in Weekday.allCases {
            value(path + "." + day.key, rangesText(a.ranges(on: day)), rangesText(b.ranges(on: day)))
        }
    }

    /// A map by key (sites): keys in sorted order, a missing key as `none`.
    mutating func keyed(_ path: String, _ a: [String: String], _ b: [String: String]) {
        for key in Set(a.keys).union(b.keys).sorted() {
            value(path + "." + key, a[key] ?? "none", b[key] ?? "none")
        }
    }

    /// A list of elements with ids: common ids field by field, removed and added ones whole.
    mutating func elements<T>(
        _ path: String, _ a: [T], _ b: [T], id: (T) -> String, summary: (T) -> String,
        fields: (inout ChangeList, String, T, T) -> Void
    ) {
        var inB: [String: T] = [:]
        for item in b where inB[id(item)] == nil { inB[id(item)] = item }
        var seen = Set<String>()
        for item in a where seen.insert(id(item)).inserted {
            let elementPath = path + "." + id(item)
            if let match = inB[id(item)] {
                fields(&self, elementPath, item, match)
            } else {
                changes.append(InputChange(path: elementPath, from: summary(item), to: nil))
            }
        }
        for item in b where seen.insert(id(item)).inserted {
            changes.append(InputChange(path: path + "." + id(item), from: nil, to: summary(item)))
        }
    }

    /// Elements without ids, compared as a multiset of their texts: removed ones in the
    /// first scenario's order, then added ones in the second's.
    mutating func unlabelled(_ path: String, _ a: [String], _ b: [String]) {
        var left: [String: Int] = [:]
        for text in b { left[text, default: 0] += 1 }
        for text in a {
            if let n = left[text], n > 0 {
                left[text] = n - 1
            } else {
                changes.append(InputChange(path: path, from: text, to: nil))
            }
        }
        var right: [String: Int] = [:]
        for text in a { right[text, default: 0] += 1 }
        for text in b {
            if let n = right[text], n > 0 {
                right[text] = n - 1
            } else {
                changes.append(InputChange(path: path, from: nil, to: text))
            }
        }
    }
}

// MARK: - Value texts

private func number(_ x: Double) -> String { formatNumber(x) }

private func listText(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }

private func rangesText(_ ranges: [ClockRange]) -> String {
    ranges.isEmpty ? "closed" : ranges.map(\.description).joined(separator: ", ")
}

private func capacityText(_ capacity: Capacity) -> String { capacity.limit.map(String.init) ?? "unlimited" }

private func pointText(_ p: Point) -> String { "[\(number(p.x)), \(number(p.y))]" }

/// Links as an unordered set of unordered pairs.
private func linksText(_ links: [ZoneLink]) -> String {
    let pairs = Set(links.map { [$0.from, $0.to].sorted().joined(separator: "–") })
    return listText(pairs.sorted())
}

private func coversText(_ covers: [Coverage]) -> String {
    covers.isEmpty ? "none" : covers.map { "\($0.site): \($0.zones.joined(separator: ", "))" }.joined(separator: "; ")
}

private func forumText(_ forum: LeaderForum) -> String {
    "\(forum.name) (chair \(forum.chair)" + (forum.members.isEmpty ? ")" : "; \(forum.members.joined(separator: ", ")))")
}

private func stepText(_ step: RouteStep) -> String {
    "\(step.zone) \(step.dwell)" + (step.p < 1 ? " p \(number(step.p))" : "")
}

private func dialogueText(_ d: Dialogue) -> String {
    "p \(number(d.p)) at \(d.zone)" + (d.competence.map { ", \($0)" } ?? "")
        + ", duration \(d.duration), patience \(d.patience?.description ?? "never")"
}

/// Days as written: `daily`, `mon-fri`, `mon, wed`, `mon-thu, sat`.
private func daysText(_ days: DaySet) -> String {
    if days.days.count == 7 { return "daily" }
    var runs: [String] = []
    var start: Weekday?
    var previous: Weekday?
    for day in Weekday.allCases {
        if days.contains(day) {
            if start == nil { start = day }
            previous = day
        } else if let s = start, let p = previous {
            runs.append(s == p ? s.key : "\(s.key)-\(p.key)")
            start = nil
        }
    }
    if let s = start, let p = previous { runs.append(s == p ? s.key : "\(s.key)-\(p.key)") }
    return runs.isEmpty ? "none" : runs.joined(separator: ", ")
}

/// A week of hours on one line: `mon-fri 10:00-19:00, sat 10:00-14:00`.
private func weekText(_ week: WeekSchedule) -> String {
    var parts: [(days: [Weekday], text: String)] = []
    for day in Weekday.allCases {
        let text = week.ranges(on: day).map(\.description).joined(separator: " + ")
        guard !text.isEmpty else { continue }
        if let last = parts.last, last.text == text, let lastDay = last.days.last, lastDay.rawValue + 1 == day.rawValue {
            parts[parts.count - 1].days.append(day)
        } else {
            parts.append(([day], text))
        }
    }
    if parts.isEmpty { return "closed" }
    return parts.map { part in
        let days = part.days.count == 1 ? part.days[0].key : "\(part.days[0].key)-\(part.days[part.days.count - 1].key)"
        return "\(days) \(part.text)"
    }.joined(separator: ", ")
}

extension Demand {
    /// Visits a year by site; empty for arrivals per hour.
    var visitsPerYear: [String: Double] {
        if case .visitsPerYear(let m) = self { return m }
        return [:]
    }

    /// Arrivals per hour by site; empty for visits a year.
    var arrivalsPerHour: [String: Double] {
        if case .arrivalsPerHour(let m) = self { return m }
        return [:]
    }
}
