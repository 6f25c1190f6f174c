import PitstopModel

/// Collects diagnostics from every stage of loading; sorted once at the end.
///
/// Like a compiler's error limit, it keeps at most ``limit`` diagnostics: a generated file
/// can hold millions of problems (every step of a long route at every one of many sites),
/// and reporting them all would cost more time and memory than the file is worth.
final class DiagnosticSink {
    static let limit = 1_000

    private(set) var diagnostics: [Diagnostic] = []
    /// Errors reported, counting those beyond the limit.
    private(set) var errorCount = 0
    var hasErrors: Bool { errorCount > 0 }
    /// Whether diagnostics were dropped because the limit was reached.
    private(set) var isFull = false
    /// Where the first problem that was not kept is.
    private var firstDropped: SourceLocation?

    func error(_ message: Message, at location: SourceLocation?) {
        add(Diagnostic(severity: .error, location: location, message: message.text, notes: message.notes))
    }

    func warning(_ message: Message, at location: SourceLocation?) {
        add(Diagnostic(severity: .warning, location: location, message: message.text, notes: message.notes))
    }

    /// Keeps `diagnostic` (counting it when it is an error) while the limit allows.
    func add(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error { errorCount += 1 }
        guard diagnostics.count < Self.limit else {
            if !isFull { firstDropped = diagnostic.location }
            isFull = true
            return
        }
        diagnostics.append(diagnostic)
    }

    /// What the sink holds, to be replayed into another (a prepared scenario's problems
    /// in each load of it).
    struct Record: Sendable {
        var diagnostics: [Diagnostic]
        var errorCount: Int
        var isFull: Bool
        var firstDropped: SourceLocation?
        var suggestionsLeft: Int
    }

    var record: Record {
        Record(diagnostics: diagnostics, errorCount: errorCount, isFull: isFull,
               firstDropped: firstDropped, suggestionsLeft: suggestionsLeft)
    }

    /// Takes over the state of `record` (an empty sink becomes the one it was).
    func replay(_ record: Record) {
        diagnostics = record.diagnostics
        errorCount = record.errorCount
        isFull = record.isFull
        firstDropped = record.firstDropped
        suggestionsLeft = record.suggestionsLeft
    }

    /// Suggestions left: each costs an edit distance per candidate, so a file with
    /// thousands of bad references must not cost thousands × thousands of them.
    private var suggestionsLeft = 500

    var canSuggest: Bool { suggestionsLeft > 0 }

    /// "Did you mean" for `word` among `candidates`, while the budget lasts.
    func suggest(_ word: String, in candidates: [String]) -> String? {
        guard suggestionsLeft > 0, candidates.count <= 5_000 else { return nil }
        suggestionsLeft -= 1
        return closestMatch(to: word, in: candidates)
    }

    /// Sorted by position (see ``Diagnostic/sortedByPosition(_:)``), exact duplicates (the
    /// same message at the same place) dropped. When the limit was reached, a last error
    /// says so, at the position of the first problem left out.
    var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        var result = Diagnostic.sortedByPosition(diagnostics.filter { seen.insert($0).inserted })
        if isFull {
            let message = Message.tooManyProblems(limit: Self.limit)
            let location = firstDropped ?? result.last(where: { $0.location != nil })?.location
            result.append(Diagnostic(severity: .error, location: location, message: message.text, notes: message.notes))
        }
        return result
    }
}

extension Diagnostic {
    /// Sorted by (file, line, column), positions in `--set`s after those in files, and
    /// diagnostics without a location first; stable.
    static func sortedByPosition(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?): return x < y || (x == y && a.offset < b.offset)
            }
        }.map(\.element)
    }
}
