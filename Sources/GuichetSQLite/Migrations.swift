internal import GRDB

extension SQLiteDatabase {
    /// The schema, as immutable SQL migrations: once merged, a migration is never edited — add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("0001_create_dossier") { db in
            try db.execute(
                sql: """
                    CREATE TABLE content_file (
                        path TEXT PRIMARY KEY NOT NULL,
                        fingerprint TEXT NOT NULL
                    );
                    CREATE TABLE section (
                        id TEXT PRIMARY KEY NOT NULL,
                        numeral TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        title TEXT NOT NULL,
                        subtitle TEXT NOT NULL,
                        summary TEXT NOT NULL,
                        body_markdown TEXT NOT NULL,
                        body_html TEXT NOT NULL,
                        body_text TEXT NOT NULL,
                        updated TEXT NOT NULL,
                        source_path TEXT NOT NULL
                    );
                    CREATE TABLE tag (
                        id TEXT PRIMARY KEY NOT NULL,
                        label TEXT NOT NULL
                    );
                    CREATE TABLE item (
                        slug TEXT PRIMARY KEY NOT NULL,
                        title TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        date TEXT NOT NULL,
                        updated TEXT NOT NULL,
                        summary TEXT NOT NULL,
                        body_markdown TEXT NOT NULL,
                        body_html TEXT NOT NULL,
                        body_text TEXT NOT NULL,
                        sources_json TEXT NOT NULL,
                        related_json TEXT NOT NULL,
                        source_path TEXT NOT NULL
                    );
                    CREATE INDEX item_by_date ON item(date DESC, slug);
                    CREATE INDEX item_by_source ON item(source_path);
                    CREATE TABLE item_section (
                        item_slug TEXT NOT NULL REFERENCES item(slug) ON DELETE CASCADE,
                        section_id TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        PRIMARY KEY (item_slug, section_id)
                    ) WITHOUT ROWID;
                    CREATE INDEX item_section_by_section ON item_section(section_id);
                    CREATE TABLE item_tag (
                        item_slug TEXT NOT NULL REFERENCES item(slug) ON DELETE CASCADE,
                        tag_id TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        PRIMARY KEY (item_slug, tag_id)
                    ) WITHOUT ROWID;
                    CREATE INDEX item_tag_by_tag ON item_tag(tag_id);
                    CREATE TABLE search_document (
                        id INTEGER PRIMARY KEY,
                        target_kind TEXT NOT NULL,
                        slug TEXT NOT NULL,
                        title TEXT NOT NULL,
                        date TEXT NOT NULL,
                        item_kind TEXT,
                        UNIQUE (target_kind, slug)
                    );
                    CREATE VIRTUAL TABLE search_fts USING fts5(
                        title, summary, body, keywords,
                        tokenize = 'guichet_french'
                    );
                    INSERT INTO search_fts (search_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 2.0)');
                    """
            )
        }
        migrator.registerMigration("0002_create_private_file") { db in
            try db.execute(
                sql: """
                    CREATE TABLE private_file (
                        id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 64),
                        key_id INTEGER NOT NULL CHECK (key_id BETWEEN 0 AND 255),
                        sealed_answers BLOB NOT NULL,
                        created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL,
                        version INTEGER NOT NULL CHECK (version >= 1)
                    );
                    CREATE INDEX private_file_by_updated ON private_file(updated_at);
                    CREATE TABLE private_file_attachment (
                        file_id TEXT NOT NULL REFERENCES private_file(id) ON DELETE CASCADE,
                        slot INTEGER NOT NULL CHECK (slot >= 0),
                        byte_count INTEGER NOT NULL CHECK (byte_count >= 0),
                        sealed BLOB NOT NULL,
                        updated_at INTEGER NOT NULL,
                        PRIMARY KEY (file_id, slot)
                    );
                    CREATE TABLE rate_limit (
                        key TEXT NOT NULL,
                        window_length INTEGER NOT NULL CHECK (window_length > 0),
                        window_start INTEGER NOT NULL,
                        window_end INTEGER NOT NULL,
                        hits INTEGER NOT NULL CHECK (hits >= 1),
                        PRIMARY KEY (key, window_length, window_start)
                    ) WITHOUT ROWID;
                    CREATE INDEX rate_limit_by_end ON rate_limit(window_end);
                    """
            )
        }
        return migrator
    }
}
