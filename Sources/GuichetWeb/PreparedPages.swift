internal import NIOCore
internal import HTTPTypes
internal import Hummingbird
internal import CoreMetrics
internal import Synchronization
internal import Dispatch
internal import GuichetViews

/// The public pages the router has already served from a page cache, by request target and reader language,
/// with their responses prepared once: ``PreparedPageHandler`` answers the next request for them before
/// Hummingbird's router.
///
/// A page enters only through ``PageCache/response(_:to:request:context:)``, that is when the router itself answered
/// a `GET` or `HEAD` of that exact target (path and query, as sent) from a cached entry, for a reader whose
/// `Accept-Language` negotiates to the same language. Those routes depend on nothing else in the request but
/// `Accept-Encoding` and `If-None-Match`, which are decided here by the same code as the router's
/// (``PageCache/Entry/representation(acceptEncoding:ifNoneMatch:)``). Cached pages never change while the process
/// runs (the content is indexed at start), so nothing is ever invalidated. A size cap bounds the table, since
/// targets come from clients (`?x=1`, `?x=2`…): when full, it starts again empty, and the router serves until the
/// pages are learnt again.
final class PreparedPages: Sendable {
    struct Key: Hashable, Sendable {
        let target: String
        let language: UILanguage
    }

    /// One cached page as the handler writes it: the header fields of each answer with `Content-Length` where the
    /// router's response has it, so that only `Date` and `Server` are added per request.
    struct Page: Sendable {
        struct Representation: Sendable {
            let body: ByteBuffer
            /// `200 OK`: the entry's headers, then `Content-Length`.
            let ok: HTTPFields
            /// `304 Not Modified`: the entry's headers alone (the router's 304 has no body, hence no length).
            let notModified: HTTPFields

            init(_ variant: PageCache.Entry.Variant) {
                body = variant.body
                var ok = variant.headers
                ok[.contentLength] = String(describing: variant.body.readableBytes)
                self.ok = ok
                notModified = variant.headers
            }
        }

        let entry: PageCache.Entry
        let identity: Representation
        let gzip: Representation?
        /// The route template the router matched (`/dossier/:item`), for the request counter.
        let route: String?
        /// The hit counter of the page cache the entry came from (the search result pages have none).
        let hits: CoreMetrics.Counter?
    }

    /// An answer ready to be written.
    struct Answer {
        let status: HTTPResponse.Status
        /// Without `Date` and `Server`, which the handler adds.
        let fields: HTTPFields
        /// Nil for `HEAD` and `304`.
        let body: ByteBuffer?
        let page: Page
    }

    private let pages = Mutex<[Key: Page]>([:])
    private let capacity: Int
    /// Requests and latencies (`guichet_http_requests_total`, `guichet_http_request_duration_seconds`): a request
    /// answered here is counted as the router would have counted it.
    let requests: RequestMetrics?

    init(capacity: Int = 8192, metrics: SiteMetrics? = nil) {
        self.capacity = capacity
        self.requests = metrics?.requests
    }

    private let answers = Atomic<Int>(0)

    /// The number of pages kept, for tests.
    var count: Int { pages.withLock { $0.count } }
    /// The number of requests answered from here, for tests.
    var answered: Int { answers.load(ordering: .relaxed) }

    /// Keeps `entry` as the answer to `target` for readers of the language `acceptLanguage` negotiates.
    func keep(_ entry: PageCache.Entry, target: String?, acceptLanguage: String?, route: String?, hits: CoreMetrics.Counter?) {
        guard let target else { return }
        let key = Key(target: target, language: UILanguage.negotiate(acceptLanguage: acceptLanguage))
        guard pages.withLock({ $0[key] == nil }) else { return }
        let page = Page(
            entry: entry, identity: Page.Representation(entry.identity), gzip: entry.gzip.map(Page.Representation.init),
            route: route, hits: hits)
        pages.withLock { pages in
            if pages.count >= capacity { pages.removeAll(keepingCapacity: true) }
            pages[key] = page
        }
    }

    /// The answer to `request` when it is a `GET` or `HEAD` without a body of a page kept here; nil for anything
    /// else, which goes to the router.
    func answer(_ request: HTTPRequest) -> Answer? {
        let isHead: Bool
        switch request.method {
        case .get: isHead = false
        case .head: isHead = true
        default: return nil
        }
        let fields = request.headerFields
        guard let target = request.path, fields[.transferEncoding] == nil else { return nil }
        if let length = fields[.contentLength], length != "0" { return nil }
        // Hummingbird closes after a request that says `Connection: close` (HTTP/1.0 ones are marked so); such
        // requests and any other use of `Connection` stay with it.
        if let connection = fields[.connection], connection.lowercased() != "keep-alive" { return nil }
        let key = Key(target: target, language: UILanguage.negotiate(acceptLanguage: fields[.acceptLanguage]))
        guard let page = pages.withLock({ $0[key] }) else { return nil }
        let (variant, isNotModified) = page.entry.representation(
            acceptEncoding: fields[.acceptEncoding], ifNoneMatch: fields[.ifNoneMatch])
        let representation = if variant.eTag == page.entry.eTag { page.identity } else { page.gzip ?? page.identity }
        if isNotModified {
            return Answer(status: .notModified, fields: representation.notModified, body: nil, page: page)
        }
        return Answer(status: .ok, fields: representation.ok, body: isHead ? nil : representation.body, page: page)
    }

    /// Counts an answer written by the handler: one page cache hit, one request with its route and status.
    func record(_ answer: Answer, method: HTTPRequest.Method, started: UInt64) {
        answers.add(1, ordering: .relaxed)
        answer.page.hits?.increment()
        requests?.record(
            endpointPath: answer.page.route, method: method, status: Int(answer.status.code),
            nanoseconds: Int64(DispatchTime.now().uptimeNanoseconds - started))
    }
}
