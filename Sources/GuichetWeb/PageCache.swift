internal import NIOCore
internal import HTTPTypes
internal import CompressNIO
internal import GuichetCore
internal import CoreMetrics
internal import Hummingbird

/// Rendered responses of the read-only dossier pages, kept in memory with their entity tag.
///
/// The dossier changes only when the server re-indexes its content at start, so a page rendered once
/// stays right for the life of the process. Keys are built from validated route values, never from raw
/// URLs, so that a client cannot grow the cache with made-up addresses; a size cap bounds it anyway.
final class PageCache: Sendable {
    struct Entry: Sendable {
        let body: ByteBuffer
        let eTag: String
        /// Every response header, security headers included, built once: serving a cached page sets no
        /// header field one by one.
        let headers: HTTPFields
        /// The same page gzip-compressed once, for clients that accept it, with its own entity tag and
        /// `Content-Encoding`; nil for small pages, where compressing gains nothing.
        let gzip: Variant?

        struct Variant: Sendable {
            let body: ByteBuffer
            let eTag: String
            let headers: HTTPFields
        }

        /// The page as it is, as a variant.
        var identity: Variant { Variant(body: body, eTag: eTag, headers: headers) }

        /// The representation a request gets — the gzip copy when its `Accept-Encoding` accepts gzip — and whether
        /// its `If-None-Match` already names it (then the answer is `304 Not Modified`). The router and the channel
        /// handler in front of it both decide here.
        func representation(acceptEncoding: String?, ifNoneMatch: String?) -> (variant: Variant, isNotModified: Bool) {
            let variant = if let gzip, Response.acceptsGzip(acceptEncoding) { gzip } else { identity }
            guard let tags = ifNoneMatch else { return (variant, false) }
            return (variant, tags == variant.eTag || tags == "*" || tags.contains(variant.eTag))
        }
    }

    /// Pages smaller than this are sent as they are.
    static let gzipThreshold = 1024

    private let entries: MemoCache<String, Entry>
    /// `guichet_page_cache_lookups_total{result="hit"}` and `{result="miss"}` (no-op counters without metrics).
    private let hits: Counter
    private let misses: Counter
    /// Where the pages this cache serves are kept for the channel handler in front of the router (nil: no fast
    /// path, as when the router is driven without sockets).
    let prepared: PreparedPages?

    init(capacity: Int = 4096, metrics: SiteMetrics? = nil, prepared: PreparedPages? = nil) {
        entries = MemoCache(capacity: capacity)
        hits = metrics?.pageCacheHits ?? Counter(label: "page_cache_hits", factory: NOOPMetricsHandler.instance)
        misses = metrics?.pageCacheMisses ?? Counter(label: "page_cache_misses", factory: NOOPMetricsHandler.instance)
        self.prepared = prepared
    }

    /// The response for a cached entry (``Response/cached(_:request:)``), and the entry handed to the prepared
    /// pages: the next request for the same address and language is answered by ``PreparedPageHandler`` before the
    /// router, counted as a hit of this cache.
    func response(_ entry: Entry, to request: Request, context: AppRequestContext) -> Response {
        prepared?.keep(
            entry, target: request.head.path, acceptLanguage: request.headers[.acceptLanguage], route: context.endpointPath,
            hits: hits)
        return Response.cached(entry, request: request)
    }

    /// Returns the cached entry for `key`, rendering and storing it when absent (a render that gives nil, a page
    /// that does not exist, is not kept).
    ///
    /// Single flight (`MemoCache`): while one request renders a page, the others asking for the same key wait for
    /// that render instead of starting their own (a cold page under load would otherwise be rendered once per
    /// connection). Each call counts one hit or one miss (waiting for another request's render is a miss).
    func value(
        _ key: String, contentType: String, maxAge: Int = 300, varyLanguage: Bool = true,
        render: @escaping @Sendable () async throws -> String?
    ) async throws -> Entry? {
        if let hit = entries.cached(key) {
            hits.increment()
            return hit
        }
        misses.increment()
        return try await entries.valueUnlessAbsent(key) {
            guard let text = try await render() else { return nil }
            return Self.entry(text: text, contentType: contentType, maxAge: maxAge, varyLanguage: varyLanguage)
        }
    }

    private static func entry(text: String, contentType: String, maxAge: Int, varyLanguage: Bool) -> Entry {
        let eTag = Self.eTag(text)
        let body = ByteBuffer(string: text)
        var headers = SecurityHeaders.fields
        headers[.contentType] = contentType
        headers[.eTag] = eTag
        headers[.cacheControl] = "public, max-age=\(maxAge)"
        var gzip: Entry.Variant?
        var source = body
        if body.readableBytes >= Self.gzipThreshold, let compressed = try? source.compress(with: .gzip()) {
            headers[.vary] = varyLanguage ? "Accept-Language, Accept-Encoding" : "Accept-Encoding"
            var compressedHeaders = headers
            // A strong tag names one representation: the compressed bytes get their own.
            let compressedTag = String(eTag.dropLast()) + "-gzip\""
            compressedHeaders[.eTag] = compressedTag
            compressedHeaders[.contentEncoding] = "gzip"
            gzip = Entry.Variant(body: compressed, eTag: compressedTag, headers: compressedHeaders)
        } else if varyLanguage {
            headers[.vary] = "Accept-Language"
        }
        return Entry(body: body, eTag: eTag, headers: headers, gzip: gzip)
    }

    /// A strong entity tag: 64-bit FNV-1a of the bytes.
    static func eTag(_ text: String) -> String {
        "\"" + String(FNV1a.hash(text), radix: 16) + "\""
    }
}
