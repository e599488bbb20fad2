import Testing
import Foundation
import Synchronization
import GuichetStorage
import GuichetTestSupport
@testable import GuichetSQLite

@Suite("SQLite help-desk store")
struct SQLiteHelpDeskStoreTests {
    @Test("the help-desk contract holds on an in-memory database", arguments: HelpDeskStoreContract.Case.allCases)
    func contractInMemory(_ check: HelpDeskStoreContract.Case) async throws {
        try await check.run {
            let store = SQLiteHelpDeskStore(database: try SQLiteDatabase())
            return HelpDeskStoreContract.Subject(store: store, rowCounts: { try await store.rowCounts() })
        }
    }

    @Test("the help-desk contract holds on a WAL database file", arguments: HelpDeskStoreContract.Case.allCases)
    func contractOnFile(_ check: HelpDeskStoreContract.Case) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await check.run {
            let store = SQLiteHelpDeskStore(database: try SQLiteDatabase(path: folder.databasePath))
            return HelpDeskStoreContract.Subject(store: store, rowCounts: { try await store.rowCounts() })
        }
        #expect(FileManager.default.fileExists(atPath: folder.databasePath))
    }

    @Test("cases, captures and the audit log survive closing and reopening the database file")
    func reopen() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let filled: HelpDeskStoreContract.Filled
        do {
            filled = try await HelpDeskStoreContract.fill(SQLiteHelpDeskStore(database: try SQLiteDatabase(path: folder.databasePath)))
        }
        let database = try SQLiteDatabase(path: folder.databasePath)
        #expect(try await database.integrityCheck() == ["ok"])
        let store = SQLiteHelpDeskStore(database: database)
        #expect(try await store.caseRecord(id: filled.caseRecord.id, organisationID: filled.organisation.id) == filled.caseRecord)
        #expect(
            try await store.caseAttachment(slot: 0, caseID: filled.caseRecord.id, organisationID: filled.organisation.id)?.sealed
                == HelpDeskStoreContract.capture)
        #expect(try await store.auditRecords(organisationID: filled.organisation.id, after: 0, limit: 10).count == 2)
    }

    @Test("a capture whose stored size no longer matches its bytes reads as .corrupted")
    func damagedCapture() async throws {
        // The damaged rows are written through an import: every column as exported, the sizes off by one.
        let source = try SQLiteDatabase()
        let filled = try await HelpDeskStoreContract.fill(SQLiteHelpDeskStore(database: source))
        let rows = try await TransferFixtures.rows(of: source)
        var damaged: [(TransferTable, [TransferValue])] = []
        for table in try await source.transferTables() {
            for var values in rows[table.name] ?? [] {
                if table.name == "case_attachment", let column = table.columns.firstIndex(of: "byte_count"),
                    case .integer(let count) = values[column]
                {
                    values[column] = .integer(count + 1)
                }
                damaged.append((table, values))
            }
        }
        let target = try SQLiteDatabase()
        let feed = Mutex(damaged[...])
        _ = try await target.importRows(from: { feed.withLock { $0.popFirst() } })
        let store = SQLiteHelpDeskStore(database: target)
        let organisationID = filled.organisation.id
        let caseID = filled.caseRecord.id
        #expect(try await store.caseRecord(id: caseID, organisationID: organisationID) == filled.caseRecord)
        let read = await #expect(throws: StorageError.self) {
            try await store.caseAttachment(slot: 0, caseID: caseID, organisationID: organisationID)
        }
        #expect(read?.code == .corrupted)
        let listed = await #expect(throws: StorageError.self) {
            try await store.caseAttachments(caseID: caseID, organisationID: organisationID)
        }
        #expect(listed?.code == .corrupted)
    }
}
