public import GuichetStorage
internal import PostgresNIO
internal import Foundation

/// Private case files and rate-limit counters on PostgreSQL, shared by every web node.
///
/// Sealed bytes are `BYTEA`, stored and returned exactly as given. Races between nodes are settled by the
/// database: `update` is a compare-and-set on `version` (row lock, then the `WHERE` is checked again on the new
/// row), and `hit` is one `INSERT … ON CONFLICT DO UPDATE … RETURNING`, so concurrent hits each get their own count.
public struct PostgresPrivateFileStore: PrivateFileStore, RateLimitCounter {
    let database: PostgresDatabase

    /// A store over `database` (migrated beforehand).
    public init(database: PostgresDatabase) {
        self.database = database
    }

    // MARK: Files

    public func create(_ id: PrivateFile.ID, keyID: UInt8, sealedAnswers: [UInt8], now: Int64) async throws(StorageError)
        -> PrivateFile
    {
        let blob = ByteBuffer(bytes: sealedAnswers)
        _ = try await database.rows(
            """
            INSERT INTO private_file (id, key_id, sealed_answers, created_at, updated_at, version)
            VALUES (\(id.hex), \(Int64(keyID)), \(blob), \(now), \(now), 1)
            """)
        return PrivateFile(id: id, keyID: keyID, sealedAnswers: sealedAnswers, createdAt: now, updatedAt: now, version: 1)
    }

    public func file(_ id: PrivateFile.ID) async throws(StorageError) -> PrivateFile? {
        let rows = try await database.rows("SELECT \(unescaped: Self.fileColumns) FROM private_file WHERE id = \(id.hex)")
        return try rows.first.map { row throws(StorageError) in try Self.privateFile(from: row) }
    }

    public func update(
        _ id: PrivateFile.ID, expectedVersion: Int, keyID: UInt8, sealedAnswers: [UInt8], now: Int64
    ) async throws(StorageError) -> PrivateFile {
        let blob = ByteBuffer(bytes: sealedAnswers)
        let rows = try await database.rows(
            """
            UPDATE private_file
            SET key_id = \(Int64(keyID)), sealed_answers = \(blob), updated_at = greatest(updated_at, \(now)),
                version = version + 1
            WHERE id = \(id.hex) AND version = \(Int64(expectedVersion))
            RETURNING \(unescaped: Self.fileColumns)
            """)
        if let row = rows.first { return try Self.privateFile(from: row) }
        let exists = try await database.rows("SELECT 1 FROM private_file WHERE id = \(id.hex)")
        throw StorageError(exists.isEmpty ? .notFound : .conflict)
    }

    public func touch(_ id: PrivateFile.ID, now: Int64) async throws(StorageError) {
        let rows = try await database.rows(Self.touchQuery(id, now: now))
        guard !rows.isEmpty else { throw StorageError(.notFound) }
    }

    // MARK: Attachments

    @discardableResult
    public func putAttachment(_ sealed: [UInt8], slot: Int, of id: PrivateFile.ID, limit: Int, now: Int64)
        async throws(StorageError) -> SealedAttachmentInfo
    {
        precondition(slot >= 0, "attachment slots are numbered from 0")
        guard sealed.count <= limit else {
            throw StorageError(.conflict, underlying: AttachmentTooLarge(byteCount: sealed.count, limit: limit))
        }
        let blob = ByteBuffer(bytes: sealed)
        let logger = database.logger
        try await database.transaction { connection in
            let touched = try await connection.query(Self.touchQuery(id, now: now), logger: logger).collect()
            guard !touched.isEmpty else { throw StorageError(.notFound) }
            try await connection.query(
                """
                INSERT INTO private_file_attachment (file_id, slot, byte_count, sealed, updated_at)
                VALUES (\(id.hex), \(Int64(slot)), \(Int64(sealed.count)), \(blob), \(now))
                ON CONFLICT (file_id, slot) DO UPDATE SET
                    byte_count = excluded.byte_count, sealed = excluded.sealed,
                    updated_at = greatest(private_file_attachment.updated_at, excluded.updated_at)
                """, logger: logger)
        }
        return SealedAttachmentInfo(slot: slot, byteCount: sealed.count, updatedAt: now)
    }

    public func attachment(slot: Int, of id: PrivateFile.ID) async throws(StorageError) -> SealedAttachment? {
        let rows = try await database.rows(
            """
            SELECT slot, sealed, byte_count, updated_at FROM private_file_attachment
            WHERE file_id = \(id.hex) AND slot = \(Int64(slot))
            """)
        guard let row = rows.first else { return nil }
        let decoded: (Int, Data, Int, Int64)
        do {
            decoded = try row.decode((Int, Data, Int, Int64).self)
        } catch {
            throw StorageError(.corrupted, underlying: error)
        }
        guard decoded.1.count == decoded.2 else { throw StorageError(.corrupted) }
        return SealedAttachment(slot: decoded.0, sealed: [UInt8](decoded.1), updatedAt: decoded.3)
    }

    public func attachments(of id: PrivateFile.ID) async throws(StorageError) -> [SealedAttachmentInfo] {
        let rows = try await database.rows(
            """
            SELECT slot, byte_count, octet_length(sealed), updated_at FROM private_file_attachment
            WHERE file_id = \(id.hex) ORDER BY slot
            """)
        var infos: [SealedAttachmentInfo] = []
        for row in rows {
            let decoded: (Int, Int, Int, Int64)
            do {
                decoded = try row.decode((Int, Int, Int, Int64).self)
            } catch {
                throw StorageError(.corrupted, underlying: error)
            }
            guard decoded.1 == decoded.2 else { throw StorageError(.corrupted) }
            infos.append(SealedAttachmentInfo(slot: decoded.0, byteCount: decoded.1, updatedAt: decoded.3))
        }
        return infos
    }

    public func deleteAttachment(slot: Int, of id: PrivateFile.ID, now: Int64) async throws(StorageError) {
        let logger = database.logger
        try await database.transaction { connection in
            let deleted = try await connection.query(
                "DELETE FROM private_file_attachment WHERE file_id = \(id.hex) AND slot = \(Int64(slot)) RETURNING slot",
                logger: logger
            ).collect()
            guard !deleted.isEmpty else { throw StorageError(.notFound) }
            let touched = try await connection.query(Self.touchQuery(id, now: now), logger: logger).collect()
            guard !touched.isEmpty else { throw StorageError(.notFound) }
        }
    }

    // MARK: Erasing

    @discardableResult
    public func delete(_ id: PrivateFile.ID) async throws(StorageError) -> Bool {
        let logger = database.logger
        return try await database.transaction { connection in
            try await connection.query("DELETE FROM private_file_attachment WHERE file_id = \(id.hex)", logger: logger)
            let deleted = try await connection.query(
                "DELETE FROM private_file WHERE id = \(id.hex) RETURNING id", logger: logger
            ).collect()
            return !deleted.isEmpty
        }
    }

    @discardableResult
    public func deleteUntouched(before cutoff: Int64) async throws(StorageError) -> Int {
        let logger = database.logger
        return try await database.transaction { connection in
            try await connection.query(
                """
                DELETE FROM private_file_attachment
                WHERE file_id IN (SELECT id FROM private_file WHERE updated_at < \(cutoff))
                """, logger: logger)
            let rows = try await connection.query(
                "WITH gone AS (DELETE FROM private_file WHERE updated_at < \(cutoff) RETURNING 1) SELECT count(*) FROM gone",
                logger: logger
            ).collect()
            return try rows.first?.decode(Int.self) ?? 0
        }
    }

    // MARK: Rate limits

    public func hit(key: String, window: Int64, now: Int64) async throws(StorageError) -> Int {
        precondition(window > 0, "a rate-limit window lasts at least one second")
        precondition(!key.isEmpty, "a rate-limit key is never empty")
        let start = now - ((now % window) + window) % window
        // Dropping the key's ended windows is housekeeping: it runs on its own, so that it never holds row locks
        // while the counter is incremented.
        _ = try await database.rows("DELETE FROM rate_limit WHERE key = \(key) AND window_end <= \(now)")
        let rows = try await database.rows(
            """
            INSERT INTO rate_limit (key, window_length, window_start, window_end, hits)
            VALUES (\(key), \(window), \(start), \(start + window), 1)
            ON CONFLICT (key, window_length, window_start) DO UPDATE SET hits = rate_limit.hits + 1
            RETURNING hits
            """)
        do {
            guard let hits = try rows.first?.decode(Int.self) else { throw StorageError(.corrupted) }
            return hits
        } catch {
            throw PostgresDatabase.map(error)
        }
    }

    @discardableResult
    public func deleteExpiredRateLimits(now: Int64) async throws(StorageError) -> Int {
        let rows = try await database.rows(
            "WITH gone AS (DELETE FROM rate_limit WHERE window_end <= \(now) RETURNING 1) SELECT count(*) FROM gone")
        do {
            return try rows.first?.decode(Int.self) ?? 0
        } catch {
            throw StorageError(.corrupted, underlying: error)
        }
    }

    // MARK: Rows

    static let fileColumns = "id, key_id, sealed_answers, created_at, updated_at, version"

    static func touchQuery(_ id: PrivateFile.ID, now: Int64) -> PostgresQuery {
        "UPDATE private_file SET updated_at = greatest(updated_at, \(now)) WHERE id = \(id.hex) RETURNING id"
    }

    static func privateFile(from row: PostgresRow) throws(StorageError) -> PrivateFile {
        let decoded: (String, Int, Data, Int64, Int64, Int)
        do {
            decoded = try row.decode((String, Int, Data, Int64, Int64, Int).self)
        } catch {
            throw StorageError(.corrupted, underlying: error)
        }
        guard let id = PrivateFile.ID(hex: decoded.0), let keyID = UInt8(exactly: decoded.1), decoded.5 >= 1 else {
            throw StorageError(.corrupted)
        }
        return PrivateFile(
            id: id, keyID: keyID, sealedAnswers: [UInt8](decoded.2), createdAt: decoded.3, updatedAt: decoded.4,
            version: decoded.5)
    }

    /// Row counts of the private-file and rate-limit tables, for tests that check erasure.
    func rowCounts() async throws(StorageError) -> [String: Int] {
        let rows = try await database.rows(
            """
            SELECT (SELECT count(*) FROM private_file), (SELECT count(*) FROM private_file_attachment),
                (SELECT count(*) FROM rate_limit)
            """)
        do {
            guard let (files, attachments, limits) = try rows.first?.decode((Int, Int, Int).self) else {
                throw StorageError(.corrupted)
            }
            return ["private_file": files, "private_file_attachment": attachments, "rate_limit": limits]
        } catch {
            throw PostgresDatabase.map(error)
        }
    }
}
