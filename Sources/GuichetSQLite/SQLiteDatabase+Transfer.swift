public import GuichetStorage
internal import GRDB
internal import Foundation

extension SQLiteDatabase: TableTransfer {
    /// FTS5 keeps its index in shadow tables named after the virtual table: internal, never moved or compared.
    static let ftsShadowTables: Set<String> = [
        "search_fts_data", "search_fts_idx", "search_fts_content", "search_fts_docsize", "search_fts_config",
    ]

    /// The tables and columns of this database, normalised (see ``TableShape``); GRDB's migration table and
    /// FTS5's shadow tables are left out.
    public func schemaShape() async throws(StorageError) -> [TableShape] {
        try await read { db in
            let names = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            return try names.filter { $0 != "grdb_migrations" && !Self.ftsShadowTables.contains($0) }.map { table in
                let columns = try Row.fetchAll(db, sql: "SELECT * FROM pragma_table_info(?)", arguments: [table]).map {
                    row -> ColumnShape in
                    let kind: ColumnShape.Kind =
                        switch (row["type"] as String).uppercased() {
                        case "INTEGER": .integer
                        case "TEXT": .text
                        case "BLOB": .bytes
                        default: .other
                        }
                    let isNullable = (row["notnull"] as Int) == 0 && (row["pk"] as Int) == 0
                    return ColumnShape(name: row["name"], kind: kind, isNullable: isNullable)
                }
                return TableShape(name: table, columns: columns)
            }
        }
    }

    public func appliedMigrations() async throws(StorageError) -> [String] {
        try await read { db in try Self.migrator.appliedIdentifiers(db).sorted() }
    }

    public func transferTables() async throws(StorageError) -> [TransferTable] {
        let shapes = try await schemaShape()
        var byName: [String: TableShape] = [:]
        for shape in shapes { byName[shape.name] = shape }
        return TransferTable.deploymentOrder.compactMap { name in
            guard let shape = byName[name] else { return nil }
            if name == "search_fts" {
                // The FTS5 rowid is the search document's id; columns sorted by name, as for every table.
                return TransferTable(name: name, columns: ["body", "document_id", "keywords", "summary", "title"])
            }
            return TransferTable(name: name, columns: shape.columns.map(\.name))
        }
    }

    public func exportRows(
        of tables: [TransferTable], into sink: @escaping @Sendable (TransferTable, [TransferValue]) throws -> Void
    ) async throws(StorageError) {
        // One read transaction: a snapshot of the WAL, while the server may keep writing.
        try await read { db in
            for table in tables {
                let cursor = try Row.fetchCursor(db, sql: Self.selectAll(table))
                while let row = try cursor.next() {
                    var values: [TransferValue] = []
                    values.reserveCapacity(table.columns.count)
                    for index in table.columns.indices {
                        values.append(Self.transferValue(row[index] as DatabaseValue))
                    }
                    try sink(table, values)
                }
            }
        }
    }

    public func importRows(from next: @escaping @Sendable () throws -> (TransferTable, [TransferValue])?)
        async throws(StorageError) -> [String: Int]
    {
        try await write { db in
            for table in ["content_file", "private_file", "rate_limit", "organisation", "platform_probe"] {
                guard try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") == 0 else {
                    throw StorageError(.conflict, underlying: DatabaseNotEmpty(table: table))
                }
            }
            var counts: [String: Int] = [:]
            var statements: [TransferTable: Statement] = [:]
            while let (table, values) = try next() {
                guard TransferTable.deploymentOrder.contains(table.name), values.count == table.columns.count,
                    table.columns.allSatisfy(TransferTable.isPlainName)
                else { throw StorageError(.corrupted) }
                let statement: Statement
                if let cached = statements[table] {
                    statement = cached
                } else {
                    let columns = table.name == "search_fts"
                        ? table.columns.map { $0 == "document_id" ? "rowid" : $0 } : table.columns
                    statement = try db.makeStatement(
                        sql: "INSERT INTO \(table.name) (\(columns.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: columns.count)))")
                    statements[table] = statement
                }
                try statement.execute(arguments: StatementArguments(values.map(Self.databaseValue)))
                counts[table.name, default: 0] += 1
            }
            return counts
        }
    }

    static func selectAll(_ table: TransferTable) -> String {
        // Names come from this database's own schema and the shared key list.
        let key = (TransferTable.primaryKeys[table.name] ?? table.columns)
            .map { table.name == "search_fts" && $0 == "document_id" ? "rowid" : $0 }
        let columns = table.columns.map { table.name == "search_fts" && $0 == "document_id" ? "rowid AS document_id" : $0 }
        return "SELECT \(columns.joined(separator: ", ")) FROM \(table.name) ORDER BY \(key.joined(separator: ", "))"
    }

    static func transferValue(_ value: DatabaseValue) -> TransferValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(number)
        case .double(let number): .text(String(number))
        case .string(let text): .text(text)
        case .blob(let data): .bytes([UInt8](data))
        }
    }

    static func databaseValue(_ value: TransferValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .text(let text): text.databaseValue
        case .bytes(let bytes): Data(bytes).databaseValue
        }
    }
}
