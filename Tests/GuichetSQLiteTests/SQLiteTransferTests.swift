import Testing
import Foundation
import GuichetCore
import GuichetStorage
import GuichetServices
import GuichetTestSupport
@testable import GuichetSQLite

@Suite("Export and import on SQLite")
struct SQLiteTransferTests {
    func filled() async throws -> SQLiteDatabase {
        let database = try SQLiteDatabase()
        try await TransferFixtures.fill(
            store: SQLiteDossierStore(database: database), search: SQLiteSearchIndex(database: database),
            files: SQLitePrivateFileStore(database: database))
        try await HelpDeskStoreContract.fill(SQLiteHelpDeskStore(database: database))
        return database
    }

    @Test("SQLite → SQLite loses nothing: same rows, same digests, search and private files work")
    func roundTrip() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let source = try await filled()
        let path = folder.url.appendingPathComponent("export.jsonl").path
        let exported = try await DeploymentArchive.export(from: source, to: path)
        #expect(exported.tables["item"]?.rows == 4)
        #expect(exported.tables["rate_limit"]?.rows == 2)
        #expect(exported.rowCount == TransferFixtures.rowCount(try await TransferFixtures.rows(of: source)))
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))

        let target = try SQLiteDatabase(path: folder.databasePath)
        let imported = try await DeploymentArchive.import(from: path, into: target)
        #expect(imported == exported)
        #expect(try await TransferFixtures.rows(of: target) == TransferFixtures.rows(of: source))
        #expect(try await target.integrityCheck() == ["ok"])
        let again = folder.url.appendingPathComponent("again.jsonl").path
        #expect(try await DeploymentArchive.export(from: target, to: again) == exported)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: URL(fileURLWithPath: again)))

        let hits = try await SQLiteSearchIndex(database: target).search(SearchQuery("refusé"), offset: 0, limit: 10)
        #expect(hits.elements.contains { $0.snippet.contains("\u{02}refusées\u{03}") })
        let files = SQLitePrivateFileStore(database: target)
        #expect(try await files.file(TransferFixtures.fileID)?.sealedAnswers == TransferFixtures.answers)
        #expect(try await files.attachment(slot: 4, of: TransferFixtures.fileID)?.sealed.count == 259)
        #expect(try await files.hit(key: "clé-ß-😀", window: 60, now: 1_700_000_003) == 4, "counters came along")
        let desk = SQLiteHelpDeskStore(database: target)
        let filled = try await HelpDeskStoreContract.fill(SQLiteHelpDeskStore(database: try SQLiteDatabase()))
        #expect(exported.tables["help_case"]?.rows == 3)
        #expect(exported.tables["audit_entry"]?.rows == 2)
        #expect(try await desk.caseRecord(id: filled.caseRecord.id, organisationID: filled.organisation.id) == filled.caseRecord)
        #expect(
            try await desk.caseAttachment(slot: 0, caseID: filled.caseRecord.id, organisationID: filled.organisation.id)?.sealed
                == HelpDeskStoreContract.capture)
        #expect(try await desk.account(id: filled.account.id) == filled.account, "accounts came along")
        let next = try await desk.createCase(
            NewCase(
                id: HelpDeskStoreContract.hexID(77), organisationID: filled.organisation.id, year: 2026, status: "ouvert",
                assigneeID: nil, department: "69", verdict: "insuffisant", mandateUntil: "2027-01-01", sealedContent: [1]),
            deadlines: [], now: 1_800_000_000)
        #expect(next.number == "2026-0002", "the case counters came along")
    }

    @Test("a file with one changed byte, a truncated file or another file is refused, and the target stays empty")
    func damagedFiles() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("export.jsonl").path
        _ = try await DeploymentArchive.export(from: try await filled(), to: path)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let text = String(decoding: original, as: UTF8.self)
        let edited = Data(text.replacing("Ofpra", with: "OFPRA").utf8)
        let truncated = original.prefix(original.count * 2 / 3)
        let withoutEnd = Data(text.split(separator: "\n").dropLast().joined(separator: "\n").utf8 + [0x0A])
        for (name, bytes) in [("edited", edited), ("truncated", truncated), ("no end", withoutEnd), ("empty", Data()),
            ("other", Data("{\"hello\":1}\n".utf8))]
        {
            let damaged = folder.url.appendingPathComponent("damaged.jsonl").path
            try bytes.write(to: URL(fileURLWithPath: damaged))
            let target = try SQLiteDatabase()
            await #expect(throws: (any Error).self, "\(name)") { try await DeploymentArchive.import(from: damaged, into: target) }
            #expect(try await TransferFixtures.rowCount(TransferFixtures.rows(of: target)) == 0, "\(name): nothing imported")
        }
    }

    @Test("an import into a database that holds data is refused")
    func notEmpty() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("export.jsonl").path
        let source = try await filled()
        _ = try await DeploymentArchive.export(from: source, to: path)
        let error = await #expect(throws: StorageError.self) { try await DeploymentArchive.import(from: path, into: source) }
        #expect(error?.code == .conflict)
    }

    @Test("an export from a newer guichet (unknown migration) is refused")
    func newerVersion() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("export.jsonl").path
        _ = try await DeploymentArchive.export(from: try await filled(), to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacing("\"],\"version\":1}", with: "\",\"0099_future\"],\"version\":1}")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        await #expect(throws: DeploymentArchive.Failure.unknownMigrations(["0099_future"])) {
            try await DeploymentArchive.import(from: path, into: try SQLiteDatabase())
        }
    }
}
