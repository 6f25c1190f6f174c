import PitstopModel

/// What a what-if overlay names — the file it `extends`, its `name` and its `set:` list —
/// read from its text alone: no other file is opened, so a front end can read a file a
/// user hands it before deciding which scenario it belongs to.
///
/// ```swift
/// let read = WhatIfFile.read(yaml: text, file: "pitstop-whatif.yaml")
/// if let whatIf = read.whatIf { print(whatIf.extends ?? "-", whatIf.sets) }
/// ```
public struct WhatIfFile: Sendable, Hashable {
    /// The `extends` path as written; `nil` when the file extends nothing.
    public var extends: String?
    public var name: String?
    /// The `set:` list, in order (docs/whatif.md, "set: — --sets kept in a file").
    public var sets: [String]
    /// Top-level keys besides `format`, `extends`, `name`, `description` and `set`, in file
    /// order: changes written as an overlay rather than as `--set`s.
    public var otherKeys: [String]

    public init(extends: String?, name: String?, sets: [String], otherKeys: [String] = []) {
        self.extends = extends
        self.name = name
        self.sets = sets
        self.otherKeys = otherKeys
    }

    /// Reads `yaml` (named `file` in diagnostics) with the loader's protections (size,
    /// nesting, aliases). `whatIf` is `nil` when there are errors.
    public static func read(yaml: String, file: String) -> (whatIf: WhatIfFile?, diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        var budget = Limits.maxNodes
        guard case .document(let root) = DocumentParser.parse(yaml, file: file, sink: sink, budget: &budget) else {
            return (nil, sink.sorted)
        }
        guard let entries = root.entries else {
            sink.error(.wrongType("the top level of a scenario", expected: "a mapping", found: root.found), at: root.location)
            return (nil, sink.sorted)
        }
        var whatIf = WhatIfFile(extends: nil, name: nil, sets: [])
        func text(_ entry: SourceNode.Entry) -> String? {
            guard let value = entry.value.scalar, !entry.value.isNull else {
                sink.error(.wrongType("'\(entry.key)'", expected: "text", found: entry.value.found), at: entry.value.location)
                return nil
            }
            return value
        }
        for entry in entries {
            switch entry.key {
            case "format", "description":
                continue
            case "extends":
                if !entry.value.isNull { whatIf.extends = text(entry) }
            case "name":
                whatIf.name = text(entry)
            case "set":
                guard !entry.value.isNull else { continue }
                guard let items = entry.value.items else {
                    sink.error(.wrongType("'set'", expected: "a list of PATH=VALUE", found: entry.value.found),
                               at: entry.value.location)
                    continue
                }
                for item in items {
                    guard let set = item.scalar, !item.isNull else {
                        sink.error(.wrongType("each item of 'set'", expected: "text PATH=VALUE", found: item.found),
                                   at: item.location)
                        continue
                    }
                    whatIf.sets.append(set)
                }
            default:
                whatIf.otherKeys.append(entry.key)
            }
        }
        return (sink.hasErrors ? nil : whatIf, sink.sorted)
    }
}
