public import GuichetCore

/// One search hit.
public struct SearchHit: Sendable, Equatable {
    /// What the hit points to.
    public enum Target: Sendable, Equatable, Hashable {
        case section(Section.ID)
        case item(Item.ID)
    }

    public let target: Target
    public let title: String
    /// The item's date, or the section's last update.
    public let date: LocalDate
    /// The item's kind; `nil` for a section.
    public let kind: ItemKind?
    /// An excerpt around the matched terms. Matches are wrapped in `SearchHit.highlightStart` …
    /// `SearchHit.highlightEnd`; the rest is plain, unescaped text.
    public let snippet: String

    public init(target: Target, title: String, date: LocalDate, kind: ItemKind?, snippet: String) {
        self.target = target
        self.title = title
        self.date = date
        self.kind = kind
        self.snippet = snippet
    }

    /// Marks the start of a matched term in `snippet` (U+0002, never found in editorial text).
    public static let highlightStart: Character = "\u{02}"
    /// Marks the end of a matched term in `snippet` (U+0003).
    public static let highlightEnd: Character = "\u{03}"
}

/// French full-text search over the dossier: accents and case folded, words stemmed, stop words ignored.
public protocol SearchIndex: Sendable {
    /// Hits for `query`, best first (relevance, then newest), one page at a time.
    /// An empty query gives an empty page; no query text is ever interpreted as search syntax.
    func search(_ query: SearchQuery, offset: Int, limit: Int) async throws(StorageError) -> ResultPage<SearchHit>
}
