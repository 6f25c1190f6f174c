// The fixed parts: the slide master with its one layout (a title across the top), the notes
// master, and the theme (colours and fonts: Arial, which LibreOffice draws with the
// metric-compatible Liberation Sans).

enum Masters {
    /// The report's accent colour, for titles.
    static let accent = "#24405a"

    static let groupProperties = "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>"
        + "<p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>"

    static let colourMap = "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" "
        + "accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>"

    /// The title's place on every slide that does not set its own.
    static let titleFrame = Frame(x: 36, y: 18, width: 888, height: 50)

    static var slideMaster: String {
        var xml = PackageParts.xmlHeader + "<p:sldMaster \(PackageParts.namespaces)><p:cSld><p:bg><p:bgPr>"
        xml += "<a:solidFill><a:srgbClr val=\"FFFFFF\"/></a:solidFill><a:effectLst/></p:bgPr></p:bg><p:spTree>\(groupProperties)"
        xml += "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title Placeholder 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
        xml += "<p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr>\(SlideXML.transform(titleFrame))"
        xml += "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>"
        xml += "<p:txBody><a:bodyPr vert=\"horz\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"b\"><a:normAutofit/></a:bodyPr>"
        xml += "<a:lstStyle/><a:p><a:endParaRPr lang=\"en-GB\"/></a:p></p:txBody></p:sp>"
        xml += "</p:spTree></p:cSld>\(colourMap)"
        xml += "<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst>"
        xml += "<p:txStyles><p:titleStyle><a:lvl1pPr algn=\"l\"><a:lnSpc><a:spcPct val=\"90000\"/></a:lnSpc><a:buNone/>"
        xml += "<a:defRPr sz=\"2600\" b=\"1\"><a:solidFill><a:srgbClr val=\"24405A\"/></a:solidFill><a:latin typeface=\"+mj-lt\"/></a:defRPr></a:lvl1pPr></p:titleStyle>"
        xml += "<p:bodyStyle>"
        for level in 1...9 {
            let margin = 228_600 + (level - 1) * 457_200
            xml += "<a:lvl\(level)pPr marL=\"\(margin)\" indent=\"-228600\" algn=\"l\"><a:spcBef><a:spcPts val=\"600\"/></a:spcBef>"
            xml += "<a:buFont typeface=\"Arial\"/><a:buChar char=\"•\"/><a:defRPr sz=\"1800\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill>"
            xml += "<a:latin typeface=\"+mn-lt\"/></a:defRPr></a:lvl\(level)pPr>"
        }
        xml += "</p:bodyStyle><p:otherStyle><a:defPPr><a:defRPr lang=\"en-GB\"/></a:defPPr>"
        xml += "<a:lvl1pPr marL=\"0\" algn=\"l\"><a:defRPr sz=\"1800\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill>"
        xml += "<a:latin typeface=\"+mn-lt\"/></a:defRPr></a:lvl1pPr></p:otherStyle></p:txStyles></p:sldMaster>"
        return xml
    }

    static var slideLayout: String {
        var xml = PackageParts.xmlHeader + "<p:sldLayout \(PackageParts.namespaces) type=\"titleOnly\" preserve=\"1\">"
        xml += "<p:cSld name=\"Title Only\"><p:spTree>\(groupProperties)"
        xml += "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
        xml += "<p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr/>"
        xml += "<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"en-GB\"/></a:p></p:txBody></p:sp>"
        xml += "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
        return xml
    }

    static var notesMaster: String {
        var xml = PackageParts.xmlHeader + "<p:notesMaster \(PackageParts.namespaces)><p:cSld><p:bg><p:bgRef idx=\"1001\">"
        xml += "<a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree>\(groupProperties)"
        xml += "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/>"
        xml += "<p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"sldImg\" idx=\"2\"/></p:nvPr></p:nvSpPr>"
        xml += "<p:spPr><a:xfrm><a:off x=\"381000\" y=\"685800\"/><a:ext cx=\"6096000\" cy=\"3429000\"/></a:xfrm>"
        xml += "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/><a:ln w=\"12700\"><a:solidFill><a:srgbClr val=\"000000\"/></a:solidFill></a:ln></p:spPr></p:sp>"
        xml += "<p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>"
        xml += "<p:nvPr><p:ph type=\"body\" sz=\"quarter\" idx=\"3\"/></p:nvPr></p:nvSpPr>"
        xml += "<p:spPr><a:xfrm><a:off x=\"685800\" y=\"4343400\"/><a:ext cx=\"5486400\" cy=\"4114800\"/></a:xfrm>"
        xml += "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>"
        xml += "<p:txBody><a:bodyPr vert=\"horz\" lIns=\"91440\" tIns=\"45720\" rIns=\"91440\" bIns=\"45720\"><a:normAutofit/></a:bodyPr>"
        xml += "<a:lstStyle/><a:p><a:endParaRPr lang=\"en-GB\"/></a:p></p:txBody></p:sp>"
        xml += "</p:spTree></p:cSld>\(colourMap)<p:notesStyle>"
        xml += "<a:lvl1pPr marL=\"0\" algn=\"l\"><a:defRPr sz=\"1200\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill>"
        xml += "<a:latin typeface=\"+mn-lt\"/></a:defRPr></a:lvl1pPr></p:notesStyle></p:notesMaster>"
        return xml
    }

    static func theme(name: String) -> String {
        var xml = PackageParts.xmlHeader
        xml += "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"\(XML.escaped(name))\"><a:themeElements>"
        xml += "<a:clrScheme name=\"Pitstop\">"
        let colours = [("dk1", "1F2933"), ("lt1", "FFFFFF"), ("dk2", "24405A"), ("lt2", "EEF1F4"),
                       ("accent1", "24405A"), ("accent2", "E69F00"), ("accent3", "009E73"), ("accent4", "CC79A7"),
                       ("accent5", "0072B2"), ("accent6", "D55E00"), ("hlink", "1F6FEB"), ("folHlink", "616E7C")]
        for (slot, value) in colours { xml += "<a:\(slot)><a:srgbClr val=\"\(value)\"/></a:\(slot)>" }
        xml += "</a:clrScheme><a:fontScheme name=\"Pitstop\">"
        xml += "<a:majorFont><a:latin typeface=\"Arial\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:majorFont>"
        xml += "<a:minorFont><a:latin typeface=\"Arial\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:minorFont></a:fontScheme>"
        xml += "<a:fmtScheme name=\"Pitstop\"><a:fillStyleLst>"
        xml += String(repeating: "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>", count: 3)
        xml += "</a:fillStyleLst><a:lnStyleLst>"
        for width in [6350, 12700, 19050] {
            xml += "<a:ln w=\"\(width)\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>"
        }
        xml += "</a:lnStyleLst><a:effectStyleLst>"
        xml += String(repeating: "<a:effectStyle><a:effectLst/></a:effectStyle>", count: 3)
        xml += "</a:effectStyleLst><a:bgFillStyleLst>"
        xml += String(repeating: "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>", count: 3)
        xml += "</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
        return xml
    }
}
