public import GuichetStorage
public import Logging
public import CoreMetrics
internal import Dispatch
internal import PostgresNIO

/// Owns the connection pool to one PostgreSQL database, its migrations and the advisory locks that let several
/// guichet processes share it.
///
/// The pool works only while ``run()`` runs: in `guichet serve` it is a service of the same `ServiceGroup` as the
/// HTTP server; in commands and tests, a child task. Nothing is kept in process memory that another node would
/// need: every store reads and writes the database.
public final class PostgresDatabase: Sendable {
    let client: PostgresClient
    /// Guichet's own events (migrations), with `db.backend`.
    let ourLogger: Logger
    /// What the driver receives: warnings and errors only.
    let logger: Logger
    /// The schema this database works in, when not the server's default.
    let schema: String?
    /// How long queries waited for a connection of the pool (`guichet_db_pool_wait_seconds`).
    let poolWait: CoreMetrics.Timer

    /// A pool for `configuration`; no connection is opened before ``run()`` and the first query.
    ///
    /// `logger` receives the pool's background events and the migration steps; queries are not logged (their
    /// parameters can hold personal data). `metrics` receives the time each query waited for a pooled connection;
    /// nothing is recorded by default.
    public init(
        configuration: PostgresConfiguration, logger: Logger, metrics: any MetricsFactory = NOOPMetricsHandler.instance
    ) {
        var config = PostgresClient.Configuration(
            host: configuration.host, port: configuration.port, username: configuration.username,
            password: configuration.password, database: configuration.database, tls: Self.tls(configuration.tls))
        config.options.maximumConnections = max(1, configuration.maximumConnections)
        if let schema = configuration.schema {
            config.options.additionalStartupParameters = [("search_path", "\(schema), public")]
        }
        var ours = logger
        ours[metadataKey: "db.backend"] = "postgres"
        // The driver logs protocol messages, rows included, at trace level: it gets warnings and errors only, so
        // that no LOG_LEVEL can make it write sealed blobs or dossier text to the logs.
        var driver = ours
        driver.logLevel = max(ours.logLevel, .warning)
        client = PostgresClient(configuration: config, backgroundLogger: driver)
        ourLogger = ours
        self.logger = driver
        schema = configuration.schema
        // One series: reads and writes share the pool (a write is a transaction on any connection).
        poolWait = CoreMetrics.Timer(label: "guichet_db_pool_wait_seconds", dimensions: [("backend", "postgres")], factory: metrics)
    }

    static func tls(_ mode: PostgresConfiguration.TLSMode) -> PostgresClient.Configuration.TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    /// Runs the connection pool until the task is cancelled (or, inside a `ServiceGroup`, until graceful shutdown).
    /// Call it exactly once, before or while the stores are used.
    public func run() async {
        await client.run()
    }

    /// Applies the migrations this database has not seen yet, under an advisory lock so that several processes
    /// starting together migrate once. Returns the identifiers applied now (empty when already up to date).
    ///
    /// A server that cannot be reached within `timeout` gives `.unavailable` (the pool would otherwise keep
    /// retrying): a wrong URL at start is reported in seconds.
    @discardableResult
    public func migrate(timeout: Duration = .seconds(15)) async throws(StorageError) -> [String] {
        try await probe(timeout: timeout)
        let logger = self.logger
        let ourLogger = self.ourLogger
        let schema = self.schema
        return try await withConnection { connection in
            try await Self.withAdvisoryLock(Self.migrationLock, on: connection, logger: logger) {
                if let schema {
                    // The name is a checked plain identifier (`PostgresConfiguration.isPlainIdentifier`).
                    try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: logger)
                }
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS guichet_migration (
                        identifier TEXT PRIMARY KEY NOT NULL,
                        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                    )
                    """, logger: logger)
                let applied = Set(try await Self.appliedMigrations(on: connection, logger: logger))
                var appliedNow: [String] = []
                for migration in Self.migrations where !applied.contains(migration.identifier) {
                    try await connection.withTransaction(logger: logger) { connection in
                        for statement in migration.statements {
                            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                        }
                        try await connection.query(
                            "INSERT INTO guichet_migration (identifier) VALUES (\(migration.identifier))", logger: logger)
                    }
                    ourLogger.info("migration applied", metadata: ["db.migration": "\(migration.identifier)"])
                    appliedNow.append(migration.identifier)
                }
                return appliedNow
            }
        }
    }

    /// Runs `SELECT 1`; `.unavailable` with ``ConnectionTimeout`` when no answer comes within `timeout`.
    public func probe(timeout: Duration) async throws(StorageError) {
        let client = self.client
        do {
            try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    _ = try await client.query("SELECT 1").collect()
                    return true
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return false
                }
                defer { group.cancelAll() }
                guard try await group.next() == true else { throw ConnectionTimeout(timeout: timeout) }
            }
        } catch {
            throw Self.map(error)
        }
    }

    /// The identifiers of the migrations applied to this database, in order.
    public func appliedMigrations() async throws(StorageError) -> [String] {
        let logger = self.logger
        return try await withConnection { connection in
            try await Self.appliedMigrations(on: connection, logger: logger)
        }
    }

    static func appliedMigrations(on connection: PostgresConnection, logger: Logger) async throws -> [String] {
        let exists = try await connection.query("SELECT to_regclass('guichet_migration') IS NOT NULL", logger: logger)
            .collect().first?.decode(Bool.self) ?? false
        guard exists else { return [] }
        var identifiers: [String] = []
        for try await identifier in try await connection.query(
            "SELECT identifier FROM guichet_migration ORDER BY identifier", logger: logger
        ).decode(String.self) {
            identifiers.append(identifier)
        }
        return identifiers
    }

    // MARK: Running queries

    /// Runs `body` on a leased connection; every error leaves as a `StorageError`.
    func withConnection<T: Sendable>(
        _ body: @Sendable (PostgresConnection) async throws -> T
    ) async throws(StorageError) -> T {
        let asked = DispatchTime.now().uptimeNanoseconds
        let wait = poolWait
        do {
            return try await client.withConnection { connection in
                wait.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - asked))
                return try await body(connection)
            }
        } catch {
            throw Self.map(error)
        }
    }

    /// Runs `body` in one transaction (READ COMMITTED); rolled back if it throws.
    func transaction<T: Sendable>(
        _ body: @Sendable (PostgresConnection) async throws -> T
    ) async throws(StorageError) -> T {
        let logger = self.logger
        return try await withConnection { connection in
            try await connection.withTransaction(logger: logger) { connection in try await body(connection) }
        }
    }

    /// Runs one statement and returns its rows (on a leased connection, so that the wait for it is measured).
    func rows(_ query: PostgresQuery) async throws(StorageError) -> [PostgresRow] {
        let logger = self.logger
        return try await withConnection { connection in try await connection.query(query, logger: logger).collect() }
    }

    /// Runs `body` while holding the session advisory lock `key` on `connection`; the lock is released even when
    /// `body` throws.
    static func withAdvisoryLock<T: Sendable>(
        _ key: Int64, on connection: PostgresConnection, logger: Logger, _ body: () async throws -> T
    ) async throws -> T {
        try await connection.query("SELECT pg_advisory_lock(\(key))", logger: logger)
        do {
            let value = try await body()
            try await connection.query("SELECT pg_advisory_unlock(\(key))", logger: logger)
            return value
        } catch {
            _ = try? await connection.query("SELECT pg_advisory_unlock(\(key))", logger: logger)
            throw error
        }
    }

    /// The advisory lock taken while migrating.
    static let migrationLock: Int64 = 0x6775_6963_6865_7401
    /// The advisory lock taken (per transaction) while writing the dossier from the content folder.
    static let contentLock: Int64 = 0x6775_6963_6865_7402

    // MARK: Errors

    /// Maps a driver error to a `StorageError`, keeping the original for logs.
    static func map(_ error: any Error) -> StorageError {
        if let error = error as? StorageError { return error }
        if let error = error as? PostgresTransactionError {
            if let inner = error.closureError ?? error.beginError ?? error.commitError { return map(inner) }
            return StorageError(.unavailable, underlying: error)
        }
        if let error = error as? PSQLError {
            guard error.code == .server, let state = error.serverInfo?[.sqlState] else {
                return StorageError(.unavailable, underlying: RedactedPostgresError(error))
            }
            let redacted = RedactedPostgresError(error)
            if state.hasPrefix("23") { return StorageError(.conflict, underlying: redacted) }
            if state == "XX001" || state == "XX002" { return StorageError(.corrupted, underlying: redacted) }
            return StorageError(.unavailable, underlying: redacted)
        }
        if error is PostgresDecodingError { return StorageError(.corrupted, underlying: error) }
        return StorageError(.unavailable, underlying: error)
    }
}

/// The server did not answer in time (unreachable, refusing connections, or a wrong address).
public struct ConnectionTimeout: Error, Sendable, CustomStringConvertible {
    /// How long guichet waited.
    public let timeout: Duration

    /// For logs.
    public var description: String { "PostgreSQL did not answer within \(timeout)" }
}

/// A PostgreSQL error reduced to what is safe to log: the SQLSTATE and the server's message, without the query and
/// its parameters (which can hold sealed blobs or personal data).
public struct RedactedPostgresError: Error, Sendable, CustomStringConvertible {
    /// The SQLSTATE code (`23505`…), when the server sent one.
    public let sqlState: String?
    /// The driver's error code (`server`, `connectionError`…).
    public let code: String
    /// The server's primary message, when it sent one.
    public let message: String?

    init(_ error: PSQLError) {
        sqlState = error.serverInfo?[.sqlState]
        code = error.code.description
        message = error.serverInfo?[.message]
    }

    /// The code, SQLSTATE and message.
    public var description: String {
        "PostgreSQL \(code)" + (sqlState.map { " \($0)" } ?? "") + (message.map { ": \($0)" } ?? "")
    }
}
