import Foundation
import Testing
import ZIPFoundation
@testable import PitstopDeck
import PitstopReport

/// The package as a reader sees it: its parts by name.
struct Package {
    var parts: [(name: String, text: String, bytes: [UInt8])] = []

    init(_ bytes: [UInt8]) throws {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts.append((entry.path, String(decoding: data, as: UTF8.self), [UInt8](data)))
        }
    }

    func text(_ name: String) -> String? { parts.first { $0.name == name }?.text }
    var names: [String] { parts.map(\.name) }
}

@Suite struct PPTXWriterTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]

    static let deck = Deck(title: "A & B", languageTag: "en-GB", slides: [
        Slide(title: "One <title>", elements: [
            .text(TextBox(frame: Frame(x: 36, y: 80, width: 400, height: 100),
                          paragraphs: [Paragraph([TextRun("bullet & \"quote\"\nsecond line")], bullet: true)])),
            .picture(Picture(frame: Frame(x: 36, y: 200, width: 300, height: 150), png: png, description: "a <picture>")),
        ], notes: "first line\n\nthird line"),
        Slide(title: "Two", elements: [
            .table(Table(frame: Frame(x: 36, y: 80, width: 300, height: 60), columnWidths: [200, 100], rowHeight: 30,
                         rows: [[Table.Cell([TextRun("Head")]), Table.Cell([TextRun("N")])],
                                [Table.Cell([TextRun("Row\u{0}")]), Table.Cell([TextRun("1")], alignment: .right)]])),
            .picture(Picture(frame: Frame(x: 36, y: 200, width: 300, height: 150), png: png, description: "second")),
        ], notes: "n"),
    ])

    @Test func packageStartsWithTheContentTypesAndRelationshipsAndTheSameDeckGivesTheSameBytes() throws {
        let bytes = try PPTXWriter.data(Self.deck)
        #expect(try PPTXWriter.data(Self.deck) == bytes)
        let package = try Package(bytes)
        #expect(Array(package.names.prefix(2)) == ["[Content_Types].xml", "_rels/.rels"])
    }

    @Test func everyRelationshipPointsAtAPartAndEveryPartHasAContentType() throws {
        let package = try Package(try PPTXWriter.data(Self.deck))
        let types = try #require(package.text("[Content_Types].xml"))
        for name in package.names where !name.hasSuffix(".rels") && name != "[Content_Types].xml" {
            let ext = String(name.split(separator: ".").last ?? "")
            #expect(types.contains("PartName=\"/\(name)\"") || types.contains("Extension=\"\(ext)\""), "no content type for \(name)")
        }
        let relationships = package.parts.filter { $0.name.hasSuffix(".rels") }
        #expect(relationships.count >= 3 && relationships.allSatisfy { $0.text.contains("Target=\"") })
        for rels in relationships {
            // ppt/slides/_rels/slide1.xml.rels → targets relative to ppt/slides/
            let source = rels.name.replacingOccurrences(of: "_rels/", with: "").replacingOccurrences(of: ".rels", with: "")
            let base = URL(fileURLWithPath: "/" + source).deletingLastPathComponent()
            for target in rels.text.components(separatedBy: "Target=\"").dropFirst().map({ $0.prefix { $0 != "\"" } }) {
                let resolved = String(base.appendingPathComponent(String(target)).standardized.path.dropFirst())
                #expect(package.names.contains(resolved), "\(rels.name) points at \(resolved), which is missing")
            }
        }
    }

    @Test func slidesAreSixteenByNineWithIDsInTheSchemaRangeAndANotesMaster() throws {
        let package = try Package(try PPTXWriter.data(Self.deck))
        let presentation = try #require(package.text("ppt/presentation.xml"))
        #expect(presentation.contains("<p:sldSz cx=\"12192000\" cy=\"6858000\"/>"))
        #expect(presentation.contains("<p:sldId id=\"256\"") && presentation.contains("<p:sldId id=\"257\""))
        #expect(presentation.contains("<p:notesMasterIdLst>"))
        #expect(package.names.contains("ppt/notesMasters/notesMaster1.xml"))
        #expect(package.names.filter { $0.hasPrefix("ppt/notesSlides/notesSlide") }.count == 2)
        #expect(package.names.filter { $0.hasPrefix("ppt/media/") } == ["ppt/media/image1.png", "ppt/media/image2.png"])
        #expect(package.parts.first { $0.name == "ppt/media/image1.png" }?.bytes == Self.png)
    }

    @Test func textIsEscapedAndForbiddenCharactersReplaced() throws {
        let package = try Package(try PPTXWriter.data(Self.deck))
        let slide = try #require(package.text("ppt/slides/slide1.xml"))
        #expect(slide.contains("<a:t>One &lt;title&gt;</a:t>"))
        #expect(slide.contains("<a:t>bullet &amp; &quot;quote&quot;</a:t></a:r><a:br>"))
        #expect(slide.contains("descr=\"a &lt;picture&gt;\""))
        #expect(slide.contains("<a:buChar char=\"•\"/>"))
        let table = try #require(package.text("ppt/slides/slide2.xml"))
        #expect(table.contains("<a:t>Row\u{FFFD}</a:t>") && !table.contains("\u{0}"))
        #expect(table.contains("<a:tblGrid><a:gridCol w=\"2540000\"/><a:gridCol w=\"1270000\"/></a:tblGrid>"))
        let notes = try #require(package.text("ppt/notesSlides/notesSlide1.xml"))
        #expect(notes.contains("<a:t>first line</a:t>") && notes.contains("<a:t>third line</a:t>"))
        #expect(notes.contains("<p:ph type=\"body\" idx=\"1\"/>"))
        #expect(try #require(package.text("docProps/core.xml")).contains("<dc:title>A &amp; B</dc:title>"))
    }
}
