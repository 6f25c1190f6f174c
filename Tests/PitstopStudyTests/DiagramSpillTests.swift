import Foundation
import PitstopReport
import PitstopSimulation
import Testing

@testable import PitstopStudy

/// A comparison whose drawings wait on disk (``DiagramSpill``) writes the same bytes as one
/// that holds them in memory; the report made as it is written is the report made whole.
@Suite struct DiagramSpillTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pitstop-spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aSpilledComparisonWritesTheSameFilesAsOneHeldInMemory() throws {
        let paths = ["Scenarios/traditional.yaml", "Scenarios/pitstop.yaml"].map { Self.root.appendingPathComponent($0).path }
        let loaded = LoadedScenarios.load(paths)
        #expect(!loaded.hasErrors)
        let options = RunOptions(days: 2, warmupDays: 0, replications: 2, seed: 5, jobs: 1)
        let study = ComparisonStudy.run(loaded.scenarios, files: paths, options: options, language: .da)
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }

        let held = try study.outputs()
        let spill = try DiagramSpill(beside: folder.appendingPathComponent("out").path)
        let spilled = try study.outputs(spill: spill)
        // The drawings wait beside the output folder, hidden.
        let waiting = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(waiting.count == 1 && waiting[0].hasPrefix(".out-drawings."))

        #expect(held.files.map(\.name) == spilled.files.map(\.name))
        #expect(held.files.count > 5)
        let inMemory = try #require(held.files.first { $0.name == "report.html" })
        #expect(inMemory.bytes == Array(HTMLReport.render(held.input).utf8))
        // Through the writer: produced files go to disk a piece at a time.
        let a = folder.appendingPathComponent("held").path, b = folder.appendingPathComponent("out").path
        try OutputWriter.write(held.files, to: a)
        try OutputWriter.write(spilled.files, to: b)
        spill.remove()
        for file in held.files {
            let x = FileManager.default.contents(atPath: a + "/" + file.name)
            let y = FileManager.default.contents(atPath: b + "/" + file.name)
            #expect(x != nil && x == y, "\(file.name)")
            #expect(x.map { Array($0) } == file.bytes, "\(file.name)")
        }
        // Nothing is left beside the output folders.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["held", "out"])
    }

    @Test func drawingsComeBackWholeWhateverTheirSize() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spill = try DiagramSpill(beside: folder.appendingPathComponent("out").path)
        defer { spill.remove() }
        // Larger than the sink's 256 KiB buffer, with two-byte letters across every boundary.
        let svg = "<svg>" + String(repeating: "æøå Ærø ", count: 60_000) + "</svg>"
        let token = try spill.keep(svg)
        #expect(token != svg && token.utf8.count < 40)
        #expect(spill.text(token) == svg)
        #expect(spill.bytes(token) == Array(svg.utf8))
        #expect(spill.text("<svg/>") == "<svg/>" && spill.bytes("") == [])
        #expect(try spill.keep("") == "")
        let file = OutputFile(name: "x.svg") { sink in spill.copy(token, to: &sink) }
        #expect(file.bytes == Array(svg.utf8))
        #expect(file == OutputFile(name: "x.svg", text: svg))
        let written = folder.appendingPathComponent("written").path
        try OutputWriter.write([file], to: written)
        #expect(FileManager.default.contents(atPath: written + "/x.svg") == Data(svg.utf8))
    }
}
