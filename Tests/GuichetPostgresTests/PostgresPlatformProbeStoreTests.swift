import Testing
import GuichetStorage
import GuichetTestSupport
@testable import GuichetPostgres

@Suite("PostgreSQL platform probe store", .enabled(if: PostgresTestEnvironment.isConfigured, "set GUICHET_TEST_POSTGRES_URL"))
struct PostgresPlatformProbeStoreTests {
    @Test("the platform probe contract holds on PostgreSQL", arguments: PlatformProbeStoreContract.Case.allCases)
    func contract(_ check: PlatformProbeStoreContract.Case) async throws {
        try await withPostgres { database throws in
            try await check.run { PostgresPlatformProbeStore(database: database) }
        }
    }
}
