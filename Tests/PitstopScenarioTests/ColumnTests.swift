import Foundation
import PitstopModel
import Testing

@testable import PitstopScenario

/// Columns count Unicode scalars (docs/scenario-format.md): `ø` is one column, an emoji
/// flag two, `é` written as `e` and a combining accent two. Each test puts such text
/// before the error on the same line, so that counting bytes (UTF-8), UTF-16 units or
/// Characters (grapheme clusters) instead would move the column.
@Suite struct ColumnTests {
    /// Text that counts differently in every unit: 9 scalars, 5 Characters, 13 UTF-16
    /// units, 26 bytes.
    static let mixed = "æø🇩🇰e\u{301}\u{1F469}\u{200D}\u{1F4BB}"

    @Test func theMixedTextCountsDifferentlyInEveryUnit() {
        let counts = [Self.mixed.unicodeScalars.count, Self.mixed.count, Self.mixed.utf16.count, Self.mixed.utf8.count]
        #expect(counts == [9, 5, 13, 26])
    }

    @Test func decoderErrorsAfterNonASCIITextCountScalars() {
        expectDiagnostics(
            """
            format: 1
            name: Test
            sites:
              - { id: main, name: "\(Self.mixed)", staffed_hours: { mon: 1️⃣"19:00-10:00" } }
            """,
            [.error("1️⃣", "reversed time range '19:00-10:00': the end must come after the start")])
    }

    @Test func unknownKeysAfterNonASCIITextCountScalars() {
        expectDiagnostics(
            """
            format: 1
            name: Test
            perspectives:
              - { id: p, name: "\(Self.mixed)", 1️⃣colur: "#E07A5F" }
            """,
            [.error("1️⃣", "unknown key 'colur' in perspective 'p'", notes: ["did you mean 'colour'?"])])
    }

    @Test func yamlSyntaxErrorsAfterNonASCIITextCountScalars() {
        expectDiagnostics(
            """
            format: 1
            name: Test
            competences: [{ id: a, name: \(Self.mixed) 1️⃣] }]
            """,
            [.error("1️⃣", "syntax error: did not find expected ',' or '}' while parsing a flow mapping (started at line 3, column 15)")])
    }

    @Test func yamlReaderErrorsAfterNonASCIITextCountScalars() {
        expectDiagnostics(
            "format: 1\nname: \(Self.mixed)1️⃣\u{0}\n",
            [.error("1️⃣", "the file cannot be read as YAML: control characters are not allowed")])
    }

    @Test func invalidUTF8AfterNonASCIITextCountsScalars() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.yaml").path
        var bytes = Array("format: 1\nname: \(Self.mixed)".utf8)
        bytes.append(0xFF)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = ScenarioLoader.load(path: path)
        let column = "name: \(Self.mixed)".unicodeScalars.count + 1
        let offset = "format: 1\nname: \(Self.mixed)".utf8.count
        #expect(
            result.diagnostics.map(\.rendered) == [
                "\(path):2:\(column): error: the file is not valid UTF-8: invalid byte at offset \(offset)"
            ])
    }

    @Test func aliasKeysAfterNonASCIITextCountScalars() {
        expectDiagnostics(
            """
            format: 1
            name: &n Test
            description: { "\(Self.mixed)": 1, 1️⃣*n: 2 }
            """,
            [.error("1️⃣", "an alias cannot be used as a mapping key", notes: ["scenario keys are plain text"])])
    }

    @Test func duplicateKeysAfterNonASCIIValuesCountScalars() {
        expectDiagnostics(
            """
            format: 1
            name: \(Self.mixed)
            description: \(Self.mixed)
            1️⃣name: again
            """,
            [.error("1️⃣", "duplicate key 'name'", notes: ["'name' is first given at line 2"])])
    }
}

