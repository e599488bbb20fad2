import Testing
import GuichetCore
import GuichetContent
import GuichetStorage
import GuichetTestSupport
import GuichetServices
@testable import GuichetSQLite
import Foundation

@Suite("SQLite dossier store")
struct SQLiteDossierStoreTests {
    func makeDossier(_ files: [ContentFile] = DossierFixtures.files) async throws -> (SQLiteDatabase, IndexedDossier) {
        let database = try SQLiteDatabase()
        let dossier = try await IndexedDossier.make(
            store: SQLiteDossierStore(database: database), search: SQLiteSearchIndex(database: database), files: files)
        return (database, dossier)
    }

    @Test("sections come in order with their item counts")
    func sections() async throws {
        let (_, dossier) = try await makeDossier()
        let sections = try await dossier.store.sections()
        #expect(sections.map(\.section.id.rawValue) == ["prefectures", "asile"])
        #expect(sections.map(\.itemCount) == [3, 2])
        #expect(sections[0].bodyHTML.contains("<strong>dématérialisation</strong>"))
    }

    @Test("items are listed newest first, filtered by section and tag, and paginated")
    func items() async throws {
        let (_, dossier) = try await makeDossier()
        let all = try await dossier.store.items(.all, offset: 0, limit: 10)
        #expect(all.total == 4)
        #expect(all.elements.map(\.id.rawValue) == ["rapport-ddd-2024", "ce-2022", "ofpra-notification", "ce-2019"])
        let asile = try await dossier.store.items(ItemFilter(section: Slug("asile")), offset: 0, limit: 10)
        #expect(asile.elements.map(\.id.rawValue) == ["rapport-ddd-2024", "ofpra-notification"])
        let tagged = try await dossier.store.items(ItemFilter(tag: Slug("conseil-d-etat")), offset: 1, limit: 1)
        #expect(tagged.total == 2)
        #expect(tagged.elements.map(\.id.rawValue) == ["ce-2019"])
    }

    @Test("an item round-trips with its sources, tags, sections and related items")
    func itemRoundTrip() async throws {
        let (_, dossier) = try await makeDossier()
        let ce2022 = try #require(Slug("ce-2022"))
        let record = try #require(try await dossier.store.item(ce2022))
        #expect(record.item.kind == .decision)
        #expect(record.item.date == LocalDate(year: 2022, month: 6, day: 3))
        #expect(record.item.sources == [Item.Source(title: "Vie publique", url: "https://example.org/ce-2022")])
        #expect(record.item.related.map(\.rawValue) == ["ce-2019"])
        #expect(record.item.tags.map(\.rawValue) == ["conseil-d-etat"])
        #expect(record.bodyText.contains("voie de substitution"))
        let related = try await dossier.store.itemsRelated(to: ce2022, excluding: [], limit: 3)
        #expect(related.map(\.id.rawValue) == ["ce-2019"])
        #expect(try await dossier.store.item(try slug("inexistant")) == nil)
    }

    @Test("indexing again writes nothing; an edited file is rewritten; a deleted file disappears")
    func incrementalIndexing() async throws {
        let database = try SQLiteDatabase()
        let store = SQLiteDossierStore(database: database)
        let search = SQLiteSearchIndex(database: database)
        let first = try await IndexedDossier.make(store: store, search: search)
        #expect(first.report.filesWritten == DossierFixtures.files.count)
        let second = try await IndexedDossier.make(store: store, search: search)
        #expect(second.report.filesWritten == 0)
        #expect(second.report.filesRemoved == 0)

        let edited = ContentFile(
            path: DossierFixtures.ofpra.path,
            text: DossierFixtures.ofpra.text.replacingOccurrences(of: "CNDA", with: "Cour nationale du droit d'asile"))
        var files = DossierFixtures.files.map { $0.path == edited.path ? edited : $0 }
        files.removeAll { $0.path == DossierFixtures.rapport.path }
        let third = try await IndexedDossier.make(store: store, search: search, files: files)
        #expect(third.report.filesWritten == 1)
        #expect(third.report.filesRemoved == 1)
        #expect(try await store.item(try slug("rapport-ddd-2024")) == nil)
        let hits = try await search.search(SearchQuery("cour nationale"), offset: 0, limit: 10)
        #expect(hits.elements.map(\.target) == [.item(try slug("ofpra-notification"))])
        #expect(try await search.search(SearchQuery("réclamations"), offset: 0, limit: 10).total == 0)
    }

    @Test("a file that becomes invalid is withdrawn, the others stay")
    func invalidFileIsWithdrawn() async throws {
        let database = try SQLiteDatabase()
        let store = SQLiteDossierStore(database: database)
        _ = try await IndexedDossier.make(store: store, search: SQLiteSearchIndex(database: database))
        let broken = ContentFile(path: DossierFixtures.ce2019.path, text: "pas d'en-tête")
        let files = DossierFixtures.files.map { $0.path == broken.path ? broken : $0 }
        let report = try await IndexedDossier.make(store: store, search: SQLiteSearchIndex(database: database), files: files).report
        #expect(report.problems.contains { $0.path == broken.path && $0.isBlocking })
        #expect(try await store.item(try slug("ce-2019")) == nil)
        #expect(try await store.items(.all, offset: 0, limit: 10).total == 3)
    }

    @Test("the database file survives a reopen and passes the integrity check")
    func fileDatabase() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-test-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("guichet.sqlite").path
        do {
            let database = try SQLiteDatabase(path: path)
            _ = try await IndexedDossier.make(store: SQLiteDossierStore(database: database), search: SQLiteSearchIndex(database: database))
        }
        let reopened = try SQLiteDatabase(path: path)
        #expect(try await reopened.integrityCheck() == ["ok"])
        #expect(try await SQLiteDossierStore(database: reopened).items(.all, offset: 0, limit: 10).total == 4)
        #expect(try await SQLiteDossierStore(database: reopened).indexedFiles().count == DossierFixtures.files.count)
    }

    @Test("migrations are known by stable identifiers")
    func migrations() {
        #expect(SQLiteDatabase.migrationIdentifiers == ["0001_create_dossier", "0002_create_private_file"])
    }
}

/// A slug that must be valid.
func slug(_ text: String) throws -> Slug {
    try #require(Slug(text))
}
