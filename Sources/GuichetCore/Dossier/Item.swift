/// A dated entry of the dossier: a communiqué, a decision, a report…
public struct Item: Hashable, Sendable, Identifiable {
    public typealias ID = Slug

    /// A cited source: a title and an absolute URL.
    public struct Source: Hashable, Sendable, Codable {
        public let title: String
        public let url: String

        public init(title: String, url: String) {
            self.title = title
            self.url = url
        }
    }

    public let id: ID
    public let title: String
    public let kind: ItemKind
    /// The date of the event, decision or publication.
    public let date: LocalDate
    /// The last editorial change; the item's `date` when never revised.
    public let updated: LocalDate
    /// Sections the item belongs to, the first one being its home.
    public let sections: [Section.ID]
    public let tags: [Tag.ID]
    /// One or two sentences, plain text.
    public let summary: String
    /// The body, as Markdown.
    public let body: String
    public let sources: [Source]
    /// Items the editors link explicitly; the site adds others sharing tags.
    public let related: [ID]

    public init(
        id: ID, title: String, kind: ItemKind, date: LocalDate, updated: LocalDate? = nil, sections: [Section.ID],
        tags: [Tag.ID], summary: String, body: String, sources: [Source], related: [ID] = []
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.date = date
        self.updated = max(updated ?? date, date)
        self.sections = sections
        self.tags = tags
        self.summary = summary
        self.body = body
        self.sources = sources
        self.related = related
    }
}
