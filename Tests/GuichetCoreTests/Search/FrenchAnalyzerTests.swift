import Testing

@testable import GuichetCore

struct FrenchAnalyzerTests {
    struct Pair: Sendable, CustomTestStringConvertible {
        let first: String
        let second: String
        let term: String

        init(_ first: String, _ second: String, term: String) {
            self.first = first
            self.second = second
            self.term = term
        }

        var testDescription: String { "\(first) and \(second) → \(term)" }
    }

    static let pairs: [Pair] = [
        Pair("prefecture", "préfecture", term: "prefectur"),
        Pair("refusées", "refusé", term: "refus"),
        Pair("titres", "titre", term: "titr"),
        Pair("dematerialisation", "dématérialisation", term: "dematerialis"),
        Pair("délais", "delai", term: "del"),
        Pair("tribunaux", "tribunal", term: "tribunal"),
        Pair("récépissés", "récépissé", term: "recepiss"),
        Pair("régularisation", "regularisations", term: "regularis"),
    ]

    @Test("accented, unaccented and inflected forms meet on one index term", arguments: pairs)
    func pair(_ example: Pair) {
        #expect(FrenchAnalyzer.indexTerm(for: example.first) == example.term)
        #expect(FrenchAnalyzer.indexTerm(for: example.second) == example.term)
    }

    @Test("stop words, accented or not, give no term", arguments: ["de", "la", "l", "qu", "à", "a", "même", "meme", ""])
    func stopWords(_ token: String) {
        #expect(FrenchAnalyzer.indexTerm(for: token) == nil)
    }

    @Test("stemming sees the accents before they are folded")
    func stemBeforeFold() {
        // Folding first would give "etranger" → "etrang"; with the accent Snowball keeps the plural's stem.
        #expect(FrenchAnalyzer.indexTerm(for: "étrangers") == "etranger")
        #expect(FrenchAnalyzer.indexTerm(for: "naïvement") == "naiv")
    }

    @Test("non-Latin tokens pass through unchanged")
    func otherScripts() {
        #expect(FrenchAnalyzer.indexTerm(for: "كتاب") == "كتاب")
        #expect(FrenchAnalyzer.indexTerm(for: "2024") == "2024")
    }
}
