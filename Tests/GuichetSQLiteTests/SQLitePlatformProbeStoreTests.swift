import Testing
import GuichetStorage
import GuichetTestSupport
@testable import GuichetSQLite

@Suite("SQLite platform probe store")
struct SQLitePlatformProbeStoreTests {
    @Test("the platform probe contract holds on an in-memory database", arguments: PlatformProbeStoreContract.Case.allCases)
    func contractInMemory(_ check: PlatformProbeStoreContract.Case) async throws {
        try await check.run { SQLitePlatformProbeStore(database: try SQLiteDatabase()) }
    }

    @Test("the platform probe contract holds on a WAL database file", arguments: PlatformProbeStoreContract.Case.allCases)
    func contractOnFile(_ check: PlatformProbeStoreContract.Case) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await check.run { SQLitePlatformProbeStore(database: try SQLiteDatabase(path: folder.databasePath)) }
    }

    @Test("a host's turn survives closing and reopening the database (a restart does not reset the 10 minutes)")
    func turnSurvivesRestart() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        do {
            let store = SQLitePlatformProbeStore(database: try SQLiteDatabase(path: folder.databasePath))
            #expect(try await store.claimHost("h:443", now: 1_000, interval: 600))
        }
        let reopened = SQLitePlatformProbeStore(database: try SQLiteDatabase(path: folder.databasePath))
        #expect(try await reopened.claimHost("h:443", now: 1_300, interval: 600) == false)
        #expect(try await reopened.claimHost("h:443", now: 1_600, interval: 600))
    }
}
