public import GuichetStorage
internal import GRDB

extension SQLiteDatabase {
    /// Copies the whole database into a new file at `path` with SQLite's online backup API.
    ///
    /// Safe while the server runs: the copy is read from one consistent snapshot (a read transaction of
    /// the WAL), and writers are not blocked. The copy is checked with `PRAGMA integrity_check`.
    public func backup(to path: String) async throws(StorageError) {
        do {
            let destination = try DatabaseQueue(path: path)
            try writer.backup(to: destination)
            let verdict = try await destination.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            guard verdict == ["ok"] else { throw StorageError(.corrupted) }
            try destination.close()
        } catch {
            throw Self.map(error)
        }
    }

    /// Replaces this database's content with the backup at `path`, after checking that the backup is sound
    /// and made by a version of guichet that this one knows (its migrations are all known here).
    ///
    /// Meant for a stopped server: other processes writing meanwhile would see their work replaced.
    public func restore(from path: String) async throws(StorageError) {
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let source = try DatabaseQueue(path: path, configuration: configuration)
            let (verdict, applied) = try await source.read { db in
                (
                    try String.fetchAll(db, sql: "PRAGMA integrity_check"),
                    try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                )
            }
            guard verdict == ["ok"] else { throw StorageError(.corrupted) }
            guard Set(applied).isSubset(of: Set(Self.migrationIdentifiers)), !applied.isEmpty else {
                throw StorageError(.conflict)
            }
            try source.backup(to: writer)
            try source.close()
            try Self.migrator.migrate(writer)
        } catch {
            throw Self.map(error)
        }
    }
}
