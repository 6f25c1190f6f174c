import PitstopModel

/// The sweep format (format 1), key by key, as docs describe it.
enum SweepFormat {
    static let objects: [String: ObjectShape] = [
        "sweep": ObjectShape(description: "A Pitstop sweep: many variants of one scenario, each with some --set values, on the same simulated visitors.", properties: [
            Property("format", .raw(.object(["const": .integer(1)])), "The format version: 1.", required: true),
            Property("name", .ref("text"), "The sweep's name: the question it answers.", required: true),
            Property("description", .ref("text"), "One paragraph."),
            Property("scenario", .raw(.object(["type": .string("string")])), "The scenario every variant changes, relative to this file.", required: true),
            Property("compare_with", .raw(.object(["type": .string("string")])), "A scenario every variant is also paired with, relative to this file."),
            Property("parameters", .list(.ref("parameter")), "The parameters: a --set path and its values each.", required: true),
            Property("design", .oneOf([
                .words(["grid", "one-at-a-time"]),
                .raw(.object([
                    "type": .string("object"), "additionalProperties": .bool(false), "required": .array([.string("lhs")]),
                    "properties": .object([
                        "lhs": .object(["type": .string("integer"), "minimum": .number(2), "maximum": .number(100_000),
                                        "description": .string("Variants of a Latin hypercube.")]),
                        "seed": .object(["type": .string("integer"), "minimum": .number(0), "description": .string("The hypercube's seed (default 1).")]),
                    ]),
                ])),
            ]), "grid (every combination, the default), one-at-a-time, or { lhs: N, seed: S }."),
            Property("simulation", .ref("simulation"), "Run settings for every variant (default: the scenario's)."),
            Property("target", .ref("target"), "What the sweep looks for: an objective, requirements, or both."),
        ]),
        "parameter": ObjectShape(description: "A parameter: a --set path and the values it takes.", properties: [
            Property("set", .raw(.object(["type": .string("string")])), "A --set path, e.g. staff.mindspotter-main.count.", required: true),
            Property("values", .list(.raw(.object([:]))), "Listed values, each as --set takes it."),
            Property("range", .raw(.object([
                "type": .string("array"), "minItems": .integer(2), "maxItems": .integer(2), "items": .object(["type": .string("number")]),
            ])), "[low, high]: a continuous range."),
            Property("steps", .number(minimum: 2, integer: true), "Evenly spaced values of a range, ends included (grid and one-at-a-time)."),
        ], strictExtras: [
            "oneOf": .array([
                .object(["required": .array([.string("values")])]),
                .object(["required": .array([.string("range")])]),
            ]),
        ]),
        "simulation": ObjectShape(description: "Run settings for every variant.", properties: [
            Property("days", .number(minimum: 1, integer: true), "Simulated days per replication."),
            Property("warmup_days", .number(minimum: 0, integer: true), "Days simulated before statistics start."),
            Property("replications", .number(minimum: 1, integer: true), "Replications."),
            Property("seed", .number(minimum: 0, integer: true), "The random seed: the same for every variant."),
        ]),
        "target": ObjectShape(description: "The best variant whose requirements hold with 95 % confidence.", properties: [
            Property("minimise", .ref("text"), "A KPI to minimise, e.g. annual_staff_cost."),
            Property("maximise", .ref("text"), "A KPI to maximise."),
            Property("require", .list(.raw(.object([
                "type": .string("string"), "pattern": .string("^\\s*[a-z0-9_]+\\s*(>=|<=|>|<)\\s*[-+0-9.eE_]+\\s*$"),
            ]))), "Requirements such as \"served_share >= 0.80\"."),
        ]),
    ]
}

extension FormatSchema {
    static var sweepDocument: JSONText {
        SchemaWriter.document(
            title: "Pitstop sweep (format 1)",
            description: "A sweep file of Pitstop: variants of one scenario run on the same simulated visitors, with an optional target.",
            top: "sweep", objects: SweepFormat.objects, extra: [:], overlayAllowed: false)
    }
}
