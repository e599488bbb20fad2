public import GuichetStorage
internal import GRDB
internal import Foundation

/// Private case files and rate-limit counters on SQLite.
///
/// Sealed bytes are stored as BLOBs exactly as given; the only clear values are the lookup ID, the key ID,
/// the dates, the version and, per attachment, its slot number and size. Every write is one transaction.
public struct SQLitePrivateFileStore: PrivateFileStore, RateLimitCounter {
    let database: SQLiteDatabase

    /// A store over `database` (migrated by its initializer).
    public init(database: SQLiteDatabase) {
        self.database = database
    }

    // MARK: Files

    public func create(_ id: PrivateFile.ID, keyID: UInt8, sealedAnswers: [UInt8], now: Int64) async throws(StorageError)
        -> PrivateFile
    {
        let blob = Data(sealedAnswers)
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO private_file (id, key_id, sealed_answers, created_at, updated_at, version)
                    VALUES (?, ?, ?, ?, ?, 1)
                    """, arguments: [id.hex, Int(keyID), blob, now, now])
        }
        return PrivateFile(id: id, keyID: keyID, sealedAnswers: sealedAnswers, createdAt: now, updatedAt: now, version: 1)
    }

    public func file(_ id: PrivateFile.ID) async throws(StorageError) -> PrivateFile? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM private_file WHERE id = ?", arguments: [id.hex])
                .map { try Self.privateFile(from: $0) }
        }
    }

    public func update(
        _ id: PrivateFile.ID, expectedVersion: Int, keyID: UInt8, sealedAnswers: [UInt8], now: Int64
    ) async throws(StorageError) -> PrivateFile {
        let blob = Data(sealedAnswers)
        return try await database.write { db in
            try db.execute(
                sql: """
                    UPDATE private_file
                    SET key_id = ?, sealed_answers = ?, updated_at = max(updated_at, ?), version = version + 1
                    WHERE id = ? AND version = ?
                    """, arguments: [Int(keyID), blob, now, id.hex, expectedVersion])
            guard db.changesCount == 1 else {
                let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM private_file WHERE id = ?", arguments: [id.hex])
                throw StorageError(exists == true ? .conflict : .notFound)
            }
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM private_file WHERE id = ?", arguments: [id.hex])
            else { throw StorageError(.notFound) }
            return try Self.privateFile(from: row)
        }
    }

    public func touch(_ id: PrivateFile.ID, now: Int64) async throws(StorageError) {
        try await database.write { db in try Self.touch(id, now: now, db: db) }
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
        let blob = Data(sealed)
        try await database.write { db in
            try Self.touch(id, now: now, db: db)
            try db.execute(
                sql: """
                    INSERT INTO private_file_attachment (file_id, slot, byte_count, sealed, updated_at)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (file_id, slot) DO UPDATE SET
                        byte_count = excluded.byte_count, sealed = excluded.sealed,
                        updated_at = max(updated_at, excluded.updated_at)
                    """, arguments: [id.hex, slot, blob.count, blob, now])
        }
        return SealedAttachmentInfo(slot: slot, byteCount: sealed.count, updatedAt: now)
    }

    public func attachment(slot: Int, of id: PrivateFile.ID) async throws(StorageError) -> SealedAttachment? {
        try await database.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM private_file_attachment WHERE file_id = ? AND slot = ?",
                    arguments: [id.hex, slot])
            else { return nil }
            let bytes = [UInt8](try row.decode(Data.self, forColumn: "sealed"))
            let byteCount = try row.decode(Int.self, forColumn: "byte_count")
            guard bytes.count == byteCount else { throw StorageError(.corrupted) }
            return SealedAttachment(
                slot: try row.decode(Int.self, forColumn: "slot"), sealed: bytes,
                updatedAt: try row.decode(Int64.self, forColumn: "updated_at"))
        }
    }

    public func attachments(of id: PrivateFile.ID) async throws(StorageError) -> [SealedAttachmentInfo] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT slot, byte_count, length(sealed) AS stored, updated_at FROM private_file_attachment
                    WHERE file_id = ? ORDER BY slot
                    """, arguments: [id.hex]
            ).map { row in
                let byteCount = try row.decode(Int.self, forColumn: "byte_count")
                guard try row.decode(Int.self, forColumn: "stored") == byteCount else { throw StorageError(.corrupted) }
                return SealedAttachmentInfo(
                    slot: try row.decode(Int.self, forColumn: "slot"), byteCount: byteCount,
                    updatedAt: try row.decode(Int64.self, forColumn: "updated_at"))
            }
        }
    }

    public func deleteAttachment(slot: Int, of id: PrivateFile.ID, now: Int64) async throws(StorageError) {
        try await database.write { db in
            try db.execute(
                sql: "DELETE FROM private_file_attachment WHERE file_id = ? AND slot = ?", arguments: [id.hex, slot])
            guard db.changesCount == 1 else { throw StorageError(.notFound) }
            try Self.touch(id, now: now, db: db)
        }
    }

    // MARK: Erasing

    @discardableResult
    public func delete(_ id: PrivateFile.ID) async throws(StorageError) -> Bool {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM private_file_attachment WHERE file_id = ?", arguments: [id.hex])
            try db.execute(sql: "DELETE FROM private_file WHERE id = ?", arguments: [id.hex])
            return db.changesCount == 1
        }
    }

    @discardableResult
    public func deleteUntouched(before cutoff: Int64) async throws(StorageError) -> Int {
        try await database.write { db in
            try db.execute(
                sql: """
                    DELETE FROM private_file_attachment
                    WHERE file_id IN (SELECT id FROM private_file WHERE updated_at < ?)
                    """, arguments: [cutoff])
            try db.execute(sql: "DELETE FROM private_file WHERE updated_at < ?", arguments: [cutoff])
            return db.changesCount
        }
    }

    // MARK: Rate limits

    public func hit(key: String, window: Int64, now: Int64) async throws(StorageError) -> Int {
        precondition(window > 0, "a rate-limit window lasts at least one second")
        precondition(!key.isEmpty, "a rate-limit key is never empty")
        let start = now - ((now % window) + window) % window
        return try await database.write { db in
            try db.execute(sql: "DELETE FROM rate_limit WHERE key = ? AND window_end <= ?", arguments: [key, now])
            try db.execute(
                sql: """
                    INSERT INTO rate_limit (key, window_length, window_start, window_end, hits) VALUES (?, ?, ?, ?, 1)
                    ON CONFLICT (key, window_length, window_start) DO UPDATE SET hits = hits + 1
                    """, arguments: [key, window, start, start + window])
            guard
                let hits = try Int.fetchOne(
                    db, sql: "SELECT hits FROM rate_limit WHERE key = ? AND window_length = ? AND window_start = ?",
                    arguments: [key, window, start])
            else { throw StorageError(.corrupted) }
            return hits
        }
    }

    @discardableResult
    public func deleteExpiredRateLimits(now: Int64) async throws(StorageError) -> Int {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM rate_limit WHERE window_end <= ?", arguments: [now])
            return db.changesCount
        }
    }

    // MARK: Rows

    static func touch(_ id: PrivateFile.ID, now: Int64, db: Database) throws {
        try db.execute(
            sql: "UPDATE private_file SET updated_at = max(updated_at, ?) WHERE id = ?", arguments: [now, id.hex])
        guard db.changesCount == 1 else { throw StorageError(.notFound) }
    }

    static func privateFile(from row: Row) throws -> PrivateFile {
        guard
            let id = PrivateFile.ID(hex: try row.decode(String.self, forColumn: "id")),
            let keyID = UInt8(exactly: try row.decode(Int.self, forColumn: "key_id"))
        else { throw StorageError(.corrupted) }
        let version = try row.decode(Int.self, forColumn: "version")
        guard version >= 1 else { throw StorageError(.corrupted) }
        return PrivateFile(
            id: id, keyID: keyID, sealedAnswers: [UInt8](try row.decode(Data.self, forColumn: "sealed_answers")),
            createdAt: try row.decode(Int64.self, forColumn: "created_at"),
            updatedAt: try row.decode(Int64.self, forColumn: "updated_at"), version: version)
    }

    /// Row counts of the private-file and rate-limit tables, for tests that check erasure.
    func rowCounts() async throws(StorageError) -> [String: Int] {
        try await database.read { db in
            var counts: [String: Int] = [:]
            for table in ["private_file", "private_file_attachment", "rate_limit"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }
}
