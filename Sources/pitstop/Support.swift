import ArgumentParser
import Dispatch
import Foundation
import PitstopModel
import PitstopScenario
import PitstopStudy

/// Standard output and standard error, with write errors reported instead of ignored.
///
/// Writing to a full disk (`> /dev/full`) or a closed file is an error: a message on
/// stderr and exit 1. A reader that went away (`| head`) is not: the program stops quietly
/// with status 0, as Unix tools do.
enum Console {
    /// Writes `text` and a newline to standard output.
    static func print(_ text: String, terminator: String = "\n") {
        write(text + terminator, to: 1)
    }

    /// Writes a line to standard error (errors writing it are ignored: there is nowhere left
    /// to report them).
    static func printError(_ text: String, newline: Bool = true) {
        _ = writeAll(newline ? text + "\n" : text, to: 2)
    }

    static func write(_ text: String, to fd: Int32) {
        let error = writeAll(text, to: fd)
        if error == 0 { return }
        if error == EPIPE { exit(0) }
        printError("error: cannot write to standard output: \(String(cString: strerror(error)))")
        exit(1)
    }

    /// Writes every byte; returns 0, or the `errno` of the write that failed.
    private static func writeAll(_ text: String, to fd: Int32) -> Int32 {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return 0 }
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return 0
        }
    }

    /// Whether standard error is a terminal (progress only then).
    static var standardErrorIsTerminal: Bool { isatty(2) != 0 }

    /// On SIGINT or SIGTERM: remove the staging folders of outputs being written (a
    /// previous output stays whole) and exit with 130 or 143. SIGPIPE is ignored so that a
    /// closed reader shows up as EPIPE (handled in ``write(_:to:)``).
    static func installSignalHandlers() {
        signal(SIGPIPE, SIG_IGN)
        // Text printed by the argument parser (help, usage) goes through C's buffered
        // stdout: check that it reached its destination when the program ends.
        atexit(flushStandardStreams)
        for (number, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global(qos: .userInteractive))
            source.setEventHandler {
                OutputWriter.abandonAll()
                if standardErrorIsTerminal { printError("\r\u{1B}[Kinterrupted") }
                exit(status)
            }
            source.resume()
            signalSources.append(source)
        }
    }

    /// Removes the handlers of ``installSignalHandlers()`` for SIGINT and SIGTERM, for a
    /// command that stops gracefully on them itself (`serve`).
    static func stopHandlingInterruptions() {
        for source in signalSources { source.cancel() }
        signalSources.removeAll()
    }

    nonisolated(unsafe) private static var signalSources: [any DispatchSourceSignal] = []
}

/// Writes a line to standard error.
func printError(_ text: String) { Console.printError(text) }

/// `--set PATH=VALUE`, for every command that loads a scenario (docs/whatif.md).
struct ScenarioSetOptions: ParsableArguments {
    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Change the scenario: PATH=VALUE, e.g. staff.lib-main.count=6 or 'sites.main.staffed_hours.sat=10:00-16:00' (repeatable, applied in order).",
            valueName: "PATH=VALUE"))
    var sets: [String] = []
}

/// Loads scenarios and prints their diagnostics to standard error.
enum ScenarioInput {
    /// Loads the files, each with `sets` applied; prints every diagnostic; exits 1 when any
    /// has errors.
    static func load(_ paths: [String], sets: [String] = []) throws -> [Scenario] {
        let loaded = LoadedScenarios.load(paths, sets: sets)
        report(loaded.diagnostics)
        guard !loaded.hasErrors, loaded.scenarios.count == paths.count else { throw ExitCode.failure }
        return loaded.scenarios
    }

    static func load(_ path: String, sets: [String] = []) throws -> Scenario { try load([path], sets: sets)[0] }

    static func report(_ diagnostics: [Diagnostic]) {
        for d in diagnostics { printError(d.rendered) }
    }
}

extension ParsableCommand {
    /// Runs `body`, turning a `StudyError` into a message on stderr and exit status 1.
    func failing(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as StudyError {
            // Interrupted: the signal's handler is removing what was staged and will exit
            // with 130 or 143; exiting here with 1 would race it.
            if failure == .interrupted { while true { sleep(60) } }
            printError("error: \(failure.description)")
            throw ExitCode.failure
        }
    }
}

/// Writes a study's files into `--out` (or `Output/<name>/`) and returns their paths.
func writeOutputs(_ files: [OutputFile], out: String?, defaultName: String) throws(StudyError) -> [String] {
    try OutputWriter.write(files, to: outputFolder(out, defaultName: defaultName))
}

/// `--out`, else `Output/<defaultName>`.
func outputFolder(_ out: String?, defaultName: String) -> String {
    out ?? "Output/" + OutputWriter.safeName(defaultName)
}

/// Progress on stderr — only on a terminal, and only once a run has taken a second:
/// `label: 12/40 replications · 3.1 a second · 9 s left`.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private let unit: String
    private var shown = false

    init(unit: String = "replications") { self.unit = unit }

    /// The handler to pass to a study, or `nil` when stderr is not a terminal.
    var handler: ProgressHandler? {
        guard Console.standardErrorIsTerminal else { return nil }
        return { [self] progress in update(progress) }
    }

    private func update(_ p: StudyProgress) {
        lock.lock()
        defer { lock.unlock() }
        let elapsed = Date().timeIntervalSince(start)
        guard elapsed > 1 else { return }
        shown = true
        let rate = Double(p.done) / elapsed
        let left = rate > 0 ? Double(p.total - p.done) / rate : 0
        let rateText = rate >= 10 ? String(Int(rate.rounded())) : String(format: "%.1f", rate)
        Console.printError(
            "\r\(p.label): \(p.done)/\(p.total) \(unit) · \(rateText) a second · \(duration(left)) left\u{1B}[K", newline: false)
    }

    private func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        return s < 90 ? "\(s) s" : s < 5400 ? "\(s / 60) min" : "\(s / 3600) h \(s % 3600 / 60) min"
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { Console.printError("\r\u{1B}[K", newline: false) }
        shown = false
    }
}

/// At exit: flush C's buffered streams; a failed write to stdout is an error (exit 1),
/// a reader that went away is not (exit 0).
private func flushStandardStreams() {
    if fflush(nil) != 0 {
        let error = errno
        if error == EPIPE { _exit(0) }
        Console.printError("error: cannot write to standard output: \(String(cString: strerror(error)))")
        _exit(1)
    }
}

