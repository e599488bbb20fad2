public import GuichetCore
public import GuichetStorage
internal import PostgresNIO

/// French full-text search on PostgreSQL: `tsvector` with the `french` and `fr_unaccent` configurations,
/// ranked by `ts_rank_cd`, excerpts by `ts_headline`.
///
/// The query is computed once (`MATERIALIZED`): the functions that build it are `STABLE`, and PostgreSQL would
/// otherwise call them again for every matching row (three times slower on a thousand matches).
///
/// The query never reaches `tsquery` syntax from user text: the words of ``SearchQuery`` (letters and digits
/// only) are bound as one `text[]` parameter, and `guichet_search_query` turns each into a lexeme quoted by
/// PostgreSQL itself. Ranking mirrors the SQLite backend: title 1.0, summary 0.4, tags 0.2, body 0.1
/// (bm25's 10, 4, 2, 1), divided by 1 + log(length) as bm25 favours short documents, then the most recent
/// document first. Excerpts are computed only for the rows of the page, from the field with the most matched
/// words, then the most occurrences (FTS5's `snippet()` scores a window likewise), then the first column; the
/// passage holds every word when the field does, else any; an ellipsis marks where the text was cut.
public struct PostgresSearchIndex: SearchIndex {
    let database: PostgresDatabase

    /// An index over `database` (migrated beforehand).
    public init(database: PostgresDatabase) {
        self.database = database
    }

    /// The `ts_headline` options: the view's markers, and about as many words as SQLite's `snippet(…, 24)`.
    static let headlineOptions =
        "StartSel=\(SearchHit.highlightStart), StopSel=\(SearchHit.highlightEnd), MaxWords=24, MinWords=15, ShortWord=2"

    public func search(_ query: SearchQuery, offset: Int, limit: Int) async throws(StorageError) -> ResultPage<SearchHit> {
        guard !query.isEmpty, limit > 0 else {
            return ResultPage(elements: [], total: 0, offset: offset, limit: limit)
        }
        let words = query.words
        let rows = try await database.rows(
            """
            WITH q AS MATERIALIZED (
                SELECT guichet_search_query(\(words)::text[]) AS query,
                    guichet_headline_query(\(words)::text[], true) AS headline_all,
                    guichet_headline_query(\(words)::text[], false) AS headline,
                    ARRAY(SELECT guichet_search_query(ARRAY[w]) FROM unnest(\(words)::text[]) AS w) AS per_word
            ), hit AS (
                SELECT f.document_id, ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', f.vector, q.query, 1) AS rank, d.date,
                    count(*) OVER () AS total
                FROM q, search_fts f JOIN search_document d ON d.id = f.document_id
                WHERE f.vector @@ q.query
                ORDER BY rank DESC, d.date DESC, d.id
                LIMIT \(limit) OFFSET \(max(0, offset))
            ), excerpt AS (
                SELECT hit.*, source.text AS source, CASE
                        WHEN source.matched < cardinality(array_remove(q.per_word, NULL))
                            THEN ts_headline('fr_unaccent', source.text, q.headline, \(Self.headlineOptions))
                        WHEN strpos(all_words.headline, chr(2)) > 0 THEN all_words.headline
                        ELSE ts_headline('fr_unaccent', source.text, q.headline, \(Self.headlineOptions))
                    END AS headline
                FROM hit JOIN search_fts f ON f.document_id = hit.document_id, q,
                LATERAL (
                    SELECT c.text, c.matched FROM (
                        SELECT v.position, v.weight, v.text, (
                            SELECT count(*) FROM unnest(q.per_word) AS word (query)
                            WHERE ts_filter(f.vector, ARRAY[v.weight]::"char"[]) @@ word.query
                        ) AS matched
                        FROM (VALUES (1, 'A', f.title), (2, 'B', f.summary), (3, 'D', f.body), (4, 'C', f.keywords))
                            AS v (position, weight, text)
                    ) AS c
                    ORDER BY c.matched DESC,
                        ts_rank('{1, 1, 1, 1}', ts_filter(f.vector, ARRAY[c.weight]::"char"[]), q.headline, 0) DESC, c.position
                    LIMIT 1
                ) AS source,
                -- Only when the field holds every word: a passage with all of them (CASE evaluates lazily).
                LATERAL (
                    SELECT CASE WHEN source.matched >= cardinality(array_remove(q.per_word, NULL))
                        THEN ts_headline('fr_unaccent', source.text, q.headline_all, \(Self.headlineOptions)) END AS headline
                ) AS all_words
            )
            SELECT d.target_kind, d.slug, d.title, d.date, d.item_kind, excerpt.total,
                CASE WHEN starts_with(excerpt.source, plain.text) THEN '' ELSE '…' END || excerpt.headline
                    || CASE WHEN right(excerpt.source, length(plain.text)) = plain.text THEN '' ELSE '…' END AS snippet
            FROM excerpt JOIN search_document d ON d.id = excerpt.document_id,
            LATERAL (SELECT translate(excerpt.headline, chr(2) || chr(3), '') AS text) AS plain
            ORDER BY excerpt.rank DESC, d.date DESC, d.id
            """)
        var total = 0
        var hits: [SearchHit] = []
        do {
            for row in rows {
                let (kind, slugText, title, dateText, itemKind, count, snippet) = try row.decode(
                    (String, String, String, String, String?, Int, String?).self)
                total = count
                guard let slug = Slug(slugText), let date = LocalDate(iso: dateText) else { continue }
                hits.append(
                    SearchHit(
                        target: kind == "section" ? .section(slug) : .item(slug), title: title, date: date,
                        kind: itemKind.flatMap(ItemKind.init(rawValue:)), snippet: snippet ?? ""))
            }
        } catch {
            throw StorageError(.corrupted, underlying: error)
        }
        if rows.isEmpty && offset > 0 {
            let countRows = try await database.rows(
                """
                WITH q AS MATERIALIZED (SELECT guichet_search_query(\(words)::text[]) AS query)
                SELECT count(*) FROM q, search_fts f WHERE f.vector @@ q.query
                """)
            do {
                total = try countRows.first?.decode(Int.self) ?? 0
            } catch {
                throw StorageError(.corrupted, underlying: error)
            }
        }
        return ResultPage(elements: hits, total: total, offset: offset, limit: limit)
    }
}
