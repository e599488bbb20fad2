public import GuichetCore
public import GuichetStorage
internal import GRDB
internal import Foundation

/// The dossier on SQLite: reads for the site, and the incremental writes of the content indexer.
public struct SQLiteDossierStore: DossierStore, ContentIndex {
    let database: SQLiteDatabase

    public init(database: SQLiteDatabase) {
        self.database = database
    }

    // MARK: Reading

    public func sections() async throws(StorageError) -> [SectionRecord] {
        try await database.read { db in
            try Row.fetchAll(db, sql: Self.sectionSelect + " ORDER BY s.position, s.id").map(Self.sectionRecord)
        }
    }

    public func section(_ id: Section.ID) async throws(StorageError) -> SectionRecord? {
        try await database.read { db in
            try Row.fetchOne(db, sql: Self.sectionSelect + " WHERE s.id = ?", arguments: [id.rawValue])
                .map(Self.sectionRecord)
        }
    }

    public func items(_ filter: ItemFilter, offset: Int, limit: Int) async throws(StorageError) -> ResultPage<Item> {
        try await database.read { db in
            var clauses: [String] = []
            var arguments: StatementArguments = []
            if let section = filter.section {
                clauses.append("slug IN (SELECT item_slug FROM item_section WHERE section_id = ?)")
                arguments += [section.rawValue]
            }
            if let tag = filter.tag {
                clauses.append("slug IN (SELECT item_slug FROM item_tag WHERE tag_id = ?)")
                arguments += [tag.rawValue]
            }
            let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM item" + whereClause, arguments: arguments) ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM item" + whereClause + " ORDER BY date DESC, slug LIMIT ? OFFSET ?",
                arguments: arguments + [max(0, limit), max(0, offset)])
            return ResultPage(
                elements: try rows.map { try Self.item(from: $0, db: db) }, total: total, offset: offset, limit: limit)
        }
    }

    public func item(_ id: Item.ID) async throws(StorageError) -> ItemRecord? {
        try await database.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM item WHERE slug = ?", arguments: [id.rawValue])
            else { return nil }
            return ItemRecord(item: try Self.item(from: row, db: db), bodyHTML: row["body_html"], bodyText: row["body_text"])
        }
    }

    public func items(ids: [Item.ID]) async throws(StorageError) -> [Item] {
        guard !ids.isEmpty else { return [] }
        return try await database.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM item WHERE slug IN (\(databaseQuestionMarks(count: ids.count)))",
                arguments: StatementArguments(ids.map(\.rawValue)))
            var bySlug: [String: Item] = [:]
            for row in rows {
                let item = try Self.item(from: row, db: db)
                bySlug[item.id.rawValue] = item
            }
            return ids.compactMap { bySlug[$0.rawValue] }
        }
    }

    public func itemRecords(ids: [Item.ID]) async throws(StorageError) -> [ItemRecord] {
        guard !ids.isEmpty else { return [] }
        return try await database.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM item WHERE slug IN (\(databaseQuestionMarks(count: ids.count)))",
                arguments: StatementArguments(ids.map(\.rawValue)))
            var bySlug: [String: ItemRecord] = [:]
            for row in rows {
                let item = try Self.item(from: row, db: db)
                bySlug[item.id.rawValue] = ItemRecord(item: item, bodyHTML: row["body_html"], bodyText: row["body_text"])
            }
            return ids.compactMap { bySlug[$0.rawValue] }
        }
    }

    public func itemsRelated(to id: Item.ID, excluding: Set<Item.ID>, limit: Int) async throws(StorageError) -> [Item] {
        try await database.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT i.*, count(*) AS shared FROM item_tag mine
                    JOIN item_tag theirs ON theirs.tag_id = mine.tag_id AND theirs.item_slug <> mine.item_slug
                    JOIN item i ON i.slug = theirs.item_slug
                    WHERE mine.item_slug = ?
                    GROUP BY i.slug ORDER BY shared DESC, i.date DESC, i.slug LIMIT ?
                    """, arguments: [id.rawValue, limit + excluding.count])
            return try rows.map { try Self.item(from: $0, db: db) }.filter { !excluding.contains($0.id) }
                .prefix(limit).map { $0 }
        }
    }

    public func tags() async throws(StorageError) -> [TagUsage] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT t.id, t.label, count(it.item_slug) AS n FROM tag t
                    JOIN item_tag it ON it.tag_id = t.id GROUP BY t.id ORDER BY t.label COLLATE NOCASE, t.id
                    """
            ).compactMap { row in
                guard let slug = Slug(row["id"] as String) else { return nil }
                return TagUsage(tag: Tag(id: slug, label: row["label"]), itemCount: row["n"])
            }
        }
    }

    public func tag(_ id: Tag.ID) async throws(StorageError) -> Tag? {
        try await database.read { db in
            try String.fetchOne(db, sql: "SELECT label FROM tag WHERE id = ?", arguments: [id.rawValue])
                .map { Tag(id: id, label: $0) }
        }
    }

    public func lastUpdated() async throws(StorageError) -> LocalDate? {
        try await database.read { db in
            try String.fetchOne(
                db, sql: "SELECT max(u) FROM (SELECT max(updated) AS u FROM item UNION ALL SELECT max(updated) FROM section)"
            ).flatMap { LocalDate(iso: $0) }
        }
    }

    public func ping() async throws(StorageError) {
        _ = try await database.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    // MARK: Indexing

    public func indexedFiles() async throws(StorageError) -> [ContentFileState] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT path, fingerprint FROM content_file ORDER BY path").map {
                ContentFileState(path: $0["path"], fingerprint: $0["fingerprint"])
            }
        }
    }

    public func apply(_ changes: ContentChangeSet) async throws(StorageError) {
        guard !changes.isEmpty else { return }
        let sendable = SendableChangeSet(changes)
        try await database.write { db in
            let changes = sendable.value
            for path in changes.removedPaths {
                try Self.remove(path: path, db: db)
            }
            if let (file, tags) = changes.tags {
                try db.execute(sql: "DELETE FROM tag")
                for tag in tags {
                    try db.execute(sql: "INSERT INTO tag (id, label) VALUES (?, ?)", arguments: [tag.id.rawValue, tag.label])
                }
                try Self.record(file, db: db)
            }
            for (file, record) in changes.sections {
                try Self.remove(path: file.path, db: db)
                try Self.insert(record, path: file.path, db: db)
                try Self.record(file, db: db)
            }
            for (file, record) in changes.items {
                try Self.remove(path: file.path, db: db)
                try Self.insert(record, path: file.path, db: db)
                try Self.record(file, db: db)
            }
        }
    }
}

/// The change set crosses into GRDB's writer closure; its tuples hold only `Sendable` values.
private struct SendableChangeSet: @unchecked Sendable {
    let value: ContentChangeSet
    init(_ value: ContentChangeSet) { self.value = value }
}

extension SQLiteDossierStore {
    static let sectionSelect = """
        SELECT s.*, (SELECT count(*) FROM item_section x WHERE x.section_id = s.id) AS item_count FROM section s
        """

    static func sectionRecord(_ row: Row) throws -> SectionRecord {
        guard let id = Slug(row["id"] as String), let updated = LocalDate(iso: row["updated"] as String) else {
            throw StorageError(.corrupted)
        }
        let section = Section(
            id: id, numeral: row["numeral"], order: row["position"], title: row["title"], subtitle: row["subtitle"],
            summary: row["summary"], body: row["body_markdown"], updated: updated)
        return SectionRecord(
            section: section, bodyHTML: row["body_html"], bodyText: row["body_text"], itemCount: row["item_count"])
    }

    static func item(from row: Row, db: Database) throws -> Item {
        let slugText: String = row["slug"]
        guard let id = Slug(slugText), let kind = ItemKind(rawValue: row["kind"]),
            let date = LocalDate(iso: row["date"] as String), let updated = LocalDate(iso: row["updated"] as String)
        else { throw StorageError(.corrupted) }
        let decoder = JSONDecoder()
        let sources = try decoder.decode([Item.Source].self, from: Data((row["sources_json"] as String).utf8))
        let related = try decoder.decode([Slug].self, from: Data((row["related_json"] as String).utf8))
        let sections = try String.fetchAll(
            db, sql: "SELECT section_id FROM item_section WHERE item_slug = ? ORDER BY position", arguments: [slugText]
        ).compactMap(Slug.init)
        let tags = try String.fetchAll(
            db, sql: "SELECT tag_id FROM item_tag WHERE item_slug = ? ORDER BY position", arguments: [slugText]
        ).compactMap(Slug.init)
        return Item(
            id: id, title: row["title"], kind: kind, date: date, updated: updated, sections: sections, tags: tags,
            summary: row["summary"], body: row["body_markdown"], sources: sources, related: related)
    }

    static func remove(path: String, db: Database) throws {
        for slug in try String.fetchAll(db, sql: "SELECT slug FROM item WHERE source_path = ?", arguments: [path]) {
            try removeSearchDocument(kind: "item", slug: slug, db: db)
        }
        for id in try String.fetchAll(db, sql: "SELECT id FROM section WHERE source_path = ?", arguments: [path]) {
            try removeSearchDocument(kind: "section", slug: id, db: db)
        }
        try db.execute(sql: "DELETE FROM item WHERE source_path = ?", arguments: [path])
        try db.execute(sql: "DELETE FROM section WHERE source_path = ?", arguments: [path])
        try db.execute(sql: "DELETE FROM content_file WHERE path = ?", arguments: [path])
    }

    static func removeSearchDocument(kind: String, slug: String, db: Database) throws {
        if let id = try Int64.fetchOne(
            db, sql: "SELECT id FROM search_document WHERE target_kind = ? AND slug = ?", arguments: [kind, slug])
        {
            try db.execute(sql: "DELETE FROM search_fts WHERE rowid = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM search_document WHERE id = ?", arguments: [id])
        }
    }

    static func record(_ file: ContentFileState, db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO content_file (path, fingerprint) VALUES (?, ?)",
            arguments: [file.path, file.fingerprint])
    }

    static func insert(_ record: SectionRecord, path: String, db: Database) throws {
        let s = record.section
        // A section moved to another file replaces the old row.
        try db.execute(sql: "DELETE FROM section WHERE id = ?", arguments: [s.id.rawValue])
        try removeSearchDocument(kind: "section", slug: s.id.rawValue, db: db)
        try db.execute(
            sql: """
                INSERT INTO section (id, numeral, position, title, subtitle, summary, body_markdown, body_html, body_text,
                updated, source_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                s.id.rawValue, s.numeral, s.order, s.title, s.subtitle, s.summary, s.body, record.bodyHTML,
                record.bodyText, s.updated.iso, path,
            ])
        try insertSearchDocument(
            kind: "section", slug: s.id.rawValue, title: "\(s.numeral). \(s.title)", date: s.updated, itemKind: nil,
            summary: s.subtitle + ". " + s.summary, body: record.bodyText, keywords: "", db: db)
    }

    static func insert(_ record: ItemRecord, path: String, db: Database) throws {
        let item = record.item
        let slug = item.id.rawValue
        try db.execute(sql: "DELETE FROM item WHERE slug = ?", arguments: [slug])
        try removeSearchDocument(kind: "item", slug: slug, db: db)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let sources = String(decoding: try encoder.encode(item.sources), as: UTF8.self)
        let related = String(decoding: try encoder.encode(item.related), as: UTF8.self)
        try db.execute(
            sql: """
                INSERT INTO item (slug, title, kind, date, updated, summary, body_markdown, body_html, body_text,
                sources_json, related_json, source_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                slug, item.title, item.kind.rawValue, item.date.iso, item.updated.iso, item.summary, item.body,
                record.bodyHTML, record.bodyText, sources, related, path,
            ])
        for (position, section) in item.sections.enumerated() {
            try db.execute(
                sql: "INSERT OR IGNORE INTO item_section (item_slug, section_id, position) VALUES (?, ?, ?)",
                arguments: [slug, section.rawValue, position])
        }
        for (position, tag) in item.tags.enumerated() {
            try db.execute(
                sql: "INSERT OR IGNORE INTO item_tag (item_slug, tag_id, position) VALUES (?, ?, ?)",
                arguments: [slug, tag.rawValue, position])
        }
        let keywords = try String.fetchAll(
            db, sql: "SELECT label FROM tag WHERE id IN (SELECT tag_id FROM item_tag WHERE item_slug = ?)",
            arguments: [slug]
        ).joined(separator: " ")
        try insertSearchDocument(
            kind: "item", slug: slug, title: item.title, date: item.date, itemKind: item.kind.rawValue,
            summary: item.summary, body: record.bodyText, keywords: keywords, db: db)
    }

    static func insertSearchDocument(
        kind: String, slug: String, title: String, date: LocalDate, itemKind: String?, summary: String, body: String,
        keywords: String, db: Database
    ) throws {
        try db.execute(
            sql: "INSERT INTO search_document (target_kind, slug, title, date, item_kind) VALUES (?, ?, ?, ?, ?)",
            arguments: [kind, slug, title, date.iso, itemKind])
        try db.execute(
            sql: "INSERT INTO search_fts (rowid, title, summary, body, keywords) VALUES (?, ?, ?, ?, ?)",
            arguments: [db.lastInsertedRowID, title, summary, body, keywords])
    }
}
