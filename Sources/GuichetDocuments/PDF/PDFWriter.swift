public import GuichetCore

/// Writes a draft as a PDF/A-2b file, with no library: A4 portrait, 2.5 cm margins, Liberation Serif
/// and Liberation Sans embedded as subset CID fonts (every name prints as typed, in Latin, Greek or
/// Cyrillic script, and copies back exactly), justified text, page numbers, one bookmark per section
/// and per exhibit, and exhibits each on its own page with the image fitted below its title.
///
/// Content streams are uncompressed (readable in tests and by text tools); fonts and images are
/// compressed. The file carries no date, and its /ID is derived from its content, so the same draft
/// gives the same bytes. See `docs/documents.md` for the limits.
public struct PDFWriter: DocumentWriter {
    let geometry = PageGeometry()
    let style = PDFStyle()

    /// A writer with the house layout.
    public init() {}

    /// Writes the whole file. Fails only when a character cannot be printed with the embedded fonts
    /// (``DocumentError/unprintableCharacter(_:context:)``) or the fonts cannot be found; unreadable
    /// exhibits are announced on their page.
    public func write(_ draft: DocumentDraft) throws(DocumentError) -> [UInt8] {
        let fonts = try FontLibrary.loaded.get()
        let draft = draft.typeset()
        if let (scalar, context) = Self.firstUnprintable(in: draft, fonts: fonts) {
            throw .unprintableCharacter(scalar, context: context)
        }
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

        // The page contents first: they decide which characters, faces and images the file holds.
        var cids = CIDRegistry()
        var contents: [[UInt8]] = []
        var pageImages: [[Int]] = []
        var bookmarks: [PlacedBookmark] = []
        for (pageIndex, page) in pages.enumerated() {
            var content = PDFContentStream()
            var imagesOnPage: [Int] = []
            for positioned in page {
                if let bookmark = positioned.row.bookmark {
                    let top = geometry.height - geometry.margin - positioned.top
                    bookmarks.append(PlacedBookmark(bookmark: bookmark, pageIndex: pageIndex, top: top))
                }
                draw(positioned, into: &content, images: images, cids: &cids, imagesOnPage: &imagesOnPage)
            }
            drawFooter(page: pageIndex + 1, of: pages.count, into: &content, cids: &cids)
            contents.append(content.bytes)
            pageImages.append(imagesOnPage)
        }

        // 1 catalog, 2 page tree, 3 info, 4 XMP metadata, 5 ICC profile, 6 ToUnicode, then five
        // objects per face used, the outline, the images, and a page and its content per page.
        let faces = cids.usedFaces
        let firstFont = 7
        var fontObjects: [FontFace: Int] = [:]
        for (offset, face) in faces.enumerated() { fontObjects[face] = firstFont + PDFEmbeddedFont.objectCount * offset }
        let outline = firstFont + PDFEmbeddedFont.objectCount * faces.count
        var next = outline + PDFOutline.objectCount(bookmarks)
        var imageObjects = [Int?](repeating: nil, count: images.count)
        var tintTransformObjects = [Int?](repeating: nil, count: images.count)
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
        var file = PDFFileBuilder(objectCount: objectCount, estimatedSize: imageBytes + 8_000 * pages.count + 80_000)

        let kids = pages.indices.map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        let outlineEntries = bookmarks.isEmpty ? "" : " /Outlines \(outline) 0 R /PageMode /UseOutlines"
        file.object(
            1,
            "<< /Type /Catalog /Pages 2 0 R /Lang (fr-FR) /Metadata 4 0 R /OutputIntents [\(PDFArchival.outputIntent(profile: 5))]"
                + "\(outlineEntries) /ViewerPreferences << /DisplayDocTitle true >> >>")
        file.object(
            2,
            "<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) /MediaBox [0 0 \(PDFNumber.format(geometry.width)) \(PDFNumber.format(geometry.height))] >>"
        )
        file.object(3, "<< /Title \(PDFTextString.encode(draft.title)) /Producer (guichet) >>")
        file.streamObject(
            4, dictionary: "/Type /Metadata /Subtype /XML",
            data: PDFArchival.metadata(title: draft.title, producer: "guichet"))
        file.compressedStreamObject(5, dictionary: "/N 3", data: SRGBProfile.bytes)
        file.compressedStreamObject(6, dictionary: "", data: cids.toUnicodeCMap)
        for face in faces {
            guard let first = fontObjects[face] else { continue }
            PDFEmbeddedFont(face: face, registry: cids).write(into: &file, first: first, toUnicode: 6)
        }
        PDFOutline.write(bookmarks, into: &file, first: outline) { firstPage + 2 * $0 }
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
        let fontResources = faces.compactMap { face in fontObjects[face].map { "/\(face.resourceName) \($0) 0 R" } }
            .joined(separator: " ")
        for (pageIndex, content) in contents.enumerated() {
            let pageNumber = firstPage + 2 * pageIndex
            let xObjects = pageImages[pageIndex].compactMap { index in
                imageObjects[index].map { "/Im\(index + 1) \($0) 0 R" }
            }
            let xObjectResources = xObjects.isEmpty ? "" : " /XObject << \(xObjects.joined(separator: " ")) >>"
            file.object(
                pageNumber,
                "<< /Type /Page /Parent 2 0 R /Resources << /Font << \(fontResources) >>\(xObjectResources) >> /Contents \(pageNumber + 1) 0 R >>"
            )
            file.streamObject(pageNumber + 1, dictionary: "", data: content)
        }
        return file.finish(root: 1, info: 3)
    }

    /// The first character of the draft the fonts cannot draw, with the text it is in.
    static func firstUnprintable(in draft: DocumentDraft, fonts: FontLibrary) -> (Unicode.Scalar, String)? {
        for text in draft.allTexts {
            if let scalar = PrintableText.unprintable(in: text, fonts: fonts).first { return (scalar, text) }
        }
        return nil
    }

    private func draw(
        _ positioned: PositionedRow, into content: inout PDFContentStream, images: [PDFImage?],
        cids: inout CIDRegistry, imagesOnPage: inout [Int]
    ) {
        let rowTop = geometry.height - geometry.margin - positioned.top
        let row = positioned.row
        for rect in row.rects {
            content.rectangle(
                x: geometry.margin + rect.x, y: rowTop - rect.top - rect.height, width: rect.width,
                height: rect.height, fillGray: rect.fillGray, stroke: rect.isStroked)
        }
        for text in row.texts {
            content.draw(text, x: geometry.margin + text.x, y: rowTop - text.baseline, cids: &cids)
        }
        if case .image(let index, let pixelWidth, let pixelHeight) = row.kind, images[index] != nil {
            let box = ExhibitFile.fit(
                width: pixelWidth, height: pixelHeight, maxWidth: geometry.contentWidth, maxHeight: positioned.height)
            content.image(
                named: "Im\(index + 1)", x: geometry.margin + (geometry.contentWidth - box.width) / 2,
                y: rowTop - box.height, width: box.width, height: box.height)
            imagesOnPage.append(index)
        }
    }

    private func drawFooter(page: Int, of count: Int, into content: inout PDFContentStream, cids: inout CIDRegistry) {
        let text = ExhibitWording.pageFooter(page: page, of: count)
        let line = LineBreaker.lines(
            [InlineSpan(text: text, font: .regular)], size: style.footerSize, maxWidth: geometry.contentWidth)
        guard let first = line.first else { return }
        let placed = PlacedText(x: 0, baseline: 0, size: style.footerSize, line: first)
        content.draw(placed, x: (geometry.width - first.width) / 2, y: geometry.footerBaseline, cids: &cids)
    }
}

extension DocumentDraft {
    /// Every piece of text the draft prints, in reading order (the writers' own wording aside).
    var allTexts: [String] {
        var texts = [title]
        for block in blocks {
            switch block {
            case .heading(_, let text): texts.append(text)
            case .paragraph(let runs, _): texts += runs.map(\.text)
            case .list(_, let items): texts += items.flatMap { $0.map(\.text) }
            case .lines(let lines, _): texts += lines
            case .table(let rows): texts += rows.flatMap { $0 }
            case .pageBreak: break
            }
        }
        for exhibit in exhibits { texts += [exhibit.title] + exhibit.caption }
        return texts
    }
}
