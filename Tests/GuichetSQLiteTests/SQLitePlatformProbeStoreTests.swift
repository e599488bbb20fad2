import Testing
import GuichetStorage
import GuichetCore
import GuichetServices
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

    @Test("the status and its incidents are computed once a minute, then again with the new probes")
    func statusReusedForAMinute() async throws {
        let store = SQLitePlatformProbeStore(database: try SQLiteDatabase())
        let anef = Platform(id: Platform.ID("anef")!, name: "ANEF", entryURL: ProbeURL("https://anef.example/")!, sources: [], isVerified: true)
        let observatory = PlatformObservatory(platforms: [anef], store: store, isProbingEnabled: true, userAgent: "ua")
        let t0: Int64 = 1_796_000_000
        try await store.record(PlatformProbeStoreContract.probe("anef", at: t0, status: 503))
        try await store.record(PlatformProbeStoreContract.probe("anef", at: t0 + 600, status: 503))
        #expect(try await observatory.statusModel(now: t0 + 700).incidents.first?.isOngoing == true)
        try await store.record(PlatformProbeStoreContract.probe("anef", at: t0 + 720, status: 200))
        #expect(try await observatory.statusModel(now: t0 + 759).incidents.first?.isOngoing == true, "within the minute: reused")
        let later = try await observatory.statusModel(now: t0 + 760)
        #expect(later.incidents.first?.end == t0 + 720, "a minute later: the answer closed it")
        #expect(later.statuses.first?.lastProbe?.at == t0 + 720)
    }
}
