/// One of the seven sections (rubriques) of the dossier, with its introduction.
public struct Section: Hashable, Sendable, Identifiable {
    /// URL slug, e.g. `prefectures`.
    public typealias ID = Slug

    public let id: ID
    /// Roman numeral shown before the title (I … VII).
    public let numeral: String
    /// Display order, 1-based.
    public let order: Int
    public let title: String
    /// What the section covers, in one line.
    public let subtitle: String
    /// One or two sentences shown on the home page and in the section's feed.
    public let summary: String
    /// The introduction, as Markdown.
    public let body: String
    public let updated: LocalDate

    public init(
        id: ID, numeral: String, order: Int, title: String, subtitle: String, summary: String, body: String,
        updated: LocalDate
    ) {
        self.id = id
        self.numeral = numeral
        self.order = order
        self.title = title
        self.subtitle = subtitle
        self.summary = summary
        self.body = body
        self.updated = updated
    }
}
