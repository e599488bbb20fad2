import Testing
import Foundation
import Logging
import GuichetCore
import GuichetStorage
import GuichetSQLite
import GuichetTestSupport
@testable import GuichetProber

/// The prober against local servers on 127.0.0.1 only: these machines reach no other host.
@Suite("Platform prober")
struct PlatformProberTests {
    static let logger = Logger(label: "guichet.test", factory: { _ in SwiftLogNoOpLogHandler() })
    static let contact = "mailto:observatoire@association.example"
    static let t0: Int64 = 1_795_000_000

    /// A clock the test moves by hand.
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Int64
        init(_ value: Int64) { self.value = value }
        var now: Int64 { lock.withLock { value } }
        func advance(_ seconds: Int64) { lock.withLock { value += seconds } }
    }

    static func platform(_ id: String, port: Int, path: String = "/") -> Platform {
        Platform(
            id: Platform.ID(id)!, name: id, entryURL: ProbeURL("http://127.0.0.1:\(port)\(path)")!,
            sources: [DatedSource(title: "test", url: "https://example.org", checked: LocalDate(year: 2026, month: 12, day: 1)!)],
            isVerified: true)
    }

    static func prober(
        _ platforms: [Platform], store: any PlatformProbeStore, clock: Clock, timeout: Duration = .seconds(5)
    ) -> PlatformProber {
        PlatformProber(
            platforms: platforms, store: store, configuration: ProberConfiguration(contact: contact, timeout: timeout)!,
            client: HTTPProbeClient(timeout: timeout), now: { clock.now }, logger: logger)
    }

    @Test("an answer's status and time are recorded, with the User-Agent naming the deployment's contact")
    func statusAndTime() async throws {
        let server = try await LocalHTTPServer(["/": .init(status: 200, delayMilliseconds: 150), "/robots.txt": .init(status: 404)])
        defer { Task { await server.stop() } }
        let store = SQLitePlatformProbeStore(database: try SQLiteDatabase())
        let clock = Clock(Self.t0)
        let probes = await Self.prober([Self.platform("anef", port: server.port)], store: store, clock: clock).runOnce()
        let probe = try #require(probes.first)
        #expect(probe.outcome == .http(status: 200))
        #expect(probe.at == Self.t0)
        // The server answers after a delay: the time taken is at least that (no upper bound: a loaded machine is slow).
        #expect(probe.durationMilliseconds >= 150, "\(probe.durationMilliseconds) ms")
        #expect(try await store.probes(platform: nil, from: 0, to: .max) == [probe])
        #expect(server.requests.map(\.path) == ["/robots.txt", "/"])
        #expect(server.requests.allSatisfy { $0.userAgent == "guichet-observatoire/1 (+mailto:observatoire@association.example)" && $0.method == "GET" })
    }

    // The limit guards against a hang (the server never answers): without the probe's own timeout the test would wait.
    @Test("a server that never answers is recorded as a timeout, after the time limit", .timeLimit(.minutes(1)))
    func timeout() async throws {
        let server = try await LocalHTTPServer(["/": .init(hangs: true), "/robots.txt": .init(status: 404)])
        defer { Task { await server.stop() } }
        let store = SQLitePlatformProbeStore(database: try SQLiteDatabase())
        let probes = await Self.prober([Self.platform("anef", port: server.port)], store: store, clock: Clock(Self.t0), timeout: .milliseconds(400))
            .runOnce()
        let probe = try #require(probes.first)
        #expect(probe.outcome == .error(.timeout))
        #expect(probe.durationMilliseconds >= 390, "\(probe.durationMilliseconds) ms")
        #expect(probe.verdict == .down)
    }

    @Test("a closed port is recorded as « connexion-refusee »")
    func connectionRefused() async throws {
        let port = try await LocalHTTPServer.closedPort()
        let store = SQLitePlatformProbeStore(database: try SQLiteDatabase())
        let probes = await Self.prober([Self.platform("ofpra", port: port)], store: store, clock: Clock(Self.t0)).runOnce()
        #expect(probes.map(\.outcome) == [.error(.connectionRefused)])
        #expect(probes.first?.outcomeCode == "erreur-connexion-refusee")
    }

    @Test(
        "robots.txt is obeyed: a Disallow for the prober or for * means no request of the entry page, recorded as such",
        arguments: [
            "User-agent: guichet-observatoire\nDisallow: /\n",
            "User-agent: *\nDisallow: /\n",
            "User-agent: somebot\nAllow: /\n\nUser-agent: *\nDisallow: /demarches\n",
        ])
    func robotsDisallow(_ robots: String) async throws {
        let server = try await LocalHTTPServer(["/robots.txt": .init(status: 200, body: robots), "/demarches": .init(status: 200)])
        defer { Task { await server.stop() } }
        let store = SQLitePlatformProbeStore(database: try SQLiteDatabase())
        let probes = await Self.prober([Self.platform("anef", port: server.port, path: "/demarches")], store: store, clock: Clock(Self.t0)).runOnce()
        #expect(probes.map(\.outcome) == [.robotsDisallowed])
        #expect(server.requests.map(\.path) == ["/robots.txt"], "only robots.txt was requested")
        #expect(try await store.probes(platform: nil, from: 0, to: .max).map(\.outcomeCode) == ["robots-interdit"])
    }

    @Test("a robots.txt group for another robot, or an Allow that is longer, leaves the page allowed")
    func robotsAllow() async throws {
        let robots = "User-agent: autrebot\nDisallow: /\n\nUser-agent: guichet-observatoire\nDisallow: /prive\nAllow: /\n"
        let server = try await LocalHTTPServer(["/robots.txt": .init(status: 200, body: robots), "/": .init(status: 200)])
        defer { Task { await server.stop() } }
        let store = SQLitePlatformProbeStore(database: try SQLiteDatabase())
        let probes = await Self.prober([Self.platform("anef", port: server.port)], store: store, clock: Clock(Self.t0)).runOnce()
        #expect(probes.map(\.outcome) == [.http(status: 200)])
    }

    @Test("a redirection is recorded as such and never followed (no login page is requested)")
    func noRedirectFollowed() async throws {
        let server = try await LocalHTTPServer([
            "/robots.txt": .init(status: 404),
            "/": .init(status: 302, body: "", headers: [("Location", "/connexion?captcha=1")]),
            "/connexion?captcha=1": .init(status: 200),
        ])
        defer { Task { await server.stop() } }
        let store = SQLitePlatformProbeStore(database: try SQLiteDatabase())
        let probes = await Self.prober([Self.platform("anef", port: server.port)], store: store, clock: Clock(Self.t0)).runOnce()
        #expect(probes.map(\.outcome) == [.http(status: 302)])
        #expect(probes.first?.verdict == .up)
        #expect(!server.requests.contains { $0.path.hasPrefix("/connexion") })
    }

    @Test("a server error for robots.txt: the entry page is not requested and the error is the observation")
    func robotsServerError() async throws {
        let server = try await LocalHTTPServer(["/robots.txt": .init(status: 503), "/": .init(status: 200)])
        defer { Task { await server.stop() } }
        let store = SQLitePlatformProbeStore(database: try SQLiteDatabase())
        let probes = await Self.prober([Self.platform("anef", port: server.port)], store: store, clock: Clock(Self.t0)).runOnce()
        #expect(probes.map(\.outcome) == [.http(status: 503)])
        #expect(server.requests.map(\.path) == ["/robots.txt"])
    }

    @Test("at most one request per host every 10 minutes, across the host's platforms, restarts and a second node")
    func tenMinutesPerHost() async throws {
        let server = try await LocalHTTPServer(["/robots.txt": .init(status: 404), "/a": .init(status: 200), "/b": .init(status: 503)])
        defer { Task { await server.stop() } }
        let other = try await LocalHTTPServer(["/robots.txt": .init(status: 404), "/": .init(status: 200)])
        defer { Task { await other.stop() } }
        let store = SQLitePlatformProbeStore(database: try SQLiteDatabase())
        let clock = Clock(Self.t0)
        let platforms = [
            Self.platform("rdv-93", port: server.port, path: "/a"), Self.platform("rdv-94", port: server.port, path: "/b"),
            Self.platform("anef", port: other.port),
        ]
        let first = Self.prober(platforms, store: store, clock: clock)
        #expect(await first.runOnce().map(\.platform.rawValue).sorted() == ["anef", "rdv-93"], "one platform per host")
        clock.advance(300)
        #expect(await first.runOnce().isEmpty, "5 minutes later: no host's turn")
        // Another node (or the same after a restart) sharing the store: the turn is the store's.
        let secondNode = Self.prober(platforms, store: store, clock: clock)
        #expect(await secondNode.runOnce().isEmpty, "another node 5 minutes later: nothing either")
        clock.advance(299)
        #expect(await secondNode.runOnce().isEmpty, "9 min 59 s: still nothing")
        clock.advance(1)
        let third = await secondNode.runOnce()
        #expect(third.map(\.platform.rawValue).sorted() == ["anef", "rdv-94"], "10 minutes: the host's other platform takes its turn")
        let entryRequests = server.requests.filter { $0.path != "/robots.txt" }.map(\.path)
        #expect(entryRequests == ["/a", "/b"])
        #expect(server.requests.filter { $0.path == "/robots.txt" }.count == 2, "robots.txt read within a turn, once per process")
        let stored = try await store.probes(platform: nil, from: 0, to: .max)
        let hostOf = Dictionary(platforms.map { ($0.id, $0.hostKey) }, uniquingKeysWith: { a, _ in a })
        let byHost = Dictionary(grouping: stored, by: { probe in hostOf[probe.platform] ?? "" })
        for (_, probes) in byHost {
            for (a, b) in zip(probes, probes.dropFirst()) { #expect(b.at - a.at >= 600) }
        }
    }

    @Test("the prober is refused without a contact, or with one that is not mailto: or http(s)://")
    func contactRequired() {
        #expect(ProberConfiguration(contact: "") == nil)
        #expect(ProberConfiguration(contact: "observatoire@association.example") == nil)
        #expect(ProberConfiguration(contact: "mailto:") == nil)
        #expect(ProberConfiguration(contact: "mailto:a b@c.example") == nil)
        #expect(ProberConfiguration(contact: "mailto:obs@association.example")?.userAgent == "guichet-observatoire/1 (+mailto:obs@association.example)")
        #expect(ProberConfiguration(contact: "https://association.example/contact")?.interval == 600)
        #expect(ProberConfiguration(contact: "https://association.example/contact", interval: 60)?.interval == 600, "never less than 10 minutes")
    }

    @Test("the error classes of NIO's errors")
    func classification() {
        #expect(HTTPProbeClient.classify(ProbeTimeout()) == .timeout)
        #expect(HTTPProbeClient.classify(ProbeConnectionClosed()) == .connectionReset)
        #expect(HTTPProbeClient.classify(CocoaError(.fileNoSuchFile)) == .other)
    }
}
