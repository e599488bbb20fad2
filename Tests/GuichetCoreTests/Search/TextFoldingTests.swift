import Testing

@testable import GuichetCore

struct TextFoldingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let input: String
        let folded: String
        let why: String

        init(_ input: String, _ folded: String, _ why: String) {
            self.input = input
            self.folded = folded
            self.why = why
        }

        var testDescription: String { "\(input) → \(folded) (\(why))" }
    }

    static let cases: [Case] = [
        Case("préfecture", "prefecture", "acute accent"),
        Case("Préfecture", "prefecture", "capital and accent"),
        Case("ÉTRANGER", "etranger", "accented capital"),
        Case("À bientôt", "a bientot", "grave and circumflex, space kept"),
        Case("ça", "ca", "cedilla"),
        Case("Ça", "ca", "capital cedilla"),
        Case("naïve", "naive", "diaeresis"),
        Case("Noël", "noel", "diaeresis on e"),
        Case("où", "ou", "grave on u"),
        Case("crème brûlée", "creme brulee", "several accents"),
        Case("œuvre", "oeuvre", "œ ligature"),
        Case("Œuvre", "oeuvre", "capital Œ ligature"),
        Case("SŒUR", "soeur", "Œ inside capitals"),
        Case("curriculum vitæ", "curriculum vitae", "æ ligature"),
        Case("Æ", "ae", "capital Æ"),
        Case("Straße", "strasse", "sharp s"),
        Case("ﬁchier", "fichier", "typographic fi ligature"),
        Case("e\u{301}tat", "etat", "decomposed accent"),
        Case("E\u{301}TAT", "etat", "decomposed accent on a capital"),
        Case("Łódź", "lodz", "Polish stroke and acute"),
        Case("Øre", "ore", "Danish ø"),
        Case("İstanbul", "istanbul", "dotted capital I"),
        Case("Tiếng Việt", "tieng viet", "Vietnamese stacked marks"),
        Case("Nguyễn", "nguyen", "Latin Extended Additional"),
        Case("l’état", "l’etat", "typographic apostrophe kept"),
        Case("dossier n° 12", "dossier n° 12", "degree sign and digits kept"),
        Case("plain ascii", "plain ascii", "ASCII unchanged"),
        Case("MiXeD", "mixed", "ASCII capitals"),
        Case("", "", "empty"),
        Case("كِتَاب", "كِتَاب", "Arabic with its vowel marks untouched"),
        Case("مرحبا بكم", "مرحبا بكم", "Arabic untouched"),
        Case("ПРИВЕТ", "привет", "Cyrillic lowercased only"),
        Case("Ελληνικά", "ελληνικά", "Greek lowercased, accent kept"),
        Case("日本語", "日本語", "CJK untouched"),
        Case("👍🏽 ok", "👍🏽 ok", "emoji untouched"),
    ]

    @Test("folds case, Latin diacritics and ligatures, and nothing else", arguments: cases)
    func fold(_ example: Case) {
        #expect(TextFolding.fold(example.input) == example.folded)
    }

    @Test("every precomposed French letter folds to ASCII")
    func frenchAlphabet() {
        let accented = "àâäçéèêëîïôöùûüÿÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ"
        #expect(TextFolding.fold(accented) == "aaaceeeeiioouuuyaaaceeeeiioouuuy")
        #expect(TextFolding.fold(accented).utf8.allSatisfy { $0 < 0x80 })
    }

    @Test("folding is idempotent", arguments: cases)
    func idempotent(_ example: Case) {
        let once = TextFolding.fold(example.input)
        #expect(TextFolding.fold(once) == once)
    }
}
