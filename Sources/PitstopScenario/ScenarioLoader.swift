import Foundation
import PitstopModel

/// Loads scenario files (format 1) into the value model, with compiler-style diagnostics.
///
/// ```swift
/// let result = ScenarioLoader.load(path: "Scenarios/pitstop.yaml", sets: ["staff.lib-main.count=6"])
/// for diagnostic in result.diagnostics { print(diagnostic.rendered) }
/// guard let scenario = result.scenario else { exit(1) }
/// ```
///
/// Every problem in the file, in the files it `extends` and in the `--set`s is reported
/// in one pass, sorted by position; the scenario is `nil` whenever there is an error. The
/// loader never traps on input: files over 16 MiB, documents nested more than 1,000
/// levels, alias bombs (over 1,000,000 nodes once expanded), invalid UTF-8, empty files
/// and scenarios beyond ``ScenarioLimits`` each give one error.
public enum ScenarioLoader {
    /// Reads and loads the file at `path` and the files reached by `extends`, then applies
    /// each `--set PATH=VALUE` of `sets` in order (docs/whatif.md).
    public static func load(path: String, sets: [String] = []) -> LoadResult {
        load(text: nil, path: path, sets: sets)
    }

    /// Loads in-memory YAML; `path` names it in diagnostics, and `extends` is resolved
    /// relative to its directory. `sets` as in ``load(path:sets:)``.
    public static func load(yaml: String, path: String, sets: [String] = []) -> LoadResult {
        load(text: yaml, path: path, sets: sets)
    }

    private static func load(text: String?, path: String, sets: [String]) -> LoadResult {
        load(PreparedScenario(text: text, path: path), sets: sets)
    }

    /// Reads and merges the file at `path` and the files reached by `extends` once, for
    /// loading it with many different `--set`s (a sweep's variants): see
    /// ``load(_:sets:checkingUnchanged:)``.
    public static func prepare(path: String) -> PreparedScenario {
        PreparedScenario(text: nil, path: path)
    }

    /// Loads a prepared scenario with the `--set`s `sets`: the same result as
    /// ``load(path:sets:)`` on the files as they were read, without reading or parsing them
    /// again. With `checkingUnchanged` false, the warnings about an overlay or a `--set`
    /// that changes nothing are left out (they decode the scenario once more per stage).
    public static func load(_ prepared: PreparedScenario, sets: [String], checkingUnchanged: Bool = true) -> LoadResult {
        let sink = DiagnosticSink()
        sink.replay(prepared.diagnostics)
        guard let tree = prepared.tree else {
            var failed = LoadResult(scenario: nil, diagnostics: sink.sorted)
            failed.files = prepared.files
            return failed
        }
        var budget = prepared.budget
        var levels = prepared.levels
        var current = tree
        var applier = SetApplier(sink: sink)
        for (offset, text) in sets.enumerated() {
            guard let assignment = SetAssignment.read(text, index: offset + 1, sink: sink, budget: &budget),
                let next = applier.apply(assignment, to: current)
            else { continue }
            current = next
            levels.append(ChainLoader.Level(tree: next, origin: .set(assignment)))
        }
        let scenario = ScenarioDecoder(sink: sink).decode(current)
        if checkingUnchanged, !sink.hasErrors { warnAboutChangesThatChangeNothing(levels, final: scenario, sink: sink) }
        var result = LoadResult(scenario: sink.hasErrors ? nil : scenario, diagnostics: sink.sorted, tree: current)
        result.files = prepared.files
        return result
    }

    /// An overlay whose scenario equals its base's (name and description aside), or a
    /// `--set` after which the scenario equals what it was, is a what-if that is not one.
    static func warnAboutChangesThatChangeNothing(_ levels: [ChainLoader.Level], final: Scenario, sink: DiagnosticSink) {
        guard levels.count > 1 else { return }
        var decoded: [Scenario?] = levels.dropLast().map { level in
            let quiet = DiagnosticSink()
            let scenario = ScenarioDecoder(sink: quiet).decode(level.tree)
            return quiet.hasErrors ? nil : scenario
        }
        decoded.append(final)
        for index in 1..<levels.count {
            guard let before = decoded[index - 1], let after = decoded[index] else { continue }
            switch levels[index].origin {
            case .file: break
            case .overlay(let extendsLocation):
                // The file's own `set:` list belongs to the overlay: it changes nothing only
                // when the overlay and its `set:` together leave the base as it was.
                var last = index
                while last + 1 < levels.count, case .set(let assignment) = levels[last + 1].origin,
                    let anchor = assignment.anchor, anchor.file == extendsLocation.file
                {
                    last += 1
                }
                guard let after = decoded[last] else { continue }
                var renamed = after
                renamed.name = before.name
                renamed.description = before.description
                if after.organisation.name == after.name, before.organisation.name == before.name {
                    renamed.organisation.name = before.organisation.name
                }
                if renamed == before { sink.warning(.overlayChangesNothing, at: extendsLocation) }
            case .set(let assignment):
                if after == before {
                    sink.warning(.setChangesNothing(assignment.path), at: assignment.location)
                }
            }
        }
    }
}

/// A scenario file and the files it `extends`, read, parsed and merged once
/// (``ScenarioLoader/prepare(path:)``), to be loaded with different `--set`s.
public struct PreparedScenario: Sendable {
    /// The merged tree; `nil` when a file of the chain could not be read or parsed.
    let tree: SourceNode?
    /// The stages of the tree, base first.
    let levels: [ChainLoader.Level]
    /// The problems found in the files, as reported (before sorting).
    let diagnostics: DiagnosticSink.Record
    /// The node budget left for `--set` values.
    let budget: Int
    /// Every file read, the file at `path` first (see ``LoadResult/files``).
    let files: [String]

    init(text: String?, path: String) {
        let sink = DiagnosticSink()
        var chain = ChainLoader(sink: sink)
        tree = chain.tree(path: path, text: text, reportAt: nil, chain: [])
        levels = chain.levels
        budget = chain.budget
        files = chain.files
        diagnostics = sink.record
    }
}

/// Reads a file and the chain of files it `extends`, and merges them into one tree.
struct ChainLoader {
    /// One stage of the tree: the first file of the chain, then each overlay merged onto it.
    struct Level: Sendable {
        enum Origin: Sendable {
            case file
            case overlay(extendsLocation: SourceLocation)
            case set(SetAssignment)
        }
        var tree: SourceNode
        var origin: Origin
    }

    let sink: DiagnosticSink
    /// Node budget shared by every file of the chain (and the `--set` values).
    var budget = Limits.maxNodes
    /// The stages, base first; the last is the merged tree.
    private(set) var levels: [Level] = []
    /// Every file read from disk, as absolute paths with links resolved, in the order read.
    private(set) var files: [String] = []

    init(sink: DiagnosticSink) {
        self.sink = sink
    }

    /// The merged tree of `path` and its bases, or `nil` when a file of the chain could not
    /// be read or parsed (already reported).
    mutating func tree(path: String, text: String?, reportAt: SourceLocation?, chain: [(key: String, display: String)]) -> SourceNode? {
        let key = Self.canonical(path)
        if chain.contains(where: { $0.key == key }) {
            let start = chain.firstIndex { $0.key == key } ?? 0
            sink.error(.extendsCycle(chain[start...].map(\.display) + [path]), at: reportAt)
            return nil
        }
        if chain.count >= Limits.maxExtendsDepth {
            sink.error(.extendsTooDeep(limit: Limits.maxExtendsDepth), at: reportAt)
            return nil
        }
        if text == nil { files.append(key) }
        guard let text = text ?? SourceReader.read(path: path, display: path, reportAt: reportAt, sink: sink) else { return nil }
        guard let parsed = scenarioRoot(text, path: path, reportAt: reportAt), var entries = parsed.entries else { return nil }
        // `set:` — a list of PATH=VALUE, applied after this file (and what it extends) like `--set`s.
        var sets: SourceNode?
        if let index = entries.firstIndex(where: { $0.key == "set" }) { sets = entries.remove(at: index).value }
        let root = SourceNode(.mapping(entries), at: parsed.location)
        guard let index = entries.firstIndex(where: { $0.key == "extends" }) else {
            levels.append(Level(tree: root, origin: .file))
            return applying(sets, to: root)
        }
        let extends = entries.remove(at: index).value
        let overlay = SourceNode(.mapping(entries), at: root.location)
        if extends.isNull {
            levels.append(Level(tree: overlay, origin: .file))
            return applying(sets, to: overlay)
        }
        guard let relative = extends.scalar, !relative.isEmpty else {
            sink.error(.extendsNeedsPath, at: extends.location)
            return nil
        }
        if relative.hasPrefix("/") {
            sink.error(.extendsAbsolute(relative), at: extends.location)
            return nil
        }
        let basePath = Self.resolve(relative, from: path)
        guard let base = tree(path: basePath, text: nil, reportAt: extends.location, chain: chain + [(key, path)]) else {
            return nil
        }
        let merged = Overlay.merge(base, overlay, sink: sink)
        levels.append(Level(tree: merged, origin: .overlay(extendsLocation: extends.location)))
        return applying(sets, to: merged)
    }

    /// A file's `set:` list applied to its tree, each item checked like a `--set` and
    /// reported at its place in the file.
    mutating func applying(_ sets: SourceNode?, to tree: SourceNode) -> SourceNode? {
        guard let sets, !sets.isNull else { return tree }
        guard let items = sets.items else {
            sink.error(.wrongType("'set'", expected: "a list of PATH=VALUE", found: sets.found), at: sets.location)
            return nil
        }
        var current = tree
        var applier = SetApplier(sink: sink)
        for (offset, item) in items.enumerated() {
            guard let text = item.scalar, !item.isNull else {
                sink.error(.wrongType("each item of 'set'", expected: "text PATH=VALUE", found: item.found), at: item.location)
                continue
            }
            // A quoted item's text starts one column after its quote.
            var startsQuoted = false
            if case .scalar(_, let plain) = item.content { startsQuoted = !plain }
            let anchor = SourceLocation(file: item.location.file, line: item.location.line,
                                        column: item.location.column + (startsQuoted ? 1 : 0))
            guard let assignment = SetAssignment.read(text, index: offset + 1, anchor: anchor, sink: sink, budget: &budget),
                let next = applier.apply(assignment, to: current)
            else { continue }
            current = next
            levels.append(Level(tree: next, origin: .set(assignment)))
        }
        return current
    }

    /// The parsed top level of a file, when it is a scenario: a mapping with at least one
    /// key of the format (or a likely typo of one). Anything else is one error that quotes
    /// nothing of the file, so that `extends: ../../etc/shadow` reveals no line of it; the
    /// error is at the `extends` that named the file, or at the start of the file itself.
    mutating func scenarioRoot(_ text: String, path: String, reportAt: SourceLocation?) -> SourceNode? {
        let held = DiagnosticSink()
        let outcome = DocumentParser.parse(text, file: path, sink: held, budget: &budget)
        guard case .document(let root) = outcome else {
            // libyaml's messages name positions and YAML terms, not the file's text.
            for diagnostic in held.sorted { sink.add(diagnostic) }
            return nil
        }
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let entries = root.entries else {
            let found = root.items != nil ? "a list" : root.isNull ? "nothing" : "text"
            if let reportAt {
                sink.error(.notAScenario(path, because: "its top level is \(found), not a mapping"), at: reportAt)
            } else {
                sink.error(.wrongType("the top level of a scenario", expected: "a mapping", found: found), at: start)
            }
            return nil
        }
        let looksLikeAScenario = entries.contains { entry in
            Keys.top.contains(entry.key) || closestMatch(to: entry.key, in: Keys.top) != nil
        }
        guard looksLikeAScenario else {
            sink.error(.notAScenario(path, because: "none of its top-level keys is a key of the scenario format"), at: reportAt ?? start)
            return nil
        }
        for diagnostic in held.sorted { sink.add(diagnostic) }
        return root
    }

    /// `relative` resolved against the directory of `file`, kept relative when `file` is.
    static func resolve(_ relative: String, from file: String) -> String {
        if relative.hasPrefix("/") { return normalise(relative) }
        let directory = (file as NSString).deletingLastPathComponent
        return normalise(directory.isEmpty ? relative : directory + "/" + relative)
    }

    /// Removes `.` components and folds `dir/..` pairs, lexically.
    static func normalise(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", absolute, parts.isEmpty { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// The absolute path with symbolic links resolved, to recognise a file reached twice.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// Paths between scenario files.
public enum ScenarioPaths {
    /// The path of `file` relative to `folder` (both as given, made absolute against the
    /// working folder), for an overlay written into `folder` that `extends` `file`.
    public static func relativePath(from folder: String, to file: String) -> String {
        let from = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL.pathComponents
        let to = URL(fileURLWithPath: file).standardizedFileURL.pathComponents
        var common = 0
        while common < min(from.count, to.count - 1), from[common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to[common...]).joined(separator: "/")
    }
}
