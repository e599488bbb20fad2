public import GuichetStorage
public import GuichetCore
internal import PostgresNIO

/// The prober's records and the hosts' last requests on PostgreSQL, shared by every web node: `claimHost` is one
/// `INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING`, so of two nodes asking at once only one takes the turn.
public struct PostgresPlatformProbeStore: PlatformProbeStore {
    let database: PostgresDatabase

    /// A store over `database` (migrated beforehand).
    public init(database: PostgresDatabase) {
        self.database = database
    }

    public func claimHost(_ host: String, now: Int64, interval: Int64) async throws(StorageError) -> Bool {
        let rows = try await database.rows(
            """
            INSERT INTO platform_probe_host (host, last_request_at) VALUES (\(host), \(now))
            ON CONFLICT (host) DO UPDATE SET last_request_at = excluded.last_request_at
            WHERE platform_probe_host.last_request_at <= excluded.last_request_at - \(interval)
            RETURNING host
            """)
        return rows.count == 1
    }

    public func lastRequests() async throws(StorageError) -> [String: Int64] {
        let rows = try await database.rows("SELECT host, last_request_at FROM platform_probe_host")
        var result: [String: Int64] = [:]
        for row in rows {
            do {
                let (host, at) = try row.decode((String, Int64).self)
                result[host] = at
            } catch {
                throw StorageError(.corrupted, underlying: error)
            }
        }
        return result
    }

    public func record(_ probe: PlatformProbe) async throws(StorageError) {
        let columns = probe.storedColumns
        let status = columns.status.map(Int64.init)
        _ = try await database.rows(
            """
            INSERT INTO platform_probe (platform_id, at, outcome, http_status, error_class, duration_ms)
            VALUES (\(probe.platform.rawValue), \(probe.at), \(columns.outcome), \(status), \(columns.error),
                \(Int64(probe.durationMilliseconds)))
            """)
    }

    static let columns = "platform_id, at, outcome, http_status, error_class, duration_ms"

    public func probes(platform: Platform.ID?, from: Int64, to: Int64) async throws(StorageError) -> [PlatformProbe] {
        let rows: [PostgresRow]
        if let platform {
            rows = try await database.rows(
                """
                SELECT \(unescaped: Self.columns) FROM platform_probe
                WHERE platform_id = \(platform.rawValue) AND at >= \(from) AND at < \(to) ORDER BY at
                """)
        } else {
            rows = try await database.rows(
                """
                SELECT \(unescaped: Self.columns) FROM platform_probe
                WHERE at >= \(from) AND at < \(to) ORDER BY at, platform_id COLLATE "C"
                """)
        }
        return try rows.map { row throws(StorageError) in try Self.probe(from: row) }
    }

    public func latestProbes() async throws(StorageError) -> [PlatformProbe] {
        let rows = try await database.rows(
            """
            SELECT DISTINCT ON (platform_id) \(unescaped: Self.columns) FROM platform_probe
            ORDER BY platform_id, at DESC
            """)
        // By id compared byte by byte, as SQLite does (the database's collation may differ).
        return try rows.map { row throws(StorageError) in try Self.probe(from: row) }.sorted { $0.platform < $1.platform }
    }

    @discardableResult
    public func deleteProbes(before cutoff: Int64) async throws(StorageError) -> Int {
        let logger = database.logger
        return try await database.transaction { connection in
            let rows = try await connection.query(
                "WITH gone AS (DELETE FROM platform_probe WHERE at < \(cutoff) RETURNING 1) SELECT count(*) FROM gone",
                logger: logger
            ).collect()
            try await connection.query("DELETE FROM platform_probe_host WHERE last_request_at < \(cutoff)", logger: logger)
            return try rows.first?.decode(Int.self) ?? 0
        }
    }

    static func probe(from row: PostgresRow) throws(StorageError) -> PlatformProbe {
        let decoded: (String, Int64, String, Int64?, String?, Int64)
        do {
            decoded = try row.decode((String, Int64, String, Int64?, String?, Int64).self)
        } catch {
            throw StorageError(.corrupted, underlying: error)
        }
        guard
            let probe = PlatformProbe.stored(
                platform: decoded.0, at: decoded.1, outcome: decoded.2, status: decoded.3.map { Int($0) }, error: decoded.4,
                durationMilliseconds: Int(decoded.5))
        else { throw StorageError(.corrupted) }
        return probe
    }
}
