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
        migrator.registerMigration("0003_create_help_desk") { db in
            try db.execute(
                sql: """
                    CREATE TABLE organisation (
                        id TEXT PRIMARY KEY NOT NULL,
                        slug TEXT NOT NULL UNIQUE,
                        name TEXT NOT NULL,
                        wrapped_data_key BLOB NOT NULL,
                        master_key_id INTEGER NOT NULL CHECK (master_key_id BETWEEN 0 AND 255),
                        retention_months INTEGER NOT NULL CHECK (retention_months >= 1),
                        created_at INTEGER NOT NULL
                    );
                    CREATE TABLE account (
                        id TEXT PRIMARY KEY NOT NULL,
                        organisation_id TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
                        email_lookup TEXT NOT NULL UNIQUE,
                        sealed_profile BLOB NOT NULL,
                        role TEXT NOT NULL,
                        status TEXT NOT NULL,
                        password_hash TEXT,
                        sealed_totp_secret BLOB,
                        last_totp_step INTEGER NOT NULL,
                        failed_logins INTEGER NOT NULL,
                        locked_until INTEGER NOT NULL,
                        calendar_token_hash TEXT UNIQUE,
                        created_at INTEGER NOT NULL,
                        version INTEGER NOT NULL CHECK (version >= 1)
                    );
                    CREATE INDEX account_by_organisation ON account(organisation_id, created_at);
                    CREATE TABLE invitation (
                        token_hash TEXT PRIMARY KEY NOT NULL,
                        account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                        organisation_id TEXT NOT NULL,
                        expires_at INTEGER NOT NULL
                    );
                    CREATE TABLE desk_session (
                        id_hash TEXT PRIMARY KEY NOT NULL,
                        account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                        organisation_id TEXT NOT NULL,
                        is_complete INTEGER NOT NULL,
                        created_at INTEGER NOT NULL,
                        last_seen_at INTEGER NOT NULL
                    );
                    CREATE INDEX desk_session_by_account ON desk_session(account_id);
                    CREATE INDEX desk_session_by_seen ON desk_session(last_seen_at);
                    CREATE TABLE case_counter (
                        organisation_id TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
                        year INTEGER NOT NULL,
                        last_number INTEGER NOT NULL,
                        PRIMARY KEY (organisation_id, year)
                    ) WITHOUT ROWID;
                    CREATE TABLE help_case (
                        id TEXT PRIMARY KEY NOT NULL,
                        organisation_id TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
                        number TEXT NOT NULL,
                        status TEXT NOT NULL,
                        assignee_id TEXT,
                        department TEXT NOT NULL,
                        verdict TEXT NOT NULL,
                        mandate_until TEXT NOT NULL,
                        mandate_revoked_at INTEGER,
                        sealed_content BLOB NOT NULL,
                        created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL,
                        closed_at INTEGER,
                        version INTEGER NOT NULL CHECK (version >= 1),
                        UNIQUE (organisation_id, number)
                    );
                    CREATE INDEX help_case_by_assignee ON help_case(organisation_id, assignee_id);
                    CREATE INDEX help_case_by_closed ON help_case(organisation_id, closed_at);
                    CREATE TABLE case_deadline (
                        case_id TEXT NOT NULL REFERENCES help_case(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        organisation_id TEXT NOT NULL,
                        rule_id TEXT NOT NULL,
                        due TEXT NOT NULL,
                        PRIMARY KEY (case_id, position)
                    ) WITHOUT ROWID;
                    CREATE INDEX case_deadline_by_due ON case_deadline(organisation_id, due);
                    CREATE TABLE case_attachment (
                        case_id TEXT NOT NULL REFERENCES help_case(id) ON DELETE CASCADE,
                        slot INTEGER NOT NULL CHECK (slot >= 0),
                        byte_count INTEGER NOT NULL CHECK (byte_count >= 0),
                        sealed BLOB NOT NULL,
                        updated_at INTEGER NOT NULL,
                        PRIMARY KEY (case_id, slot)
                    );
                    CREATE TABLE audit_entry (
                        organisation_id TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
                        sequence INTEGER NOT NULL CHECK (sequence >= 1),
                        at INTEGER NOT NULL,
                        actor_id TEXT NOT NULL,
                        action TEXT NOT NULL,
                        case_id TEXT,
                        previous_hash TEXT NOT NULL,
                        hash TEXT NOT NULL,
                        PRIMARY KEY (organisation_id, sequence)
                    ) WITHOUT ROWID;
                    """
            )
        }
        migrator.registerMigration("0004_create_observation_report") { db in
            // A report keeps no time finer than its ISO week and no link to the file or case that made it: its key is
            // random, and the markers that count a file once share no column with it.
            try db.execute(
                sql: """
                    CREATE TABLE observation_report (
                        id TEXT PRIMARY KEY NOT NULL,
                        department TEXT NOT NULL,
                        procedure TEXT NOT NULL,
                        channel TEXT NOT NULL,
                        outcome TEXT NOT NULL,
                        week TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX observation_report_by_cell ON observation_report(department, procedure, week, outcome);
                    CREATE TABLE report_marker (
                        marker TEXT PRIMARY KEY NOT NULL,
                        week TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX report_marker_by_week ON report_marker(week);
                    """
            )
        }
        migrator.registerMigration("0005_create_platform_probe") { db in
            try db.execute(
                sql: """
                    CREATE TABLE platform_probe (
                        platform_id TEXT NOT NULL,
                        at INTEGER NOT NULL,
                        outcome TEXT NOT NULL CHECK (outcome IN ('http', 'erreur', 'robots')),
                        http_status INTEGER CHECK (http_status BETWEEN 100 AND 599),
                        error_class TEXT,
                        duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
                        PRIMARY KEY (platform_id, at)
                    ) WITHOUT ROWID;
                    CREATE INDEX platform_probe_by_at ON platform_probe(at);
                    CREATE TABLE platform_probe_host (
                        host TEXT PRIMARY KEY NOT NULL,
                        last_request_at INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    """
            )
        }
        return migrator
    }
}
