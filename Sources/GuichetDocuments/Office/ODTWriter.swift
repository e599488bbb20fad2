public import GuichetCore

/// Writes a draft as an OpenDocument text file (ODF 1.3), in memory.
///
/// The package holds `mimetype` (first, stored, as ODF requires), `META-INF/manifest.xml`,
/// `content.xml`, `styles.xml` (A4 page, 2.5 cm margins, headings, lists, a footer « Page n / N »),
/// `meta.xml` with the title and no date, and exhibit images in `Pictures/`. ZIP entries carry a fixed
/// date, so the same draft gives the same bytes.
public struct ODTWriter: DocumentWriter {
    /// A writer with the house styles.
    public init() {}

    /// Writes the whole package, with French typography (no-break spaces, see ``DocumentDraft/typeset()``).
    public func write(_ draft: DocumentDraft) throws(DocumentError) -> [UInt8] {
        let draft = draft.typeset()
        var body = ODTBody()
        for block in draft.blocks { body.append(block) }
        for exhibit in draft.exhibits { body.append(exhibit) }

        var package = ZIPPackage()
        package.add("mimetype", bytes: Array(DocumentFormat.odt.mediaType.utf8), compressed: false)
        package.add("META-INF/manifest.xml", xml: body.manifestXML)
        package.add("content.xml", xml: body.contentXML)
        package.add("styles.xml", xml: ODTParts.styles)
        package.add("meta.xml", xml: ODTParts.meta(title: draft.title))
        for picture in body.pictures { package.add(picture.path, bytes: picture.bytes, compressed: false) }
        return try package.archive()
    }
}

/// The body of `content.xml` being built, with its automatic styles and pictures.
struct ODTBody {
    struct Picture {
        var path: String
        var mediaType: String
        var bytes: [UInt8]
    }

    private(set) var xml = ""
    private(set) var pictures: [Picture] = []
    private var tableStyles = ""
    private var tableCount = 0
    /// The next paragraph or heading starts a new page (after a page break block).
    private var breaksBeforeNext = false

    /// A4 text width and the height left for an exhibit image, in centimetres.
    static let imageMaxWidth = 16.0
    static let imageMaxHeight = 19.5

    mutating func append(_ block: DocumentBlock) {
        switch block {
        case .heading(let level, let text):
            let level = min(max(level, 1), 3)
            let style = breaksBeforeNext ? "H\(level)_break" : "Heading_20_\(level)"
            breaksBeforeNext = false
            xml += "<text:h text:style-name=\"\(style)\" text:outline-level=\"\(level)\">\(Self.inline(text))</text:h>"
        case .paragraph(let runs, let alignment):
            let content = runs.map { Self.inline($0.text, bold: $0.isBold, italic: $0.isItalic) }.joined()
            xml += "<text:p text:style-name=\"\(paragraphStyle(alignment))\">\(content)</text:p>"
        case .list(let ordered, let items):
            flushBreak()
            xml += "<text:list text:style-name=\"\(ordered ? "Numbering_20_123" : "List_20_Bullet")\">"
            for item in items {
                let content = item.map { Self.inline($0.text, bold: $0.isBold, italic: $0.isItalic) }.joined()
                xml += "<text:list-item><text:p text:style-name=\"P_list\">\(content)</text:p></text:list-item>"
            }
            xml += "</text:list>"
        case .lines(let lines, let alignment):
            let content = lines.map { Self.inline($0) }.joined(separator: "<text:line-break/>")
            xml += "<text:p text:style-name=\"\(paragraphStyle(alignment))\">\(content)</text:p>"
        case .table(let rows):
            flushBreak()
            appendTable(rows)
        case .pageBreak:
            breaksBeforeNext = true
        }
    }

    mutating func append(_ exhibit: Exhibit) {
        breaksBeforeNext = false
        xml +=
            "<text:h text:style-name=\"H2_break\" text:outline-level=\"2\">\(Self.inline(ExhibitWording.heading(for: exhibit)))</text:h>"
        for line in exhibit.caption { xml += "<text:p text:style-name=\"Caption\">\(Self.inline(line))</text:p>" }
        let file = ExhibitFile(exhibit.content)
        let image: (bytes: [UInt8], extension: String, mediaType: String, width: Int, height: Int)?
        switch file {
        case .png(let png, let bytes): image = (bytes, "png", "image/png", png.width, png.height)
        case .jpeg(let jpeg, let bytes): image = (bytes, "jpeg", "image/jpeg", jpeg.width, jpeg.height)
        case .pdf, .unreadable, .absent: image = nil
        }
        guard let image else {
            xml +=
                "<text:p text:style-name=\"P_left\">\(Self.inline(file.replacementSentence ?? "", italic: true))</text:p>"
            return
        }
        let number = pictures.count + 1
        let path = "Pictures/image\(number).\(image.extension)"
        pictures.append(Picture(path: path, mediaType: image.mediaType, bytes: image.bytes))
        let box = ExhibitFile.fit(
            width: image.width, height: image.height, maxWidth: Self.imageMaxWidth, maxHeight: Self.imageMaxHeight)
        let description = XML.escaped(ExhibitWording.heading(for: exhibit))
        xml += """
            <text:p text:style-name="P_center"><draw:frame draw:style-name="Frame_image" draw:name="Image\(number)" \
            text:anchor-type="as-char" svg:width="\(Self.centimetres(box.width))" svg:height="\(Self.centimetres(box.height))" draw:z-index="0">\
            <draw:image xlink:href="\(path)" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad" draw:mime-type="\(image.mediaType)"/>\
            <svg:desc>\(description)</svg:desc></draw:frame></text:p>
            """
    }

    private mutating func paragraphStyle(_ alignment: DocumentBlock.Alignment) -> String {
        let name: String
        switch alignment {
        case .left: name = "P_left"
        case .right: name = "P_right"
        case .center: name = "P_center"
        case .justified: name = "P_justify"
        }
        defer { breaksBeforeNext = false }
        return breaksBeforeNext ? name + "_break" : name
    }

    /// A page break before a list or table is carried by an empty paragraph of its own.
    private mutating func flushBreak() {
        guard breaksBeforeNext else { return }
        breaksBeforeNext = false
        xml += "<text:p text:style-name=\"P_break\"/>"
    }

    private mutating func appendTable(_ input: [[String]]) {
        let columnCount = input.map(\.count).max() ?? 0
        guard columnCount > 0 else { return }
        let rows = input.map { $0 + Array(repeating: "", count: columnCount - $0.count) }
        tableCount += 1
        let name = "Table\(tableCount)"
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
        // Points to centimetres: the 16 cm text width is 453.5 pt.
        let widths = ColumnWidths.distribute(minimum: minimum, natural: natural, available: 453.5).map {
            $0 * 2.54 / 72
        }
        tableStyles +=
            "<style:style style:name=\"\(name)\" style:family=\"table\"><style:table-properties style:width=\"16cm\" table:align=\"margins\" fo:margin-bottom=\"0.3cm\"/></style:style>"
        for (column, width) in widths.enumerated() {
            tableStyles +=
                "<style:style style:name=\"\(name).C\(column + 1)\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"\(Self.centimetres(width))\"/></style:style>"
        }
        xml += "<table:table table:name=\"\(name)\" table:style-name=\"\(name)\">"
        for column in 0..<columnCount { xml += "<table:table-column table:style-name=\"\(name).C\(column + 1)\"/>" }
        for (rowIndex, row) in rows.enumerated() {
            let isHeader = rowIndex == 0 && rows.count > 1
            // NB: the header is an ordinary first row: pandoc's ODT reader drops <table:table-header-rows>.
            xml += "<table:table-row table:style-name=\"Row\">"
            for text in row {
                xml +=
                    "<table:table-cell table:style-name=\"\(isHeader ? "Cell_header" : "Cell")\" office:value-type=\"string\">"
                xml +=
                    "<text:p text:style-name=\"P_table\">\(Self.inline(text, bold: isHeader))</text:p></table:table-cell>"
            }
            xml += "</table:table-row>"
        }
        xml += "</table:table>"
    }

    /// Inline content: spaces kept (ODF collapses runs of spaces), tabs and line breaks as elements,
    /// emphasis as a span with an automatic text style.
    static func inline(_ text: String, bold: Bool = false, italic: Bool = false) -> String {
        var content = ""
        for piece in XML.pieces(of: text) {
            switch piece {
            case .tab: content += "<text:tab/>"
            case .lineBreak: content += "<text:line-break/>"
            case .text(let text): content += spacesPreserved(text)
            }
        }
        guard bold || italic, !content.isEmpty else { return content }
        let style = bold && italic ? "T_bold_italic" : (bold ? "T_bold" : "T_italic")
        return "<text:span text:style-name=\"\(style)\">\(content)</text:span>"
    }

    /// Escapes `text`, writing the second and later spaces of a run (and a leading space) as `<text:s/>`.
    private static func spacesPreserved(_ text: String) -> String {
        var result = ""
        var pendingSpaces = 0
        var atStart = true
        func flushSpaces() {
            guard pendingSpaces > 0 else { return }
            let literal = atStart ? 0 : 1
            if literal == 1 { result += " " }
            let extra = pendingSpaces - literal
            if extra == 1 { result += "<text:s/>" } else if extra > 1 { result += "<text:s text:c=\"\(extra)\"/>" }
            pendingSpaces = 0
        }
        for character in text {
            if character == " " {
                pendingSpaces += 1
            } else {
                flushSpaces()
                result += XML.escaped(String(character))
                atStart = false
            }
        }
        flushSpaces()
        return result
    }

    /// A length in centimetres with three decimals at most.
    static func centimetres(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        var fraction = String(thousandths % 1000)
        while fraction.count < 3 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(thousandths / 1000)\(fraction.isEmpty ? "" : "." + fraction)cm"
    }

    var contentXML: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content \(ODTParts.namespaces) office:version="1.3">\
        <office:font-face-decls>\(ODTParts.fontFaces)</office:font-face-decls>\
        <office:automatic-styles>\(ODTParts.automaticStyles)\(tableStyles)</office:automatic-styles>\
        <office:body><office:text>\(xml)</office:text></office:body></office:document-content>
        """
    }

    var manifestXML: String {
        var entries = """
            <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>\
            <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\
            <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>\
            <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
            """
        for picture in pictures {
            entries +=
                "<manifest:file-entry manifest:full-path=\"\(picture.path)\" manifest:media-type=\"\(picture.mediaType)\"/>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\
            \(entries)</manifest:manifest>
            """
    }
}
