import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PitstopModel
import Yams

/// Limits that keep the loader's time and memory bounded on hostile input.
enum Limits {
    /// Files larger than this are refused before parsing (16 MiB).
    static let maxFileBytes = 16 * 1024 * 1024
    /// Nodes produced after alias expansion, over all files of an `extends` chain.
    static let maxNodes = 1_000_000
    /// Files in one `extends` chain.
    static let maxExtendsDepth = 32
}

/// Reading a scenario file: bounded, regular files only, strict UTF-8.
enum SourceReader {
    /// The text of the file at `path`, or `nil` after reporting why it cannot be read.
    /// Symbolic links are followed to the file they name; a loop of them is reported as one.
    ///
    /// `reportAt` is where to point a failure to open the file (the `extends` value that
    /// named it); problems inside the file point into the file itself.
    static func read(path: String, display: String, reportAt: SourceLocation?, sink: DiagnosticSink) -> String? {
        var status = stat()
        if stat(path, &status) != 0 {
            let reason: String
            switch errno {
            case ENOENT, ENOTDIR: reason = "no such file"
            case ELOOP: reason = "a loop of symbolic links"
            case EACCES: reason = "permission denied"
            default: reason = String(cString: strerror(errno)).lowercased()
            }
            sink.error(.cannotRead(display, because: reason), at: reportAt)
            return nil
        }
        let type = status.st_mode & S_IFMT
        if type == S_IFDIR {
            sink.error(.cannotRead(display, because: "it is a directory"), at: reportAt)
            return nil
        }
        if type != S_IFREG {
            sink.error(.cannotRead(display, because: "it is not a regular file"), at: reportAt)
            return nil
        }
        let size = Int(status.st_size)
        let start = SourceLocation(file: display, line: 1, column: 1)
        if size > Limits.maxFileBytes {
            sink.error(.fileTooLarge(bytes: size), at: start)
            return nil
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            sink.error(.cannotRead(display, because: "permission denied"), at: reportAt)
            return nil
        }
        defer { try? handle.close() }
        // Read at most one byte more than allowed, whatever the size claimed above.
        let data: Data
        do {
            data = try handle.read(upToCount: Limits.maxFileBytes + 1) ?? Data()
        } catch {
            sink.error(.cannotRead(display, because: "\(error.localizedDescription.lowercased())"), at: reportAt)
            return nil
        }
        if data.count > Limits.maxFileBytes {
            sink.error(.fileTooLarge(bytes: nil), at: start)
            return nil
        }
        return decodeUTF8(data, file: display, sink: sink)
    }

    /// Strict UTF-8 decoding; reports the first invalid byte with its line, column and offset.
    static func decodeUTF8(_ data: Data, file: String, sink: DiagnosticSink) -> String? {
        if let text = String(data: data, encoding: .utf8) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = data.makeIterator()
        var offset = 0
        var line = 1
        var column = 1
        decoding: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                break decoding
            case .emptyInput:
                return String(decoding: data, as: UTF8.self)
            }
        }
        sink.error(.invalidUTF8(offset: offset), at: SourceLocation(file: file, line: line, column: column))
        return nil
    }
}

/// Parsing text into a ``SourceNode`` tree through Yams' composer.
enum DocumentParser {
    enum Outcome {
        case document(SourceNode)
        /// No content at all (or only comments); already reported.
        case empty
        /// A problem was reported; nothing to decode.
        case failed
    }

    static func parse(_ text: String, file: String, sink: DiagnosticSink, budget: inout Int) -> Outcome {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if text.utf8.count > Limits.maxFileBytes {
            sink.error(.fileTooLarge(bytes: text.utf8.count), at: start)
            return .failed
        }
        // A byte-order mark is not content.
        var text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let prescan = Prescan.scan(text)
        if let hazard = prescan.hazard {
            let location = SourceLocation(file: file, line: hazard.line, column: hazard.column)
            sink.error(hazard.isAlias ? .aliasAsKey : .complexKeyWithAliases, at: location)
            return .failed
        }
        if prescan.estimatedNodes > budget {
            sink.error(.documentTooLarge(nodes: prescan.estimatedNodes, limit: Limits.maxNodes), at: start)
            return .failed
        }
        text = ParenthesisCommas.protect(text)
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let error as YamlError {
            report(error, text: text, file: file, sink: sink)
            return .failed
        } catch {
            sink.error(.yamlOther("\(error)"), at: start)
            return .failed
        }
        guard let root else {
            let blank = text.allSatisfy { $0.isWhitespace }
            sink.error(blank ? .emptyFile : .noContent, at: start)
            return .empty
        }
        var converter = NodeConverter(file: file, sink: sink, budget: budget)
        do {
            let node = try converter.convert(root)
            budget = converter.budget
            return .document(node)
        } catch {
            budget = 0
            sink.error(prescan.hasAliases ? .aliasExpansionTooLarge(limit: Limits.maxNodes) : .documentTooLarge(nodes: nil, limit: Limits.maxNodes), at: start)
            return .failed
        }
    }

    /// Turns a Yams error into a diagnostic at the problem's position.
    static func report(_ error: YamlError, text: String, file: String, sink: DiagnosticSink) {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: max(1, mark.line), column: max(1, mark.column))
        }
        switch error {
        case .reader(let problem, let offset, _, _):
            let position = offset.map { TextPositions.position(ofCharacterOffset: $0, in: text) } ?? (line: 1, column: 1)
            let location = SourceLocation(file: file, line: position.line, column: position.column)
            sink.error(.yamlReader(problem), at: location)
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if problem.hasPrefix("Maximum nesting level") {
                sink.error(.nestedTooDeeply(limit: 1_000), at: at(mark))
                return
            }
            var message = Message.yamlSyntax(problem: problem, context: context?.text, contextMark: context?.mark, problemMark: mark)
            if TextPositions.character(atLine: mark.line, column: mark.column, in: text) == "\t" {
                message = message.noting(Message.tabsNote)
            }
            sink.error(message, at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = context.mark
            if let second = TextPositions.duplicateKey(key, firstAt: first, in: text) {
                sink.error(.duplicateKey(key, firstLine: first.line), at: SourceLocation(file: file, line: second.line, column: second.column))
            } else {
                sink.error(.duplicateKey(key, firstLine: nil), at: at(first))
            }
        case .memory:
            sink.error(.yamlOther("out of memory while parsing"), at: SourceLocation(file: file, line: 1, column: 1))
        default:
            sink.error(.yamlOther("\(error)"), at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}

/// Line and column arithmetic on the source text.
enum TextPositions {
    /// The 1-based line and column (in Unicode scalars) of a `Character` offset.
    static func position(ofCharacterOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        let end = text.index(text.startIndex, offsetBy: max(0, offset), limitedBy: text.endIndex) ?? text.endIndex
        var line = 1
        var lineStart = text.startIndex
        var index = text.startIndex
        while index < end {
            let next = text.index(after: index)
            if text[index].isNewline {
                line += 1
                lineStart = next
            }
            index = next
        }
        return (line, text.unicodeScalars[lineStart..<end].count + 1)
    }

    /// The lines of `text`, split on line breaks.
    static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    /// The character at a 1-based line and scalar column, if any.
    static func character(atLine line: Int, column: Int, in text: String) -> Character? {
        let all = lines(of: text)
        guard line >= 1, line <= all.count else { return nil }
        let scalars = Array(all[line - 1].unicodeScalars)
        guard column >= 1, column <= scalars.count else { return nil }
        return Character(scalars[column - 1])
    }

    /// Where a block mapping repeats `key` after its first occurrence at `first`: the next
    /// line at the same indentation that starts with the key, before the mapping ends.
    static func duplicateKey(_ key: String, firstAt first: Mark, in text: String) -> (line: Int, column: Int)? {
        let all = lines(of: text)
        let indent = first.column - 1
        guard first.line >= 1, first.line <= all.count else { return nil }
        var lineNumber = first.line
        while lineNumber < all.count {
            lineNumber += 1
            let line = all[lineNumber - 1]
            let stripped = line.drop { $0 == " " }
            if stripped.isEmpty || stripped.hasPrefix("#") { continue }
            let lineIndent = line.count - stripped.count
            if lineIndent < indent { return nil }
            guard lineIndent == indent else { continue }
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where stripped.hasPrefix(candidate) {
                let rest = stripped.dropFirst(candidate.count).drop { $0 == " " }
                if rest.hasPrefix(":") { return (lineNumber, first.column) }
            }
        }
        return nil
    }
}
