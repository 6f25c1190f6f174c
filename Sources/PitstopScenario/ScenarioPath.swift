import PitstopModel

/// The shape of the scenario format as a `--set` path walks it: which keys a mapping has,
/// which lists hold elements with ids, which maps are by day.
indirect enum PathShape: Sendable {
    /// A mapping with the keys of the format (in the format's order).
    case fields(keys: [String], shapes: [String: PathShape])
    /// A list of mappings addressed by `id`; `noun` names one in messages ("site").
    case elements(noun: String, element: PathShape)
    /// A list addressed by 1-based position (route steps).
    case steps(noun: String, element: PathShape)
    /// A map by day key (`mon-fri`, `sat`, …).
    case days(DayMapKind)
    /// A map whose keys are ids, such as site ids (`travel`, `visits_per_year`).
    case keyed
    /// A value set whole: a scalar, a list of scalars or pairs.
    case value

    enum DayMapKind: Sendable {
        /// Opening or staffed hours of a site: no map means no hours.
        case siteHours
        /// A rule's hours: no map means the site's staffed hours.
        case ruleHours
        /// A profile's day weights: no map means every day 1.
        case weights
    }

    /// A mapping whose keys are `keys`, each a `.value` unless `special` says otherwise.
    static func fields(_ keys: [String], _ special: [String: PathShape] = [:]) -> PathShape {
        var shapes: [String: PathShape] = [:]
        for key in keys { shapes[key] = special[key] ?? .value }
        return .fields(keys: keys, shapes: shapes)
    }

    /// The whole scenario format.
    static let scenario: PathShape = .fields(Keys.top, [
        "perspectives": .elements(noun: "perspective", element: .fields(Keys.perspective)),
        "competences": .elements(noun: "competence", element: .fields(Keys.competence)),
        "sites": .elements(noun: "site", element: .fields(Keys.site, [
            "staffed_hours": .days(.siteHours),
            "open_hours": .days(.siteHours),
            "floor": .fields(Keys.floor),
            "zones": .elements(noun: "zone", element: .fields(Keys.zone)),
            "travel": .keyed,
        ])),
        "organisation": .fields(Keys.organisation, [
            "leader_forum": .fields(Keys.leaderForum),
            "units": .elements(noun: "unit", element: .fields(Keys.unit)),
        ]),
        "staff": .elements(noun: "staff member", element: .fields(Keys.staff)),
        "staffing": .fields(Keys.staffing, [
            "shifts": .elements(noun: "shift", element: .fields(Keys.shift)),
            "rules": .elements(noun: "rule", element: .fields(Keys.rule, ["hours": .days(.ruleHours)])),
        ]),
        "personas": .elements(noun: "persona", element: .fields(Keys.persona, [
            "visits_per_year": .keyed,
            "arrivals_per_hour": .keyed,
            "route": .steps(noun: "route step", element: .fields(Keys.routeStep)),
            "dialogue": .fields(Keys.dialogue),
        ])),
        "profiles": .elements(noun: "profile", element: .fields(Keys.profile, ["days": .days(.weights)])),
        "simulation": .fields(Keys.simulation),
    ])
}

/// One name of a dotted path, with where it was written.
struct PathComponent: Sendable {
    var name: String
    var location: SourceLocation
}

/// A problem with a path or a `--set`, at a position.
struct PathProblem: Error {
    var message: Message
    var location: SourceLocation
}

enum ScenarioPath {
    /// The names of a dotted path; `locate(n)` gives the location of the n-th scalar
    /// (0-based) of `text`. Empty names (`a..b`, a leading or trailing `.`) are problems.
    static func components(_ text: Substring, locate: (Int) -> SourceLocation) throws(PathProblem) -> [PathComponent] {
        let scalars = Array(text.unicodeScalars)
        var result: [PathComponent] = []
        var start = 0
        for index in 0...scalars.count where index == scalars.count || scalars[index] == "." {
            var name = String(String.UnicodeScalarView(scalars[start..<index]))
            // Spaces around a name are not part of it.
            var first = start
            while name.unicodeScalars.first == " " {
                name.unicodeScalars.removeFirst()
                first += 1
            }
            while name.unicodeScalars.last == " " { name.unicodeScalars.removeLast() }
            if name.isEmpty {
                let where_ = index < scalars.count ? index : max(start, index - 1)
                throw PathProblem(message: .emptyPathName(String(text)), location: locate(text.isEmpty ? 0 : where_))
            }
            result.append(PathComponent(name: name, location: locate(first)))
            start = index + 1
        }
        return result
    }

    /// The node at `rest` inside `node` (of `shape`), or `nil` when there is none.
    static func lookup(_ rest: ArraySlice<PathComponent>, in node: SourceNode, shape: PathShape) -> SourceNode? {
        guard let name = rest.first?.name else { return node }
        let next: SourceNode?
        let nextShape: PathShape
        switch shape {
        case .fields(_, let shapes):
            guard let s = shapes[name] else { return nil }
            next = node[name]
            nextShape = s
        case .elements(_, let element):
            next = node.items?.first { Overlay.id(of: $0) == name }
            nextShape = element
        case .steps(_, let element):
            guard let items = node.items, let position = Int(name), position >= 1, position <= items.count else { return nil }
            next = items[position - 1]
            nextShape = element
        case .days:
            guard rest.count == 1, case .success(let days) = DayKeys.parse(name), let day = days.min(),
                let entries = node.entries
            else { return nil }
            var winner: (count: Int, node: SourceNode)?
            for entry in entries {
                guard case .success(let set) = DayKeys.parse(entry.key), set.contains(day) else { continue }
                if winner.map({ set.count <= $0.count }) ?? true { winner = (set.count, entry.value) }
            }
            return winner?.node
        case .keyed:
            guard rest.count == 1 else { return nil }
            next = node[name]
            nextShape = .value
        case .value:
            return nil
        }
        guard let next, !next.isNull else { return nil }
        return lookup(rest.dropFirst(), in: next, shape: nextShape)
    }

    /// The path as text, `a.b.c`.
    static func text(_ components: some Collection<PathComponent>) -> String {
        components.map(\.name).joined(separator: ".")
    }
}
