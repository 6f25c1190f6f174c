import Foundation
import ZIPFoundation

/// Writes a ``Deck`` as a PowerPoint file (Office Open XML, ECMA-376): one slide master with
/// one layout (a title), a theme, a notes master, a notes page per slide, PNG pictures and
/// native tables.
///
/// The bytes depend on the deck only: parts in a fixed order, a fixed date on every zip
/// entry, no creation time in the document properties.
public enum PPTXWriter {
    /// What went wrong writing the package.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The `.pptx` file's bytes.
    public static func data(_ deck: Deck) throws(Failure) -> [UInt8] {
        let parts = PackageParts(deck).parts
        do {
            let archive = try Archive(accessMode: .create)
            // 2024-01-01T00:00:00Z: ZIPFoundation stores it in DOS form, converted with gmtime.
            let fixedDate = Date(timeIntervalSince1970: 1_704_067_200)
            for part in parts {
                let data = Data(part.bytes)
                let method: CompressionMethod = part.name.hasSuffix(".png") ? .none : .deflate
                try archive.addEntry(
                    with: part.name, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                    permissions: 0o644, compressionMethod: method
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let bytes = archive.data else { throw Failure(description: "the zip archive has no data") }
            return [UInt8](bytes)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "cannot write the zip archive: \(error)")
        }
    }
}

/// The parts of the package, in the order they are written: content types, package
/// relationships, then the presentation and everything it reaches.
struct PackageParts {
    struct Part {
        var name: String
        var bytes: [UInt8]
    }

    private(set) var parts: [Part] = []

    static let emuPerPoint = 12_700.0

    init(_ deck: Deck) {
        let slideCount = deck.slides.count
        var images: [(slide: Int, name: String)] = []
        var slideXML: [String] = []
        var slideRels: [String] = []
        for (index, slide) in deck.slides.enumerated() {
            var rels = [Relationship(type: "slideLayout", target: "../slideLayouts/slideLayout1.xml"),
                        Relationship(type: "notesSlide", target: "../notesSlides/notesSlide\(index + 1).xml")]
            var pictureIDs: [String] = []
            for element in slide.elements {
                if case .picture = element {
                    let name = "image\(images.count + 1).png"
                    images.append((index, name))
                    rels.append(Relationship(type: "image", target: "../media/\(name)"))
                    pictureIDs.append("rId\(rels.count)")
                }
            }
            slideXML.append(SlideXML.slide(slide, pictureIDs: pictureIDs, language: deck.languageTag))
            slideRels.append(Relationship.document(rels))
        }

        add("[Content_Types].xml", contentTypes(slideCount: slideCount))
        add("_rels/.rels", Relationship.document([
            Relationship(type: "officeDocument", target: "ppt/presentation.xml"),
            Relationship(type: "metadata/core-properties", target: "docProps/core.xml", package: true),
            Relationship(type: "extended-properties", target: "docProps/app.xml"),
        ]))
        add("docProps/core.xml", Self.core(deck))
        add("docProps/app.xml", Self.app(slideCount: slideCount))
        var presentationRels = [
            Relationship(type: "slideMaster", target: "slideMasters/slideMaster1.xml"),
            Relationship(type: "notesMaster", target: "notesMasters/notesMaster1.xml"),
            Relationship(type: "theme", target: "theme/theme1.xml"),
            Relationship(type: "presProps", target: "presProps.xml"),
            Relationship(type: "viewProps", target: "viewProps.xml"),
            Relationship(type: "tableStyles", target: "tableStyles.xml"),
        ]
        let firstSlideRel = presentationRels.count + 1
        for index in 0..<slideCount {
            presentationRels.append(Relationship(type: "slide", target: "slides/slide\(index + 1).xml"))
        }
        add("ppt/presentation.xml", Self.presentation(slideCount: slideCount, firstSlideRel: firstSlideRel))
        add("ppt/_rels/presentation.xml.rels", Relationship.document(presentationRels))
        add("ppt/presProps.xml", Self.xmlHeader + "<p:presentationPr \(Self.namespaces)/>")
        add("ppt/viewProps.xml", Self.xmlHeader + "<p:viewPr \(Self.namespaces)><p:gridSpacing cx=\"76200\" cy=\"76200\"/></p:viewPr>")
        add("ppt/tableStyles.xml", Self.xmlHeader
            + "<a:tblStyleLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" def=\"{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}\"/>")
        add("ppt/slideMasters/slideMaster1.xml", Masters.slideMaster)
        add("ppt/slideMasters/_rels/slideMaster1.xml.rels", Relationship.document([
            Relationship(type: "slideLayout", target: "../slideLayouts/slideLayout1.xml"),
            Relationship(type: "theme", target: "../theme/theme1.xml"),
        ]))
        add("ppt/slideLayouts/slideLayout1.xml", Masters.slideLayout)
        add("ppt/slideLayouts/_rels/slideLayout1.xml.rels", Relationship.document([
            Relationship(type: "slideMaster", target: "../slideMasters/slideMaster1.xml"),
        ]))
        add("ppt/theme/theme1.xml", Masters.theme(name: "Pitstop"))
        add("ppt/notesMasters/notesMaster1.xml", Masters.notesMaster)
        add("ppt/notesMasters/_rels/notesMaster1.xml.rels", Relationship.document([
            Relationship(type: "theme", target: "../theme/theme2.xml"),
        ]))
        add("ppt/theme/theme2.xml", Masters.theme(name: "Pitstop notes"))
        for index in 0..<slideCount {
            add("ppt/slides/slide\(index + 1).xml", slideXML[index])
            add("ppt/slides/_rels/slide\(index + 1).xml.rels", slideRels[index])
            add("ppt/notesSlides/notesSlide\(index + 1).xml",
                SlideXML.notes(deck.slides[index].notes, language: deck.languageTag))
            add("ppt/notesSlides/_rels/notesSlide\(index + 1).xml.rels", Relationship.document([
                Relationship(type: "notesMaster", target: "../notesMasters/notesMaster1.xml"),
                Relationship(type: "slide", target: "../slides/slide\(index + 1).xml"),
            ]))
        }
        var pictureIndex = 0
        for (index, slide) in deck.slides.enumerated() {
            for element in slide.elements {
                guard case .picture(let picture) = element else { continue }
                precondition(images[pictureIndex].slide == index)
                parts.append(Part(name: "ppt/media/\(images[pictureIndex].name)", bytes: picture.png))
                pictureIndex += 1
            }
        }
    }

    private mutating func add(_ name: String, _ text: String) {
        parts.append(Part(name: name, bytes: Array(text.utf8)))
    }

    static let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static let namespaces = "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
        + "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\""

    private func contentTypes(slideCount: Int) -> String {
        let pml = "application/vnd.openxmlformats-officedocument.presentationml"
        var overrides: [(String, String)] = [
            ("/ppt/presentation.xml", "\(pml).presentation.main+xml"),
            ("/ppt/presProps.xml", "\(pml).presProps+xml"),
            ("/ppt/viewProps.xml", "\(pml).viewProps+xml"),
            ("/ppt/tableStyles.xml", "\(pml).tableStyles+xml"),
            ("/ppt/slideMasters/slideMaster1.xml", "\(pml).slideMaster+xml"),
            ("/ppt/slideLayouts/slideLayout1.xml", "\(pml).slideLayout+xml"),
            ("/ppt/notesMasters/notesMaster1.xml", "\(pml).notesMaster+xml"),
            ("/ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
            ("/ppt/theme/theme2.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ]
        for index in 1...max(slideCount, 1) where slideCount > 0 {
            overrides.append(("/ppt/slides/slide\(index).xml", "\(pml).slide+xml"))
            overrides.append(("/ppt/notesSlides/notesSlide\(index).xml", "\(pml).notesSlide+xml"))
        }
        var xml = Self.xmlHeader
        xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Default Extension=\"png\" ContentType=\"image/png\"/>"
        for (part, type) in overrides { xml += "<Override PartName=\"\(part)\" ContentType=\"\(type)\"/>" }
        return xml + "</Types>"
    }

    private static func presentation(slideCount: Int, firstSlideRel: Int) -> String {
        var xml = xmlHeader + "<p:presentation \(namespaces) saveSubsetFonts=\"1\">"
        xml += "<p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>"
        xml += "<p:notesMasterIdLst><p:notesMasterId r:id=\"rId2\"/></p:notesMasterIdLst>"
        if slideCount > 0 {
            xml += "<p:sldIdLst>"
            for index in 0..<slideCount {
                xml += "<p:sldId id=\"\(256 + index)\" r:id=\"rId\(firstSlideRel + index)\"/>"
            }
            xml += "</p:sldIdLst>"
        }
        xml += "<p:sldSz cx=\"12192000\" cy=\"6858000\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/>"
        xml += "<p:defaultTextStyle>"
        for level in 1...9 {
            xml += "<a:lvl\(level)pPr marL=\"\((level - 1) * 457_200)\" algn=\"l\"><a:defRPr sz=\"1800\">"
            xml += "<a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/></a:defRPr></a:lvl\(level)pPr>"
        }
        xml += "</p:defaultTextStyle>"
        return xml + "</p:presentation>"
    }

    private static func core(_ deck: Deck) -> String {
        xmlHeader + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(XML.escaped(deck.title))</dc:title><dc:creator>Pitstop</dc:creator>"
            + "<dc:language>\(XML.escaped(deck.languageTag))</dc:language></cp:coreProperties>"
    }

    private static func app(slideCount: Int) -> String {
        xmlHeader + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>Pitstop</Application><PresentationFormat>Widescreen</PresentationFormat>"
            + "<Slides>\(slideCount)</Slides><Notes>\(slideCount)</Notes></Properties>"
    }
}

/// One relationship of a part (`rId1`, `rId2`… in order).
struct Relationship {
    var type: String
    var target: String
    /// Package-level types (core properties) live under another namespace.
    var package = false

    static func document(_ relationships: [Relationship]) -> String {
        var xml = PackageParts.xmlHeader
        xml += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (index, r) in relationships.enumerated() {
            let base = r.package
                ? "http://schemas.openxmlformats.org/package/2006/relationships/"
                : "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(base)\(r.type)\" Target=\"\(r.target)\"/>"
        }
        return xml + "</Relationships>"
    }
}

/// Text for XML: escaped, and characters XML 1.0 forbids replaced.
enum XML {
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Points as EMU (English Metric Units, 12,700 a point), rounded.
    static func emu(_ points: Double) -> Int {
        guard points.isFinite else { return 0 }
        return Int((points * PackageParts.emuPerPoint).rounded())
    }

    /// `#rrggbb` as `RRGGBB`; anything else becomes black.
    static func colour(_ hex: String) -> String {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit) else { return "000000" }
        return digits.uppercased()
    }
}
