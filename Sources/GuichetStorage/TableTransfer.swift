/// One value of a row being moved between databases: the four storage classes both backends share.
public enum TransferValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)
    case bytes([UInt8])
}

/// A table as it is moved between databases: its name and the columns that carry data (derived columns, such as
/// PostgreSQL's `tsvector`, are rebuilt on import and not moved).
public struct TransferTable: Sendable, Hashable {
    /// The table's name.
    public let name: String
    /// The columns moved, in the order of each row's values.
    public let columns: [String]

    /// A table and its moved columns.
    public init(name: String, columns: [String]) {
        self.name = name
        self.columns = columns
    }

    /// Every table of a deployment, in an order where each table comes after the tables it references. A table
    /// created by a later migration is added here in the same change.
    public static let deploymentOrder = [
        "content_file", "section", "tag", "item", "item_section", "item_tag", "search_document", "search_fts",
        "private_file", "private_file_attachment", "rate_limit", "organisation", "account", "invitation", "desk_session",
        "case_counter", "help_case", "case_deadline", "case_attachment", "audit_entry", "observation_report",
        "report_marker", "platform_probe", "platform_probe_host",
    ]

    /// The primary key of each table of ``deploymentOrder``: rows are exported in this order (text compared
    /// byte by byte), so that both backends write the same file for the same data.
    public static let primaryKeys: [String: [String]] = [
        "content_file": ["path"], "section": ["id"], "tag": ["id"], "item": ["slug"],
        "item_section": ["item_slug", "section_id"], "item_tag": ["item_slug", "tag_id"], "search_document": ["id"],
        "search_fts": ["document_id"], "private_file": ["id"], "private_file_attachment": ["file_id", "slot"],
        "rate_limit": ["key", "window_length", "window_start"], "organisation": ["id"], "account": ["id"],
        "invitation": ["token_hash"], "desk_session": ["id_hash"], "case_counter": ["organisation_id", "year"],
        "help_case": ["id"], "case_deadline": ["case_id", "position"], "case_attachment": ["case_id", "slot"],
        "audit_entry": ["organisation_id", "sequence"], "observation_report": ["id"], "report_marker": ["marker"],
        "platform_probe": ["platform_id", "at"], "platform_probe_host": ["host"],
    ]

    /// Whether `name` is a plain lowercase SQL identifier (letters, digits, `_`): table and column names read
    /// from an export file are checked with it before they reach SQL.
    public static func isPlainName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(0x30...0x39).contains(first) else { return false }
        return name.utf8.allSatisfy { (0x61...0x7A).contains($0) || $0 == 0x5F || (0x30...0x39).contains($0) }
    }
}

/// Why an import was refused: the target database already holds data.
public struct DatabaseNotEmpty: Error, Sendable, Equatable, CustomStringConvertible {
    /// A table found not empty.
    public let table: String

    /// The refusal, naming `table`.
    public init(table: String) {
        self.table = table
    }

    /// The table.
    public var description: String { "the database is not empty (\(table))" }
}

/// Reads and writes whole tables, so that a deployment can move between backends (`guichet export` and
/// `guichet import`). Every backend moves the same tables with the same columns (see the schema parity test).
public protocol TableTransfer: Sendable {
    /// The identifiers of the migrations applied to this database, in order.
    func appliedMigrations() async throws(StorageError) -> [String]

    /// The tables of ``TransferTable/deploymentOrder`` that exist here, with the columns to move.
    func transferTables() async throws(StorageError) -> [TransferTable]

    /// Reads every row of `tables`, table by table in the order given, rows in primary-key order, all from one
    /// snapshot of the database (writers may go on meanwhile). `sink` receives each row's values in the order
    /// of the table's columns; an error it throws stops the export.
    func exportRows(of tables: [TransferTable], into sink: @escaping @Sendable (TransferTable, [TransferValue]) throws -> Void)
        async throws(StorageError)

    /// Inserts the rows that `next` hands out until it returns `nil`, in one transaction, and rebuilds what is
    /// derived from them (the search vectors). `.conflict` when the database already holds a dossier, a private
    /// file or a rate-limit counter: import goes into a new, migrated database. Returns the rows written per table.
    func importRows(from next: @escaping @Sendable () throws -> (TransferTable, [TransferValue])?)
        async throws(StorageError) -> [String: Int]
}
