import Testing
import Foundation
import Hummingbird
import HummingbirdTesting
import GuichetCore
import GuichetSQLite
import GuichetStorage
import GuichetServices
import GuichetTestSupport
import GuichetViews
@testable import GuichetWeb

@Suite("Web: platform status, incidents and the outage certificate")
struct PlatformStatusRoutesTests {
    /// Friday 4 December 2026, 10:00 in Paris.
    static let now: Int64 = 1_796_374_800
    /// Tuesday 1 December 2026, 09:00 in Paris.
    static let t1: Int64 = 1_796_112_000

    static let platforms: [Platform] = [
        Platform(
            id: Platform.ID("anef")!, name: "ANEF", entryURL: ProbeURL("https://administration-etrangers-en-france.interieur.gouv.fr/")!,
            sources: [DatedSource(title: "Réfugiés.info", url: "https://refugies.info/", checked: LocalDate(year: 2026, month: 12, day: 1)!)],
            isVerified: true),
        Platform(
            id: Platform.ID("ofpra")!, name: "Ofpra", entryURL: ProbeURL("https://ofpra.gouv.fr/")!,
            sources: [DatedSource(title: "Gisti", url: "https://gisti.org/", checked: LocalDate(year: 2026, month: 12, day: 1)!)],
            isVerified: false),
    ]

    static func makeApp(probing: Bool = true, seed: Bool = true) async throws -> (some ApplicationProtocol, SQLitePlatformProbeStore) {
        let database = try SQLiteDatabase()
        let store = SQLitePlatformProbeStore(database: database)
        if seed {
            for (minutes, outcome) in [(0, PlatformProbe.Outcome.http(status: 200)), (10, .http(status: 503)), (20, .error(.timeout)), (30, .http(status: 200)), (40, .http(status: 502)), (50, .error(.connectionRefused))] {
                try await store.record(PlatformProbe(platform: Platform.ID("anef")!, at: t1 + Int64(minutes) * 60, outcome: outcome, durationMilliseconds: 100 + minutes))
            }
        }
        let dossier = try await IndexedDossier.make(store: SQLiteDossierStore(database: database), search: SQLiteSearchIndex(database: database))
        let observatory = PlatformObservatory(
            platforms: platforms, store: store, isProbingEnabled: probing,
            userAgent: probing ? "guichet-observatoire/1 (+mailto:obs@association.example)" : "(sondage désactivé sur ce site)",
            reports: { [("anef", ReportWeek(year: 2026, week: 49)!, 7)] })
        let app = Application(
            router: buildRouter(
                dependencies: WebDependencies(
                    dossier: dossier.store, search: dossier.search, platforms: observatory,
                    now: { Date(timeIntervalSince1970: TimeInterval(now)) }),
                configuration: WebConfiguration(baseURL: "https://guichet.example")))
        return (app, store)
    }

    @Test("the status page: last probe in Paris time, result and time taken, « jamais sondée », incidents newest first with their evidence")
    func statusPage() async throws {
        let (app, _) = try await Self.makeApp()
        try await app.test(.router) { client in
            try await client.execute(uri: "/etat-des-plateformes", method: .get) { response in
                #expect(response.status == .ok)
                let raw = String(buffer: response.body)
                #expect(raw.utf8.count + Stylesheet.css.utf8.count <= 30 * 1024, "\(raw.utf8.count) bytes")
                let html = raw.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
                #expect(html.contains("<time datetime=\"2026-12-01T08:50:00Z\">1er décembre 2026, 09:50</time>"))
                #expect(html.contains("<td class=\"down\">connexion refusée — en panne<br>Incident en cours depuis le 1er décembre 2026, 09:40</td>"))
                #expect(html.contains("<td>150 ms</td>"))
                #expect(html.contains("<td colspan=\"3\">jamais sondée</td>"))
                #expect(html.contains("adresse non vérifiée"))
                // Newest first: the ongoing one (2 failures), then 09:10–09:30 with the week's 7 reports.
                let ongoing = try #require(html.range(of: "depuis le 1er décembre 2026, 09:40 (en cours)"))
                let closed = try #require(html.range(of: "du 1er décembre 2026, 09:10 au 1er décembre 2026, 09:30"))
                #expect(ongoing.lowerBound < closed.lowerBound)
                #expect(html.contains("2 sondage(s) en échec, 7 signalement(s) « site en panne »"))
                #expect(html.contains("<code>guichet-observatoire/1 (+mailto:obs@association.example)</code>"))
                #expect(html.contains("action=\"/etat-des-plateformes/attestation\""))
            }
            try await client.execute(uri: "/etat-des-plateformes?lang=ar", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
                #expect(html.contains("حالة المنصات الإلكترونية"))
                #expect(html.contains("<strong lang=\"fr\" dir=\"ltr\">ANEF</strong>"))
            }
            try await client.execute(uri: "/sitemap.xml", method: .get) { response in
                #expect(String(buffer: response.body).contains("/etat-des-plateformes</loc>"))
            }
        }
    }

    @Test("probing off: the page says so for platforms never probed")
    func probingOff() async throws {
        let (app, _) = try await Self.makeApp(probing: false, seed: false)
        try await app.test(.router) { client in
            try await client.execute(uri: "/etat-des-plateformes", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Le sondage des plateformes est désactivé sur ce site"))
                #expect(html.components(separatedBy: "<td colspan=\"3\">sondage désactivé sur ce site</td>").count - 1 == 2)
                #expect(!html.contains("<code>guichet-observatoire"))
            }
        }
    }

    @Test("the certificate: a PDF/A named after the platform and period")
    func certificate() async throws {
        let (app, _) = try await Self.makeApp()
        try await app.test(.router) { client in
            try await client.execute(uri: "/etat-des-plateformes/attestation?plateforme=anef&du=2026-11-01&au=2026-12-04", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/pdf")
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"attestation-anef-2026-11-01-2026-12-04.pdf\"")
                let bytes = Array(buffer: response.body)
                #expect(bytes.starts(with: Array("%PDF-".utf8)))
                #expect(String(decoding: bytes, as: UTF8.self).contains("pdfaid:part"))
            }
        }
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        let query: String
        let message: String
        var testDescription: String { message }
    }

    static let refusals: [Refusal] = [
        Refusal(query: "plateforme=inexistante&du=2026-11-01&au=2026-11-30", message: "Plateforme inconnue : « inexistante »"),
        Refusal(query: "du=2026-11-01&au=2026-11-30", message: "Choisissez une plateforme"),
        Refusal(query: "plateforme=anef&du=2026-11-31&au=2026-11-30", message: "Date impossible ou mal écrite pour « du »"),
        Refusal(query: "plateforme=anef&du=2026-11-30&au=2026-11-01", message: "La période est à"),
        Refusal(query: "plateforme=anef&du=2026-12-01&au=2026-12-05", message: "La période ne peut pas finir dans le futur"),
        Refusal(query: "plateforme=anef&du=2025-01-01&au=2026-11-30", message: "Période trop longue : 699 jours"),
    ]

    @Test("a refused request is a 422 page saying why in French, and changes nothing", arguments: refusals)
    func refused(_ refusal: Refusal) async throws {
        let (app, store) = try await Self.makeApp()
        let before = try await store.probes(platform: nil, from: 0, to: .max)
        try await app.test(.router) { client in
            try await client.execute(uri: "/etat-des-plateformes/attestation?" + refusal.query, method: .get) { response in
                #expect(response.status == .unprocessableContent)
                let html = String(buffer: response.body).replacingOccurrences(of: "\u{A0}", with: " ")
                    .replacingOccurrences(of: "\u{202F}", with: " ")
                #expect(html.contains(refusal.message), "\(html)")
                #expect(html.contains("<a href=\"/etat-des-plateformes#attestation\">"))
            }
        }
        #expect(try await store.probes(platform: nil, from: 0, to: .max) == before)
    }

    @Test("the incidents' open data: CSV rows and a Table Schema with the licence")
    func openData() async throws {
        let (app, _) = try await Self.makeApp()
        try await app.test(.router) { client in
            try await client.execute(uri: "/donnees/observatoire-incidents.csv", method: .get) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                let lines = String(buffer: response.body).components(separatedBy: "\r\n")
                #expect(lines[0] == "plateforme,plateforme_nom,debut,fin,en_cours,sondages_en_echec,signalements,semaines_signalees")
                #expect(lines[1] == "anef,ANEF,2026-12-01T08:40:00Z,,true,2,0,")
                #expect(lines[2] == "anef,ANEF,2026-12-01T08:10:00Z,2026-12-01T08:30:00Z,false,2,7,2026-W49")
                #expect(lines.count == 4 && lines[3].isEmpty)
            }
            try await client.execute(uri: "/donnees/observatoire-incidents.schema.json", method: .get) { response in
                let schema = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any]
                #expect((schema?["licenses"] as? [[String: Any]])?.first?["title"] as? String == "Licence Ouverte 2.0")
                #expect((schema?["fields"] as? [Any])?.count == 8)
            }
        }
    }
}
