import Foundation
import PitstopModel

/// Loads scenario files (format 1) into the value model, with compiler-style diagnostics.
///
/// ```swift
/// let result = ScenarioLoader.load(path: "Scenarios/pitstop.yaml")
/// for diagnostic in result.diagnostics { print(diagnostic.rendered) }
/// guard let scenario = result.scenario else { exit(1) }
/// ```
///
/// Every problem in the file (and in the files it `extends`) is reported in one pass,
/// sorted by position; the scenario is `nil` whenever there is an error. The loader never
/// traps on input: files over 16 MiB, documents nested more than 1,000 levels, alias bombs
/// (over 1,000,000 nodes once expanded), invalid UTF-8 and empty files each give one error.
public enum ScenarioLoader {
    /// Reads and loads the file at `path`, and the files reached by `extends`.
    public static func load(path: String) -> LoadResult {
        load(text: nil, path: path)
    }

    /// Loads in-memory YAML; `path` names it in diagnostics, and `extends` is resolved
    /// relative to its directory.
    public static func load(yaml: String, path: String) -> LoadResult {
        load(text: yaml, path: path)
    }

    private static func load(text: String?, path: String) -> LoadResult {
        let sink = DiagnosticSink()
        var chain = ChainLoader(sink: sink)
        guard let tree = chain.tree(path: path, text: text, reportAt: nil, chain: []) else {
            return LoadResult(scenario: nil, diagnostics: sink.sorted)
        }
        let scenario = ScenarioDecoder(sink: sink).decode(tree)
        return LoadResult(scenario: sink.hasErrors ? nil : scenario, diagnostics: sink.sorted)
    }
}

/// Reads a file and the chain of files it `extends`, and merges them into one tree.
struct ChainLoader {
    let sink: DiagnosticSink
    /// Node budget shared by every file of the chain.
    var budget = Limits.maxNodes

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
        guard let text = text ?? SourceReader.read(path: path, display: path, reportAt: reportAt, sink: sink) else { return nil }
        guard case .document(let root) = DocumentParser.parse(text, file: path, sink: sink, budget: &budget) else {
            return nil
        }
        guard var entries = root.entries, let index = entries.firstIndex(where: { $0.key == "extends" }) else {
            return root
        }
        let extends = entries.remove(at: index).value
        let overlay = SourceNode(.mapping(entries), at: root.location)
        if extends.isNull { return overlay }
        guard let relative = extends.scalar, !relative.isEmpty else {
            sink.error(.extendsNeedsPath, at: extends.location)
            return nil
        }
        let basePath = Self.resolve(relative, from: path)
        guard let base = tree(path: basePath, text: nil, reportAt: extends.location, chain: chain + [(key, path)]) else {
            return nil
        }
        return Overlay.merge(base, overlay, sink: sink)
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
