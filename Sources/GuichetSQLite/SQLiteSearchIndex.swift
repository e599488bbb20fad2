public import GuichetCore
public import GuichetStorage
internal import GRDB

/// French full-text search on SQLite FTS5 with the ``FrenchTokenizer``.
///
/// Ranking is FTS5's `rank` (bm25 weighted title 10, summary 4, body 1, tags 2), with the most recent
/// document first among equal scores of the same page. Snippets are computed only for the rows of the page shown: with a
/// stemming tokenizer, `snippet()` costs several times the match itself.
public struct SQLiteSearchIndex: SearchIndex {
    let database: SQLiteDatabase

    public init(database: SQLiteDatabase) {
        self.database = database
    }

    public func search(_ query: SearchQuery, offset: Int, limit: Int) async throws(StorageError) -> ResultPage<SearchHit> {
        guard let expression = query.ftsMatchExpression, limit > 0 else {
            return ResultPage(elements: [], total: 0, offset: offset, limit: limit)
        }
        return try await database.read { db in
            let total =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?", arguments: [expression])
                ?? 0
            // FTS5 orders by its own `rank` in C and stops after the page: `snippet()` in the same SELECT is
            // computed only for the rows of the page. Those rows are then joined and sorted again with the
            // date, so equal scores show the most recent document first.
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, d.target_kind, d.slug, d.title, d.date, d.item_kind, hit.snippet
                    FROM (
                        SELECT rowid, rank, snippet(search_fts, -1, char(2), char(3), '…', 24) AS snippet
                        FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?
                    ) AS hit
                    JOIN search_document d ON d.id = hit.rowid
                    ORDER BY hit.rank, d.date DESC, d.id
                    """, arguments: [expression, limit, max(0, offset)])
            let hits = rows.compactMap { row -> SearchHit? in
                guard let slug = Slug(row["slug"] as String), let date = LocalDate(iso: row["date"] as String) else {
                    return nil
                }
                let target: SearchHit.Target = (row["target_kind"] as String) == "section" ? .section(slug) : .item(slug)
                return SearchHit(
                    target: target, title: row["title"], date: date,
                    kind: (row["item_kind"] as String?).flatMap(ItemKind.init(rawValue:)), snippet: row["snippet"] ?? "")
            }
            return ResultPage(elements: hits, total: total, offset: offset, limit: limit)
        }
    }
}
