/// A line of text placed in a row: `x` from the left margin, `baseline` down from the row's top.
struct PlacedText: Sendable {
    var x: Double
    var baseline: Double
    var size: Double
    var line: LaidLine
    /// Extra width added after each breaking space (justification).
    var extraPerSpace: Double = 0
}

/// A rectangle placed in a row, `x` from the left margin and `top` down from the row's top.
struct PlacedRect: Sendable {
    var x: Double
    var top: Double
    var width: Double
    var height: Double
    /// Fill with this gray level (0 black … 1 white) before stroking; nil for no fill.
    var fillGray: Double?
    var isStroked: Bool
}

/// The unit of pagination: a slice of the page's height that is never split across pages.
struct PageRow: Sendable {
    enum Kind: Sendable {
        /// Text and rules.
        case content
        /// Vertical white space, dropped at the top of a page.
        case gap
        /// Ends the page.
        case pageBreak
        /// Takes the rest of the page (at least a third of it) to draw image `index`, fitted.
        case image(index: Int, pixelWidth: Int, pixelHeight: Int)
    }

    var kind: Kind
    var height: Double
    /// Moves to the next page with the following row when both do not fit (headings, lines blocks).
    var keepWithNext = false
    var texts: [PlacedText] = []
    var rects: [PlacedRect] = []
    /// For a table body row: the header row, repeated at the top of a page the table continues on.
    var repeatedHeader: [PageRow] = []
    /// A bookmark pointing at this row: set on the first line of a heading and of an exhibit's title.
    var bookmark: PDFBookmark?

    static func gap(_ height: Double, keepWithNext: Bool = false) -> PageRow {
        PageRow(kind: .gap, height: height, keepWithNext: keepWithNext)
    }

    static let pageBreak = PageRow(kind: .pageBreak, height: 0)
}

/// A row with its position on the page: `top` is measured down from the top margin.
struct PositionedRow: Sendable {
    var row: PageRow
    var top: Double
    /// For image rows: the height given to the image.
    var height: Double
}

/// The A4 page and its margins, in points (1/72 inch).
struct PageGeometry: Sendable {
    var width = 595.276
    var height = 841.890
    /// 2.5 cm.
    var margin = 70.866
    /// Baseline of the footer above the bottom edge.
    var footerBaseline = 34.0

    var contentWidth: Double { width - 2 * margin }
    var bodyHeight: Double { height - 2 * margin }
}

/// Places rows on pages: keeps chains of `keepWithNext` rows together, drops gaps at page tops,
/// repeats table headers, never leaves an empty page behind a page break.
enum Paginator {
    static func paginate(_ rows: [PageRow], bodyHeight: Double) -> [[PositionedRow]] {
        var pages: [[PositionedRow]] = [[]]
        var cursor = 0.0

        func newPage() {
            pages.append([])
            cursor = 0
        }

        var index = 0
        while index < rows.count {
            let row = rows[index]
            defer { index += 1 }
            switch row.kind {
            case .pageBreak:
                if let last = pages.last, !last.isEmpty { newPage() }
            case .gap:
                guard cursor > 0 else { continue }
                if cursor + row.height > bodyHeight { newPage() } else { cursor += row.height }
            case .image:
                let remaining = bodyHeight - cursor
                if remaining < bodyHeight / 3 && cursor > 0 { newPage() }
                let height = bodyHeight - cursor
                pages[pages.count - 1].append(PositionedRow(row: row, top: cursor, height: height))
                cursor = bodyHeight
            case .content:
                var needed = row.height
                if row.keepWithNext {
                    var next = index + 1
                    while next < rows.count, needed < bodyHeight {
                        let following = rows[next]
                        if case .pageBreak = following.kind { break }
                        needed += following.height
                        if !following.keepWithNext, case .content = following.kind { break }
                        next += 1
                    }
                    needed = min(needed, bodyHeight)
                }
                if cursor + needed > bodyHeight + 0.001 && cursor > 0 {
                    newPage()
                    for header in row.repeatedHeader {
                        pages[pages.count - 1].append(PositionedRow(row: header, top: cursor, height: header.height))
                        cursor += header.height
                    }
                }
                pages[pages.count - 1].append(PositionedRow(row: row, top: cursor, height: row.height))
                cursor += row.height
            }
        }
        if pages.count > 1, let last = pages.last, last.isEmpty { pages.removeLast() }
        return pages
    }
}
