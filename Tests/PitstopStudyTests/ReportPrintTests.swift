import Foundation
import PitstopModel
import PitstopReport
import PitstopStudy
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The bundled comparison's report.html printed by headless Chromium to PDF (A4 landscape),
/// then read with poppler: no page more than 85 % empty, and the org chart pages readable
/// at 100 % (no label under ``DiagramPaging/readableFontPoints``, 6 pt).
///
/// Needs Chromium (`make deps`) and poppler-utils (`make print-test` installs it and runs
/// this suite); skipped, and saying so, when either is missing.
/// Set PITSTOP_PRINT_ARTIFACTS=/some/dir to keep report.html and report.pdf.
@Suite(.serialized, .enabled(if: PrintTools.available, "needs chromium and poppler-utils: run `make print-test`"))
struct ReportPrintTests {
    @Test func theBundledComparisonPrintsWithoutEmptyPagesAndWithReadableOrgCharts() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let paths = ["Scenarios/traditional.yaml", "Scenarios/pitstop.yaml"].map { root.appendingPathComponent($0).path }
        let loaded = LoadedScenarios.load(paths)
        #expect(!loaded.hasErrors)
        let options = try RunSettings().runOptions(for: loaded.scenarios[0])
        let study = ComparisonStudy.run(loaded.scenarios, files: paths, options: options, language: .en)
        let outputs = try study.outputs()
        let html = try #require(outputs.files.first { $0.name == "report.html" })

        let dir = try PrintTools.workspace()
        let report = dir.appendingPathComponent("report.html"), pdf = dir.appendingPathComponent("report.pdf")
        try Data(html.bytes).write(to: report)
        let profile = dir.appendingPathComponent("chromium-profile")
        let chromium = try PrintTools.run(PrintTools.chromium!, [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(profile.path)", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", report.absoluteString,
        ], timeout: 120)
        // Chromium exits 0 even when it could not load the page: the PDF is what counts.
        #expect(FileManager.default.fileExists(atPath: pdf.path), "no PDF; chromium said: \(chromium.suffix(1500))")
        let pages = try PDFPages(pdf)
        #expect(pages.count >= 10, "only \(pages.count) pages")

        var orgChartPages = 0
        for page in pages.pages {
            #expect(abs(page.width - 841.92) < 1 && abs(page.height - 594.96) < 1, "page \(page.number) is not A4 landscape")
            #expect(page.emptyShare <= 0.85,
                    "page \(page.number) is \(Int(page.emptyShare * 100)) % empty: \(page.text.prefix(120))")
            guard page.text.hasPrefix("Organisation charts:") else { continue }
            orgChartPages += 1
            // A word box is as tall as the font's ascent plus descent: 1.117 em in Liberation
            // Sans (Arial), the charts' font.
            let smallest = try #require(page.words.map { $0.height / 1.117 }.min())
            #expect(smallest >= DiagramPaging.readableFontPoints - 0.05,
                    "page \(page.number): an org chart label is printed at \(smallest) pt")
            #expect(page.words.count > 40, "page \(page.number) holds only \(page.words.count) words")
        }
        // Both scenarios' charts, each on at least one page of its own.
        #expect(orgChartPages >= 2)
        // The 358 input changes print as their first rows and a line saying how many more.
        let text = pages.pages.map(\.text).joined(separator: "\n")
        #expect(text.contains("more changes: every one is in the report on screen"))
        #expect(!text.contains("personas.researcher.dialogue.patience"), "a change past the printed rows is on paper")
        PrintTools.finish(dir)
    }
}

/// The pages of a PDF as poppler sees them: size, words with their boxes, and how much of
/// the printable height holds text or ink.
struct PDFPages {
    struct Word {
        var text: String
        var yMin: Double
        var yMax: Double
        var height: Double { yMax - yMin }
    }

    struct Page {
        var number: Int
        var width: Double
        var height: Double
        var words: [Word]
        var text: String
        /// The share of the page's printable height (inside 9 mm margins) with neither text
        /// nor ink: rows of a 20 dpi grey render with no pixel darker than 230, and no word box.
        var emptyShare: Double
    }

    var pages: [Page] = []
    var count: Int { pages.count }

    init(_ pdf: URL) throws {
        let xml = try PrintTools.run("/usr/bin/pdftotext", ["-bbox", pdf.path, "-"], timeout: 120)
        let pageChunks = xml.components(separatedBy: "<page ").dropFirst()
        for (index, chunk) in pageChunks.enumerated() {
            func number(_ name: String, in text: Substring) -> Double {
                guard let r = text.range(of: "\(name)=\"") else { return 0 }
                return Double(text[r.upperBound...].prefix { $0 != "\"" }) ?? 0
            }
            let head = chunk.prefix { $0 != ">" }
            var words: [Word] = []
            for line in chunk.components(separatedBy: "<word ").dropFirst() {
                let tag = line[...]
                let text = line.components(separatedBy: ">").dropFirst().first?.components(separatedBy: "</word").first ?? ""
                words.append(Word(text: text, yMin: number("yMin", in: tag), yMax: number("yMax", in: tag)))
            }
            let width = number("width", in: head), height = number("height", in: head)
            let pgm = try PrintTools.runData("/usr/bin/pdftoppm", ["-f", "\(index + 1)", "-l", "\(index + 1)", "-r", "20", "-gray", pdf.path])
            let ink = try PDFPages.inkRows(pgm)
            let margin = 9 / 25.4 * 72
            var used = 0, rows = 0
            for row in 0..<ink.count {
                let y = (Double(row) + 0.5) * height / Double(ink.count)
                guard y > margin, y < height - margin else { continue }
                rows += 1
                if ink[row] || words.contains(where: { $0.yMin - 1 <= y && y <= $0.yMax + 1 }) { used += 1 }
            }
            pages.append(Page(number: index + 1, width: width, height: height, words: words,
                              text: words.map(\.text).joined(separator: " "),
                              emptyShare: rows == 0 ? 1 : 1 - Double(used) / Double(rows)))
        }
    }

    /// Per pixel row of a binary PGM (P5): whether any pixel is darker than 230.
    static func inkRows(_ data: [UInt8]) throws -> [Bool] {
        var fields: [Int] = [], i = 2, current = ""
        guard data.count > 2, data[0] == UInt8(ascii: "P"), data[1] == UInt8(ascii: "5") else { throw PrintTools.Failure("not a PGM") }
        while fields.count < 3, i < data.count {
            let c = Character(UnicodeScalar(data[i]))
            if c.isNumber { current.append(c) } else if !current.isEmpty { fields.append(Int(current) ?? 0); current = "" }
            i += 1
        }
        let (w, h) = (fields[0], fields[1])
        guard data.count >= i + w * h else { throw PrintTools.Failure("short PGM") }
        return (0..<h).map { row in data[(i + row * w)..<(i + (row + 1) * w)].contains { $0 < 230 } }
    }
}

/// Finding and running the programs the print test needs.
enum PrintTools {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    static let chromium: String? = {
        let env = ProcessInfo.processInfo.environment["CHROMIUM"]
        return ([env].compactMap { $0 } + ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var available: Bool {
        chromium != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftoppm")
    }

    static func workspace() throws -> URL {
        let url: URL
        if let keep = ProcessInfo.processInfo.environment["PITSTOP_PRINT_ARTIFACTS"], !keep.isEmpty {
            url = URL(fileURLWithPath: keep, isDirectory: true)
        } else {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("pitstop-print-\(UUID().uuidString)", isDirectory: true)
        }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func finish(_ dir: URL) {
        if ProcessInfo.processInfo.environment["PITSTOP_PRINT_ARTIFACTS"]?.isEmpty == false {
            print("print test files kept in \(dir.path)")
        } else {
            try? FileManager.default.removeItem(at: dir)
        }
    }

    static func run(_ program: String, _ arguments: [String], timeout: TimeInterval = 60) throws -> String {
        String(decoding: try runData(program, arguments, timeout: timeout), as: UTF8.self)
    }

    /// Runs a program; its stdout (stderr goes to a file that is dropped). Killed after `timeout`.
    static func runData(_ program: String, _ arguments: [String], timeout: TimeInterval = 60) throws -> [UInt8] {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pitstop-print-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        let handle = try FileHandle(forWritingTo: out)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw Failure("\(program) did not finish within \(Int(timeout)) s")
        }
        try handle.close()
        return [UInt8](try Data(contentsOf: out))
    }
}
