import Testing
import Foundation
import Hummingbird
import HummingbirdTesting
import GuichetCore
import GuichetContent
import GuichetTestSupport
@testable import GuichetWeb

/// The page's text with French typography's no-break spaces (U+00A0, U+202F) read as spaces.
private func plain(_ buffer: ByteBuffer) -> String {
    String(buffer: buffer).replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
}

@Suite("Web: guides")
struct GuideRoutesTests {
    static let guides = ContentParser.parse(GuideFixtures.files).guides.map(\.guide)

    func makeApp() async throws -> some ApplicationProtocol { try await makeTestApp(guides: Self.guides) }

    @Test("the fixture guide parses, so that the routes have something to serve")
    func fixture() {
        #expect(Self.guides.map(\.id.rawValue) == ["renouvellement-test"])
    }

    @Test("/guides lists the guides by situation, with the first FALC line in the reader's language")
    func list() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/guides", method: .get) { response in
                #expect(response.status == .ok)
                let html = plain(response.body)
                #expect(html.contains("Je veux…"))
                #expect(html.contains("href=\"/guides/renouvellement-test\""))
                #expect(!html.contains("Ça bloque…"), "a situation without guides is not shown")
            }
            try await client.execute(uri: "/guides?lang=ar", method: .get) { response in
                let html = plain(response.body)
                #expect(html.contains("<p lang=\"ar\" dir=\"rtl\">ستنتهي بطاقة إقامتك.</p>"))
                #expect(html.contains("href=\"/guides/renouvellement-test?lang=ar\""))
            }
        }
    }

    @Test("a guide shows its FALC summary in the reader's language, or in French with a note")
    func easyRead() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/guides/renouvellement-test?lang=ar", method: .get) { response in
                #expect(response.status == .ok)
                let html = plain(response.body)
                #expect(html.contains("<ul lang=\"ar\" dir=\"rtl\">\n<li>ستنتهي بطاقة إقامتك.</li>"))
                #expect(!html.contains("Ce résumé n’existe pas encore"))
            }
            try await client.execute(uri: "/guides/renouvellement-test?lang=ti", method: .get) { response in
                let html = plain(response.body)
                #expect(html.contains("<html lang=\"ti\" dir=\"ltr\">"))
                // No Tigrinya summary in the fixture: the French one, marked as French.
                #expect(html.contains("<ul lang=\"fr\" dir=\"ltr\">\n<li>Votre titre de séjour va finir.</li>"))
            }
            try await client.execute(uri: "/guides/renouvellement-test?lang=fa", method: .get) { response in
                let html = plain(response.body)
                #expect(html.contains("<html lang=\"fa\" dir=\"rtl\">"))
            }
        }
    }

    @Test("a guide shows its facts, sources with their dates, the unverified points and the letters")
    func facts() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/guides/renouvellement-test", method: .get) { response in
                let html = plain(response.body)
                #expect(html.contains("href=\"https://administration-etrangers-en-france.interieur.gouv.fr\""))
                #expect(html.contains("La façon de compter les jours de la période : à vérifier."))
                // A source consulted on another day than the guide's says when; the others share the guide's date.
                #expect(html.contains("Article R.431-15-1 du CESEDA</a> — consultée le 20 novembre 2026"))
                #expect(html.contains("Article R.431-5 du CESEDA</a></li>"))
                #expect(html.contains("Informations vérifiées le 1er décembre 2026."))
                #expect(html.contains("Lettre à la préfecture : demande de rendez-vous"))
                #expect(html.contains("Une lettre recommandée à la préfecture"))
                #expect(html.contains("<option value=\"renouvellement-titre-anef\">"))
                // The rule's source and its date are shown where the rule is.
                #expect(html.contains("R.431-5"))
            }
        }
    }

    @Test("a deadline is computed on the guide's page from the date given, with its source")
    func computesDeadline() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(
                uri: "/guides/renouvellement-test?regle=silence-titre-sejour&date=2026-01-15&departement=93", method: .get
            ) { response in
                #expect(response.status == .ok)
                let html = plain(response.body)
                #expect(html.contains("id=\"resultat\""))
                // Four months after 15 January 2026: 15 May 2026.
                #expect(html.contains("15 mai 2026"))
                // The département also names the court.
                #expect(html.contains("Tribunal administratif de Montreuil"))
                // The long guide is left out of a result page, linked instead.
                #expect(!html.contains("Gardez une copie de chaque page envoyée"))
                #expect(html.contains("<a href=\"/guides/renouvellement-test\">Lire le guide complet</a>"))
            }
        }
    }

    @Test("the guide says what the prefecture of the département given announces, from the observatory")
    func prefectureAnnounces() async throws {
        let source = Observatory.Source(title: "La Cimade", url: "https://www.lacimade.org/x", checked: LocalDate(year: 2026, month: 12, day: 1)!)
        let board = Observatory.Board(
            checked: LocalDate(year: 2026, month: 12, day: 1)!,
            national: [.renewal: Observatory.Fact(channel: .anef, alternative: .yes, sources: [source])],
            departments: ["93": Observatory.DepartmentRecord(
                code: "93", checked: LocalDate(year: 2026, month: 12, day: 1)!,
                procedures: [.renewal: Observatory.Fact(
                    channel: .onlineAppointment, alternative: .unknown, asOf: LocalDate(year: 2022, month: 7, day: 6), sources: [source])])],
            decisions: [])
        try await makeTestApp(guides: Self.guides, observatory: board).test(.router) { client in
            try await client.execute(uri: "/guides/renouvellement-test", method: .get) { response in
                let html = plain(response.body)
                #expect(html.contains("href=\"/observatoire?procedure=sejour-renouvellement\""))
            }
            try await client.execute(uri: "/guides/renouvellement-test?departement=93", method: .get) { response in
                let html = plain(response.body)
                #expect(html.contains("<strong>93 Seine-Saint-Denis</strong> : rendez-vous en ligne (6 juillet 2022)"))
                #expect(html.contains("Alternative annoncée : inconnu"))
                #expect(html.contains("href=\"/observatoire/93\""))
            }
            try await client.execute(uri: "/guides/renouvellement-test?departement=01", method: .get) { response in
                let html = plain(response.body)
                #expect(html.contains("<strong>01 Ain</strong> : ANEF (en ligne)"))
                #expect(html.contains("(règle nationale)"))
            }
        }
    }

    @Test("a rule the guide does not cite, a wrong date or département: 422 with the message, nothing computed")
    func refusesBadInput() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/guides/renouvellement-test?regle=cnda&date=2026-01-15", method: .get) { response in
                #expect(response.status == .unprocessableContent)
                let html = plain(response.body)
                #expect(html.contains("href=\"#regle\""))
                #expect(!html.contains("id=\"resultat\""))
            }
            try await client.execute(uri: "/guides/renouvellement-test?regle=silence-titre-sejour&date=2026-02-30", method: .get) { response in
                #expect(response.status == .unprocessableContent)
                let html = plain(response.body)
                #expect(html.contains("href=\"#date\""))
                // What the person typed is kept.
                #expect(html.contains("value=\"2026-02-30\""))
            }
            try await client.execute(uri: "/guides/renouvellement-test?departement=999", method: .get) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/guides/inexistant", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("the search shows the matching guides before the dossier's hits, and the sitemap lists the guides")
    func searchAndSitemap() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/recherche?q=renouveler%20titre", method: .get) { response in
                let html = plain(response.body)
                let guide = try #require(html.range(of: "href=\"/guides/renouvellement-test\""))
                #expect(html.contains("Guides pratiques"))
                if let hit = html.range(of: "class=\"hits\"") { #expect(guide.lowerBound < hit.lowerBound) }
            }
            try await client.execute(uri: "/recherche?q=naturalisation", method: .get) { response in
                #expect(!String(buffer: response.body).contains("/guides/renouvellement-test"))
            }
            try await client.execute(uri: "/sitemap.xml", method: .get) { response in
                let xml = String(buffer: response.body)
                #expect(xml.contains("<loc>https://guichet.example/guides/renouvellement-test</loc><lastmod>2026-12-01</lastmod>"))
                #expect(xml.contains("<loc>https://guichet.example/guides</loc>"))
            }
        }
    }
}
