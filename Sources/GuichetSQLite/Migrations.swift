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
        return migrator
    }
}
