import PitstopModel

/// JSON Schemas (draft 2020-12) of the scenario and sweep formats, for editors: with
/// yaml-language-server (VS Code's YAML extension, Neovim, Helix, Zed, JetBrains) a file
/// that names the schema on its first line gets completion, descriptions on hover and
/// inline errors for unknown keys, wrong types and values out of range.
///
/// The schema is written from the declarations below; a test checks every object's keys
/// against the loader's own lists (`Keys` and `SweepLoader`) so that the two cannot drift.
/// It checks shape, not meaning: references between ids, overlapping zones and the like
/// are `pitstop validate`'s.
public enum FormatSchema {
    /// Which format.
    public enum Kind: String, CaseIterable, Sendable {
        case scenario, sweep
    }

    /// The schema as JSON text (keys sorted, two-space indentation, a final newline).
    public static func json(_ kind: Kind) -> String {
        document(kind).rendered() + "\n"
    }

    /// The schema as a JSON tree.
    public static func document(_ kind: Kind) -> JSONText {
        switch kind {
        case .scenario: scenarioDocument
        case .sweep: sweepDocument
        }
    }

    /// The file name the schema is published under (`docs/schema/…`, and beside `init`'s files).
    public static func fileName(_ kind: Kind) -> String { "\(kind.rawValue).schema.json" }

    /// Every object of the format: its `$defs` name and its keys, in the loader's order.
    public static func objectKeys(_ kind: Kind) -> [String: [String]] {
        let objects = kind == .scenario ? ScenarioFormat.objects : SweepFormat.objects
        return objects.mapValues { $0.properties.map(\.name) }
    }
}

// MARK: - Declarations

/// A value's shape.
indirect enum Shape: Sendable {
    /// A `$defs` entry by name.
    case ref(String)
    case list(Shape, description: String? = nil)
    /// A map of day keys to values.
    case dayMap(Shape)
    /// A map of ids (slugs) to values.
    case idMap(Shape)
    case oneOf([Shape])
    /// A number in a range; `integer` for whole numbers.
    case number(minimum: Double? = nil, maximum: Double? = nil, exclusiveMinimum: Double? = nil, integer: Bool = false)
    case constant(String)
    case words([String])
    case boolean
    case raw(JSONText)
}

/// One key of an object.
struct Property: Sendable {
    var name: String
    var shape: Shape
    var description: String
    var required = false

    init(_ name: String, _ shape: Shape, _ description: String, required: Bool = false) {
        self.name = name
        self.shape = shape
        self.description = description
        self.required = required
    }
}

/// An object of the format.
struct ObjectShape: Sendable {
    var description: String
    var properties: [Property]
    /// An item of a list merged by id in overlays (may carry `remove: true` there).
    var identified = false
    /// Whether an overlay's item must name its `id` (shifts and rules may go without).
    var overlayNeedsID = true
    /// Extra constraints of a complete scenario (not of an overlay).
    var strictExtras: [String: JSONText] = [:]
}

// MARK: - Writing

extension Shape {
    func json(overlay: Bool, objects: Set<String>) -> JSONText {
        switch self {
        case .ref(let name):
            let prefix = overlay && objects.contains(name) ? "overlay-" : ""
            return .object(["$ref": .string("#/$defs/\(prefix)\(name)")])
        case .list(let item, let description):
            var o: [String: JSONText] = ["type": .string("array"), "items": item.json(overlay: overlay, objects: objects)]
            if let description { o["description"] = .string(description) }
            return .object(o)
        case .dayMap(let value):
            return .object([
                "type": .string("object"),
                "propertyNames": .object(["$ref": .string("#/$defs/day-key")]),
                "additionalProperties": value.json(overlay: overlay, objects: objects),
            ])
        case .idMap(let value):
            return .object([
                "type": .string("object"),
                "propertyNames": .object(["$ref": .string("#/$defs/slug-text")]),
                "additionalProperties": value.json(overlay: overlay, objects: objects),
            ])
        case .oneOf(let shapes): return .object(["anyOf": .array(shapes.map { $0.json(overlay: overlay, objects: objects) })])
        case .number(let minimum, let maximum, let exclusiveMinimum, let integer):
            var n: [String: JSONText] = ["type": .string(integer ? "integer" : "number")]
            if let minimum { n["minimum"] = .number(minimum) }
            if let maximum { n["maximum"] = .number(maximum) }
            if let exclusiveMinimum { n["exclusiveMinimum"] = .number(exclusiveMinimum) }
            // YAML 1.2 reads `520_000` as text; the loader reads it as a number.
            return .object(["anyOf": .array([.object(n), .object(["$ref": .string("#/$defs/number-text")])])])
        case .constant(let word): return .object(["const": .string(word)])
        case .words(let words): return .object(["enum": .array(words.map(JSONText.string))])
        case .boolean: return .object(["type": .string("boolean")])
        case .raw(let json): return json
        }
    }
}

enum SchemaWriter {
    /// `$defs` for the objects, in a complete (`overlay` false) or an overlay variant.
    static func definitions(_ objects: [String: ObjectShape], overlay: Bool) -> [String: JSONText] {
        let prefix = overlay ? "overlay-" : ""
        var defs: [String: JSONText] = [:]
        for (name, object) in objects {
            var properties: [String: JSONText] = [:]
            for p in object.properties {
                var value = p.shape.json(overlay: overlay, objects: Set(objects.keys))
                if case .object(var members) = value {
                    members["description"] = .string(p.description)
                    value = .object(members)
                }
                properties[p.name] = value
            }
            if overlay, object.identified {
                properties["remove"] = .object([
                    "const": .bool(true),
                    "description": .string("In an overlay: delete the base's item with this id."),
                ])
            }
            var o: [String: JSONText] = [
                "type": .string("object"),
                "description": .string(object.description),
                "properties": .object(properties),
                "additionalProperties": .bool(false),
            ]
            let required = overlay ? (object.identified && object.overlayNeedsID ? ["id"] : []) : object.properties.filter(\.required).map(\.name)
            if !required.isEmpty { o["required"] = .array(required.map(JSONText.string)) }
            if !overlay { for (key, value) in object.strictExtras { o[key] = value } }
            defs[prefix + name] = .object(o)
        }
        return defs
    }

    /// Definitions every schema shares: slugs, day keys, numbers written as text.
    static var common: [String: JSONText] {
        let day = "(mon|tue|wed|thu|fri|sat|sun)"
        return [
            "slug-text": .object([
                "type": .string("string"), "pattern": .string("^[a-z0-9][a-z0-9-]*$"),
                "description": .string("An id: lowercase letters, digits and '-', starting with a letter or digit."),
            ]),
            "slug": .object([
                "anyOf": .array([.object(["$ref": .string("#/$defs/slug-text")]), .object(["type": .string("integer"), "minimum": .number(0)])]),
                "description": .string("An id: lowercase letters, digits and '-', starting with a letter or digit."),
            ]),
            "text": .object(["type": .array([.string("string"), .string("number"), .string("boolean")])]),
            "number-text": .object([
                "type": .string("string"), "pattern": .string("^[-+]?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?$"),
                "description": .string("A number with '_' between digits, e.g. 520_000."),
            ]),
            "day-key": .object([
                "type": .string("string"),
                "pattern": .string("^\\s*(\(day)|\(day)\\s*-\\s*\(day)|daily|weekdays|weekend)\\s*$"),
                "description": .string("mon … sun, a range such as mon-fri, daily, weekdays or weekend; a more specific key wins."),
            ]),
            "clock-range": .object([
                "type": .string("string"), "pattern": .string("^\\s*[0-9]{2}:[0-9]{2}\\s*-\\s*[0-9]{2}:[0-9]{2}\\s*$"),
                "description": .string("\"HH:MM-HH:MM\"; 24:00 is allowed as an end; the end comes after the start."),
            ]),
        ]
    }

    static func document(title: String, description: String, top: String,
                         objects: [String: ObjectShape], extra: [String: JSONText], overlayAllowed: Bool) -> JSONText {
        var defs = common.merging(extra) { a, _ in a }
        defs.merge(definitions(objects, overlay: false)) { a, _ in a }
        var root: [String: JSONText] = [
            "$schema": .string("https://json-schema.org/draft/2020-12/schema"),
            "title": .string(title),
            "description": .string(description),
        ]
        if overlayAllowed {
            defs.merge(definitions(objects, overlay: true)) { a, _ in a }
            root["if"] = .object(["required": .array([.string("extends")])])
            root["then"] = .object(["$ref": .string("#/$defs/overlay-\(top)")])
            root["else"] = .object(["$ref": .string("#/$defs/\(top)")])
        } else {
            root["$ref"] = .string("#/$defs/\(top)")
        }
        root["$defs"] = .object(defs)
        return .object(root)
    }
}
