import Testing
import Foundation
import Hummingbird
import HummingbirdTesting
import GuichetSQLite
import GuichetTestSupport
@testable import GuichetWeb

@Suite("Web: deadline calculator")
struct DeadlineRoutesTests {
    /// 2026-11-26T10:00:00Z, fixed.
    static let instant = Date(timeIntervalSince1970: 1_795_687_200)

    func makeApp() async throws -> some ApplicationProtocol { try await makeTestApp(now: { Self.instant }) }

    @Test("the empty form is offered without any error")
    func emptyForm() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/delais", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<select id=\"regle\" name=\"regle\" aria-describedby=\"regle-aide\">"))
                #expect(html.contains("<option value=\"93\">93 — Seine-Saint-Denis</option>"))
                #expect(!html.contains("error-summary"))
            }
            try await client.execute(uri: "/delais?regle=cnda", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<option value=\"cnda\" selected>"))
            }
        }
    }

    @Test("a result shows the deadline, its steps, its source and the competent court")
    func result() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/delais?regle=recours-contentieux&date=2021-01-03&departement=93", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("Date limite\u{00A0}: jeudi 4\u{00A0}mars\u{00A0}2021."))
                #expect(html.contains("Délai franc\u{00A0}: le dernier jour utile est le jeudi 4\u{00A0}mars\u{00A0}2021."))
                #expect(html.contains("art. R.421-1 du code de justice administrative"))
                #expect(html.contains("règle vérifiée le 26\u{00A0}novembre\u{00A0}2026"))
                #expect(html.contains("Tribunal administratif de Montreuil"))
                #expect(html.contains("href=\"/delais/echeance.ics?regle=recours-contentieux&amp;date=2021-01-03&amp;departement=93\""))
            }
        }
    }

    @Test("French typography on French text only: the French result on English and Arabic pages, not their interface")
    func typographyByLanguage() async throws {
        try await makeApp().test(.router) { client in
            let query = "/delais?regle=renouvellement-titre-anef&date=2027-02-28"
            try await client.execute(uri: query, method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Le guichet qui reste ouvert\u{00A0}: vos droits"))
                #expect(html.contains("Règle non vérifiée\u{00A0}: faites confirmer cette date"))
                #expect(html.contains("Source\u{00A0}: "))
            }
            try await client.execute(uri: query + "&lang=en", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Période de dépôt\u{00A0}: du"), "the French result is typeset")
                #expect(html.contains("The counter that stays open: your rights"))
                #expect(html.contains("<span lang=\"en\" dir=\"ltr\">Unverified rule: have this date confirmed"))
                #expect(html.contains("<span lang=\"en\" dir=\"ltr\">Source : </span>"))
                #expect(!html.contains("rule\u{00A0}:") && !html.contains("open\u{00A0}:"))
            }
            try await client.execute(uri: query + "&lang=ar", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Période de dépôt\u{00A0}: du"), "the French result is typeset")
                #expect(html.contains("الشبّاك الذي يبقى مفتوحًا: حقوقك"))
                #expect(html.contains("<span lang=\"ar\" dir=\"rtl\">قاعدة غير مؤكدة: اطلب"))
                #expect(!html.contains("\u{00A0}: حقوقك") && !html.contains("مؤكدة\u{00A0}:"))
            }
        }
    }

    @Test("an unverified rule says so on the page")
    func unverified() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/delais?regle=renouvellement-titre-anef&date=2027-02-28", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Règle non vérifiée"))
                #expect(html.contains("Période de dépôt\u{00A0}: du"))
            }
        }
    }

    @Test("every invalid field is listed in an error summary linked to the field, and the answers are kept")
    func errors() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/delais?regle=oqtf-48h&date=2025-02-30&departement=20&distance=lune", method: .get) { response in
                #expect(response.status == .unprocessableContent)
                let html = String(buffer: response.body)
                #expect(html.contains("<div class=\"error-summary\" role=\"alert\""))
                #expect(html.contains("<a href=\"#date\">Indiquez une date qui existe"))
                #expect(html.contains("<a href=\"#heure\">Ce délai se compte en heures"))
                #expect(html.contains("<a href=\"#departement\">Choisissez un département"))
                #expect(html.contains("<a href=\"#distance\">Choisissez un seul lieu"))
                // What was typed is kept, in a text input since it is not a valid date.
                #expect(html.contains("type=\"text\" id=\"date\" name=\"date\" value=\"2025-02-30\" aria-describedby=\"date-aide date-erreur\" aria-invalid=\"true\""))
                #expect(html.contains("<option value=\"oqtf-48h\" selected>"))
            }
        }
    }

    @Test("the calendar file carries the deadline, reminders 7 days and 1 day before, and a fixed stamp")
    func calendar() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/delais/echeance.ics?regle=oqtf-48h&date=2026-03-27&heure=10:00&departement=75", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
                #expect(text.contains("DTSTAMP:20261126T100000Z\r\n"))
                // Sunday 29 March 2026, 10:00 in Paris (summer time) = 08:00 UTC.
                #expect(text.contains("DTSTART:20260329T080000Z\r\n"))
                #expect(text.contains("TRIGGER:-P7D\r\n") && text.contains("TRIGGER:-P1D\r\n"))
                #expect(text.hasSuffix("END:VCALENDAR\r\n"))
                for line in text.split(separator: "\r\n") { #expect(line.utf8.count <= 75) }
            }
            try await client.execute(uri: "/delais/echeance.ics?regle=inconnue&date=2026-03-27", method: .get) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test("section pages link to the deadlines that matter there")
    func sectionLinks() async throws {
        try await makeApp().test(.router) { client in
            try await client.execute(uri: "/rubriques/asile", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("href=\"/delais?regle=ofpra-notification\""))
                #expect(html.contains("href=\"/delais?regle=cnda\""))
            }
        }
    }
}
