import Testing
import GuichetStorage
@testable import GuichetPostgres

@Suite("PostgreSQL URLs")
struct PostgresConfigurationTests {
    @Test("a full URL gives every setting; the password never shows in the description")
    func fullURL() throws {
        let configuration = try PostgresConfiguration(
            url: "postgres://gui%40chet:p%2Fss@db.internal:6543/guichet_prod?sslmode=require&schema=node_a&pool_max=8")
        #expect(configuration.host == "db.internal")
        #expect(configuration.port == 6543)
        #expect(configuration.username == "gui@chet")
        #expect(configuration.password == "p/ss")
        #expect(configuration.database == "guichet_prod")
        #expect(configuration.tls == .require)
        #expect(configuration.schema == "node_a")
        #expect(configuration.maximumConnections == 8)
        #expect(!configuration.redactedDescription.contains("p/ss") && !configuration.redactedDescription.contains("p%2Fss"))
    }

    @Test("defaults: port 5432, database named after the user, no TLS on loopback")
    func defaults() throws {
        let configuration = try PostgresConfiguration(url: "postgresql://guichet@127.0.0.1")
        #expect(configuration.port == 5432)
        #expect(configuration.database == "guichet")
        #expect(configuration.password == nil)
        #expect(configuration.tls == .disable)
        #expect(configuration.schema == nil)
    }

    @Test(
        "invalid URLs are refused as .unavailable",
        arguments: [
            "", "sqlite:///tmp/x", "postgres://", "postgres://127.0.0.1/db", "postgres://u@:5432/db",
            "postgres://u@h/db?sslmode=sometimes", "postgres://u@h/db?schema=Robert%27);DROP", "postgres://u@h/db?schema=1abc",
            "postgres://u@h/db?pool_max=0",
        ])
    func invalid(_ url: String) {
        #expect(throws: StorageError.self) { try PostgresConfiguration(url: url) }
    }

}
