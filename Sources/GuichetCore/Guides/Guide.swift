/// A guide: one procedure told to the person who has to do it (`content/guides/<slug>.md`, docs/guides.md).
///
/// The body is French Markdown; the FALC summary (*facile à lire et à comprendre*) exists in French and in the
/// interface languages that have been written, by language code. Deadlines, documents and the path are
/// references into the deadline engine, the document drafter and the interview engine, checked when the
/// content is read.
public struct Guide: Hashable, Sendable, Identifiable {
    public typealias ID = Slug

    /// The languages a FALC summary may be written in: the interface's (French first).
    public static let languageCodes = ["fr", "en", "ar", "fa", "ps", "ti", "so"]

    /// Where a person starts from, on `/guides`.
    public enum Situation: String, Sendable, CaseIterable, Hashable {
        /// « Je veux… »: start a procedure.
        case wantTo = "je-veux"
        /// « J’ai reçu… »: a decision, a letter, a notification.
        case received = "j-ai-recu"
        /// « Ça bloque… »: the platform or the administration does not move.
        case blocked = "ca-bloque"
    }

    /// How the competent court is found.
    public enum CourtRule: String, Sendable, CaseIterable, Hashable {
        /// The tribunal administratif of the prefecture's département (R.312-1 CJA), from the court table.
        case departmentCourt = "ta-departement"
        /// The tribunal administratif de Nantes (visas, naturalisation).
        case nantes = "ta-nantes"
        /// The Cour nationale du droit d'asile.
        case cnda
        /// The pôle social of the tribunal judiciaire (social-security benefits).
        case judicialCourt = "tribunal-judiciaire"
        /// No court is the next step.
        case none = "aucun"
    }

    /// The platform the procedure is filed on.
    public struct Platform: Hashable, Sendable {
        public let name: String
        public let url: String

        public init(name: String, url: String) {
            self.name = name
            self.url = url
        }
    }

    /// A cited source and the day it was checked.
    public typealias Source = DatedSource

    public let id: ID
    public let title: String
    /// The dossier section the procedure belongs to.
    public let section: Section.ID
    public let situation: Situation
    /// Position inside its situation on `/guides`.
    public let order: Int
    /// One or two sentences, plain text.
    public let summary: String
    /// Who files the procedure, plain text.
    public let who: String
    public let platform: Platform?
    /// Deadline rule ids (``DeadlineRule/catalogue``).
    public let deadlineRuleIDs: [String]
    /// The documents that fit (``DocumentKind`` raw values).
    public let documentKinds: [DocumentKind]
    public let court: CourtRule
    /// Why this court, plain text.
    public let courtNote: String?
    /// The self-help path that goes with the guide, if any.
    public let interviewID: Slug?
    /// The observatory's procedure family the guide is about: the page shows what the person's prefecture announces.
    public let observatoryProcedure: Observatory.Procedure?
    /// More words for the search.
    public let keywords: [String]
    /// When the guide's facts were last checked.
    public let checked: LocalDate
    public let sources: [Source]
    /// Points no source confirms, shown in an « À vérifier » box.
    public let unverified: [String]
    /// The FALC summary by language code (`fr` always present), one sentence per line.
    public let easyRead: [String: [String]]
    /// The body, French Markdown.
    public let body: String

    public init(
        id: ID, title: String, section: Section.ID, situation: Situation, order: Int, summary: String, who: String,
        platform: Platform?, deadlineRuleIDs: [String], documentKinds: [DocumentKind], court: CourtRule,
        courtNote: String?, interviewID: Slug?, observatoryProcedure: Observatory.Procedure? = nil, keywords: [String],
        checked: LocalDate, sources: [Source], unverified: [String], easyRead: [String: [String]], body: String
    ) {
        self.observatoryProcedure = observatoryProcedure
        self.id = id
        self.title = title
        self.section = section
        self.situation = situation
        self.order = order
        self.summary = summary
        self.who = who
        self.platform = platform
        self.deadlineRuleIDs = deadlineRuleIDs
        self.documentKinds = documentKinds
        self.court = court
        self.courtNote = courtNote
        self.interviewID = interviewID
        self.keywords = keywords
        self.checked = checked
        self.sources = sources
        self.unverified = unverified
        self.easyRead = easyRead
        self.body = body
    }

    /// The deadline rules of the guide, in its order (unknown ids are refused when the content is read).
    public var deadlineRules: [DeadlineRule] {
        deadlineRuleIDs.compactMap { id in DeadlineRule.catalogue.first { $0.id == id } }
    }

    /// The FALC summary in `language`, or `nil` when it has not been written in that language.
    public func easyRead(in language: String) -> [String]? { easyRead[language] }
}

/// Guides matched against a search query, by the same French analysis as the dossier's index: a guide matches when
/// every word of the query stems to a word of its title, summary, keywords or FALC summary in French.
public struct GuideFinder: Sendable {
    struct Entry: Sendable {
        let guide: Guide
        let titleWords: Set<String>
        let words: Set<String>
    }

    let entries: [Entry]

    public init(_ guides: [Guide]) {
        entries = guides.map { guide in
            let title = Self.terms(guide.title)
            var text = [guide.summary, guide.who, guide.platform?.name ?? ""] + guide.keywords
            text += guide.easyRead["fr"] ?? []
            return Entry(guide: guide, titleWords: title, words: title.union(Self.terms(text.joined(separator: " "))))
        }
    }

    /// The index terms of `text`, as the full-text index makes them.
    static func terms(_ text: String) -> Set<String> {
        var terms: Set<String> = []
        for chunk in text.split(separator: "\n") {
            for word in SearchQuery(String(chunk), maxTerms: 4096).words {
                if let term = FrenchAnalyzer.indexTerm(for: word) { terms.insert(term) }
            }
        }
        return terms
    }

    /// The guides matching every analysed word of `query`, those matching in their title first; at most `limit`.
    public func find(_ query: SearchQuery, limit: Int = 3) -> [Guide] {
        let words = query.words.compactMap(FrenchAnalyzer.indexTerm(for:))
        guard !words.isEmpty else { return [] }
        let matching = entries.filter { entry in words.allSatisfy(entry.words.contains) }
        let ranked = matching.sorted { a, b in
            let aTitle = words.filter(a.titleWords.contains).count
            let bTitle = words.filter(b.titleWords.contains).count
            return aTitle != bTitle ? aTitle > bTitle : a.guide.title < b.guide.title
        }
        return Array(ranked.prefix(limit).map(\.guide))
    }
}
