public import Foundation
public import GuichetStorage
public import Logging
public import GuichetPostgres

/// The PostgreSQL server the tests may use: `GUICHET_TEST_POSTGRES_URL` (for example
/// `postgres://guichet:guichet@127.0.0.1:55432/guichet`, as printed by `scripts/ci-postgres`). Without it, the
/// PostgreSQL suites are disabled and the rest of `swift test` runs as usual.
public enum PostgresTestEnvironment {
    public static let url: String? = ProcessInfo.processInfo.environment["GUICHET_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    public static var isConfigured: Bool { url != nil }

    public static let quietLogger = Logger(label: "guichet.test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A configuration of the test server in a schema of its own, so that tests run in parallel and every run
    /// starts from nothing.
    public static func configuration(schema: String = uniqueSchema()) throws -> PostgresConfiguration {
        guard let url else { throw StorageError(.unavailable) }
        var configuration = try PostgresConfiguration(url: url)
        configuration.schema = schema
        configuration.maximumConnections = 4
        return configuration
    }

    public static func uniqueSchema() -> String {
        "guichet_test_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }
}

/// Runs `body` with a migrated database in a new schema, with its pool running; drops the schema afterwards.
public func withPostgres<T: Sendable>(
    schema: String = PostgresTestEnvironment.uniqueSchema(), dropSchema: Bool = true,
    _ body: @Sendable (PostgresDatabase) async throws -> T
) async throws -> T {
    let database = PostgresDatabase(
        configuration: try PostgresTestEnvironment.configuration(schema: schema), logger: PostgresTestEnvironment.quietLogger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await database.run() }
        defer { group.cancelAll() }
        do {
            try await database.migrate()
            let value = try await body(database)
            if dropSchema { try await database.dropSchema() }
            return value
        } catch {
            if dropSchema { try? await database.dropSchema() }
            throw error
        }
    }
}
