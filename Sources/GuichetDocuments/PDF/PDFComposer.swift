import GuichetCore

/// Typographic choices of the PDF writer, in points.
struct PDFStyle: Sendable {
    var bodySize = 11.0
    var bodyLeading = 14.5
    var paragraphGap = 6.0
    var headingSizes: [Double] = [16, 13, 11.5]
    var headingGapsBefore: [Double] = [6, 14, 10]
    var headingGapsAfter: [Double] = [10, 6, 4]
    var listIndent = 14.0
    var listItemGap = 2.0
    var tableSize = 10.0
    var tableLeading = 12.5
    var tablePadding = 4.0
    var tableGap = 10.0
    var captionSize = 10.0
    var captionLeading = 13.0
    var exhibitHeadingSize = 13.0
    var footerSize = 9.0
}

/// Turns a draft's blocks and exhibits into page rows (the layout before pagination).
struct PDFComposer {
    let geometry: PageGeometry
    let style: PDFStyle

    /// The rows, and for each exhibit the file it turned out to be (images are drawn by index).
    func rows(for draft: DocumentDraft, exhibitFiles: [ExhibitFile]) -> [PageRow] {
        var rows: [PageRow] = []
        for block in draft.blocks { rows += self.rows(for: block) }
        for (index, exhibit) in draft.exhibits.enumerated() {
            rows += exhibitRows(exhibit, file: exhibitFiles[index], imageIndex: index)
        }
        return rows
    }

    // MARK: Blocks

    func rows(for block: DocumentBlock) -> [PageRow] {
        switch block {
        case .heading(let level, let text):
            return headingRows(level: level, text: text)
        case .paragraph(let runs, let alignment):
            let spans = runs.map { InlineSpan(text: $0.text, font: .body(bold: $0.isBold, italic: $0.isItalic)) }
            return paragraphRows(spans, alignment: alignment) + [.gap(style.paragraphGap)]
        case .list(let ordered, let items):
            return listRows(ordered: ordered, items: items)
        case .lines(let lines, let alignment):
            var rows: [PageRow] = []
            for line in lines {
                let laid = LineBreaker.lines(
                    [InlineSpan(text: line, font: .regular)], size: style.bodySize, maxWidth: geometry.contentWidth)
                for text in laid.isEmpty ? [LaidLine(pieces: [], width: 0, endsParagraph: true)] : laid {
                    rows.append(textRow(text, alignment: alignment, size: style.bodySize, leading: style.bodyLeading))
                }
            }
            // The block stays on one page when it can (an address, the parties' identity).
            for index in rows.indices.dropLast() { rows[index].keepWithNext = true }
            return rows.isEmpty ? [] : rows + [.gap(style.paragraphGap)]
        case .table(let rows):
            return tableRows(rows)
        case .pageBreak:
            return [.pageBreak]
        }
    }

    private func headingRows(level: Int, text: String) -> [PageRow] {
        let index = min(max(level, 1), 3) - 1
        let size = style.headingSizes[index]
        let lines = LineBreaker.lines(
            [InlineSpan(text: text, font: .heading)], size: size, maxWidth: geometry.contentWidth)
        guard !lines.isEmpty else { return [] }
        var rows: [PageRow] = [.gap(style.headingGapsBefore[index])]
        for line in lines {
            var row = textRow(line, alignment: index == 0 ? .center : .left, size: size, leading: size * 1.25)
            row.keepWithNext = true
            rows.append(row)
        }
        rows[1].bookmark = PDFBookmark(title: text, level: index + 1)
        rows.append(.gap(style.headingGapsAfter[index], keepWithNext: true))
        return rows
    }

    private func paragraphRows(
        _ spans: [InlineSpan], alignment: DocumentBlock.Alignment, size: Double? = nil, leading: Double? = nil
    ) -> [PageRow] {
        let size = size ?? style.bodySize
        let leading = leading ?? style.bodyLeading
        let lines = LineBreaker.lines(spans, size: size, maxWidth: geometry.contentWidth)
        var rows = lines.map { textRow($0, alignment: alignment, size: size, leading: leading) }
        // No single line of a paragraph alone at the foot or the head of a page.
        if rows.count >= 2 {
            rows[0].keepWithNext = true
            rows[rows.count - 2].keepWithNext = true
        }
        return rows
    }

    private func listRows(ordered: Bool, items: [[TextRun]]) -> [PageRow] {
        var rows: [PageRow] = []
        let markers = items.indices.map { ordered ? "\($0 + 1)." : "\u{2022}" }
        let markerWidth = markers.map { FontFace.regular.metrics.width(of: $0, size: style.bodySize) }.max() ?? 0
        let textX = style.listIndent + max(markerWidth + 6, 14)
        let textWidth = geometry.contentWidth - textX
        for (index, item) in items.enumerated() {
            let spans = item.map { InlineSpan(text: $0.text, font: .body(bold: $0.isBold, italic: $0.isItalic)) }
            var lines = LineBreaker.lines(spans, size: style.bodySize, maxWidth: textWidth)
            if lines.isEmpty { lines = [LaidLine(pieces: [], width: 0, endsParagraph: true)] }
            var itemRows = lines.map { line in
                var row = textRow(
                    line, alignment: .justified, size: style.bodySize, leading: style.bodyLeading, width: textWidth)
                row.texts[0].x += textX
                return row
            }
            let markerLine = LineBreaker.lines(
                [InlineSpan(text: markers[index], font: .regular)], size: style.bodySize, maxWidth: textX)
            if let marker = markerLine.first {
                let markerX = ordered ? textX - 6 - marker.width : style.listIndent
                itemRows[0].texts.append(
                    PlacedText(
                        x: markerX, baseline: itemRows[0].texts[0].baseline, size: style.bodySize, line: marker))
            }
            if itemRows.count >= 2 { itemRows[0].keepWithNext = true }
            rows += itemRows
            if index < items.count - 1 { rows.append(.gap(style.listItemGap)) }
        }
        return rows.isEmpty ? [] : rows + [.gap(style.paragraphGap)]
    }

    /// One row holding one line, aligned within the content width (or the width left of its x).
    private func textRow(
        _ line: LaidLine, alignment: DocumentBlock.Alignment, size: Double, leading: Double, width: Double? = nil
    ) -> PageRow {
        let text = placed(
            line, alignment: alignment, size: size, leading: leading, width: width ?? geometry.contentWidth)
        return PageRow(kind: .content, height: leading, texts: [text])
    }

    private func placed(
        _ line: LaidLine, alignment: DocumentBlock.Alignment, size: Double, leading: Double, width: Double
    ) -> PlacedText {
        // Times: ascender 683, descender -217 (AFM); centre the 0.9 em box in the leading.
        let baseline = (leading - 0.9 * size) / 2 + 0.683 * size
        var text = PlacedText(x: 0, baseline: baseline, size: size, line: line)
        let slack = max(0, width - line.width)
        switch alignment {
        case .left:
            break
        case .right:
            text.x = slack
        case .center:
            text.x = slack / 2
        case .justified:
            let spaces = line.spaceCount
            if !line.endsParagraph && spaces > 0 && slack / Double(spaces) <= size * 2.5 {
                text.extraPerSpace = slack / Double(spaces)
            }
        }
        return text
    }

    // MARK: Tables

    private func tableRows(_ input: [[String]]) -> [PageRow] {
        let columnCount = input.map(\.count).max() ?? 0
        guard columnCount > 0 else { return [] }
        let cells = input.map { $0 + Array(repeating: "", count: columnCount - $0.count) }
        let padding = style.tablePadding
        let size = style.tableSize
        var minimum = [Double](repeating: 0, count: columnCount)
        var natural = [Double](repeating: 0, count: columnCount)
        for (rowIndex, row) in cells.enumerated() {
            let font: FontFace = rowIndex == 0 ? .bold : .regular
            for (column, text) in row.enumerated() {
                let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
                let longest = words.map { font.metrics.width(of: String($0), size: size) }.max() ?? 0
                minimum[column] = max(minimum[column], longest + 2 * padding)
                natural[column] = max(natural[column], font.metrics.width(of: text, size: size) + 2 * padding)
            }
        }
        let widths = ColumnWidths.distribute(minimum: minimum, natural: natural, available: geometry.contentWidth)
        var lefts: [Double] = []
        var x = 0.0
        for width in widths {
            lefts.append(x)
            x += width
        }
        // Rows taller than a page are cut in slices of this many lines.
        let maximumLines = max(1, Int((geometry.bodyHeight / 2 - 2 * padding) / style.tableLeading))
        var header: [PageRow] = []
        var rows: [PageRow] = []
        for (rowIndex, row) in cells.enumerated() {
            let isHeader = rowIndex == 0 && cells.count > 1
            let font: FontFace = isHeader ? .bold : .regular
            let cellLines = row.enumerated().map { column, text in
                LineBreaker.lines(
                    [InlineSpan(text: text, font: font)], size: size, maxWidth: max(1, widths[column] - 2 * padding))
            }
            let lineCount = max(1, cellLines.map(\.count).max() ?? 1)
            for sliceStart in stride(from: 0, to: lineCount, by: maximumLines) {
                let sliceCount = min(maximumLines, lineCount - sliceStart)
                let height = Double(sliceCount) * style.tableLeading + 2 * padding
                var pageRow = PageRow(kind: .content, height: height)
                for column in 0..<columnCount {
                    pageRow.rects.append(
                        PlacedRect(
                            x: lefts[column], top: 0, width: widths[column], height: height,
                            fillGray: isHeader ? 0.9 : nil, isStroked: true))
                    let lines = cellLines[column]
                    for lineIndex in sliceStart..<max(sliceStart, min(lines.count, sliceStart + sliceCount)) {
                        var text = placed(
                            lines[lineIndex], alignment: .left, size: size, leading: style.tableLeading,
                            width: widths[column] - 2 * padding)
                        text.x += lefts[column] + padding
                        text.baseline += padding + Double(lineIndex - sliceStart) * style.tableLeading
                        pageRow.texts.append(text)
                    }
                }
                if isHeader {
                    pageRow.keepWithNext = true
                    header.append(pageRow)
                } else {
                    pageRow.repeatedHeader = header
                }
                rows.append(pageRow)
            }
        }
        return rows + [.gap(style.tableGap)]
    }

    // MARK: Exhibits

    private func exhibitRows(_ exhibit: Exhibit, file: ExhibitFile, imageIndex: Int) -> [PageRow] {
        var rows: [PageRow] = [.pageBreak]
        let title = LineBreaker.lines(
            [InlineSpan(text: ExhibitWording.heading(for: exhibit), font: .heading)],
            size: style.exhibitHeadingSize, maxWidth: geometry.contentWidth)
        for line in title {
            var row = textRow(
                line, alignment: .left, size: style.exhibitHeadingSize, leading: style.exhibitHeadingSize * 1.3)
            row.keepWithNext = true
            rows.append(row)
        }
        // One bookmark per exhibit, at the top level, titled as its heading and its bordereau line.
        if rows.count > 1 { rows[1].bookmark = PDFBookmark(title: ExhibitWording.heading(for: exhibit), level: 1) }
        rows.append(.gap(4, keepWithNext: true))
        for caption in exhibit.caption {
            rows += paragraphRows(
                [InlineSpan(text: caption, font: .regular)], alignment: .left, size: style.captionSize,
                leading: style.captionLeading)
        }
        rows.append(.gap(10))
        if let (width, height) = file.pixelSize {
            rows.append(PageRow(kind: .image(index: imageIndex, pixelWidth: width, pixelHeight: height), height: 0))
        } else if let sentence = file.replacementSentence {
            rows += paragraphRows([InlineSpan(text: sentence, font: .italic)], alignment: .left)
        }
        return rows
    }
}
