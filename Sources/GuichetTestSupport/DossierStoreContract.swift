public import GuichetStorage
internal import GuichetContent
internal import GuichetCore
internal import GuichetServices

/// The behaviour every `DossierStore` + `ContentIndex` backend must show, written once and run against each
/// backend (SQLite in memory, SQLite on a file, PostgreSQL when `GUICHET_TEST_POSTGRES_URL` is set).
///
/// Each case builds a fresh subject over an empty database, indexes ``DossierFixtures`` through the real
/// `ContentIndexer`, and throws a ``ContractFailure`` naming the broken expectation:
///
/// ```swift
/// @Test(arguments: DossierStoreContract.Case.allCases)
/// func contract(_ check: DossierStoreContract.Case) async throws {
///     try await check.run { DossierStoreContract.Subject(store: …, search: …) }
/// }
/// ```
public enum DossierStoreContract {
    /// What a backend provides to the contract: its dossier store and search index over one empty database.
    public struct Subject: Sendable {
        /// The dossier store, which is also the content index.
        public let store: any DossierStore & ContentIndex
        /// The search index over the same database.
        public let search: any SearchIndex

        /// A subject over `store` and `search`.
        public init(store: any DossierStore & ContentIndex, search: any SearchIndex) {
            self.store = store
            self.search = search
        }
    }

    /// Builds a subject over a new, empty database.
    public typealias Factory = @Sendable () async throws -> Subject

    /// One behaviour of the contract.
    public enum Case: String, CaseIterable, Sendable, CustomStringConvertible {
        case emptyDossier
        case sectionsInOrder
        case itemsNewestFirstFilteredAndPaged
        case itemRoundTrip
        case tagsAndDates
        case incrementalIndexing
        case invalidFileIsWithdrawn
        case movedSectionReplacesItsRow

        /// The case's name.
        public var description: String { rawValue }

        /// Runs this case on a fresh subject from `makeSubject`; throws `ContractFailure` when the store breaks
        /// the contract.
        public func run(_ makeSubject: Factory) async throws {
            let subject = try await makeSubject()
            switch self {
            case .emptyDossier: try await DossierStoreContract.emptyDossier(subject)
            case .sectionsInOrder: try await DossierStoreContract.sectionsInOrder(subject)
            case .itemsNewestFirstFilteredAndPaged: try await DossierStoreContract.itemsNewestFirstFilteredAndPaged(subject)
            case .itemRoundTrip: try await DossierStoreContract.itemRoundTrip(subject)
            case .tagsAndDates: try await DossierStoreContract.tagsAndDates(subject)
            case .incrementalIndexing: try await DossierStoreContract.incrementalIndexing(subject)
            case .invalidFileIsWithdrawn: try await DossierStoreContract.invalidFileIsWithdrawn(subject)
            case .movedSectionReplacesItsRow: try await DossierStoreContract.movedSectionReplacesItsRow(subject)
            }
        }
    }

    static func index(_ subject: Subject, _ files: [ContentFile] = DossierFixtures.files) async throws -> IndexedDossier {
        try await IndexedDossier.make(store: subject.store, search: subject.search, files: files)
    }

    static func slug(_ text: String, line: Int = #line) throws -> Slug {
        try ContractChecks.unwrap(Slug(text), "\(text) is a valid slug", line: line)
    }

    // MARK: Cases

    static func emptyDossier(_ subject: Subject) async throws {
        let store = subject.store
        try await store.ping()
        try check(try await store.sections().isEmpty, "an empty database has no section")
        try check(try await store.items(.all, offset: 0, limit: 10).total == 0, "an empty database has no item")
        try check(try await store.tags().isEmpty, "an empty database has no tag")
        try check(try await store.lastUpdated() == nil, "an empty database has no last update")
        try check(try await store.indexedFiles().isEmpty, "an empty database has indexed no file")
        try check(try await store.item(try slug("ce-2019")) == nil, "an unknown item reads nil")
        try check(try await store.items(ids: []).isEmpty, "no id gives no item")
    }

    static func sectionsInOrder(_ subject: Subject) async throws {
        let dossier = try await index(subject)
        let sections = try await dossier.store.sections()
        try check(
            sections.map(\.section.id.rawValue) == ["prefectures", "asile"],
            "sections come in their order, got \(sections.map(\.section.id.rawValue))")
        try check(sections.map(\.itemCount) == [3, 2], "sections count their items, got \(sections.map(\.itemCount))")
        try check(
            sections.first?.bodyHTML.contains("<strong>dématérialisation</strong>") == true,
            "a section keeps its rendered introduction")
        let asile = try ContractChecks.unwrap(try await dossier.store.section(try slug("asile")), "one section reads back")
        try check(asile.section.title == "Asile" && asile.section.numeral == "II", "a section round-trips")
        try check(asile.section.updated == LocalDate(year: 2023, month: 1, day: 10), "a section keeps its update date")
        try check(try await dossier.store.section(try slug("inconnue")) == nil, "an unknown section reads nil")
    }

    static func itemsNewestFirstFilteredAndPaged(_ subject: Subject) async throws {
        let dossier = try await index(subject)
        let all = try await dossier.store.items(.all, offset: 0, limit: 10)
        try check(all.total == 4, "four items are listed, got \(all.total)")
        try check(
            all.elements.map(\.id.rawValue) == ["rapport-ddd-2024", "ce-2022", "ofpra-notification", "ce-2019"],
            "items come newest first, got \(all.elements.map(\.id.rawValue))")
        let asile = try await dossier.store.items(ItemFilter(section: try slug("asile")), offset: 0, limit: 10)
        try check(
            asile.elements.map(\.id.rawValue) == ["rapport-ddd-2024", "ofpra-notification"],
            "a section filter keeps its items, got \(asile.elements.map(\.id.rawValue))")
        let tagged = try await dossier.store.items(ItemFilter(tag: try slug("conseil-d-etat")), offset: 1, limit: 1)
        try check(tagged.total == 2, "a tag filter counts every page, got \(tagged.total)")
        try check(tagged.elements.map(\.id.rawValue) == ["ce-2019"], "the second page of a tag holds the older item")
        let both = try await dossier.store.items(
            ItemFilter(section: try slug("prefectures"), tag: try slug("rendez-vous")), offset: 0, limit: 10)
        try check(
            both.elements.map(\.id.rawValue) == ["rapport-ddd-2024", "ce-2019"],
            "section and tag filters combine, got \(both.elements.map(\.id.rawValue))")
        let beyond = try await dossier.store.items(.all, offset: 10, limit: 10)
        try check(beyond.elements.isEmpty && beyond.total == 4, "a page past the end is empty but counts the total")
    }

    static func itemRoundTrip(_ subject: Subject) async throws {
        let dossier = try await index(subject)
        let ce2022 = try slug("ce-2022")
        let record = try ContractChecks.unwrap(try await dossier.store.item(ce2022), "ce-2022 reads back")
        try check(record.item.kind == .decision, "the kind round-trips")
        try check(record.item.date == LocalDate(year: 2022, month: 6, day: 3), "the date round-trips")
        try check(
            record.item.sources == [Item.Source(title: "Vie publique", url: "https://example.org/ce-2022")],
            "the sources round-trip")
        try check(record.item.related.map(\.rawValue) == ["ce-2019"], "the related items round-trip")
        try check(record.item.tags.map(\.rawValue) == ["conseil-d-etat"], "the tags round-trip")
        try check(record.item.sections.map(\.rawValue) == ["prefectures"], "the sections round-trip")
        try check(record.bodyText.contains("voie de substitution"), "the plain body is kept")
        try check(record.bodyHTML.contains("<p>"), "the rendered body is kept")
        let rapport = try ContractChecks.unwrap(try await dossier.store.item(try slug("rapport-ddd-2024")), "rapport")
        try check(
            rapport.item.sections.map(\.rawValue) == ["prefectures", "asile"], "sections keep their editorial order")
        let related = try await dossier.store.itemsRelated(to: ce2022, excluding: [], limit: 3)
        try check(related.map(\.id.rawValue) == ["ce-2019"], "related items share a tag, got \(related.map(\.id.rawValue))")
        let ce2019 = try slug("ce-2019")
        let relatedToOld = try await dossier.store.itemsRelated(to: ce2019, excluding: [], limit: 5)
        try check(
            relatedToOld.map(\.id.rawValue) == ["rapport-ddd-2024", "ce-2022"],
            "related items: most shared tags, then newest, got \(relatedToOld.map(\.id.rawValue))")
        let excluded = try await dossier.store.itemsRelated(to: ce2019, excluding: [try slug("rapport-ddd-2024")], limit: 5)
        try check(excluded.map(\.id.rawValue) == ["ce-2022"], "excluded items are left out")
        let byIDs = try await dossier.store.items(ids: [ce2019, try slug("inconnu"), ce2022])
        try check(
            byIDs.map(\.id.rawValue) == ["ce-2019", "ce-2022"], "items by id come in the order given, unknown skipped")
        let records = try await dossier.store.itemRecords(ids: [ce2022, try slug("inconnu"), ce2019])
        try check(
            records.map(\.item.id.rawValue) == ["ce-2022", "ce-2019"],
            "item records by id come in the order given, unknown skipped, got \(records.map(\.item.id.rawValue))")
        let one = try ContractChecks.unwrap(try await dossier.store.item(ce2022), "ce-2022")
        try check(records.first == one, "a record read in a batch equals the one read alone")
        try check(try await dossier.store.itemRecords(ids: []).isEmpty, "no id gives no record")
        try check(try await dossier.store.item(try slug("inexistant")) == nil, "an unknown item reads nil")
    }

    static func tagsAndDates(_ subject: Subject) async throws {
        let dossier = try await index(subject)
        let tags = try await dossier.store.tags()
        try check(
            tags.map(\.tag.id.rawValue) == ["asile", "conseil-d-etat", "rendez-vous"],
            "tags are listed by label, got \(tags.map(\.tag.id.rawValue))")
        try check(tags.map(\.itemCount) == [1, 2, 2], "tags count their items, got \(tags.map(\.itemCount))")
        try check(
            try await dossier.store.tag(try slug("conseil-d-etat"))?.label == "Conseil d'État", "a tag keeps its label")
        try check(try await dossier.store.tag(try slug("inconnu")) == nil, "an unknown tag reads nil")
        try check(
            try await dossier.store.lastUpdated() == LocalDate(year: 2024, month: 12, day: 11),
            "the last update is the newest date over items and sections")
        let files = try await subject.store.indexedFiles()
        try check(
            files.map(\.path) == DossierFixtures.files.map(\.path).sorted(),
            "every indexed file is recorded, by path, got \(files.map(\.path))")
    }

    static func incrementalIndexing(_ subject: Subject) async throws {
        let store = subject.store
        let search = subject.search
        let first = try await index(subject)
        try check(first.report.filesWritten == DossierFixtures.files.count, "the first run writes every file")
        let second = try await index(subject)
        try check(second.report.filesWritten == 0 && second.report.filesRemoved == 0, "a second run writes nothing")

        var files = DossierFixtures.files.map { file in
            guard file.path == DossierFixtures.ofpra.path else { return file }
            return ContentFile(
                path: file.path, text: file.text.replacing("CNDA", with: "Cour nationale du droit d'asile"))
        }
        files.removeAll { $0.path == DossierFixtures.rapport.path }
        let third = try await index(subject, files)
        try check(third.report.filesWritten == 1, "an edited file is written again, got \(third.report.filesWritten)")
        try check(third.report.filesRemoved == 1, "a deleted file is removed, got \(third.report.filesRemoved)")
        try check(try await store.item(try slug("rapport-ddd-2024")) == nil, "a deleted file's item is gone")
        try check(try await store.items(.all, offset: 0, limit: 10).total == 3, "three items are left")
        let hits = try await search.search(SearchQuery("cour nationale"), offset: 0, limit: 10)
        try check(
            hits.elements.map(\.target) == [.item(try slug("ofpra-notification"))],
            "the edited text is searchable, got \(hits.elements.map(\.target))")
        try check(
            try await search.search(SearchQuery("réclamations"), offset: 0, limit: 10).total == 0,
            "a deleted item is no longer found")
        try check(
            try await store.sections().map(\.itemCount) == [2, 1], "section counts follow the removal")
    }

    static func invalidFileIsWithdrawn(_ subject: Subject) async throws {
        _ = try await index(subject)
        let broken = ContentFile(path: DossierFixtures.ce2019.path, text: "pas d'en-tête")
        let files = DossierFixtures.files.map { $0.path == broken.path ? broken : $0 }
        let report = try await index(subject, files).report
        try check(report.problems.contains { $0.path == broken.path && $0.isBlocking }, "the broken file is reported")
        try check(try await subject.store.item(try slug("ce-2019")) == nil, "the broken file's item is withdrawn")
        try check(try await subject.store.items(.all, offset: 0, limit: 10).total == 3, "the other items stay")
        try check(
            try await subject.search.search(SearchQuery("faculté"), offset: 0, limit: 10).total == 0,
            "the withdrawn item is no longer found")
    }

    static func movedSectionReplacesItsRow(_ subject: Subject) async throws {
        _ = try await index(subject)
        let moved = ContentFile(path: "sections/09-asile-moved.md", text: DossierFixtures.asile.text)
        let files = DossierFixtures.files.filter { $0.path != DossierFixtures.asile.path } + [moved]
        let report = try await index(subject, files).report
        try check(report.problems.isEmpty, "a moved section is valid, got \(report.problems.map(\.message))")
        let sections = try await subject.store.sections()
        try check(
            sections.map(\.section.id.rawValue) == ["prefectures", "asile"], "a moved section is stored once")
        let hits = try await subject.search.search(SearchQuery("espace personnel"), offset: 0, limit: 10)
        try check(hits.total == 1, "a moved section is indexed once for search, got \(hits.total)")
        try check(
            try await subject.store.indexedFiles().map(\.path).contains(moved.path), "the new path is recorded")
    }

    static func check(_ condition: Bool, _ expectation: @autoclosure () -> String, line: Int = #line) throws {
        try ContractChecks.check(condition, expectation(), line: line)
    }
}
