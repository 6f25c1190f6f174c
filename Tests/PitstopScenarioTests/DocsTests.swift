import Foundation
import PitstopModel
import Testing

@testable import PitstopScenario

/// docs/scenario-format.md cannot drift: its complete example is the fixture, byte for
/// byte, and the fixture loads without a single diagnostic.
@Suite struct DocsTests {
    /// docs/scenario-format.md, found from this source file (Tests/PitstopScenarioTests/).
    static let documentURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/scenario-format.md")

    /// The ```yaml block that follows the `<!-- docs-example.yaml -->` marker.
    static func exampleBlock(in document: String) -> String? {
        let lines = document.split(separator: "\n", omittingEmptySubsequences: false)
        guard let marker = lines.firstIndex(of: "<!-- docs-example.yaml -->"),
            marker + 1 < lines.count, lines[marker + 1] == "```yaml",
            let end = lines[(marker + 2)...].firstIndex(of: "```")
        else { return nil }
        return lines[(marker + 2)..<end].map { $0 + "\n" }.joined()
    }

    @Test func docsExampleLoadsWithoutDiagnostics() throws {
        let result = ScenarioLoader.load(path: fixture("docs-example.yaml").path)
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)")
        #expect(result.scenario != nil)
    }

    @Test func docsExampleBlockIsByteIdenticalToTheFixture() throws {
        let document = try String(contentsOf: Self.documentURL, encoding: .utf8)
        let block = try #require(Self.exampleBlock(in: document), "no ```yaml block after <!-- docs-example.yaml --> in \(Self.documentURL.path)")
        let fixtureData = try Data(contentsOf: fixture("docs-example.yaml"))
        #expect(Data(block.utf8) == fixtureData)
    }

    @Test func everyYAMLSnippetInTheDocsParses() throws {
        // Not every snippet is a whole scenario, but each must at least be valid YAML.
        let document = try String(contentsOf: Self.documentURL, encoding: .utf8)
        var snippets: [String] = []
        var current: [Substring]?
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```yaml" {
                current = []
            } else if line == "```", let lines = current {
                snippets.append(lines.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        #expect(snippets.count >= 2)
        for snippet in snippets {
            let result = ScenarioLoader.load(yaml: snippet, path: "snippet.yaml")
            #expect(!result.diagnostics.contains { $0.message.hasPrefix("syntax error") }, "\(snippet)")
        }
    }

    // MARK: docs/whatif.md

    static let whatIfURL = documentURL.deletingLastPathComponent().appendingPathComponent("whatif.md")

    @Test func theWhatIfPagesValidateExampleShowsWhatTheLoaderSays() throws {
        let document = try String(contentsOf: Self.whatIfURL, encoding: .utf8)
        let lines = document.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let command = "$ pitstop validate Scenarios/pitstop.yaml --set staff.studnet-main.count=6"
        let start = try #require(lines.firstIndex(of: command))
        let shown = lines[(start + 1)...].prefix { $0 != "```" }.filter { !$0.hasPrefix("1 error") }  // not the summary line
        let root = Self.documentURL.deletingLastPathComponent().deletingLastPathComponent().path + "/"
        let result = ScenarioLoader.load(path: root + "Scenarios/pitstop.yaml", sets: ["staff.studnet-main.count=6"])
        let actual = result.renderedDiagnostics.replacingOccurrences(of: root, with: "").split(separator: "\n").map(String.init)
        #expect(Array(shown) == actual)
        #expect(!actual.isEmpty)
    }

    @Test func everyYAMLSnippetOfTheWhatIfPageParses() throws {
        let document = try String(contentsOf: Self.whatIfURL, encoding: .utf8)
        let snippets = document.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "\n```")[0] }
        #expect(snippets.count >= 1)
        for snippet in snippets {
            let result = ScenarioLoader.load(yaml: snippet, path: "snippet.yaml")
            #expect(!result.diagnostics.contains { $0.message.hasPrefix("syntax error") }, "\(snippet)")
        }
    }
}
