import Foundation

/// Drawings kept on disk between being drawn and being written, instead of in memory.
///
/// A comparison of a large organisation draws tens of megabytes of SVG (whole org charts,
/// their pages, a heat map per site) that the report and the files beside it need only
/// when they are written. ``keep(_:)`` writes a drawing into a hidden folder beside the
/// output folder (made like the staging folder of ``OutputWriter``: removed on SIGINT and
/// SIGTERM, and by ``remove()``) and returns a short token in its place; ``text(_:)`` reads
/// a token back (any other text is returned as it is). The token starts with a control
/// character no SVG starts with.
public final class DiagramSpill: @unchecked Sendable {
    private let folder: URL
    private let lock = NSLock()
    private var counter = 0  // under `lock`

    /// A spill folder beside `outputFolder` (in its parent, which is created if missing).
    public init(beside outputFolder: String) throws(StudyError) {
        let target = URL(fileURLWithPath: outputFolder, isDirectory: true).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw StudyError("cannot create the output folder '\(outputFolder)': \(OutputWriter.reason(error))")
        }
        folder = try OutputWriter.beginHiddenFolder(in: parent, for: target.lastPathComponent + "-drawings")
    }

    private static let marker = "\u{1}pitstop-drawing:"

    /// Writes `svg` to the spill folder and returns its token ("" stays "").
    public func keep(_ svg: String) throws(StudyError) -> String {
        guard !svg.isEmpty else { return svg }
        lock.lock()
        counter += 1
        let n = counter
        lock.unlock()
        let name = "\(n).svg"
        try OutputWriter.writeStaged(OutputFile(name: name, text: svg), to: folder.appendingPathComponent(name))
        return Self.marker + name
    }

    /// The drawing a token stands for; text that is not a token, as it is.
    public func text(_ maybeToken: String) -> String {
        url(maybeToken) == nil ? maybeToken : String(decoding: bytes(maybeToken), as: UTF8.self)
    }

    /// The UTF-8 of the drawing a token stands for (or of the text itself), read straight
    /// into one buffer.
    public func bytes(_ maybeToken: String) -> [UInt8] {
        guard let url = url(maybeToken) else { return Array(maybeToken.utf8) }
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return [] }
        let size = Int(info.st_size)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let n = read(fd, buffer.baseAddress! + count, size - count)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { break }
                count += n
            }
        }
    }

    /// Writes the drawing a token stands for (or the text itself) to `sink`, a piece at a time.
    public func copy(_ maybeToken: String, to sink: inout OutputSink) {
        guard let url = url(maybeToken) else { return sink.write(maybeToken) }
        guard let handle = try? FileHandle(forReadingFrom: url) else { return }
        defer { try? handle.close() }
        while let chunk = try? handle.read(upToCount: 1 << 18), !chunk.isEmpty {
            chunk.withUnsafeBytes { sink.write(bytes: $0) }
        }
    }

    private func url(_ maybeToken: String) -> URL? {
        guard maybeToken.hasPrefix(Self.marker) else { return nil }
        return folder.appendingPathComponent(String(maybeToken.dropFirst(Self.marker.count)))
    }

    /// Removes the spill folder and what it holds.
    public func remove() {
        OutputWriter.endHiddenFolder(folder)
    }
}
