/// The shape of one table as a backend reports it, normalised so that two backends can be compared: the same
/// tables with the same columns is what lets a deployment move between them.
public struct TableShape: Sendable, Hashable, CustomStringConvertible {
    /// The table's name.
    public let name: String
    /// Its columns, by name.
    public let columns: [ColumnShape]

    /// A table named `name` with `columns` (sorted by name).
    public init(name: String, columns: [ColumnShape]) {
        self.name = name
        self.columns = columns.sorted { $0.name < $1.name }
    }

    /// `name(column kind, …)`, for test failures.
    public var description: String { "\(name)(\(columns.map(\.description).joined(separator: ", ")))" }
}

/// One column of a ``TableShape``.
public struct ColumnShape: Sendable, Hashable, CustomStringConvertible {
    /// The storage class of a column, whatever the backend calls it.
    public enum Kind: String, Sendable, Hashable {
        /// SQLite `INTEGER`; PostgreSQL `BIGINT`, `INTEGER`, `SMALLINT`.
        case integer
        /// `TEXT` in both.
        case text
        /// SQLite `BLOB`; PostgreSQL `BYTEA`.
        case bytes
        /// Anything else (an FTS5 column, a `tsvector`).
        case other
    }

    /// The column's name.
    public let name: String
    /// Its storage class.
    public let kind: Kind
    /// Whether it accepts NULL (a primary-key column never does).
    public let isNullable: Bool

    /// A column.
    public init(name: String, kind: Kind, isNullable: Bool) {
        self.name = name
        self.kind = kind
        self.isNullable = isNullable
    }

    /// `name kind` with `?` when nullable.
    public var description: String { "\(name) \(kind.rawValue)\(isNullable ? "?" : "")" }
}
