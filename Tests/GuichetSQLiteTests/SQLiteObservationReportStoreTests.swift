import Testing
import GuichetStorage
import GuichetTestSupport
@testable import GuichetSQLite

@Suite("SQLite observation report store")
struct SQLiteObservationReportStoreTests {
    @Test("the report store contract holds on SQLite", arguments: ObservationReportStoreContract.Case.allCases)
    func contract(_ check: ObservationReportStoreContract.Case) async throws {
        try await check.run { SQLiteObservationReportStore(database: try SQLiteDatabase()) }
    }

    @Test("a report row holds its random key, five values and nothing else, and the markers share no column with it but the week")
    func columns() async throws {
        let database = try SQLiteDatabase()
        let shapes = try await database.schemaShape()
        let report = try #require(shapes.first { $0.name == "observation_report" })
        let marker = try #require(shapes.first { $0.name == "report_marker" })
        #expect(report.columns.map(\.name) == ["channel", "department", "id", "outcome", "procedure", "week"])
        #expect(marker.columns.map(\.name) == ["marker", "week"])
        #expect(Set(report.columns.map(\.name)).intersection(marker.columns.map(\.name)) == ["week"])
    }
}
