internal import Foundation
internal import GuichetPostgres
internal import GuichetSQLite
internal import GuichetStorage
internal import Logging
internal import CoreMetrics
internal import ServiceLifecycle

/// The stores of the backend chosen at start, as the commands see them: protocols only.
///
/// SQLite (the default) is one file in the data folder; PostgreSQL is chosen with `--database postgres://…` or
/// `$GUICHET_DATABASE_URL` and needs its connection pool to run (``service``) while the stores are used.
struct StorageBackend: Sendable {
    /// Which backend, with what only that backend can do (SQLite's online backup).
    enum Kind: Sendable {
        case sqlite(SQLiteDatabase)
        case postgres(PostgresDatabase)
    }

    let kind: Kind
    let dossier: any DossierStore & ContentIndex
    let search: any SearchIndex
    let privateFiles: any PrivateFileStore & RateLimitCounter
    /// The help desk: organisations, members, sessions, cases and the audit log.
    let helpDesk: any HelpDeskStore
    /// People's anonymous reports to the observatory.
    let reports: any ObservationReportStore
    /// The prober's records and the hosts' turns.
    let platformProbes: any PlatformProbeStore
    let transfer: any TableTransfer
    /// `sqlite` or `postgres`, for logs (`db.backend`).
    let name: String
    /// The file path, or the URL without its password, for messages.
    let location: String

    init(sqlite database: SQLiteDatabase, path: String) {
        kind = .sqlite(database)
        dossier = SQLiteDossierStore(database: database)
        search = SQLiteSearchIndex(database: database)
        privateFiles = SQLitePrivateFileStore(database: database)
        helpDesk = SQLiteHelpDeskStore(database: database)
        reports = SQLiteObservationReportStore(database: database)
        platformProbes = SQLitePlatformProbeStore(database: database)
        transfer = database
        name = "sqlite"
        location = path
    }

    init(postgres database: PostgresDatabase, configuration: PostgresConfiguration) {
        kind = .postgres(database)
        dossier = PostgresDossierStore(database: database)
        search = PostgresSearchIndex(database: database)
        privateFiles = PostgresPrivateFileStore(database: database)
        helpDesk = PostgresHelpDeskStore(database: database)
        reports = PostgresObservationReportStore(database: database)
        platformProbes = PostgresPlatformProbeStore(database: database)
        transfer = database
        name = "postgres"
        location = configuration.redactedDescription
    }

    /// What must run while the stores are used: PostgreSQL's connection pool; nothing for SQLite.
    var service: (any Service)? {
        switch kind {
        case .sqlite: nil
        case .postgres(let database): DatabaseService(database: database)
        }
    }

    /// Brings the schema up to date (SQLite migrates when it opens); returns the migrations applied now.
    func migrate() async throws(StorageError) -> [String] {
        switch kind {
        case .sqlite: []
        case .postgres(let database): try await database.migrate()
        }
    }

    /// The migrations applied to the database, in order.
    func appliedMigrations() async throws(StorageError) -> [String] {
        try await transfer.appliedMigrations()
    }

    /// Runs `body` with the backend's service running in a child task (commands other than `serve`), after
    /// migrating; stops the service afterwards.
    func withRunning<T: Sendable>(_ body: @Sendable (StorageBackend) async throws -> T) async throws -> T {
        guard let service else {
            _ = try await migrate()
            return try await body(self)
        }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await service.run() }
            defer { group.cancelAll() }
            _ = try await migrate()
            return try await body(self)
        }
    }
}

/// PostgreSQL's connection pool as a service of the process's `ServiceGroup`: it stops after the HTTP server, on
/// graceful shutdown.
struct DatabaseService: Service {
    let database: PostgresDatabase

    func run() async throws {
        await database.run()
    }
}

extension StorageOptions {
    /// The PostgreSQL URL given by `--database` or `$GUICHET_DATABASE_URL`, if any.
    func resolvedDatabaseURL() -> String? {
        let value = databaseURL ?? ProcessInfo.processInfo.environment["GUICHET_DATABASE_URL"]
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    /// Opens the chosen backend: PostgreSQL when a URL is given, else SQLite in the data folder (created and
    /// migrated). Explains a refusal in French (status 2 for a bad URL, 1 when SQLite cannot be opened).
    /// `metrics` receives the pool waits (`serve` with metrics on); nothing by default.
    func openBackend(logger: Logger, metrics: any MetricsFactory = NOOPMetricsHandler.instance) throws(CLIError)
        -> StorageBackend
    {
        if let url = resolvedDatabaseURL() {
            let configuration: PostgresConfiguration
            do {
                configuration = try PostgresConfiguration(url: url)
            } catch {
                let reason = (error.underlying as? InvalidDatabaseURL)?.reason ?? "illisible"
                throw CLIError(
                    "adresse de base de données refusée (\(reason)) : attendu postgres://UTILISATEUR:MOT-DE-PASSE@HÔTE:PORT/BASE")
            }
            let database = PostgresDatabase(configuration: configuration, logger: logger, metrics: metrics)
            return StorageBackend(postgres: database, configuration: configuration)
        }
        let path: String
        do {
            path = try databasePath()
        } catch {
            throw CLIError("impossible de créer le dossier des données : \(error)", exitCode: 1)
        }
        return StorageBackend(sqlite: try openDatabase(metrics: metrics), path: path)
    }

    /// Refuses, in French, a command that only SQLite supports when PostgreSQL is chosen.
    func requireSQLite(for command: String, advice: String) throws(CLIError) {
        guard resolvedDatabaseURL() == nil else {
            throw CLIError("« guichet \(command) » ne concerne que la base SQLite ; avec PostgreSQL, \(advice)")
        }
    }
}
