public import GuichetStorage
public import GuichetCore
internal import GRDB

/// The prober's records and the hosts' last requests on SQLite. Every write is one transaction; `claimHost` is one
/// `INSERT … ON CONFLICT DO UPDATE … WHERE` statement, so two writers cannot both take a host's turn.
public struct SQLitePlatformProbeStore: PlatformProbeStore {
    let database: SQLiteDatabase

    /// A store over `database` (migrated by its initializer).
    public init(database: SQLiteDatabase) {
        self.database = database
    }

    public func claimHost(_ host: String, now: Int64, interval: Int64) async throws(StorageError) -> Bool {
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO platform_probe_host (host, last_request_at) VALUES (?, ?)
                    ON CONFLICT (host) DO UPDATE SET last_request_at = excluded.last_request_at
                    WHERE platform_probe_host.last_request_at <= excluded.last_request_at - ?
                    """, arguments: [host, now, interval])
            return db.changesCount == 1
        }
    }

    public func lastRequests() async throws(StorageError) -> [String: Int64] {
        try await database.read { db in
            var result: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT host, last_request_at FROM platform_probe_host") {
                let host: String = row["host"]
                let at: Int64 = row["last_request_at"]
                result[host] = at
            }
            return result
        }
    }

    public func record(_ probe: PlatformProbe) async throws(StorageError) {
        let columns = probe.storedColumns
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO platform_probe (platform_id, at, outcome, http_status, error_class, duration_ms)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [probe.platform.rawValue, probe.at, columns.outcome, columns.status, columns.error, probe.durationMilliseconds])
        }
    }

    public func probes(platform: Platform.ID?, from: Int64, to: Int64) async throws(StorageError) -> [PlatformProbe] {
        try await database.read { db in
            let rows: [Row]
            if let platform {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM platform_probe WHERE platform_id = ? AND at >= ? AND at < ? ORDER BY at",
                    arguments: [platform.rawValue, from, to])
            } else {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM platform_probe WHERE at >= ? AND at < ? ORDER BY at, platform_id", arguments: [from, to])
            }
            return try rows.map(Self.probe(from:))
        }
    }

    public func latestProbes() async throws(StorageError) -> [PlatformProbe] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.* FROM platform_probe p
                    JOIN (SELECT platform_id, max(at) AS at FROM platform_probe GROUP BY platform_id) latest
                        ON latest.platform_id = p.platform_id AND latest.at = p.at
                    ORDER BY p.platform_id
                    """
            ).map(Self.probe(from:))
        }
    }

    @discardableResult
    public func deleteProbes(before cutoff: Int64) async throws(StorageError) -> Int {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM platform_probe WHERE at < ?", arguments: [cutoff])
            let count = db.changesCount
            try db.execute(sql: "DELETE FROM platform_probe_host WHERE last_request_at < ?", arguments: [cutoff])
            return count
        }
    }

    static func probe(from row: Row) throws -> PlatformProbe {
        guard
            let probe = PlatformProbe.stored(
                platform: row["platform_id"], at: row["at"], outcome: row["outcome"], status: row["http_status"],
                error: row["error_class"], durationMilliseconds: row["duration_ms"])
        else { throw StorageError(.corrupted) }
        return probe
    }
}
