// The XML of one slide and of its notes page.

enum SlideXML {
    static func slide(_ slide: Slide, pictureIDs: [String], language: String) -> String {
        var xml = PackageParts.xmlHeader + "<p:sld \(PackageParts.namespaces)><p:cSld><p:spTree>"
        xml += "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>"
        xml += "<p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>"
        var id = 2
        // Boxes are backgrounds (bands, markers): drawn first, under the title and the rest.
        for case .box(let frame, let fill) in slide.elements {
            xml += "<p:sp><p:nvSpPr><p:cNvPr id=\"\(id)\" name=\"Shape \(id - 1)\"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>"
            xml += "<p:spPr>\(transform(frame))<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
            xml += "<a:solidFill><a:srgbClr val=\"\(XML.colour(fill))\"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>"
            id += 1
        }
        // Then the title: readers and the outline find it as the slide's title placeholder.
        xml += "<p:sp><p:nvSpPr><p:cNvPr id=\"\(id)\" name=\"Title \(id - 1)\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
        xml += "<p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr>"
        if let frame = slide.titleFrame { xml += transform(frame) }
        xml += "</p:spPr><p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/>"
        xml += "<a:p>\(run(TextRun(slide.title, size: slide.titleSize, bold: true, colour: slide.titleColour), language: language))</a:p>"
        xml += "</p:txBody></p:sp>"
        id += 1
        var pictures = pictureIDs.makeIterator()
        for element in slide.elements {
            switch element {
            case .text(let box):
                xml += textBox(box, id: id, language: language)
            case .table(let table):
                xml += self.table(table, id: id, language: language)
            case .picture(let picture):
                xml += self.picture(picture, id: id, relationship: pictures.next() ?? "rId0")
            case .box:
                continue
            }
            id += 1
        }
        xml += "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
        return xml
    }

    static func notes(_ text: String, language: String) -> String {
        var xml = PackageParts.xmlHeader + "<p:notes \(PackageParts.namespaces)><p:cSld><p:spTree>"
        xml += "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>"
        xml += "<p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>"
        xml += "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr>"
        xml += "<p:nvPr><p:ph type=\"sldImg\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>"
        xml += "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
        xml += "<p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>"
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines.isEmpty ? [""] : lines {
            xml += line.isEmpty ? "<a:p><a:endParaRPr lang=\"\(XML.escaped(language))\" sz=\"1200\"/></a:p>"
                : "<a:p>\(run(TextRun(String(line), size: 12), language: language))</a:p>"
        }
        xml += "</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"
        return xml
    }

    static func transform(_ frame: Frame) -> String {
        "<a:xfrm><a:off x=\"\(XML.emu(frame.x))\" y=\"\(XML.emu(frame.y))\"/>"
            + "<a:ext cx=\"\(XML.emu(frame.width))\" cy=\"\(XML.emu(frame.height))\"/></a:xfrm>"
    }

    static func run(_ run: TextRun, language: String) -> String {
        let size = Int((run.size * 100).rounded())
        return "<a:r><a:rPr lang=\"\(XML.escaped(language))\" sz=\"\(size)\" b=\"\(run.bold ? 1 : 0)\" dirty=\"0\">"
            + "<a:solidFill><a:srgbClr val=\"\(XML.colour(run.colour))\"/></a:solidFill>"
            + "<a:latin typeface=\"+mn-lt\"/></a:rPr><a:t>\(XML.escaped(run.text))</a:t></a:r>"
    }

    static func paragraph(_ p: Paragraph, language: String) -> String {
        var xml = "<a:p><a:pPr algn=\"\(p.alignment.rawValue)\""
        let size = p.runs.first?.size ?? 16
        if p.bullet {
            let indent = XML.emu(size * 1.1)
            xml += " marL=\"\(indent)\" indent=\"-\(indent)\">"
        } else {
            xml += " marL=\"0\" indent=\"0\">"
        }
        if p.spaceBefore > 0 { xml += "<a:spcBef><a:spcPts val=\"\(Int((p.spaceBefore * 100).rounded()))\"/></a:spcBef>" }
        xml += p.bullet ? "<a:buFont typeface=\"Arial\"/><a:buChar char=\"•\"/>" : "<a:buNone/>"
        xml += "</a:pPr>"
        for r in p.runs {
            // A line break inside a run becomes <a:br/> (a new line in the same paragraph).
            for (index, piece) in r.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if index > 0 {
                    xml += "<a:br><a:rPr lang=\"\(XML.escaped(language))\" sz=\"\(Int((r.size * 100).rounded()))\" dirty=\"0\"/></a:br>"
                }
                if !piece.isEmpty { xml += run(TextRun(String(piece), size: r.size, bold: r.bold, colour: r.colour), language: language) }
            }
        }
        xml += "<a:endParaRPr lang=\"\(XML.escaped(language))\" sz=\"\(Int((size * 100).rounded()))\" dirty=\"0\"/></a:p>"
        return xml
    }

    static func textBox(_ box: TextBox, id: Int, language: String) -> String {
        var xml = "<p:sp><p:nvSpPr><p:cNvPr id=\"\(id)\" name=\"Text \(id - 1)\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr>"
        xml += "<p:spPr>\(transform(box.frame))<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
        xml += box.fill.map { "<a:solidFill><a:srgbClr val=\"\(XML.colour($0))\"/></a:solidFill>" } ?? "<a:noFill/>"
        xml += "</p:spPr><p:txBody>"
        let inset = XML.emu(box.inset)
        xml += "<a:bodyPr wrap=\"square\" lIns=\"\(inset)\" tIns=\"\(inset)\" rIns=\"\(inset)\" bIns=\"\(inset)\" "
        xml += "anchor=\"\(box.anchor.rawValue)\" rtlCol=\"0\"><a:normAutofit/></a:bodyPr><a:lstStyle/>"
        for p in box.paragraphs.isEmpty ? [Paragraph([])] : box.paragraphs { xml += paragraph(p, language: language) }
        return xml + "</p:txBody></p:sp>"
    }

    static func table(_ table: Table, id: Int, language: String) -> String {
        var xml = "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"\(id)\" name=\"Table \(id - 1)\"/>"
        xml += "<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>"
        xml += "<p:xfrm><a:off x=\"\(XML.emu(table.frame.x))\" y=\"\(XML.emu(table.frame.y))\"/>"
        xml += "<a:ext cx=\"\(XML.emu(table.frame.width))\" cy=\"\(XML.emu(table.rowHeight * Double(table.rows.count)))\"/></p:xfrm>"
        xml += "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/table\">"
        xml += "<a:tbl><a:tblPr firstRow=\"\(table.headerRows > 0 ? 1 : 0)\" bandRow=\"0\"/><a:tblGrid>"
        let columns = max(table.columnWidths.count, 1)
        for c in 0..<columns {
            xml += "<a:gridCol w=\"\(XML.emu(c < table.columnWidths.count ? table.columnWidths[c] : 72))\"/>"
        }
        xml += "</a:tblGrid>"
        let line = "<a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"D9DEE4\"/></a:solidFill></a:ln>"
        for (r, row) in table.rows.enumerated() {
            xml += "<a:tr h=\"\(XML.emu(table.rowHeight))\">"
            for c in 0..<columns {
                let cell = c < row.count ? row[c] : Table.Cell([])
                xml += "<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>"
                xml += paragraph(Paragraph(cell.runs, alignment: cell.alignment), language: language)
                xml += "</a:txBody><a:tcPr marL=\"45720\" marR=\"45720\" marT=\"22860\" marB=\"22860\" anchor=\"ctr\">"
                let bottom = r == table.headerRows - 1
                    ? "<a:lnB w=\"19050\"><a:solidFill><a:srgbClr val=\"1F2933\"/></a:solidFill></a:lnB>"
                    : line.replacingOccurrences(of: "a:ln ", with: "a:lnB ").replacingOccurrences(of: "</a:ln>", with: "</a:lnB>")
                xml += "<a:lnL><a:noFill/></a:lnL><a:lnR><a:noFill/></a:lnR><a:lnT><a:noFill/></a:lnT>\(bottom)"
                xml += cell.fill.map { "<a:solidFill><a:srgbClr val=\"\(XML.colour($0))\"/></a:solidFill>" } ?? "<a:noFill/>"
                xml += "</a:tcPr></a:tc>"
            }
            xml += "</a:tr>"
        }
        return xml + "</a:tbl></a:graphicData></a:graphic></p:graphicFrame>"
    }

    static func picture(_ picture: Picture, id: Int, relationship: String) -> String {
        var xml = "<p:pic><p:nvPicPr><p:cNvPr id=\"\(id)\" name=\"Picture \(id - 1)\" descr=\"\(XML.escaped(picture.description))\"/>"
        xml += "<p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>"
        xml += "<p:blipFill><a:blip r:embed=\"\(relationship)\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>"
        xml += "<p:spPr>\(transform(picture.frame))<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>"
        if let border = picture.border {
            xml += "<a:ln w=\"9525\"><a:solidFill><a:srgbClr val=\"\(XML.colour(border))\"/></a:solidFill></a:ln>"
        }
        return xml + "</p:spPr></p:pic>"
    }
}
