import CompressNIO
import Testing
import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import GuichetCore
import GuichetStorage
import GuichetSQLite
import GuichetTestSupport
@testable import GuichetWeb

/// The site driven through its router, without sockets, over an in-memory SQLite dossier.
@Suite("Web: dossier routes")
struct DossierRoutesTests {
    func makeApp() async throws -> some ApplicationProtocol { try await makeTestApp() }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    @Test("the home page lists the sections and the latest items, with the security headers")
    func home() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                let html = Self.text(response)
                #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"fr\" dir=\"ltr\">"))
                #expect(html.contains("href=\"/rubriques/prefectures\">I. Démarches en préfecture</a>"))
                #expect(html.contains("href=\"/dossier/rapport-ddd-2024\""))
                #expect(html.contains("Mis à jour le 11\u{00A0}décembre\u{00A0}2024"))
                #expect(!html.contains("<script"))
            }
        }
    }

    @Test("an item page shows its kind, date, tags, sources and related items")
    func item() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/dossier/ce-2022", method: .get) { response in
                #expect(response.status == .ok)
                let html = Self.text(response)
                #expect(html.contains("<h1>ANEF\u{00A0}: accompagnement et solution de substitution obligatoires</h1>"))
                #expect(html.contains("Décision de justice"))
                #expect(html.contains("<time datetime=\"2022-06-03\">3\u{00A0}juin\u{00A0}2022</time>"))
                #expect(html.contains("href=\"/themes/conseil-d-etat\">Conseil d&#39;État</a>") || html.contains("href=\"/themes/conseil-d-etat\">Conseil d'État</a>"))
                #expect(html.contains("href=\"https://example.org/ce-2022\">Vie publique</a>"))
                #expect(html.contains("href=\"/dossier/ce-2019\""))
            }
        }
    }

    @Test("a section page shows its introduction and items; a page beyond the last is a 404")
    func section() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/rubriques/asile", method: .get) { response in
                #expect(response.status == .ok)
                let html = Self.text(response)
                #expect(html.contains("notifie les décisions"))
                #expect(html.contains("href=\"/dossier/ofpra-notification\""))
                #expect(!html.contains("href=\"/dossier/ce-2019\""))
            }
            try await client.execute(uri: "/rubriques/asile?page=2", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/rubriques/asile?page=abc", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test("unknown pages get a French 404 page; other languages on request")
    func notFound() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/dossier/nexiste-pas", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(Self.text(response).contains("<h1>Page introuvable</h1>"))
                #expect(response.headers[.contentSecurityPolicy] != nil)
            }
            try await client.execute(uri: "/nimporte/quoi?lang=en", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(Self.text(response).contains("<h1>Page not found</h1>"))
            }
            try await client.execute(uri: "/dossier/..%2F..%2Fetc%2Fpasswd", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test("the language comes from ?lang, then Accept-Language; Arabic is right to left")
    func languages() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "ar,fr;q=0.5"]) { response in
                let html = Self.text(response)
                #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
                #expect(response.headers[.vary] == "Accept-Language, Accept-Encoding")
                // Editorial content stays French, marked as such.
                #expect(html.contains("lang=\"fr\" dir=\"ltr\""))
            }
            try await client.execute(uri: "/?lang=en", method: .get, headers: [.acceptLanguage: "ar"]) { response in
                let html = Self.text(response)
                #expect(html.contains("<html lang=\"en\" dir=\"ltr\">"))
                #expect(html.contains("href=\"/rubriques/prefectures?lang=en\""))
            }
        }
    }

    @Test("HEAD answers like GET without a body; a matching ETag gives 304")
    func headAndETag() async throws {
        try await makeApp().test(.router) { client in
            let eTag = try await client.execute(uri: "/dossier/ce-2019", method: .get) { response in
                #expect(response.status == .ok)
                return try #require(response.headers[.eTag])
            }
            try await client.execute(uri: "/dossier/ce-2019", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.eTag] == eTag)
            }
            try await client.execute(uri: "/dossier/ce-2019", method: .get, headers: [.ifNoneMatch: eTag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test("a client that accepts gzip gets the page compressed once, with its own ETag; others get it as is")
    func gzip() async throws {
        try await makeApp().test(.router) { client in
            let plain = try await client.execute(uri: "/dossier/ce-2019", method: .get) { response in
                #expect(response.headers[.contentEncoding] == nil)
                #expect(response.headers[.vary]?.contains("Accept-Encoding") == true)
                return (Array(response.body.readableBytesView), try #require(response.headers[.eTag]))
            }
            let compressed = try await client.execute(
                uri: "/dossier/ce-2019", method: .get, headers: [.acceptEncoding: "br;q=1.0, gzip;q=0.8, *;q=0.1"]
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentEncoding] == "gzip")
                #expect(response.headers[.vary]?.contains("Accept-Encoding") == true)
                #expect(response.headers[.contentSecurityPolicy] != nil, "security headers on the compressed variant too")
                return (response.body, try #require(response.headers[.eTag]))
            }
            #expect(compressed.1 != plain.1)
            var body = compressed.0
            #expect(body.readableBytes < plain.0.count / 2)
            let inflated = try body.decompress(with: .gzip())
            #expect(Array(inflated.readableBytesView) == plain.0, "the same bytes once inflated")
            // 304 for the variant the client holds.
            try await client.execute(
                uri: "/dossier/ce-2019", method: .get, headers: [.acceptEncoding: "gzip", .ifNoneMatch: compressed.1]
            ) { response in
                #expect(response.status == .notModified)
                #expect(response.headers[.contentEncoding] == "gzip")
            }
            // gzip;q=0 is a refusal.
            try await client.execute(uri: "/dossier/ce-2019", method: .get, headers: [.acceptEncoding: "gzip;q=0"]) { response in
                #expect(response.headers[.contentEncoding] == nil)
            }
            #expect(!Response.acceptsGzip("identity") && Response.acceptsGzip("deflate, gzip") && !Response.acceptsGzip("*;q=0"))
        }
    }

    @Test("topic pages list the items of a tag")
    func themes() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/themes", method: .get) { response in
                #expect(Self.text(response).contains("href=\"/themes/asile\""))
            }
            try await client.execute(uri: "/themes/rendez-vous", method: .get) { response in
                let html = Self.text(response)
                #expect(html.contains("href=\"/dossier/ce-2019\""))
                #expect(html.contains("href=\"/dossier/rapport-ddd-2024\""))
                #expect(!html.contains("href=\"/dossier/ofpra-notification\""))
            }
            try await client.execute(uri: "/themes/inconnu", method: .get) { #expect($0.status == .notFound) }
        }
    }
}
