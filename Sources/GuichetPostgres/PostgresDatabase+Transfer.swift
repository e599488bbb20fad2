public import GuichetStorage
internal import PostgresNIO
internal import Foundation

extension PostgresDatabase: TableTransfer {
    /// The tables and columns of this database's schema, normalised (see ``TableShape``); the migration table is
    /// left out.
    public func schemaShape() async throws(StorageError) -> [TableShape] {
        let rows = try await rows(
            """
            SELECT c.table_name::text, c.column_name::text, c.data_type::text, c.is_nullable::text
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                AND c.table_name <> 'guichet_migration'
            ORDER BY 1, 2
            """)
        var columns: [String: [ColumnShape]] = [:]
        do {
            for row in rows {
                let (table, column, type, nullable) = try row.decode((String, String, String, String).self)
                let kind: ColumnShape.Kind =
                    switch type {
                    case "bigint", "integer", "smallint": .integer
                    case "text": .text
                    case "bytea": .bytes
                    default: .other
                    }
                columns[table, default: []].append(ColumnShape(name: column, kind: kind, isNullable: nullable == "YES"))
            }
        } catch {
            throw StorageError(.corrupted, underlying: error)
        }
        return columns.keys.sorted().map { TableShape(name: $0, columns: columns[$0] ?? []) }
    }

    public func transferTables() async throws(StorageError) -> [TransferTable] {
        var byName: [String: TableShape] = [:]
        for shape in try await schemaShape() { byName[shape.name] = shape }
        return TransferTable.deploymentOrder.compactMap { name in
            guard let shape = byName[name] else { return nil }
            // The search vector is derived: rebuilt from the texts on import.
            return TransferTable(name: name, columns: shape.columns.map(\.name).filter { !(name == "search_fts" && $0 == "vector") })
        }
    }

    public func exportRows(
        of tables: [TransferTable], into sink: @escaping @Sendable (TransferTable, [TransferValue]) throws -> Void
    ) async throws(StorageError) {
        var kinds: [String: [String: ColumnShape.Kind]] = [:]
        for shape in try await schemaShape() {
            kinds[shape.name] = Dictionary(shape.columns.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
        }
        let logger = self.logger
        let columnKinds = kinds
        try await transaction { connection in
            // One snapshot for every table, while other nodes may keep writing.
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
            for table in tables {
                guard TransferTable.isPlainName(table.name), table.columns.allSatisfy(TransferTable.isPlainName) else {
                    throw StorageError(.corrupted)
                }
                let key = (TransferTable.primaryKeys[table.name] ?? table.columns).map { column in
                    columnKinds[table.name]?[column] == .text ? "\(column) COLLATE \"C\"" : column
                }
                let sql = "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name) ORDER BY \(key.joined(separator: ", "))"
                for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
                    var values: [TransferValue] = []
                    values.reserveCapacity(table.columns.count)
                    for cell in row {
                        values.append(try Self.transferValue(cell))
                    }
                    try sink(table, values)
                }
            }
        }
    }

    public func importRows(from next: @escaping @Sendable () throws -> (TransferTable, [TransferValue])?)
        async throws(StorageError) -> [String: Int]
    {
        let logger = self.logger
        return try await transaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresDatabase.contentLock))", logger: logger)
            for table in ["content_file", "private_file", "rate_limit", "organisation", "platform_probe"] {
                let rows = try await connection.query(
                    PostgresQuery(unsafeSQL: "SELECT EXISTS (SELECT 1 FROM \(table))"), logger: logger
                ).collect()
                if try rows.first?.decode(Bool.self) == true {
                    throw StorageError(.conflict, underlying: DatabaseNotEmpty(table: table))
                }
            }
            var counts: [String: Int] = [:]
            while let (table, values) = try next() {
                guard TransferTable.deploymentOrder.contains(table.name), !values.isEmpty,
                    values.count == table.columns.count, table.columns.allSatisfy(TransferTable.isPlainName)
                else { throw StorageError(.corrupted) }
                var binds = PostgresBindings(capacity: values.count)
                for value in values {
                    switch value {
                    case .null: binds.appendNull()
                    case .integer(let number): binds.append(number)
                    case .text(let text): binds.append(text)
                    case .bytes(let bytes): binds.append(ByteBuffer(bytes: bytes))
                    }
                }
                let placeholders = (1...values.count).map { "$\($0)" }.joined(separator: ", ")
                let columns = table.columns.joined(separator: ", ")
                let sql: String
                if table.name == "search_fts" {
                    sql = """
                        INSERT INTO search_fts (\(columns), vector)
                        SELECT v.*, setweight(guichet_search_vector(v.title), 'A') || setweight(guichet_search_vector(v.summary), 'B')
                            || setweight(guichet_search_vector(v.body), 'D') || setweight(guichet_search_vector(v.keywords), 'C')
                        FROM (VALUES (\(placeholders))) AS v (\(columns))
                        """
                } else {
                    sql = "INSERT INTO \(table.name) (\(columns)) VALUES (\(placeholders))"
                }
                try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
                counts[table.name, default: 0] += 1
            }
            // Search documents were inserted with their ids: the next one generated must come after them.
            try await connection.query(
                """
                SELECT setval(pg_get_serial_sequence('search_document', 'id'), coalesce(max(id), 0) + 1, false)
                FROM search_document
                """, logger: logger)
            return counts
        }
    }

    static func transferValue(_ cell: PostgresCell) throws -> TransferValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int8, .int4, .int2: return .integer(try cell.decode(Int64.self))
        case .bytea: return .bytes([UInt8](try cell.decode(Data.self)))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        default: return .text(try cell.decode(String.self))
        }
    }

    /// Drops this database's schema with everything in it, when the configuration names its own schema (tests and
    /// benchmarks); does nothing otherwise.
    public func dropSchema() async throws(StorageError) {
        guard let schema else { return }
        _ = try await rows(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(schema) CASCADE"))
    }

    /// The bytes taken by the tables of this database's schema, with their indexes and TOAST (benchmarks).
    public func storageBytes() async throws(StorageError) -> Int64 {
        let rows = try await rows(
            """
            SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind = 'r'
            """)
        do {
            return try rows.first?.decode(Int64.self) ?? 0
        } catch {
            throw StorageError(.corrupted, underlying: error)
        }
    }
}
