import PitstopModel

extension ScenarioDecoder {
    func decodePersonas(_ top: Fields, sites: [Site]) -> [Persona] {
        guard withinLimit(top, "personas", ScenarioLimits.personas) else { return [] }
        return identified(top, "personas", noun: "persona", allowed: Keys.persona).map { item in
            let f = item.fields
            var persona = Persona(id: item.id, name: text(f, "name") ?? item.id)
            if let node = f["perspective"], let id = text(node, "'perspective'") {
                persona.perspective = id
                refer(.perspective, id, at: node.location)
            }
            if let node = f["profile"], let id = text(node, "'profile'") {
                persona.profile = id
                refer(.profile, id, at: node.location)
            }

            // Demand: exactly one of visits_per_year and arrivals_per_hour.
            let visits = f.entry("visits_per_year"), arrivals = f.entry("arrivals_per_hour")
            var visited: [String] = []
            switch (visits, arrivals) {
            case (nil, nil):
                error(.needsOneOf("visits_per_year", "arrivals_per_hour", in: "persona '\(item.id)'"), at: f.location)
            case (.some, .some(let second)):
                error(.exclusive("visits_per_year", "arrivals_per_hour"), at: second.keyLocation)
            case (let entry?, nil), (nil, let entry?):
                let amounts = demand(entry, persona: item.id)
                visited = amounts.map(\.site)
                let map = Dictionary(amounts.map { ($0.site, $0.amount) }, uniquingKeysWith: { _, last in last })
                persona.demand = entry.key == "visits_per_year" ? .visitsPerYear(map) : .arrivalsPerHour(map)
            }

            // Route: each zone must exist at every site visited (checked once all is decoded).
            var routeSteps: [(zone: String, location: SourceLocation)] = []
            defer { routeChecks.append(RouteCheck(sites: visited.uniqued(), steps: routeSteps)) }
            if let routeNode = required(f, "route"), let steps = list(routeNode, "'route'") {
                if steps.isEmpty { error(.wrongType("'route'", expected: "a list of at least one zone", found: "an empty list"), at: routeNode.location) }
                for (index, step) in steps.enumerated() {
                    let context = "step \(index + 1) of the route of persona '\(item.id)'"
                    guard let sf = fields(step, what: "each step of 'route'", context: context, allowed: Keys.routeStep) else { continue }
                    let zoneNode = required(sf, "zone")
                    let zone = zoneNode.flatMap { text($0, "'zone'") }
                    let dwell = required(sf, "dwell").flatMap { distribution($0, "'dwell'") }
                    let p = sf["p"].flatMap { probability($0, "'p'") } ?? 1
                    guard let zone, let zoneNode else { continue }
                    routeSteps.append((zone, zoneNode.location))
                    persona.route.append(RouteStep(zone: zone, dwell: dwell ?? .constant(0), p: p))
                }
            }

            // Dialogue.
            if let node = f["dialogue"],
                let df = fields(node, what: "'dialogue'", context: "the dialogue of persona '\(item.id)'", allowed: Keys.dialogue)
            {
                let p = df["p"].flatMap { probability($0, "'p'") } ?? 1
                let zoneNode = required(df, "zone")
                let zone = zoneNode.flatMap { text($0, "'zone'") }
                if let zone, let zoneNode, f.has("route"), !persona.route.contains(where: { $0.zone == zone }) {
                    error(
                        Message.dialogueZoneNotOnRoute(zone, persona: item.id).suggesting(sink.suggest(zone, in: persona.route.map(\.zone))),
                        at: zoneNode.location)
                }
                var competence: String?
                if let node = df["competence"], let id = text(node, "'competence'") {
                    competence = id
                    refer(.competence, id, at: node.location)
                }
                let duration = required(df, "duration").flatMap { distribution($0, "'duration'") }
                var patience: Distribution?
                if let node = df["patience"], node.scalar != "never" { patience = distribution(node, "'patience'") }
                persona.dialogue = Dialogue(p: p, zone: zone ?? "", competence: competence, duration: duration ?? .constant(0), patience: patience)
            }
            return persona
        }
    }

    /// A demand map: site ids to non-negative amounts. Warns when nothing arrives anywhere.
    func demand(_ entry: SourceNode.Entry, persona: String) -> [(site: String, amount: Double)] {
        guard let entries = entry.value.entries else {
            error(.wrongType("'\(entry.key)'", expected: "a map of site ids to numbers", found: entry.value.found), at: entry.value.location)
            return []
        }
        var amounts: [(String, Double)] = []
        var valid = true
        for e in entries {
            refer(.site, e.key, at: e.keyLocation)
            // Bounded so that a typo (an extra few zeros) cannot start a run that never ends:
            // 100,000 an hour is ~30 a second; 100 million a year is ~75 times Dokk1.
            let limit = entry.key == "arrivals_per_hour" ? ScenarioLimits.arrivalsPerHour : ScenarioLimits.visitsPerYear
            let range = "between 0 and \(Int(limit).formatted)"
            if let amount = number(e.value, "'\(entry.key)'", range, { $0 >= 0 && $0 <= limit }) {
                amounts.append((e.key, amount))
                demandLocations.append((persona, e.key, e.value.location))
            } else {
                valid = false
            }
        }
        if valid, amounts.allSatisfy({ $0.1 == 0 }) { warning(.noArrivals(persona), at: entry.value.location) }
        return amounts
    }

    /// A distribution string, or a bare number as shorthand for `const(x)`.
    func distribution(_ node: SourceNode, _ what: String) -> Distribution? {
        guard let text = node.scalar, !node.isNull else {
            error(.wrongType(what, expected: "a distribution such as exp(10) or lognormal(25, 10)", found: node.found), at: node.location)
            return nil
        }
        // A bare number is const(x), checked as one.
        let written = parseNumber(text).map { $0 >= 0 ? "const(\(String($0)))" : text } ?? text
        switch Distribution.parse(written) {
        case .success(let distribution): return distribution
        case .failure(let problem):
            error(.badDistribution(text, problem), at: node.location)
            return nil
        }
    }

    func probability(_ node: SourceNode, _ what: String) -> Double? {
        number(node, what, "between 0 and 1") { (0...1).contains($0) }
    }
}
