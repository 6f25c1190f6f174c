import Testing
@testable import PitstopReport

/// Text from scenario files in the report's HTML and SVG.
@Suite struct ReportEscapingTests {
    @Test func markupCharactersAreEscaped() {
        #expect(Escape.html(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    /// Issue 16: control characters are replaced, tab and line breaks kept.
    @Test func controlCharactersAreReplaced() {
        #expect(Escape.html("a\u{7}b\u{1B}c\u{7F}d\u{85}e\u{9F}f\u{FFFE}g") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g")
        #expect(Escape.html("tab\there\nnew\r\nline\u{A0}nbsp") == "tab\there\nnew\r\nline\u{A0}nbsp")
    }
}
