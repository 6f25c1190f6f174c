import PitstopModel
import PitstopReport
import PitstopScenario

/// What a page asks for: a scenario of the folder, the `--set`s of its controls, and for
/// runs a baseline and a length.
public struct WhatIfRequest: Decodable, Sendable, Hashable {
    /// The id of the scenario the what-if changes.
    public var scenario: String
    /// The id of the scenario to compare with; the scenario itself when absent.
    public var baseline: String?
    public var sets: [String]?
    /// The scenario's own run length instead of the interactive one.
    public var full: Bool?
    /// `en` or `da`: the language of names, diagrams and figures.
    public var lang: String?
    /// Chosen by the page to follow the run's progress (`GET /api/progress/{ticket}`).
    public var ticket: String?

    public init(scenario: String, baseline: String? = nil, sets: [String] = [], full: Bool? = nil,
                lang: String? = nil, ticket: String? = nil) {
        self.scenario = scenario
        self.baseline = baseline
        self.sets = sets
        self.full = full
        self.lang = lang
        self.ticket = ticket
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case scenario, baseline, sets, full, lang, ticket
    }

    /// Decodes strictly: a key the API does not know is an error, not ignored.
    public init(from decoder: any Decoder) throws {
        try StrictKeys.check(decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // A key given as null is a wrong type, not a key left out.
        func optional<T: Decodable>(_ type: T.Type, _ key: CodingKeys) throws -> T? {
            c.contains(key) ? try c.decode(type, forKey: key) : nil
        }
        scenario = try c.decode(String.self, forKey: .scenario)
        baseline = try optional(String.self, .baseline)
        sets = try optional([String].self, .sets)
        full = try optional(Bool.self, .full)
        lang = try optional(String.self, .lang)
        ticket = try optional(String.self, .ticket)
    }

    /// Most `--set`s a request may hold, and most characters in one.
    public static let maxSets = 500
    public static let maxSetLength = 2_000

    /// The request's problems with its own fields (not with the scenario).
    func validated() throws(ExplorerError) -> (sets: [String], language: ReportLanguage) {
        let sets = self.sets ?? []
        if sets.count > Self.maxSets {
            throw ExplorerError(.badRequest, "at most \(Self.maxSets) --sets, found \(sets.count)")
        }
        if let long = sets.firstIndex(where: { $0.count > Self.maxSetLength }) {
            throw ExplorerError(.badRequest, "--set \(long + 1) is longer than \(Self.maxSetLength) characters")
        }
        if let ticket, !ProgressBoard.isValidTicket(ticket) {
            throw ExplorerError(.badRequest, "a ticket is 8 to 64 letters, digits, '-' or '_'")
        }
        return (sets, try Self.language(lang))
    }

    static func language(_ text: String?) throws(ExplorerError) -> ReportLanguage {
        guard let text else { return .en }
        guard let language = ReportLanguage(rawValue: text) else {
            throw ExplorerError(.badRequest, "unknown language '\(text)': use en or da")
        }
        return language
    }
}

/// A scenario of the folder with a page's `--set`s applied: what a run compares with its
/// baseline, and what a saved overlay reproduces.
struct WhatIf: Sendable {
    let file: ScenarioFolder.File
    /// The scenario as its file has it.
    let original: Scenario
    /// With the `--set`s applied and named as a what-if.
    let scenario: Scenario
    let sets: [String]
    /// Every diagnostic of loading the file with the `--set`s.
    let diagnostics: [Diagnostic]

    /// The name a what-if of `name` gets: "Pitstop-biblioteket (what-if)".
    static func name(of name: String, language: ReportLanguage) -> String {
        name + (language == .da ? " (hvad nu hvis)" : " (what-if)")
    }

    /// The file name a saved what-if is offered under, beside its scenario.
    var overlayFileName: String { ScenarioFolder.stem(file.id) + "-whatif.yaml" }

    /// The overlay file that reproduces this what-if from the command line: it `extends`
    /// the scenario's file (saved beside it), renames it, and keeps the `--set`s under
    /// `set:`. `baseline` and `settings` only go into its comments, as the `compare` command
    /// that gives the figures the page showed.
    func overlayText(language: ReportLanguage, baseline: ScenarioFolder.File?, settings: RunLengthChoice?) -> String {
        var lines: [String] = []
        lines.append("# A what-if on \(file.id), saved by the Pitstop explorer (pitstop serve).")
        lines.append("# Keep it beside \(file.id): it extends that file by name.")
        let changes = original.inputChanges(to: scenario).filter { $0.path != "name" && $0.path != "description" }
        if !changes.isEmpty {
            lines.append("# What changed:")
            for change in changes { lines.append("#   " + WhatIf.commentSafe(change.description)) }
        }
        if let baseline, let settings {
            lines.append("# The figures the explorer showed:")
            lines.append("#   pitstop compare \(baseline.id) \(overlayFileName)\(settings.commandOptions)")
        }
        lines.append("format: 1")
        lines.append("extends: \(jsonQuoted(file.id))")
        lines.append("name: \(jsonQuoted(WhatIf.name(of: original.name, language: language)))")
        if sets.isEmpty {
            lines.append("set: []")
        } else {
            lines.append("set:")
            for set in sets { lines.append("  - \(jsonQuoted(set))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text for a YAML comment: control characters (a line break would end the comment)
    /// become spaces.
    static func commentSafe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.properties.generalCategory == .control ? " " : $0
        }))
    }
}

/// The run length a page chose: interactive (short, for trying things) or the scenario's own.
struct RunLengthChoice: Sendable, Hashable {
    /// `nil` for the baseline scenario's own `simulation:` values.
    let replications: Int?
    let days: Int?

    var isFull: Bool { replications == nil && days == nil }

    /// The options `compare` needs to run the same length (empty for the scenario's own).
    var commandOptions: String {
        var text = ""
        if let replications { text += " --replications \(replications)" }
        if let days { text += " --days \(days)" }
        return text
    }
}

/// Refuses JSON objects with keys a request type does not have (a misspelt key would
/// otherwise be dropped without a word).
enum StrictKeys {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func check(_ decoder: any Decoder, allowed: [String]) throws {
        let keys = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
        if let unknown = keys.sorted().first(where: { !allowed.contains($0) }) {
            var message = "unknown key '\(unknown)' in the body"
            if let close = closestMatch(to: unknown, in: allowed) { message += "; did you mean '\(close)'?" }
            throw ExplorerError(.badRequest, message)
        }
    }
}
