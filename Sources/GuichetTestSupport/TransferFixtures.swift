public import GuichetStorage
internal import GuichetServices

/// A small deployment to move between databases: the fixture dossier, two private files (one with two
/// attachments) and rate-limit counters.
public enum TransferFixtures {
    /// The lookup ID of the file with attachments.
    public static let fileID = PrivateFileStoreContract.fileID(900)
    /// Its sealed answers.
    public static let answers = PrivateFileStoreContract.pseudoRandomBytes(count: 700, seed: 900)

    /// Fills an empty database through its stores.
    public static func fill(
        store: any DossierStore & ContentIndex, search: any SearchIndex, files: any PrivateFileStore & RateLimitCounter
    ) async throws {
        _ = try await IndexedDossier.make(store: store, search: search)
        _ = try await files.create(fileID, keyID: 3, sealedAnswers: answers, now: 1_700_000_000)
        try await files.putAttachment(
            PrivateFileStoreContract.pseudoRandomBytes(count: 50_000, seed: 901), slot: 0, of: fileID, limit: 1 << 20,
            now: 1_700_000_100)
        // Every byte value, and bytes that are not UTF-8.
        try await files.putAttachment((0...255).map { UInt8($0) } + [0xFF, 0xFE, 0x00], slot: 4, of: fileID, limit: 1 << 20, now: 1_700_000_200)
        _ = try await files.create(PrivateFileStoreContract.fileID(901), keyID: 0, sealedAnswers: [], now: 1_600_000_000)
        for now in [1_700_000_000, 1_700_000_001, 1_700_000_002] as [Int64] {
            _ = try await files.hit(key: "clé-ß-😀", window: 60, now: now)
        }
        _ = try await files.hit(key: "other", window: 3_600, now: -7_200)
    }

    /// Every row of every moved table, read through `TableTransfer`, by table name.
    public static func rows(of database: any TableTransfer) async throws -> [String: [[TransferValue]]] {
        let tables = try await database.transferTables()
        let collected = Collected()
        try await database.exportRows(of: tables) { table, values in collected.append(table.name, values) }
        var byTable = collected.rows
        for table in tables where byTable[table.name] == nil { byTable[table.name] = [] }
        var columns: [String: [[TransferValue]]] = [:]
        for table in tables { columns["columns:" + table.name] = [table.columns.map(TransferValue.text)] }
        return byTable.merging(columns) { rows, _ in rows }
    }

    /// Rows gathered by a sink that is called serially.
    final class Collected: @unchecked Sendable {
        var rows: [String: [[TransferValue]]] = [:]

        func append(_ table: String, _ values: [TransferValue]) {
            rows[table, default: []].append(values)
        }
    }
}

extension TransferFixtures {
    /// The number of data rows in what ``rows(of:)`` returned.
    public static func rowCount(_ rows: [String: [[TransferValue]]]) -> Int {
        rows.filter { !$0.key.hasPrefix("columns:") }.values.reduce(0) { $0 + $1.count }
    }
}
