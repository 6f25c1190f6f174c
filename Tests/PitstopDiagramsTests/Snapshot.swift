import Foundation
import Testing

/// Compares `text` with the golden file `Snapshots/<name>.dot`.
///
/// With `RECORD_SNAPSHOTS=1` in the environment the file is (re)written instead and the
/// test fails on purpose, saying so; run again without the variable to compare. Golden
/// files hold DOT, not SVG: the SVG embeds the Graphviz version and font metrics.
func assertSnapshot(
    _ text: String, named name: String,
    filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent(name + ".dot")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        do {
            try Data(text.utf8).write(to: file, options: .atomic)
            Issue.record("Recorded snapshot \(file.path); run again without RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    let bundled = Bundle.module.url(forResource: name, withExtension: "dot", subdirectory: "Snapshots")
    guard let data = FileManager.default.contents(atPath: file.path) ?? bundled.flatMap({ try? Data(contentsOf: $0) }) else {
        Issue.record("Missing snapshot \(file.path); record it with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != text else { return }
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
    let was = line < old.count ? String(old[line]) : "<end of file>"
    let now = line < new.count ? String(new[line]) : "<end of file>"
    let message = "Snapshot \(name).dot differs at line \(line + 1):\n  expected: \(was)\n  actual:   \(now)\n"
        + "Re-record with RECORD_SNAPSHOTS=1 if the change is intended."
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

/// The ids of the nodes declared directly or nested inside `subgraph "<name>" { … }`.
func nodeIDs(inCluster name: String, of dot: String) -> [String] {
    var ids: [String] = []
    var depth = 0
    for raw in dot.split(separator: "\n") {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if depth == 0 {
            if line == "subgraph \"\(name)\" {" { depth = 1 }
            continue
        }
        if line.hasSuffix("{") { depth += 1 } else if line == "}" { depth -= 1 }
        if depth > 0, line.hasPrefix("\""), line.contains("\" ["), !line.contains(" -> ") {
            ids.append(String(line.dropFirst().prefix { $0 != "\"" }))
        }
    }
    return ids
}

/// The DOT statement declaring node `id`.
func declaration(of id: String, in dot: String) -> String? {
    dot.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        .first { $0.hasPrefix("\"\(id)\" [") }
}
