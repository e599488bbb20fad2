/// The one error every store throws, whatever its backend.
///
/// Adapters map their driver's errors (GRDB, PostgresNIO) into this type, so that no driver error
/// crosses the storage boundary. `underlying` keeps the original for logs; it is never shown to users.
public struct StorageError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in terms the rest of the application can act upon.
    public enum Code: String, Sendable, Equatable {
        /// The requested record does not exist.
        case notFound
        /// A write contradicts what is stored (duplicate key, stale version).
        case conflict
        /// The database cannot be reached or is busy beyond the configured wait.
        case unavailable
        /// Stored data fails an integrity check.
        case corrupted
    }

    public let code: Code
    public let underlying: (any Error)?

    public init(_ code: Code, underlying: (any Error)? = nil) {
        self.code = code
        self.underlying = underlying
    }

    public var description: String {
        underlying.map { "StorageError.\(code.rawValue): \($0)" } ?? "StorageError.\(code.rawValue)"
    }
}
