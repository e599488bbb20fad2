public import GuichetCore
public import GuichetStorage
internal import PostgresNIO
internal import Foundation

/// The dossier on PostgreSQL: reads for the site, and the incremental writes of the content indexer.
///
/// Writes take a transaction-level advisory lock, so that two nodes indexing the same content at start write
/// one after the other; each write replaces by path, so the second one leaves the same rows.
public struct PostgresDossierStore: DossierStore, ContentIndex {
    let database: PostgresDatabase

    /// A store over `database` (migrated beforehand with ``PostgresDatabase/migrate()``).
    public init(database: PostgresDatabase) {
        self.database = database
    }

    // MARK: Reading

    public func sections() async throws(StorageError) -> [SectionRecord] {
        let rows = try await database.rows(PostgresQuery(unsafeSQL: Self.sectionSelect + " ORDER BY s.position, s.id COLLATE \"C\""))
        return try Self.decode { try rows.map(Self.sectionRecord) }
    }

    public func section(_ id: Section.ID) async throws(StorageError) -> SectionRecord? {
        var binds = PostgresBindings()
        binds.append(id.rawValue)
        let rows = try await database.rows(PostgresQuery(unsafeSQL: Self.sectionSelect + " WHERE s.id = $1", binds: binds))
        return try Self.decode { try rows.first.map(Self.sectionRecord) }
    }

    public func items(_ filter: ItemFilter, offset: Int, limit: Int) async throws(StorageError) -> ResultPage<Item> {
        var clauses: [String] = []
        var binds = PostgresBindings()
        if let section = filter.section {
            binds.append(section.rawValue)
            clauses.append("i.slug IN (SELECT item_slug FROM item_section WHERE section_id = $\(binds.count))")
        }
        if let tag = filter.tag {
            binds.append(tag.rawValue)
            clauses.append("i.slug IN (SELECT item_slug FROM item_tag WHERE tag_id = $\(binds.count))")
        }
        let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        let countRows = try await database.rows(PostgresQuery(unsafeSQL: "SELECT count(*) FROM item i" + whereClause, binds: binds))
        binds.append(max(0, limit))
        binds.append(max(0, offset))
        let rows = try await database.rows(
            PostgresQuery(
                unsafeSQL: Self.itemSelect + whereClause
                    + " ORDER BY i.date DESC, i.slug COLLATE \"C\" LIMIT $\(binds.count - 1) OFFSET $\(binds.count)",
                binds: binds))
        return try Self.decode {
            let total = try countRows.first?.decode(Int.self) ?? 0
            return ResultPage(elements: try rows.map { try Self.item(from: $0) }, total: total, offset: offset, limit: limit)
        }
    }

    public func item(_ id: Item.ID) async throws(StorageError) -> ItemRecord? {
        var binds = PostgresBindings()
        binds.append(id.rawValue)
        let rows = try await database.rows(PostgresQuery(unsafeSQL: Self.itemSelect + " WHERE i.slug = $1", binds: binds))
        return try Self.decode {
            guard let row = rows.first else { return nil }
            let columns = row.makeRandomAccess()
            return ItemRecord(
                item: try Self.item(from: row), bodyHTML: try columns["body_html"].decode(String.self),
                bodyText: try columns["body_text"].decode(String.self))
        }
    }

    public func items(ids: [Item.ID]) async throws(StorageError) -> [Item] {
        guard !ids.isEmpty else { return [] }
        var binds = PostgresBindings()
        binds.append(ids.map(\.rawValue))
        let rows = try await database.rows(PostgresQuery(unsafeSQL: Self.itemSelect + " WHERE i.slug = ANY($1::text[])", binds: binds))
        let items = try Self.decode { try rows.map { try Self.item(from: $0) } }
        var bySlug: [String: Item] = [:]
        for item in items { bySlug[item.id.rawValue] = item }
        return ids.compactMap { bySlug[$0.rawValue] }
    }

    public func itemsRelated(to id: Item.ID, excluding: Set<Item.ID>, limit: Int) async throws(StorageError) -> [Item] {
        var binds = PostgresBindings()
        binds.append(id.rawValue)
        binds.append(max(0, limit + excluding.count))
        let rows = try await database.rows(
            PostgresQuery(
                unsafeSQL: """
                    SELECT i.*, \(Self.itemArrays) FROM (
                        SELECT theirs.item_slug AS slug, count(*) AS shared FROM item_tag mine
                        JOIN item_tag theirs ON theirs.tag_id = mine.tag_id AND theirs.item_slug <> mine.item_slug
                        WHERE mine.item_slug = $1
                        GROUP BY theirs.item_slug
                    ) AS related
                    JOIN item i ON i.slug = related.slug
                    ORDER BY related.shared DESC, i.date DESC, i.slug COLLATE "C" LIMIT $2
                    """, binds: binds))
        let items = try Self.decode { try rows.map { try Self.item(from: $0) } }
        return Array(items.filter { !excluding.contains($0.id) }.prefix(limit))
    }

    public func tags() async throws(StorageError) -> [TagUsage] {
        // SQLite orders by `label COLLATE NOCASE`, which folds ASCII letters only: `lower()` under the "C"
        // collation does the same here, whatever the database's locale.
        let rows = try await database.rows(
            """
            SELECT t.id, t.label, count(it.item_slug) AS n FROM tag t
            JOIN item_tag it ON it.tag_id = t.id GROUP BY t.id, t.label
            ORDER BY lower(t.label COLLATE "C"), t.id COLLATE "C"
            """)
        return try Self.decode {
            try rows.compactMap { row in
                let (id, label, count) = try row.decode((String, String, Int).self)
                return Slug(id).map { TagUsage(tag: Tag(id: $0, label: label), itemCount: count) }
            }
        }
    }

    public func tag(_ id: Tag.ID) async throws(StorageError) -> Tag? {
        let rows = try await database.rows("SELECT label FROM tag WHERE id = \(id.rawValue)")
        return try Self.decode { try rows.first.map { Tag(id: id, label: try $0.decode(String.self)) } }
    }

    public func lastUpdated() async throws(StorageError) -> LocalDate? {
        let rows = try await database.rows(
            "SELECT max(u) FROM (SELECT max(updated) AS u FROM item UNION ALL SELECT max(updated) FROM section) AS dates")
        return try Self.decode { try rows.first?.decode(String?.self).flatMap { LocalDate(iso: $0) } }
    }

    // MARK: Indexing

    public func indexedFiles() async throws(StorageError) -> [ContentFileState] {
        let rows = try await database.rows("SELECT path, fingerprint FROM content_file ORDER BY path COLLATE \"C\"")
        return try Self.decode {
            try rows.map { row in
                let (path, fingerprint) = try row.decode((String, String).self)
                return ContentFileState(path: path, fingerprint: fingerprint)
            }
        }
    }

    public func apply(_ changes: ContentChangeSet) async throws(StorageError) {
        guard !changes.isEmpty else { return }
        let sendable = SendableChangeSet(changes)
        let logger = database.logger
        try await database.transaction { connection in
            let changes = sendable.value
            // Held until commit: a second node indexing at the same time waits here, then replaces the same rows.
            try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresDatabase.contentLock))", logger: logger)
            let writer = Writer(connection: connection, logger: logger)
            for path in changes.removedPaths {
                try await writer.remove(path: path)
            }
            if let (file, tags) = changes.tags {
                try await writer.execute("DELETE FROM tag")
                if !tags.isEmpty {
                    try await writer.execute(
                        """
                        INSERT INTO tag (id, label) SELECT * FROM unnest(\(tags.map(\.id.rawValue))::text[], \(tags.map(\.label))::text[])
                        ON CONFLICT (id) DO NOTHING
                        """)
                }
                try await writer.record(file)
            }
            for (file, record) in changes.sections {
                try await writer.remove(path: file.path)
                try await writer.insert(record, path: file.path)
                try await writer.record(file)
            }
            for (file, record) in changes.items {
                try await writer.remove(path: file.path)
                try await writer.insert(record, path: file.path)
                try await writer.record(file)
            }
        }
    }
}

/// The change set crosses into the transaction closure; its tuples hold only `Sendable` values.
private struct SendableChangeSet: @unchecked Sendable {
    let value: ContentChangeSet
    init(_ value: ContentChangeSet) { self.value = value }
}

extension PostgresDossierStore {
    static let sectionSelect = """
        SELECT s.*, (SELECT count(*) FROM item_section x WHERE x.section_id = s.id) AS item_count FROM section s
        """

    /// The item's sections and tags in their editorial order, fetched with the row.
    static let itemArrays = """
        ARRAY(SELECT section_id FROM item_section x WHERE x.item_slug = i.slug ORDER BY x.position) AS section_ids,
        ARRAY(SELECT tag_id FROM item_tag x WHERE x.item_slug = i.slug ORDER BY x.position) AS tag_ids
        """

    static let itemSelect = "SELECT i.*, \(itemArrays) FROM item i"

    /// Runs row decoding; a row that does not decode is `.corrupted`.
    static func decode<T>(_ body: () throws -> T) throws(StorageError) -> T {
        do {
            return try body()
        } catch {
            throw StorageError(.corrupted, underlying: error)
        }
    }

    static func sectionRecord(_ row: PostgresRow) throws -> SectionRecord {
        let columns = row.makeRandomAccess()
        guard let id = Slug(try columns["id"].decode(String.self)),
            let updated = LocalDate(iso: try columns["updated"].decode(String.self))
        else { throw StorageError(.corrupted) }
        let section = Section(
            id: id, numeral: try columns["numeral"].decode(String.self), order: try columns["position"].decode(Int.self),
            title: try columns["title"].decode(String.self), subtitle: try columns["subtitle"].decode(String.self),
            summary: try columns["summary"].decode(String.self), body: try columns["body_markdown"].decode(String.self),
            updated: updated)
        return SectionRecord(
            section: section, bodyHTML: try columns["body_html"].decode(String.self),
            bodyText: try columns["body_text"].decode(String.self), itemCount: try columns["item_count"].decode(Int.self))
    }

    static func item(from row: PostgresRow) throws -> Item {
        let columns = row.makeRandomAccess()
        guard let id = Slug(try columns["slug"].decode(String.self)),
            let kind = ItemKind(rawValue: try columns["kind"].decode(String.self)),
            let date = LocalDate(iso: try columns["date"].decode(String.self)),
            let updated = LocalDate(iso: try columns["updated"].decode(String.self))
        else { throw StorageError(.corrupted) }
        let decoder = JSONDecoder()
        let sources = try decoder.decode([Item.Source].self, from: Data(try columns["sources_json"].decode(String.self).utf8))
        let related = try decoder.decode([Slug].self, from: Data(try columns["related_json"].decode(String.self).utf8))
        return Item(
            id: id, title: try columns["title"].decode(String.self), kind: kind, date: date, updated: updated,
            sections: try columns["section_ids"].decode([String].self).compactMap(Slug.init),
            tags: try columns["tag_ids"].decode([String].self).compactMap(Slug.init),
            summary: try columns["summary"].decode(String.self), body: try columns["body_markdown"].decode(String.self),
            sources: sources, related: related)
    }

    /// The statements of one indexing transaction, on its connection.
    struct Writer {
        let connection: PostgresConnection
        let logger: Logger

        func execute(_ query: PostgresQuery) async throws {
            try await connection.query(query, logger: logger)
        }

        func remove(path: String) async throws {
            // Search documents go first (their `search_fts` rows follow by cascade), then the records; an item's
            // sections and tags follow the item by cascade.
            try await execute(
                """
                DELETE FROM search_document d
                WHERE (d.target_kind = 'item' AND d.slug IN (SELECT slug FROM item WHERE source_path = \(path)))
                   OR (d.target_kind = 'section' AND d.slug IN (SELECT id FROM section WHERE source_path = \(path)))
                """)
            try await execute("DELETE FROM item WHERE source_path = \(path)")
            try await execute("DELETE FROM section WHERE source_path = \(path)")
            try await execute("DELETE FROM content_file WHERE path = \(path)")
        }

        func record(_ file: ContentFileState) async throws {
            try await execute(
                """
                INSERT INTO content_file (path, fingerprint) VALUES (\(file.path), \(file.fingerprint))
                ON CONFLICT (path) DO UPDATE SET fingerprint = excluded.fingerprint
                """)
        }

        func insert(_ record: SectionRecord, path: String) async throws {
            let s = record.section
            let id = s.id.rawValue
            // A section moved to another file replaces the old row.
            try await execute("DELETE FROM search_document WHERE target_kind = 'section' AND slug = \(id)")
            try await execute("DELETE FROM section WHERE id = \(id)")
            try await execute(
                """
                INSERT INTO section (id, numeral, position, title, subtitle, summary, body_markdown, body_html, body_text,
                updated, source_path) VALUES (\(id), \(s.numeral), \(s.order), \(s.title), \(s.subtitle), \(s.summary),
                \(s.body), \(record.bodyHTML), \(record.bodyText), \(s.updated.iso), \(path))
                """)
            try await insertSearchDocument(
                kind: "section", slug: id, title: "\(s.numeral). \(s.title)", date: s.updated, itemKind: nil,
                summary: s.subtitle + ". " + s.summary, body: record.bodyText)
        }

        func insert(_ record: ItemRecord, path: String) async throws {
            let item = record.item
            let slug = item.id.rawValue
            try await execute("DELETE FROM search_document WHERE target_kind = 'item' AND slug = \(slug)")
            try await execute("DELETE FROM item WHERE slug = \(slug)")
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let sources = String(decoding: try encoder.encode(item.sources), as: UTF8.self)
            let related = String(decoding: try encoder.encode(item.related), as: UTF8.self)
            try await execute(
                """
                INSERT INTO item (slug, title, kind, date, updated, summary, body_markdown, body_html, body_text,
                sources_json, related_json, source_path) VALUES (\(slug), \(item.title), \(item.kind.rawValue),
                \(item.date.iso), \(item.updated.iso), \(item.summary), \(item.body), \(record.bodyHTML),
                \(record.bodyText), \(sources), \(related), \(path))
                """)
            if !item.sections.isEmpty {
                try await execute(
                    """
                    INSERT INTO item_section (item_slug, section_id, position)
                    SELECT \(slug), s.id, s.n - 1 FROM unnest(\(item.sections.map(\.rawValue))::text[]) WITH ORDINALITY AS s (id, n)
                    ON CONFLICT DO NOTHING
                    """)
            }
            if !item.tags.isEmpty {
                try await execute(
                    """
                    INSERT INTO item_tag (item_slug, tag_id, position)
                    SELECT \(slug), t.id, t.n - 1 FROM unnest(\(item.tags.map(\.rawValue))::text[]) WITH ORDINALITY AS t (id, n)
                    ON CONFLICT DO NOTHING
                    """)
            }
            try await insertSearchDocument(
                kind: "item", slug: slug, title: item.title, date: item.date, itemKind: item.kind.rawValue,
                summary: item.summary, body: record.bodyText)
        }

        /// One search document and its weighted vector: title A, summary B, tags C, body D (the weights of
        /// SQLite's bm25: 10, 4, 2, 1). An item's keywords are the labels of its tags.
        func insertSearchDocument(
            kind: String, slug: String, title: String, date: LocalDate, itemKind: String?, summary: String, body: String
        ) async throws {
            try await execute(
                """
                WITH document AS (
                    INSERT INTO search_document (target_kind, slug, title, date, item_kind)
                    VALUES (\(kind), \(slug), \(title), \(date.iso), \(itemKind))
                    RETURNING id
                ), words AS (
                    SELECT \(title)::text AS title, \(summary)::text AS summary, \(body)::text AS body,
                        coalesce((
                            SELECT string_agg(t.label, ' ' ORDER BY x.position) FROM item_tag x JOIN tag t ON t.id = x.tag_id
                            WHERE \(kind) = 'item' AND x.item_slug = \(slug)
                        ), '') AS keywords
                )
                INSERT INTO search_fts (document_id, title, summary, body, keywords, vector)
                SELECT document.id, words.title, words.summary, words.body, words.keywords,
                    setweight(guichet_search_vector(words.title), 'A') || setweight(guichet_search_vector(words.summary), 'B')
                    || setweight(guichet_search_vector(words.body), 'D') || setweight(guichet_search_vector(words.keywords), 'C')
                FROM document, words
                """)
        }
    }
}
