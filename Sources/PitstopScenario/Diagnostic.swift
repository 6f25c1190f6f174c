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

    public init(scenario: Scenario?, diagnostics: [Diagnostic]) {
        self.scenario = scenario
        self.diagnostics = diagnostics
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Every diagnostic rendered, one per line (notes on their own lines).
    public var renderedDiagnostics: String { diagnostics.map(\.rendered).joined(separator: "\n") }
}
