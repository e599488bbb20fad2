import Testing
import Foundation
import Hummingbird
import HummingbirdTesting
import GuichetSQLite
import GuichetTestSupport
@testable import GuichetWeb

@Suite("Web: search, feeds, sitemap, system")
struct SearchAndFeedRoutesTests {
    func makeApp() async throws -> some ApplicationProtocol { try await makeTestApp() }

    @Test("the search page shows hits with highlighted words")
    func searchPage() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/recherche?q=refus%C3%A9", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<mark>refusées</mark>"))
                #expect(html.contains("href=\"/dossier/ce-2019\""))
                #expect(html.contains("value=\"refusé\""))
            }
        }
    }

    @Test("a result page is kept: the same query again has the same ETag, 304 and a gzip copy; a long query is not kept")
    func cachedResultPages() async throws {
        try await makeApp().test(.router) { client in
            let first = try await client.execute(uri: "/recherche?q=rendez-vous", method: .get) { response in
                #expect(response.status == .ok)
                return try #require(response.headers[.eTag])
            }
            try await client.execute(uri: "/recherche?q=rendez-vous", method: .get, headers: [.ifNoneMatch: first]) { response in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: "/recherche?q=rendez-vous", method: .get, headers: [.acceptEncoding: "gzip"]) { response in
                #expect(response.headers[.contentEncoding] == "gzip")
            }
            // Another spelling shows its own text in the search box: its own page.
            try await client.execute(uri: "/recherche?q=Rendez-vous", method: .get) { response in
                #expect(response.headers[.eTag] != first)
                #expect(String(buffer: response.body).contains("value=\"Rendez-vous\""))
            }
            let long = String(repeating: "préfecture ", count: 40)
            let encoded = long.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            try await client.execute(uri: "/recherche?q=\(encoded)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == nil)
                #expect(response.headers[.cacheControl] == "no-cache")
            }
        }
    }

    @Test("hostile queries are words, escaped in the page")
    func hostileSearch() async throws {
        try await makeApp().test(.router) { client in
            let query = "%22%3Cscript%3Ealert(1)%3C%2Fscript%3E%20NEAR(titre%20*)%20OR%20-x"
            try await client.execute(uri: "/recherche?q=\(query)", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(!html.contains("<script>"))
                #expect(html.contains("&lt;script&gt;"))
            }
            let long = String(repeating: "a%20", count: 5_000)
            try await client.execute(uri: "/api/recherche?q=\(long)", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test("the JSON API gives plain snippets, highlights and absolute URLs")
    func api() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/api/recherche?q=Ofpra%20notifi%C3%A9es", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let json = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any]
                let results = try #require(json?["results"] as? [[String: Any]])
                let first = try #require(results.first)
                #expect(first["url"] as? String == "https://guichet.example/dossier/ofpra-notification")
                #expect(first["type"] as? String == "texte")
                #expect((first["snippet"] as? String)?.contains("\u{02}") == false)
                #expect((first["highlights"] as? [String])?.isEmpty == false)
                #expect(json?["words"] as? [String] == ["ofpra", "notifiées"])
            }
            try await client.execute(uri: "/api/recherche?q=x&page=0", method: .get) { #expect($0.status == .badRequest) }
        }
    }

    @Test("the Atom feeds list items newest first with absolute links")
    func feeds() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/flux.atom", method: .get) { response in
                #expect(response.headers[.contentType] == "application/atom+xml; charset=utf-8")
                let xml = String(buffer: response.body)
                #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>"))
                #expect(xml.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://guichet.example/flux.atom\"/>"))
                let first = try #require(xml.range(of: "rapport-ddd-2024"))
                let last = try #require(xml.range(of: "/dossier/ce-2019"))
                #expect(first.lowerBound < last.lowerBound)
                #expect(xml.contains("<updated>2024-12-11T00:00:00+01:00</updated>"))
            }
            try await client.execute(uri: "/rubriques/asile/flux.atom", method: .get) { response in
                let xml = String(buffer: response.body)
                #expect(xml.contains("ofpra-notification"))
                #expect(!xml.contains("/dossier/ce-2019"))
            }
            try await client.execute(uri: "/rubriques/nope/flux.atom", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test("the sitemap lists every page")
    func sitemap() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/sitemap.xml", method: .get) { response in
                let xml = String(buffer: response.body)
                for path in ["/", "/themes", "/rubriques/prefectures", "/rubriques/asile", "/dossier/ce-2019", "/dossier/ce-2022",
                    "/dossier/ofpra-notification", "/dossier/rapport-ddd-2024", "/themes/asile", "/a-propos"]
                {
                    #expect(xml.contains("<loc>https://guichet.example\(path)</loc>"), "missing \(path)")
                }
            }
        }
    }

    @Test("health, stylesheet and OpenAPI document are served")
    func system() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
            }
            try await client.execute(uri: "/static/style.css", method: .get) { response in
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(String(buffer: response.body).contains("@media print"))
            }
            try await client.execute(uri: "/api/openapi.yaml", method: .get) { response in
                #expect(String(buffer: response.body).hasPrefix("openapi: 3.1.0"))
            }
            try await client.execute(uri: "/static/../Package.swift", method: .get) { #expect($0.status == .notFound) }
        }
    }
}
