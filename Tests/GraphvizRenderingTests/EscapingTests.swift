import Testing
import _PitstopTestSupport
@testable import GraphvizRendering

@Suite struct EscapingTests {
    @Test func plainEscapesForQuotedEscStrings() {
        #expect(DOTEscape.plain(#"a\b"#) == #"a\\b"#)
        #expect(DOTEscape.plain(#"ends with \"#) == #"ends with \\"#)
        #expect(DOTEscape.plain(#"q"uote"#) == #"q\"uote"#)
        #expect(DOTEscape.plain(#"a\"b"#) == #"a\\\"b"#)
        #expect(DOTEscape.plain("&lt;x&gt; & y") == "&amp;lt;x&amp;gt; &amp; y")
        #expect(DOTEscape.plain("one\ntwo\r\nthree\rfour") == #"one\ntwo\nthree\nfour"#)
        #expect(DOTEscape.plain("tab\there\u{7}") == "tab here ")
        #expect(DOTEscape.plain("æøå ÆØÅ") == "æøå ÆØÅ")
        #expect(DOTEscape.quoted(#"\N"#) == #""\\N""#)
    }

    @Test func htmlEscapesForHTMLLikeLabels() {
        #expect(DOTEscape.html(#"<&>"'"#) == "&lt;&amp;&gt;&quot;&#39;")
        #expect(DOTEscape.html("&lt;") == "&amp;lt;")
        #expect(DOTEscape.html(#"\N ends \"#) == #"\\N ends \\"#)
        #expect(DOTEscape.html("a\nb\r\nc") == "a<BR/>b<BR/>c")
        #expect(DOTEscape.html("bell\u{7}") == "bell ")
    }

    /// Issue 16: C0 controls, DEL and C1 controls never reach a label or a value.
    @Test func controlCharactersBecomeSpaces() {
        let text = "a\u{7}b\u{1B}c\u{7F}d\u{85}e\u{9F}f\u{A0}g"
        #expect(DOTEscape.plain(text) == "a b c d e f\u{A0}g")
        #expect(DOTEscape.html(text) == "a b c d e f\u{A0}g")
        #expect(DOTEscape.id(text) == "\"a b c d e f\u{A0}g\"")
        #expect(DOTEscape.html("\u{FFFE}\u{FFFF}") == "  ")
    }

    @Test func idsAlwaysParse() {
        #expect(DOTEscape.id("p1") == #""p1""#)
        #expect(DOTEscape.id(#"a"b\"#) == #""a\"b\\""#)
    }

    static let awkward: [String] = [
        #"Sagen "Ø" <\\srv\del> & Co"#,
        "&lt;ikke&gt; &amp; &#248;",
        #"\N and \G and \E \n \l"#,
        #"ends with \"#,
        #"a\"b"#,
        #"tab\there"#,
        "æøå ÆØÅ – é ü ß €",
        "<B>not bold</B>",
        "Café \"Ø\" & 'x'",
    ]

    @Test func plainLabelsComeOutLiterally() throws {
        var dot = "digraph g { node [fontname=\"Arial\", shape=box];\n"
        for (i, text) in Self.awkward.enumerated() {
            dot += "  n\(i) [label=\(DOTEscape.quoted(text))];\n"
        }
        dot += "}\n"
        let svg = try SVGInspector(try Graphviz.render(dot: dot, format: .svg))
        for (i, text) in Self.awkward.enumerated() {
            #expect(svg.node("n\(i)")?.texts == [text])
        }
    }

    @Test func htmlLabelsComeOutLiterally() throws {
        var dot = "digraph g { node [fontname=\"Arial\", shape=box];\n"
        for (i, text) in Self.awkward.enumerated() {
            dot += "  n\(i) [label=<<B>\(DOTEscape.html(text))</B>>];\n"
        }
        dot += "}\n"
        let svg = try SVGInspector(try Graphviz.render(dot: dot, format: .svg))
        for (i, text) in Self.awkward.enumerated() {
            #expect(svg.node("n\(i)")?.texts == [text])
        }
    }
}
