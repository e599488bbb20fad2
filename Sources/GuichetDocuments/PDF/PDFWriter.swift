public import GuichetCore

/// Writes a draft as a PDF 1.7 file, with no library: A4 portrait, 2.5 cm margins, the standard Times
/// and Helvetica fonts in WinAnsiEncoding, justified text, page numbers, and exhibits each on its own
/// page with the image fitted below its title and caption.
///
/// Content streams are uncompressed (readable in tests and by text tools); images are embedded as
/// JPEG (/DCTDecode) or deflated PNG data. The file carries no date, and its /ID is derived from its
/// content, so the same draft gives the same bytes. See `docs/documents.md` for the limits.
public struct PDFWriter: DocumentWriter {
    let geometry = PageGeometry()
    let style = PDFStyle()

    /// A writer with the house layout.
    public init() {}

    /// Writes the whole file. Never fails: unreadable exhibits are announced on their page.
    public func write(_ draft: DocumentDraft) throws(DocumentError) -> [UInt8] {
        var files = draft.exhibits.map { ExhibitFile($0.content) }
        var images: [PDFImage?] = []
        for index in files.indices {
            let image = PDFImage(files[index])
            if image == nil && files[index].pixelSize != nil { files[index] = .unreadable }
            images.append(image)
        }
        let composer = PDFComposer(geometry: geometry, style: style)
        let rows = composer.rows(for: draft, exhibitFiles: files)
        let pages = Paginator.paginate(rows, bodyHeight: geometry.bodyHeight)

        // 1 catalog, 2 page tree, 3 info, 4… fonts, their descriptors, then images, then a page and its
        // content per page.
        let fonts = StandardFont.allCases
        let firstFont = 4
        let firstDescriptor = firstFont + fonts.count
        var imageObjects = [Int?](repeating: nil, count: images.count)
        var tintTransformObjects = [Int?](repeating: nil, count: images.count)
        var next = firstDescriptor + fonts.count
        for (index, image) in images.enumerated() {
            guard let image else { continue }
            imageObjects[index] = next
            next += 1
            if image.tintTransform != nil {
                tintTransformObjects[index] = next
                next += 1
            }
        }
        let firstPage = next
        let objectCount = firstPage + 2 * pages.count - 1
        let imageBytes = images.reduce(0) { $0 + ($1?.data.count ?? 0) }
        var file = PDFFileBuilder(objectCount: objectCount, estimatedSize: imageBytes + 8_000 * pages.count + 16_000)

        let kids = pages.indices.map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        file.object(1, "<< /Type /Catalog /Pages 2 0 R /Lang (fr-FR) /ViewerPreferences << /DisplayDocTitle true >> >>")
        file.object(
            2,
            "<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) /MediaBox [0 0 \(PDFNumber.format(geometry.width)) \(PDFNumber.format(geometry.height))] >>"
        )
        file.object(3, "<< /Title \(PDFTextString.encode(draft.title)) /Producer (guichet) >>")
        for (offset, font) in fonts.enumerated() {
            file.object(
                firstFont + offset,
                "<< /Type /Font /Subtype /Type1 /BaseFont /\(font.postScriptName) /Encoding /WinAnsiEncoding "
                    + "/FirstChar 32 /LastChar 255 /Widths \(font.widthsArray) /FontDescriptor \(firstDescriptor + offset) 0 R >>"
            )
        }
        for (offset, font) in fonts.enumerated() { file.object(firstDescriptor + offset, font.descriptor) }
        for (index, image) in images.enumerated() {
            guard let image, let number = imageObjects[index] else { continue }
            let tintTransformObject = tintTransformObjects[index]
            file.streamObject(
                number, dictionary: image.dictionary(tintTransformObject: tintTransformObject), data: image.data,
                hashesByFingerprint: true)
            if let tintTransformObject, let function = image.tintTransform {
                file.streamObject(tintTransformObject, dictionary: function.dictionary, data: function.program)
            }
        }
        let fontResources = fonts.enumerated().map { "/\($1.resourceName) \(firstFont + $0) 0 R" }
            .joined(separator: " ")
        for (pageIndex, page) in pages.enumerated() {
            var content = PDFContentStream()
            var xObjects: [String] = []
            for positioned in page {
                draw(positioned, into: &content, imageObjects: imageObjects, xObjects: &xObjects)
            }
            drawFooter(page: pageIndex + 1, of: pages.count, into: &content)
            let pageNumber = firstPage + 2 * pageIndex
            let xObjectResources = xObjects.isEmpty ? "" : " /XObject << \(xObjects.joined(separator: " ")) >>"
            file.object(
                pageNumber,
                "<< /Type /Page /Parent 2 0 R /Resources << /Font << \(fontResources) >>\(xObjectResources) >> /Contents \(pageNumber + 1) 0 R >>"
            )
            file.streamObject(pageNumber + 1, dictionary: "", data: content.bytes)
        }
        return file.finish(root: 1, info: 3)
    }

    private func draw(
        _ positioned: PositionedRow, into content: inout PDFContentStream, imageObjects: [Int?],
        xObjects: inout [String]
    ) {
        let rowTop = geometry.height - geometry.margin - positioned.top
        let row = positioned.row
        for rect in row.rects {
            content.rectangle(
                x: geometry.margin + rect.x, y: rowTop - rect.top - rect.height, width: rect.width,
                height: rect.height, fillGray: rect.fillGray, stroke: rect.isStroked)
        }
        for text in row.texts {
            content.draw(text, x: geometry.margin + text.x, y: rowTop - text.baseline)
        }
        if case .image(let index, let pixelWidth, let pixelHeight) = row.kind, let object = imageObjects[index] {
            let box = ExhibitFile.fit(
                width: pixelWidth, height: pixelHeight, maxWidth: geometry.contentWidth, maxHeight: positioned.height)
            let name = "Im\(index + 1)"
            content.image(
                named: name, x: geometry.margin + (geometry.contentWidth - box.width) / 2, y: rowTop - box.height,
                width: box.width, height: box.height)
            xObjects.append("/\(name) \(object) 0 R")
        }
    }

    private func drawFooter(page: Int, of count: Int, into content: inout PDFContentStream) {
        let text = ExhibitWording.pageFooter(page: page, of: count)
        let line = LineBreaker.lines(
            [InlineSpan(text: text, font: .timesRoman)], size: style.footerSize, maxWidth: geometry.contentWidth)
        guard let first = line.first else { return }
        let placed = PlacedText(x: 0, baseline: 0, size: style.footerSize, line: first)
        content.draw(placed, x: (geometry.width - first.width) / 2, y: geometry.footerBaseline)
    }
}
