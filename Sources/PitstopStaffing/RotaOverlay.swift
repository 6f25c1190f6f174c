import PitstopModel

/// A rota as the scenario's own explicit shifts: the staffing a simulation can run, and the
/// overlay file (`rota.yaml`) that `extends` the scenario and replaces its staffing.
public enum RotaOverlay {
    /// The rota's shifts as scenario shifts: one per (person, site, zone, hours), on every
    /// weekday it is worked; people with the same shift on the same days share one entry.
    public static func shifts(_ plan: [PlannedShift]) -> [Shift] {
        struct Key: Hashable {
            var person: String
            var site: String
            var zone: ZonePlacement
            var start: Int
            var end: Int
        }
        var days: [Key: Set<Weekday>] = [:]
        for s in plan {
            days[Key(person: s.person, site: s.place.site, zone: s.place.zone, start: s.startMinute, end: s.endMinute),
                 default: []].insert(s.day)
        }
        struct Group: Hashable {
            var site: String
            var zone: ZonePlacement
            var start: Int
            var end: Int
            var days: [Int]
        }
        var people: [Group: [String]] = [:]
        for (key, set) in days {
            let group = Group(site: key.site, zone: key.zone, start: key.start, end: key.end, days: set.map(\.rawValue).sorted())
            people[group, default: []].append(key.person)
        }
        func order(_ g: Group) -> String {
            "\(g.site)\u{1}\(g.zone)\u{1}\(10000 + g.start)\u{1}\(10000 + g.end)\u{1}\(g.days.map(String.init).joined())"
        }
        return people.keys.sorted { order($0) < order($1) }.map { g in
            Shift(staff: (people[g] ?? []).sorted(), site: g.site, zone: g.zone,
                  days: DaySet(Set(g.days.compactMap { Weekday(rawValue: $0) })),
                  hours: ClockRange(start: g.start, end: g.end))
        }
    }

    /// `scenario` with its staffing replaced by `shifts` (no rules left to fill).
    public static func applying(_ shifts: [Shift], to scenario: Scenario, name: String? = nil) -> Scenario {
        var s = scenario
        s.staffing.shifts = shifts
        s.staffing.rules = []
        if let name { s.name = name }
        return s
    }

    /// The overlay text: `extends` the scenario at `extends` (a path relative to the overlay
    /// file), renames it, and replaces its staffing: an empty `rules` list (a list whose
    /// items have no `id` replaces the base's whole) and every shift of the rota.
    public static func yaml(extends: String, name: String, shifts: [Shift], header: [String]) -> String {
        var out = header.map { "# " + $0 }.joined(separator: "\n") + "\n"
        out += "format: 1\n"
        out += "extends: \(quoted(extends))\n"
        out += "name: \(quoted(name))\n"
        out += "staffing:\n"
        out += "  rules: []\n"
        if shifts.isEmpty {
            out += "  shifts: []\n"
            return out
        }
        out += "  shifts:\n"
        for s in shifts {
            let days = Weekday.allCases.filter { s.days.contains($0) }.map(\.key).joined(separator: ", ")
            out += "    - { staff: [\(s.staff.map(quoted).joined(separator: ", "))], site: \(quoted(s.site)), "
                + "zone: \(quoted(s.zone.description)), days: [\(days)], hours: \"\(s.hours)\" }\n"
        }
        return out
    }

    /// A YAML double-quoted scalar (JSON's string syntax is valid YAML).
    static func quoted(_ text: String) -> String { JSONText.string(text).rendered() }
}

extension StaffingRequirements {
    /// Staff the given duties put at each requirement's place in its half hour (a duty
    /// counts for a half hour when it covers its midpoint; at a pooled site any duty at the
    /// site counts for the pool), in the order of ``intervals``.
    public func planned(by duties: [PlannedShift]) -> [Int] {
        var index: [String: Int] = [:]
        for (i, r) in intervals.enumerated() { index["\(r.place)/\(r.day.rawValue)/\(r.slot)"] = i }
        var counts = Array(repeating: 0, count: intervals.count)
        for d in duties {
            let place = pooledSites.contains(d.place.site) ? StaffingPlace(site: d.place.site, zone: .roving) : d.place
            for s in RotaModel.slotsCovered(start: d.startMinute, end: d.endMinute) {
                if let i = index["\(place)/\(d.day.rawValue)/\(s)"] { counts[i] += 1 }
            }
        }
        return counts
    }
}
