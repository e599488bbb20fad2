public import GuichetStorage
internal import Foundation

/// Where and how to reach PostgreSQL, read from a `postgres://` URL.
///
/// `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=disable|prefer|require`: the port defaults to 5432, the
/// database to the user name, and `sslmode` to `disable` (guichet is meant to reach PostgreSQL on loopback or a
/// private network; say `sslmode=require` to insist on TLS, verified against the system's trust roots). User
/// names and passwords may be percent-encoded. `postgresql://` is accepted as well.
public struct PostgresConfiguration: Sendable, Equatable {
    /// How the connection is protected.
    public enum TLSMode: String, Sendable, Equatable {
        /// Plain TCP: loopback and private networks.
        case disable
        /// TLS if the server offers it, plain TCP otherwise.
        case prefer
        /// TLS or no connection; the server's certificate is verified.
        case require
    }

    /// Host name or address.
    public var host: String
    /// TCP port.
    public var port: Int
    /// Role to log in as.
    public var username: String
    /// Its password, if any (never logged).
    public var password: String?
    /// Database name.
    public var database: String
    /// TLS mode (`sslmode` in the URL).
    public var tls: TLSMode
    /// A schema to create and use instead of `public` (first in `search_path`), for tests and for several
    /// deployments sharing one database; `nil` uses the server's default `search_path`.
    public var schema: String?
    /// The most connections each process opens.
    public var maximumConnections: Int

    /// Settings given field by field.
    public init(
        host: String, port: Int = 5432, username: String, password: String?, database: String,
        tls: TLSMode = .disable, schema: String? = nil, maximumConnections: Int = 16
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls
        self.schema = schema
        self.maximumConnections = maximumConnections
    }

    /// Whether `text` names a PostgreSQL database (`postgres://` or `postgresql://`) rather than a SQLite file.
    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads a `postgres://` URL; `.unavailable` with an ``InvalidDatabaseURL`` when it cannot be used.
    public init(url text: String) throws(StorageError) {
        guard Self.isPostgresURL(text), let components = URLComponents(string: text) else {
            throw StorageError(.unavailable, underlying: InvalidDatabaseURL(reason: "not a postgres:// URL"))
        }
        guard let host = components.host, !host.isEmpty else {
            throw StorageError(.unavailable, underlying: InvalidDatabaseURL(reason: "no host"))
        }
        guard let user = components.user?.removingPercentEncoding, !user.isEmpty else {
            throw StorageError(.unavailable, underlying: InvalidDatabaseURL(reason: "no user"))
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else {
            throw StorageError(.unavailable, underlying: InvalidDatabaseURL(reason: "invalid port"))
        }
        var path = components.path
        if path.hasPrefix("/") { path.removeFirst() }
        var tls = TLSMode.disable
        var schema: String?
        var maximumConnections = 16
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                switch item.value ?? "" {
                case "disable", "allow": tls = .disable
                case "prefer": tls = .prefer
                case "require", "verify-ca", "verify-full": tls = .require
                default: throw StorageError(.unavailable, underlying: InvalidDatabaseURL(reason: "unknown sslmode"))
                }
            case "schema":
                guard let value = item.value, Self.isPlainIdentifier(value) else {
                    throw StorageError(.unavailable, underlying: InvalidDatabaseURL(reason: "invalid schema name"))
                }
                schema = value
            case "pool_max", "max_connections":
                guard let value = item.value.flatMap(Int.init), (1...1000).contains(value) else {
                    throw StorageError(.unavailable, underlying: InvalidDatabaseURL(reason: "invalid pool size"))
                }
                maximumConnections = value
            default:
                // Other libpq parameters (application_name, connect_timeout…) are accepted and ignored.
                continue
            }
        }
        self.init(
            host: host, port: port, username: user, password: components.password?.removingPercentEncoding,
            database: path.isEmpty ? user : (path.removingPercentEncoding ?? path), tls: tls, schema: schema,
            maximumConnections: maximumConnections)
    }

    /// The URL without its password, for logs and messages.
    public var redactedDescription: String {
        var text = "postgres://\(username)@\(host):\(port)/\(database)"
        if tls != .disable { text += "?sslmode=\(tls.rawValue)" }
        if let schema { text += (tls == .disable ? "?" : "&") + "schema=\(schema)" }
        return text
    }

    /// Lowercase ASCII letters, digits and `_`, not starting with a digit, at most 63 bytes: safe to put in SQL
    /// as an identifier without quoting tricks.
    static func isPlainIdentifier(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= 63, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return false }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }
}

/// Why a database URL was refused (no secret in the reason).
public struct InvalidDatabaseURL: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in English, for logs.
    public let reason: String

    /// A refusal for `reason`.
    public init(reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { "invalid database URL: \(reason)" }
}
