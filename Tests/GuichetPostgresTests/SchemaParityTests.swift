import Testing
import GuichetStorage
import GuichetSQLite
import GuichetTestSupport
@testable import GuichetPostgres

@Suite("Schema parity between SQLite and PostgreSQL")
struct SchemaParityTests {
    @Test("both backends know the same migrations, in the same order")
    func migrationIdentifiers() {
        #expect(PostgresDatabase.migrationIdentifiers == SQLiteDatabase.migrationIdentifiers)
        #expect(PostgresDatabase.migrationIdentifiers.count == Set(PostgresDatabase.migrationIdentifiers).count)
    }

    /// What may differ, and why: FTS5 is a virtual table whose rowid is hidden and whose columns have no type;
    /// PostgreSQL's `search_fts` is a plain table with `document_id` and the derived `vector`.
    static func comparable(_ shapes: [TableShape]) -> [TableShape] {
        shapes.map { table in
            guard table.name == "search_fts" else { return table }
            return TableShape(
                name: table.name,
                columns: table.columns.filter { !["document_id", "vector"].contains($0.name) }.map {
                    ColumnShape(name: $0.name, kind: .other, isNullable: false)
                })
        }
    }

    @Test(
        "both backends give the same tables, columns, storage classes and nullability",
        .enabled(if: PostgresTestEnvironment.isConfigured, "set GUICHET_TEST_POSTGRES_URL"))
    func shapes() async throws {
        let sqlite = Self.comparable(try await SQLiteDatabase().schemaShape())
        let postgres = try await withPostgres { database in Self.comparable(try await database.schemaShape()) }
        #expect(sqlite.map(\.name) == postgres.map(\.name))
        for (left, right) in zip(sqlite, postgres) {
            #expect(left == right, "\(left) ≠ \(right)")
        }
        #expect(sqlite.map(\.name).sorted() == TransferTable.deploymentOrder.sorted(), "every table is moved by export")
    }

    @Test("the SQLite shape is what the migrations create")
    func sqliteShape() async throws {
        let shapes = try await SQLiteDatabase().schemaShape()
        let item = try #require(shapes.first { $0.name == "search_document" })
        #expect(item.columns.first { $0.name == "id" } == ColumnShape(name: "id", kind: .integer, isNullable: false))
        #expect(item.columns.first { $0.name == "item_kind" }?.isNullable == true)
        #expect(shapes.first { $0.name == "private_file" }?.columns.first { $0.name == "sealed_answers" }?.kind == .bytes)
    }
}
