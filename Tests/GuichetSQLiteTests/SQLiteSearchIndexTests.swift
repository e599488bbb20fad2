import Testing
import GuichetCore
import GuichetStorage
import GuichetTestSupport
@testable import GuichetSQLite

@Suite("SQLite French search")
struct SQLiteSearchIndexTests {
    func makeIndex() async throws -> any SearchIndex {
        let database = try SQLiteDatabase()
        return try await IndexedDossier.make(
            store: SQLiteDossierStore(database: database), search: SQLiteSearchIndex(database: database)
        ).search
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let query: String
        let expected: String
        var testDescription: String { "\(query) → \(expected)" }
    }

    static let findingCases: [Case] = [
        Case(query: "prefecture", expected: "section:prefectures"),  // accents folded
        Case(query: "DEMATERIALISATION", expected: "section:prefectures"),  // case and accents folded
        Case(query: "titre", expected: "item:ce-2019"),  // « titres » in the body
        Case(query: "refusé", expected: "item:ce-2019"),  // « refusées » in the body
        Case(query: "teleservice", expected: "item:ce-2019"),  // « téléservices »
        Case(query: "réclamation", expected: "item:rapport-ddd-2024"),
        Case(query: "Ofpra notifiées", expected: "item:ofpra-notification"),
    ]

    @Test("accents, case and inflections are folded", arguments: findingCases)
    func finds(_ test: Case) async throws {
        let index = try await makeIndex()
        let hits = try await index.search(SearchQuery(test.query), offset: 0, limit: 10)
        let targets = hits.elements.map { hit in
            switch hit.target {
            case .item(let id): "item:\(id)"
            case .section(let id): "section:\(id)"
            }
        }
        #expect(targets.contains(test.expected), "\(test.query) gave \(targets)")
        #expect(hits.total == hits.elements.count)
    }

    @Test("snippets highlight the matched words, as written in the text")
    func snippets() async throws {
        let index = try await makeIndex()
        let hits = try await index.search(SearchQuery("refusé"), offset: 0, limit: 10)
        let hit = try #require(hits.elements.first { $0.target == .item(try slug("ce-2019")) })
        #expect(hit.snippet.contains("\u{02}refusées\u{03}"))
    }

    @Test("a match in the title ranks above a match in the body only")
    func titleFirst() async throws {
        let index = try await makeIndex()
        let hits = try await index.search(SearchQuery("substitution"), offset: 0, limit: 10)
        #expect(hits.elements.first?.target == .item(try slug("ce-2022")))
    }

    @Test("stop words alone find nothing and raise no error")
    func stopWords() async throws {
        let index = try await makeIndex()
        let hits = try await index.search(SearchQuery("de la le des pour"), offset: 0, limit: 10)
        #expect(hits.total == 0)
        #expect(hits.elements.isEmpty)
    }

    static let hostile = [
        "\"", "\"\"\"", "*", "a*", "NEAR(titre séjour)", "-titre", "titre OR asile", "AND", "NOT asile", "^titre",
        "title:asile", "asile)", "((", "{titre}", "titre + séjour", "'; DROP TABLE item; --", "\u{0}", "😀 asile",
        "لجوء", String(repeating: "préfecture ", count: 1_000), String(repeating: "\"*(", count: 3_000),
    ]

    @Test("any input is plain words: never syntax, never an error", arguments: hostile)
    func hostileQueries(_ text: String) async throws {
        let index = try await makeIndex()
        let hits = try await index.search(SearchQuery(text), offset: 0, limit: 10)
        #expect(hits.total >= 0)
        #expect(hits.elements.count <= 10)
    }

    @Test("pages do not overlap")
    func pagination() async throws {
        let index = try await makeIndex()
        let first = try await index.search(SearchQuery("conseil"), offset: 0, limit: 1)
        let second = try await index.search(SearchQuery("conseil"), offset: 1, limit: 1)
        #expect(first.total >= 2)
        #expect(first.elements.count == 1 && second.elements.count == 1)
        #expect(first.elements[0].target != second.elements[0].target)
    }
}
