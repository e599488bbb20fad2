import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Prometheus
import Testing
import GuichetSQLite
import GuichetTestSupport
@testable import GuichetWeb

/// The application over an in-memory SQLite dossier, measured into `metrics` (a registry of the test's own: the
/// swift-metrics global is never bootstrapped in tests).
func makeMeasuredApp(metrics: SiteMetrics, configuration: WebConfiguration = WebConfiguration(baseURL: "https://guichet.example/"))
    async throws -> some ApplicationProtocol
{
    let database = try SQLiteDatabase(metrics: metrics.factory)
    let dossier = try await IndexedDossier.make(
        store: SQLiteDossierStore(database: database), search: SQLiteSearchIndex(database: database))
    return Application(
        router: buildRouter(
            dependencies: WebDependencies(
                dossier: dossier.store, search: dossier.search, metrics: metrics, now: { Date(timeIntervalSince1970: 1_795_687_200) }),
            configuration: configuration))
}

/// The text exposition, and the value of one series in it.
struct Exposition {
    let text: String

    init(_ metrics: SiteMetrics) { text = String(decoding: metrics.exposition(), as: UTF8.self) }

    /// The value of the series written exactly `series` (name and labels), or nil when absent.
    func value(_ series: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }
}

@Suite("Web: metrics")
struct MetricsTests {
    static let instant = Date(timeIntervalSince1970: 1_794_477_600)

    @Test("requests are counted by route template, method and status; every unmatched address shares one label")
    func requestCounter() async throws {
        let metrics = SiteMetrics()
        try await makeMeasuredApp(metrics: metrics).test(.router) { client in
            for _ in 0..<3 { #expect(try await client.execute(uri: "/", method: .get).status == .ok) }
            #expect(try await client.execute(uri: "/", method: .head).status == .ok)
            for _ in 0..<2 { _ = try await client.execute(uri: "/dossier/ce-2019", method: .get) }
            #expect(try await client.execute(uri: "/dossier/inconnu-42", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/nulle-part-1", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/nulle-part-2?x=secret", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/", method: .delete).status == .methodNotAllowed)
        }
        let exposition = Exposition(metrics)
        #expect(exposition.value(#"guichet_http_requests_total{route="/",method="GET",status="200"}"#) == 3)
        #expect(exposition.value(#"guichet_http_requests_total{route="/",method="HEAD",status="200"}"#) == 1)
        #expect(exposition.value(#"guichet_http_requests_total{route="/dossier/{item}",method="GET",status="200"}"#) == 2)
        #expect(exposition.value(#"guichet_http_requests_total{route="/dossier/{item}",method="GET",status="404"}"#) == 1)
        #expect(exposition.value(#"guichet_http_requests_total{route="unmatched",method="GET",status="404"}"#) == 2)
        // The 405 is counted once, with its final status: the probe behind it is not a request of its own.
        #expect(exposition.value(#"guichet_http_requests_total{route="/",method="DELETE",status="405"}"#) == 1)
        #expect(exposition.value(#"guichet_http_request_duration_seconds_count{route="/"}"#) == 5)
        #expect(exposition.value(#"guichet_http_request_duration_seconds_count{route="unmatched"}"#) == 2)
        for raw in ["ce-2019", "inconnu-42", "nulle-part", "secret"] {
            #expect(!exposition.text.contains(raw), "\(raw) is a path, not a label")
        }
    }

    @Test("a code in /reprendre/<code> never reaches the metrics; private files are counted, not named")
    func codesStayOut() async throws {
        let metrics = SiteMetrics()
        let app = try await makeParcoursApp(database: try SQLiteDatabase(metrics: metrics.factory), now: { Self.instant }, metrics: metrics)
        let shown = try await app.test(.router) { client in
            let owner = Browser(client)
            let code = try await owner.start("refus-visa")
            _ = try await owner.get("/mon-dossier")
            var random = SystemRandomNumberGenerator()
            let unknown = GuichetEncryptionTestCode.generate(&random)
            let visitor = Browser(client)
            #expect(try await visitor.get("/reprendre/\(code)").status == .ok)
            #expect(try await visitor.get("/reprendre/\(unknown)").status == .ok)
            #expect(try await visitor.post("/reprendre", [("code", code)]).status == .seeOther)
            let stranger = Browser(client)
            _ = try await stranger.get("/reprendre")
            #expect(try await stranger.post("/reprendre", [("code", unknown)]).status == .notFound)
            return [code, unknown]
        }
        let exposition = Exposition(metrics)
        #expect(exposition.value(#"guichet_http_requests_total{route="/reprendre/{code}",method="GET",status="200"}"#) == 2)
        for code in shown {
            for form in [code, code.replacingOccurrences(of: "-", with: ""), String(code.prefix(9))] {
                #expect(!exposition.text.contains(form), "a code (or part of one) in the metrics")
            }
        }
        #expect(exposition.value(#"guichet_private_file_events_total{event="created"}"#) == 1)
        // The owner's page and the visitor's POST opened the file; the stranger's unknown code did not.
        #expect(exposition.value(#"guichet_private_file_events_total{event="opened"}"#) == 2)
        #expect(exposition.value(#"guichet_private_file_events_total{event="not_found"}"#) == 1)
        #expect(exposition.value(#"guichet_db_pool_wait_seconds_count{backend="sqlite",access="write"}"#) ?? 0 > 0)
    }

    @Test("the page cache counts its hits and misses; searches and pool waits are timed")
    func cacheSearchAndPool() async throws {
        let metrics = SiteMetrics()
        try await makeMeasuredApp(metrics: metrics).test(.router) { client in
            for _ in 0..<3 { _ = try await client.execute(uri: "/dossier/ce-2019", method: .get) }
            _ = try await client.execute(uri: "/recherche?q=prefecture", method: .get)
            _ = try await client.execute(uri: "/api/recherche?q=asile", method: .get)
        }
        let exposition = Exposition(metrics)
        #expect(exposition.value(#"guichet_page_cache_lookups_total{result="miss"}"#) == 1)
        #expect(exposition.value(#"guichet_page_cache_lookups_total{result="hit"}"#) == 2)
        #expect(exposition.value("guichet_search_duration_seconds_count") == 2)
        #expect(!exposition.text.contains("prefecture") && !exposition.text.contains("asile"), "queries are not labels")
        #expect(exposition.value(#"guichet_db_pool_wait_seconds_count{backend="sqlite",access="read"}"#) ?? 0 > 0)
        #expect(exposition.text.contains(#"guichet_http_request_duration_seconds_bucket{route="/dossier/{item}",le="0.001"}"#))
    }

    @Test("without a token, /metrics on the site's port is the ordinary 404, even with metrics on")
    func mainPortWithoutToken() async throws {
        let metrics = SiteMetrics()
        try await makeMeasuredApp(metrics: metrics).test(.router) { client in
            for method in [HTTPRequest.Method.get, .head] {
                let response = try await client.execute(uri: "/metrics", method: method, headers: [.authorization: "Bearer anything-at-all-here"])
                #expect(response.status == .notFound)
                #expect(!String(buffer: response.body).contains("guichet_http"))
            }
        }
        try await makeTestApp().test(.router) { client in
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .notFound, "no metrics, no /metrics")
        }
    }

    @Test("with a token, /metrics on the site's port answers the bearer of that token only")
    func mainPortWithToken() async throws {
        let metrics = SiteMetrics()
        let token = "s3cr3t-t0ken-for-tests"
        let configuration = WebConfiguration(baseURL: "https://guichet.example/", metricsToken: token)
        try await makeMeasuredApp(metrics: metrics, configuration: configuration).test(.router) { client in
            for header in [nil, "Bearer wrong-token-of-same-size", "Bearer \(token)x", "Basic \(token)", token] {
                let headers: HTTPFields = header.map { [.authorization: $0] } ?? [:]
                let response = try await client.execute(uri: "/metrics", method: .get, headers: headers)
                #expect(response.status == .notFound, "\(header ?? "no header")")
                #expect(response.headers[.contentSecurityPolicy] != nil)
            }
            _ = try await client.execute(uri: "/", method: .get)
            let response = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(response.headers[.contentSecurityPolicy] != nil)
            let body = String(buffer: response.body)
            #expect(body.contains(#"guichet_http_requests_total{route="/",method="GET",status="200"} 1"#))
            #expect(!body.contains(token))
        }
    }

    @Test("the metrics listener serves /metrics and nothing else, and scraping it counts no request")
    func listener() async throws {
        let metrics = SiteMetrics()
        try await makeMeasuredApp(metrics: metrics).test(.router) { client in
            _ = try await client.execute(uri: "/", method: .get)
        }
        try await Application(router: buildMetricsRouter(metrics: metrics)).test(.router) { client in
            for _ in 0..<2 {
                let response = try await client.execute(uri: "/metrics", method: .get)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
                #expect(String(buffer: response.body).contains(#"guichet_http_requests_total{route="/",method="GET",status="200"} 1"#))
            }
            let head = try await client.execute(uri: "/metrics", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(try await client.execute(uri: "/", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .notFound)
        }
        #expect(!Exposition(metrics).text.contains(#"route="/metrics""#))
    }

    @Test("resident memory and open descriptors are read from the process directory at each scrape")
    func processGauges() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-proc-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("fd"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "2500 250 30 1 0 100 0\n".write(to: folder.appendingPathComponent("statm"), atomically: true, encoding: .utf8)
        for name in ["0", "1", "2"] {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("fd/\(name)").path, contents: nil)
        }
        let statistics = ProcessStatistics(directory: folder.path, pageSize: 4096)
        #expect(statistics.residentBytes() == 1_024_000)
        #expect(statistics.openDescriptors() == 3)
        let metrics = SiteMetrics(processDirectory: folder.path)
        var exposition = Exposition(metrics)
        #expect(exposition.value("process_resident_memory_bytes") == Double(250 * ProcessStatistics(directory: folder.path).pageSize))
        #expect(exposition.value("process_open_fds") == 3)
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("fd/3").path, contents: nil)
        exposition = Exposition(metrics)
        #expect(exposition.value("process_open_fds") == 4, "read again at each scrape")
        #expect(!Exposition(SiteMetrics(processDirectory: folder.appendingPathComponent("absent").path)).text.contains("process_"))
    }

    #if os(Linux)
    @Test("on Linux, the process's own /proc/self gives a resident size and a descriptor count")
    func ownProcess() throws {
        let statistics = ProcessStatistics(directory: "/proc/self")
        #expect(try #require(statistics.residentBytes()) > 1_000_000)
        // Other tests open and close files meanwhile: the count is only checked to be there.
        #expect(try #require(statistics.openDescriptors()) >= 3, "standard input, output and error at least")
    }
    #endif

    @Test("the bearer check wants the exact token", arguments: [
        ("Bearer abcdefghijklmnop", true), ("Bearer abcdefghijklmnoq", false), ("Bearer abcdefghijklmno", false),
        ("Bearer abcdefghijklmnopq", false), ("Bearer  abcdefghijklmnop", false), ("abcdefghijklmnop", false),
        ("Basic abcdefghijklmnop", false), ("", false), ("bearer abcdefghijklmnop", true), ("Bearer ", false),
    ])
    func bearer(header: String, accepted: Bool) {
        #expect(MetricsRoutes.isAuthorized(header, token: "abcdefghijklmnop") == accepted)
        #expect(!MetricsRoutes.isAuthorized(header, token: ""))
    }
}

@Suite("Web: liveness and readiness")
struct ProbeTests {
    @Test("/readyz is 200 on a working database, with the security headers, and answers HEAD")
    func ready() async throws {
        try await makeTestApp().test(.router) { client in
            let response = try await client.execute(uri: "/readyz", method: .get)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == "ok\n")
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            let head = try await client.execute(uri: "/readyz", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
        }
    }

    func app(_ store: FailingDossierStore, timeout: Duration = .seconds(2)) async throws -> some ApplicationProtocol {
        let database = try SQLiteDatabase()
        return Application(
            router: buildRouter(
                dependencies: WebDependencies(dossier: store, search: SQLiteSearchIndex(database: database)),
                configuration: WebConfiguration(baseURL: "https://guichet.example/", readinessTimeout: timeout)))
    }

    @Test("/readyz is 503 when the store fails; /healthz stays 200: liveness never touches the database")
    func storeFails() async throws {
        try await app(FailingDossierStore(failure: .unavailable)).test(.router) { client in
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .serviceUnavailable)
            #expect(String(buffer: ready.body).hasPrefix("indisponible"))
            #expect(ready.headers[.contentSecurityPolicy] != nil)
            #expect(try await client.execute(uri: "/readyz", method: .head).status == .serviceUnavailable)
            let live = try await client.execute(uri: "/healthz", method: .get)
            #expect(live.status == .ok)
            #expect(String(buffer: live.body) == #"{"status":"ok"}"#)
        }
    }

    @Test("/readyz answers 503 after its timeout when the database does not answer, without waiting for it", .timeLimit(.minutes(1)))
    func storeStuck() async throws {
        // The store would answer in an hour: only the timeout can give the 503 (whatever the load on the machine).
        try await app(FailingDossierStore(failure: .stuck(.seconds(3600))), timeout: .milliseconds(100)).test(.router) { client in
            let response = try await client.execute(uri: "/readyz", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(String(buffer: response.body).hasPrefix("indisponible"))
        }
    }
}
