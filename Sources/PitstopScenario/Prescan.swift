/// A cheap lexical pass over the text, run before Yams, for two dangers Yams cannot be
/// stopped in the middle of:
///
/// - Mapping keys that are aliases, lists or mappings, in a document that uses aliases.
///   Yams checks every mapping for duplicate keys by hashing the key nodes; a key that is
///   an alias of a "billion laughs" structure would be hashed node by node, exponentially,
///   before the loader sees the tree and can apply its node budget. Scenario keys are
///   always plain text, so such documents are refused up front. Without aliases nothing
///   can blow up.
/// - Documents with very many nodes. Yams spends microseconds per node building its tree
///   (about 2 µs in a release build), so the number of nodes is estimated from the YAML
///   indicators (`: `, `- `, `,`, `[`, `{`) and a document over the node budget is refused
///   before parsing.
///
/// The scan understands comments, quoted scalars and block scalars well enough for those
/// purposes; it is not a YAML parser.
enum Prescan {
    struct Report {
        /// The first complex key in a document with aliases.
        var hazard: Hazard?
        /// A lower estimate of the number of nodes before alias expansion.
        var estimatedNodes: Int
        var hasAliases: Bool
    }

    struct Hazard: Equatable {
        var line: Int
        var column: Int
        /// An alias used as a key (`*a: 1`), rather than a `?` key or a `[…]: ` key.
        var isAlias: Bool
    }

    static func scan(_ text: String) -> Report {
        let bytes = Array(text.utf8)
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let n = bytes.count

        func isBlank(_ b: UInt8) -> Bool { b == space || b == tab || b == newline || b == cr }
        func isFlowIndicator(_ b: UInt8) -> Bool {
            b == UInt8(ascii: "[") || b == UInt8(ascii: "]") || b == UInt8(ascii: "{") || b == UInt8(ascii: "}")
                || b == UInt8(ascii: ",")
        }
        /// Whether a token may start at `i`: after a blank, a flow indicator or the start.
        func tokenStart(_ i: Int) -> Bool {
            i == 0 || isBlank(bytes[i - 1]) || isFlowIndicator(bytes[i - 1])
        }
        /// Whether `i` holds a `:` that is a value indicator (followed by a blank or the end).
        func valueIndicator(_ i: Int) -> Bool {
            guard i < n, bytes[i] == UInt8(ascii: ":") else { return false }
            return i + 1 == n || isBlank(bytes[i + 1]) || isFlowIndicator(bytes[i + 1])
        }
        func isAnchorByte(_ b: UInt8) -> Bool {
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
        }
        func skipSpaces(_ i: Int) -> Int {
            var j = i
            while j < n, bytes[j] == space || bytes[j] == tab { j += 1 }
            return j
        }
        func indentation(ofLineAt start: Int) -> Int {
            var j = start
            while j < n, bytes[j] == space { j += 1 }
            return j - start
        }

        var sawAlias = false
        var estimate = 0
        var firstComplexKey: Int?
        var firstAliasKey: Int?
        var lineStart = 0
        var i = 0
        while i < n {
            let b = bytes[i]
            if b == newline {
                i += 1
                lineStart = i
                continue
            }
            if b == UInt8(ascii: ":") {
                if valueIndicator(i) { estimate += 2 }
                i += 1
                continue
            }
            if b == UInt8(ascii: ",") || b == UInt8(ascii: "[") || b == UInt8(ascii: "{") {
                estimate += 1
                i += 1
                continue
            }
            if b == UInt8(ascii: "]") || b == UInt8(ascii: "}") {
                // A flow collection used as a key: `[a, *b]: 1`.
                if valueIndicator(skipSpaces(i + 1)), firstComplexKey == nil { firstComplexKey = i }
                i += 1
                continue
            }
            guard tokenStart(i) else {
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "#"):
                while i < n, bytes[i] != newline { i += 1 }
            case UInt8(ascii: "'"):
                i += 1
                while i < n {
                    if bytes[i] == UInt8(ascii: "'") {
                        if i + 1 < n, bytes[i + 1] == UInt8(ascii: "'") { i += 2; continue }
                        break
                    }
                    if bytes[i] == newline { lineStart = i + 1 }
                    i += 1
                }
                i += 1
            case UInt8(ascii: "\""):
                i += 1
                while i < n, bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    if i < n, bytes[i] == newline { lineStart = i + 1 }
                    i += 1
                }
                i += 1
            case UInt8(ascii: "|"), UInt8(ascii: ">"):
                // A block scalar only where a value starts: after `:`, `-` or `?` and a blank.
                var k = i - 1
                while k >= lineStart, bytes[k] == space { k -= 1 }
                let starter = k < lineStart || bytes[k] == UInt8(ascii: ":") || bytes[k] == UInt8(ascii: "-")
                    || bytes[k] == UInt8(ascii: "?")
                guard starter else {
                    i += 1
                    break
                }
                let parentIndent = indentation(ofLineAt: lineStart)
                while i < n, bytes[i] != newline { i += 1 }
                // Skip the content: blank lines and lines indented more than the parent.
                while i < n {
                    let next = i + 1
                    guard next < n else {
                        i = n
                        break
                    }
                    let indent = indentation(ofLineAt: next)
                    let first = next + indent
                    let blankLine = first >= n || bytes[first] == newline || bytes[first] == cr
                    if blankLine || indent > parentIndent {
                        i = next
                        while i < n, bytes[i] != newline { i += 1 }
                    } else {
                        break
                    }
                }
            case UInt8(ascii: "*"):
                sawAlias = true
                // libyaml ends an alias name at the first byte that is not a letter, a
                // digit, '-' or '_', so `*a: 1` uses the alias `a` as a key.
                var j = i + 1
                while j < n, isAnchorByte(bytes[j]) { j += 1 }
                if valueIndicator(skipSpaces(j)), firstAliasKey == nil { firstAliasKey = i }
                i = j
            case UInt8(ascii: "-"):
                if i + 1 == n || isBlank(bytes[i + 1]) { estimate += 1 }
                i += 1
            case UInt8(ascii: "?"):
                if i + 1 == n || isBlank(bytes[i + 1]), firstComplexKey == nil { firstComplexKey = i }
                i += 1
            default:
                i += 1
            }
        }
        var report = Report(hazard: nil, estimatedNodes: estimate, hasAliases: sawAlias)
        guard sawAlias else { return report }
        let candidates = [firstAliasKey.map { ($0, true) }, firstComplexKey.map { ($0, false) }].compactMap { $0 }
        if let (offset, isAlias) = candidates.min(by: { $0.0 < $1.0 }) {
            report.hazard = hazard(at: offset, isAlias: isAlias, in: bytes)
        }
        return report
    }

    private static func hazard(at offset: Int, isAlias: Bool, in bytes: [UInt8]) -> Hazard {
        var line = 1
        var lineStart = 0
        for (index, byte) in bytes[..<offset].enumerated() where byte == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return Hazard(line: line, column: column, isAlias: isAlias)
    }
}
