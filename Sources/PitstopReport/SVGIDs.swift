// Several SVG documents inlined in one HTML page share one id space: Graphviz names its
// groups "graph0", "node1", "edge1" in every file. This gives each SVG its own prefix and
// makes it fit for inlining.

public enum SVGIDs {
    /// `svg` ready for inlining in HTML:
    /// - every `id="x"` becomes `id="<prefix>x"`, and every reference to an id defined in
    ///   this SVG follows (`url(#x)` in any attribute or `<style>`, `href="#x"`,
    ///   `xlink:href="#x"`, `aria-labelledby`/`aria-describedby`); references to ids the SVG
    ///   does not define are left alone;
    /// - the XML declaration, processing instructions, the doctype and comments are removed;
    /// - `<script>` elements, `on…` event attributes and `javascript:` links are removed.
    /// The prefix is reduced to letters, digits, "-" and "_".
    public static func prefixed(_ svg: String, prefix: String) -> String {
        prefixed(utf8: Array(svg.utf8), prefix: prefix)
    }

    /// ``prefixed(_:prefix:)`` of an SVG given as its UTF-8 bytes (a drawing read from a file
    /// is not made a `String` first).
    public static func prefixed(utf8 bytes: consuming [UInt8], prefix: String) -> String {
        let prefix = Array(Escape.idFragment(prefix).utf8)
        // Two passes over the tokens as they are found (a drawing of megabytes has hundreds
        // of thousands of them; they are not kept): the ids, then the rewrite.
        var ids = Set<[UInt8]>()
        forEachToken(bytes) { token in
            guard token.kind == .tag else { return }
            for attribute in attributes(bytes, token) where lowercased(bytes[attribute.name]) == Array("id".utf8) {
                if let value = attribute.value { ids.insert(Array(bytes[value])) }
            }
        }

        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var inStyle = false
        forEachToken(bytes) { token in
            switch token.kind {
            case .dropped:
                return
            case .text:
                let text = bytes[token.range]
                out += inStyle ? rewriteURLs(text, ids: ids, prefix: prefix) : Array(text)
            case .cdata:
                let text = bytes[token.range]
                out += inStyle ? rewriteURLs(text, ids: ids, prefix: prefix) : Array(text)
            case .tag:
                let name = tagName(bytes, token)
                if name == Array("style".utf8) { inStyle = true }
                if name == Array("/style".utf8) { inStyle = false }
                out += rewriteTag(bytes, token, ids: ids, prefix: prefix)
            }
        }
        _ = consume bytes  // a drawing of megabytes: not held while its copy is made
        // Trim surrounding whitespace left by the removed prolog.
        var start = 0, end = out.count
        while start < end, isSpace(out[start]) { start += 1 }
        while end > start, isSpace(out[end - 1]) { end -= 1 }
        return String(decoding: out[start..<end], as: UTF8.self)
    }

    // MARK: - Tokens

    enum Kind: Equatable { case text, tag, cdata, dropped }

    struct Token {
        var kind: Kind
        var range: Range<Int>
    }

    /// Calls `body` with each token of `b`, in order.
    static func forEachToken(_ b: [UInt8], _ body: (Token) -> Void) {
        var i = 0
        var textStart = 0
        func flushText(_ end: Int) {
            if end > textStart { body(Token(kind: .text, range: textStart..<end)) }
        }
        while i < b.count {
            guard b[i] == UInt8(ascii: "<") else { i += 1; continue }
            flushText(i)
            let start = i
            if hasPrefix(b, i, "<!--") {
                i = find(b, from: i + 4, "-->").map { $0 + 3 } ?? b.count
                body(Token(kind: .dropped, range: start..<i))
            } else if hasPrefix(b, i, "<![CDATA[") {
                i = find(b, from: i + 9, "]]>").map { $0 + 3 } ?? b.count
                body(Token(kind: .cdata, range: start..<i))
            } else if hasPrefix(b, i, "<?") {
                i = find(b, from: i + 2, "?>").map { $0 + 2 } ?? b.count
                body(Token(kind: .dropped, range: start..<i))
            } else if hasPrefix(b, i, "<!") {
                // A doctype, perhaps with an internal subset in brackets.
                var depth = 0
                i += 2
                while i < b.count {
                    if b[i] == UInt8(ascii: "[") { depth += 1 }
                    if b[i] == UInt8(ascii: "]") { depth -= 1 }
                    if b[i] == UInt8(ascii: ">"), depth <= 0 { break }
                    i += 1
                }
                i = min(i + 1, b.count)
                body(Token(kind: .dropped, range: start..<i))
            } else {
                i = tagEnd(b, from: i)
                let token = Token(kind: .tag, range: start..<i)
                let name = tagName(b, token)
                if name == Array("script".utf8) || name.hasSuffix(":script") {
                    // Drop the element with everything in it.
                    let selfClosing = i >= 2 && b[i - 2] == UInt8(ascii: "/")
                    if !selfClosing {
                        var j = i
                        while j < b.count {
                            guard let k = find(b, from: j, "</") else { j = b.count; break }
                            let end = tagEnd(b, from: k)
                            let closing = tagName(b, Token(kind: .tag, range: k..<end))
                            j = end
                            if closing == Array("/script".utf8) || closing.hasSuffix(":script") { break }
                        }
                        i = j
                    }
                    body(Token(kind: .dropped, range: start..<i))
                } else {
                    body(token)
                }
            }
            textStart = i
        }
        flushText(b.count)
    }

    /// The index after the ">" that closes the tag starting at `from`, quotes respected.
    static func tagEnd(_ b: [UInt8], from: Int) -> Int {
        var i = from + 1
        var quote: UInt8? = nil
        while i < b.count {
            let c = b[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: ">") {
                return i + 1
            }
            i += 1
        }
        return b.count
    }

    /// The lower-cased name of a tag, with "/" for an end tag ("/style").
    static func tagName(_ b: [UInt8], _ token: Token) -> [UInt8] {
        var i = token.range.lowerBound + 1
        var name: [UInt8] = []
        if i < token.range.upperBound, b[i] == UInt8(ascii: "/") { name.append(b[i]); i += 1 }
        while i < token.range.upperBound, !isSpace(b[i]), b[i] != UInt8(ascii: ">"), b[i] != UInt8(ascii: "/") {
            name.append(b[i])
            i += 1
        }
        return lowercased(name[...])
    }

    // MARK: - Attributes

    struct Attribute {
        /// From the whitespace before the name to the end of the value (its closing quote).
        var whole: Range<Int>
        var name: Range<Int>
        /// Inside the quotes.
        var value: Range<Int>?
    }

    static func attributes(_ b: [UInt8], _ token: Token) -> [Attribute] {
        let end = token.range.upperBound
        var i = token.range.lowerBound + 1
        while i < end, !isSpace(b[i]), b[i] != UInt8(ascii: ">") { i += 1 }  // the tag name
        var result: [Attribute] = []
        while i < end {
            let wholeStart = i
            while i < end, isSpace(b[i]) { i += 1 }
            guard i < end, b[i] != UInt8(ascii: ">"), b[i] != UInt8(ascii: "/") else { break }
            let nameStart = i
            while i < end, !isSpace(b[i]), b[i] != UInt8(ascii: "="), b[i] != UInt8(ascii: ">") { i += 1 }
            let name = nameStart..<i
            var value: Range<Int>? = nil
            var j = i
            while j < end, isSpace(b[j]) { j += 1 }
            if j < end, b[j] == UInt8(ascii: "=") {
                j += 1
                while j < end, isSpace(b[j]) { j += 1 }
                if j < end, b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") {
                    let quote = b[j]
                    let valueStart = j + 1
                    var k = valueStart
                    while k < end, b[k] != quote { k += 1 }
                    value = valueStart..<k
                    i = min(k + 1, end)
                } else {
                    let valueStart = j
                    while j < end, !isSpace(b[j]), b[j] != UInt8(ascii: ">") { j += 1 }
                    value = valueStart..<j
                    i = j
                }
            }
            if name.isEmpty { i += 1; continue }
            result.append(Attribute(whole: wholeStart..<i, name: name, value: value))
        }
        return result
    }

    static func rewriteTag(_ b: [UInt8], _ token: Token, ids: Set<[UInt8]>, prefix: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var cursor = token.range.lowerBound
        for attribute in attributes(b, token) {
            let name = lowercased(b[attribute.name])
            if name.starts(with: Array("on".utf8)) {
                out += b[cursor..<attribute.whole.lowerBound]
                cursor = attribute.whole.upperBound
                continue
            }
            guard let valueRange = attribute.value else { continue }
            let value = Array(b[valueRange])
            var replacement: [UInt8]? = nil
            if name == Array("id".utf8) {
                replacement = prefix + value
            } else if name == Array("href".utf8) || name.hasSuffix(":href") {
                if value.first == UInt8(ascii: "#"), ids.contains(Array(value.dropFirst())) {
                    replacement = [UInt8(ascii: "#")] + prefix + value.dropFirst()
                } else if lowercased(value.drop { isSpace($0) }.prefix(11)) == Array("javascript:".utf8) {
                    out += b[cursor..<attribute.whole.lowerBound]
                    cursor = attribute.whole.upperBound
                    continue
                }
            } else if name == Array("aria-labelledby".utf8) || name == Array("aria-describedby".utf8) {
                let parts = value.split(whereSeparator: isSpace)
                replacement = Array(parts.map { ids.contains(Array($0)) ? prefix + $0 : Array($0) }
                    .joined(separator: [UInt8(ascii: " ")]))
            } else if find(value, from: 0, "url(#") != nil {
                replacement = rewriteURLs(value[...], ids: ids, prefix: prefix)
            }
            if let replacement {
                out += b[cursor..<valueRange.lowerBound]
                out += replacement
                cursor = valueRange.upperBound
            }
        }
        out += b[cursor..<token.range.upperBound]
        return out
    }

    /// `url(#x)` → `url(#<prefix>x)` for every x defined in the SVG.
    static func rewriteURLs(_ text: ArraySlice<UInt8>, ids: Set<[UInt8]>, prefix: [UInt8]) -> [UInt8] {
        let t = Array(text)
        var out: [UInt8] = []
        var i = 0
        while let k = find(t, from: i, "url(#") {
            out += t[i..<(k + 5)]
            var end = k + 5
            while end < t.count, t[end] != UInt8(ascii: ")") { end += 1 }
            let id = Array(t[(k + 5)..<end])
            if ids.contains(id) { out += prefix }
            out += id
            i = end
        }
        out += t[i...]
        return out
    }

    // MARK: - Bytes

    static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
    }

    static func lowercased(_ s: ArraySlice<UInt8>) -> [UInt8] {
        s.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
    }

    static func hasPrefix(_ b: [UInt8], _ at: Int, _ text: String) -> Bool {
        let t = Array(text.utf8)
        guard at + t.count <= b.count else { return false }
        for (k, c) in t.enumerated() {
            var x = b[at + k]
            if (0x41...0x5A).contains(x) { x += 0x20 }
            var y = c
            if (0x41...0x5A).contains(y) { y += 0x20 }
            if x != y { return false }
        }
        return true
    }

    static func find(_ b: [UInt8], from: Int, _ text: String) -> Int? {
        let t = Array(text.utf8)
        guard let first = t.first, b.count >= t.count else { return nil }
        var i = from
        while i + t.count <= b.count {
            if b[i] == first, hasPrefix(b, i, text) { return i }
            i += 1
        }
        return nil
    }
}

private extension Array where Element == UInt8 {
    func hasSuffix(_ text: String) -> Bool {
        let t = Array(text.utf8)
        return count >= t.count && Array(self[(count - t.count)...]) == t
    }
}
