public import CoreMetrics
public import Prometheus
internal import HTTPTypes
internal import Hummingbird
internal import NIOCore
internal import Synchronization

/// Every measurement of one guichet process, kept in one Prometheus registry and read at `/metrics`.
///
/// The web front records the requests, the page cache and the searches here; the other modules receive
/// ``factory`` (swift-metrics) and record through it into the same registry. Labels carry route templates,
/// methods, statuses and fixed words only: never a raw path, a query, a code or anything a person typed.
/// Nothing here is global: the command line creates one and passes it; tests create their own.
public final class SiteMetrics: Sendable {
    /// The registry the text exposition is written from.
    public let registry: PrometheusCollectorRegistry
    /// The swift-metrics factory over ``registry``, for the other modules (and `MetricsSystem.bootstrap`).
    public let factory: PrometheusMetricsFactory
    let requests: RequestMetrics
    let pageCacheHits: CoreMetrics.Counter
    let pageCacheMisses: CoreMetrics.Counter
    let searchDuration: CoreMetrics.Timer
    let process: ProcessGauges?

    /// The histogram buckets of each timer, by metric name (others get swift-prometheus' 5 ms–10 s).
    static let buckets: [String: [Duration]] = [
        // A cached page is served in well under a millisecond; documents take seconds.
        "guichet_http_request_duration_seconds": [
            .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10),
            .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .seconds(2.5), .seconds(5), .seconds(10),
        ],
        "guichet_search_duration_seconds": [
            .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5),
        ],
        // Zero when a connection is free; the top buckets mean a starved pool.
        "guichet_db_pool_wait_seconds": [
            .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1),
            .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
        ],
    ]

    /// Metrics kept in `registry`. The process gauges (resident memory, open descriptors) are read from
    /// `processDirectory` (Linux's `/proc/self`) at each scrape, and left out where it does not exist.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), processDirectory: String = "/proc/self") {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = Self.buckets
        self.factory = factory
        requests = RequestMetrics(factory: factory)
        pageCacheHits = CoreMetrics.Counter(label: "guichet_page_cache_lookups_total", dimensions: [("result", "hit")], factory: factory)
        pageCacheMisses = CoreMetrics.Counter(label: "guichet_page_cache_lookups_total", dimensions: [("result", "miss")], factory: factory)
        searchDuration = CoreMetrics.Timer(label: "guichet_search_duration_seconds", factory: factory)
        process = ProcessGauges(statistics: ProcessStatistics(directory: processDirectory), factory: factory)
    }

    /// The text exposition (format 0.0.4), with the process gauges read now.
    public func exposition() -> [UInt8] {
        process?.update()
        return registry.emitToBuffer()
    }

    /// The content type of ``exposition()``.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The exposition as an HTTP response, never cached.
    func response() -> Response {
        Response(
            status: .ok, headers: [.contentType: Self.contentType, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: exposition())))
    }
}

/// Request counts (`guichet_http_requests_total{route,method,status}`) and latencies
/// (`guichet_http_request_duration_seconds{route}`).
///
/// The route is the router's template (`/reprendre/{code}`), never the path: a code or a made-up address cannot
/// become a label. Every address no route matches shares `route="unmatched"`, so the number of series is bounded
/// by the routes × the methods NIO parses × the statuses guichet answers.
final class RequestMetrics: Sendable {
    struct Key: Hashable {
        let route: String
        let method: HTTPRequest.Method
        let status: Int
    }

    let factory: any MetricsFactory
    private let counters = Mutex<[Key: CoreMetrics.Counter]>([:])
    private let timers = Mutex<[String: CoreMetrics.Timer]>([:])

    init(factory: any MetricsFactory) {
        self.factory = factory
    }

    /// The label of a route: its template, or `unmatched`.
    static func label(_ endpointPath: String?) -> String {
        guard let endpointPath, endpointPath != "NotFound" else { return "unmatched" }
        return endpointPath
    }

    func record(endpointPath: String?, method: HTTPRequest.Method, status: Int, nanoseconds: Int64) {
        let route = Self.label(endpointPath)
        let key = Key(route: route, method: method, status: status)
        let counter = counters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = CoreMetrics.Counter(
                label: "guichet_http_requests_total",
                dimensions: [("route", route), ("method", method.rawValue), ("status", String(status))], factory: factory)
            counters[key] = counter
            return counter
        }
        let timer = timers.withLock { timers in
            if let timer = timers[route] { return timer }
            let timer = CoreMetrics.Timer(
                label: "guichet_http_request_duration_seconds", dimensions: [("route", route)], factory: factory)
            timers[route] = timer
            return timer
        }
        counter.increment()
        timer.recordNanoseconds(nanoseconds)
    }
}

/// `process_resident_memory_bytes` and `process_open_fds` (the names Prometheus' own clients use), set at scrape.
struct ProcessGauges: Sendable {
    let statistics: ProcessStatistics
    let residentMemory: CoreMetrics.Gauge
    let openDescriptors: CoreMetrics.Gauge

    /// `nil` where the process directory cannot be read (not Linux).
    init?(statistics: ProcessStatistics, factory: any MetricsFactory) {
        guard statistics.residentBytes() != nil else { return nil }
        self.statistics = statistics
        residentMemory = CoreMetrics.Gauge(label: "process_resident_memory_bytes", factory: factory)
        openDescriptors = CoreMetrics.Gauge(label: "process_open_fds", factory: factory)
    }

    func update() {
        if let bytes = statistics.residentBytes() { residentMemory.record(bytes) }
        if let count = statistics.openDescriptors() { openDescriptors.record(count) }
    }
}
