import Foundation
import Testing
@testable import PitstopDeck

@Suite struct PPTXWriterTests {
    @Test func packageStartsWithTheContentTypesAndRelationships() throws {
        let parts = PackageParts(Deck(title: "T", languageTag: "en-GB", slides: [Slide(title: "One")])).parts.map(\.name)
        #expect(Array(parts.prefix(2)) == ["[Content_Types].xml", "_rels/.rels"])
    }
}
