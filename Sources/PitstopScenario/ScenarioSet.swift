import PitstopModel

/// One `--set PATH=VALUE`, read: the path's names and the value as a YAML node, each
/// located in the text of the `--set` (`--set N:COL`).
struct SetAssignment: Sendable {
    /// Which `--set` (the first given is 1).
    var index: Int
    var text: String
    var components: [PathComponent]
    var value: SourceNode
    /// Where the text starts when it was written in a file (`set:` in an overlay); `nil` for
    /// a `--set` on the command line.
    var anchor: SourceLocation? = nil

    /// Where the assignment as a whole is reported: its item in a file, or `--set N:1`.
    var location: SourceLocation { anchor ?? .setOption(index, column: 1) }

    var path: String { ScenarioPath.text(components) }

    /// Reads `text`; reports what is wrong with it and returns `nil`.
    static func read(
        _ text: String, index: Int, anchor: SourceLocation? = nil, sink: DiagnosticSink, budget: inout Int
    ) -> SetAssignment? {
        func at(_ offset: Int) -> SourceLocation {
            guard let anchor else { return .setOption(index, column: offset + 1) }
            return SourceLocation(file: anchor.file, line: anchor.line, column: anchor.column + offset)
        }
        let scalars = Array(text.unicodeScalars)
        if let newline = scalars.firstIndex(where: { $0 == "\n" || $0 == "\r" }) {
            sink.error(.setOnOneLine, at: at(newline))
            return nil
        }
        guard let equals = scalars.firstIndex(of: "=") else {
            sink.error(.setNeedsEquals(text), at: at(0))
            return nil
        }
        let pathText = Substring(String(String.UnicodeScalarView(scalars[..<equals])))
        let components: [PathComponent]
        do {
            components = try ScenarioPath.components(pathText, locate: at)
        } catch {
            sink.error(error.message, at: error.location)
            return nil
        }
        let valueStart = equals + 1
        let valueText = String(String.UnicodeScalarView(scalars[valueStart...]))
        let trimmed = valueText.trimmingCharacters()
        let firstNonSpace = valueStart + valueText.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
        let value: SourceNode
        if trimmed.isEmpty {
            value = SourceNode(.scalar("", plain: true), at: at(valueStart))
        } else if trimmed.hasPrefix("#") {
            sink.error(.setValueIsComment(trimmed), at: at(firstNonSpace))
            return nil
        } else {
            // The value is YAML of its own, located at line 1; shifted into the --set's text.
            let local = DiagnosticSink()
            let parsed = DocumentParser.parse(valueText, file: "--set", sink: local, budget: &budget)
            let shift = { (location: SourceLocation) -> SourceLocation in
                at(valueStart + max(1, location.column) - 1)
            }
            for diagnostic in local.sorted {
                var moved = diagnostic
                moved.location = diagnostic.location.map(shift) ?? at(valueStart)
                sink.add(moved)
            }
            guard case .document(let node) = parsed else { return nil }
            value = node.relocated(shift)
        }
        return SetAssignment(index: index, text: text, components: components, value: value, anchor: anchor)
    }
}

extension SourceNode {
    /// The same tree with every location (of nodes and of keys) passed through `move`.
    func relocated(_ move: (SourceLocation) -> SourceLocation) -> SourceNode {
        switch content {
        case .scalar: return SourceNode(content, at: move(location))
        case .sequence(let items): return SourceNode(.sequence(items.map { $0.relocated(move) }), at: move(location))
        case .mapping(let entries):
            let moved = entries.map { Entry(key: $0.key, keyLocation: move($0.keyLocation), value: $0.value.relocated(move)) }
            return SourceNode(.mapping(moved), at: move(location))
        }
    }
}

/// Applies a `--set` to a merged scenario tree: walks the path through the format's shape
/// (``PathShape/scenario``) and sets the value there, as an overlay of one line would.
///
/// - A mapping merges into what is there, key by key; an hour or day map replaces the map
///   there whole; a list replaces the list whole (a `--set` never adds or removes list
///   elements); anything else replaces.
/// - A name of a key inside a day map (`…staffed_hours.sat`) changes exactly the days it
///   names: the map is rewritten day by day from what each day had, so no more specific key
///   of the base can undo it.
/// - `*` selects every element of a list that already holds the rest of the path up to
///   its last name; the others are skipped. A `*` that selects nothing is an error.
/// - Names that do not exist, ids that do not exist, and paths that go inside a value are
///   errors with a suggestion where one is close.
struct SetApplier {
    let sink: DiagnosticSink

    /// Why a `*` selected nothing: the first part of the path an element lacked.
    private var missing: String?
    /// The noun of the innermost `*` being walked ("persona").
    private var starNoun = "element"

    init(sink: DiagnosticSink) {
        self.sink = sink
    }

    /// The tree with the assignment made, or `nil` after reporting why it cannot be.
    mutating func apply(_ assignment: SetAssignment, to root: SourceNode) -> SourceNode? {
        missing = nil
        do {
            let result = try assign(
                root, shape: .scenario, rest: assignment.components[...], context: "", creating: true,
                anchor: assignment.components[0].location, value: assignment.value)
            guard let result else {
                let star = assignment.components.first { $0.name == "*" }
                sink.error(.setMatchesNothing(assignment.path, because: missing), at: star?.location ?? assignment.components[0].location)
                return nil
            }
            return result
        } catch {
            sink.error(error.message, at: error.location)
            return nil
        }
    }

    /// The node with `value` set at `rest`; `nil` when an element under a `*` lacks part of
    /// the path (skipped). `node` is `nil` when absent; `creating` is false under a `*`.
    private mutating func assign(
        _ node: SourceNode?, shape: PathShape, rest: ArraySlice<PathComponent>, context: String, creating: Bool,
        anchor: SourceLocation, value: SourceNode
    ) throws(PathProblem) -> SourceNode? {
        guard let component = rest.first else { return try leaf(node, shape: shape, value: value, anchor: anchor) }
        let present = node.flatMap { $0.isNull ? nil : $0 }
        switch shape {
        case .fields(let keys, let shapes):
            let name = component.name
            guard let childShape = shapes[name] else {
                if name == "*" { throw PathProblem(message: .setStarOnMapping(context), location: component.location) }
                throw PathProblem(message: unknownKeyMessage(name, keys: keys, context: context), location: component.location)
            }
            if name == "extends", context.isEmpty { throw PathProblem(message: .setExtends, location: component.location) }
            if name == "id" { throw PathProblem(message: .setID, location: component.location) }
            if let present, present.entries == nil {
                throw PathProblem(message: .setInsideValue(name, context: context), location: component.location)
            }
            let entries = present?.entries ?? []
            let index = entries.firstIndex { $0.key == name }
            let child = index.map { entries[$0].value }
            let isLast = rest.count == 1
            if !isLast, child == nil || child?.isNull == true, !creating {
                if missing == nil { missing = "no \(starNoun) has '\(name)'" }
                return nil
            }
            let childContext = context.isEmpty ? "'\(name)'" : "'\(name)' of \(context)"
            guard
                let newChild = try assign(
                    child, shape: childShape, rest: rest.dropFirst(), context: childContext, creating: creating,
                    anchor: component.location, value: value)
            else { return nil }
            var newEntries = entries
            if let index {
                newEntries[index].value = newChild
            } else {
                newEntries.append(SourceNode.Entry(key: name, keyLocation: component.location, value: newChild))
            }
            return SourceNode(.mapping(newEntries), at: present?.location ?? anchor)

        case .elements(let noun, let element):
            if let present, present.items == nil {
                throw PathProblem(message: .setInsideValue(component.name, context: context), location: component.location)
            }
            var items = present?.items ?? []
            if component.name == "*" {
                if items.isEmpty, missing == nil { missing = "there is no \(noun)" }
                starNoun = noun
                var any = false
                for (i, item) in items.enumerated() {
                    let itemContext = Overlay.id(of: item).map { "\(noun) '\($0)'" } ?? "a \(noun)"
                    if let changed = try assign(
                        item, shape: element, rest: rest.dropFirst(), context: itemContext, creating: false,
                        anchor: component.location, value: value)
                    {
                        items[i] = changed
                        any = true
                    }
                }
                return any ? SourceNode(.sequence(items), at: present?.location ?? anchor) : nil
            }
            guard let i = items.firstIndex(where: { Overlay.id(of: $0) == component.name }) else {
                throw PathProblem(message: unknownElementMessage(component.name, noun: noun, items: items), location: component.location)
            }
            guard
                let changed = try assign(
                    items[i], shape: element, rest: rest.dropFirst(), context: "\(noun) '\(component.name)'",
                    creating: creating, anchor: component.location, value: value)
            else { return nil }
            items[i] = changed
            return SourceNode(.sequence(items), at: present?.location ?? anchor)

        case .steps(let noun, let element):
            if let present, present.items == nil {
                throw PathProblem(message: .setInsideValue(component.name, context: context), location: component.location)
            }
            var items = present?.items ?? []
            let chosen: [Int]
            if component.name == "*" {
                chosen = Array(items.indices)
                if chosen.isEmpty, missing == nil { missing = "there is no \(noun)" }
                starNoun = noun
            } else if let position = Int(component.name), position >= 1, position <= items.count {
                chosen = [position - 1]
            } else {
                throw PathProblem(message: .setNoSuchStep(component.name, count: items.count, in: context), location: component.location)
            }
            var any = false
            for i in chosen {
                if let changed = try assign(
                    items[i], shape: element, rest: rest.dropFirst(), context: "step \(i + 1) of \(context)",
                    creating: creating && component.name != "*", anchor: component.location, value: value)
                {
                    items[i] = changed
                    any = true
                }
            }
            return any ? SourceNode(.sequence(items), at: present?.location ?? anchor) : nil

        case .days(let kind):
            if rest.count > 1 {
                throw PathProblem(message: .setPastEnd(component.name, holding: "a day's value"), location: rest[rest.startIndex + 1].location)
            }
            let days: Set<Weekday>
            switch DayKeys.parse(component.name) {
            case .success(let set): days = set
            case .failure(.unknown(let suggestion)):
                throw PathProblem(message: .unknownDay(component.name, suggestion: suggestion), location: component.location)
            case .failure(.reversed(let suggestion)):
                throw PathProblem(message: .reversedDays(component.name, suggestion: suggestion), location: component.location)
            }
            var base = present
            if base == nil {
                switch kind {
                case .siteHours: base = SourceNode(.mapping([]), at: anchor)
                case .weights:
                    let one = SourceNode.Entry(key: "daily", keyLocation: anchor, value: SourceNode(.scalar("1", plain: true), at: anchor))
                    base = SourceNode(.mapping([one]), at: anchor)
                case .ruleHours:
                    guard creating else {
                        if missing == nil { missing = "no \(starNoun) has hours of its own" }
                        return nil
                    }
                    throw PathProblem(message: .setRuleHoursFollowSite(context), location: component.location)
                }
            }
            guard let base, let entries = base.entries else {
                throw PathProblem(message: .setInsideValue(component.name, context: context), location: component.location)
            }
            return DayMapRewrite.setting(days, key: component, to: value, in: entries, at: base.location)

        case .keyed:
            if rest.count > 1 {
                throw PathProblem(message: .setPastEnd(component.name, holding: "one value"), location: rest[rest.startIndex + 1].location)
            }
            if let present, present.entries == nil {
                throw PathProblem(message: .setInsideValue(component.name, context: context), location: component.location)
            }
            var entries = present?.entries ?? []
            if let i = entries.firstIndex(where: { $0.key == component.name }) {
                entries[i].value = value
            } else {
                entries.append(SourceNode.Entry(key: component.name, keyLocation: component.location, value: value))
            }
            return SourceNode(.mapping(entries), at: present?.location ?? anchor)

        case .value:
            throw PathProblem(message: .setInsideValue(component.name, context: context), location: component.location)
        }
    }

    /// The value set where the path ends.
    private func leaf(_ node: SourceNode?, shape: PathShape, value: SourceNode, anchor: SourceLocation) throws(PathProblem) -> SourceNode {
        let present = node.flatMap { $0.isNull ? nil : $0 }
        switch shape {
        case .fields, .keyed:
            if let entries = value.entries, let id = entries.first(where: { $0.key == "id" }) {
                throw PathProblem(message: .setID, location: id.keyLocation)
            }
            if let present, present.entries != nil, value.entries != nil {
                return Overlay.merge(present, value, sink: sink, listsReplace: true)
            }
            return value
        case .elements, .steps, .days, .value:
            return value
        }
    }

    private func unknownKeyMessage(_ key: String, keys: [String], context: String) -> Message {
        if key == "remove" { return .setRemove }
        return Message.unknownKey(key, in: context).suggesting(sink.suggest(key, in: keys))
    }

    private func unknownElementMessage(_ id: String, noun: String, items: [SourceNode]) -> Message {
        let ids = items.compactMap { Overlay.id(of: $0) }
        if noun == "staff member", let group = Overlay.groupHolding(position: id, in: items) {
            return Message.setUnknownElement(noun, id).noting("'\(id)' is a position of group '\(group)'; set the group's fields")
        }
        return Message.setUnknownElement(noun, id).suggesting(sink.suggest(id, in: ids))
    }
}

/// Rewriting a day map so that the days one key names get a new value and every other day
/// keeps the value it had.
enum DayMapRewrite {
    /// `entries` resolved day by day (the most specific key wins, then the later), with
    /// `days` set to `value`, written as one key per day in week order. When a key of the
    /// map is not a day key, the map is only extended by `key` (its errors are reported
    /// when the scenario is decoded).
    static func setting(
        _ days: Set<Weekday>, key: PathComponent, to value: SourceNode, in entries: [SourceNode.Entry], at location: SourceLocation
    ) -> SourceNode {
        var keyed: [(days: Set<Weekday>, order: Int, entry: SourceNode.Entry)] = []
        for (order, entry) in entries.enumerated() {
            guard case .success(let set) = DayKeys.parse(entry.key) else {
                var extended = entries.filter { $0.key != key.name }
                extended.append(SourceNode.Entry(key: key.name, keyLocation: key.location, value: value))
                return SourceNode(.mapping(extended), at: location)
            }
            keyed.append((set, order, entry))
        }
        keyed.sort { a, b in a.days.count != b.days.count ? a.days.count > b.days.count : a.order < b.order }
        var byDay: [Weekday: SourceNode.Entry] = [:]
        for item in keyed {
            for day in item.days { byDay[day] = item.entry }
        }
        for day in days { byDay[day] = SourceNode.Entry(key: day.key, keyLocation: key.location, value: value) }
        let rewritten = Weekday.allCases.compactMap { day in
            byDay[day].map { SourceNode.Entry(key: day.key, keyLocation: $0.keyLocation, value: $0.value) }
        }
        return SourceNode(.mapping(rewritten), at: location)
    }
}
