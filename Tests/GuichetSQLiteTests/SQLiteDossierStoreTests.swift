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
    @Test("the dossier contract holds on an in-memory database", arguments: DossierStoreContract.Case.allCases)
    func contractInMemory(_ check: DossierStoreContract.Case) async throws {
        try await check.run {
            let database = try SQLiteDatabase()
            return DossierStoreContract.Subject(
                store: SQLiteDossierStore(database: database), search: SQLiteSearchIndex(database: database))
        }
    }

    @Test("the dossier contract holds on a WAL database file", arguments: DossierStoreContract.Case.allCases)
    func contractOnFile(_ check: DossierStoreContract.Case) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await check.run {
            let database = try SQLiteDatabase(path: folder.databasePath)
            return DossierStoreContract.Subject(
                store: SQLiteDossierStore(database: database), search: SQLiteSearchIndex(database: database))
        }
    }

    @Test("the database file survives a reopen and passes the integrity check")
    func fileDatabase() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        do {
            let database = try SQLiteDatabase(path: folder.databasePath)
            _ = try await IndexedDossier.make(store: SQLiteDossierStore(database: database), search: SQLiteSearchIndex(database: database))
        }
        let reopened = try SQLiteDatabase(path: folder.databasePath)
        #expect(try await reopened.integrityCheck() == ["ok"])
        #expect(try await SQLiteDossierStore(database: reopened).items(.all, offset: 0, limit: 10).total == 4)
        #expect(try await SQLiteDossierStore(database: reopened).indexedFiles().count == DossierFixtures.files.count)
    }

    @Test("French typography is in the stored body HTML only: the indexed text and the search excerpts keep their spaces")
    func typographyOutsideTheIndex() async throws {
        let item = ContentFile(
            path: "items/2026/2026-10-05-typographie.md",
            text: """
                ---
                slug: typographie
                title: "Référé : le délai"
                type: analyse
                date: 2026-10-05
                sections: [prefectures]
                summary: Un délai de deux mois.
                ---
                Délai : deux mois ; le référé « mesures utiles » du 5 octobre 2026 ?
                """)
        let database = try SQLiteDatabase()
        let store = SQLiteDossierStore(database: database)
        let search = SQLiteSearchIndex(database: database)
        _ = try await IndexedDossier.make(store: store, search: search, files: DossierFixtures.files + [item])
        let record = try #require(try await store.item(Slug("typographie")!))
        #expect(
            record.bodyHTML
                == "<p>Délai\u{A0}: deux mois\u{202F}; le référé «\u{202F}mesures utiles\u{202F}» du 5\u{A0}octobre\u{A0}2026\u{202F}?</p>\n")
        #expect(record.bodyText == "Délai : deux mois ; le référé « mesures utiles » du 5 octobre 2026 ?")
        #expect(record.item.title == "Référé : le délai")
        let hits = try await search.search(SearchQuery("mesures utiles octobre"), offset: 0, limit: 10)
        let hit = try #require(hits.elements.first { $0.target == .item(Slug("typographie")!) })
        #expect(hit.snippet.contains("« \u{02}mesures\u{03} \u{02}utiles\u{03} » du 5 \u{02}octobre\u{03} 2026 ?"))
        #expect(!hit.snippet.unicodeScalars.contains { $0.value == 0xA0 || $0.value == 0x202F })
        // The fingerprints carry the rendering version, so a database indexed before typography re-renders once.
        #expect(try await store.indexedFiles().allSatisfy { $0.fingerprint.hasSuffix(":r2") })
    }

    @Test("migrations are known by stable identifiers")
    func migrations() {
        #expect(SQLiteDatabase.migrationIdentifiers == ["0001_create_dossier", "0002_create_private_file", "0003_create_help_desk",
            "0004_create_observation_report", "0005_create_platform_probe"])
    }
}

/// A slug that must be valid.
func slug(_ text: String) throws -> Slug {
    try #require(Slug(text))
}
