import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file a study produces: a name inside the output folder and its contents.
///
/// Text stays the `String` it was made as (a report or a chart is not copied into a
/// second buffer of bytes); ``bytes`` reads either kind as bytes.
public struct OutputFile: Sendable, Hashable {
    public var name: String
    private var content: Content

    private enum Content: Sendable {
        case bytes([UInt8])
        case text(String)
        case produced(@Sendable (inout OutputSink) -> Void)
    }

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        content = .bytes(bytes)
    }

    public init(name: String, text: String) {
        self.name = name
        content = .text(text)
    }

    /// A text file written by `producer` when the file is written: it goes to its file a
    /// piece at a time and is never held whole (a report of many large diagrams).
    public init(name: String, producer: @escaping @Sendable (inout OutputSink) -> Void) {
        self.name = name
        content = .produced(producer)
    }

    /// The text of a produced file, made in memory.
    private static func text(of producer: @Sendable (inout OutputSink) -> Void) -> String {
        var sink = OutputSink()
        producer(&sink)
        return sink.text
    }

    /// The file's bytes (text as UTF-8).
    public var bytes: [UInt8] {
        get {
            switch content {
            case .bytes(let bytes): bytes
            case .text(let text): Array(text.utf8)
            case .produced(let producer): Array(Self.text(of: producer).utf8)
            }
        }
        set { content = .bytes(newValue) }
    }

    /// Calls `body` with the file's bytes in place (no copy).
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch content {
        case .bytes(let bytes):
            return try bytes.withUnsafeBytes(body)
        case .text(let text):
            var text = text
            return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
        case .produced(let producer):
            var text = Self.text(of: producer)
            return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Writes the file's bytes to an open file; returns the first error (errno), 0 if none.
    func write(toFileDescriptor fd: Int32) -> Int32 {
        if case .produced(let producer) = content {
            var sink = OutputSink(fileDescriptor: fd)
            producer(&sink)
            sink.flush()
            return sink.failure
        }
        return withBytes { OutputSink.writeAll($0, to: fd) }
    }

    public static func == (a: OutputFile, b: OutputFile) -> Bool {
        a.name == b.name && a.withBytes { x in b.withBytes { y in x.elementsEqual(y) } }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        withBytes { hasher.combine(bytes: $0) }
    }
}

/// Writes a study's files into an output folder so that a reader never sees a mix of two
/// runs, even when the program is interrupted.
///
/// Every file is first written into a hidden staging folder beside the output folder
/// (`.<name>.pitstop-<pid>-<n>` in its parent), then moved into place with `rename(2)`.
/// The moves run under the same lock as ``abandonAll()``, which the command line calls
/// on SIGINT/SIGTERM: an interruption before the moves removes the staging folder and
/// leaves the previous output whole; one during the moves waits for them to finish, so
/// the new output is whole. Files of the previous run that this run does not write are
/// removed (the folder keeps a hidden list of what the program wrote, `.pitstop-files`),
/// so the folder never holds two runs' files. Other files in the folder are left alone.
public enum OutputWriter {
    /// The name of the hidden list of files the last run wrote.
    public static let manifestName = ".pitstop-files"

    /// Writes `files` into `folder` (created if missing) and returns their paths, in order.
    @discardableResult
    public static func write(_ files: [OutputFile], to folder: String) throws(StudyError) -> [String] {
        let names = files.map { safeName($0.name) }
        if Set(names).count != names.count {
            throw StudyError("two output files would have the same name in '\(folder)'")
        }
        let target = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw StudyError("cannot create the output folder '\(folder)': \(reason(error))")
        }
        let stage = try Staging.shared.begin(in: parent, for: target.lastPathComponent)
        do {
            for (file, name) in zip(files, names) {
                try Staging.shared.write(file, to: stage.appendingPathComponent(name))
            }
            try Staging.shared.write(OutputFile(name: manifestName, text: names.joined(separator: "\n") + "\n"),
                                     to: stage.appendingPathComponent(manifestName))
            try Staging.shared.commit(stage, into: target, names: names + [manifestName])
        } catch {
            Staging.shared.abandon(stage)
            throw error
        }
        let shown = URL(fileURLWithPath: folder, isDirectory: true)
        return names.map { shown.appendingPathComponent($0).relativePath }
    }

    /// Adds `files` to `folder` (created if missing), each moved into place whole, without
    /// touching anything else there — for folders that several runs share, such as the
    /// shards of a sweep written by the tasks of a job array at the same time.
    @discardableResult
    public static func add(_ files: [OutputFile], to folder: String) throws(StudyError) -> [String] {
        let names = files.map { safeName($0.name) }
        let target = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        } catch {
            throw StudyError("cannot create the output folder '\(folder)': \(reason(error))")
        }
        let stage = try Staging.shared.begin(in: target.deletingLastPathComponent(), for: target.lastPathComponent)
        do {
            for (file, name) in zip(files, names) {
                try Staging.shared.write(file, to: stage.appendingPathComponent(name))
            }
            try Staging.shared.commit(stage, into: target, names: names, keepingOthers: true)
        } catch {
            Staging.shared.abandon(stage)
            throw error
        }
        let shown = URL(fileURLWithPath: folder, isDirectory: true)
        return names.map { shown.appendingPathComponent($0).relativePath }
    }

    /// A hidden folder in `parent` that SIGINT and SIGTERM remove like a staging folder
    /// (``abandonAll()``); ``endHiddenFolder(_:)`` removes it.
    static func beginHiddenFolder(in parent: URL, for name: String) throws(StudyError) -> URL {
        try Staging.shared.begin(in: parent, for: name)
    }

    /// Writes `file` to `url` inside a hidden folder, unless the run was interrupted.
    static func writeStaged(_ file: OutputFile, to url: URL) throws(StudyError) {
        try Staging.shared.write(file, to: url)
    }

    /// Removes a folder made by ``beginHiddenFolder(in:for:)``.
    static func endHiddenFolder(_ folder: URL) {
        Staging.shared.abandon(folder)
    }

    /// Removes every staging folder still in progress; the command line calls it when it
    /// is interrupted, then exits. Waits for a move into place that has begun.
    public static func abandonAll() {
        Staging.shared.abandonAll()
    }

    /// Keeps letters, digits, `-`, `_` and `.`; anything else becomes `-`. Never empty,
    /// never hidden, never `..`.
    public static func safeName(_ raw: String) -> String {
        var out = ""
        for ch in raw.unicodeScalars {
            let isSafe = ch.isASCII && (CharacterSet.alphanumerics.contains(ch) || "-_.".unicodeScalars.contains(ch))
            if isSafe { out.unicodeScalars.append(ch) } else { out.append("-") }
        }
        while out.hasPrefix(".") { out.removeFirst() }
        return out.isEmpty ? "output" : out
    }

    static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}

extension OutputWriter {
    /// Writes one file whole, replacing any file of that name: staged in a hidden folder
    /// beside it, then renamed into place (an interruption leaves the old file whole).
    public static func writeFile(_ bytes: [UInt8], to path: String) throws(StudyError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw StudyError("cannot create the folder '\(parent.relativePath)': \(reason(error))")
        }
        let stage = try Staging.shared.begin(in: parent, for: target.lastPathComponent)
        do {
            let staged = stage.appendingPathComponent("file")
            try Staging.shared.write(OutputFile(name: "file", bytes: bytes), to: staged)
            try Staging.shared.place([(staged, target)], replacing: true)
            Staging.shared.abandon(stage)
        } catch {
            Staging.shared.abandon(stage)
            throw error
        }
    }

    /// Creates `files` in `folder` (created if missing) and returns their paths; never
    /// replaces a file: when one of them exists, nothing is written and the error names it.
    @discardableResult
    public static func createNew(_ files: [OutputFile], in folder: String) throws(StudyError) -> [String] {
        let target = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
        let shown = URL(fileURLWithPath: folder, isDirectory: true)
        let existing = files.filter { FileManager.default.fileExists(atPath: target.appendingPathComponent($0.name).path) }
        if !existing.isEmpty {
            let names = existing.map { "'\(shown.appendingPathComponent($0.name).relativePath)'" }.joined(separator: ", ")
            throw StudyError("\(names) already exist\(existing.count == 1 ? "s" : ""); nothing was written (files are never replaced)")
        }
        do {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        } catch {
            throw StudyError("cannot create the folder '\(folder)': \(reason(error))")
        }
        let stage = try Staging.shared.begin(in: target, for: "new")
        do {
            var moves: [(URL, URL)] = []
            for (index, file) in files.enumerated() {
                let staged = stage.appendingPathComponent("\(index)")
                try Staging.shared.write(file, to: staged)
                moves.append((staged, target.appendingPathComponent(file.name)))
            }
            try Staging.shared.place(moves, replacing: false)
            Staging.shared.abandon(stage)
        } catch {
            Staging.shared.abandon(stage)
            throw error
        }
        return files.map { shown.appendingPathComponent($0.name).relativePath }
    }
}

/// The staging folders of this process, behind one lock shared with the signal path.
private final class Staging: @unchecked Sendable {
    static let shared = Staging()

    private let lock = NSLock()
    private var active: Set<URL> = []
    private var abandoned = false
    private var counter = 0

    func begin(in parent: URL, for name: String) throws(StudyError) -> URL {
        lock.lock()
        defer { lock.unlock() }
        guard !abandoned else { throw StudyError.interrupted }
        counter += 1
        let stage = parent.appendingPathComponent(".\(name).pitstop-\(getpid())-\(counter)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: stage, withIntermediateDirectories: false)
        } catch {
            throw StudyError("cannot write into '\(parent.relativePath)': \(OutputWriter.reason(error))")
        }
        active.insert(stage)
        return stage
    }

    func write(_ output: OutputFile, to file: URL) throws(StudyError) {
        lock.lock()
        defer { lock.unlock() }
        guard !abandoned else { throw StudyError.interrupted }
        // A plain write straight from the file's own buffer: the staging folder is hidden
        // and private, so no temporary file of Foundation's `.atomic` option is needed (or
        // left behind), and a large report is not copied into a `Data` first.
        let fd = open(file.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        var failure = fd < 0 ? errno : 0
        if fd >= 0 {
            failure = output.write(toFileDescriptor: fd)
            if close(fd) != 0 && failure == 0 { failure = errno }
        }
        if failure != 0 {
            throw StudyError("cannot write '\(file.lastPathComponent)' in '\(file.deletingLastPathComponent().path)': "
                + String(cString: strerror(failure)))
        }
    }

    func commit(_ stage: URL, into target: URL, names: [String], keepingOthers: Bool = false) throws(StudyError) {
        lock.lock()
        defer { lock.unlock() }
        guard !abandoned else { throw StudyError.interrupted }
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: target, withIntermediateDirectories: true)
        } catch {
            throw StudyError("cannot create the output folder '\(target.path)': \(OutputWriter.reason(error))")
        }
        let previous = keepingOthers ? [] : (try? String(contentsOf: target.appendingPathComponent(OutputWriter.manifestName), encoding: .utf8))
            .map { $0.split(separator: "\n").map(String.init) } ?? []
        for name in names {
            let from = stage.appendingPathComponent(name), to = target.appendingPathComponent(name)
            if rename(from.path, to.path) != 0 {
                throw StudyError("cannot move '\(name)' into '\(target.path)': \(String(cString: strerror(errno)))")
            }
        }
        let current = Set(names)
        for name in previous where !current.contains(name) && name == OutputWriter.safeName(name) {
            try? fm.removeItem(at: target.appendingPathComponent(name))
        }
        try? fm.removeItem(at: stage)
        active.remove(stage)
    }

    /// Moves staged files into place under the lock. Without `replacing`, each is linked
    /// (which fails if the name exists) and, on a failure, those placed are removed again.
    func place(_ moves: [(from: URL, to: URL)], replacing: Bool) throws(StudyError) {
        lock.lock()
        defer { lock.unlock() }
        guard !abandoned else { throw StudyError.interrupted }
        var placed: [URL] = []
        for (from, to) in moves {
            let failed = replacing ? rename(from.path, to.path) != 0 : link(from.path, to.path) != 0
            if failed {
                let why = errno == EEXIST ? "it already exists" : String(cString: strerror(errno))
                for url in placed { unlink(url.path) }
                throw StudyError("cannot write '\(to.path)': \(why)\(replacing ? "" : "; nothing was written")")
            }
            placed.append(to)
        }
    }

    func abandon(_ stage: URL) {
        lock.lock()
        defer { lock.unlock() }
        try? FileManager.default.removeItem(at: stage)
        active.remove(stage)
    }

    func abandonAll() {
        lock.lock()
        defer { lock.unlock() }
        abandoned = true
        for stage in active { try? FileManager.default.removeItem(at: stage) }
        active.removeAll()
    }
}

/// Where a produced ``OutputFile`` writes its text: its file, through a buffer of 256 KiB,
/// or a string in memory.
public struct OutputSink: TextOutputStream {
    private let fd: Int32
    /// What waits to be written (to a file), or everything written (in memory).
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 18
    /// The text written, when the sink is in memory.
    var text: String { String(decoding: buffer, as: UTF8.self) }
    /// The first write error (errno); 0 when none.
    private(set) var failure: Int32 = 0

    init() { fd = -1 }

    init(fileDescriptor: Int32) {
        fd = fileDescriptor
        buffer.reserveCapacity(Self.capacity)
    }

    public mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { write(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Writes bytes as they are (a piece of a file, which may end inside a character).
    public mutating func write(bytes: UnsafeRawBufferPointer) {
        guard fd >= 0 else { return buffer.append(contentsOf: bytes) }
        if buffer.count + bytes.count > Self.capacity { flush() }
        if bytes.count >= Self.capacity {
            if failure == 0 { failure = Self.writeAll(bytes, to: fd) }
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Writes what the buffer holds.
    mutating func flush() {
        guard fd >= 0, !buffer.isEmpty else { return }
        if failure == 0 { failure = buffer.withUnsafeBytes { Self.writeAll($0, to: fd) } }
        buffer.removeAll(keepingCapacity: true)
    }

    /// write(2) until everything is written; returns errno on failure, else 0.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let n = systemWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return 0
    }
}

/// write(2), named apart from the methods called `write` here.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
    #else
    Darwin.write(fd, buffer, count)
    #endif
}
