import Testing
import Foundation
import GuichetCore
import GuichetContent
import GuichetStorage
import GuichetServices
import GuichetSQLite
import GuichetTestSupport
@testable import GuichetPostgres

@Suite("Export and import between SQLite and PostgreSQL", .enabled(if: PostgresTestEnvironment.isConfigured, "set GUICHET_TEST_POSTGRES_URL"))
struct ExportImportTests {
    @Test("SQLite → PostgreSQL → SQLite loses nothing: same rows, same digests, same search")
    func roundTrip() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-export-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let source = try SQLiteDatabase(path: folder.appendingPathComponent("source.sqlite").path)
        try await TransferFixtures.fill(
            store: SQLiteDossierStore(database: source), search: SQLiteSearchIndex(database: source),
            files: SQLitePrivateFileStore(database: source))
        let filled = try await HelpDeskStoreContract.fill(SQLiteHelpDeskStore(database: source))
        let first = folder.appendingPathComponent("first.jsonl").path
        let exported = try await DeploymentArchive.export(from: source, to: first)
        #expect(exported.tables["private_file_attachment"]?.rows == 2)
        #expect(exported.tables["search_fts"]?.rows == 6)

        let second = folder.appendingPathComponent("second.jsonl").path
        try await withPostgres { database throws in
            let imported = try await DeploymentArchive.import(from: first, into: database)
            #expect(imported == exported)
            #expect(try await TransferFixtures.rows(of: database) == TransferFixtures.rows(of: source))
            let reexported = try await DeploymentArchive.export(from: database, to: second)
            #expect(reexported == exported, "PostgreSQL exports the same rows with the same digests")
            // The search vectors were rebuilt from the texts.
            let hits = try await PostgresSearchIndex(database: database).search(SearchQuery("refusé"), offset: 0, limit: 10)
            #expect(hits.elements.map(\.target).contains(.item(Slug("ce-2019")!)))
            let file = try await PostgresPrivateFileStore(database: database).file(TransferFixtures.fileID)
            #expect(file?.sealedAnswers == TransferFixtures.answers)
            // The help desk came along, and its counters and log go on from where they were.
            let desk = PostgresHelpDeskStore(database: database)
            #expect(try await desk.caseRecord(id: filled.caseRecord.id, organisationID: filled.organisation.id) == filled.caseRecord)
            #expect(
                try await desk.caseAttachment(slot: 0, caseID: filled.caseRecord.id, organisationID: filled.organisation.id)?.sealed
                    == HelpDeskStoreContract.capture)
            #expect(try await desk.account(id: filled.account.id) == filled.account)
            #expect(try await desk.session(idHash: HelpDeskStoreContract.hex64(8_002), idleCutoff: 0)?.isComplete == false)
            // Indexing again writes nothing: the fingerprints came along.
            let report = try await ContentIndexer(index: PostgresDossierStore(database: database), logger: PostgresTestEnvironment.quietLogger)
                .index(DossierFixtures.files)
            #expect(report.filesWritten == 0)
            // New search documents get fresh ids after the imported ones.
            let edited = ContentFile(path: "items/2021/2021-05-02-nouveau.md", text: DossierFixtures.ofpra.text.replacing("ofpra-notification", with: "nouveau"))
            _ = try await ContentIndexer(index: PostgresDossierStore(database: database), logger: PostgresTestEnvironment.quietLogger)
                .index(DossierFixtures.files + [edited])
            #expect(try await PostgresSearchIndex(database: database).search(SearchQuery("CNDA"), offset: 0, limit: 10).total == 2)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)), "byte-identical files")

        let back = try SQLiteDatabase()
        let returned = try await DeploymentArchive.import(from: second, into: back)
        #expect(returned == exported)
        #expect(try await TransferFixtures.rows(of: back) == TransferFixtures.rows(of: source))
    }

    @Test("an import into a PostgreSQL database that holds data is refused and changes nothing")
    func notEmpty() async throws {
        let source = try SQLiteDatabase()
        try await TransferFixtures.fill(
            store: SQLiteDossierStore(database: source), search: SQLiteSearchIndex(database: source),
            files: SQLitePrivateFileStore(database: source))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-export-\(UInt64.random(in: 0...UInt64.max)).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try await DeploymentArchive.export(from: source, to: path)
        try await withPostgres { database throws in
            _ = try await PostgresPrivateFileStore(database: database).hit(key: "k", window: 60, now: 0)
            await #expect(throws: StorageError.self) { try await DeploymentArchive.import(from: path, into: database) }
            #expect(try await PostgresDossierStore(database: database).items(.all, offset: 0, limit: 10).total == 0)
        }
    }
}
