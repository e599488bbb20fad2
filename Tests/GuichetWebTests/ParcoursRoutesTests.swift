import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import GuichetCore
import GuichetEncryption
import GuichetSQLite
@testable import GuichetWeb

/// The four self-help paths driven end to end through the router, as a browser would: cookies, tokens, redirects.
@Suite("Web: self-help paths")
struct ParcoursRoutesTests {
    /// 2026-11-12T10:00:00Z: the day the engine's path tests use.
    static let instant = Date(timeIntervalSince1970: 1_794_477_600)

    static func attempts(_ moments: [String]) -> [(String, String)] {
        var steps: [(String, String)] = []
        for (index, moment) in moments.enumerated() {
            steps += [
                ("tentatives+\(index)", "oui"), ("tentatives.\(index).at", moment),
                ("tentatives.\(index).channel", "site-prefecture"), ("tentatives.\(index).outcome", "aucun-creneau"),
                ("tentatives.\(index).capture", ""), ("tentatives.\(index).note", ""),
            ]
        }
        return steps + [("tentatives+\(moments.count)", "non")]
    }

    static let identity: [(String, String)] = [
        ("courriers", "oui"), ("nom", "Awa Exemple"), ("date_naissance", "01/02/1990"), ("lieu_naissance", "Bamako (Mali)"),
        ("nationalite", "malienne"), ("adresse", "1 rue de l'Exemple\n93200 Saint-Denis"),
    ]

    @Test("the list and the start pages of the seven paths")
    func listAndIntro() async throws {
        let app = try await makeParcoursApp(now: { Self.instant })
        try await app.test(.router) { client in
            let browser = Browser(client)
            let list = Browser.text(try await browser.get("/parcours"))
            for slug in [
                "rendez-vous-prefecture", "renouvellement-titre", "ofpra-notification", "refus-visa",
                "autorisation-travail-bloquee", "caf-dossier-suspendu", "naturalisation-anef",
            ] {
                #expect(list.contains("href=\"/parcours/\(slug)\""))
                let intro = try await browser.get("/parcours/\(slug)")
                #expect(intro.status == .ok)
                #expect(Browser.text(intro).contains("<form action=\"/parcours/\(slug)\" method=\"post\""))
            }
            #expect(try await browser.get("/parcours/inconnu").status == .notFound)
            #expect(list.contains("href=\"/quitter\""), "« Quitter rapidement » on every page")
        }
    }

    @Test("rendez-vous en préfecture: recevable, référé offered and drafted in the three formats, with the capture")
    func appointmentPath() async throws {
        let app = try await makeParcoursApp(now: { Self.instant })
        try await app.test(.router) { client in
            let browser = Browser(client)
            _ = try await browser.start("rendez-vous-prefecture")
            for (token, raw) in [("departement", "93"), ("procedure", "renouvellement-titre"), ("expiration", "30/12/2026")] {
                try await browser.answer(token, raw)
            }
            // The first attempt comes with a screenshot, uploaded through the multipart form.
            try await browser.answer("tentatives+0", "oui")
            try await browser.answer("tentatives.0.at", "05/10/2026 09:00")
            try await browser.answer("tentatives.0.channel", "site-prefecture")
            try await browser.answer("tentatives.0.outcome", "aucun-creneau")
            let upload = try await browser.postFile(
                "/mon-dossier", [("ecran", "tentatives.0.capture"), ("reponse", ""), ("action", "continuer")], file: TinyPNG.bytes)
            #expect(upload.status == .seeOther)
            let piece = try await browser.get("/mon-dossier/piece/piece-1.png")
            #expect(piece.status == .ok)
            #expect(Array(piece.body.readableBytesView) == TinyPNG.bytes, "the capture comes back as sent")
            #expect(piece.headers[.contentType] == "image/png")
            #expect(piece.headers[.contentSecurityPolicy]?.contains("sandbox") == true)
            #expect(try await browser.get("/mon-dossier/piece/piece-2.png").status == .notFound)
            try await browser.answer("tentatives.0.note", "Aucun créneau")
            for (index, moment) in ["08/10/2026 10:00", "14/10/2026 14:00", "20/10/2026 08:30"].enumerated() {
                let entry = index + 1
                try await browser.answer("tentatives+\(entry)", "oui")
                try await browser.answer("tentatives.\(entry).at", moment)
                try await browser.answer("tentatives.\(entry).channel", "site-prefecture")
                try await browser.answer("tentatives.\(entry).outcome", "aucun-creneau")
                try await browser.answer("tentatives.\(entry).capture", "")
                try await browser.answer("tentatives.\(entry).note", "")
            }
            try await browser.answer("tentatives+4", "non")
            try await browser.answer("lettres+0", "non")
            let result = try await browser.walk(Self.identity)
            #expect(result.contains("Suffisant pour saisir le juge"))
            #expect(result.contains("Vous pouvez demander au juge d&#39;ordonner un rendez-vous") || result.contains("Vous pouvez demander au juge d'ordonner un rendez-vous"))
            // The filing window of the renewal, with its calendar file.
            #expect(result.contains("href=\"/mon-dossier/echeance/periode_depot.ics\""))
            let calendar = try await browser.get("/mon-dossier/echeance/periode_depot.ics")
            #expect(calendar.status == .ok)
            #expect(calendar.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(Browser.text(calendar).contains("DTSTART;VALUE=DATE:20261230"))
            // The référé needs the situation only outside renewals: it is ready.
            for format in ["pdf", "docx", "odt"] {
                #expect(result.contains("href=\"/mon-dossier/document/refere-mesures-utiles.\(format)\""))
                let document = try await browser.get("/mon-dossier/document/refere-mesures-utiles.\(format)")
                #expect(document.status == .ok, "\(format)")
                let bytes = Array(document.body.readableBytesView)
                #expect(bytes.starts(with: format == "pdf" ? Array("%PDF-".utf8) : [0x50, 0x4B, 0x03, 0x04]), "\(format)")
            }
            let pdf = try await browser.get("/mon-dossier/document/refere-mesures-utiles.pdf")
            let pdfText = String(decoding: pdf.body.readableBytesView, as: UTF8.self)
            #expect(pdfText.contains("/Subtype /Image"), "the uploaded capture is an exhibit of the référé")
            #expect(try await browser.get("/mon-dossier/document/inconnu.pdf").status == .notFound)
            // The split filing for Télérecours: a ZIP with the requête first, then one PDF per exhibit.
            #expect(result.contains("href=\"/mon-dossier/document/refere-mesures-utiles.zip\""))
            let zip = try await browser.get("/mon-dossier/document/refere-mesures-utiles.zip")
            #expect(zip.status == .ok)
            #expect(zip.headers[.contentType] == "application/zip")
            let zipBytes = Array(zip.body.readableBytesView)
            #expect(zipBytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
            #expect(String(decoding: zipBytes, as: UTF8.self).contains("00-Requete.pdf"))
            #expect(String(decoding: zipBytes, as: UTF8.self).contains("-capture-2026-"))
        }
    }

    @Test("rendez-vous en préfecture: two attempts are insuffisant; only the letters are offered")
    func appointmentInsufficient() async throws {
        let app = try await makeParcoursApp(now: { Self.instant })
        try await app.test(.router) { client in
            let browser = Browser(client)
            _ = try await browser.start("rendez-vous-prefecture")
            let result = try await browser.walk(
                [("departement", "69"), ("procedure", "premiere-demande-titre")]
                    + Self.attempts(["05/11/2026 09:00", "06/11/2026 09:00"]) + [("lettres+0", "non")] + Self.identity
                    + [("situation", "Mon employeur attend mon titre.")])
            #expect(result.contains("Pas encore suffisant"))
            #expect(result.contains("href=\"/mon-dossier/document/lettre-prefecture.pdf\""))
            #expect(!result.contains("refere-mesures-utiles"))
            let letter = try await browser.get("/mon-dossier/document/lettre-prefecture.pdf")
            #expect(letter.status == .ok)
            #expect(try await browser.get("/mon-dossier/document/refere-mesures-utiles.pdf").status == .notFound)
        }
    }

    @Test("a name the PDF fonts cannot print: the field is named, the PDF is refused, DOCX and ODT remain")
    func unprintableName() async throws {
        let app = try await makeParcoursApp(now: { Self.instant })
        try await app.test(.router) { client in
            let browser = Browser(client)
            _ = try await browser.start("rendez-vous-prefecture")
            let identity = Self.identity.map { $0.0 == "nom" ? ("nom", "𝔄lice Exemple") : $0 }
            let result = try await browser.walk(
                [("departement", "69"), ("procedure", "premiere-demande-titre")]
                    + Self.attempts(["05/11/2026 09:00", "06/11/2026 09:00"]) + [("lettres+0", "non")] + identity
                    + [("situation", "Mon employeur attend mon titre.")])
            let folded = result.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
            #expect(folded.contains("person.name : le caractère « 𝔄 » (U+1D504) ne peut pas être imprimé dans le PDF"))
            #expect(!result.contains("href=\"/mon-dossier/document/lettre-prefecture.pdf\""))
            #expect(result.contains("href=\"/mon-dossier/document/lettre-prefecture.docx\""))
            let refused = try await browser.get("/mon-dossier/document/lettre-prefecture.pdf")
            #expect(refused.status == .unprocessableContent)
            #expect(Browser.text(refused).contains("PDF impossible"))
            #expect(try await browser.get("/mon-dossier/document/lettre-prefecture.odt").status == .ok)
        }
    }

    @Test("renouvellement de titre: the ANEF filing window and its calendar")
    func renewalPath() async throws {
        let app = try await makeParcoursApp(now: { Self.instant })
        try await app.test(.router) { client in
            let browser = Browser(client)
            _ = try await browser.start("renouvellement-titre")
            let result = try await browser.walk(
                [("departement", "69"), ("anef", "oui"), ("expiration", "2027-03-31"), ("depot", "pas-encore")])
            #expect(result.contains("href=\"/mon-dossier/echeance/periode_anef.ics\""))
            let calendar = Browser.text(try await browser.get("/mon-dossier/echeance/periode_anef.ics"))
            #expect(calendar.contains("DTSTART;VALUE=DATE:20270130"))
        }
    }

    @Test("Ofpra: deemed notification after 15 days, then the CNDA month")
    func ofpraPath() async throws {
        let app = try await makeParcoursApp(now: { Self.instant })
        try await app.test(.router) { client in
            let browser = Browser(client)
            _ = try await browser.start("ofpra-notification")
            let result = try await browser.walk(
                [("document", "decision"), ("sens", "rejet"), ("mise_en_ligne", "2026-10-01"), ("ouvert", "non")])
            #expect(result.contains("vendredi 16\u{00A0}octobre\u{00A0}2026"))
            #expect(result.contains("mardi 17\u{00A0}novembre\u{00A0}2026"), "the CNDA deadline follows")
            let calendar = Browser.text(try await browser.get("/mon-dossier/echeance/notification_reputee.ics"))
            #expect(calendar.contains("DTSTART;VALUE=DATE:20261016"))
        }
    }

    @Test("refus de visa: 30 days for the recours préalable")
    func visaPath() async throws {
        let app = try await makeParcoursApp(now: { Self.instant })
        try await app.test(.router) { client in
            let browser = Browser(client)
            _ = try await browser.start("refus-visa")
            let result = try await browser.walk([("type_visa", "long-sejour"), ("notification", "2026-11-02"), ("recours_fait", "non")])
            #expect(result.contains("mercredi 2\u{00A0}décembre\u{00A0}2026"))
            #expect(Browser.text(try await browser.get("/mon-dossier/echeance/recours_prealable.ics"))
                .contains("DTSTART;VALUE=DATE:20261202"))
        }
    }

    @Test("a refused answer keeps the input, lists the error linked to the field, and saves nothing")
    func refusedAnswer() async throws {
        let app = try await makeParcoursApp(now: { Self.instant })
        try await app.test(.router) { client in
            let browser = Browser(client)
            _ = try await browser.start("refus-visa")
            try await browser.answer("type_visa", "court-sejour")
            let refused = try await browser.post("/mon-dossier", [("ecran", "notification"), ("reponse", "31/02/2026")])
            #expect(refused.status == .unprocessableContent)
            let html = Browser.text(refused)
            #expect(html.contains("class=\"error-summary\""))
            #expect(html.contains("<a href=\"#reponse\">"))
            #expect(html.contains("value=\"31/02/2026\""), "the typed text is kept in a text box")
            #expect(html.contains("aria-invalid=\"true\""))
            // The stored file is still at the same question.
            #expect(Browser.text(try await browser.get("/mon-dossier")).contains("name=\"ecran\" value=\"notification\""))
        }
    }

    @Test("« Retour » goes back without losing answers; the review changes one answer and returns")
    func backAndChange() async throws {
        let app = try await makeParcoursApp(now: { Self.instant })
        try await app.test(.router) { client in
            let browser = Browser(client)
            _ = try await browser.start("refus-visa")
            try await browser.answer("type_visa", "long-sejour")
            try await browser.answer("notification", "2026-11-02")
            #expect(try await browser.post("/mon-dossier", [("ecran", "recours_fait"), ("action", "retour")]).status == .seeOther)
            let back = Browser.text(try await browser.get("/mon-dossier"))
            #expect(back.contains("name=\"ecran\" value=\"notification\""))
            #expect(back.contains("value=\"2026-11-02\""), "the earlier answer is shown again")
            try await browser.answer("notification", "2026-11-02")
            try await browser.answer("recours_fait", "non")
            let review = Browser.text(try await browser.get("/mon-dossier"))
            #expect(review.contains("name=\"modifier\" value=\"type_visa\""))
            _ = try await browser.post("/mon-dossier", [("modifier", "type_visa")])
            try await browser.answer("type_visa", "court-sejour")
            let again = Browser.text(try await browser.get("/mon-dossier"))
            #expect(again.contains("Vérifiez vos réponses"), "a change returns to the review")
            #expect(again.contains("Un visa de court séjour"))
        }
    }

    @Test("leave, come back with the code: the file opens where it was, in a new browser")
    func resumeWithCode() async throws {
        let app = try await makeParcoursApp(now: { Self.instant })
        try await app.test(.router) { client in
            let first = Browser(client)
            let code = try await first.start("refus-visa")
            try await first.answer("type_visa", "long-sejour")
            let exit = try await first.get("/quitter")
            #expect(exit.status == .seeOther)
            #expect(exit.headers[.location] == "https://meteofrance.com/")
            #expect(first.cookies[ParcoursRoutes.codeCookie] == nil, "« Quitter rapidement » forgets the session")

            let second = Browser(client)
            let form = try await second.get("/reprendre/\(code)")
            #expect(Browser.text(form).contains("value=\"\(code)\""))
            // Typed by hand: lower case, spaces instead of hyphens, O for 0.
            let typed = code.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "0", with: "o")
            let opened = try await second.post("/reprendre", [("code", typed)])
            #expect(opened.status == .seeOther)
            #expect(opened.headers[.location] == "/mon-dossier")
            #expect(Browser.text(try await second.get("/mon-dossier")).contains("name=\"ecran\" value=\"notification\""))
        }
    }

    @Test("wrong, mistyped and deleted codes: the same 404 for every code that opens nothing; « mal recopié » before any lookup")
    func uniformNotFound() async throws {
        let app = try await makeParcoursApp(now: { Self.instant })
        try await app.test(.router) { client in
            let owner = Browser(client)
            let code = try await owner.start("refus-visa")
            _ = try await owner.get("/mon-dossier/supprimer")
            let deleted = try await owner.post("/mon-dossier/supprimer", [])
            #expect(deleted.status == .ok)
            #expect(Browser.text(deleted).contains("Votre dossier a été supprimé"))
            #expect(owner.cookies[ParcoursRoutes.codeCookie] == nil)

            var random = SystemRandomNumberGenerator()
            let unknown = GuichetEncryptionTestCode.generate(&random)
            var bodies: [String] = []
            var statuses: [HTTPResponse.Status] = []
            for candidate in [code, unknown] {
                let visitor = Browser(client)
                _ = try await visitor.get("/reprendre")
                let response = try await visitor.post("/reprendre", [("code", candidate)])
                statuses.append(response.status)
                bodies.append(Browser.text(response))
            }
            #expect(statuses == [.notFound, .notFound])
            #expect(bodies[0] == bodies[1], "deleted and never-existing codes answer the same page")

            let visitor = Browser(client)
            _ = try await visitor.get("/reprendre")
            var mistyped = Array(code)
            mistyped[0] = mistyped[0] == "A" ? "B" : "A"
            let response = try await visitor.post("/reprendre", [("code", String(mistyped))])
            #expect(response.status == .unprocessableContent)
            #expect(Browser.text(response).contains("mal recopié"))
            #expect(try await Browser(client).get("/mon-dossier").status == .notFound, "no cookie: the same 404")
        }
    }

    @Test("code lookups are limited per client: 429 after the limit, with Retry-After")
    func rateLimited() async throws {
        let app = try await makeParcoursApp(
            now: { Self.instant },
            configuration: WebConfiguration(baseURL: "https://guichet.example/", trustForwardedFor: true, codeAttemptsPerWindow: 3))
        try await app.test(.router) { client in
            let attacker = Browser(client)
            attacker.headers[HTTPField.Name("X-Forwarded-For")!] = "203.0.113.7"
            _ = try await attacker.get("/reprendre")
            var random = SystemRandomNumberGenerator()
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<5 { statuses.append(try await attacker.post("/reprendre", [("code", GuichetEncryptionTestCode.generate(&random))]).status) }
            #expect(statuses == [.notFound, .notFound, .notFound, .tooManyRequests, .tooManyRequests])
            let limited = try await attacker.post("/reprendre", [("code", GuichetEncryptionTestCode.generate(&random))])
            #expect(limited.headers[.retryAfter] != nil)
            // Another client is not affected.
            let other = Browser(client)
            other.headers[HTTPField.Name("X-Forwarded-For")!] = "198.51.100.9"
            _ = try await other.get("/reprendre")
            #expect(try await other.post("/reprendre", [("code", GuichetEncryptionTestCode.generate(&random))]).status == .notFound)
        }
    }

    @Test("a form without the right token is refused (403) and changes nothing")
    func forgedForm() async throws {
        let app = try await makeParcoursApp(now: { Self.instant })
        try await app.test(.router) { client in
            let browser = Browser(client)
            _ = try await browser.start("refus-visa")
            let forged = try await browser.post("/mon-dossier", [("ecran", "type_visa"), ("reponse", "long-sejour")], token: String(repeating: "0", count: 32))
            #expect(forged.status == .forbidden)
            #expect(Browser.text(try await browser.get("/mon-dossier")).contains("name=\"ecran\" value=\"type_visa\""))
            let start = try await Browser(client).post("/parcours/refus-visa", [], token: "")
            #expect(start.status == .forbidden, "no file is created without the token")
        }
    }

    @Test("private pages are never cached and carry the cookie flags")
    func privateHeaders() async throws {
        let app = try await makeParcoursApp(now: { Self.instant })
        try await app.test(.router) { client in
            let browser = Browser(client)
            _ = try await browser.get("/parcours/refus-visa")
            let created = try await browser.post("/parcours/refus-visa", [])
            #expect(created.headers[.cacheControl] == "no-store")
            let cookie = try #require(created.headers[values: .setCookie].first { $0.hasPrefix(ParcoursRoutes.codeCookie + "=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Max-Age=7200"))
            #expect(cookie.contains("Secure"), "the base URL is https")
            #expect(created.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
        }
    }

    @Test("uploads: an unrecognised file, an absurd image and an oversized body are refused with a message")
    func badUploads() async throws {
        let app = try await makeParcoursApp(now: { Self.instant })
        try await app.test(.router) { client in
            let browser = Browser(client)
            _ = try await browser.start("rendez-vous-prefecture")
            for (token, raw) in [("departement", "93"), ("procedure", "naturalisation"), ("tentatives+0", "oui"),
                ("tentatives.0.at", "05/10/2026 09:00"), ("tentatives.0.channel", "anef"), ("tentatives.0.outcome", "erreur-technique")] {
                try await browser.answer(token, raw)
            }
            let fields = [("ecran", "tentatives.0.capture"), ("reponse", ""), ("action", "continuer")]
            let text = try await browser.postFile("/mon-dossier", fields, file: Array("<html>not an image</html>".utf8))
            #expect(text.status == .unprocessableContent)
            #expect(Browser.text(text).contains("Ce fichier n’est pas accepté"))
            let bomb = try await browser.postFile("/mon-dossier", fields, file: TinyPNG.withDimensions(width: 100_000, height: 100_000))
            #expect(bomb.status == .unprocessableContent)
            #expect(Browser.text(bomb).contains("trop grande"))
            let huge = try await browser.postFile("/mon-dossier", fields, file: [UInt8](repeating: 0x89, count: 11 * 1_048_576))
            #expect(huge.status == .contentTooLarge)
            // Nothing was lost: the file is still at the capture question.
            #expect(Browser.text(try await browser.get("/mon-dossier")).contains("name=\"ecran\" value=\"tentatives.0.capture\""))
        }
    }
}

/// Codes for tests, through the public API only.
enum GuichetEncryptionTestCode {
    static func generate(_ random: inout SystemRandomNumberGenerator) -> String {
        AccessCode.generate(using: &random).displayText
    }
}

/// A 1×1 PNG (and variants with other declared sizes) for upload tests.
enum TinyPNG {
    static let bytes: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
        0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41,
        0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00,
        0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    /// The same file with another width and height written in its header (the checksum no longer matches:
    /// the size check must refuse it before anything reads further).
    static func withDimensions(width: UInt32, height: UInt32) -> [UInt8] {
        var copy = bytes
        for (offset, value) in [(16, width), (20, height)] {
            for index in 0..<4 { copy[offset + index] = UInt8(truncatingIfNeeded: value >> (24 - 8 * UInt32(index))) }
        }
        return copy
    }
}
