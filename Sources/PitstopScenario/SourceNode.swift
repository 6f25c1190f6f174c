import PitstopModel
import Yams

/// A YAML node with the file, line and column it came from.
///
/// The loader's own small tree: built from Yams' composed `Node` tree (aliases expanded
/// under a node budget), merged by overlays, then decoded. Every node keeps the location
/// of the file it was written in, so diagnostics still point there after merging.
struct SourceNode: Sendable {
    enum Content: Sendable {
        /// The text of a scalar; `plain` is false for quoted and block scalars.
        case scalar(String, plain: Bool)
        case mapping([Entry])
        case sequence([SourceNode])
    }

    /// A mapping entry; keys are always text.
    struct Entry: Sendable {
        var key: String
        var keyLocation: SourceLocation
        var value: SourceNode
    }

    var content: Content
    var location: SourceLocation

    init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// A plain `~`, `null` or empty scalar.
    var isNull: Bool {
        if case .scalar(let text, true) = content {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    var entries: [Entry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    var items: [SourceNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The value of `key` in a mapping.
    subscript(key: String) -> SourceNode? {
        entries?.first { $0.key == key }?.value
    }

    /// How the node reads in a "found …" phrase: `'abc'`, `a list`, `a mapping`, `nothing`.
    var found: String {
        switch content {
        case .scalar(let text, _):
            if isNull { return "nothing" }
            let short = text.count > 40 ? String(text.prefix(37)) + "…" : text
            return "'\(short)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}

/// Thrown when alias expansion makes the document larger than the node budget.
struct NodeBudgetExceeded: Error {}

/// Converts Yams nodes into ``SourceNode``s, counting every node produced so that an
/// alias bomb ("billion laughs") stops after `budget` nodes instead of running for ever.
///
/// Yams resolves an alias into the anchored node itself, so a document of a few hundred
/// bytes can describe a tree of billions of nodes; counting what is produced bounds both
/// the time and the memory spent here and in every later walk of the tree.
struct NodeConverter {
    let file: String
    let sink: DiagnosticSink
    var budget: Int
    /// Depth is already bounded by libyaml (1,000 levels); this is a second guard.
    let maxDepth = 1_100

    init(file: String, sink: DiagnosticSink, budget: Int) {
        self.file = file
        self.sink = sink
        self.budget = budget
    }

    func location(of node: Yams.Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func convert(_ node: Yams.Node, depth: Int = 0) throws -> SourceNode {
        budget -= 1
        guard budget >= 0, depth < maxDepth else { throw NodeBudgetExceeded() }
        let here = location(of: node)
        switch node {
        case .scalar(let scalar):
            let plain = scalar.style == .plain || scalar.style == .any
            return SourceNode(.scalar(ParenthesisCommas.restore(scalar.string), plain: plain), at: here)
        case .alias:
            // Yams composes aliases into the anchored node; a bare alias does not occur.
            return SourceNode(.scalar("", plain: true), at: here)
        case .sequence(let sequence):
            var items: [SourceNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try convert(item, depth: depth + 1)) }
            return SourceNode(.sequence(items), at: here)
        case .mapping(let mapping):
            var entries: [SourceNode.Entry] = []
            var merged: [SourceNode.Entry] = []
            var mergedKeys = Set<String>()
            for (key, value) in mapping {
                budget -= 1
                guard budget >= 0 else { throw NodeBudgetExceeded() }
                guard case .scalar(let keyScalar) = key else {
                    sink.error(.keyNotText, at: location(of: key))
                    continue
                }
                let converted = try convert(value, depth: depth + 1)
                if keyScalar.string == "<<", keyScalar.style == .plain || keyScalar.style == .any {
                    // A YAML merge key: `<<: *defaults` or `<<: [*a, *b]`; explicit keys win.
                    let sources = converted.items ?? [converted]
                    for source in sources {
                        guard let more = source.entries else {
                            sink.error(.mergeKeyNeedsMapping(found: source.found), at: source.location)
                            continue
                        }
                        for entry in more where mergedKeys.insert(entry.key).inserted {
                            merged.append(entry)
                        }
                    }
                    continue
                }
                entries.append(
                    SourceNode.Entry(key: ParenthesisCommas.restore(keyScalar.string), keyLocation: location(of: key), value: converted))
            }
            if !merged.isEmpty {
                let explicit = Set(entries.map(\.key))
                entries += merged.filter { !explicit.contains($0.key) }
            }
            return SourceNode(.mapping(entries), at: here)
        }
    }
}
