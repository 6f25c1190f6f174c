import PitstopModel

/// The controls the page offers for one scenario, generated from it (never from the bundled
/// one): each names the `--set` path it writes and the value the scenario has there, so the
/// page sends a `--set` only for what the user changed.
///
/// - a person (or a group of positions) moved to another unit: `staff.<id>.unit=<unit>`;
/// - positions added or removed in a group: `staff.<group>.count=N`;
/// - a site's staffed hours per weekday: `sites.<site>.staffed_hours.<day>=HH:MM-HH:MM`;
/// - demand growth: `simulation.demand_scale`;
/// - a perspective's dialogue share: `personas.<id>.dialogue.p` for each of its personas;
/// - patience: `personas.*.dialogue.patience`.
public struct ExplorerControls: Sendable {
    public let scenario: Scenario

    public init(_ scenario: Scenario) {
        self.scenario = scenario
    }

    /// The controls as the API sends them.
    public var json: JSONText {
        .object([
            "units": .array(scenario.organisation.units.map { .object(["id": .string($0.id), "name": .string($0.name)]) }),
            "people": .array(people),
            "groups": .array(groups),
            "sites": .array(sites),
            "demand_scale": .object([
                "path": .string("simulation.demand_scale"), "value": .number(scenario.simulation.demandScale),
            ]),
            "perspectives": .array(perspectives),
            "patience": patience,
        ])
    }

    /// Every position outside a group, in file order.
    var people: [JSONText] {
        scenario.staff.filter { $0.group == nil }.map { member in
            .object([
                "id": .string(member.id),
                "name": .string(member.displayName),
                "title": .string(member.title),
                "vacant": .bool(member.isVacant),
                "unit": member.unit.map { .string($0) } ?? .null,
                "path": .string("staff.\(member.id).unit"),
            ])
        }
    }

    /// Every group of positions (`count`), in file order: its size and its unit.
    var groups: [JSONText] {
        var order: [String] = []
        var members: [String: [StaffMember]] = [:]
        for member in scenario.staff {
            guard let group = member.group else { continue }
            if members[group] == nil { order.append(group) }
            members[group, default: []].append(member)
        }
        return order.compactMap { id in
            guard let positions = members[id], let first = positions.first else { return nil }
            return .object([
                "id": .string(id),
                "title": .string(first.title),
                "count": .integer(Int64(positions.count)),
                "count_path": .string("staff.\(id).count"),
                "unit": first.unit.map { .string($0) } ?? .null,
                "unit_path": .string("staff.\(id).unit"),
            ])
        }
    }

    /// Every site's staffed hours, day by day.
    var sites: [JSONText] {
        scenario.sites.map { site in
            .object([
                "id": .string(site.id),
                "name": .string(site.name),
                "days": .array(Weekday.allCases.map { day in
                    .object([
                        "day": .string(day.key),
                        "hours": .string(ExplorerControls.hoursText(site.staffedHours.ranges(on: day))),
                        "path": .string("sites.\(site.id).staffed_hours.\(day.key)"),
                    ])
                }),
            ])
        }
    }

    /// `closed`, `10:00-16:00`, or `10:00-12:00, 14:00-18:00`.
    static func hoursText(_ ranges: [ClockRange]) -> String {
        ranges.isEmpty ? "closed" : ranges.map(\.description).joined(separator: ", ")
    }

    /// Per perspective: the share of its visits that ask for a dialogue (personas weighted
    /// by their visits a year when every one gives them, else equally), and its personas'
    /// own chances — the page scales these to move the share.
    var perspectives: [JSONText] {
        scenario.perspectives.compactMap { perspective in
            let personas = scenario.personas.filter { $0.perspective == perspective.id }
            guard !personas.isEmpty else { return nil }
            let weights = ExplorerControls.weights(personas)
            let total = weights.reduce(0, +)
            let share = total > 0
                ? zip(personas, weights).reduce(0) { $0 + ($1.0.dialogue?.p ?? 0) * $1.1 } / total : 0
            return .object([
                "id": .string(perspective.id),
                "name": .string(perspective.name),
                "share": .number(share),
                "personas": .array(personas.filter { $0.dialogue != nil }.map { persona in
                    .object([
                        "id": .string(persona.id),
                        "name": .string(persona.name),
                        "p": .number(persona.dialogue?.p ?? 0),
                        "path": .string("personas.\(persona.id).dialogue.p"),
                    ])
                }),
            ])
        }
    }

    /// Visits a year per persona (every site), or 1 each when a persona's demand is given
    /// as arrivals per hour.
    static func weights(_ personas: [Persona]) -> [Double] {
        let yearly = personas.map { persona -> Double? in
            guard case .visitsPerYear(let bySite) = persona.demand else { return nil }
            return bySite.values.reduce(0, +)
        }
        if yearly.allSatisfy({ $0 != nil }) { return yearly.map { $0 ?? 0 } }
        return personas.map { _ in 1 }
    }

    /// The patience every persona with a dialogue shares (`never` when none has one), or
    /// null when they differ.
    var patience: JSONText {
        let values = Set(scenario.personas.compactMap(\.dialogue).map { $0.patience?.description ?? "never" })
        return .object([
            "path": .string("personas.*.dialogue.patience"),
            "value": values.count == 1 ? .string(values.first ?? "never") : .null,
            "available": .bool(!values.isEmpty),
        ])
    }
}
