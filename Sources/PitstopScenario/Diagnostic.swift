import PitstopModel

/// One problem found in a scenario: an error, which stops the scenario from loading, or a
/// warning, which does not.
///
/// ```
/// pitstop.yaml:12:15: error: unknown zone 'famly' at site 'main'
/// pitstop.yaml:12:15: note: did you mean 'family'?
/// ```
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    /// Where the problem is; `nil` only when there is no file to point into (a file that
    /// cannot be opened).
    public var location: SourceLocation?
    /// Lowercase, no trailing period, user names quoted in '…'.
    public var message: String
    /// Follow-up lines, e.g. "did you mean 'family'?".
    public var notes: [String]

    public init(severity: Severity, location: SourceLocation?, message: String, notes: [String] = []) {
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
    }

    /// The diagnostic as a compiler prints it: `path:line:col: error: message`, then one
    /// `path:line:col: note: …` line per note.
    public var rendered: String {
        let prefix = location.map { "\($0): " } ?? ""
        var lines = ["\(prefix)\(severity.rawValue): \(message)"]
        for note in notes { lines.append("\(prefix)note: \(note)") }
        return lines.joined(separator: "\n")
    }
}

extension Diagnostic: CustomStringConvertible {
    public var description: String { rendered }
}

/// What loading a scenario produced: the scenario when there were no errors, and every
/// diagnostic found, sorted by position.
public struct LoadResult: Sendable {
    /// The scenario; `nil` whenever there is an error (warnings allowed).
    public var scenario: Scenario?
    /// Every problem found, sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    /// The merged tree (after overlays and `--set`s), to answer where a value was written.
    var tree: SourceNode?
    /// Every file the loader read — the file and each it `extends` — as absolute paths with
    /// links resolved: what a cache of loaded scenarios must watch for changes.
    public internal(set) var files: [String] = []

    public init(scenario: Scenario?, diagnostics: [Diagnostic]) {
        self.scenario = scenario
        self.diagnostics = diagnostics
    }

    init(scenario: Scenario?, diagnostics: [Diagnostic], tree: SourceNode?) {
        self.scenario = scenario
        self.diagnostics = diagnostics
        self.tree = tree
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Every diagnostic rendered, one per line (notes on their own lines).
    public var renderedDiagnostics: String { diagnostics.map(\.rendered).joined(separator: "\n") }

    /// Where the value at `path` was written — in the file, the base it `extends`, or a
    /// `--set` — after every overlay and `--set`; `nil` when the scenario has no value
    /// there. `path` is in `--set` syntax (`personas.reader.dialogue`,
    /// `sites.main.staffed_hours.sat`, `personas.reader.route.2`), without `*`.
    ///
    /// The position is the value's: a scalar's first character, a block mapping's first key,
    /// a list element's mapping. For a day of an hour map it is the value of the key that
    /// decides that day (`mon-sat: …` for Saturday, unless a `sat:` key is given).
    public func location(of path: String) -> SourceLocation? {
        guard let tree, let components = try? ScenarioPath.components(Substring(path), locate: { _ in .setOption(0, column: 0) })
        else { return nil }
        return ScenarioPath.lookup(components[...], in: tree, shape: .scenario)?.location
    }

    /// Adds a warning at the value `path` names (see ``location(of:)``) — or, when there is
    /// none, at the nearest enclosing value that exists — keeping the diagnostics sorted.
    /// For checks that need more than the file, such as demand that no rota can serve.
    public mutating func addWarning(_ message: String, notes: [String] = [], at path: String) {
        var names = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var location: SourceLocation?
        while !names.isEmpty, location == nil {
            location = self.location(of: names.joined(separator: "."))
            names.removeLast()
        }
        let warning = Diagnostic(severity: .warning, location: location, message: message, notes: notes)
        var summary: Diagnostic?
        if let last = diagnostics.last, last.message == Message.tooManyProblems(limit: DiagnosticSink.limit).text {
            summary = diagnostics.removeLast()
        }
        diagnostics = Diagnostic.sortedByPosition(diagnostics + [warning])
        if let summary { diagnostics.append(summary) }
    }
}
