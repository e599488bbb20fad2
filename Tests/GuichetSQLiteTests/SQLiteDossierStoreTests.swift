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

    @Test("migrations are known by stable identifiers")
    func migrations() {
        #expect(SQLiteDatabase.migrationIdentifiers == ["0001_create_dossier", "0002_create_private_file"])
    }
}

/// A slug that must be valid.
func slug(_ text: String) throws -> Slug {
    try #require(Slug(text))
}
