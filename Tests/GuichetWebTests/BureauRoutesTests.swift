import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
import GuichetCore
import GuichetEncryption
import GuichetHelpDesk
import GuichetServices
import GuichetPostgres
import GuichetSQLite
import GuichetStorage
import GuichetTestSupport
import GuichetDocuments
import ZIPFoundation
@testable import GuichetWeb

/// A help desk behind the whole router: two organisations, a member of each role in the first, a juriste in the
/// second, and three cases (one assigned to the bénévole, one unassigned, one of the other organisation).
struct DeskWorld: Sendable {
    /// 2026-12-03 10:00 UTC.
    static let start: Int64 = 1_796_292_000
    static let today = LocalDate(year: 2026, month: 12, day: 3)!

    let accounts: HelpDeskAccounts
    let cases: HelpDeskCases
    let store: any HelpDeskStore
    let files: PrivateCaseFiles
    let dependencies: WebDependencies
    let logger: Logger
    let cookies: [String: String]
    let members: [String: Member]
    let assigned: OpenedCase
    let unassigned: OpenedCase
    let other: OpenedCase

    /// The stores of one backend.
    struct Stores: Sendable {
        let dossier: any DossierStore & ContentIndex
        let search: any SearchIndex
        let privateFiles: any PrivateFileStore & RateLimitCounter
        let helpDesk: any HelpDeskStore

        static func sqlite(_ database: SQLiteDatabase) -> Stores {
            Stores(
                dossier: SQLiteDossierStore(database: database), search: SQLiteSearchIndex(database: database),
                privateFiles: SQLitePrivateFileStore(database: database), helpDesk: SQLiteHelpDeskStore(database: database))
        }

        static func postgres(_ database: PostgresDatabase) -> Stores {
            Stores(
                dossier: PostgresDossierStore(database: database), search: PostgresSearchIndex(database: database),
                privateFiles: PostgresPrivateFileStore(database: database), helpDesk: PostgresHelpDeskStore(database: database))
        }
    }

    init(database: SQLiteDatabase? = nil, logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        async throws
    {
        try await self.init(stores: .sqlite(try database ?? SQLiteDatabase()), logger: logger)
    }

    init(stores: Stores, logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })) async throws {
        let dossier = try await IndexedDossier.make(store: stores.dossier, search: stores.search)
        let limits = stores.privateFiles
        store = stores.helpDesk
        var random = SystemRandomNumberGenerator()
        let vault = KeyVault(ring: MasterKeyring([MasterKey.generate(id: 1, using: &random)])!)
        accounts = HelpDeskAccounts(
            store: store, vault: vault, passwords: Passwords(cost: 4, allowWeakCostForTests: true), limits: limits, logger: logger)
        cases = HelpDeskCases(store: store, vault: vault, logger: logger)
        files = PrivateCaseFiles(store: limits, logger: logger)
        let parcours = ParcoursDependencies(interviews: try ShippedInterviews.load(), files: files, limits: limits)
        let start = Self.start
        self.logger = logger
        dependencies = WebDependencies(
            dossier: dossier.store, search: dossier.search, parcours: parcours,
            helpDesk: HelpDeskDependencies(accounts: accounts, cases: cases, store: store, selfHelp: parcours),
            now: { Date(timeIntervalSince1970: TimeInterval(start + 3600)) })
        let orgA = try await accounts.createOrganisation(slug: "asso-a", name: "Association A", now: start)
        let orgB = try await accounts.createOrganisation(slug: "asso-b", name: "Association B", now: start)
        var cookies: [String: String] = [:]
        var members: [String: Member] = [:]
        for (key, role, organisation) in [
            ("admin", HelpDeskRole.admin, orgA), ("juriste", .juriste, orgA), ("benevole", .benevole, orgA),
            ("autre-juriste", .juriste, orgB),
        ] {
            let made = try await HelpDeskFixtures.member(role, in: organisation, accounts: accounts, name: "Membre \(key)", now: start)
            cookies[key] = made.cookie
            members[key] = made.member
        }
        self.cookies = cookies
        self.members = members
        let cases = self.cases
        func made(_ name: String, assignee: String?, by member: Member) async throws -> OpenedCase {
            let created = try await cases.create(
                try HelpDeskFixtures.input(name: name, assignee: assignee, from: Self.today), by: member, now: start)
            // One failed attempt: the letters need one.
            return try await cases.appendAttempt(
                Attempt(at: OffsetDateTime(iso: "2026-11-20T09:30:00+01:00")!, channel: .sitePrefecture, outcome: .aucunCreneau),
                capture: nil, to: created.id, expectedVersion: created.version, by: member, now: start)
        }
        assigned = try await made("Amina Diallo-Benali", assignee: members["benevole"]!.accountID, by: members["juriste"]!)
        unassigned = try await made("Autre Personne", assignee: nil, by: members["juriste"]!)
        other = try await made("Tierce Personne", assignee: nil, by: members["autre-juriste"]!)
    }

    /// The application, driven without sockets.
    func app() -> some ApplicationProtocol {
        Application(
            router: buildRouter(
                dependencies: dependencies, configuration: WebConfiguration(baseURL: "https://guichet.example/"), logger: logger))
    }

    /// The form token of a member's session.
    func token(_ who: String) -> String { HelpDeskAccounts.formToken(cookie: cookies[who]!) }
}

@Suite("Web: the help desk")
struct BureauRoutesTests {
    /// Every help-desk route × every role × own/other organisation: the status each gets.
    @Test("authorization matrix: every route, every role, own and other organisation")
    func authorizationMatrix() async throws {
        try await Self.checkMatrix(try await DeskWorld())
    }

    /// Every help-desk route × every caller (anonymous, admin, juriste, bénévole, a juriste of the other organisation).
    static func checkMatrix(_ world: DeskWorld) async throws {
        let app = world.app()
        let a = world.assigned.id
        let u = world.unassigned.id
        let o = world.other.id
        // (method, path, expected status for: anonymous, admin, juriste, bénévole, juriste of the other organisation)
        typealias Row = (String, String, [Int])
        let rows: [Row] = [
            ("GET", "/bureau", [303, 200, 200, 200, 200]),
            ("GET", "/bureau/dossiers", [303, 200, 200, 200, 200]),
            ("GET", "/bureau/dossiers/nouveau", [303, 200, 200, 200, 200]),
            ("GET", "/bureau/dossiers/\(a)", [303, 200, 200, 200, 404]),
            ("GET", "/bureau/dossiers/\(u)", [303, 200, 200, 403, 404]),
            ("GET", "/bureau/dossiers/\(o)", [303, 404, 404, 404, 200]),
            ("GET", "/bureau/dossiers/\(a)/document/lettre-prefecture.odt", [303, 200, 200, 200, 404]),
            ("GET", "/bureau/dossiers/\(u)/document/lettre-prefecture.odt", [303, 200, 200, 403, 404]),
            ("GET", "/bureau/dossiers/\(o)/document/lettre-prefecture.odt", [303, 404, 404, 404, 200]),
            ("GET", "/bureau/dossiers/\(a)/mandat.pdf", [303, 200, 200, 200, 404]),
            ("GET", "/bureau/dossiers/\(u)/mandat.pdf", [303, 200, 200, 403, 404]),
            ("GET", "/bureau/dossiers/\(a)/export.zip", [303, 200, 200, 403, 404]),
            ("GET", "/bureau/dossiers/\(o)/export.zip", [303, 404, 404, 404, 200]),
            ("GET", "/bureau/dossiers/\(a)/supprimer", [303, 200, 200, 403, 404]),
            ("GET", "/bureau/dossiers/\(o)/supprimer", [303, 404, 404, 404, 200]),
            ("GET", "/bureau/dossiers/\(a)/piece/piece-1.png", [303, 404, 404, 404, 404]),
            ("GET", "/bureau/dossiers/ffffffffffffffffffffffffffffffff", [303, 404, 404, 404, 404]),
            ("GET", "/bureau/membres", [303, 200, 403, 403, 403]),
            ("GET", "/bureau/journal", [303, 200, 403, 403, 403]),
            ("GET", "/bureau/agenda", [303, 200, 200, 200, 200]),
            ("GET", "/bureau/depot-collectif", [303, 200, 200, 403, 200]),
            ("GET", "/bureau/depot-collectif?departement=69", [303, 200, 200, 403, 200]),
            ("GET", "/bureau/importer", [303, 200, 200, 200, 200]),
            ("POST", "/bureau/dossiers/\(a)", [401, 422, 422, 422, 404]),
            ("POST", "/bureau/dossiers/\(u)", [401, 422, 422, 403, 404]),
            ("POST", "/bureau/dossiers/\(o)", [401, 404, 404, 404, 422]),
            ("POST", "/bureau/membres", [401, 422, 403, 403, 403]),
            ("POST", "/bureau/depot-collectif", [401, 422, 422, 403, 422]),
        ]
        let who = ["", "admin", "juriste", "benevole", "autre-juriste"]
        try await app.test(.router) { client in
            var failures: [String] = []
            for (method, path, expected) in rows {
                for (index, member) in who.enumerated() {
                    var headers: HTTPFields = [:]
                    if !member.isEmpty { headers[.cookie] = "\(BureauRoutes.sessionCookie)=\(world.cookies[member]!)" }
                    let response: TestResponse
                    if method == "GET" {
                        response = try await client.execute(uri: path, method: .get, headers: headers)
                    } else {
                        headers[.contentType] = "application/x-www-form-urlencoded"
                        let token = member.isEmpty ? "" : world.token(member)
                        // A form with no action (or one that does not apply): the answer says whether the member got that far.
                        response = try await client.execute(
                            uri: path, method: .post, headers: headers,
                            body: ByteBuffer(string: "jeton=\(token)&action=&version=1&departement=69"))
                    }
                    if Int(response.status.code) != expected[index] {
                        failures.append("\(method) \(path) as \(member.isEmpty ? "anonymous" : member): \(response.status.code), expected \(expected[index])")
                    }
                }
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
            #expect(rows.count * who.count == 140)
        }
    }

    @Test("a POST without the session's form token is refused with 403 and changes nothing")
    func formToken() async throws {
        let world = try await DeskWorld()
        let app = world.app()
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/bureau/dossiers/\(world.assigned.id)", method: .post,
                headers: [.cookie: "\(BureauRoutes.sessionCookie)=\(world.cookies["juriste"]!)", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "jeton=00000000000000000000000000000000&action=note&version=1&note=test"))
            #expect(response.status == .forbidden)
            #expect(String(buffer: response.body).contains("Ce formulaire a expiré"))
        }
        let current = try await world.cases.open(world.assigned.id, by: world.members["juriste"]!, now: DeskWorld.start + 10)
        #expect(current.content.notes.isEmpty)
        #expect(current.version == world.assigned.version)
    }

    @Test("two volunteers edit one case: the second save gets 409 with the first one's change shown")
    func concurrentEdits() async throws {
        let world = try await DeskWorld()
        let app = world.app()
        try await app.test(.router) { client in
            func note(_ who: String, _ text: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/bureau/dossiers/\(world.assigned.id)", method: .post,
                    headers: [.cookie: "\(BureauRoutes.sessionCookie)=\(world.cookies[who]!)", .contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "jeton=\(world.token(who))&action=note&version=\(world.assigned.version)&note=\(text)"))
            }
            let first = try await note("juriste", "premiere")
            #expect(first.status == .seeOther)
            let second = try await note("benevole", "seconde")
            #expect(second.status == .conflict)
            let page = String(buffer: second.body)
            #expect(page.contains("Quelqu’un a modifié ce dossier"))
            #expect(page.contains("premiere"))
            #expect(!page.contains("seconde"))
        }
    }

    @Test("login page, wrong password and a bénévole's login through the forms; the session cookie is HttpOnly, SameSite=Strict, path /bureau")
    func loginThroughForms() async throws {
        let world = try await DeskWorld()
        let app = world.app()
        let organisation = world.members["benevole"]!.organisation
        _ = try await HelpDeskFixtures.member(
            .benevole, in: organisation, accounts: world.accounts, email: "forms@example.org", password: "phrase de passe longue",
            now: DeskWorld.start)
        try await app.test(.router) { client in
            let browser = Browser(client)
            let form = try await browser.get("/bureau/connexion")
            #expect(form.status == .ok)
            #expect(Browser.text(form).contains("Connexion au bureau"))
            let wrong = try await browser.post(
                "/bureau/connexion", [("organisation", organisation.id), ("email", "forms@example.org"), ("motdepasse", "faux")])
            #expect(wrong.status == .unauthorized)
            #expect(Browser.text(wrong).contains("Adresse ou mot de passe incorrect"))
            #expect(Browser.text(wrong).contains("forms@example.org"), "the email typed is kept in the form")
            let right = try await browser.post(
                "/bureau/connexion",
                [("organisation", organisation.id), ("email", "forms@example.org"), ("motdepasse", "phrase de passe longue")])
            #expect(right.status == .seeOther)
            #expect(right.headers[.location] == "/bureau")
            let setCookie = right.headers[values: .setCookie].first { $0.hasPrefix(BureauRoutes.sessionCookie + "=") } ?? ""
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/bureau"))
            let dashboard = try await browser.get("/bureau")
            #expect(dashboard.status == .ok)
            #expect(Browser.text(dashboard).contains("Délais de la semaine"))
        }
    }
}

@Suite("Web: the help desk keeps nothing readable at rest")
struct BureauPlantedNameTests {
    @Test("a name, an address, a note and a capture typed into a case are found in no file of the data folder and in no log")
    func plantedName() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-desk-planted-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = "Zéphyrine Quenouillard-Tchibozo"
        let street = "17 impasse des Mirabelliers"
        let noteText = "Rencontrée à la permanence, très inquiète pour Quenouillard"
        let capture = try Data(contentsOf: URL(fileURLWithPath: ShippedInterviews.root)
            .deletingLastPathComponent().appendingPathComponent("examples/captures/recevable-1.png"))
        let logs = LogRecorder()
        let caseID: String
        do {
            let database = try SQLiteDatabase(path: folder.appendingPathComponent("guichet.sqlite").path)
            let world = try await DeskWorld(database: database, logger: logs.logger())
            let cookie = "\(BureauRoutes.sessionCookie)=\(world.cookies["juriste"]!)"
            let token = world.token("juriste")
            caseID = try await world.app().test(.router) { client in
                let fields = [
                    ("jeton", token), ("consentement", "1"), ("mandat-demarches", "1"), ("mandat-ecrire-prefecture", "1"),
                    ("mandat-saisir-tribunal", "1"), ("mandat-debut", "2026-12-03"), ("mandat-duree", "90"), ("nom", name),
                    ("naissance", "1990-02-01"), ("lieu-naissance", "Cotonou (Bénin)"), ("nationalite", "béninoise"),
                    ("adresse", "\(street), 93200 Saint-Denis"), ("procedure", "premiere-demande-titre"), ("departement", "93"),
                    ("situation", "Sans récépissé, \(name) a perdu son emploi"),
                ]
                let created = try await client.execute(
                    uri: "/bureau/dossiers/nouveau", method: .post,
                    headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: fields.map { "\(Browser.encode($0.0))=\(Browser.encode($0.1))" }.joined(separator: "&")))
                #expect(created.status == .seeOther)
                let location = try #require(created.headers[.location])
                let caseID = String(location.split(separator: "/").last ?? "")
                let page = try await client.execute(uri: location, method: .get, headers: [.cookie: cookie])
                #expect(page.status == .ok)
                #expect(String(buffer: page.body).contains(name), "the case page shows the name to the member")
                // An attempt with its capture, by multipart form.
                let boundary = "----guichet-desk-boundary"
                var body: [UInt8] = []
                for (field, value) in [("jeton", token), ("action", "tentative"), ("version", "1"), ("quand", "2026-11-20T09:30"),
                    ("canal", "site-prefecture"), ("resultat", "aucun-creneau")]
                {
                    body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"\r\n\r\n\(value)\r\n".utf8)
                }
                body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"capture\"; filename=\"\(name).png\"\r\nContent-Type: image/png\r\n\r\n".utf8)
                body += Array(capture)
                body += Array("\r\n--\(boundary)--\r\n".utf8)
                let attempt = try await client.execute(
                    uri: location, method: .post, headers: [.cookie: cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
                    body: ByteBuffer(bytes: body))
                #expect(attempt.status == .seeOther)
                let note = try await client.execute(
                    uri: location, method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "jeton=\(token)&action=note&version=2&note=\(Browser.encode(noteText))"))
                #expect(note.status == .seeOther)
                let piece = try await client.execute(uri: location + "/piece/piece-1.png", method: .get, headers: [.cookie: cookie])
                #expect(piece.status == .ok)
                #expect(Array(piece.body.readableBytesView) == Array(capture), "the capture reads back intact")
                let letter = try await client.execute(uri: location + "/document/lettre-prefecture.odt", method: .get, headers: [.cookie: cookie])
                #expect(letter.status == .ok)
                return caseID
            }
            #expect(try await AuditLog(store: world.store).verify(organisationID: world.members["juriste"]!.organisation.id).isIntact)
        }
        #expect(caseID.count == 32)
        let needles: [(String, [UInt8])] = [
            ("name", Array(name.utf8)), ("surname", Array("Quenouillard".utf8)), ("street", Array(street.utf8)),
            ("note", Array("très inquiète".utf8)), ("capture bytes", Array(capture[200..<232])),
        ]
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
        #expect(files.contains("guichet.sqlite"))
        for file in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            for (label, needle) in needles {
                #expect(data.range(of: Data(needle)) == nil, "\(label) found in \(file)")
            }
        }
        let logText = logs.text
        #expect(logText.contains("case created"), "the log is recorded")
        #expect(logText.contains(caseID), "logs carry the case id")
        for (label, needle) in needles.dropLast() {
            #expect(!logText.contains(String(decoding: needle, as: UTF8.self)), "\(label) found in the logs")
        }
    }
}

@Suite("Web: the help desk on PostgreSQL", .enabled(if: PostgresTestEnvironment.isConfigured, "set GUICHET_TEST_POSTGRES_URL"))
struct PostgresHelpDeskWebTests {
    @Test("authorization matrix on PostgreSQL, and the audit chain intact afterwards")
    func matrix() async throws {
        try await withPostgres { database in
            let world = try await DeskWorld(stores: .postgres(database))
            try await BureauRoutesTests.checkMatrix(world)
            for who in ["juriste", "autre-juriste"] {
                let verification = try await AuditLog(store: world.store).verify(organisationID: world.members[who]!.organisation.id)
                #expect(verification.isIntact)
                #expect(verification.entries > 5)
            }
        }
    }

    @Test("a planted name typed into a case is in no row of the PostgreSQL database (its full export scanned)")
    func plantedName() async throws {
        let name = "Zéphyrine Quenouillard-Tchibozo"
        let logs = LogRecorder()
        let export = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-desk-pg-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: export) }
        try await withPostgres { database in
            let world = try await DeskWorld(stores: .postgres(database), logger: logs.logger())
            let juriste = world.members["juriste"]!
            var input = try HelpDeskFixtures.input(name: name, from: DeskWorld.today)
            input.person.address = "17 impasse des Mirabelliers, 93200 Saint-Denis"
            let created = try await world.cases.create(input, by: juriste, now: DeskWorld.start)
            _ = try await world.cases.update(created.id, expectedVersion: created.version, by: juriste, now: DeskWorld.start + 1) { content, _ in
                content.notes.append(CaseNote(at: DeskWorld.start + 1, authorID: juriste.accountID, text: "Vue avec Quenouillard"))
            }
            let opened = try await world.cases.open(created.id, by: juriste, now: DeskWorld.start + 2)
            #expect(opened.content.caseFile.person.name == name)
            _ = try await DeploymentArchive.export(from: database, to: export.path)
        }
        let dump = try Data(contentsOf: export)
        #expect(dump.count > 10_000, "the export holds the deployment")
        #expect(dump.range(of: Data("help_case".utf8)) != nil, "the export holds the help desk tables")
        for needle in [name, "Quenouillard", "Mirabelliers"] {
            #expect(dump.range(of: Data(needle.utf8)) == nil, "\(needle) found in the PostgreSQL export")
            #expect(!logs.text.contains(needle), "\(needle) found in the logs")
        }
    }
}

@Suite("Web: the help desk's files")
struct BureauFilesTests {
    static func capture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: ShippedInterviews.root).deletingLastPathComponent()
            .appendingPathComponent("examples/captures/\(name)")))
    }

    /// A case of `world` (département 69) with three failed attempts 7 days apart, each with a capture: `recevable`.
    static func recevableCase(_ world: DeskWorld, name: String, by who: String = "juriste") async throws -> OpenedCase {
        let member = world.members[who]!
        var opened = try await world.cases.create(
            try HelpDeskFixtures.input(name: name, from: DeskWorld.today), by: member, now: DeskWorld.start)
        for (index, day) in ["2026-11-10", "2026-11-17", "2026-11-24"].enumerated() {
            opened = try await world.cases.appendAttempt(
                Attempt(at: OffsetDateTime(iso: "\(day)T09:0\(index):00+01:00")!, channel: .sitePrefecture, outcome: .aucunCreneau),
                capture: try capture(index == 2 ? "recevable-2.png" : "recevable-1.png"), to: opened.id, expectedVersion: opened.version,
                by: member, now: DeskWorld.start + Int64(index))
        }
        return opened
    }

    @Test("collective filing: the ZIP holds the summary (PDF, CSV) and each case's référé byte for byte as the CLI drafts it")
    func collectiveFiling() async throws {
        let world = try await DeskWorld()
        let one = try await Self.recevableCase(world, name: "Amina Diallo")
        let two = try await Self.recevableCase(world, name: "Karim Haddad")
        #expect(one.evidence.verdict == .recevable)
        let juriste = world.members["juriste"]!
        let now = DeskWorld.start + 3600
        let candidates = try await world.cases.filingCandidates(department: "69", by: juriste).map(\.id)
        #expect(Set(candidates) == [one.id, two.id], "the two recevable cases, not the two without attempts' evidence")
        let zip = try await world.cases.collectiveFiling(caseIDs: [two.id, one.id], department: "69", by: juriste, now: now)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-filing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(zip).write(to: folder.appendingPathComponent("depot.zip"))
        let archive = try Archive(url: folder.appendingPathComponent("depot.zip"), accessMode: .read)
        let names = archive.map(\.path)
        #expect(names == ["00-synthese.pdf", "00-synthese.csv", "\(one.number)/refere-mesures-utiles.pdf", "\(two.number)/refere-mesures-utiles.pdf"])
        func bytes(_ path: String) throws -> [UInt8] {
            var out: [UInt8] = []
            _ = try archive.extract(try #require(archive[path])) { out += Array($0) }
            return out
        }
        let csv = String(decoding: try bytes("00-synthese.csv"), as: UTF8.self)
        #expect(csv.hasPrefix("numero,premiere_tentative,tentatives,verdict\r\n"))
        #expect(csv.contains("\(one.number),2026-11-10,3,recevable\r\n"))
        #expect(!csv.contains("Diallo") && !csv.contains("Haddad"))
        // What `guichet document refere-mesures-utiles` writes for the same case file and captures.
        let captures = try await world.cases.captures(of: one, organisation: juriste.organisation)
        let drafted = try DocumentKind.refereMesuresUtiles.draft(
            from: one.content.caseFile, today: HelpDeskCases.parisDay(now), files: { captures[$0] }, hash: Hashing.sha256)
        #expect(try bytes("\(one.number)/refere-mesures-utiles.pdf") == (try DocumentFormat.pdf.writer.write(drafted.draft)))
        // A case that is not recevable stops the bundle, naming it.
        await #expect(throws: HelpDeskError.invalid("Le journal du dossier \(world.unassigned.number) n'est pas encore recevable.")) {
            _ = try await world.cases.collectiveFiling(caseIDs: [one.id, world.unassigned.id], department: "69", by: juriste, now: now)
        }
        // A bénévole may not.
        await #expect(throws: HelpDeskError.forbidden) {
            _ = try await world.cases.collectiveFiling(caseIDs: [one.id], department: "69", by: world.members["benevole"]!, now: now)
        }
    }

    @Test("subject access export: dossier.json with the person and the journal, the captures as given, the documents")
    func export() async throws {
        let world = try await DeskWorld()
        let opened = try await Self.recevableCase(world, name: "Amina Diallo")
        let (number, zip) = try await world.cases.export(opened.id, by: world.members["juriste"]!, now: DeskWorld.start + 3600)
        #expect(number == opened.number)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-export-\(UUID().uuidString).zip")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(zip).write(to: url)
        let archive = try Archive(url: url, accessMode: .read)
        let names = Set(archive.map(\.path))
        #expect(names.isSuperset(of: ["dossier.json", "pieces/piece-1.png", "pieces/piece-3.png", "documents/refere-mesures-utiles.pdf",
            "documents/lettre-prefecture.pdf", "documents/saisine-defenseur-des-droits.pdf"]))
        var json: [UInt8] = []
        _ = try archive.extract(try #require(archive["dossier.json"])) { json += Array($0) }
        let parsed = try JSONParser.parse(json)
        guard case .object(let root) = parsed, case .object(let content)? = root.first(where: { $0.key == "contenu" })?.value,
            let caseFileValue = content.first(where: { $0.key == "caseFile" })?.value
        else { Issue.record("dossier.json has no contenu.caseFile"); return }
        let caseFile = try CaseFile.decode(json: Array(JSONWriter.compact(caseFileValue).utf8))
        #expect(caseFile == opened.content.caseFile, "the exported case file is the case's, and `guichet document` reads it")
        var piece: [UInt8] = []
        _ = try archive.extract(try #require(archive["pieces/piece-3.png"])) { piece += Array($0) }
        #expect(piece == (try Self.capture("recevable-2.png")))
        let entries = try await AuditLog(store: world.store).entries(organisationID: world.members["juriste"]!.organisation.id, after: 0, limit: 500)
        #expect(entries.last?.action == "case.export" && entries.last?.caseID == opened.id)
        await #expect(throws: HelpDeskError.forbidden) {
            _ = try await world.cases.export(opened.id, by: world.members["benevole"]!, now: DeskWorld.start)
        }
    }

    @Test("a self-help file handed over with its code becomes a case with its attempts and capture; the file records it")
    func importSelfHelp() async throws {
        let world = try await DeskWorld()
        let capture = try Self.capture("recevable-1.png")
        let code = try await world.app().test(.router) { client in
            let browser = Browser(client)
            let code = try await browser.start("rendez-vous-prefecture")
            for (token, raw) in [("departement", "69"), ("procedure", "premiere-demande-titre"), ("tentatives+0", "oui"),
                ("tentatives.0.at", "05/10/2026 09:00"), ("tentatives.0.channel", "site-prefecture"),
                ("tentatives.0.outcome", "aucun-creneau")]
            {
                try await browser.answer(token, raw)
            }
            let upload = try await browser.postFile(
                "/mon-dossier", [("ecran", "tentatives.0.capture"), ("action", "continuer")], file: capture)
            #expect(upload.status == .seeOther)
            return code
        }
        let access = try AccessCode(parsing: code)
        let benevole = world.members["benevole"]!
        let imported = try await world.cases.importSelfHelp(
            code: access, files: world.files, interviews: try ShippedInterviews.load(),
            mandate: try HelpDeskFixtures.mandate(from: DeskWorld.today), by: benevole, now: DeskWorld.start + 100)
        #expect(imported.record.assigneeID == benevole.accountID, "a bénévole's import is theirs")
        #expect(imported.content.caseFile.department.code == "69")
        #expect(imported.content.caseFile.attempts.count == 1)
        #expect(imported.content.handedOverOn == DeskWorld.today)
        let reference = try #require(imported.content.caseFile.attempts.first?.capture)
        let captures = try await world.cases.captures(of: imported, organisation: benevole.organisation)
        #expect(captures[reference] == capture, "the capture is re-sealed under the organisation's key, intact")
        #expect(Journal.verify(imported.content.caseFile, captures: { captures[$0] }, hash: Hashing.sha256).isIntact)
        let file = try await world.files.open(access, now: DeskWorld.start + 200)
        #expect(file.state.answers["remis-au-bureau"] == .date(DeskWorld.today))
        // A wrong code moves nothing.
        var random = SystemRandomNumberGenerator()
        await #expect(throws: HelpDeskError.notFound) {
            _ = try await world.cases.importSelfHelp(
                code: AccessCode.generate(using: &random), files: world.files, interviews: try ShippedInterviews.load(),
                mandate: try HelpDeskFixtures.mandate(from: DeskWorld.today), by: benevole, now: DeskWorld.start + 300)
        }
    }

    @Test("an oversized capture is refused with 413 and the case is unchanged")
    func oversizedCapture() async throws {
        let world = try await DeskWorld()
        let boundary = "----desk"
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"jeton\"\r\n\r\n\(world.token("juriste"))\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"capture\"; filename=\"x.png\"\r\n\r\n".utf8)
        body += [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: HelpDeskCases.maximumCaptureSize + 70 * 1024)
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        let upload = ByteBuffer(bytes: body)
        let app = world.app()
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/bureau/dossiers/\(world.assigned.id)", method: .post,
                headers: [.cookie: "\(BureauRoutes.sessionCookie)=\(world.cookies["juriste"]!)", .contentType: "multipart/form-data; boundary=\(boundary)"],
                body: upload)
            #expect(response.status == .contentTooLarge)
            #expect(String(buffer: response.body).contains("trop grand"))
        }
        let current = try await world.cases.open(world.assigned.id, by: world.members["juriste"]!, now: DeskWorld.start)
        #expect(current.version == world.assigned.version && current.content.captures.isEmpty)
    }
}
