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

    public func itemRecords(ids: [Item.ID]) async throws(StorageError) -> [ItemRecord] {
        guard !ids.isEmpty else { return [] }
        var binds = PostgresBindings()
        binds.append(ids.map(\.rawValue))
        let rows = try await database.rows(PostgresQuery(unsafeSQL: Self.itemSelect + " WHERE i.slug = ANY($1::text[])", binds: binds))
        let records = try Self.decode {
            try rows.map { row in
                let columns = row.makeRandomAccess()
                return ItemRecord(
                    item: try Self.item(from: row), bodyHTML: try columns["body_html"].decode(String.self),
                    bodyText: try columns["body_text"].decode(String.self))
            }
        }
        var bySlug: [String: ItemRecord] = [:]
        for record in records { bySlug[record.item.id.rawValue] = record }
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

    public func ping() async throws(StorageError) {
        _ = try await database.rows("SELECT 1")
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
        let rows = try Self.decodeEncoding { try ChangeRows(changes) }
        let logger = database.logger
        try await database.transaction { connection in
            // Held until commit: a second node indexing at the same time waits here, then replaces the same rows.
            try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresDatabase.contentLock))", logger: logger)
            try await rows.write(on: connection, logger: logger)
        }
    }
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

    /// Runs the encoding of records into rows; a record that cannot be encoded is `.corrupted`.
    static func decodeEncoding<T>(_ body: () throws -> T) throws(StorageError) -> T {
        do {
            return try body()
        } catch {
            throw StorageError(.corrupted, underlying: error)
        }
    }
}

/// One indexing change set as columns, written with a fixed number of set-based statements whatever its size:
/// the same result as replacing file by file (what the SQLite store does), in a few round trips.
struct ChangeRows: Sendable {
    /// Every path whose records are removed or replaced.
    var paths: [String] = []
    var fingerprints: [String] = []
    var recordedPaths: [String] = []
    var tags: (ids: [String], labels: [String])?
    var sections = SectionColumns()
    var items = ItemColumns()
    var links = (itemSlugs: [String](), sectionIDs: [String](), sectionPositions: [Int](), tagSlugs: [String](), tagIDs: [String](), tagPositions: [Int]())
    var search = SearchColumns()

    struct SectionColumns: Sendable {
        var id: [String] = [], numeral: [String] = [], position: [Int] = [], title: [String] = [], subtitle: [String] = []
        var summary: [String] = [], body: [String] = [], html: [String] = [], text: [String] = [], updated: [String] = []
        var path: [String] = []
    }

    struct ItemColumns: Sendable {
        var slug: [String] = [], title: [String] = [], kind: [String] = [], date: [String] = [], updated: [String] = []
        var summary: [String] = [], body: [String] = [], html: [String] = [], text: [String] = [], sources: [String] = []
        var related: [String] = [], path: [String] = []
    }

    struct SearchColumns: Sendable {
        var kind: [String] = [], slug: [String] = [], title: [String] = [], date: [String] = [], itemKind: [String] = []
        var summary: [String] = [], body: [String] = []
    }

    init(_ changes: ContentChangeSet) throws {
        paths = changes.removedPaths
        var recorded: [String: String] = [:]
        if let (file, tags) = changes.tags {
            var labels: [String: String] = [:]
            var order: [String] = []
            for tag in tags where labels[tag.id.rawValue] == nil {
                labels[tag.id.rawValue] = tag.label
                order.append(tag.id.rawValue)
            }
            self.tags = (order, order.map { labels[$0] ?? "" })
            recorded[file.path] = file.fingerprint
        }
        // A later record with the same key replaces an earlier one, as when files are written one by one.
        var lastSection: [String: Int] = [:]
        for (index, (file, record)) in changes.sections.enumerated() {
            lastSection[record.section.id.rawValue] = index
            paths.append(file.path)
            recorded[file.path] = file.fingerprint
        }
        var lastItem: [String: Int] = [:]
        for (index, (file, record)) in changes.items.enumerated() {
            lastItem[record.item.id.rawValue] = index
            paths.append(file.path)
            recorded[file.path] = file.fingerprint
        }
        recordedPaths = recorded.keys.sorted()
        fingerprints = recordedPaths.map { recorded[$0] ?? "" }

        for (index, (file, record)) in changes.sections.enumerated() where lastSection[record.section.id.rawValue] == index {
            let s = record.section
            sections.id.append(s.id.rawValue)
            sections.numeral.append(s.numeral)
            sections.position.append(s.order)
            sections.title.append(s.title)
            sections.subtitle.append(s.subtitle)
            sections.summary.append(s.summary)
            sections.body.append(s.body)
            sections.html.append(record.bodyHTML)
            sections.text.append(record.bodyText)
            sections.updated.append(s.updated.iso)
            sections.path.append(file.path)
            search.append(
                kind: "section", slug: s.id.rawValue, title: "\(s.numeral). \(s.title)", date: s.updated.iso, itemKind: "",
                summary: s.subtitle + ". " + s.summary, body: record.bodyText)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (index, (file, record)) in changes.items.enumerated() where lastItem[record.item.id.rawValue] == index {
            let item = record.item
            let slug = item.id.rawValue
            items.slug.append(slug)
            items.title.append(item.title)
            items.kind.append(item.kind.rawValue)
            items.date.append(item.date.iso)
            items.updated.append(item.updated.iso)
            items.summary.append(item.summary)
            items.body.append(item.body)
            items.html.append(record.bodyHTML)
            items.text.append(record.bodyText)
            items.sources.append(String(decoding: try encoder.encode(item.sources), as: UTF8.self))
            items.related.append(String(decoding: try encoder.encode(item.related), as: UTF8.self))
            items.path.append(file.path)
            for (position, section) in item.sections.enumerated() {
                links.itemSlugs.append(slug)
                links.sectionIDs.append(section.rawValue)
                links.sectionPositions.append(position)
            }
            for (position, tag) in item.tags.enumerated() {
                links.tagSlugs.append(slug)
                links.tagIDs.append(tag.rawValue)
                links.tagPositions.append(position)
            }
            search.append(
                kind: "item", slug: slug, title: item.title, date: item.date.iso, itemKind: item.kind.rawValue,
                summary: item.summary, body: record.bodyText)
        }
    }

    func write(on connection: PostgresConnection, logger: Logger) async throws {
        func run(_ query: PostgresQuery) async throws { try await connection.query(query, logger: logger) }
        // 1. Records of removed, changed or moved files, then records that move here from another file. Search
        //    documents first (their `search_fts` rows follow by cascade); an item's links follow the item.
        try await run(
            """
            DELETE FROM search_document d
            WHERE (d.target_kind = 'item' AND (d.slug = ANY(\(items.slug)::text[])
                    OR d.slug IN (SELECT slug FROM item WHERE source_path = ANY(\(paths)::text[]))))
               OR (d.target_kind = 'section' AND (d.slug = ANY(\(sections.id)::text[])
                    OR d.slug IN (SELECT id FROM section WHERE source_path = ANY(\(paths)::text[]))))
            """)
        try await run("DELETE FROM item WHERE source_path = ANY(\(paths)::text[]) OR slug = ANY(\(items.slug)::text[])")
        try await run("DELETE FROM section WHERE source_path = ANY(\(paths)::text[]) OR id = ANY(\(sections.id)::text[])")
        try await run("DELETE FROM content_file WHERE path = ANY(\(paths)::text[])")
        // 2. The tag list, when its file changed.
        if let tags {
            try await run("DELETE FROM tag")
            try await run("INSERT INTO tag (id, label) SELECT * FROM unnest(\(tags.ids)::text[], \(tags.labels)::text[])")
        }
        // 3. The records.
        if !sections.id.isEmpty {
            try await run(
                """
                INSERT INTO section (id, numeral, position, title, subtitle, summary, body_markdown, body_html, body_text,
                    updated, source_path)
                SELECT * FROM unnest(\(sections.id)::text[], \(sections.numeral)::text[], \(sections.position)::bigint[],
                    \(sections.title)::text[], \(sections.subtitle)::text[], \(sections.summary)::text[], \(sections.body)::text[],
                    \(sections.html)::text[], \(sections.text)::text[], \(sections.updated)::text[], \(sections.path)::text[])
                """)
        }
        if !items.slug.isEmpty {
            try await run(
                """
                INSERT INTO item (slug, title, kind, date, updated, summary, body_markdown, body_html, body_text,
                    sources_json, related_json, source_path)
                SELECT * FROM unnest(\(items.slug)::text[], \(items.title)::text[], \(items.kind)::text[], \(items.date)::text[],
                    \(items.updated)::text[], \(items.summary)::text[], \(items.body)::text[], \(items.html)::text[],
                    \(items.text)::text[], \(items.sources)::text[], \(items.related)::text[], \(items.path)::text[])
                """)
        }
        if !links.itemSlugs.isEmpty {
            try await run(
                """
                INSERT INTO item_section (item_slug, section_id, position)
                SELECT * FROM unnest(\(links.itemSlugs)::text[], \(links.sectionIDs)::text[], \(links.sectionPositions)::bigint[])
                ON CONFLICT DO NOTHING
                """)
        }
        if !links.tagSlugs.isEmpty {
            try await run(
                """
                INSERT INTO item_tag (item_slug, tag_id, position)
                SELECT * FROM unnest(\(links.tagSlugs)::text[], \(links.tagIDs)::text[], \(links.tagPositions)::bigint[])
                ON CONFLICT DO NOTHING
                """)
        }
        // 4. Search documents with their weighted vectors: title A, summary B, tags C, body D (the weights of
        //    SQLite's bm25: 10, 4, 2, 1). An item's keywords are the labels of its tags, in its order.
        if !search.slug.isEmpty {
            try await run(
                """
                WITH input AS (
                    SELECT * FROM unnest(\(search.kind)::text[], \(search.slug)::text[], \(search.title)::text[],
                        \(search.date)::text[], \(search.itemKind)::text[], \(search.summary)::text[], \(search.body)::text[])
                        AS t (kind, slug, title, date, item_kind, summary, body)
                ), document AS (
                    INSERT INTO search_document (target_kind, slug, title, date, item_kind)
                    SELECT kind, slug, title, date, nullif(item_kind, '') FROM input
                    RETURNING id, target_kind, slug
                )
                INSERT INTO search_fts (document_id, title, summary, body, keywords, vector)
                SELECT document.id, input.title, input.summary, input.body, words.keywords,
                    setweight(guichet_search_vector(input.title), 'A') || setweight(guichet_search_vector(input.summary), 'B')
                    || setweight(guichet_search_vector(words.keywords), 'C') || setweight(guichet_search_vector(input.body), 'D')
                FROM document JOIN input ON input.kind = document.target_kind AND input.slug = document.slug,
                LATERAL (
                    SELECT coalesce(string_agg(t.label, ' ' ORDER BY x.position), '') AS keywords
                    FROM item_tag x JOIN tag t ON t.id = x.tag_id
                    WHERE input.kind = 'item' AND x.item_slug = input.slug
                ) AS words
                """)
        }
        // 5. The fingerprints of the files written.
        if !recordedPaths.isEmpty {
            try await run(
                """
                INSERT INTO content_file (path, fingerprint) SELECT * FROM unnest(\(recordedPaths)::text[], \(fingerprints)::text[])
                ON CONFLICT (path) DO UPDATE SET fingerprint = excluded.fingerprint
                """)
        }
    }
}

extension ChangeRows.SearchColumns {
    mutating func append(
        kind: String, slug: String, title: String, date: String, itemKind: String, summary: String, body: String
    ) {
        self.kind.append(kind)
        self.slug.append(slug)
        self.title.append(title)
        self.date.append(date)
        self.itemKind.append(itemKind)
        self.summary.append(summary)
        self.body.append(body)
    }
}
