import Testing
import Foundation
import GuichetCore
import GuichetStorage
import GuichetContent
import GuichetTestSupport
@testable import GuichetSQLite

@Suite("SQLite backup and restore")
struct SQLiteBackupTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a backup taken while the database is open restores every dossier row and private file")
    func roundTrip() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let database = try SQLiteDatabase(path: dir.appendingPathComponent("guichet.sqlite").path)
        _ = try await IndexedDossier.make(store: SQLiteDossierStore(database: database), search: SQLiteSearchIndex(database: database))
        let privateFiles = SQLitePrivateFileStore(database: database)
        let id = try #require(PrivateFile.ID(hex: String(repeating: "ab", count: 32)))
        _ = try await privateFiles.create(id, keyID: 0, sealedAnswers: [1, 2, 3, 250], now: 1_000)

        let backup = dir.appendingPathComponent("sauvegarde.sqlite").path
        try await database.backup(to: backup)

        // Damage the live database after the backup: the file and an item disappear.
        _ = try await privateFiles.delete(id)
        try await SQLiteDossierStore(database: database).apply(ContentChangeSet(removedPaths: [DossierFixtures.ce2019.path]))
        #expect(try await privateFiles.file(id) == nil)

        try await database.restore(from: backup)
        #expect(try await privateFiles.file(id)?.sealedAnswers == [1, 2, 3, 250])
        #expect(try await SQLiteDossierStore(database: database).items(.all, offset: 0, limit: 10).total == 4)
        #expect(try await SQLiteSearchIndex(database: database).search(SearchQuery("refusé"), offset: 0, limit: 5).total > 0)
        #expect(try await database.integrityCheck() == ["ok"])
    }

    @Test("a damaged or foreign backup is refused and the database is left as it was")
    func refused() async throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let database = try SQLiteDatabase(path: dir.appendingPathComponent("guichet.sqlite").path)
        _ = try await IndexedDossier.make(store: SQLiteDossierStore(database: database), search: SQLiteSearchIndex(database: database))
        let garbage = dir.appendingPathComponent("garbage.sqlite").path
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: garbage))
        await #expect(throws: StorageError.self) { try await database.restore(from: garbage) }
        #expect(try await SQLiteDossierStore(database: database).items(.all, offset: 0, limit: 10).total == 4)
    }
}
