import Testing
import GuichetCore
@testable import GuichetContent
import GuichetTestSupport
import Foundation

@Suite("Observatory reference data")
struct ObservatoryParserTests {
    static let national = ContentFile(
        path: "observatoire/national.yml",
        text: """
            checked: 2026-12-01
            procedures:
              sejour-renouvellement:
                channel: anef
                alternative: oui
                as_of: 2021-05-01
                note: "Titres de la liste ANEF."
                sources:
                  - title: "Article R.431-2 du CESEDA"
                    url: "https://lexbase.fr/index/source-document/24340740-article-r4312-ceseda"
                    checked: 2026-12-01
              caf:
                channel: inconnu
            """)

    static func department(_ code: String, _ extra: String = "") -> ContentFile {
        ContentFile(path: "observatoire/departements/\(code).yml", text: "department: \"\(code)\"\nchecked: 2026-12-01\n" + extra)
    }

    static let seineSaintDenis = department("93", """
        procedures:
          sejour-premiere-demande:
            channel: rdv-en-ligne
            alternative: inconnu
            as_of: 2022-07-06
            sources:
              - title: "La Cimade"
                url: "https://www.lacimade.org/seine-saint-denis-prefecture-alternatives-effectives-credibles-dematerialisation/"
                checked: 2026-12-01
        """)

    static var files: [ContentFile] {
        DossierFixtures.files + [national] + Department.all.map { $0.code == "93" ? seineSaintDenis : department($0.code) }
    }

    @Test("a complete reference set parses: local facts first, the national rule elsewhere, inconnu when nothing is known")
    func parses() throws {
        let catalog = ContentParser.parse(Self.files, today: LocalDate(year: 2026, month: 12, day: 3))
        #expect(catalog.problems == [])
        let board = try #require(catalog.observatory)
        #expect(board.departments.count == Department.all.count)
        let local = board.status("93", .firstPermit)
        #expect(local.fact.channel == .onlineAppointment && !local.isNational && local.reachability == .onlineOnly)
        #expect(local.fact.asOf == LocalDate(year: 2022, month: 7, day: 6))
        let national = board.status("01", .renewal)
        #expect(national.isNational && national.fact.channel == .anef && national.reachability == .alternative)
        #expect(board.status("01", .benefits).reachability == .unknown)
        #expect(board.status("01", .naturalisation).fact == .unknown)
    }

    struct BrokenCase: CustomTestStringConvertible, Sendable {
        let description: String
        let file: ContentFile
        let message: String
        var testDescription: String { description }
    }

    static let brokenCases: [BrokenCase] = [
        BrokenCase(description: "unknown channel", file: department("93", """
            procedures:
              naturalisation:
                channel: pigeon-voyageur
                sources: [{title: "x", url: "https://example.org", checked: 2026-12-01}]
            """), message: "« naturalisation » : canal inconnu « pigeon-voyageur »"),
        BrokenCase(description: "a fact without a source", file: department("93", """
            procedures:
              naturalisation:
                channel: guichet
            """), message: "« naturalisation » : fait sans source"),
        BrokenCase(description: "a source without its date", file: department("93", """
            procedures:
              naturalisation:
                channel: guichet
                sources: [{title: "x", url: "https://example.org"}]
            """), message: "« naturalisation » : source sans date de vérification"),
        BrokenCase(description: "unknown procedure", file: department("93", """
            procedures:
              permis-de-peche:
                channel: inconnu
            """), message: "procédure inconnue « permis-de-peche »"),
        BrokenCase(description: "wrong department key", file: ContentFile(
            path: "observatoire/departements/93.yml", text: "department: \"94\"\nchecked: 2026-12-01\n"),
            message: "« department » doit valoir « 93 »"),
        BrokenCase(description: "checked in the future", file: ContentFile(
            path: "observatoire/departements/93.yml", text: "department: \"93\"\nchecked: 2027-01-01\n"),
            message: "« checked » (2027-01-01) est dans le futur"),
        BrokenCase(description: "unknown key", file: department("93", "prefet: \"x\"\n"),
            message: "clé inconnue « prefet »"),
    ]

    @Test("each problem names the file and its line", arguments: brokenCases)
    func reports(_ broken: BrokenCase) {
        let files = Self.files.map { $0.path == broken.file.path ? broken.file : $0 }
        let catalog = ContentParser.parse(files, today: LocalDate(year: 2026, month: 12, day: 3))
        let found = catalog.problems.filter { $0.path == broken.file.path && $0.message.hasPrefix(broken.message) }
        #expect(found.count == 1, "got \(catalog.problems)")
        #expect((found.first?.line ?? 0) >= 1)
    }

    @Test("a missing département file and a file for no département are reported")
    func coverage() {
        let files = Self.files.filter { $0.path != "observatoire/departements/2A.yml" }
            + [Self.department("20")]
        let catalog = ContentParser.parse(files)
        #expect(catalog.problems.contains { $0.path == "observatoire/departements/2A.yml" && $0.message == "fichier du département 2A absent" })
        #expect(catalog.problems.contains { $0.path == "observatoire/departements/20.yml" && $0.message.hasPrefix("département inconnu « 20 »") })
    }

    @Test("decision items carry their départements, procedures and outcome; a wrong value is reported")
    func decisions() throws {
        let ce = DossierFixtures.ce2019
        let linked = ContentFile(path: ce.path, text: ce.text.replacingOccurrences(
            of: "sources:", with: "departments: [\"93\"]\nprocedures: [sejour-premiere-demande]\noutcome: favorable\noutcome_note: \"Rendez-vous ordonnés.\"\nsources:"))
        var files = Self.files.map { $0.path == ce.path ? linked : $0 }
        var board = try #require(ContentParser.parse(files).observatory)
        let decision = try #require(board.decisions(for: "93").first)
        #expect(decision.itemID.rawValue == "ce-2019" && decision.outcome == .favorable && decision.procedures == [.firstPermit])
        #expect(board.decisions(for: "94").isEmpty)

        let wrong = ContentFile(path: ce.path, text: ce.text.replacingOccurrences(of: "sources:", with: "departments: [\"99\"]\noutcome: gagne\nsources:"))
        files = Self.files.map { $0.path == ce.path ? wrong : $0 }
        let catalog = ContentParser.parse(files)
        #expect(catalog.problems.contains { $0.path == ce.path && $0.message == "département inconnu « 99 » dans « departments »" })
        #expect(catalog.problems.contains { $0.path == ce.path && $0.message.hasPrefix("« outcome » doit valoir") })
        board = try #require(catalog.observatory)
        #expect(board.decisions.first?.outcome == .unknown)
    }

    @Test("the tile map places every département once, and no two on the same square")
    func tileMap() {
        let positions = Department.all.compactMap { TileMap.positions[$0.code] }
        #expect(positions.count == Department.all.count)
        #expect(Set(positions.map { "\($0.column),\($0.row)" }).count == positions.count)
        #expect(positions.allSatisfy { $0.column >= 0 && $0.column < TileMap.columns && $0.row <= TileMap.overseasRow })
    }
}
