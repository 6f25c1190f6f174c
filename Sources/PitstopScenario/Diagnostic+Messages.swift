import Foundation
import PitstopModel
import Yams

/// The text of a diagnostic: a message and its notes, built by the catalogue
/// below, so that all wording lives in this file.
struct Message: Sendable, Hashable {
    var text: String
    var notes: [String]

    init(_ text: String, notes: [String] = []) {
        self.text = text
        self.notes = notes
    }

    /// Adds "did you mean '…'?" when a suggestion exists.
    func suggesting(_ suggestion: String?) -> Message {
        guard let suggestion else { return self }
        var copy = self
        copy.notes.append("did you mean '\(suggestion)'?")
        return copy
    }

    func noting(_ note: String?) -> Message {
        guard let note else { return self }
        var copy = self
        copy.notes.append(note)
        return copy
    }
}

/// Every message the loader writes, in one place (as swift-format's `Finding.Message`).
/// Lowercase, no trailing period, user names in '…'.
extension Message {
    // MARK: Files and YAML

    static func cannotRead(_ path: String, because reason: String) -> Message {
        Message("cannot read '\(path)': \(reason)")
    }

    static func fileTooLarge(bytes: Int?) -> Message {
        let limit = Limits.maxFileBytes / (1024 * 1024)
        if let bytes {
            let mib = Double(bytes) / (1024 * 1024)
            let shown = mib >= 10 ? String(Int(mib.rounded())) : String(Double(Int(mib * 10)) / 10)
            return Message("the file is too large (\(shown) MiB); scenario files are limited to \(limit) MiB")
        }
        return Message("the file is too large; scenario files are limited to \(limit) MiB")
    }

    static func invalidUTF8(offset: Int) -> Message {
        Message("the file is not valid UTF-8: invalid byte at offset \(offset)")
    }

    static let emptyFile = Message("the file is empty", notes: ["a scenario needs at least 'format: 1' and 'name'"])
    static let noContent = Message(
        "the file holds no YAML content, only comments", notes: ["a scenario needs at least 'format: 1' and 'name'"])

    static func aliasExpansionTooLarge(limit: Int) -> Message {
        Message("document too large after alias expansion (more than \(limit.formatted) nodes)")
    }

    static func documentTooLarge(nodes: Int?, limit: Int) -> Message {
        let count = nodes.map { "about \($0.formatted) nodes" } ?? "more than \(limit.formatted) nodes"
        return Message("document too large (\(count); scenarios are limited to \(limit.formatted))")
    }

    static func nestedTooDeeply(limit: Int) -> Message {
        Message("the document is nested too deeply (more than \(limit.formatted) levels)")
    }

    static let aliasAsKey = Message("an alias cannot be used as a mapping key", notes: ["scenario keys are plain text"])
    static let complexKeyWithAliases = Message(
        "a list or mapping cannot be used as a mapping key", notes: ["scenario keys are plain text"])
    static let keyNotText = Message("a mapping key must be plain text, not a list or mapping")

    static func mergeKeyNeedsMapping(found: String) -> Message {
        Message("'<<' merges a mapping into this one, found \(found)")
    }

    static func yamlReader(_ problem: String) -> Message {
        Message("the file cannot be read as YAML: \(problem)")
    }

    static func yamlSyntax(problem: String, context: String?, contextMark: Mark?, problemMark: Mark) -> Message {
        if problem == "but found another document" {
            return Message("a scenario file holds one YAML document; found a second '---'")
        }
        if problem == "found undefined alias" { return Message("syntax error: undefined alias") }
        var text = "syntax error: \(problem)"
        if let context, !context.isEmpty, !context.hasPrefix("expected a single") {
            text += " \(context)"
            if let contextMark, contextMark.line != problemMark.line || contextMark.column != problemMark.column {
                text += " (started at line \(contextMark.line), column \(contextMark.column))"
            }
        }
        return Message(text)
    }

    static func yamlOther(_ text: String) -> Message { Message("the file cannot be parsed: \(text)") }

    static func tooManyProblems(limit: Int) -> Message {
        Message("too many problems: only the first \(limit.formatted) found are shown")
    }

    static func duplicateKey(_ key: String, firstLine: Int?) -> Message {
        Message("duplicate key '\(key)'").noting(firstLine.map { "'\(key)' is first given at line \($0)" })
    }

    static let tabsNote = "YAML does not allow tabs for indentation; use spaces"

    // MARK: Overlays

    static let extendsNeedsPath = Message("'extends' must be the path of another scenario file")

    static func extendsAbsolute(_ path: String) -> Message {
        Message("'extends' must be a path relative to this file, found the absolute path '\(path)'")
    }

    static func notAScenario(_ path: String, because reason: String) -> Message {
        Message("'\(path)' is not a scenario file: \(reason)")
    }

    static func extendsCycle(_ chain: [String]) -> Message {
        Message("extends cycle: " + chain.map { "'\($0)'" }.joined(separator: " → "))
    }

    static func extendsTooDeep(limit: Int) -> Message {
        Message("too many files in the 'extends' chain (more than \(limit))")
    }

    static func removeUnknown(_ id: String) -> Message {
        Message("cannot remove '\(id)': the base scenario has no item with that id here")
    }

    static func removeGroupPosition(_ id: String, group: String) -> Message {
        removeUnknown(id).noting("'\(id)' is a position of group '\(group)'; change its 'count' instead")
    }

    static func removeNotBool(found: String) -> Message { Message("'remove' must be true or false, found \(found)") }

    static let removeOutsideOverlay = Message(
        "'remove' only applies in an overlay, to delete an item of the scenario it extends")

    // MARK: --set

    static let setOnOneLine = Message("a --set is one line: its text holds a line break")

    static func setNeedsEquals(_ text: String) -> Message {
        let short = text.count > 40 ? String(text.prefix(37)) + "…" : text
        return Message("a --set is PATH=VALUE, found '\(short)'", notes: ["e.g. --set staff.lib-main.count=6"])
    }

    static func emptyPathName(_ path: String) -> Message {
        Message(path.isEmpty ? "a --set needs a path before '='" : "the path '\(path)' has an empty name",
            notes: ["a path is names joined by '.', e.g. sites.main.staffed_hours.sat"])
    }

    static func setValueIsComment(_ value: String) -> Message {
        Message("the value '\(value)' is a YAML comment, not a value", notes: ["quote it: \"\(value)\""])
    }

    static func setMatchesNothing(_ path: String, because reason: String?) -> Message {
        Message("'\(path)' matches nothing" + (reason.map { ": \($0)" } ?? ""))
    }

    static func setStarOnMapping(_ context: String) -> Message {
        Message("'*' stands for every element of a list, and \(context.isEmpty ? "the scenario" : context) is not a list")
    }

    static let setExtends = Message("'extends' cannot be set: it is resolved before any --set is applied")
    static let setID = Message("an 'id' cannot be set: it names the element", notes: ["to add or rename an element, write an overlay"])
    static let setRemove = Message(
        "'remove' only applies in an overlay, to delete an item of the scenario it extends",
        notes: ["a --set changes what is there; write an overlay to remove an element"])

    static func setInsideValue(_ name: String, context: String) -> Message {
        Message("cannot set '\(name)' inside \(context.isEmpty ? "the scenario" : context), a value set as a whole")
    }

    static func setPastEnd(_ name: String, holding what: String) -> Message {
        Message("the path must end at '\(name)', which holds \(what)")
    }

    static func setUnknownElement(_ noun: String, _ id: String) -> Message {
        Message("unknown \(noun) '\(id)'", notes: ["a --set changes existing elements only; write an overlay to add one"])
    }

    static func setNoSuchStep(_ name: String, count: Int, in context: String) -> Message {
        Message("'\(name)' is not a step of \(context): route steps are addressed by position, 1 to \(count)")
    }

    static func setRuleHoursFollowSite(_ context: String) -> Message {
        Message("\(context) is not given: the rule follows its site's staffed hours",
            notes: ["set the rule's whole map, e.g. hours={mon-fri: \"10:00-16:00\"}"])
    }

    static let overlayChangesNothing = Message(
        "this overlay changes nothing: every value equals its base's (its name and description aside)")

    static func setChangesNothing(_ path: String) -> Message {
        Message("this --set changes nothing: '\(path)' already has that value")
    }

    // MARK: Structure and types

    static func unknownKey(_ key: String, in context: String) -> Message {
        Message("unknown key '\(key)'" + (context.isEmpty ? "" : " in \(context)"))
    }

    static func missingKey(_ key: String, in context: String) -> Message {
        Message("missing required key '\(key)'" + (context.isEmpty ? "" : " in \(context)"))
    }

    static func needsValue(_ key: String) -> Message { Message("'\(key)' needs a value") }

    static let unquotedColour = needsValue("colour")
        .noting("quote a colour such as \"#E07A5F\": in YAML '#' starts a comment")

    static func missingName(in context: String) -> Message {
        missingKey("name", in: context).noting("only vacancies and groups may leave out 'name'")
    }

    static func missingTitle(in context: String) -> Message {
        missingKey("title", in: context).noting("a vacancy or group without a 'name' needs a 'title'")
    }

    static func missingZone(in context: String) -> Message {
        missingKey("zone", in: context).noting("give a zone id, or 'roving' for any zone at the site")
    }

    static func wrongType(_ what: String, expected: String, found: String) -> Message {
        Message("\(what) must be \(expected), found \(found)")
    }

    static func outOfRange(_ what: String, expected: String, found: Double) -> Message {
        Message("\(what) must be \(expected), found \(found.shortText)")
    }

    static func notASlug(_ id: String, suggestion: String?) -> Message {
        Message("id '\(id)' is not a slug: use lowercase letters, digits and '-', starting with a letter or digit")
            .suggesting(suggestion)
    }

    static func duplicateID(_ noun: String, _ id: String, firstLine: Int?) -> Message {
        Message("duplicate \(noun) id '\(id)'").noting(firstLine.map { "'\(id)' is first defined at line \($0)" })
    }

    static func tooMany(_ what: String, at place: String, found: Int, limit: Int) -> Message {
        Message("\(place) has \(found.formatted) \(what); at most \(limit.formatted) are supported")
    }

    static func unsupportedFormat(_ found: String) -> Message {
        Message("unsupported format \(found); this version reads format 1")
    }

    static func exclusive(_ a: String, _ b: String) -> Message {
        Message("give either '\(a)' or '\(b)', not both")
    }

    static func needsOneOf(_ a: String, _ b: String, in context: String) -> Message {
        Message("\(context) needs '\(a)' or '\(b)'")
    }

    // MARK: References

    static func unknownReference(_ noun: String, _ id: String, suffix: String = "") -> Message {
        Message("unknown \(noun) '\(id)'\(suffix)")
    }

    static func notStaff(_ role: String, _ id: String) -> Message {
        Message("leader forum \(role) '\(id)' is not on the staff")
    }

    static func groupNotAPerson(_ id: String, role: String, count: Int) -> Message {
        Message("'\(id)' is a group of \(count) positions and cannot be \(role)")
            .noting("name one position, e.g. '\(id)-1'")
    }

    // MARK: Time and days

    static func unknownDay(_ key: String, suggestion: String?) -> Message {
        Message("unknown day key '\(key)'", notes: ["day keys are mon tue wed thu fri sat sun, ranges such as mon-fri, and daily"])
            .suggesting(suggestion)
    }

    static func reversedDays(_ key: String, suggestion: String) -> Message {
        Message("reversed day range '\(key)'").suggesting(suggestion)
    }

    static func malformedTime(_ text: String) -> Message {
        Message("malformed time range '\(text)'", notes: ["write \"HH:MM-HH:MM\", e.g. \"09:00-17:30\"; 24:00 is allowed as an end"])
    }

    static func reversedTime(_ text: String) -> Message {
        Message("reversed time range '\(text)': the end must come after the start")
    }

    // MARK: Values

    static func badDistribution(_ text: String, _ error: Distribution.ParseError) -> Message {
        switch error {
        case .invalid(let why): return Message("invalid distribution: \(why)")
        case .unknownName(_, let suggestion):
            return Message("invalid distribution '\(text)': \(error.description)").suggesting(suggestion)
        default: return Message("invalid distribution '\(text)': \(error.description)")
        }
    }

    static func badCapacity(found: String) -> Message {
        Message("'capacity' must be a whole number of persons or 'unlimited', found \(found)")
    }

    static func badPair(_ key: String, found: String) -> Message {
        Message("'\(key)' must be a pair of numbers [x, y], found \(found)")
    }

    static func profileHourCount(_ id: String, found: Int) -> Message {
        Message("'hours' of profile '\(id)' must hold 24 weights, one per hour, found \(found)")
    }

    static func profileAllZero(_ id: String, what: String) -> Message {
        Message("the \(what) weights of profile '\(id)' are all zero")
    }

    static let reservedRoving = Message(
        "'roving' is reserved for staff who move between the zones of a site; choose another zone id")

    // MARK: Organisation and floor

    static func reportingCycle(_ people: [String]) -> Message {
        Message("reporting cycle: " + (people + people.prefix(1)).map { "'\($0)'" }.joined(separator: " → "))
    }

    static func unitCycle(_ units: [String]) -> Message {
        Message("unit nesting cycle: " + (units + units.prefix(1)).map { "'\($0)'" }.joined(separator: " → "))
    }

    static func zoneOutsideFloor(_ zone: String, site: String, floor: Floor) -> Message {
        Message("zone '\(zone)' lies outside the floor of site '\(site)' (\(floor.width.shortText) × \(floor.depth.shortText) m)")
    }

    static func zonesOverlap(_ zone: String, _ other: String, site: String) -> Message {
        Message("zone '\(zone)' overlaps zone '\(other)' at site '\(site)'")
    }

    static func routeZoneMissing(_ zone: String, site: String) -> Message {
        Message("route zone '\(zone)' does not exist at site '\(site)', which the persona visits")
    }

    static func dialogueZoneNotOnRoute(_ zone: String, persona: String) -> Message {
        Message("dialogue zone '\(zone)' is not on the route of persona '\(persona)'")
    }

    // MARK: Warnings

    static func overContract(_ id: String, hours: Double, contracted: Double, fte: Double, weekHours: Double) -> Message {
        Message(
            "shifts give '\(id)' \(hours.shortText) hours a week, more than the \(contracted.shortText) contracted (fte \(fte.shortText) × \(weekHours.shortText) hours)"
        )
    }

    static func implausibleCost(_ cost: Double, raw: String) -> Message {
        let message = Message(
            "'cost' \(cost.shortText) is implausible as the annual cost of a position (below 1,000 per fte)")
        if let digits = thousandsGrouped(raw) {
            return message.noting("'\(raw)' is read as \(cost.shortText): YAML has no thousands separator; write \(digits)")
        }
        return message.noting("'cost' is per year, in the scenario's currency")
    }

    static func coveredNeverStaffed(_ zone: String, site: String, unit: String) -> Message {
        Message("zone '\(zone)' at site '\(site)' is covered by unit '\(unit)' but never staffed: no shift or rule places anyone there")
    }

    static func practicallyNoArrivals(_ persona: String, site: String, expected: Double, days: Int) -> Message {
        Message(
            "persona '\(persona)' is expected to make \(expected.scientificText) visits to site '\(site)' in the \(days) simulated days: practically nobody arrives")
    }

    static func scaledDemandTooLarge(_ persona: String, site: String, scale: Double, amount: Double, unit: String, limit: Double) -> Message {
        Message(
            "with demand_scale \(scale.shortText), persona '\(persona)' has \(amount.shortText) \(unit) at site '\(site)'; the limit is \(Int(limit).formatted)")
    }

    static func unitWithoutStaff(_ id: String) -> Message { Message("unit '\(id)' has no staff") }

    static func zoneUncovered(_ zone: String, site: String) -> Message {
        Message("zone '\(zone)' at site '\(site)' is never staffed: no unit covers it and no shift or rule places staff there")
    }

    static func noArrivals(_ id: String) -> Message { Message("persona '\(id)' has no arrivals at any site") }

    static func vacantOnShift(_ id: String) -> Message {
        Message("vacant position '\(id)' is on a shift but a vacancy is never on duty")
    }
}

extension Double {
    /// `3` for whole values, else the value rounded to at most three decimals.
    var shortText: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int(self)) }
        guard abs(self) < 1e12 else { return String(self) }
        let rounded = (self * 1000).rounded() / 1000
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}

extension Double {
    /// `3.2e-15`, or the short text when the value is not tiny.
    var scientificText: String {
        guard self != 0, abs(self) < 0.001 else { return shortText }
        let exponent = Int(log10(abs(self)).rounded(.down))
        let mantissa = (self / pow(10, Double(exponent)) * 10).rounded() / 10
        return "\(mantissa.shortText)e\(exponent)"
    }
}

extension Int {
    /// `1,000,000`.
    var formatted: String {
        let digits = Array(String(self))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
