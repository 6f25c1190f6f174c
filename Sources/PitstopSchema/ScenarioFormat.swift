import PitstopModel

/// The scenario format (format 1), key by key, as docs/scenario-format.md describes it.
enum ScenarioFormat {
    static let hours: Shape = .oneOf([
        .ref("clock-range"), .constant("closed"), .list(.ref("clock-range")), .raw(.object(["type": .string("null")])),
    ])
    static let hourMap: Shape = .dayMap(hours)
    static let ids: Shape = .oneOf([.ref("slug"), .list(.ref("slug"))])
    static let distribution: Shape = .ref("distribution")
    static let probability: Shape = .number(minimum: 0, maximum: 1)
    static let text: Shape = .ref("text")
    static let id: Shape = .ref("slug")
    static let pair: Shape = .raw(.object([
        "type": .string("array"), "minItems": .integer(2), "maxItems": .integer(2),
        "items": .object(["anyOf": .array([.object(["type": .string("number")]), .object(["$ref": .string("#/$defs/number-text")])])]),
    ]))

    static let objects: [String: ObjectShape] = [
        "scenario": ObjectShape(description: "A Pitstop scenario (format 1): an organisation, its buildings, its staff and its visitors.", properties: [
            Property("format", .raw(.object(["const": .integer(1)])), "The format version: 1.", required: true),
            Property("name", text, "Display name, used in titles and reports.", required: true),
            Property("description", text, "One paragraph."),
            Property("extends", .raw(.object(["type": .string("string")])), "Load this scenario first (a path relative to this file), then this file on top."),
            Property("currency", text, "Currency of every cost (default DKK)."),
            Property("week_hours", .number(maximum: 168, exclusiveMinimum: 0), "Contracted hours per week for an fte of 1.0 (default 37)."),
            Property("perspectives", .list(.ref("perspective")), "User perspectives: how visitors are grouped."),
            Property("competences", .list(.ref("competence")), "Competences staff hold and dialogues need."),
            Property("sites", .list(.ref("site")), "Buildings, with floors and zones."),
            Property("organisation", .ref("organisation"), "The leader forum and the units."),
            Property("staff", .list(.ref("staff")), "Positions: people, groups (count) and vacancies."),
            Property("staffing", .ref("staffing"), "Explicit shifts and rules from which a rota is generated."),
            Property("personas", .list(.ref("persona")), "Visitor segments: demand, route and dialogue."),
            Property("profiles", .list(.ref("profile")), "Arrival profiles: weights by hour and by day."),
            Property("simulation", .ref("simulation"), "Run length and seed (the command line overrides them)."),
            Property("set", .raw(.object(["type": .string("array"), "items": .object(["type": .string("string"), "pattern": .string("^[^=]+=")])])),
                     "--sets kept in the file: PATH=VALUE, applied after this file and what it extends, in order (docs/whatif.md)."),
        ]),
        "perspective": ObjectShape(description: "A user perspective.", properties: [
            Property("id", id, "The perspective's id.", required: true),
            Property("name", text, "Its name, e.g. Det private menneske (default: the id)."),
            Property("colour", .raw(.object(["type": .string("string")])), "A CSS colour in quotes, e.g. \"#E07A5F\" (unquoted, # starts a comment)."),
        ], identified: true),
        "competence": ObjectShape(description: "A competence.", properties: [
            Property("id", id, "The competence's id.", required: true),
            Property("name", text, "Its name (default: the id)."),
        ], identified: true),
        "site": ObjectShape(description: "A building.", properties: [
            Property("id", id, "The site's id.", required: true),
            Property("name", text, "Its name (default: the id)."),
            Property("staffed_hours", hourMap, "Hours with staff on duty, by day: { mon-fri: \"10:00-19:00\", sat: \"10:00-14:00\" }."),
            Property("open_hours", hourMap, "Self-service hours without staff, by day; visitors come in staffed and open hours."),
            Property("floor", .ref("floor"), "The floor in metres (default: the smallest that holds every zone)."),
            Property("zones", .list(.ref("zone")), "The zones on the floor (at most 1,000)."),
            Property("links", .list(.raw(.object([
                "type": .string("array"), "minItems": .integer(2), "maxItems": .integer(2), "items": .object(["$ref": .string("#/$defs/slug")]),
            ]))), "Walkable neighbours: pairs of zone ids, drawn on the floor map."),
            Property("travel", .idMap(.number(minimum: 0)), "Minutes for staff to travel to another site, by site id."),
        ], identified: true),
        "floor": ObjectShape(description: "A floor in metres.", properties: [
            Property("width", .number(exclusiveMinimum: 0), "Metres.", required: true),
            Property("depth", .number(exclusiveMinimum: 0), "Metres.", required: true),
        ]),
        "zone": ObjectShape(description: "A zone on a site's floor.", properties: [
            Property("id", id, "The zone's id, unique within its site; not 'roving'.", required: true),
            Property("name", text, "Its name (default: the id)."),
            Property("perspective", id, "The perspective the zone serves."),
            Property("capacity", .oneOf([.number(minimum: 0, integer: true), .constant("unlimited")]), "Persons present at once, or unlimited (default)."),
            Property("at", pair, "[x, y] in metres: the lower-left corner on the floor.", required: true),
            Property("size", pair, "[width, depth] in metres.", required: true),
        ], identified: true),
        "organisation": ObjectShape(description: "The leader forum and the units.", properties: [
            Property("name", text, "The organisation's name (default: the scenario's)."),
            Property("leader_forum", .ref("leader-forum"), "The top of the organisation."),
            Property("units", .list(.ref("unit")), "Organisational units."),
        ]),
        "leader-forum": ObjectShape(description: "The leader forum: its chair is the top of the reporting tree.", properties: [
            Property("name", text, "E.g. Lederforum (default: Leader forum)."),
            Property("chair", id, "A staff id: the top of the reporting tree.", required: true),
            Property("members", ids, "Staff ids."),
        ]),
        "unit": ObjectShape(description: "An organisational unit: by site or by user perspective.", properties: [
            Property("id", id, "The unit's id.", required: true),
            Property("name", text, "Its name (default: the id)."),
            Property("site", id, "For a site unit: the site id."),
            Property("perspective", id, "For a perspective unit, spanning sites: the perspective id."),
            Property("lead", id, "The unit's lead: one position (not a group)."),
            Property("parent", id, "The unit this one nests in."),
            Property("covers", .list(.ref("coverage")), "The zones this unit staffs."),
        ], identified: true),
        "coverage": ObjectShape(description: "Zones a unit staffs at one site.", properties: [
            Property("site", id, "A site id.", required: true),
            Property("zones", ids, "Zone ids at that site.", required: true),
        ]),
        "staff": ObjectShape(description: "A position: a person, a group of identical positions (count) or a vacancy.", properties: [
            Property("id", id, "The position's id (for a group, the stem: lib-1 … lib-n).", required: true),
            Property("name", text, "The person's name; required for a filled single position."),
            Property("title", text, "The job title; required when there is no name."),
            Property("profession", text, "Free form: librarian, educator, social-worker, …"),
            Property("unit", id, "The unit id (left out for people outside every unit)."),
            Property("manager", id, "A staff id: overrides the reporting line."),
            Property("fte", .number(maximum: 1.5, exclusiveMinimum: 0), "Full-time equivalent, above 0 and at most 1.5 (default 1)."),
            Property("cost", .number(minimum: 0, maximum: 1_000_000_000),
                     "The fully loaded yearly cost of the position in the scenario's currency, at its fte: pay plus pension, holiday pay and other employer costs."),
            Property("competences", ids, "Competence ids."),
            Property("sites", ids, "Site ids where the person may work (default: the unit's)."),
            Property("vacant", .boolean, "A position to recruit: drawn and costed, never on duty."),
            Property("count", .number(minimum: 1, maximum: 10_000, integer: true), "Group form: this many identical positions."),
        ], identified: true),
        "staffing": ObjectShape(description: "Who is where: explicit shifts, and rules from which a rota is generated.", properties: [
            Property("floor_share", probability, "Share of contracted hours available for floor duty (default 0.5)."),
            Property("max_shift_hours", .number(maximum: 24, exclusiveMinimum: 0), "Longest generated shift in hours (default 7.5)."),
            Property("absence_rate", probability, "Chance that a person is absent on a working day (default 0.04)."),
            Property("dispatch", .words(["fcfs", "competence-first"]),
                     "Who serves whom when a staff member becomes free: fcfs (first come, first served; default) or competence-first."),
            Property("max_wait", .number(minimum: 0, maximum: 1440),
                     "Minutes a request waits for someone with its competence before anyone may take it (competence-first; default 10)."),
            Property("shifts", .list(.ref("shift")), "Explicit shifts, placed first."),
            Property("rules", .list(.ref("rule")), "Rules: at least min_staff present in a zone."),
        ]),
        "shift": ObjectShape(description: "An explicit shift.", properties: [
            Property("id", id, "A label, so that an overlay can change or remove this shift."),
            Property("staff", ids, "Staff or group ids.", required: true),
            Property("site", id, "The site id.", required: true),
            Property("zone", id, "A zone id, or roving: any zone at the site."),
            Property("roving", .boolean, "roving: true instead of zone: roving."),
            Property("days", .oneOf([.ref("day-key"), .list(.ref("day-key"))]), "A day key or a list of them (default daily)."),
            Property("hours", .ref("clock-range"), "\"HH:MM-HH:MM\".", required: true),
        ], identified: true, overlayNeedsID: false),
        "rule": ObjectShape(description: "A staffing rule: at least min_staff present in the zone in its hours.", properties: [
            Property("id", id, "A label, so that an overlay can change or remove this rule."),
            Property("site", id, "The site id.", required: true),
            Property("zone", id, "A zone id, or roving."),
            Property("roving", .boolean, "roving: true instead of zone: roving."),
            Property("min_staff", .number(minimum: 1, integer: true), "At least this many present (default 1)."),
            Property("hours", hourMap, "When the rule applies (default: the site's staffed hours)."),
            Property("by", ids, "Unit ids to draw staff from (default: the units that cover the zone)."),
        ], identified: true, overlayNeedsID: false),
        "persona": ObjectShape(description: "A visitor segment.", properties: [
            Property("id", id, "The persona's id.", required: true),
            Property("name", text, "Its name, e.g. Den gravide (default: the id)."),
            Property("perspective", id, "The perspective id."),
            Property("visits_per_year", .idMap(.number(minimum: 0, maximum: 100_000_000)), "Visits a year by site id, spread over the year by the profile within the site's open hours."),
            Property("arrivals_per_hour", .idMap(.number(minimum: 0, maximum: 100_000)), "Arrivals an hour at a profile weight of 1, by site id."),
            Property("profile", id, "A profile id (default: flat over open hours)."),
            Property("route", .list(.ref("route-step")), "The zones walked, in order.", required: true),
            Property("dialogue", .ref("dialogue"), "The visitor's request for a conversation with staff."),
        ], identified: true, strictExtras: [
            "oneOf": .array([
                .object(["required": .array([.string("visits_per_year")])]),
                .object(["required": .array([.string("arrivals_per_hour")])]),
            ]),
        ]),
        "route-step": ObjectShape(description: "One step of a route.", properties: [
            Property("zone", id, "The zone id.", required: true),
            Property("dwell", distribution, "Minutes spent in the zone.", required: true),
            Property("p", probability, "Chance to visit this zone (default 1)."),
        ]),
        "dialogue": ObjectShape(description: "The meeting: a request for a conversation with staff.", properties: [
            Property("p", probability, "Chance per visit (default 1)."),
            Property("zone", id, "Where it is asked for; on the route.", required: true),
            Property("competence", id, "The competence preferred."),
            Property("duration", distribution, "Minutes.", required: true),
            Property("patience", .oneOf([distribution, .constant("never")]), "How long the visitor waits before giving up (default never)."),
        ]),
        "profile": ObjectShape(description: "An arrival profile: weight(day, hour) = hours[hour] × days[day].", properties: [
            Property("id", id, "The profile's id.", required: true),
            Property("hours", .raw(.object([
                "type": .string("array"), "minItems": .integer(24), "maxItems": .integer(24),
                "items": .object(["anyOf": .array([
                    .object(["type": .string("number"), "minimum": .number(0)]), .object(["$ref": .string("#/$defs/number-text")]),
                ])]),
            ])), "24 relative weights, hour 0 first; 0 or more, not all zero.", required: true),
            Property("days", .dayMap(.number(minimum: 0)), "Relative weight per day (default: every day 1; days left out weigh 0)."),
        ], identified: true),
        "simulation": ObjectShape(description: "Run length and seed.", properties: [
            Property("days", .number(minimum: 1, integer: true), "Simulated days per replication (default 28)."),
            Property("warmup_days", .number(minimum: 0, integer: true), "Days simulated before statistics start (default 0)."),
            Property("replications", .number(minimum: 1, integer: true), "Replications (default 20)."),
            Property("seed", .number(minimum: 0, integer: true), "The random seed (default 2339); at most 18446744073709551615."),
            Property("demand_scale", .number(maximum: 100, exclusiveMinimum: 0), "Multiplies every persona's arrival rate (default 1): 1.2 is 20 % more visits."),
        ]),
    ]

    static let distributionDefinition: JSONText = .object([
        "description": .string("const(x), exp(mean), uniform(a, b), triangular(min, mode, max), normal(mean, sd), lognormal(mean, sd) — or a number, const(x)."),
        "anyOf": .array([
            .object(["type": .string("number"), "minimum": .number(0)]),
            .object([
                "type": .string("string"),
                "pattern": .string("^\\s*((const|exp|uniform|triangular|normal|lognormal)\\s*\\(.*\\)|[0-9][0-9_]*(\\.[0-9_]*)?)\\s*$"),
            ]),
        ]),
    ])
}

extension FormatSchema {
    static var scenarioDocument: JSONText {
        SchemaWriter.document(
            title: "Pitstop scenario (format 1)",
            description: "A scenario file of Pitstop, the organisation-design simulator for public libraries. An overlay (a file with 'extends') may leave out anything its base gives.",
            top: "scenario", objects: ScenarioFormat.objects,
            extra: ["distribution": ScenarioFormat.distributionDefinition], overlayAllowed: true)
    }
}
