import PitstopModel

/// Decodes a merged ``SourceNode`` tree into a ``Scenario``, reporting every problem.
///
/// Decoding never stops at the first problem: a bad value is reported and replaced by a
/// placeholder so that the rest of the file is still checked. References between sections
/// are recorded as they are met and resolved once everything is decoded
/// (`ScenarioDecoder+Validation.swift`).
final class ScenarioDecoder {
    let sink: DiagnosticSink
    /// References to resolve once every section is decoded.
    var references: [Reference] = []

    // Side tables: where decoded things came from, for later checks.
    var staffIndex: [String: StaffInfo] = [:]
    /// Group id → the ids of its positions.
    var groups: [String: [String]] = [:]
    var unitLocations: [String: (item: SourceLocation, parent: SourceLocation?)] = [:]
    var zoneLocations: [ZoneKey: SourceLocation] = [:]
    var staffedPlacements: Set<ZoneKey> = []
    var rovingSites: Set<String> = []
    /// Route zones to check against the sites each persona visits.
    var routeChecks: [RouteCheck] = []
    /// Per person: scheduled minutes a week from explicit shifts so far.
    var shiftMinutes: [String: Int] = [:]
    var weekHours: Double = 37
    /// Where each unit lists a zone in its `covers`.
    var coverageLocations: [(unit: String, key: ZoneKey, location: SourceLocation)] = []
    /// Zones in which a shift with someone who is not a vacancy, or a rule, places staff.
    var placedZones: Set<ZoneKey> = []
    /// Where each persona's demand at a site is written, for the warning about rates so
    /// small that nobody arrives.
    var demandLocations: [(persona: String, site: String, location: SourceLocation)] = []
    var demandScaleLocation: SourceLocation?

    struct StaffInfo {
        var item: SourceLocation
        var manager: SourceLocation?
    }

    struct RouteCheck {
        var sites: [String]
        var steps: [(zone: String, location: SourceLocation)]
    }

    struct ZoneKey: Hashable {
        var site: String
        var zone: String
    }

    init(sink: DiagnosticSink) {
        self.sink = sink
    }

    func error(_ message: Message, at location: SourceLocation?) { sink.error(message, at: location) }
    func warning(_ message: Message, at location: SourceLocation?) { sink.warning(message, at: location) }
}

// MARK: - Mappings

/// A mapping being decoded, with the phrase that names it in messages ("site 'main'").
struct Fields {
    let node: SourceNode
    let entries: [SourceNode.Entry]
    /// "site 'main'", "a shift"; empty at the top level.
    var context: String

    var location: SourceLocation { node.location }

    func entry(_ key: String) -> SourceNode.Entry? { entries.first { $0.key == key } }

    /// The value of `key`, or `nil` when absent or null.
    subscript(key: String) -> SourceNode? {
        guard let value = entry(key)?.value, !value.isNull else { return nil }
        return value
    }

    func has(_ key: String) -> Bool { self[key] != nil }
}

extension ScenarioDecoder {
    /// Reads `node` as a mapping and reports keys not in `allowed` (with a suggestion).
    func fields(_ node: SourceNode, what: String, context: String, allowed: [String]) -> Fields? {
        guard let entries = node.entries else {
            error(.wrongType(what, expected: "a mapping", found: node.found), at: node.location)
            return nil
        }
        for entry in entries where !allowed.contains(entry.key) {
            if entry.key == "remove" {
                error(.removeOutsideOverlay, at: entry.keyLocation)
                continue
            }
            error(Message.unknownKey(entry.key, in: context).suggesting(sink.suggest(entry.key, in: allowed)), at: entry.keyLocation)
        }
        return Fields(node: node, entries: entries, context: context)
    }

    /// The value of a required key; reports it missing (at the mapping) or empty (at the key).
    func required(_ f: Fields, _ key: String) -> SourceNode? {
        guard let entry = f.entry(key) else {
            error(.missingKey(key, in: f.context), at: f.location)
            return nil
        }
        if entry.value.isNull {
            error(.needsValue(key), at: entry.keyLocation)
            return nil
        }
        return entry.value
    }

    // MARK: Scalars

    /// Text of a scalar (numbers and booleans read as their text).
    func text(_ node: SourceNode, _ what: String) -> String? {
        guard let text = node.scalar else {
            error(.wrongType(what, expected: "text", found: node.found), at: node.location)
            return nil
        }
        return text
    }

    func text(_ f: Fields, _ key: String) -> String? {
        f[key].flatMap { text($0, "'\(key)'") }
    }

    func requiredText(_ f: Fields, _ key: String) -> String? {
        required(f, key).flatMap { text($0, "'\(key)'") }
    }

    func number(_ node: SourceNode, _ what: String) -> Double? {
        guard let text = node.scalar, let value = parseNumber(text) else {
            let message = Message.wrongType(what, expected: "a number", found: node.found)
            error(message.noting(node.scalar.flatMap(thousandsSeparatorNote)), at: node.location)
            return nil
        }
        return value
    }

    /// The list at `key` holds at most `limit` items; otherwise one error, "this scenario
    /// has N sites; the limit is M", before anything in it is decoded.
    func withinLimit(_ f: Fields, _ key: String, _ limit: Int, noun: String? = nil) -> Bool {
        guard let node = f[key], let items = node.items, items.count > limit else { return true }
        error(Message(ScenarioLimits.tooMany(noun ?? key, found: items.count, limit: limit)), at: node.location)
        return false
    }

    /// A number checked against a range; reports `'key' must be <expected>, found x`.
    func number(_ node: SourceNode, _ what: String, _ expected: String, _ valid: (Double) -> Bool) -> Double? {
        guard let value = number(node, what) else { return nil }
        guard valid(value) else {
            error(.outOfRange(what, expected: expected, found: value), at: node.location)
            return nil
        }
        return value
    }

    func number(_ f: Fields, _ key: String, _ expected: String, _ valid: (Double) -> Bool) -> Double? {
        f[key].flatMap { number($0, "'\(key)'", expected, valid) }
    }

    func integer(_ node: SourceNode, _ what: String, _ expected: String, _ valid: (Int) -> Bool) -> Int? {
        guard let value = number(node, what) else { return nil }
        guard value == value.rounded(), abs(value) < 1e15 else {
            error(.wrongType(what, expected: "a whole number", found: node.found), at: node.location)
            return nil
        }
        guard valid(Int(value)) else {
            error(.outOfRange(what, expected: expected, found: value), at: node.location)
            return nil
        }
        return Int(value)
    }

    func integer(_ f: Fields, _ key: String, _ expected: String, _ valid: (Int) -> Bool) -> Int? {
        f[key].flatMap { integer($0, "'\(key)'", expected, valid) }
    }

    func bool(_ node: SourceNode, _ what: String) -> Bool? {
        switch node.scalar {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
        default:
            error(.wrongType(what, expected: "true or false", found: node.found), at: node.location)
            return nil
        }
    }

    func bool(_ f: Fields, _ key: String) -> Bool? { f[key].flatMap { bool($0, "'\(key)'") } }

    /// A list; a single scalar counts as a list of one (`staff: lib-main`).
    func list(_ node: SourceNode, _ what: String, scalarAllowed: Bool = false) -> [SourceNode]? {
        if let items = node.items { return items }
        if scalarAllowed, node.scalar != nil { return [node] }
        error(.wrongType(what, expected: "a list", found: node.found), at: node.location)
        return nil
    }

    func list(_ f: Fields, _ key: String, scalarAllowed: Bool = false) -> [SourceNode] {
        f[key].flatMap { list($0, "'\(key)'", scalarAllowed: scalarAllowed) } ?? []
    }

    /// A list of ids (or one id) with their locations.
    func ids(_ f: Fields, _ key: String) -> [(id: String, location: SourceLocation)] {
        list(f, key, scalarAllowed: true).compactMap { item in
            text(item, "each item of '\(key)'").map { ($0, item.location) }
        }
    }

    // MARK: Identified lists

    /// The items of a list of objects with ids: each must be a mapping with a slug `id`,
    /// unique within the list (unless `checkDuplicates` is false).
    func identified(
        _ f: Fields, _ key: String, noun: String, allowed: [String], checkDuplicates: Bool = true
    ) -> [(fields: Fields, id: String, idLocation: SourceLocation)] {
        var result: [(Fields, String, SourceLocation)] = []
        var seen: [String: SourceLocation] = [:]
        for item in list(f, key) {
            let context = item["id"]?.scalar.map { "\(noun) '\($0)'" } ?? "a \(noun)"
            guard var itemFields = fields(item, what: "each item of '\(key)'", context: context, allowed: allowed) else {
                continue
            }
            guard let idNode = required(itemFields, "id"), let id = text(idNode, "'id'") else { continue }
            itemFields.context = "\(noun) '\(id)'"
            checkSlug(id, at: idNode.location)
            if checkDuplicates {
                if let first = seen[id] {
                    error(.duplicateID(noun, id, firstLine: first.file == idNode.location.file ? first.line : nil), at: idNode.location)
                    continue
                }
                seen[id] = idNode.location
            }
            result.append((itemFields, id, idNode.location))
        }
        return result
    }

    func checkSlug(_ id: String, at location: SourceLocation) {
        guard !isSlug(id) else { return }
        let suggestion = slugified(id)
        error(.notASlug(id, suggestion: suggestion.isEmpty || suggestion == id ? nil : suggestion), at: location)
    }
}

// MARK: - Text helpers

/// Whether `id` matches `[a-z0-9][a-z0-9-]*`.
func isSlug(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, isSlugStart(first) else { return false }
    return id.unicodeScalars.allSatisfy { isSlugStart($0) || $0 == "-" }
}

private func isSlugStart(_ c: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(c) || ("0"..."9").contains(c)
}

/// A slug close to `text`: lowercased, runs of other characters turned into one '-'.
func slugified(_ text: String) -> String {
    var out = ""
    for scalar in text.lowercased().unicodeScalars {
        if isSlugStart(scalar) {
            out.unicodeScalars.append(scalar)
        } else if !out.isEmpty, out.last != "-" {
            out.append("-")
        }
    }
    while out.last == "-" { out.removeLast() }
    return out
}

/// A YAML number as written in a scenario: `37`, `0.8`, `-2`, `1e3`, `520_000`.
func parseNumber(_ text: String) -> Double? {
    guard !text.isEmpty,
        text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || "+-._eE".unicodeScalars.contains($0) }),
        text.unicodeScalars.contains(where: { ("0"..."9").contains($0) })
    else { return nil }
    guard let value = Double(text.replacingUnderscores()), value.isFinite else { return nil }
    return value
}

/// For a number written with thousands separators (`1.250.000`, `90,000`): how to write it.
func thousandsSeparatorNote(_ text: String) -> String? {
    guard let digits = thousandsGrouped(text) else { return nil }
    return "YAML has no thousands separator: write \(digits)"
}

/// The digits of `90.000`, `1.250.000` or `90,000` (groups of three after the first), or `nil`.
func thousandsGrouped(_ text: String) -> String? {
    for separator in [".", ","] {
        let groups = text.split(separator: Character(separator), omittingEmptySubsequences: false)
        guard groups.count >= 2, let first = groups.first, (1...3).contains(first.count),
            groups.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { continue }
        return groups.joined()
    }
    return nil
}

extension String {
    func replacingUnderscores() -> String { String(unicodeScalars.filter { $0 != "_" }.map(Character.init)) }
}
