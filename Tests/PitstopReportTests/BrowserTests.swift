import Foundation
import Testing
@testable import PitstopReport

#if canImport(Glibc)
import Glibc
#endif

/// report.html in a real browser: headless Chromium loads the file, the DOM it built is
/// checked, and a screenshot must not be blank. Chromium comes with `make deps`.
/// Set PITSTOP_REPORT_ARTIFACTS=/some/dir to keep the report and the screenshots.
@Suite(.serialized)
struct BrowserTests {
    @Test func reportLoadsInHeadlessChromiumWithEverySectionAndEverySVG() throws {
        let chromium = try #require(Chromium.find(), "Chromium not found (looked for \(Chromium.candidates.joined(separator: ", "))). Run `make deps` to install it.")
        let dir = try Workspace()
        defer { dir.finish() }

        // A hostile baseline name travels through the whole report.
        let names = ["<script>alert(\"x\")</script> & Co", Sample.otherName]
        let input = Sample.input(names: names)
        let report = dir.url.appendingPathComponent("report.html")
        try HTMLReport.render(input).write(to: report, atomically: true, encoding: .utf8)

        let dom = try chromium.run(["--dump-dom", report.absoluteString], in: dir)
        #expect(dom.status == 0, "chromium --dump-dom failed: \(dom.stderr.suffix(2000))")
        for id in HTMLReport.sectionIDs {
            #expect(dom.stdout.contains("<section id=\"\(id)\""), "section \(id) missing from the DOM")
        }
        let svgs = Sample.drawings(in: dom.stdout)
        #expect(svgs == Sample.svgCount(input), "the DOM has \(svgs) <svg> elements, expected \(Sample.svgCount(input))")
        #expect(svgs >= 14)
        #expect(!dom.stdout.contains("<script"), "a name became markup")
        #expect(dom.stdout.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; Co"))

        let shot = dir.url.appendingPathComponent("report.png")
        let blankPage = dir.url.appendingPathComponent("blank.html")
        let blankShot = dir.url.appendingPathComponent("blank.png")
        try "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body></body></html>\n"
            .write(to: blankPage, atomically: true, encoding: .utf8)
        for (page, png) in [(report, shot), (blankPage, blankShot)] {
            let result = try chromium.run(["--screenshot=\(png.path)", "--window-size=1400,2000", "--hide-scrollbars",
                                           page.absoluteString], in: dir)
            #expect(result.status == 0, "chromium --screenshot failed: \(result.stderr.suffix(2000))")
        }
        let image = try PNGInfo(Data(contentsOf: shot))
        let blank = try PNGInfo(Data(contentsOf: blankShot))
        #expect(image.width == 1400 && image.height == 2000, "screenshot is \(image.width)×\(image.height)")
        // A blank page compresses to almost nothing; a page of text, tables and charts does not.
        #expect(image.compressedBytes > 40_000, "the screenshot looks blank: \(image.compressedBytes) bytes of image data")
        #expect(image.compressedBytes > 10 * blank.compressedBytes,
                "the screenshot (\(image.compressedBytes) bytes) is hardly bigger than a blank page's (\(blank.compressedBytes))")
        dir.succeeded = true
        if dir.keep {
            // Sample reports to look at, in both languages.
            for language in ReportLanguage.allCases {
                let sample = Sample.input(language: language)
                for (ext, text) in [("html", HTMLReport.render(sample)), ("txt", ComparisonTable.text(sample)),
                                    ("md", ComparisonTable.markdown(sample))] {
                    try text.write(to: dir.url.appendingPathComponent("sample-\(language.rawValue).\(ext)"),
                                   atomically: true, encoding: .utf8)
                }
            }
        }
    }
}

// MARK: - Helpers

/// A temporary folder, kept when the test fails or PITSTOP_REPORT_ARTIFACTS names a folder.
final class Workspace {
    let url: URL
    var succeeded = false
    let keep: Bool

    init() throws {
        if let artifacts = ProcessInfo.processInfo.environment["PITSTOP_REPORT_ARTIFACTS"], !artifacts.isEmpty {
            url = URL(fileURLWithPath: artifacts, isDirectory: true)
            keep = true
        } else {
            url = FileManager.default.temporaryDirectory
                .appendingPathComponent("pitstop-report-\(UUID().uuidString)", isDirectory: true)
            keep = false
        }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func finish() {
        if keep || !succeeded {
            print("browser test files kept in \(url.path)")
        } else {
            try? FileManager.default.removeItem(at: url)
        }
    }
}

struct Chromium {
    static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
                             "/usr/bin/google-chrome-stable", "/snap/bin/chromium"]
    let path: String

    static func find() -> Chromium? {
        if let explicit = ProcessInfo.processInfo.environment["CHROMIUM"], FileManager.default.isExecutableFile(atPath: explicit) {
            return Chromium(path: explicit)
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map(Chromium.init(path:))
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs headless Chromium with a fresh profile; kills it after `timeout` seconds.
    func run(_ arguments: [String], in dir: Workspace, timeout: TimeInterval = 90) throws -> Result {
        let profile = dir.url.appendingPathComponent("profile-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: profile) }
        let out = dir.url.appendingPathComponent("chromium-\(UUID().uuidString).out")
        let err = dir.url.appendingPathComponent("chromium-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--user-data-dir=\(profile.path)",
        ] + arguments
        process.currentDirectoryURL = dir.url
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        var timedOut = false
        if process.isRunning {
            timedOut = true
            process.terminate()
            let grace = Date().addingTimeInterval(5)
            while process.isRunning, Date() < grace { usleep(50_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        try outHandle.close()
        try errHandle.close()
        let stdout = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        if timedOut { Issue.record("chromium did not finish within \(Int(timeout)) s and was killed") }
        return Result(status: timedOut ? -1 : process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}

/// The size and the amount of compressed image data of a PNG file.
struct PNGInfo {
    var width = 0
    var height = 0
    var compressedBytes = 0

    struct NotAPNG: Error {}

    init(_ data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count > 33, bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { throw NotAPNG() }
        func u32(_ i: Int) -> Int { bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        var i = 8
        while i + 8 <= bytes.count {
            let length = u32(i)
            let type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
            if type == "IHDR" {
                width = u32(i + 8)
                height = u32(i + 12)
            }
            if type == "IDAT" { compressedBytes += length }
            i += 12 + length
        }
    }
}
