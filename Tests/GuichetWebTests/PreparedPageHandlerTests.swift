import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Testing
import GuichetSQLite
import GuichetTestSupport
@testable import GuichetWeb

#if canImport(Glibc)
import Glibc
#endif

/// The application over sockets, as `guichet serve` builds it (the prepared pages in front of the router), over an
/// in-memory SQLite dossier built from the fixtures.
func makeLiveApp(prepared: PreparedPages, metrics: SiteMetrics? = nil, warmUpPages: Int = 0) async throws
    -> some ApplicationProtocol
{
    let database = try SQLiteDatabase()
    let dossier = try await IndexedDossier.make(
        store: SQLiteDossierStore(database: database), search: SQLiteSearchIndex(database: database))
    return buildApplication(
        dependencies: WebDependencies(
            dossier: dossier.store, search: dossier.search, metrics: metrics, now: { Date(timeIntervalSince1970: 1_795_687_200) }),
        configuration: WebConfiguration(baseURL: "https://guichet.example/", warmUpPages: warmUpPages), host: "127.0.0.1", port: 0,
        logger: Logger(label: "test"), prepared: prepared)
}

/// One response as it came on the wire.
struct RawResponse {
    let head: String
    let body: [UInt8]

    var status: Int { Int(head.split(separator: " ")[1]) ?? 0 }

    func header(_ name: String) -> String? {
        for line in head.split(separator: "\r\n").dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == name.lowercased() { return parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }

    /// The bytes with the `Date` value blanked: two answers a second apart differ there only.
    var bytesWithoutDate: [UInt8] {
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).map { line in
            line.lowercased().hasPrefix("date:") ? "date: -" : String(line)
        }
        return Array(lines.joined(separator: "\r\n").utf8) + body
    }
}

/// An HTTP/1.1 connection on loopback that sends bytes exactly as given and reads the responses as they come,
/// unparsed: what a test of exact bytes or of pipelining needs (HummingbirdTesting's client rebuilds them). Its
/// socket calls block, so they run on a dispatch thread: blocking the cooperative pool would starve the router.
final class RawConnection: @unchecked Sendable {
    private let descriptor: Int32
    private var received: [UInt8] = []

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard connected == 0 else {
            close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(descriptor) }

    func send(_ text: String) async throws {
        try await Self.offPool { try self.blockingSend(text) }
    }

    func response(isHead: Bool = false) async throws -> RawResponse {
        try await Self.offPool { try self.blockingResponse(isHead: isHead) }
    }

    static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    private func blockingSend(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw POSIXError(.EPIPE) }
            sent += count
        }
    }

    /// The next response; `isHead` when it answers a `HEAD` (no body, whatever its `Content-Length`).
    private func blockingResponse(isHead: Bool) throws -> RawResponse {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            if received.count >= 4 {
                headEnd = (0...(received.count - 4)).first { Array(received[$0..<$0 + 4]) == separator }
            }
            if headEnd == nil { try fill() }
        }
        let head = String(decoding: received[0..<headEnd!], as: UTF8.self)
        let partial = RawResponse(head: head, body: [])
        let length = isHead || partial.status == 304 || partial.status == 204 ? 0 : Int(partial.header("content-length") ?? "0") ?? 0
        let total = headEnd! + 4 + length
        while received.count < total { try fill() }
        let response = RawResponse(head: head + "\r\n\r\n", body: Array(received[(headEnd! + 4)..<total]))
        received.removeFirst(total)
        return response
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw POSIXError(.ECONNRESET) }
        received += chunk[0..<count]
    }
}

@Suite("Web: prepared pages in front of the router")
struct PreparedPageHandlerTests {
    static func request(_ method: String, _ target: String, _ headers: [String] = []) -> String {
        ([method + " " + target + " HTTP/1.1", "Host: 127.0.0.1"] + headers).joined(separator: "\r\n") + "\r\n\r\n"
    }

    static func request(_ target: String, _ headers: [String] = []) -> String { request("GET", target, headers) }

    @Test(
        "a page answered by the handler is byte for byte the router's answer (Date aside): GET, HEAD, gzip, 304",
        arguments: ["/dossier/ce-2019", "/", "/flux.atom", "/static/style.css", "/recherche?q=rendez-vous", "/themes?lang=en"])
    func sameBytes(path: String) async throws {
        let prepared = PreparedPages()
        try await makeLiveApp(prepared: prepared).test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            // Each variant on an address of its own (an ignored query parameter), so that its first request goes
            // through the router and the second is answered in front of it.
            let separator = path.contains("?") ? "&" : "?"
            try await connection.send(Self.request(path + separator + "v=etag"))
            let plainTag = try #require(try await connection.response().header("etag"))
            try await connection.send(Self.request(path + separator + "v=etag-gzip", ["Accept-Encoding: gzip"]))
            let gzipTag = try #require(try await connection.response().header("etag"))
            let variants: [(method: String, headers: [String], status: Int)] = [
                ("GET", [], 200), ("GET", ["Accept-Encoding: gzip"], 200), ("HEAD", [], 200),
                ("HEAD", ["Accept-Encoding: gzip, deflate"], 200), ("GET", ["If-None-Match: \(plainTag)"], 304),
                ("GET", ["Accept-Encoding: gzip", "If-None-Match: \(gzipTag)"], 304), ("HEAD", ["If-None-Match: \(plainTag)"], 304),
                ("GET", ["Accept-Language: ar", "Accept-Encoding: br;q=1.0, gzip;q=0.8"], 200),
            ]
            for (index, variant) in variants.enumerated() {
                let request = Self.request(variant.method, path + separator + "v=\(index)", variant.headers)
                let before = prepared.answered
                try await connection.send(request)
                let routed = try await connection.response(isHead: variant.method == "HEAD")
                #expect(prepared.answered == before, "the first request of an address goes to the router")
                try await connection.send(request)
                let fast = try await connection.response(isHead: variant.method == "HEAD")
                #expect(prepared.answered == before + 1, "the second one is answered in front of it: \(request)")
                #expect(routed.status == variant.status, "\(request)")
                #expect(fast.bytesWithoutDate == routed.bytesWithoutDate, "\(request)\n\(routed.head)\n\(fast.head)")
                #expect(fast.header("date")?.hasSuffix(" GMT") == true)
                #expect(fast.header("content-security-policy")?.contains("default-src 'none'") == true)
            }
        }
    }

    @Test("pipelined requests are answered in their order, hits and misses mixed")
    func pipelined() async throws {
        let prepared = PreparedPages()
        try await makeLiveApp(prepared: prepared).test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            try await connection.send(Self.request("/static/style.css") + Self.request("/dossier/ce-2019"))
            _ = try await connection.response()
            _ = try await connection.response()
            let before = prepared.answered
            // hit, miss (not cached), hit, miss (404), HEAD hit, miss (a form's POST target), hit
            try await connection.send(
                Self.request("/static/style.css") + Self.request("/healthz") + Self.request("/dossier/ce-2019")
                    + Self.request("/nulle-part") + Self.request("HEAD", "/static/style.css") + Self.request("/readyz")
                    + Self.request("/dossier/ce-2019"))
            var responses: [RawResponse] = []
            for isHead in [false, false, false, false, true, false, false] { responses.append(try await connection.response(isHead: isHead)) }
            #expect(responses.map(\.status) == [200, 200, 200, 404, 200, 200, 200])
            #expect(responses[0].header("content-type") == "text/css; charset=utf-8")
            #expect(String(decoding: responses[1].body, as: UTF8.self) == #"{"status":"ok"}"#)
            #expect(responses[2].header("content-type") == "text/html; charset=utf-8")
            #expect(String(decoding: responses[5].body, as: UTF8.self) == "ok\n")
            #expect(responses[6].body == responses[2].body)
            #expect(prepared.answered > before, "some of them were answered in front of the router")
            #expect(prepared.answered <= before + 4, "only the cached pages")
        }
    }

    @Test("requests answered in front of the router are counted like the router's: route template, status, cache hit")
    func counted() async throws {
        let metrics = SiteMetrics()
        let measured = PreparedPages(metrics: metrics)
        try await makeLiveApp(prepared: measured, metrics: metrics).test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            for _ in 0..<5 {
                try await connection.send(Self.request("/dossier/ce-2019"))
                _ = try await connection.response()
            }
            try await connection.send(Self.request("HEAD", "/dossier/ce-2019"))
            _ = try await connection.response(isHead: true)
            #expect(measured.answered == 5)
            let exposition = Exposition(metrics)
            #expect(exposition.value(#"guichet_http_requests_total{route="/dossier/{item}",method="GET",status="200"}"#) == 5)
            #expect(exposition.value(#"guichet_http_requests_total{route="/dossier/{item}",method="HEAD",status="200"}"#) == 1)
            #expect(exposition.value(#"guichet_page_cache_lookups_total{result="hit"}"#) == 5)
            #expect(exposition.value(#"guichet_page_cache_lookups_total{result="miss"}"#) == 1)
        }
    }

    @Test("before the port opens, the sitemap's pages, the feeds and the stylesheet are rendered and prepared")
    func warmUp() async throws {
        let prepared = PreparedPages()
        try await makeLiveApp(prepared: prepared, warmUpPages: 5000).test(.live) { client in
            #expect(prepared.count > 10)
            let connection = try RawConnection(port: try #require(client.port))
            let paths = ["/dossier/ce-2019", "/", "/themes", "/flux.atom", "/static/style.css", "/sitemap.xml"]
            for path in paths {
                try await connection.send(Self.request(path))
                #expect(try await connection.response().status == 200, "\(path)")
            }
            #expect(prepared.answered == paths.count, "each answered in front of the router from its first request")
        }
    }

    @Test("the warm-up reads the site's own addresses from the sitemap")
    func sitemapLocations() {
        let sitemap = """
            <urlset><url><loc>https://guichet.example</loc></url><url><loc>https://guichet.example/themes?page=2&amp;x=1</loc></url>\
            <url><loc>https://ailleurs.example/x</loc></url></urlset>
            """
        #expect(PageWarmUp.locations(in: sitemap, baseURL: "https://guichet.example") == ["/", "/themes?page=2&x=1"])
    }

    // The handler alone, on an embedded channel.

    static func page() async throws -> PreparedPages {
        let prepared = PreparedPages()
        let text = String(repeating: "page ", count: 400)
        let entry = try #require(try await PageCache().value("page", contentType: ContentType.html) { text })
        prepared.keep(entry, target: "/page", acceptLanguage: nil, route: "/page", hits: nil)
        return prepared
    }

    static func channel(_ prepared: PreparedPages) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel(handler: PreparedPageHandler(pages: prepared, serverName: "guichet"))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 8080)).wait()
        return channel
    }

    static func head(_ method: HTTPRequest.Method = .get, _ path: String, _ fields: HTTPFields = [:]) -> HTTPRequestPart {
        .head(HTTPRequest(method: method, scheme: nil, authority: "127.0.0.1", path: path, headerFields: fields))
    }

    @Test("anything but a bodiless GET or HEAD of a kept page, in the reader's language, goes on to the router untouched")
    func missesFallThrough() async throws {
        let prepared = try await Self.page()
        for (request, why) in [
            (Self.head(.get, "/autre"), "an address not kept"), (Self.head(.post, "/page"), "a POST"),
            (Self.head(.get, "/page", [.acceptLanguage: "en"]), "another language"),
            (Self.head(.get, "/page?x=1"), "another target"), (Self.head(.get, "/page", [.connection: "close"]), "Connection: close"),
            (Self.head(.get, "/page", [.contentLength: "3"]), "a body"), (Self.head(.get, "/page", [.transferEncoding: "chunked"]), "a chunked body"),
        ] {
            let channel = try Self.channel(prepared)
            try channel.writeInbound(request)
            try channel.writeInbound(HTTPRequestPart.end(nil))
            #expect(try channel.readInbound(as: HTTPRequestPart.self) == request, "\(why)")
            #expect(try channel.readInbound(as: HTTPRequestPart.self) == .end(nil), "\(why)")
            #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil, "\(why): nothing answered")
        }
        #expect(prepared.answered == 0)
    }

    @Test("a kept page is answered on the channel: head, body, end; a HEAD without body; nothing reaches the router")
    func hit() async throws {
        let prepared = try await Self.page()
        let channel = try Self.channel(prepared)
        try channel.writeInbound(Self.head(.get, "/page", [.acceptLanguage: "fr-FR, fr;q=0.9", .connection: "keep-alive"]))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        guard case .head(let response) = try channel.readOutbound(as: HTTPResponsePart.self) else {
            Issue.record("no head")
            return
        }
        #expect(response.status == .ok)
        #expect(response.headerFields[.contentLength] == "2000")
        #expect(response.headerFields[.server] == "guichet")
        guard case .body(let body) = try channel.readOutbound(as: HTTPResponsePart.self) else {
            Issue.record("no body")
            return
        }
        #expect(body.readableBytes == 2000)
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == .end(nil))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == nil)

        try channel.writeInbound(Self.head(.head, "/page"))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        guard case .head(let headResponse) = try channel.readOutbound(as: HTTPResponsePart.self) else {
            Issue.record("no head")
            return
        }
        #expect(headResponse.headerFields[.contentLength] == "2000")
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == .end(nil), "no body for HEAD")
        #expect(prepared.answered == 2)
    }

    @Test("behind a request the router has not answered yet, a kept page waits its turn: it goes to the router too")
    func order() async throws {
        let prepared = try await Self.page()
        let channel = try Self.channel(prepared)
        try channel.writeInbound(Self.head(.get, "/autre"))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        try channel.writeInbound(Self.head(.get, "/page"))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil, "nothing answered before /autre")
        var forwarded: [HTTPRequestPart] = []
        while let part = try channel.readInbound(as: HTTPRequestPart.self) { forwarded.append(part) }
        #expect(forwarded.count == 4, "both requests went on to the router, in order")
        // The router answers both; afterwards, kept pages are answered here again.
        for _ in 0..<2 {
            try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
            try channel.writeOutbound(HTTPResponsePart.end(nil))
        }
        while try channel.readOutbound(as: HTTPResponsePart.self) != nil {}
        try channel.writeInbound(Self.head(.get, "/page"))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == nil)
        #expect(prepared.answered == 1)
    }

    @Test("the Date header is RFC 9110's IMF-fixdate, as Foundation writes it", arguments: [
        0, 784_111_777, 951_782_400, 1_795_687_200, 4_102_444_799, 1_709_164_800,
    ])
    func date(seconds: Int) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        #expect(HTTPDate.format(seconds) == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }
}
