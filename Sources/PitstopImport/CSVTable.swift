import CSV
import Foundation
import PitstopScenario

/// A CSV file as offices export it, read whole: the encoding (UTF-8 with or without a byte
/// order mark, UTF-16 with one, else Windows-1252) and the separator (`;`, `,` or tab)
/// are detected; cells are parsed by CSV.swift (quoted separators, doubled quotes and line
/// breaks inside quoted cells).
///
/// Positions are a spreadsheet's: row 1 is the header, column 1 the first column — what
/// Excel or LibreOffice shows when it opens the file (a cell with a line break stays in
/// its row).
public struct CSVTable: Sendable {
    /// How the bytes were read.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8WithBOM = "UTF-8 with BOM"
        case utf16 = "UTF-16"
        case windows1252 = "Windows-1252"
    }

    /// The file as given (for diagnostics).
    public var file: String
    public var encoding: Encoding
    /// `;`, `,` or a tab.
    public var separator: Character
    /// The header cells, trimmed.
    public var header: [String]
    /// The data rows (row 2 onwards), cells trimmed; a row may be shorter or longer than
    /// the header (see ``problems``).
    public var rows: [[String]]

    /// The location of a cell: `row` counts the header as 1, `column` from 1.
    public func location(row: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: row, column: column)
    }

    /// Files larger than this are refused before they are read.
    public static let maxBytes = 64 << 20

    /// Reads the file at `path`; a file that cannot be read or parsed gives one error.
    public static func read(path: String) -> Result<CSVTable, CSVProblem> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(CSVProblem(severity: .error, location: nil, message: "cannot read '\(path)': no such file"))
        }
        guard !isDirectory.boolValue else {
            return .failure(CSVProblem(severity: .error, location: nil, message: "cannot read '\(path)': it is a folder"))
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxBytes {
            return .failure(CSVProblem(
                severity: .error, location: nil,
                message: "'\(path)' is too large (\(size >> 20) MiB); CSV files are limited to \(maxBytes >> 20) MiB"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(CSVProblem(severity: .error, location: nil, message: "cannot read '\(path)'"))
        }
        return parse(bytes: [UInt8](data), file: path)
    }

    /// Parses `bytes`; `file` names it in diagnostics.
    public static func parse(bytes: [UInt8], file: String) -> Result<CSVTable, CSVProblem> {
        let (text, encoding) = decode(bytes)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .failure(CSVProblem(severity: .error, location: SourceLocation(file: file, line: 1, column: 1), message: "the file is empty"))
        }
        let separator = detectSeparator(text)
        if let unclosed = unclosedQuoteRow(text, separator: separator) {
            return .failure(CSVProblem(
                severity: .error, location: SourceLocation(file: file, line: unclosed.row, column: unclosed.column),
                message: "a quoted cell is never closed: the quote opened here runs to the end of the file"))
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: separator.unicodeScalars.first!)
        } catch {
            return .failure(CSVProblem(severity: .error, location: SourceLocation(file: file, line: 1, column: 1), message: "cannot parse the file as CSV: \(error)"))
        }
        var records: [[String]] = []
        while let row = reader.next() {
            let cells = row.map { $0.trimmingCharacters(in: .whitespaces) }
            // Blank lines (a trailing empty line, or a row of empty cells) carry nothing.
            if cells.allSatisfy(\.isEmpty) {
                records.append([])
                continue
            }
            records.append(cells)
        }
        if let error = reader.error {
            return .failure(CSVProblem(severity: .error, location: SourceLocation(file: file, line: records.count + 1, column: 1), message: "cannot parse the file as CSV: \(error)"))
        }
        guard let header = records.first, !header.isEmpty else {
            return .failure(CSVProblem(severity: .error, location: SourceLocation(file: file, line: 1, column: 1), message: "the first row must be a header naming the columns"))
        }
        var rows = Array(records.dropFirst())
        while rows.last?.isEmpty == true { rows.removeLast() }
        return .success(CSVTable(file: file, encoding: encoding, separator: separator, header: header, rows: rows))
    }

    /// The text and how it was encoded.
    static func decode(_ bytes: [UInt8]) -> (String, Encoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (String(decoding: bytes.dropFirst(3), as: UTF8.self), .utf8WithBOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]),
           var text = String(data: Data(bytes), encoding: .utf16) {
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return (text, .utf16)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, .utf8)
        }
        return (windows1252(bytes), .windows1252)
    }

    /// Windows-1252 decoded by table (Foundation's converter differs between platforms):
    /// Latin-1 with printable characters in 0x80–0x9F.
    static func windows1252(_ bytes: [UInt8]) -> String {
        let high: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
            0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// The separator of the header line: the most frequent of tab, `;` and `,` outside
    /// quotes (a tie goes to tab, then `;`), `,` when there is none.
    static func detectSeparator(_ text: String) -> Character {
        var counts: [Character: Int] = ["\t": 0, ";": 0, ",": 0]
        var quoted = false
        for c in text {
            if c == "\"" { quoted.toggle() }
            if !quoted, c == "\n" || c == "\r\n" || c == "\r" { break }
            if !quoted, counts[c] != nil { counts[c, default: 0] += 1 }
        }
        let top = counts.values.max() ?? 0
        if top == 0 { return "," }
        return [Character("\t"), ";", ","].first { counts[$0] == top } ?? ","
    }

    /// Where a quote that is never closed opens (row and column), if one is: CSV.swift
    /// would read the rest of the file into that cell.
    static func unclosedQuoteRow(_ text: String, separator: Character) -> (row: Int, column: Int)? {
        var row = 1, column = 1
        var inQuotes = false, atCellStart = true
        var opened: (Int, Int)?
        var pendingQuote = false
        for c in text {
            if inQuotes {
                if pendingQuote {
                    pendingQuote = false
                    if c == "\"" { continue }  // a doubled quote
                    inQuotes = false  // the quote closed the cell; fall through for c
                } else if c == "\"" {
                    pendingQuote = true
                    continue
                } else {
                    continue
                }
            }
            if c == separator {
                column += 1
                atCellStart = true
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                row += 1
                column = 1
                atCellStart = true
            } else if c == "\"", atCellStart {
                inQuotes = true
                opened = (row, column)
                atCellStart = false
            } else if c != " " {
                atCellStart = false
            }
        }
        if inQuotes, !pendingQuote { return opened }
        return nil
    }
}

/// A CSV file that cannot be read: one diagnostic.
public struct CSVProblem: Error, Sendable {
    public var diagnostic: Diagnostic

    init(severity: Diagnostic.Severity, location: SourceLocation?, message: String) {
        diagnostic = Diagnostic(severity: severity, location: location, message: message)
    }
}
