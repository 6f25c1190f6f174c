import Foundation
import PitstopStudy
import Testing

/// Outputs are written whole: staged beside the folder, then moved into place.
@Suite struct OutputWriterTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pitstop-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func listing(_ url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    @Test func filesLandInTheFolderAndNothingIsLeftBeside() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("run").path
        let paths = try OutputWriter.write(
            [OutputFile(name: "a.txt", text: "A"), OutputFile(name: "b.csv", text: "B")], to: out)
        #expect(paths.count == 2)
        #expect(try listing(parent) == ["run"])
        #expect(try listing(URL(fileURLWithPath: out)) == [".pitstop-files", "a.txt", "b.csv"])
        #expect(try String(contentsOfFile: out + "/a.txt", encoding: .utf8) == "A")
    }

    @Test func aSecondRunReplacesTheFirstsFilesAndKeepsForeignOnes() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("run").path
        try OutputWriter.write([OutputFile(name: "a.txt", text: "1"), OutputFile(name: "old.svg", text: "1")], to: out)
        try "mine".write(toFile: out + "/notes.md", atomically: false, encoding: .utf8)
        try OutputWriter.write([OutputFile(name: "a.txt", text: "2"), OutputFile(name: "new.svg", text: "2")], to: out)
        #expect(try listing(URL(fileURLWithPath: out)) == [".pitstop-files", "a.txt", "new.svg", "notes.md"])
        #expect(try String(contentsOfFile: out + "/a.txt", encoding: .utf8) == "2")
    }

    @Test func namesAreMadeSafeAndClashesRefused() throws {
        #expect(OutputWriter.safeName("../../etc/passwd") == "-..-etc-passwd")
        #expect(OutputWriter.safeName(".hidden") == "hidden")
        #expect(OutputWriter.safeName("ø") == "-")
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        #expect(throws: StudyError.self) {
            try OutputWriter.write([OutputFile(name: "a/b", text: ""), OutputFile(name: "a-b", text: "")],
                                   to: parent.appendingPathComponent("x").path)
        }
        #expect(try listing(parent).isEmpty)
    }
}
