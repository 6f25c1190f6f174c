import PitstopModel

/// What a simulation measured of each persona's visits: means per simulated day.
public struct JourneyFigures: Sendable, Hashable {
    /// One persona's figures; nil where not measured (a persona without a dialogue has only visits).
    public struct Persona: Sendable, Hashable {
        public var visits: Double?
        public var dialoguesRequested: Double?
        public var dialoguesServed: Double?
        /// Share of served dialogues that had to wait (0…1).
        public var waitShare: Double?
        public var waitMeanMinutes: Double?
        /// Requests given up (patience ran out, or nobody on duty to ask).
        public var abandoned: Double?

        public init(
            visits: Double? = nil, dialoguesRequested: Double? = nil, dialoguesServed: Double? = nil,
            waitShare: Double? = nil, waitMeanMinutes: Double? = nil, abandoned: Double? = nil
        ) {
            self.visits = visits
            self.dialoguesRequested = dialoguesRequested
            self.dialoguesServed = dialoguesServed
            self.waitShare = waitShare
            self.waitMeanMinutes = waitMeanMinutes
            self.abandoned = abandoned
        }
    }

    /// By persona id.
    public var personas: [String: Persona]
    /// What the figures are, drawn under the title as given ("20 replications × 28 days").
    public var note: String

    public init(personas: [String: Persona] = [:], note: String = "") {
        self.personas = personas
        self.note = note
    }

    /// From the mean of each KPI by persona id, named as in the results contract (`visits`,
    /// `dialogues_requested`, `dialogues_served`, `wait_prob`, `wait_mean_min`, `abandoned`):
    /// `JourneyFigures(kpiMeans: results.personas.mapValues { $0.mapValues(\.mean) })`.
    public init(kpiMeans: [String: [String: Double]], note: String = "") {
        var personas: [String: Persona] = [:]
        for (id, kpis) in kpiMeans {
            personas[id] = Persona(
                visits: kpis["visits"], dialoguesRequested: kpis["dialogues_requested"],
                dialoguesServed: kpis["dialogues_served"], waitShare: kpis["wait_prob"],
                waitMeanMinutes: kpis["wait_mean_min"], abandoned: kpis["abandoned"])
        }
        self.init(personas: personas, note: note)
    }
}

/// What a journey chart shows.
public struct JourneyChartOptions: Sendable, Hashable {
    /// Prefix for the SVG element ids and the graph id (several SVGs in one HTML page).
    public var idPrefix: String?
    public var language: DiagramLanguage

    public init(idPrefix: String? = nil, language: DiagramLanguage = .en) {
        self.idPrefix = idPrefix
        self.language = language
    }
}

/// The journeys of one user perspective's personas through the rooms, as DOT for the `dot`
/// layout (the seed deck's "processes" slides: the private person, the citizen, the
/// professional).
///
/// One lane a persona, left to right: the persona (its name and visits), then the zones of
/// its route in order, each with its name (at the site the persona visits most), the mean
/// dwell and — when the step is not certain — the chance of going there on the arrow and a
/// dashed border. The zone where the dialogue is asked for is marked: how often it is asked,
/// the competence it needs (by name) and how long it takes; with ``JourneyFigures`` also how
/// many asked, were served, had to wait and gave up there a day. Zones are coloured by their
/// perspective, as on the floor maps. Node ids: `j<n>` (persona n of the perspective) and
/// `j<n>s<k>` (its k-th step).
public enum JourneyChart {
    /// The perspectives that have at least one persona, in scenario order.
    public static func perspectives(in scenario: Scenario) -> [Perspective] {
        let used = Set(scenario.personas.compactMap(\.perspective))
        return scenario.perspectives.uniquedByID().filter { used.contains($0.id) }
    }

    /// The journeys of `perspective`'s personas (an empty chart with its title when it has none).
    public static func dot(
        _ scenario: Scenario, perspective: String, results: JourneyFigures? = nil, options: JourneyChartOptions = .init()
    ) -> String {
        JourneyBuilder(scenario: scenario, perspective: perspective, results: results, options: options).build()
    }
}

struct JourneyBuilder {
    let scenario: Scenario
    let perspective: String
    let results: JourneyFigures?
    let options: JourneyChartOptions

    var words: DiagramWords { DiagramWords(options.language) }

    static let stepWidth = 150.0

    func build() -> String {
        let w0 = words
        var w = DOTWriter(idPrefix: options.idPrefix)
        let colours = Palette.perspectiveColours(scenario)
        let name = scenario.perspective(perspective)?.name ?? perspective
        let personas = scenario.personas.filter { $0.perspective == perspective }
        let base = colours[perspective].map { Swatch(base: $0) } ?? .neutral

        let dialogueSwatch = "<TD WIDTH=\"24\" HEIGHT=\"15\" FIXEDSIZE=\"TRUE\" BGCOLOR=\"white\" COLOR=\"\(base.managerBorder)\" BORDER=\"2\"></TD>"
        let legend: [(String, String)] = [
            (dialogueSwatch, w0.dialogueStepLegend),
            (ChartStyle.swatchCell(fill: "white", border: Swatch.neutral.border, dashed: true), w0.optionalStepLegend),
        ]
        var subtitle = w0.journeysSubtitle(personas.count)
        if let results, !results.note.isEmpty { subtitle += " · " + results.note }
        let title = ChartStyle.titleBlock(title: w0.journeysTitle(name), subtitle: subtitle, legend: legend)

        w.open("digraph \"journeys\"")
        var graph: [(String, String)] = [
            ("fontname", V.q(ChartStyle.font)), ("fontsize", "11"), ("fontcolor", V.q(Palette.text)),
            ("rankdir", "LR"), ("newrank", "true"), ("nodesep", "0.18"), ("ranksep", "0.35"), ("pad", "0.3"),
            ("bgcolor", V.q("white")), ("labelloc", "t"), ("labeljust", "l"), ("label", V.html(title)),
        ]
        if let prefix = w.idPrefix { graph.append(("id", V.q(prefix))) }
        w.defaults("graph", graph)
        w.defaults("node", [
            ("fontname", V.q(ChartStyle.font)), ("fontsize", "9"), ("fontcolor", V.q(Palette.text)), ("shape", "box"),
            ("style", V.q("rounded,filled")), ("penwidth", "1.2"), ("margin", V.q("0.1,0.06")),
        ])
        w.defaults("edge", [
            ("fontname", V.q(ChartStyle.font)), ("fontsize", "9"), ("fontcolor", V.q(Palette.text)),
            ("color", V.q(Palette.edge)), ("penwidth", "1.3"), ("arrowsize", "0.7"),
        ])

        // One lane a persona; dot 2.42 takes the lanes in the reverse of the file's order.
        var lanes: [(id: String, steps: [String])] = []
        for (index, persona) in personas.enumerated() {
            let id = "j\(index + 1)"
            lanes.append((id, persona.route.indices.map { "\(id)s\($0 + 1)" }))
        }
        for (index, persona) in personas.enumerated().reversed() {
            let lane = lanes[index]
            w.openCluster("cluster_\(lane.id)", [
                ("label", V.q("")), ("style", V.q("rounded,filled")), ("fillcolor", V.q(index.isMultiple(of: 2) ? "#FAFAFB" : "#F3F4F6")),
                ("color", V.q("#E3E6EA")), ("penwidth", "0.8"), ("margin", "6"),
            ])
            w.node(lane.id, [
                ("label", V.html(personaLabel(persona))), ("fillcolor", V.q(base.managerFill)), ("color", V.q(base.managerBorder)),
                ("penwidth", "1.8"),
            ])
            let sites = siteOrder(persona)
            for (k, step) in persona.route.enumerated() {
                let zone = zone(step.zone, sites: sites)
                let dialogue = persona.dialogue.flatMap { $0.zone == step.zone ? $0 : nil }
                var fill = "#EEF0F2", border = "#8A9099"
                if let p = zone?.perspective, let colour = colours[p] {
                    fill = colour.tint(0.72).hex
                    border = colour.shade(0.15).hex
                }
                var style = "rounded,filled"
                if step.p < 1 { style += ",dashed" }
                var attributes: [(String, String)] = [
                    ("label", V.html(stepLabel(step, zoneName: zone?.name ?? step.zone, dialogue: dialogue, persona: persona))),
                    ("fillcolor", V.q(fill)), ("color", V.q(dialogue != nil ? base.managerBorder : border)),
                    ("style", V.q(style)),
                ]
                if dialogue != nil { attributes.append(("penwidth", "2.6")) }
                w.node(lane.steps[k], attributes)
            }
            w.close()
        }
        for (index, persona) in personas.enumerated() {
            let lane = lanes[index]
            var previous = lane.id
            for (k, step) in persona.route.enumerated() {
                var attributes: [(String, String)] = []
                if step.p < 1 {
                    attributes = [("label", V.html(H.font(H.b(w0.percent(step.p)), size: 9))), ("style", "dashed")]
                }
                w.edge(previous, lane.steps[k], attributes)
                previous = lane.steps[k]
            }
        }
        // Lanes stay in file order, one under the other, aligned on their persona.
        for pair in zip(lanes, lanes.dropFirst()) {
            w.edge(pair.0.id, pair.1.id, [("style", "invis"), ("constraint", "false")])
        }
        w.close()
        return w.text
    }

    /// The persona's sites, most visits first (ties in id order).
    func siteOrder(_ persona: Persona) -> [String] {
        persona.demand.sites.sorted { (persona.demand.amount(at: $0), $1) > (persona.demand.amount(at: $1), $0) }
    }

    /// The zone with this id at the first of `sites` that has one (else at any site).
    func zone(_ id: String, sites: [String]) -> Zone? {
        for site in sites {
            if let zone = scenario.site(site)?.zones.first(where: { $0.id == id }) { return zone }
        }
        return scenario.sites.lazy.compactMap { $0.zones.first { $0.id == id } }.first
    }

    func personaLabel(_ persona: Persona) -> String {
        var lines = [H.font(H.b(persona.name.isEmpty ? persona.id : persona.name), size: 11)]
        let sites = siteOrder(persona).map { scenario.site($0)?.name ?? $0 }
        if let figures = results?.personas[persona.id], let visits = figures.visits {
            lines.append(H.font(H.text(words.visitsADay(visits)), size: 9))
        } else {
            let total = persona.demand.sites.reduce(0) { $0 + persona.demand.amount(at: $1) }
            switch persona.demand {
            case .visitsPerYear: lines.append(H.font(H.text(words.visitsAYear(total)), size: 9))
            case .arrivalsPerHour: lines.append(H.font(H.text(words.arrivalsAnHour(total)), size: 9))
            }
        }
        for line in TextMetrics.wrap(sites.joined(separator: " · "), size: 8, maxWidth: Self.stepWidth) {
            lines.append(H.font(H.text(line), size: 8, colour: Palette.muted))
        }
        return lines.joined(separator: H.br)
    }

    func stepLabel(_ step: RouteStep, zoneName: String, dialogue: Dialogue?, persona: Persona) -> String {
        var rows: [String] = []
        func row(_ markup: String, background: String? = nil) {
            let bg = background.map { " BGCOLOR=\"\($0)\"" } ?? ""
            rows.append("<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"\(bg)>" + markup + "</TD></TR>")
        }
        let nameLines = TextMetrics.wrap(zoneName, size: 10, maxWidth: Self.stepWidth, bold: true).map(H.text)
        row(H.font(nameLines.map { "<B>" + $0 + "</B>" }.joined(separator: H.br), size: 10)
            + H.br + H.font(H.text(words.dwell(step.dwell.mean)), size: 8, colour: Palette.muted))
        if let dialogue {
            var lines = [H.font(H.b(words.dialogueAsked(dialogue.p)), size: 9)]
            if let competence = dialogue.competence {
                let name = scenario.competences.first { $0.id == competence }.map { $0.name.isEmpty ? $0.id : $0.name } ?? competence
                for line in TextMetrics.wrap(name, size: 8, maxWidth: Self.stepWidth) {
                    lines.append(H.font(H.text(line), size: 8))
                }
            } else {
                lines.append(H.font(H.i(words.anyoneOnDuty), size: 8))
            }
            var timing = words.dialogueDuration(dialogue.duration.mean)
            if let patience = dialogue.patience { timing += " · " + words.patience(patience.mean) }
            lines.append(H.font(H.text(timing), size: 8, colour: Palette.muted))
            if let figures = results?.personas[persona.id], figures.dialoguesRequested != nil {
                lines.append(H.font(H.b(words.askedServedGaveUp(
                    asked: figures.dialoguesRequested ?? 0, served: figures.dialoguesServed ?? 0, gaveUp: figures.abandoned ?? 0)), size: 8))
                if let share = figures.waitShare, let mean = figures.waitMeanMinutes {
                    lines.append(H.font(H.text(words.waited(share: share, meanMinutes: mean)), size: 8))
                }
            }
            row(lines.joined(separator: H.br), background: "#FFFFFF")
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">" + rows.joined() + "</TABLE>"
    }
}
