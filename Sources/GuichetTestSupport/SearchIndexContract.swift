internal import GuichetStorage
internal import GuichetCore

/// The French search every `SearchIndex` backend must give over ``DossierFixtures``: what is found, what is
/// highlighted, what ranks first, and that any input is plain words. Scores themselves are not compared.
///
/// Each case indexes the fixtures into a fresh subject (see ``DossierStoreContract/Subject``) and throws a
/// ``ContractFailure`` naming the broken expectation.
public enum SearchIndexContract {
    /// One behaviour of the contract.
    public enum Case: String, CaseIterable, Sendable, CustomStringConvertible {
        case accentsCaseAndInflectionsAreFolded
        case snippetsHighlightWordsAsWritten
        case titleMatchRanksFirst
        case allWordsAreRequired
        case stopWordsAloneFindNothing
        case anyInputIsPlainWords
        case pagesDoNotOverlap

        /// The case's name.
        public var description: String { rawValue }

        /// Runs this case on a fresh subject from `makeSubject`.
        public func run(_ makeSubject: DossierStoreContract.Factory) async throws {
            let subject = try await makeSubject()
            let index = try await IndexedDossier.make(store: subject.store, search: subject.search).search
            switch self {
            case .accentsCaseAndInflectionsAreFolded: try await SearchIndexContract.folding(index)
            case .snippetsHighlightWordsAsWritten: try await SearchIndexContract.snippets(index)
            case .titleMatchRanksFirst: try await SearchIndexContract.titleFirst(index)
            case .allWordsAreRequired: try await SearchIndexContract.allWordsRequired(index)
            case .stopWordsAloneFindNothing: try await SearchIndexContract.stopWords(index)
            case .anyInputIsPlainWords: try await SearchIndexContract.hostile(index)
            case .pagesDoNotOverlap: try await SearchIndexContract.pagination(index)
            }
        }
    }

    /// A query and a document it must find.
    public struct FindingCase: Sendable {
        /// What a person types.
        public let query: String
        /// `item:SLUG` or `section:ID`.
        public let expected: String
        /// Why it must (or must not) be found.
        public let reason: String
        /// Whether the document must be found (or must not be).
        public var isFound = true
    }

    /// The queries every backend must answer, with the fixture document they must find.
    public static let findingCases: [FindingCase] = [
        FindingCase(query: "prefecture", expected: "section:prefectures", reason: "accents folded"),
        FindingCase(query: "DEMATERIALISATION", expected: "section:prefectures", reason: "case and accents folded"),
        FindingCase(query: "titre", expected: "item:ce-2019", reason: "« titres » in the body"),
        FindingCase(query: "refusé", expected: "item:ce-2019", reason: "« refusées » in the body"),
        FindingCase(query: "teleservice", expected: "item:ce-2019", reason: "« téléservices »"),
        FindingCase(query: "réclamation", expected: "item:rapport-ddd-2024", reason: "« réclamations »"),
        FindingCase(query: "Ofpra notifiées", expected: "item:ofpra-notification", reason: "two words"),
        FindingCase(
            query: "Cimade", expected: "item:rapport-ddd-2024", reason: "sources are not indexed", isFound: false),
        FindingCase(query: "conseil etat", expected: "item:ce-2022", reason: "tag labels are indexed"),
    ]

    /// Hostile or odd inputs: each must give a page, never an error.
    public static let hostileInputs = [
        "\"", "\"\"\"", "*", "a*", "NEAR(titre séjour)", "-titre", "titre OR asile", "AND", "NOT asile", "^titre",
        "title:asile", "asile)", "((", "{titre}", "titre + séjour", "'; DROP TABLE item; --", "\u{0}", "😀 asile",
        "لجوء", "titre & !asile", "titre | asile", "titre:* <-> asile", "'titre'", "\\", "$1", "%s",
        String(repeating: "préfecture ", count: 1_000), String(repeating: "\"*(", count: 3_000),
    ]

    static func targets(_ page: ResultPage<SearchHit>) -> [String] {
        page.elements.map { hit in
            switch hit.target {
            case .item(let id): "item:\(id)"
            case .section(let id): "section:\(id)"
            }
        }
    }

    // MARK: Cases

    static func folding(_ index: any SearchIndex) async throws {
        for test in findingCases {
            let hits = try await index.search(SearchQuery(test.query), offset: 0, limit: 10)
            let found = targets(hits)
            if !test.isFound {
                try check(!found.contains(test.expected), "\(test.query) must not find \(test.expected) (\(test.reason))")
            } else {
                try check(found.contains(test.expected), "\(test.query) finds \(test.expected) (\(test.reason)), got \(found)")
            }
            try check(hits.total == hits.elements.count, "\(test.query): the total counts the hits shown")
        }
    }

    static func snippets(_ index: any SearchIndex) async throws {
        let hits = try await index.search(SearchQuery("refusé"), offset: 0, limit: 10)
        let hit = try ContractChecks.unwrap(
            hits.elements.first { $0.target == .item(Slug("ce-2019")!) }, "refusé finds ce-2019")
        try check(hit.snippet.contains("\u{02}refusées\u{03}"), "the snippet highlights « refusées », got \(hit.snippet)")
        let unaccented = try await index.search(SearchQuery("prefecture"), offset: 0, limit: 10)
        let section = try ContractChecks.unwrap(
            unaccented.elements.first { $0.target == .section(Slug("prefectures")!) }, "prefecture finds the section")
        try check(
            section.snippet.lowercased().contains("\u{02}préfecture"),
            "a word typed without accents highlights its accented form, got \(section.snippet)")
        for hit in hits.elements + unaccented.elements {
            let opened = hit.snippet.filter { $0 == SearchHit.highlightStart }.count
            let closed = hit.snippet.filter { $0 == SearchHit.highlightEnd }.count
            try check(opened > 0 && opened == closed, "every snippet has balanced highlights, got \(hit.snippet)")
        }
    }

    static func titleFirst(_ index: any SearchIndex) async throws {
        let hits = try await index.search(SearchQuery("substitution"), offset: 0, limit: 10)
        try check(
            hits.elements.first?.target == .item(Slug("ce-2022")!),
            "a match in the title ranks above a match in the body only, got \(targets(hits))")
        let first = try ContractChecks.unwrap(hits.elements.first, "substitution finds something")
        try check(first.kind == .decision, "a hit carries its item's kind")
        try check(first.date == LocalDate(year: 2022, month: 6, day: 3), "a hit carries its item's date")
        try check(first.title.hasPrefix("ANEF"), "a hit carries its item's title")
    }

    static func allWordsRequired(_ index: any SearchIndex) async throws {
        let both = try await index.search(SearchQuery("Ofpra portail"), offset: 0, limit: 10)
        try check(targets(both) == ["item:ofpra-notification"], "two words find the one document with both, got \(targets(both))")
        let none = try await index.search(SearchQuery("Ofpra substitution"), offset: 0, limit: 10)
        try check(none.total == 0, "no document has both words, got \(targets(none))")
    }

    static func stopWords(_ index: any SearchIndex) async throws {
        let hits = try await index.search(SearchQuery("de la le des pour"), offset: 0, limit: 10)
        try check(hits.total == 0 && hits.elements.isEmpty, "stop words alone find nothing")
    }

    static func hostile(_ index: any SearchIndex) async throws {
        for text in hostileInputs {
            let hits = try await index.search(SearchQuery(text), offset: 0, limit: 10)
            try check(hits.total >= hits.elements.count && hits.elements.count <= 10, "\(text.prefix(40)) gives a page")
        }
        let injected = try await index.search(SearchQuery("'; DROP TABLE item; --"), offset: 0, limit: 10)
        try check(injected.total == 0, "SQL in a query is plain words")
        let plain = targets(try await index.search(SearchQuery("Ofpra portail"), offset: 0, limit: 10))
        try check(plain == ["item:ofpra-notification"], "Ofpra portail finds the notification item, got \(plain)")
        // Operators of FTS5 and tsquery are separators: each of these is the two words, both required.
        for text in ["Ofpra -portail", "Ofpra !portail", "Ofpra | portail", "Ofpra & !portail", "\"Ofpra\" (portail*)"] {
            let found = targets(try await index.search(SearchQuery(text), offset: 0, limit: 10))
            try check(found == plain, "\(text) is plain words, got \(found)")
        }
    }

    static func pagination(_ index: any SearchIndex) async throws {
        let first = try await index.search(SearchQuery("conseil"), offset: 0, limit: 1)
        let second = try await index.search(SearchQuery("conseil"), offset: 1, limit: 1)
        try check(first.total >= 2, "conseil finds at least two documents, got \(first.total)")
        try check(first.elements.count == 1 && second.elements.count == 1, "each page holds one hit")
        try check(first.elements.first?.target != second.elements.first?.target, "pages do not overlap")
        try check(second.total == first.total, "every page gives the same total")
        let beyond = try await index.search(SearchQuery("conseil"), offset: 50, limit: 10)
        try check(beyond.elements.isEmpty && beyond.total == first.total, "a page past the end keeps the total")
    }

    static func check(_ condition: Bool, _ expectation: @autoclosure () -> String, line: Int = #line) throws {
        try ContractChecks.check(condition, expectation(), line: line)
    }
}
