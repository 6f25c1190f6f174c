import ArgumentParser
import Foundation
import PitstopModel
import PitstopReport
import PitstopScenario

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Whether standard error is a terminal (progress and colour only then).
var standardErrorIsTerminal: Bool { isatty(2) != 0 }

/// Loads scenarios and prints their diagnostics to standard error.
enum ScenarioInput {
    /// Loads one scenario; prints every diagnostic; exits 1 when there are errors.
    static func load(_ path: String) throws -> Scenario {
        let result = ScenarioLoader.load(path: path)
        report(result.diagnostics)
        guard !result.hasErrors, let scenario = result.scenario else { throw ExitCode.failure }
        return scenario
    }

    static func report(_ diagnostics: [Diagnostic]) {
        for d in diagnostics { printError(d.rendered) }
    }
}

/// The folder a command writes into; every file is written atomically.
struct OutputFolder {
    let url: URL

    /// `--out DIR` if given, else `Output/<name>/`.
    init(explicit: String?, defaultName: String) throws {
        let path = explicit ?? "Output/" + OutputFolder.safeName(defaultName)
        url = URL(fileURLWithPath: path, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("cannot create the output folder '\(path)': \(error.localizedDescription)")
        }
    }

    /// Writes `bytes` to `name` inside the folder: a temporary file, then a rename.
    @discardableResult
    func write(_ bytes: some Sequence<UInt8>, to name: String) throws -> String {
        let file = url.appendingPathComponent(OutputFolder.safeName(name))
        do {
            try Data(bytes).write(to: file, options: .atomic)
        } catch {
            throw CommandFailure("cannot write '\(file.path)': \(error.localizedDescription)")
        }
        return file.relativePath
    }

    @discardableResult
    func write(_ text: String, to name: String) throws -> String { try write(Array(text.utf8), to: name) }

    /// Keeps letters, digits, `-`, `_` and `.`; anything else becomes `-`. Never empty, never `..`.
    static func safeName(_ raw: String) -> String {
        var out = ""
        for ch in raw.unicodeScalars {
            if CharacterSet.alphanumerics.contains(ch) && ch.isASCII || "-_.".unicodeScalars.contains(ch) {
                out.unicodeScalars.append(ch)
            } else {
                out.append("-")
            }
        }
        while out.hasPrefix(".") { out.removeFirst() }
        return out.isEmpty ? "output" : out
    }
}

/// The stem of a scenario path: `Scenarios/pitstop.yaml` → `pitstop`.
func fileStem(_ path: String) -> String {
    URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
}

/// A failure of the work (exit 1) with a message for the user.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

extension ParsableCommand {
    /// Runs `body`, turning a `CommandFailure` into a message on stderr and exit code 1.
    func failing(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CommandFailure {
            printError("error: \(failure.description)")
            throw ExitCode.failure
        }
    }
}

/// "1 unit", "3 units".
func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
}

/// Numbers in the text output: the report's own formatter, in English (1,234.5).
enum Number {
    private static let format = NumberFormat(.en)

    static func grouped(_ value: Double, decimals: Int = 0) -> String { format.number(value, decimals: decimals) }
    static func fixed(_ value: Double, _ decimals: Int) -> String { format.number(value, decimals: decimals) }
}

/// Pads text into aligned columns.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Columns from this index on are right-aligned.
    var firstNumericColumn = 1

    func render(indent: String = "  ") -> String {
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { $0.indices.contains(i) ? $0[i].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { i, c in
                let pad = String(repeating: " ", count: max(0, widths[i] - c.count))
                return i >= firstNumericColumn ? pad + c : c + pad
            }
            return indent + padded.joined(separator: "  ")
        }
        var lines = [line(header), indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        lines += rows.map(line)
        return lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            .joined(separator: "\n")
    }
}
