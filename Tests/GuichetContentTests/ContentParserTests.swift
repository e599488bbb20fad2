import Testing
import GuichetCore
@testable import GuichetContent
import GuichetTestSupport
import Foundation

@Suite("Content parser")
struct ContentParserTests {
    @Test("the fixture dossier parses with no problem")
    func fixturesAreValid() {
        let catalog = ContentParser.parse(DossierFixtures.files)
        #expect(catalog.problems == [])
        #expect(catalog.sections.map(\.section.id.rawValue) == ["prefectures", "asile"])
        #expect(catalog.items.map(\.item.id.rawValue) == ["rapport-ddd-2024", "ce-2022", "ofpra-notification", "ce-2019"])
        #expect(catalog.tags.count == 3)
        let ce2022 = catalog.items.first { $0.item.id.rawValue == "ce-2022" }
        #expect(ce2022?.item.related.map(\.rawValue) == ["ce-2019"])
        #expect(ce2022?.item.sources.first?.url == "https://example.org/ce-2022")
    }

    struct BrokenCase: CustomTestStringConvertible, Sendable {
        let description: String
        let replace: String
        let with: String
        let line: Int
        let message: String
        let blocking: Bool
        var testDescription: String { description }
    }

    static let brokenCases: [BrokenCase] = [
        BrokenCase(description: "unknown section", replace: "sections: [prefectures]", with: "sections: [prefectures, cuisine]",
            line: 6, message: "rubrique inconnue « cuisine »", blocking: false),
        BrokenCase(description: "missing date", replace: "date: 2019-11-27\n", with: "",
            line: 1, message: "champ « date » manquant", blocking: true),
        BrokenCase(description: "impossible date", replace: "date: 2019-11-27", with: "date: 2019-02-30",
            line: 5, message: "date impossible ou mal écrite pour « date » : « 2019-02-30 » (AAAA-MM-JJ attendu)", blocking: true),
        BrokenCase(description: "unknown tag", replace: "tags: [conseil-d-etat, rendez-vous]", with: "tags: [conseil-d-etat, meteo]",
            line: 7, message: "thème inconnu « meteo » (à déclarer dans tags.yml)", blocking: false),
        BrokenCase(description: "broken internal link", replace: "**faculté**.", with: "**faculté**, voir [ici](/dossier/inexistant).",
            line: 13, message: "lien interne cassé : /dossier/inexistant", blocking: false),
        BrokenCase(description: "unknown type", replace: "type: decision", with: "type: recette",
            line: 4, message: "type inconnu « recette » (attendu : communique, analyse, decision, rapport, formation, rassemblement, article, texte)", blocking: true),
        BrokenCase(description: "invalid slug", replace: "slug: ce-2019", with: "slug: CE 2019",
            line: 2, message: "« slug » invalide : « CE 2019 » (minuscules sans accents, chiffres et tirets)", blocking: true),
        BrokenCase(description: "javascript link", replace: "**faculté**.", with: "[x](javascript:alert(1))",
            line: 13, message: "lien refusé : javascript:alert(1) (http, https, mailto ou chemin du site commençant par /)", blocking: false),
        BrokenCase(description: "unterminated front matter", replace: "---\nLe Conseil", with: "Le Conseil",
            line: 1, message: "en-tête YAML non fermé : ligne « --- » manquante", blocking: true),
    ]

    @Test("each kind of problem is reported with its file and line", arguments: brokenCases)
    func reportsProblem(_ broken: BrokenCase) {
        let original = DossierFixtures.ce2019
        #expect(original.text.contains(broken.replace))
        let file = ContentFile(path: original.path, text: original.text.replacingOccurrences(of: broken.replace, with: broken.with))
        let files = DossierFixtures.files.map { $0.path == file.path ? file : $0 }
        let catalog = ContentParser.parse(files)
        let problem = ContentProblem(path: original.path, line: broken.line, message: broken.message, isBlocking: broken.blocking)
        #expect(catalog.problems.contains(problem), "got \(catalog.problems)")
        // A problem in one file never hides the others.
        #expect(catalog.items.contains { $0.item.id.rawValue == "ce-2022" })
        #expect(catalog.items.contains { $0.item.id.rawValue == "ce-2019" } == !broken.blocking)
    }

    @Test("a duplicate slug keeps the first file and reports the second")
    func duplicateSlug() {
        let copy = ContentFile(path: "items/2025/copy.md", text: DossierFixtures.ce2019.text)
        let catalog = ContentParser.parse(DossierFixtures.files + [copy])
        #expect(catalog.items.filter { $0.item.id.rawValue == "ce-2019" }.count == 1)
        #expect(catalog.problems.contains {
            $0.path == "items/2025/copy.md" && $0.line == 2 && $0.message.contains("déjà utilisé par items/2019/2019-11-27-ce-2019.md")
        })
    }

    @Test("invalid YAML is reported at its line")
    func invalidYAML() {
        let file = ContentFile(path: "items/bad.md", text: "---\nslug: x\ntitle: [unclosed\n---\nbody\n")
        let catalog = ContentParser.parse(DossierFixtures.files + [file])
        let problem = catalog.problems.first { $0.path == "items/bad.md" }
        #expect(problem?.isBlocking == true)
        #expect(problem?.message.hasPrefix("YAML invalide") == true)
        #expect(problem.map { $0.line >= 3 } == true)
    }

    @Test("the bundled content of the repository has no problem")
    func bundledContentIsValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("content")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var files: [ContentFile] = []
        while let url = enumerator?.nextObject() as? URL {
            guard ["md", "yml"].contains(url.pathExtension) else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            files.append(ContentFile(path: path, text: try String(contentsOf: url, encoding: .utf8)))
        }
        let catalog = ContentParser.parse(files)
        #expect(catalog.problems.map(\.description) == [])
        #expect(catalog.sections.count == 7)
        #expect(catalog.items.count >= 30)
        let years = Set(catalog.items.map(\.item.date.year))
        #expect(years.contains(2016) || years.contains(2017))
        #expect(years.contains(2025))
        for section in catalog.sections {
            #expect(catalog.items.contains { $0.item.sections.contains(section.section.id) }, "section \(section.section.id) has no item")
        }
        for item in catalog.items {
            #expect(!item.item.sources.isEmpty, "\(item.path) cites no source")
        }
    }
}
