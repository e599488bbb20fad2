import Testing
import GuichetCore
import GuichetStorage
import GuichetTestSupport
@testable import GuichetSQLite

@Suite("SQLite French search")
struct SQLiteSearchIndexTests {
    @Test("the search contract holds on SQLite FTS5", arguments: SearchIndexContract.Case.allCases)
    func contract(_ check: SearchIndexContract.Case) async throws {
        try await check.run {
            let database = try SQLiteDatabase()
            return DossierStoreContract.Subject(
                store: SQLiteDossierStore(database: database), search: SQLiteSearchIndex(database: database))
        }
    }

}
