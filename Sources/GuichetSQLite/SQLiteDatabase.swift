public import GuichetStorage
public import CoreMetrics
internal import Dispatch
internal import GRDB

/// Owns the SQLite connection pool, its settings and its migrations.
///
/// One file per deployment (`guichet.sqlite` in the data folder) in WAL mode, or a private in-memory
/// database for tests. Every connection registers the French search tokenizer before use.
public final class SQLiteDatabase: Sendable {
    let writer: any DatabaseWriter
    /// How long reads and writes waited for a connection of the pool (`guichet_db_pool_wait_seconds`).
    let waits: PoolWaits
    /// Every write of ``write(_:)`` goes through it: writes that wait for the writer share a commit.
    let groups: GroupCommit

    /// Opens (creating if needed) the database file at `path` and migrates it to the latest schema.
    ///
    /// WAL journal with `synchronous = FULL`: a transaction reported as committed survives a process
    /// kill and a power loss; readers never block the writer. Writes waiting for the writer are committed together
    /// (``GroupCommit``): one sync of the WAL for all of them.
    ///
    /// `metrics` receives the time each read and write waited for its connection; nothing is recorded by default.
    public init(path: String, metrics: any MetricsFactory = NOOPMetricsHandler.instance) throws(StorageError) {
        waits = PoolWaits(factory: metrics)
        do {
            let pool = try DatabasePool(path: path, configuration: Self.configuration())
            // NB (2026-12-03): GRDB's pool sets `synchronous = NORMAL` on its writer when it turns WAL on, after
            // `prepareDatabase` has run, so the `FULL` set there never held on a database file: commits were not
            // synced (found with perf: one WAL sync per checkpoint, none per commit). Set again, once WAL is on.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            writer = pool
            try Self.migrator.migrate(pool)
        } catch {
            throw StorageError(.unavailable, underlying: error)
        }
        groups = GroupCommit(writer: writer, waits: waits.write)
    }

    /// A private in-memory database, migrated; for tests and one-off commands.
    public init(inMemory: Void = (), metrics: any MetricsFactory = NOOPMetricsHandler.instance) throws(StorageError) {
        waits = PoolWaits(factory: metrics)
        do {
            let queue = try DatabaseQueue(configuration: Self.configuration())
            writer = queue
            try Self.migrator.migrate(queue)
        } catch {
            throw StorageError(.unavailable, underlying: error)
        }
        groups = GroupCommit(writer: writer, waits: waits.write)
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        // GRDB hands a reader back only once the awaiting task resumes, which takes a while when the two executor
        // threads are busy rendering pages: more readers keep reads flowing under load (the soak test measured 5
        // readers as the bottleneck). Each costs one connection and its page cache.
        config.maximumReaderCount = 16
        config.prepareDatabase { db in
            db.add(tokenizer: FrenchTokenizer.self)
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
        }
        return config
    }

    /// The identifiers of every migration this build knows, in order.
    public static var migrationIdentifiers: [String] { migrator.migrations }

    /// Runs `PRAGMA integrity_check` and returns its verdict lines (`["ok"]` when sound).
    public func integrityCheck() async throws(StorageError) -> [String] {
        try await read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StorageError) -> T {
        let asked = DispatchTime.now().uptimeNanoseconds
        let wait = waits.read
        do {
            return try await writer.read { db in
                wait.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - asked))
                return try body(db)
            }
        } catch {
            throw Self.map(error)
        }
    }

    /// Runs `body` in a transaction shared with the writes waiting beside it (``GroupCommit``), in a savepoint of
    /// its own: it returns once that transaction is committed; when `body` throws, only its own changes are undone.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StorageError) -> T {
        do {
            return try await groups.write(body)
        } catch {
            throw Self.map(error)
        }
    }

    /// The writer connection's `PRAGMA synchronous` (2 is `FULL`), for tests.
    func writerSynchronous() async throws(StorageError) -> Int {
        do {
            return try await writer.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
        } catch {
            throw Self.map(error)
        }
    }

    static func map(_ error: any Error) -> StorageError {
        if let error = error as? StorageError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_CONSTRAINT: return StorageError(.conflict, underlying: error)
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: return StorageError(.corrupted, underlying: error)
            default: return StorageError(.unavailable, underlying: error)
            }
        }
        if error is RowDecodingError { return StorageError(.corrupted, underlying: error) }
        return StorageError(.unavailable, underlying: error)
    }
}

/// The pool-wait timers of one database: the time from asking for a connection to running on it (a free
/// connection's queue plus the hop to its thread). A write waits for the single writer, a read for one of the
/// readers.
struct PoolWaits: Sendable {
    let read: CoreMetrics.Timer
    let write: CoreMetrics.Timer

    init(factory: any MetricsFactory) {
        read = CoreMetrics.Timer(
            label: "guichet_db_pool_wait_seconds", dimensions: [("backend", "sqlite"), ("access", "read")], factory: factory)
        write = CoreMetrics.Timer(
            label: "guichet_db_pool_wait_seconds", dimensions: [("backend", "sqlite"), ("access", "write")], factory: factory)
    }
}
