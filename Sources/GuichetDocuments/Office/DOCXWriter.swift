public import GuichetCore

/// Writes a draft as a Word document (Office Open XML, ECMA-376 transitional), in memory.
///
/// The package is minimal but complete: content types, relationships, the document, styles (Normal,
/// Heading 1–3, List Paragraph, Caption, Table Grid, Footer), numbering for lists, a footer
/// « Page n / N » made of PAGE and NUMPAGES fields, core properties with the title and no date, and
/// exhibit images in `word/media`. ZIP entries carry a fixed date, so the same draft gives the same
/// bytes.
public struct DOCXWriter: DocumentWriter {
    /// A writer with the house styles.
    public init() {}

    /// Writes the whole package, with French typography (no-break spaces, see ``DocumentDraft/typeset()``).
    public func write(_ draft: DocumentDraft) throws(DocumentError) -> [UInt8] {
        let draft = draft.typeset()
        var body = DOCXBody()
        for block in draft.blocks { body.append(block) }
        for exhibit in draft.exhibits { body.append(exhibit) }
        body.finish()

        var package = ZIPPackage()
        package.add("[Content_Types].xml", xml: DOCXParts.contentTypes)
        package.add("_rels/.rels", xml: DOCXParts.packageRelationships)
        package.add("docProps/core.xml", xml: DOCXParts.coreProperties(title: draft.title))
        package.add("word/document.xml", xml: body.documentXML)
        package.add("word/styles.xml", xml: DOCXParts.styles)
        package.add("word/numbering.xml", xml: body.numberingXML)
        package.add("word/footer1.xml", xml: DOCXParts.footer)
        package.add("word/_rels/document.xml.rels", xml: body.relationshipsXML)
        for media in body.media { package.add("word/media/\(media.name)", bytes: media.bytes, compressed: false) }
        return try package.archive()
    }
}

/// The body of `word/document.xml` being built, with the numbering instances and images it needs.
struct DOCXBody {
    struct Media {
        var name: String
        var relationshipID: String
        var bytes: [UInt8]
    }

    private(set) var xml = ""
    private(set) var media: [Media] = []
    /// One numbering instance per ordered list, so each restarts at 1 (numIds 2, 3, …).
    private var orderedListCount = 0
    private var lastWasTable = false
    private var drawingCount = 0

    /// A4 text width (21 cm − 2 × 2.5 cm) and the height left for an exhibit image, in EMU (1 cm = 360 000).
    static let imageMaxWidth = 16.0 * 360_000
    static let imageMaxHeight = 19.5 * 360_000

    mutating func append(_ block: DocumentBlock) {
        lastWasTable = false
        switch block {
        case .heading(let level, let text):
            let level = min(max(level, 1), 3)
            xml += "<w:p><w:pPr><w:pStyle w:val=\"Heading\(level)\"/></w:pPr>\(Self.runs(text))</w:p>"
        case .paragraph(let runs, let alignment):
            let content = runs.map { Self.runs($0.text, bold: $0.isBold, italic: $0.isItalic) }.joined()
            xml += "<w:p><w:pPr><w:jc w:val=\"\(Self.justification(alignment))\"/></w:pPr>\(content)</w:p>"
        case .list(let ordered, let items):
            let numberingID: Int
            if ordered {
                orderedListCount += 1
                numberingID = 1 + orderedListCount
            } else {
                numberingID = 1
            }
            for item in items {
                let content = item.map { Self.runs($0.text, bold: $0.isBold, italic: $0.isItalic) }.joined()
                xml +=
                    "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(numberingID)\"/></w:numPr><w:jc w:val=\"both\"/></w:pPr>\(content)</w:p>"
            }
        case .lines(let lines, let alignment):
            let content = lines.map { Self.runs($0) }.joined(separator: "<w:r><w:br/></w:r>")
            xml +=
                "<w:p><w:pPr><w:keepLines/><w:jc w:val=\"\(Self.justification(alignment))\"/></w:pPr>\(content)</w:p>"
        case .table(let rows):
            appendTable(rows)
        case .pageBreak:
            xml += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
        }
    }

    mutating func append(_ exhibit: Exhibit) {
        lastWasTable = false
        xml +=
            "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/><w:pageBreakBefore/></w:pPr>\(Self.runs(ExhibitWording.heading(for: exhibit)))</w:p>"
        for line in exhibit.caption {
            xml += "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/></w:pPr>\(Self.runs(line))</w:p>"
        }
        let file = ExhibitFile(exhibit.content)
        let image: (bytes: [UInt8], extension: String, width: Int, height: Int)?
        switch file {
        case .png(let png, let bytes): image = (bytes, "png", png.width, png.height)
        case .jpeg(let jpeg, let bytes): image = (bytes, "jpeg", jpeg.width, jpeg.height)
        case .pdf, .unreadable, .absent: image = nil
        }
        guard let image else {
            xml += "<w:p>\(Self.runs(file.replacementSentence ?? "", italic: true))</w:p>"
            return
        }
        drawingCount += 1
        let number = drawingCount
        let relationshipID = "rIdImage\(number)"
        media.append(
            Media(name: "image\(number).\(image.extension)", relationshipID: relationshipID, bytes: image.bytes))
        let box = ExhibitFile.fit(
            width: image.width, height: image.height, maxWidth: Self.imageMaxWidth, maxHeight: Self.imageMaxHeight)
        let cx = max(1, Int(box.width.rounded()))
        let cy = max(1, Int(box.height.rounded()))
        let description = XML.escaped(ExhibitWording.heading(for: exhibit))
        xml += """
            <w:p><w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:r><w:drawing>\
            <wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="\(cx)" cy="\(cy)"/>\
            <wp:docPr id="\(number)" name="Image \(number)" descr="\(description)"/>\
            <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>\
            <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">\
            <pic:pic><pic:nvPicPr><pic:cNvPr id="\(number)" name="image\(number).\(image.extension)"/><pic:cNvPicPr/></pic:nvPicPr>\
            <pic:blipFill><a:blip r:embed="\(relationshipID)"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
            <pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="\(cx)" cy="\(cy)"/></a:xfrm>\
            <a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></pic:spPr>\
            </pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
            """
    }

    /// Closes the body: Word wants a paragraph after a final table.
    mutating func finish() {
        if lastWasTable || xml.isEmpty { xml += "<w:p/>" }
    }

    private mutating func appendTable(_ input: [[String]]) {
        let columnCount = input.map(\.count).max() ?? 0
        guard columnCount > 0 else { return }
        let rows = input.map { $0 + Array(repeating: "", count: columnCount - $0.count) }
        // Column widths in twentieths of a point, shared like the PDF writer's (16 cm = 9 072 twips).
        var minimum = [Double](repeating: 0, count: columnCount)
        var natural = [Double](repeating: 0, count: columnCount)
        for row in rows {
            for (column, text) in row.enumerated() {
                let longestWord =
                    text.split(separator: " ").map { ColumnMetrics.width(of: String($0), size: 11) }.max()
                    ?? 0
                minimum[column] = max(minimum[column], longestWord + 12)
                natural[column] = max(natural[column], ColumnMetrics.width(of: text, size: 11) + 12)
            }
        }
        let widths = ColumnWidths.distribute(minimum: minimum, natural: natural, available: 453.6).map {
            Int(($0 * 20).rounded())
        }
        xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
        xml += "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\"/></w:tblPr><w:tblGrid>"
        for width in widths { xml += "<w:gridCol w:w=\"\(width)\"/>" }
        xml += "</w:tblGrid>"
        for (rowIndex, row) in rows.enumerated() {
            let isHeader = rowIndex == 0 && rows.count > 1
            xml +=
                isHeader
                ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (column, text) in row.enumerated() {
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[column])\" w:type=\"dxa\"/>"
                if isHeader { xml += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E6E6E6\"/>" }
                xml += "</w:tcPr><w:p><w:pPr><w:spacing w:after=\"0\"/><w:jc w:val=\"left\"/></w:pPr>"
                xml += "\(Self.runs(text, bold: isHeader))</w:p></w:tc>"
            }
            xml += "</w:tr>"
        }
        xml += "</w:tbl>"
        lastWasTable = true
    }

    /// `<w:r>` elements for `text`, with tabs and line breaks as Word elements.
    static func runs(_ text: String, bold: Bool = false, italic: Bool = false) -> String {
        let properties = bold || italic ? "<w:rPr>\(bold ? "<w:b/>" : "")\(italic ? "<w:i/>" : "")</w:rPr>" : ""
        var content = ""
        for piece in XML.pieces(of: text) {
            switch piece {
            case .text(let text): content += "<w:t xml:space=\"preserve\">\(XML.escaped(text))</w:t>"
            case .tab: content += "<w:tab/>"
            case .lineBreak: content += "<w:br/>"
            }
        }
        return content.isEmpty ? "" : "<w:r>\(properties)\(content)</w:r>"
    }

    static func justification(_ alignment: DocumentBlock.Alignment) -> String {
        switch alignment {
        case .left: "left"
        case .right: "right"
        case .center: "center"
        case .justified: "both"
        }
    }

    var documentXML: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>\(xml)\
        <w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>\
        <w:pgSz w:w="11906" w:h="16838"/>\
        <w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="709" w:footer="709" w:gutter="0"/>\
        </w:sectPr></w:body></w:document>
        """
    }

    var numberingXML: String {
        var nums = "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
        if orderedListCount > 0 {
            for index in 1...orderedListCount {
                nums +=
                    "<w:num w:numId=\"\(1 + index)\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0">\
            <w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u{2022}"/><w:lvlJc w:val="left"/>\
            <w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>\
            <w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0">\
            <w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>\
            <w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>\(nums)</w:numbering>
            """
    }

    var relationshipsXML: String {
        let type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rIdStyles" Type="\(type)/styles" Target="styles.xml"/>\
            <Relationship Id="rIdNumbering" Type="\(type)/numbering" Target="numbering.xml"/>\
            <Relationship Id="rIdFooter" Type="\(type)/footer" Target="footer1.xml"/>
            """
        for item in media {
            xml += "<Relationship Id=\"\(item.relationshipID)\" Type=\"\(type)/image\" Target=\"media/\(item.name)\"/>"
        }
        return xml + "</Relationships>"
    }
}
