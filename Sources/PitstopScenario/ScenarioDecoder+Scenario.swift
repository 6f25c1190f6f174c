import PitstopModel

/// The keys of each mapping in format 1 (and the loader's additions).
enum Keys {
    static let top = [
        "format", "name", "description", "extends", "currency", "week_hours", "perspectives", "competences", "sites",
        "organisation", "staff", "staffing", "personas", "profiles", "simulation",
        // Read by the loader before decoding: `--set`s kept in the file (ScenarioLoader).
        "set",
    ]
    static let perspective = ["id", "name", "colour"]
    static let competence = ["id", "name"]
    static let site = ["id", "name", "staffed_hours", "open_hours", "floor", "zones", "links", "travel"]
    static let floor = ["width", "depth"]
    static let zone = ["id", "name", "perspective", "capacity", "at", "size"]
    static let organisation = ["name", "leader_forum", "units"]
    static let leaderForum = ["name", "chair", "members"]
    static let unit = ["id", "name", "site", "perspective", "lead", "parent", "covers"]
    static let coverage = ["site", "zones"]
    static let staff = [
        "id", "name", "title", "profession", "unit", "manager", "fte", "cost", "competences", "sites", "vacant", "count",
    ]
    static let staffing = ["floor_share", "max_shift_hours", "absence_rate", "dispatch", "max_wait", "shifts", "rules"]
    static let shift = ["id", "staff", "site", "zone", "roving", "days", "hours"]
    static let rule = ["id", "site", "zone", "roving", "min_staff", "hours", "by"]
    static let persona = ["id", "name", "perspective", "visits_per_year", "arrivals_per_hour", "profile", "route", "dialogue"]
    static let routeStep = ["zone", "dwell", "p"]
    static let dialogue = ["p", "zone", "competence", "duration", "patience"]
    static let profile = ["id", "hours", "days"]
    static let simulation = ["days", "warmup_days", "replications", "seed", "demand_scale"]
}

/// A reference from one part of the scenario to an id declared in another, resolved
/// after everything is decoded.
struct Reference {
    enum Kind {
        case site
        case zone(site: String)
        case unit
        case perspective
        case competence
        case profile
        /// One position (not a group).
        case person(role: String)
    }

    var kind: Kind
    var id: String
    var location: SourceLocation
    /// The message for an unknown id, when not the usual "unknown <noun> '<id>'".
    var unknown: ((String) -> Message)?

    init(_ kind: Kind, _ id: String, at location: SourceLocation, unknown: ((String) -> Message)? = nil) {
        self.kind = kind
        self.id = id
        self.location = location
        self.unknown = unknown
    }
}

extension ScenarioDecoder {
    func refer(_ kind: Reference.Kind, _ id: String, at location: SourceLocation, unknown: ((String) -> Message)? = nil) {
        references.append(Reference(kind, id, at: location, unknown: unknown))
    }

    /// Decodes the whole scenario. The result is meaningful only when no error was reported.
    func decode(_ root: SourceNode) -> Scenario {
        guard let top = fields(root, what: "the top level of a scenario", context: "", allowed: Keys.top) else {
            return Scenario(name: "")
        }
        if let format = required(top, "format") {
            if format.scalar.flatMap(parseNumber) != 1 {
                error(.unsupportedFormat(format.scalar.map { "'\($0)'" } ?? format.found), at: format.location)
            }
        }
        let name = requiredText(top, "name") ?? ""
        var scenario = Scenario(name: name)
        scenario.description = text(top, "description")
        if let extends = top.entry("extends"), !extends.value.isNull {
            // Resolved before decoding; a stray one (in a base read without overlays) is ignored.
            _ = text(extends.value, "'extends'")
        }
        scenario.currency = text(top, "currency") ?? "DKK"
        scenario.weekHours = number(top, "week_hours", "more than 0 and at most 168") { $0 > 0 && $0 <= 168 } ?? 37
        weekHours = scenario.weekHours

        scenario.perspectives = identified(top, "perspectives", noun: "perspective", allowed: Keys.perspective).map { item in
            if let colour = item.fields.entry("colour"), colour.value.isNull {
                // `colour: #E07A5F` unquoted is a comment: the colour would vanish silently.
                error(.unquotedColour, at: colour.keyLocation)
            }
            return Perspective(id: item.id, name: text(item.fields, "name") ?? item.id, colour: text(item.fields, "colour"))
        }
        scenario.competences = identified(top, "competences", noun: "competence", allowed: Keys.competence).map { item in
            Competence(id: item.id, name: text(item.fields, "name") ?? item.id)
        }
        scenario.profiles = decodeProfiles(top)
        scenario.sites = decodeSites(top)
        scenario.staff = decodeStaff(top)
        scenario.organisation = decodeOrganisation(top, scenarioName: name)
        scenario.staffing = decodeStaffing(top, scenario: scenario)
        scenario.personas = decodePersonas(top, sites: scenario.sites)
        scenario.simulation = decodeSimulation(top)

        resolveReferences(in: scenario)
        validate(scenario)
        return scenario
    }

    func decodeSimulation(_ top: Fields) -> SimulationSettings {
        var settings = SimulationSettings()
        guard let node = top["simulation"],
            let f = fields(node, what: "'simulation'", context: "'simulation'", allowed: Keys.simulation)
        else { return settings }
        let maxDays = ScenarioLimits.days
        if let days = integer(f, "days", "between 1 and \(maxDays.formatted)", { $0 >= 1 && $0 <= maxDays }) { settings.days = days }
        if let warmup = integer(f, "warmup_days", "between 0 and \(maxDays.formatted)", { $0 >= 0 && $0 <= maxDays }) {
            settings.warmupDays = warmup
        }
        let maxReplications = ScenarioLimits.replications
        if let replications = integer(
            f, "replications", "between 1 and \(maxReplications.formatted)", { $0 >= 1 && $0 <= maxReplications })
        {
            settings.replications = replications
        }
        if let problem = ScenarioLimits.runLengthProblems(days: settings.days, replications: settings.replications).first {
            error(Message(problem), at: f["replications"]?.location ?? f["days"]?.location ?? f.location)
        }
        if let seedNode = f["seed"] {
            if let text = seedNode.scalar, let seed = UInt64(text.replacingUnderscores()) {
                settings.seed = seed
            } else {
                error(.wrongType("'seed'", expected: "a whole number from 0 to \(UInt64.max)", found: seedNode.found), at: seedNode.location)
            }
        }
        let maxScale = ScenarioLimits.demandScale
        if let scale = number(f, "demand_scale", "more than 0 and at most \(maxScale.shortText)", { $0 > 0 && $0 <= maxScale }) {
            settings.demandScale = scale
            demandScaleLocation = f["demand_scale"]?.location
        }
        return settings
    }

    func decodeProfiles(_ top: Fields) -> [Profile] {
        let weightRange = "between 0 and \(Int(ScenarioLimits.profileWeight).formatted)"
        guard withinLimit(top, "profiles", ScenarioLimits.profiles) else { return [] }
        return identified(top, "profiles", noun: "profile", allowed: Keys.profile).map { item in
            let f = item.fields
            var profile = Profile(id: item.id, hours: Array(repeating: 1, count: 24))
            if let hoursNode = required(f, "hours"), let items = list(hoursNode, "'hours'") {
                var weights: [Double] = []
                var ok = true
                for value in items {
                    if let w = number(value, "an hourly weight", weightRange, { $0 >= 0 && $0 <= ScenarioLimits.profileWeight }) {
                        weights.append(w)
                    } else {
                        ok = false
                    }
                }
                if items.count != 24 {
                    error(.profileHourCount(item.id, found: items.count), at: hoursNode.location)
                } else if ok, weights.allSatisfy({ $0 == 0 }) {
                    error(.profileAllZero(item.id, what: "hourly"), at: hoursNode.location)
                } else if ok {
                    profile.hours = weights
                }
            }
            if let daysNode = f["days"] {
                let errorsBefore = sink.errorCount
                let byDay = dayMap(daysNode, "'days'") { value in
                    number(value, "a day weight", weightRange) { $0 >= 0 && $0 <= ScenarioLimits.profileWeight }
                }
                if let byDay, sink.errorCount == errorsBefore {
                    let weights = Weekday.allCases.map { byDay[$0] ?? 0 }
                    if weights.allSatisfy({ $0 == 0 }) {
                        error(.profileAllZero(item.id, what: "day"), at: daysNode.location)
                    } else {
                        profile.days = weights
                    }
                }
            }
            return profile
        }
    }
}
