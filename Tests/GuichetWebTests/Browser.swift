import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import GuichetContent
import GuichetCore
import GuichetServices
import GuichetSQLite
import GuichetTestSupport
@testable import GuichetWeb

/// A minimal browser over the test client: keeps cookies (honouring Max-Age=0), sends the anti-forgery token the
/// way a form would, follows one 303.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]
    var headers: HTTPFields = [:]

    init(_ client: any TestClientProtocol) { self.client = client }

    /// A page's HTML as a string.
    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    func request(_ uri: String, method: HTTPRequest.Method, headers extra: HTTPFields = [:], body: ByteBuffer? = nil)
        async throws -> TestResponse
    {
        var fields = headers
        for field in extra { fields.append(field) }
        if !cookies.isEmpty {
            fields[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        let response = try await client.execute(uri: uri, method: method, headers: fields, body: body)
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            if header.contains("Max-Age=0") { cookies[String(pair[0])] = nil } else { cookies[String(pair[0])] = String(pair[1]) }
        }
        return response
    }

    func get(_ uri: String) async throws -> TestResponse { try await request(uri, method: .get) }

    /// Posts url-encoded `fields` plus the token from the cookie (as the page's hidden field would).
    func post(_ uri: String, _ fields: [(String, String)], token: String? = nil) async throws -> TestResponse {
        let all = [("jeton", token ?? cookies[ParcoursRoutes.tokenCookie] ?? "")] + fields
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await request(
            uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
    }

    /// Posts a multipart form with one file part `fichier`.
    func postFile(_ uri: String, _ fields: [(String, String)], file: [UInt8], filename: String = "capture.png")
        async throws -> TestResponse
    {
        let boundary = "----guichet-test-boundary"
        var body: [UInt8] = []
        for (name, value) in [("jeton", cookies[ParcoursRoutes.tokenCookie] ?? "")] + fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"\(filename)\"\r\nContent-Type: image/png\r\n\r\n".utf8)
        body += file
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        return try await request(
            uri, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
            body: ByteBuffer(bytes: body))
    }

    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E: out.unicodeScalars.append(Unicode.Scalar(byte))
            case 0x20: out += "+"
            default: out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    // MARK: Interview steps

    /// Starts the path: intro page (sets the token), POST (shows the code). Returns the code as displayed.
    func start(_ slug: String) async throws -> String {
        let intro = try await get("/parcours/\(slug)")
        #expect(intro.status == .ok)
        let created = try await post("/parcours/\(slug)", [])
        #expect(created.status == .ok)
        let html = Self.text(created)
        let code = try #require(Self.capture(html, after: "id=\"code\" class=\"code\" readonly value=\"", until: "\""))
        #expect(cookies[ParcoursRoutes.codeCookie] == code)
        return code
    }

    /// Answers the screen `token`, checking that it is the one shown.
    func answer(_ token: String, _ raw: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let page = try await get("/mon-dossier")
        let html = Self.text(page)
        #expect(html.contains("name=\"ecran\" value=\"\(token)\""), "expected screen \(token)", sourceLocation: sourceLocation)
        let response = try await post("/mon-dossier", [("ecran", token), ("reponse", raw), ("action", "continuer")])
        #expect(response.status == .seeOther, "\(token) = \(raw): \(response.status)", sourceLocation: sourceLocation)
        if response.status != .seeOther {
            Issue.record("refused: \(Self.text(response).prefix(3000))", sourceLocation: sourceLocation)
        }
    }

    /// Answers every step in order, then confirms the review; returns the result page's HTML.
    func walk(_ steps: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        for (token, raw) in steps { try await answer(token, raw, sourceLocation: sourceLocation) }
        let review = Self.text(try await get("/mon-dossier"))
        #expect(review.contains("Vérifiez vos réponses"), sourceLocation: sourceLocation)
        let confirmed = try await post("/mon-dossier", [("action", "confirmer")])
        #expect(confirmed.status == .seeOther, sourceLocation: sourceLocation)
        let result = try await get("/mon-dossier")
        #expect(result.status == .ok, sourceLocation: sourceLocation)
        return Self.text(result)
    }

    static func capture(_ text: String, after prefix: String, until end: String) -> String? {
        guard let start = text.range(of: prefix) else { return nil }
        guard let stop = text[start.upperBound...].range(of: end) else { return nil }
        return String(text[start.upperBound..<stop.lowerBound])
    }
}

/// Collects every log line (message and metadata) so that a test can search them.
final class LogRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var text: String { lock.withLock { lines.joined(separator: "\n") } }

    func logger() -> Logger {
        Logger(label: "guichet.test") { label in RecordingHandler(recorder: self, label: label) }
    }

    struct RecordingHandler: LogHandler {
        let recorder: LogRecorder
        let label: String
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            recorder.append("\(event.level) \(label) \(event.message) \(merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })")
        }
    }
}

/// The four definitions shipped in content/parcours.
enum ShippedInterviews {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("content").path

    static func load() throws -> [InterviewDefinition] {
        let files = try ContentDirectory.read(at: root).filter { $0.path.hasPrefix("parcours/") }
        return ContentParser.parse(files).interviews
    }
}

/// The application with the self-help paths over `database` (in memory by default).
func makeParcoursApp(
    database: SQLiteDatabase? = nil, now: @escaping @Sendable () -> Date, logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
    configuration: WebConfiguration = WebConfiguration(baseURL: "https://guichet.example/"), metrics: SiteMetrics? = nil,
    reports: ObservationReports? = nil, observatory: Observatory.Board? = nil
) async throws -> some ApplicationProtocol {
    let database = try database ?? SQLiteDatabase()
    let dossier = try await IndexedDossier.make(
        store: SQLiteDossierStore(database: database), search: SQLiteSearchIndex(database: database))
    let store = SQLitePrivateFileStore(database: database)
    let files = metrics.map { PrivateCaseFiles(store: store, logger: logger, metrics: $0.factory) } ?? PrivateCaseFiles(store: store, logger: logger)
    let parcours = ParcoursDependencies(interviews: try ShippedInterviews.load(), files: files, limits: store)
    return Application(
        router: buildRouter(
            dependencies: WebDependencies(
                dossier: dossier.store, search: dossier.search, parcours: parcours, metrics: metrics, observatory: observatory,
                reports: reports, now: now),
            configuration: configuration, logger: logger),
        logger: logger)
}
