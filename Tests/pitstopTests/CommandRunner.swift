import Foundation
import Testing

/// Runs the built `pitstop` executable and captures what it prints.
struct CommandRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root (where Package.swift is).
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The folder holding the built products (`.build/debug`).
    static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    /// Runs `pitstop` with `arguments` in `directory` (default: the package root).
    /// `standardOutput`, when given, is a file the command's stdout is written to instead
    /// of a pipe (e.g. `/dev/full`); the outcome's `stdout` is then empty.
    static func run(_ arguments: [String], in directory: URL = packageRoot, standardOutput: String? = nil) throws
        -> Outcome
    {
        try launch(productsDirectory.appendingPathComponent("pitstop"), arguments, in: directory,
                   standardOutput: standardOutput)
    }

    /// Runs a bash script in `directory`.
    static func shell(_ script: String, in directory: URL = packageRoot) throws -> Outcome {
        try launch(URL(fileURLWithPath: "/bin/bash"), ["-c", script], in: directory, standardOutput: nil)
    }

    private static func launch(_ executable: URL, _ arguments: [String], in directory: URL, standardOutput: String?)
        throws -> Outcome
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        if let standardOutput {
            process.standardOutput = FileHandle(forWritingAtPath: standardOutput)
            try? out.fileHandleForWriting.close()
        } else {
            process.standardOutput = out
        }
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes concurrently so a full pipe never blocks the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs `pitstop`, sends it `signal` after `delay` seconds (if it still runs), and
    /// returns its exit status (130/143 for an interrupted run).
    static func runInterrupted(_ arguments: [String], after delay: TimeInterval, signal: Int32) throws -> Int32 {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("pitstop")
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pitstop-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
