internal import Hummingbird
internal import GuichetCore
internal import GuichetStorage
internal import GuichetViews
internal import Foundation
internal import CoreMetrics
internal import Dispatch

/// Search, as a page and as JSON (`/api/recherche`, described in `/api/openapi.yaml`).
struct SearchRoutes: Sendable {
    let index: any SearchIndex
    let store: any DossierStore
    let configuration: WebConfiguration
    /// Results by analysed words and page: the index changes only when the content is re-indexed at start, and
    /// under load the same few queries come again and again (measured: search was the slowest route of the soak).
    let results = MemoCache<ResultKey, ResultPage<SearchHit>>(capacity: 4096)
    /// The dossier's last update, shown in every page's footer.
    let lastUpdated = MemoCache<Int, LocalDate?>(capacity: 1)
    /// Rendered result pages (with their gzip copy and ETag), for queries of at most `cachedQueryLength`
    /// bytes; a cache of their own, so that made-up queries never push the dossier's pages out.
    let pages: PageCache
    static let cachedQueryLength = 200

    struct ResultKey: Hashable, Sendable {
        let words: [String]
        let offset: Int
        let limit: Int
    }
    /// `guichet_search_duration_seconds`: the index's query alone (a kept result is not timed), for the page
    /// and the API.
    var duration: CoreMetrics.Timer? = nil
    /// The guides, matched in memory and shown before the dossier's hits.
    var guides = GuideFinder([])

    /// Query text beyond this many characters is cut before analysis.
    static let maxQueryLength = 10_000

    func register(on router: Router<AppRequestContext>) {
        router.get("/recherche") { request, context in try await self.page(request, context) }
        router.get("/api/recherche") { request, _ in try await self.api(request) }
    }

    func run(_ request: Request) async throws -> (raw: String, query: SearchQuery, page: Int, hits: ResultPage<SearchHit>)? {
        let raw = String((request.uri.queryParameters.get("q") ?? "").prefix(Self.maxQueryLength))
        guard let page = DossierRoutes.page(request) else { return nil }
        let query = SearchQuery(raw)
        let size = configuration.searchPageSize
        let key = ResultKey(words: query.words, offset: (page - 1) * size, limit: size)
        let index = self.index
        let duration = self.duration
        let hits = try await results.value(key) {
            let started = DispatchTime.now().uptimeNanoseconds
            let hits = try await index.search(query, offset: key.offset, limit: key.limit)
            duration?.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - started))
            return hits
        }
        return (raw, query, page, hits)
    }

    func page(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let reader = ReaderLanguage(request)
        let raw = request.uri.queryParameters.get("q") ?? ""
        guard raw.utf8.count <= Self.cachedQueryLength, let page = DossierRoutes.page(request) else {
            return try await render(request, reader: reader)
        }
        let entry = try await pages.value("\(reader.key)|\(page)|\(raw)", contentType: ContentType.html) {
            try await renderHTML(request, reader: reader)
        }
        guard let entry else { throw HTTPError(.notFound) }
        return pages.response(entry, to: request, context: context)
    }

    /// The result page without the page cache (queries longer than `cachedQueryLength`).
    func render(_ request: Request, reader: ReaderLanguage) async throws -> Response {
        guard let html = try await renderHTML(request, reader: reader) else { throw HTTPError(.notFound) }
        var response = Response.text(html, contentType: ContentType.html, cacheControl: "no-cache")
        response.headers[.vary] = "Accept-Language"
        return response
    }

    func renderHTML(_ request: Request, reader: ReaderLanguage) async throws -> String? {
        guard let result = try await run(request) else { return nil }
        let size = configuration.searchPageSize
        let pageCount = max(1, (result.hits.total + size - 1) / size)
        let hits = result.hits.elements.map { hit in
            SearchPage.Hit(title: hit.title, path: Self.path(hit.target), kind: hit.kind, date: hit.date, snippet: hit.snippet)
        }
        let html = SearchPage.render(
            query: result.raw, words: result.query.words, hits: hits, total: result.hits.total, page: result.page,
            pageCount: pageCount, guides: guides.find(result.query),
            context: reader.context(
                path: SitePath.search(query: result.raw, page: result.page).path,
                updated: try await lastUpdated.value(0) { [store] in try await store.lastUpdated() }))
        return html
    }

    struct APIResult: Encodable {
        let query: String
        let words: [String]
        let total: Int
        let page: Int
        let pageSize: Int
        let results: [APIHit]
    }

    struct APIHit: Encodable {
        let title: String
        let url: String
        let type: String
        let date: String
        let snippet: String
        let highlights: [String]
    }

    func api(_ request: Request) async throws -> Response {
        guard let result = try await run(request) else {
            return Response.text(
                #"{"error":"page doit être un entier entre 1 et 10000"}"#, status: .badRequest, contentType: ContentType.json)
        }
        let hits = result.hits.elements.map { hit in
            let (plain, highlights) = Self.split(hit.snippet)
            let type: String
            if let kind = hit.kind { type = kind.rawValue } else { type = "rubrique" }
            return APIHit(
                title: hit.title, url: configuration.baseURL + Self.path(hit.target).path, type: type, date: hit.date.iso,
                snippet: plain, highlights: highlights)
        }
        let body = APIResult(
            query: result.raw, words: result.query.words, total: result.hits.total, page: result.page,
            pageSize: configuration.searchPageSize, results: hits)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(body)
        return Response.text(String(decoding: data, as: UTF8.self), contentType: ContentType.json, cacheControl: "no-cache")
    }

    static func path(_ target: SearchHit.Target) -> SitePath {
        switch target {
        case .item(let id): .item(id)
        case .section(let id): .section(id)
        }
    }

    /// The snippet without its markers, and the highlighted words.
    static func split(_ snippet: String) -> (String, [String]) {
        var plain = ""
        var highlights: [String] = []
        var current: String? = nil
        for character in snippet {
            switch character {
            case SearchHit.highlightStart: current = ""
            case SearchHit.highlightEnd:
                if let word = current, !word.isEmpty, !highlights.contains(word) { highlights.append(word) }
                current = nil
            default:
                plain.append(character)
                current?.append(character)
            }
        }
        return (plain, highlights)
    }
}
