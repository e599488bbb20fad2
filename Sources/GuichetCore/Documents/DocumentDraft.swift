/// A document ready to be written as PDF, DOCX or ODT: structure and text only, no layout decisions.
///
/// Letters and court filings are built as drafts by pure rules (from a case file), then handed to a
/// writer of the `GuichetDocuments` module. The same draft gives the same bytes in every format run
/// after run (no timestamps).
public struct DocumentDraft: Sendable, Equatable {
    /// The document's title (PDF and office metadata, first heading of the file name).
    public var title: String
    /// The body, in reading order.
    public var blocks: [DocumentBlock]
    /// Exhibits appended after the body, each on its own page.
    public var exhibits: [Exhibit]

    public init(title: String, blocks: [DocumentBlock], exhibits: [Exhibit] = []) {
        self.title = title
        self.blocks = blocks
        self.exhibits = exhibits
    }
}

/// A piece of text with its emphasis.
public struct TextRun: Sendable, Equatable {
    public var text: String
    public var isBold: Bool
    public var isItalic: Bool

    public init(_ text: String, bold: Bool = false, italic: Bool = false) {
        self.text = text
        self.isBold = bold
        self.isItalic = italic
    }
}

/// One block of a document body.
public enum DocumentBlock: Sendable, Equatable {
    /// A heading, level 1 (document title) to 3.
    case heading(level: Int, text: String)
    /// A paragraph of runs; `alignment` for address and signature blocks.
    case paragraph([TextRun], alignment: Alignment = .justified)
    /// A bulleted or numbered list; each item is a run list.
    case list(ordered: Bool, items: [[TextRun]])
    /// Lines kept together with no space between them (addresses, the parties' identity).
    case lines([String], alignment: Alignment = .left)
    /// A table of two or more columns, the first row being the header (the bordereau de pièces).
    case table(rows: [[String]])
    /// Forces the next block onto a new page.
    case pageBreak

    public enum Alignment: Sendable, Equatable {
        case left, right, center, justified
    }
}

/// An exhibit (pièce) attached to a filing: a screenshot or a document, with what identifies it.
public struct Exhibit: Sendable, Equatable {
    /// The exhibit's number in the bordereau (1-based).
    public var number: Int
    public var title: String
    /// Lines printed under the title: date and hour of the attempt, SHA-256 of the file…
    public var caption: [String]
    /// The file itself, when it can be shown on the page.
    public var content: Content?

    public enum Content: Sendable, Equatable {
        case png([UInt8])
        case jpeg([UInt8])
        /// A PDF exhibit cannot be drawn inside another document: the page says it is filed alongside.
        case pdf([UInt8])
    }

    /// What names the exhibit's own file when the filing is split into one file per exhibit
    /// (`capture-2026-10-05` → `02-capture-2026-10-05.pdf`): ASCII, lower case, hyphens.
    public var fileSlug: String

    public init(number: Int, title: String, caption: [String], content: Content?, fileSlug: String? = nil) {
        self.number = number
        self.title = title
        self.caption = caption
        self.content = content
        self.fileSlug = fileSlug ?? Exhibit.slug(title)
    }

    /// The exhibit's file name in a split filing: `02-capture-2026-10-05.pdf`. It starts with the
    /// exhibit's number in the bordereau, as art. R.414-5 CJA asks of each file sent through
    /// Télérecours (décret n° 2020-1245), and keeps to what the platform accepts: at most 80
    /// characters, no accent, no dot but the extension's.
    public func fileName(extension fileExtension: String) -> String {
        let number = self.number < 10 ? "0\(self.number)" : String(self.number)
        let slug = fileSlug.isEmpty ? "-piece" : "-" + fileSlug
        return "\(number)\(slug).\(fileExtension)"
    }

    /// `text` folded to ASCII lower case (accents and ligatures removed), every other run of
    /// characters one hyphen, at most 40 characters, cut at a hyphen: a file name any court
    /// platform accepts.
    public static func slug(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in TextFolding.fold(text).unicodeScalars {
            if scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)) {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        guard slug.count > 40 else { return slug }
        let cut = String(slug.prefix(41))
        if let hyphen = cut.lastIndex(of: "-"), hyphen > cut.startIndex { return String(cut[..<hyphen]) }
        return String(slug.prefix(40))
    }
}
