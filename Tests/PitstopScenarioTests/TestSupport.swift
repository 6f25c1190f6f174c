import Foundation
import PitstopModel
import Testing

@testable import PitstopScenario

/// YAML with position markers (`1️⃣`, `2️⃣`, …) as in swift-format's tests: the markers
/// are removed and their 1-based line and column (in Unicode scalars) remembered.
struct MarkedText {
    static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]

    let text: String
    let positions: [String: (line: Int, column: Int)]

    init(_ marked: String) {
        var text = ""
        var positions: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        var rest = Substring(marked)
        outer: while let first = rest.first {
            for marker in Self.markers where rest.hasPrefix(marker) {
                positions[marker] = (line, column)
                rest = rest.dropFirst(marker.count)
                continue outer
            }
            text.append(first)
            if first == "\n" {
                line += 1
                column = 1
            } else {
                column += first.unicodeScalars.count
            }
            rest = rest.dropFirst()
        }
        self.text = text
        self.positions = positions
    }
}

/// An expected diagnostic at a marker.
struct Expected: CustomStringConvertible {
    var marker: String
    var severity: Diagnostic.Severity
    var message: String
    var notes: [String] = []

    static func error(_ marker: String, _ message: String, notes: [String] = []) -> Expected {
        Expected(marker: marker, severity: .error, message: message, notes: notes)
    }

    static func warning(_ marker: String, _ message: String, notes: [String] = []) -> Expected {
        Expected(marker: marker, severity: .warning, message: message, notes: notes)
    }

    var description: String { "\(marker) \(severity): \(message)" }
}

/// Loads marked YAML (in memory, as `test.yaml`) and checks that the diagnostics are
/// exactly the expected ones, rendered, in order.
@discardableResult
func expectDiagnostics(
    _ marked: String, _ expected: [Expected], path: String = "test.yaml",
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> LoadResult {
    let input = MarkedText(marked)
    let result = ScenarioLoader.load(yaml: input.text, path: path)
    let wanted: [String] = expected.map { e in
        guard let (line, column) = input.positions[e.marker] else {
            return "marker \(e.marker) missing from the text"
        }
        let prefix = "\(path):\(line):\(column): "
        return ([prefix + "\(e.severity.rawValue): \(e.message)"] + e.notes.map { prefix + "note: \($0)" })
            .joined(separator: "\n")
    }
    #expect(result.diagnostics.map(\.rendered) == wanted, sourceLocation: sourceLocation)
    if expected.contains(where: { $0.severity == .error }) {
        #expect(result.scenario == nil, "a scenario with errors must not load", sourceLocation: sourceLocation)
    } else {
        #expect(result.scenario != nil, "a scenario with only warnings must load", sourceLocation: sourceLocation)
    }
    return result
}

/// The smallest valid scenario, to which tests add one mistake.
let minimalHeader = """
    format: 1
    name: Test

    """

/// The URL of a fixture file.
func fixture(_ name: String) -> URL {
    let base = Bundle.module.resourceURL ?? URL(fileURLWithPath: ".")
    return base.appendingPathComponent("Fixtures").appendingPathComponent(name)
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pitstop-scenario-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
