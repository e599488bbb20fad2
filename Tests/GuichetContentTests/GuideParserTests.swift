import Testing
import GuichetCore
@testable import GuichetContent
import GuichetTestSupport
import Foundation

@Suite("Guides in the content")
struct GuideParserTests {
    @Test("a valid guide parses with every reference resolved")
    func validGuide() throws {
        let catalog = ContentParser.parse(GuideFixtures.files, today: LocalDate(year: 2026, month: 12, day: 3))
        #expect(catalog.problems == [])
        let guide = try #require(catalog.guides.first?.guide)
        #expect(guide.id.rawValue == "renouvellement-test")
        #expect(guide.situation == .wantTo)
        #expect(guide.deadlineRules.map(\.id) == ["renouvellement-titre-anef", "silence-titre-sejour"])
        #expect(guide.documentKinds == [.lettrePrefecture, .saisineDefenseurDesDroits])
        #expect(guide.court == .departmentCourt)
        #expect(guide.platform?.name == "ANEF")
        #expect(guide.sources.first?.checked == LocalDate(year: 2026, month: 12, day: 1))
        #expect(guide.easyRead(in: "fr")?.count == 3)
        #expect(guide.easyRead(in: "ar")?.first == "ستنتهي بطاقة إقامتك.")
        #expect(guide.easyRead(in: "ti") == nil)
        #expect(guide.unverified.count == 1)
        #expect(guide.observatoryProcedure == .renewal)
    }

    struct BrokenCase: CustomTestStringConvertible, Sendable {
        let description: String
        let replace: String
        let with: String
        let message: String
        var testDescription: String { description }
    }

    static let brokenCases: [BrokenCase] = [
        BrokenCase(description: "unknown deadline rule", replace: "deadlines: [renouvellement-titre-anef, silence-titre-sejour]",
            with: "deadlines: [renouvellement-titre-anef, delai-invente]",
            message: "règle de délai inconnue « delai-invente » (voir guichet deadline --list)"),
        BrokenCase(description: "unknown document", replace: "documents: [lettre-prefecture, saisine-defenseur-des-droits]",
            with: "documents: [lettre-au-pere-noel]", message: "document inconnu « lettre-au-pere-noel »"),
        BrokenCase(description: "unknown situation", replace: "situation: je-veux", with: "situation: peut-etre",
            message: "situation inconnue « peut-etre » (attendu : je-veux, j-ai-recu, ca-bloque)"),
        BrokenCase(description: "unknown court", replace: "court: ta-departement", with: "court: cour-supreme",
            message: "tribunal inconnu « cour-supreme »"),
        BrokenCase(description: "slug other than the file name", replace: "slug: renouvellement-test", with: "slug: autre-nom",
            message: "« slug » (autre-nom) doit être le nom du fichier (renouvellement-test)"),
        BrokenCase(description: "source without its date checked",
            replace: "    url: \"https://www.doctrine.fr/l/texts/codes/LEGITEXT000006070158/articles/LEGIARTI000042806998\"\n    checked: 2026-12-01",
            with: "    url: \"https://www.doctrine.fr/l/texts/codes/LEGITEXT000006070158/articles/LEGIARTI000042806998\"",
            message: "source sans date de vérification « checked » (AAAA-MM-JJ)"),
        BrokenCase(description: "checked in the future", replace: "checked: 2026-12-01\nsources", with: "checked: 2027-01-01\nsources",
            message: "« checked » (2027-01-01) est dans le futur"),
        BrokenCase(description: "missing heading", replace: "## Si la plateforme bloque", with: "## Autre chose",
            message: "intertitre « ## Si la plateforme bloque » manquant"),
        BrokenCase(description: "FALC translation of another length", replace: "    - \"قدّم الطلب قبل 4 أشهر من نهايتها.\"\n",
            with: "", message: "« falc.ar » : 2 lignes pour 3 en français"),
        BrokenCase(description: "FALC in an unknown language", replace: "  ar:\n", with: "  xx:\n",
            message: "langue inconnue dans « falc » : « xx »"),
        BrokenCase(description: "unknown path", replace: "keywords: [prolongation]", with: "parcours: inexistant",
            message: "parcours inconnu « inexistant » (content/parcours/inexistant.yml)"),
        BrokenCase(description: "unknown observatory procedure", replace: "observatory: sejour-renouvellement",
            with: "observatory: peche", message: "procédure de l’observatoire inconnue « peche »"),
        BrokenCase(description: "unknown key", replace: "keywords: [prolongation]", with: "keyword: [prolongation]",
            message: "clé inconnue « keyword » (voir docs/guides.md)"),
        BrokenCase(description: "broken link in the body", replace: "(/dossier/ce-2022)", with: "(/guides/inexistant)",
            message: "lien interne cassé : /guides/inexistant"),
    ]

    @Test("each kind of problem is reported with its file and line", arguments: brokenCases)
    func reportsProblem(_ broken: BrokenCase) {
        let original = GuideFixtures.renewal
        #expect(original.text.contains(broken.replace))
        let file = ContentFile(path: original.path, text: original.text.replacingOccurrences(of: broken.replace, with: broken.with))
        let files = GuideFixtures.files.map { $0.path == file.path ? file : $0 }
        let catalog = ContentParser.parse(files, today: LocalDate(year: 2026, month: 12, day: 3))
        let found = catalog.problems.filter { $0.path == original.path && $0.message.hasPrefix(broken.message) }
        #expect(found.count == 1, "got \(catalog.problems)")
        #expect(found.first.map { $0.line >= 1 } == true)
    }

    @Test("a body too short is reported with its word count")
    func shortBody() {
        let short = ContentFile(
            path: "guides/court.md",
            text: GuideFixtures.renewal.text.components(separatedBy: "---\n## Qui").first!.replacingOccurrences(
                of: "slug: renouvellement-test", with: "slug: court")
                + "---\n## Qui fait la démarche\nVous.\n## Ce qu'il faut préparer\nRien.\n## Si la plateforme bloque\nÉcrire.\n## Les délais\nDeux mois.\n## Recours et tribunal\nLe tribunal.\n")
        let catalog = ContentParser.parse(DossierFixtures.files + [short])
        #expect(catalog.problems.contains { $0.path == "guides/court.md" && $0.message.hasPrefix("corps de ") && $0.message.contains("(attendu : 300 à 900)") })
        // A non-blocking problem: the guide is still published.
        #expect(catalog.guides.map(\.guide.id.rawValue) == ["court"])
    }

    @Test("items may link to guides and paths")
    func linksToGuides() {
        let item = DossierFixtures.ce2019
        let linked = ContentFile(path: item.path, text: item.text.replacingOccurrences(
            of: "**faculté**.", with: "**faculté**, voir [le guide](/guides/renouvellement-test) et [la liste](/guides)."))
        let files = GuideFixtures.files.map { $0.path == item.path ? linked : $0 }
        #expect(ContentParser.parse(files).problems == [])
    }
}
