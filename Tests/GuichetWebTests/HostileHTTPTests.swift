import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import GuichetWeb

/// Methods, HEAD, traversal and headers: what a probing client gets.
@Suite("Web: hostile requests")
struct HostileHTTPTests {
    static let instant = Date(timeIntervalSince1970: 1_794_477_600)

    @Test("a method a resource does not take gets 405 with Allow; an unknown resource stays 404")
    func methodNotAllowed() async throws {
        let app = try await makeParcoursApp(now: { Self.instant })
        try await app.test(.router) { client in
            for (method, path, allow) in [
                (HTTPRequest.Method.delete, "/", "GET, HEAD"), (.post, "/delais", "GET, HEAD"), (.put, "/mon-dossier", "GET, HEAD, POST"),
                (.patch, "/parcours/refus-visa", "GET, HEAD, POST"), (.options, "/recherche", "GET, HEAD"),
            ] {
                let response = try await client.execute(uri: path, method: method)
                #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                #expect(response.headers[.allow] == allow, "\(method) \(path)")
                #expect(response.headers[.contentSecurityPolicy] != nil)
            }
            #expect(try await client.execute(uri: "/nulle-part", method: .delete).status == .notFound)
            #expect(try await client.execute(uri: "/nulle-part", method: .post).status == .notFound)
        }
    }

    @Test("HEAD answers wherever GET does, without a body")
    func head() async throws {
        let app = try await makeParcoursApp(now: { Self.instant })
        try await app.test(.router) { client in
            for path in ["/", "/parcours", "/parcours/refus-visa", "/reprendre", "/delais", "/static/style.css", "/flux.atom", "/healthz", "/readyz"] {
                let response = try await client.execute(uri: path, method: .head)
                #expect(response.status == .ok, "\(path)")
                #expect(response.body.readableBytes == 0, "\(path)")
            }
            #expect(try await client.execute(uri: "/mon-dossier", method: .head).status == .notFound, "no session: the uniform 404")
        }
    }

    @Test("paths that climb out of the site find nothing", arguments: [
        "/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2fetc%2fpasswd", "/static/style.css/..",
        "/dossier/..%2f..%2fPackage.swift", "/mon-dossier/piece/..%2f..%2fguichet.sqlite",
    ])
    func traversal(path: String) async throws {
        let app = try await makeParcoursApp(now: { Self.instant })
        try await app.test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .notFound)
            let body = String(buffer: response.body)
            #expect(!body.contains("root:"))
            #expect(!body.contains("SQLite format"))
        }
    }

    @Test("every response carries the security headers, errors and private pages included")
    func securityHeaders() async throws {
        let app = try await makeParcoursApp(now: { Self.instant })
        try await app.test(.router) { client in
            let browser = Browser(client)
            var responses = [try await browser.get("/"), try await browser.get("/nulle-part"), try await browser.get("/mon-dossier")]
            _ = try await browser.start("refus-visa")
            responses += [try await browser.get("/mon-dossier"), try await browser.post("/mon-dossier", [("ecran", "x")], token: "")]
            responses.append(try await client.execute(uri: "/", method: .delete))
            responses += [try await browser.get("/healthz"), try await browser.get("/readyz")]
            for response in responses {
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true, "\(response.status)")
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            }
        }
    }

    @Test("a broken multipart body is refused with 400 wherever a form is taken, before any token check")
    func brokenMultipart() async throws {
        let app = try await makeParcoursApp(now: { Self.instant })
        try await app.test(.router) { client in
            for path in ["/parcours/refus-visa", "/reprendre", "/mon-dossier", "/mon-dossier/supprimer"] {
                let response = try await client.execute(
                    uri: path, method: .post, headers: [.contentType: "multipart/form-data; boundary=XyZ"],
                    body: ByteBuffer(string: "--XyZ\r\nno headers end"))
                #expect(response.status == .badRequest, "\(path)")
            }
        }
    }
}
