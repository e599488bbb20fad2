import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import GuichetCore
import GuichetEncryption
import GuichetHelpDesk
import GuichetServices
import GuichetSQLite
import GuichetStorage
import GuichetTestSupport
@testable import GuichetWeb

/// People's reports to the observatory, through the router: the opt-in at the end of a path, the refusals, and the
/// figures that appear only once k reports stand behind them, on every page and in every export.
@Suite("Web: people's reports to the observatory")
struct ReportRoutesTests {
    /// 2026-11-12T10:00:00Z (week 2026-W46), the day of the path tests.
    static let instant = Date(timeIntervalSince1970: 1_794_477_600)
    static var now: Int64 { Int64(instant.timeIntervalSince1970) }

    static func reports(_ database: SQLiteDatabase, batchSize: Int = 1, perClient: Int = 100) -> ObservationReports {
        ObservationReports(
            store: SQLiteObservationReportStore(database: database), limits: SQLitePrivateFileStore(database: database),
            markers: ReportMarkerKey(pepper: nil), settings: .init(batchSize: batchSize, perClientPerHour: perClient),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    static let steps: [(String, String)] =
        [("departement", "69"), ("procedure", "premiere-demande-titre")]
        + ParcoursRoutesTests.attempts(["05/11/2026 09:00", "06/11/2026 09:00"]) + [("lettres+0", "non")]
        + ParcoursRoutesTests.identity + [("situation", "Mon employeur attend mon titre.")]

    static let sent: [(String, String)] = [
        ("departement", "69"), ("demarche", "sejour-premiere-demande"), ("moyen", "rdv-en-ligne"), ("issue", "aucun-creneau"),
        ("semaine", "2026-W45"),
    ]

    @Test("the end of a path offers the report, filled from the file, sent only by its own button, counted once per week")
    func fromAPath() async throws {
        let database = try SQLiteDatabase()
        let reports = Self.reports(database)
        let store = SQLiteObservationReportStore(database: database)
        let app = try await makeParcoursApp(database: database, now: { Self.instant }, reports: reports)
        try await app.test(.router) { client in
            let browser = Browser(client)
            _ = try await browser.start("rendez-vous-prefecture")
            let result = try await browser.walk(Self.steps)
            #expect(result.contains("<h2 id=\"signaler\">Signaler anonymement à l’observatoire</h2>"))
            #expect(result.contains("<form action=\"/mon-dossier/signaler\" method=\"post\" novalidate>"))
            #expect(result.contains("name=\"departement\" value=\"69\""))
            #expect(result.contains("<option value=\"sejour-premiere-demande\" selected>"))
            #expect(result.contains("<option value=\"rdv-en-ligne\" selected>"))
            #expect(result.contains("<option value=\"aucun-creneau\" selected>"))
            #expect(result.contains("<option value=\"2026-W45\" selected>"))
            #expect(!result.contains("<option value=\"2026-W47\""), "no week after this one is offered")
            // Walking the path and confirming sent nothing.
            #expect(try await store.reportTotal() == 0)

            let sent = try await browser.post("/mon-dossier/signaler", Self.sent)
            #expect(sent.status == .seeOther)
            #expect(sent.headers[.location] == "/mon-dossier?signalement=merci#signaler")
            #expect(try await store.reportTotal() == 1)
            let thanked = Browser.text(try await browser.get("/mon-dossier?signalement=merci"))
            #expect(thanked.contains("votre signalement est compté"))

            let again = try await browser.post("/mon-dossier/signaler", Self.sent)
            #expect(again.status == .unprocessableContent)
            #expect(Browser.text(again).contains("déjà compté pour cette semaine"))
            #expect(try await store.reportTotal() == 1)

            // Bad input: a clear message, the values sent kept in the form, nothing written.
            var wrong = Self.sent
            wrong[0] = ("departement", "99")
            wrong[4] = ("semaine", "2026-W44")
            let refused = try await browser.post("/mon-dossier/signaler", wrong)
            #expect(refused.status == .unprocessableContent)
            let page = Browser.text(refused)
            #expect(page.contains("Ce département n’existe pas"))
            #expect(page.contains("name=\"departement\" value=\"99\""))
            #expect(page.contains("<option value=\"2026-W44\" selected>"))
            wrong = Self.sent
            wrong[4] = ("semaine", "2026-W47")
            let future = try await browser.post("/mon-dossier/signaler", wrong)
            #expect(future.status == .unprocessableContent)
            #expect(Browser.text(future).contains("n’est pas encore arrivée"))
            #expect(try await store.reportTotal() == 1)
            // Without the form's token nothing is read.
            #expect(try await browser.post("/mon-dossier/signaler", Self.sent, token: "0").status == .forbidden)
            // The file itself is untouched: the result is still there.
            #expect(Browser.text(try await browser.get("/mon-dossier")).contains("Pas encore suffisant"))
        }
    }

    @Test("a report from a path shows in the département's figures only once k = 5 reports stand behind it")
    func figureAfterK() async throws {
        let database = try SQLiteDatabase()
        let reports = Self.reports(database)
        let app = try await makeParcoursApp(database: database, now: { Self.instant }, reports: reports)
        try await app.test(.router) { client in
            let browser = Browser(client)
            _ = try await browser.start("rendez-vous-prefecture")
            _ = try await browser.walk(Self.steps)
            #expect(try await browser.post("/mon-dossier/signaler", Self.sent).status == .seeOther)
            let page = Browser.text(try await browser.get("/observatoire/69"))
            #expect(page.contains("<a href=\"/observatoire/69/signalements\">"), "the département page links to its reports")
            let one = Browser.text(try await browser.get("/observatoire/69/signalements"))
            #expect(one.contains("Pas assez de signalements pour afficher un chiffre dans ce département."))
            #expect(!one.contains("observatory figures"))
            let report = try reports.read(
                department: "69", procedure: "sejour-premiere-demande", channel: "rdv-en-ligne", outcome: "aucun-creneau",
                week: "2026-W45", now: Self.now
            ).get()
            for index in 1...3 { try await reports.submit(report, origin: "fichier:autre-\(index)", client: "c\(index)", now: Self.now) }
            let four = Browser.text(try await browser.get("/observatoire/69/signalements"))
            #expect(four.contains("Pas assez de signalements"), "four reports are not enough")
            try await reports.submit(report, origin: "fichier:autre-4", client: "c4", now: Self.now)
            let five = Browser.text(try await browser.get("/observatoire/69/signalements"))
            #expect(!five.contains("Pas assez de signalements pour afficher un chiffre dans ce département."))
            #expect(Self.figures(five) == ["5", "—", "—", "—"], "no slot: 5; the other outcomes below k")
            #expect(five.contains("<svg class=\"bars\""))
            #expect(five.contains("<time datetime=\"2026-W45\">semaine du 2\u{A0}novembre\u{A0}2026</time>"))
        }
    }

    @Test("a help-desk case reports once per week with the case's département; the case itself is unchanged")
    func fromADeskCase() async throws {
        let database = try SQLiteDatabase()
        let world = try await DeskWorld(database: database)
        let reports = Self.reports(database)
        let store = SQLiteObservationReportStore(database: database)
        let given = world.dependencies
        let app = Application(
            router: buildRouter(
                dependencies: WebDependencies(
                    dossier: given.dossier, search: given.search, parcours: given.parcours, helpDesk: given.helpDesk,
                    reports: reports, now: given.now),
                configuration: WebConfiguration(baseURL: "https://guichet.example/"), logger: world.logger))
        let id = world.assigned.id
        let cookie = "\(BureauRoutes.sessionCookie)=\(world.cookies["benevole"]!)"
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/bureau/dossiers/\(id)", method: .get, headers: [.cookie: cookie]) {
                String(buffer: $0.body)
            }
            #expect(page.contains("<form action=\"/bureau/dossiers/\(id)/signaler\" method=\"post\" novalidate>"))
            // The case's last attempt was on 20 November 2026 (week 47), on the prefecture's booking site.
            #expect(page.contains("<option value=\"2026-W47\" selected>"))
            #expect(page.contains("<option value=\"rdv-en-ligne\" selected>"))
            let body = "jeton=\(world.token("benevole"))&demarche=sejour-renouvellement&moyen=rdv-en-ligne&issue=aucun-creneau&semaine=2026-W47"
                // A département sent by the form is ignored: the case's own is used.
                + "&departement=13"
            let headers: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            let sent = try await client.execute(
                uri: "/bureau/dossiers/\(id)/signaler", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(sent.status == .seeOther)
            #expect(sent.headers[.location] == "/bureau/dossiers/\(id)?signalement=merci#signaler")
            let again = try await client.execute(
                uri: "/bureau/dossiers/\(id)/signaler", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(again.status == .unprocessableContent)
            #expect(String(buffer: again.body).contains("déjà compté pour cette semaine"))
            let forged = try await client.execute(
                uri: "/bureau/dossiers/\(id)/signaler", method: .post, headers: headers,
                body: ByteBuffer(string: body.replacingOccurrences(of: world.token("benevole"), with: String(repeating: "0", count: 32))))
            #expect(forged.status == .forbidden)
            // Another organisation's case is not found, and nothing is counted for it.
            let foreign = try await client.execute(
                uri: "/bureau/dossiers/\(world.other.id)/signaler", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(foreign.status == .notFound)
        }
        try await reports.flush()
        let counts = try await store.reportCounts(atLeast: 1)
        #expect(counts.map(\.department) == [world.assigned.content.caseFile.department.code])
        #expect(counts.map(\.count) == [1])
        let current = try await world.cases.open(id, by: world.members["juriste"]!, now: DeskWorld.start + 10)
        #expect(current.version == world.assigned.version)
    }

    @Test("no page or export ever shows a count between 1 and k − 1")
    func nothingBelowK() async throws {
        let database = try SQLiteDatabase()
        let store = SQLiteObservationReportStore(database: database)
        // Cells of every size from 1 to 8 in two départements, three procedures, several weeks and outcomes.
        var seeded: [Observatory.Report] = []
        var expected: [String: Int] = [:]
        let outcomes = Observatory.Outcome.allCases
        let procedures: [Observatory.Procedure] = [.firstPermit, .renewal, .asylum]
        for (d, department) in ["93", "2A"].enumerated() {
            for (p, procedure) in procedures.enumerated() {
                for size in 1...8 {
                    let week = ReportWeek(year: 2026, week: 38 + size)!
                    let outcome = outcomes[(size + p + d) % outcomes.count]
                    seeded += Array(
                        repeating: Observatory.Report(
                            department: department, procedure: procedure, channel: .anef, outcome: outcome, week: week),
                        count: size)
                    expected["\(department)|\(procedure.rawValue)|\(week)|\(outcome.rawValue)"] = size
                }
            }
        }
        try await store.insertReports(ObservationReportStoreContract.stored(seeded, seed: 9))
        let reports = Self.reports(database)
        let app = try await makeTestApp(reports: reports, now: { Self.instant })
        let shown = expected.filter { $0.value >= 5 }
        try await app.test(.router) { client in
            for language in ["fr", "en", "ar"] {
                for code in ["93", "2A", "01"] {
                    for procedure in [nil] + Observatory.Procedure.allCases {
                        let query = procedure.map { "procedure=\($0.rawValue)&" } ?? ""
                        let html = try await client.execute(uri: "/observatoire/\(code)/signalements?\(query)lang=\(language)", method: .get) {
                            String(buffer: $0.body)
                        }
                        let cells = Self.figures(html)
                        #expect(cells.allSatisfy { $0 == "—" || Int($0) != nil }, "\(cells)")
                        let counts = cells.compactMap { Int($0) }
                        #expect(counts.allSatisfy { $0 >= 5 }, "\(code) \(language): \(counts)")
                        // Without a procedure asked, the page shows the one with the most reports; here they tie, and
                        // the first family wins.
                        let shownProcedure = procedure ?? .firstPermit
                        #expect(counts.count == shown.filter { $0.key.hasPrefix("\(code)|\(shownProcedure.rawValue)|") }.count)
                        // The chart draws one segment per figure shown in the table, and nothing else.
                        let segments = Self.all(in: html, after: "<svg class=\"bars\"", until: "</svg>").first.map {
                            $0.components(separatedBy: "h10v").count - 1
                        } ?? 0
                        #expect(segments == counts.count)
                        if code == "01" && language == "fr" { #expect(html.contains("Pas assez de signalements pour afficher un chiffre")) }
                    }
                }
                for procedure in Observatory.Procedure.allCases {
                    let map = try await client.execute(uri: "/observatoire?procedure=\(procedure.rawValue)&lang=\(language)", method: .get) {
                        String(buffer: $0.body)
                    }
                    #expect(!map.contains("observatory figures"), "the map shows no report count")
                }
            }
            #expect(try await client.execute(uri: "/observatoire/93/signalements?procedure=visa", method: .get) { $0.status } == .notFound)
            let plain = try await client.execute(uri: "/observatoire/93", method: .get) { String(buffer: $0.body) }
            #expect(!plain.contains("observatory figures"), "the département page itself carries no figure")
            let csv = try await client.execute(uri: "/donnees/observatoire-signalements.csv", method: .get) { String(buffer: $0.body) }
            let rows = csv.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
            #expect(rows.count == shown.count)
            for row in rows {
                #expect(shown[row[0..<4].joined(separator: "|")] == Int(row[4]), "\(row)")
            }
            let json = try await client.execute(uri: "/donnees/observatoire.json", method: .get) { $0.body }
            let document = try JSONSerialization.jsonObject(with: Data(String(buffer: json).utf8)) as? [String: Any]
            let section = try #require(document?["signalements"] as? [String: Any])
            #expect(section["k"] as? Int == 5)
            let cells = try #require(section["cellules"] as? [[String: Any]])
            #expect(cells.count == shown.count)
            #expect(cells.allSatisfy { ($0["nombre"] as? Int ?? 0) >= 5 })
            let schema = try await client.execute(uri: "/donnees/observatoire-signalements.schema.json", method: .get) {
                String(buffer: $0.body)
            }
            #expect(schema.contains("\"minimum\": 5"))
            let places = try await client.execute(uri: "/donnees/observatoire.csv", method: .get) { String(buffer: $0.body) }
            #expect(!places.contains("W4"), "the reference data carries no report")
        }
    }

    /// The data cells of the figures table of a page (numbers, or « — » below k).
    static func figures(_ html: String) -> [String] {
        all(in: html, after: "<table class=\"observatory figures\">", until: "</table>").flatMap { all(in: $0, after: "<td>", until: "</td>") }
    }

    static func all(in text: String, after prefix: String, until end: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let start = rest.range(of: prefix) {
            guard let stop = rest[start.upperBound...].range(of: end) else { break }
            found.append(String(rest[start.upperBound..<stop.lowerBound]))
            rest = rest[stop.upperBound...]
        }
        return found
    }
}
