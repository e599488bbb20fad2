import Testing

@testable import GuichetCore

struct SearchQueryTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let raw: String
        let words: [String]
        let expression: String?

        init(_ raw: String, _ words: [String], _ expression: String?) {
            self.raw = raw
            self.words = words
            self.expression = expression
        }

        var testDescription: String { "\(raw.debugDescription) → \(expression ?? "nil")" }
    }

    static let cases: [Case] = [
        Case("délai recours", ["délai", "recours"], #""délai" "recours""#),
        Case("le délai de recours", ["délai", "recours"], #""délai" "recours""#),
        Case("Titre de Séjour", ["titre", "séjour"], #""titre" "séjour""#),
        Case("L’état d'urgence", ["état", "urgence"], #""état" "urgence""#),
        Case("titre titre TITRE", ["titre"], #""titre""#),
        Case("ANEF: rendez-vous", ["anef", "rendez"], #""anef" "rendez""#),
        Case("article L.614-1", ["article", "614", "1"], #""article" "614" "1""#),
        Case("", [], nil),
        Case("   ", [], nil),
        Case("de la le les", [], nil),
    ]

    static let hostile: [Case] = [
        Case("\"", [], nil),
        Case("\"\"\"", [], nil),
        Case("*", [], nil),
        Case("^", [], nil),
        Case("-x", ["x"], #""x""#),
        Case("NEAR(a b)", ["near", "b"], #""near" "b""#),
        Case("NEAR/3", ["near", "3"], #""near" "3""#),
        Case("a OR b", ["or", "b"], #""or" "b""#),
        Case("AND", ["and"], #""and""#),
        Case("NOT recours", ["not", "recours"], #""not" "recours""#),
        Case("col:term", ["col", "term"], #""col" "term""#),
        Case("{col1 col2}: x", ["col1", "col2", "x"], #""col1" "col2" "x""#),
        Case("pref*", ["pref"], #""pref""#),
        Case("+titre", ["titre"], #""titre""#),
        Case("\"titre\" OR \"carte", ["titre", "or", "carte"], #""titre" "or" "carte""#),
        Case("x\"; DROP TABLE dossier; --", ["x", "drop", "table", "dossier"], #""x" "drop" "table" "dossier""#),
        Case("😀 🇫🇷 👍🏽", [], nil),
        Case("visa 🇫🇷", ["visa"], #""visa""#),
        Case("مرحبا بكم", ["مرحبا", "بكم"], #""مرحبا" "بكم""#),
        Case("\u{0}\u{1}\t\n\r", [], nil),
        Case("e\u{301}tat", ["e\u{301}tat"], "\"e\u{301}tat\""),
        Case("\u{301}x", ["x"], #""x""#),
    ]

    @Test("keeps plain words, drops stop words and repeats", arguments: cases)
    func words(_ example: Case) {
        let query = SearchQuery(example.raw)
        #expect(query.words == example.words)
        #expect(query.ftsMatchExpression == example.expression)
        #expect(query.isEmpty == example.words.isEmpty)
    }

    @Test("treats FTS5 syntax as plain words", arguments: hostile)
    func hostileInput(_ example: Case) {
        let query = SearchQuery(example.raw)
        #expect(query.words == example.words)
        #expect(query.ftsMatchExpression == example.expression)
        #expect(Self.isSafe(query.ftsMatchExpression))
    }

    @Test("keeps at most maxTerms words")
    func maxTerms() {
        let raw = (1...40).map { "mot\($0)" }.joined(separator: " ")
        #expect(SearchQuery(raw).words.count == 16)
        #expect(SearchQuery(raw).words.first == "mot1")
        #expect(SearchQuery(raw, maxTerms: 3).words == ["mot1", "mot2", "mot3"])
        #expect(SearchQuery(raw, maxTerms: 0).isEmpty)
        #expect(SearchQuery(raw, maxTerms: -5).ftsMatchExpression == nil)
    }

    @Test("reads a bounded prefix of huge input")
    func hugeInput() {
        let filler = String(repeating: "de la ", count: 2_000)  // 12 000 scalars of stop words
        let query = SearchQuery(filler + "recours")
        #expect(query.isEmpty)

        let tenKilobytes = String(repeating: "délai recours préfecture ", count: 400)
        let repeated = SearchQuery(tenKilobytes)
        #expect(repeated.words == ["délai", "recours", "préfecture"])
        #expect(Self.isSafe(repeated.ftsMatchExpression))

        let oneWord = SearchQuery(String(repeating: "a", count: 100_000))
        #expect(oneWord.isEmpty)
    }

    @Test("skips overlong words but keeps the others")
    func longWord() {
        let query = SearchQuery(String(repeating: "x", count: 65) + " titre " + String(repeating: "y", count: 64))
        #expect(query.words == ["titre", String(repeating: "y", count: 64)])
    }

    @Test("queries with the same words are equal")
    func equality() {
        #expect(SearchQuery("Délai, recours!") == SearchQuery("délai recours"))
        #expect(SearchQuery("délai recours") != SearchQuery("recours délai"))
    }

    /// An expression is safe when it is a space-separated list of double-quoted strings with no quote inside.
    static func isSafe(_ expression: String?) -> Bool {
        guard let expression else { return true }
        return expression.split(separator: " ", omittingEmptySubsequences: false).allSatisfy { part in
            part.count >= 3 && part.first == "\"" && part.last == "\""
                && !part.dropFirst().dropLast().contains("\"")
        }
    }
}
