import Testing
import GuichetCore
@testable import GuichetContent
import GuichetTestSupport
import Foundation

@Suite("Observatory platforms (plateformes.yml)")
struct PlatformParserTests {
    static let platforms = ContentFile(
        path: "observatoire/plateformes.yml",
        text: """
            checked: 2026-12-01
            platforms:
              - id: anef
                name: "ANEF"
                entry_url: "https://administration-etrangers-en-france.interieur.gouv.fr/"
                verified: oui
                sources:
                  - title: "Réfugiés.info"
                    url: "https://refugies.info/fr/demarche/63401d8783f485a025e88388"
                    checked: 2026-12-01
              - id: ofpra
                name: "Ofpra"
                entry_url: "https://ofpra.gouv.fr/"
                verified: non
                note: "Adresse du portail à vérifier."
                sources:
                  - title: "Gisti"
                    url: "https://gisti.org/spip.php?rubrique1220"
                    checked: 2026-12-01
            """)

    static let booking = ObservatoryParserTests.department("93", """
        procedures:
          sejour-premiere-demande:
            channel: rdv-en-ligne
            alternative: non
            booking_url: "https://www.seine-saint-denis.gouv.fr/rdv"
            sources:
              - title: "Préfecture"
                url: "https://www.seine-saint-denis.gouv.fr/"
                checked: 2026-12-01
        """)

    static var files: [ContentFile] {
        DossierFixtures.files + [ObservatoryParserTests.national, platforms]
            + Department.all.map { $0.code == "93" ? booking : ObservatoryParserTests.department($0.code) }
    }

    @Test("the national platforms, then the booking pages of the reference data as rdv-<code>")
    func parses() throws {
        let catalog = ContentParser.parse(Self.files, today: LocalDate(year: 2026, month: 12, day: 3))
        #expect(catalog.problems == [])
        #expect(catalog.platforms.map(\.id.rawValue) == ["anef", "ofpra", "rdv-93"])
        #expect(catalog.platforms[0].hostKey == "administration-etrangers-en-france.interieur.gouv.fr:443")
        #expect(catalog.platforms[1].isVerified == false && catalog.platforms[1].note == "Adresse du portail à vérifier.")
        #expect(catalog.platforms[2].entryURL.description == "https://www.seine-saint-denis.gouv.fr/rdv")
        #expect(catalog.platforms[2].kind == .booking(department: "93"))
    }

    struct Broken: Sendable, CustomTestStringConvertible {
        let replace: String
        let with: String
        let line: Int
        let message: String
        var testDescription: String { message }
    }

    static let broken: [Broken] = [
        Broken(replace: "entry_url: \"https://ofpra.gouv.fr/\"", with: "entry_url: \"http://ofpra.gouv.fr/\"", line: 13, message: "« ofpra » : « entry_url » doit être une adresse https://"),
        Broken(replace: "verified: non", with: "verified: peut-être", line: 14, message: "« ofpra » : « verified » doit valoir oui ou non"),
        Broken(replace: "id: ofpra", with: "id: anef", line: 11, message: "plateforme « anef » déjà définie"),
        Broken(replace: "id: ofpra", with: "id: rdv-75", line: 11, message: "« rdv-75 » : les identifiants rdv-<code> sont réservés"),
        Broken(replace: "        checked: 2026-12-01\n  - id: ofpra", with: "  - id: ofpra", line: 8, message: "« anef » : source sans date de vérification « checked »"),
        Broken(replace: "    checked: 2026-12-01\n", with: "    checked: 2027-01-01\n", line: 10, message: "« checked » (2027-01-01) est dans le futur"),
        Broken(replace: "name: \"Ofpra\"", with: "nom: \"Ofpra\"", line: 12, message: "clé inconnue « nom »"),
    ]

    @Test("a faulty platform is reported with its file and line", arguments: broken)
    func faulty(_ broken: Broken) throws {
        let text = Self.platforms.text
        #expect(text.contains(broken.replace), "the fixture holds the text to replace")
        var changed = text
        if let range = changed.range(of: broken.replace, options: .backwards) { changed.replaceSubrange(range, with: broken.with) }
        let files = Self.files.map { $0.path == Self.platforms.path ? ContentFile(path: $0.path, text: changed) : $0 }
        let catalog = ContentParser.parse(files, today: LocalDate(year: 2026, month: 12, day: 3))
        let found = catalog.problems.filter { $0.path == "observatoire/plateformes.yml" && $0.message.hasPrefix(broken.message) }
        #expect(found.count == 1, "got \(catalog.problems)")
        #expect(found.first?.line == broken.line, "line \(found.first?.line ?? 0)")
    }

    @Test("the shipped plateformes.yml parses: ANEF, France-Visas and Ofpra (marked unverified)")
    func shipped() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("content/observatoire/plateformes.yml"), encoding: .utf8)
        let catalog = ContentParser.parse(
            DossierFixtures.files + [ObservatoryParserTests.national, ContentFile(path: "observatoire/plateformes.yml", text: text)]
                + Department.all.map { ObservatoryParserTests.department($0.code) },
            today: LocalDate(year: 2026, month: 12, day: 4))
        #expect(catalog.problems.filter { $0.path == "observatoire/plateformes.yml" } == [])
        #expect(catalog.platforms.map(\.id.rawValue) == ["anef", "france-visas", "ofpra"])
        #expect(catalog.platforms.map(\.isVerified) == [true, true, false])
    }
}
