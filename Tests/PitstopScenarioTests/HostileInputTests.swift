import Foundation
import PitstopModel
import Testing

@testable import PitstopScenario

/// The loader must never crash or hang: each hostile input gets one clear error, quickly.
///
/// Time bounds are deliberately generous (10 s, for a slow shared CI machine in a debug
/// build); on the development machine each case takes well under a second.
@Suite struct HostileInputTests {
    static let bound: Duration = .seconds(10)

    /// Loads in-memory text and returns the result and the time it took.
    func timedLoad(_ yaml: String, path: String = "hostile.yaml") -> (LoadResult, Duration) {
        let clock = ContinuousClock()
        var result: LoadResult?
        let elapsed = clock.measure { result = ScenarioLoader.load(yaml: yaml, path: path) }
        return (result ?? LoadResult(scenario: nil, diagnostics: []), elapsed)
    }

    func timedLoad(path: String) -> (LoadResult, Duration) {
        let clock = ContinuousClock()
        var result: LoadResult?
        let elapsed = clock.measure { result = ScenarioLoader.load(path: path) }
        return (result ?? LoadResult(scenario: nil, diagnostics: []), elapsed)
    }

    static let billionLaughs = """
        format: 1
        name: lol
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        description: *i
        """

    @Test func aliasBombStopsAtTheNodeBudget() {
        let (result, elapsed) = timedLoad(Self.billionLaughs)
        #expect(result.diagnostics.map(\.rendered) == ["hostile.yaml:1:1: error: document too large after alias expansion (more than 1,000,000 nodes)"])
        #expect(result.scenario == nil)
        #expect(elapsed < Self.bound)
    }

    @Test func aliasBombUsedAsAKeyIsRefusedBeforeYamsHashesIt() {
        let yaml = Self.billionLaughs.replacingOccurrences(of: "description: *i", with: "? *i\n: 1")
        let (result, elapsed) = timedLoad(yaml)
        #expect(
            result.diagnostics.map(\.rendered) == [
                "hostile.yaml:12:1: error: a list or mapping cannot be used as a mapping key\nhostile.yaml:12:1: note: scenario keys are plain text"
            ])
        #expect(elapsed < Self.bound)
    }

    @Test func aliasBombUsedAsAKeyRightBeforeItsColonIsRefused() {
        // libyaml ends an alias name at the first character that is not a letter, digit,
        // '-' or '_': `*i:` is the alias `i` used as a key.
        let yaml = Self.billionLaughs.replacingOccurrences(of: "description: *i", with: "x: { *i: 1 }")
        let (result, elapsed) = timedLoad(yaml)
        #expect(
            result.diagnostics.map(\.rendered) == [
                "hostile.yaml:12:6: error: an alias cannot be used as a mapping key\nhostile.yaml:12:6: note: scenario keys are plain text"
            ])
        #expect(elapsed < Self.bound)
    }

    @Test func fileOverTheSizeLimitIsRefusedBeforeReading() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("huge.yaml").path
        // A sparse 100 MiB file: no time spent writing it, and the loader must not read it.
        #expect(FileManager.default.createFile(atPath: path, contents: Data("format: 1\n".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 100 * 1024 * 1024)
        try handle.close()
        let (result, elapsed) = timedLoad(path: path)
        #expect(
            result.diagnostics.map(\.rendered) == [
                "\(path):1:1: error: the file is too large (100 MiB); scenario files are limited to 16 MiB"
            ])
        #expect(elapsed < Self.bound)
    }

    @Test func inMemoryTextOverTheSizeLimitIsRefused() {
        let yaml = "format: 1\nname: big\ndescription: " + String(repeating: "x", count: 17 * 1024 * 1024)
        let (result, elapsed) = timedLoad(yaml)
        #expect(
            result.diagnostics.map(\.rendered) == [
                "hostile.yaml:1:1: error: the file is too large (17 MiB); scenario files are limited to 16 MiB"
            ])
        #expect(elapsed < Self.bound)
    }

    @Test func hundredThousandOpeningBracketsGiveOneError() {
        let (result, elapsed) = timedLoad(String(repeating: "[", count: 100_000))
        #expect(
            result.diagnostics.map(\.rendered) == [
                "hostile.yaml:1:1: error: the document is nested too deeply (more than 1,000 levels)"
            ])
        #expect(elapsed < Self.bound)
    }

    @Test func deeplyIndentedBlocksGiveOneError() {
        var yaml = ""
        for depth in 0..<1_200 { yaml += String(repeating: " ", count: depth) + "k:\n" }
        let (result, elapsed) = timedLoad(yaml)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.message == "the document is nested too deeply (more than 1,000 levels)")
        #expect(elapsed < Self.bound)
    }

    @Test func nestingJustUnderTheLimitIsConvertedWithoutOverflowingTheStack() {
        let depth = 990
        let yaml = "format: 1\nname: deep\ndescription: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let (result, elapsed) = timedLoad(yaml)
        #expect(result.diagnostics.map(\.rendered) == ["hostile.yaml:3:14: error: 'description' must be text, found a list"])
        #expect(elapsed < Self.bound)
    }

    @Test func invalidUTF8IsReportedWithLineColumnAndOffset() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("latin1.yaml").path
        var bytes = Array("format: 1\nname: B".utf8)
        bytes.append(0xF8)  // 'ø' in Latin-1: never valid in UTF-8
        bytes += Array("rnefamilien\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (result, elapsed) = timedLoad(path: path)
        #expect(
            result.diagnostics.map(\.rendered) == [
                "\(path):2:8: error: the file is not valid UTF-8: invalid byte at offset 17"
            ])
        #expect(elapsed < Self.bound)
    }

    @Test func emptyFileSaysSo() {
        let (result, _) = timedLoad("")
        #expect(
            result.diagnostics.map(\.rendered) == [
                "hostile.yaml:1:1: error: the file is empty\nhostile.yaml:1:1: note: a scenario needs at least 'format: 1' and 'name'"
            ])
        let (comments, _) = timedLoad("# nothing but a comment\n\n")
        #expect(comments.diagnostics.map(\.message) == ["the file holds no YAML content, only comments"])
    }

    @Test func controlCharactersAreReportedWhereTheyAre() {
        let (result, _) = timedLoad("format: 1\nname: a\u{0}b\n")
        #expect(result.diagnostics.map(\.rendered) == ["hostile.yaml:2:8: error: the file cannot be read as YAML: control characters are not allowed"])
    }

    @Test func aTopLevelListIsAnError() {
        let (result, _) = timedLoad("- format: 1\n")
        #expect(result.diagnostics.map(\.rendered) == ["hostile.yaml:1:1: error: the top level of a scenario must be a mapping, found a list"])
    }

    @Test func secondDocumentIsAnError() {
        let (result, _) = timedLoad("format: 1\nname: a\n---\nformat: 1\n")
        #expect(result.diagnostics.map(\.rendered) == ["hostile.yaml:3:1: error: a scenario file holds one YAML document; found a second '---'"])
    }

    @Test func hugeGroupCountIsRefused() {
        let (result, elapsed) = timedLoad("format: 1\nname: a\nstaff:\n  - { id: g, title: T, count: 1000000000000 }\n")
        #expect(result.diagnostics.map(\.rendered) == ["hostile.yaml:4:31: error: 'count' must be between 1 and 10,000, found 1000000000000"])
        #expect(elapsed < Self.bound)
    }

    @Test func missingFileAndSpecialFilesAreRefused() {
        let (missing, _) = timedLoad(path: "/nonexistent/scenario.yaml")
        #expect(missing.diagnostics.map(\.rendered) == ["error: cannot read '/nonexistent/scenario.yaml': no such file"])
        let (directory, _) = timedLoad(path: "/tmp")
        #expect(directory.diagnostics.map(\.rendered) == ["error: cannot read '/tmp': it is a directory"])
        if FileManager.default.fileExists(atPath: "/dev/zero") {
            let (zero, elapsed) = timedLoad(path: "/dev/zero")
            #expect(zero.diagnostics.map(\.rendered) == ["error: cannot read '/dev/zero': it is not a regular file"])
            #expect(elapsed < Self.bound)
        }
    }

    @Test func documentWithTooManyNodesIsRefusedBeforeParsing() {
        let yaml = "format: 1\nname: wide\ndescription: [" + String(repeating: "1,", count: 1_100_000) + "1]\n"
        let (result, elapsed) = timedLoad(yaml)
        #expect(
            result.diagnostics.map(\.rendered) == [
                "hostile.yaml:1:1: error: document too large (about 1,100,007 nodes; scenarios are limited to 1,000,000)"
            ])
        #expect(elapsed < Self.bound)
    }

    @Test func diagnosticsStopAtTheLimitWithALastErrorSayingSo() {
        let yaml = "format: 1\nname: noisy\n" + (0..<1_200).map { "unknown-\($0): 1\n" }.joined()
        let (result, elapsed) = timedLoad(yaml)
        #expect(result.diagnostics.count == 1_001)
        // At the first problem left out, like every other diagnostic.
        #expect(result.diagnostics.last?.rendered == "hostile.yaml:1003:1: error: too many problems: only the first 1,000 found are shown")
        #expect(result.scenario == nil)
        #expect(elapsed < Self.bound)
    }

    @Test func questionMarksAndBracketsInTextAreNotMistakenForKeys() throws {
        let (result, _) = timedLoad(
            """
            format: 1
            name: &n Hvad nu? [beta]
            description: "*n: ? [x]: y"
            perspectives:
              - { id: private, name: *n }
            """)
        #expect(result.diagnostics.isEmpty, "\(result.renderedDiagnostics)")
        #expect(result.scenario?.perspectives.first?.name == "Hvad nu? [beta]")
    }
}
