import Testing

@testable import GuichetCore

/// Expected stems were produced by the reference, `snowballstemmer` 3.1.1 (PyPI), French stemmer.
/// The full comparison over Debian's wfrench list runs in CI: `scripts/check-stemmer`.
struct FrenchStemmerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let word: String
        let stem: String
        let rule: String

        init(_ word: String, _ stem: String, _ rule: String) {
            self.word = word
            self.stem = stem
            self.rule = rule
        }

        var testDescription: String { "\(word) → \(stem) (\(rule))" }
    }

    static let vocabulary: [Case] = [
        Case("préfecture", "préfectur", "residual -e"),
        Case("prefecture", "prefectur", "residual -e without accent"),
        Case("refusées", "refus", "verb -ées"),
        Case("refusé", "refus", "verb -é"),
        Case("titres", "titr", "plural s, then residual -e"),
        Case("titre", "titr", "residual -e"),
        Case("dématérialisation", "dématérialis", "-ation in R2"),
        Case("recours", "recour", "final s dropped"),
        Case("délai", "del", "verb -ai, then é unaccented"),
        Case("délais", "del", "verb -ais, then é unaccented"),
        Case("étrangers", "étranger", "plural s only"),
        Case("étranger", "étrang", "verb -er"),
        Case("séjour", "séjour", "nothing to remove"),
        Case("séjournant", "séjourn", "verb -ant"),
        Case("régularisation", "régularis", "-ation"),
        Case("naturalisation", "naturalis", "-ation"),
        Case("autorisations", "autoris", "-ations"),
        Case("convocation", "convoc", "-ation in R2"),
        Case("récépissé", "récépiss", "verb -é"),
        Case("tribunal", "tribunal", "nothing to remove"),
        Case("tribunaux", "tribunal", "-aux → -al in R1"),
        Case("juridictions", "juridict", "verb -ions in R2"),
        Case("irrecevabilité", "irrecev", "-ité then -abil"),
        Case("annulation", "annul", "-ation"),
        Case("contentieux", "contenti", "-eux in R2"),
        Case("administrative", "administr", "-ive then -at"),
        Case("administratifs", "administr", "-ifs then -at"),
        Case("impérativement", "imper", "-ement then -iv then -at, é unaccented"),
        Case("demanderesse", "demanderess", "residual -e"),
    ]

    static let rules: [Case] = [
        Case("continuation", "continu", "-ation"),
        Case("continuellement", "continuel", "-ement in RV, then ell undoubled"),
        Case("continuité", "continu", "-ité"),
        Case("majestueusement", "majestu", "-ement then -eus"),
        Case("majestueuses", "majestu", "-euses"),
        Case("cruellement", "cruel", "-ement, then ell undoubled"),
        Case("rapidement", "rapid", "-ement"),
        Case("abondamment", "abond", "-amment → -ant, then verb -ant"),
        Case("évidemment", "évident", "-emment → -ent"),
        Case("chevaux", "cheval", "-aux → -al"),
        Case("bijoux", "bijou", "-oux after j → -ou"),
        Case("châteaux", "château", "-eaux → -eau"),
        Case("oiseaux", "oiseau", "-eaux → -eau"),
        Case("heureuse", "heureux", "-euse in R1 → -eux"),
        Case("ennuyeux", "ennui", "y marked, -eux, Y → i"),
        Case("joyeux", "joyeux", "-eux outside R2"),
        Case("biologie", "biolog", "-logie → -log"),
        Case("conclusion", "conclus", "-usion outside R2, then residual -ion after s"),
        Case("tolérance", "toler", "-ance, é unaccented"),
        Case("sportives", "sportiv", "-ives outside R2: final s, then residual -e"),
        Case("intensif", "intens", "-if in R2"),
        Case("finissons", "fin", "i-verb -issons"),
        Case("réussissait", "réuss", "i-verb -issait"),
        Case("dormirions", "dorm", "i-verb -irions"),
        Case("rendrions", "rendrion", "-ions outside R2: only s"),
        Case("aimerions", "aim", "verb -erions"),
        Case("parlâmes", "parl", "verb -âmes"),
        Case("allées", "allé", "verb -ées outside RV: final s, then residual -e"),
        Case("ouaté", "ouat", "verb -é"),
        Case("jouer", "jou", "verb -er"),
        Case("voyage", "voyag", "residual -e"),
        Case("quelques", "quelqu", "qu marked, residual -e"),
        Case("colonie", "colon", "col… RV exception, then i-verb -ie"),
        Case("parole", "parol", "par… RV exception"),
        Case("tapis", "tapis", "tap… RV exception keeps -is"),
        Case("niais", "niais", "ni + vowel RV exception"),
        Case("personne", "person", "onn undoubled"),
        Case("chienne", "chien", "enn undoubled"),
        Case("nouvelle", "nouvel", "ell undoubled"),
        Case("vieille", "vieil", "eill undoubled"),
        Case("baguette", "baguet", "ett undoubled"),
        Case("naïvement", "naïv", "ï marked as Hi, -ement"),
        Case("naïve", "naïv", "ï marked as Hi"),
        Case("noël", "noël", "ë marked as He and restored"),
        Case("haïr", "haïr", "i-verb -ir not after H"),
        Case("haïssait", "haïss", "verb -ait"),
        Case("maïs", "maï", "final s dropped after ï"),
        Case("créatrice", "créatric", "-atrice outside R2, then residual -e"),
        Case("été", "été", "too short"),
        Case("ayant", "ayant", "too short"),
        Case("yeux", "yeux", "too short"),
        Case("ayons", "ayon", "final s"),
    ]

    static let unusual: [Case] = [
        Case("l'état", "état", "elision l'"),
        Case("qu'il", "il", "elision qu'"),
        Case("j'ai", "ai", "elision j'"),
        Case("c'est-à-dire", "est-à-dir", "elision then residual -e"),
        Case("aujourd'hui", "aujourd'hui", "no elision inside"),
        Case("l'", "l'", "nothing after the apostrophe"),
        Case("qu'", "qu'", "nothing after the apostrophe"),
        Case("'", "'", "apostrophe alone"),
        Case("ëëë", "ëë", "markers"),
        Case("yyyy", "yyyy", "markers"),
        Case("uuuuu", "uuuuu", "markers"),
        Case("ïïï", "ïïï", "markers"),
        Case("quiqui", "quiqu", "qu marker"),
        Case("ment", "ment", "suffix alone"),
        Case("issements", "issement", "suffix alone"),
        Case("2024", "2024", "digits"),
        Case("x", "x", "one letter"),
        Case("é", "é", "one accented letter"),
        Case("", "", "empty"),
        Case("😀", "😀", "emoji"),
        Case("كِتَاب", "كِتَاب", "Arabic"),
    ]

    @Test("stems French vocabulary like Snowball", arguments: vocabulary)
    func vocabularyStem(_ example: Case) {
        #expect(FrenchStemmer.stem(example.word) == example.stem)
    }

    @Test("applies each Snowball French rule", arguments: rules)
    func ruleStem(_ example: Case) {
        #expect(FrenchStemmer.stem(example.word) == example.stem)
    }

    @Test("handles elisions, markers and non-French input like Snowball", arguments: unusual)
    func unusualStem(_ example: Case) {
        #expect(FrenchStemmer.stem(example.word) == example.stem)
    }

    @Test("keeps a long word without suffix intact")
    func longWord() {
        let word = String(repeating: "ab", count: 500)
        #expect(FrenchStemmer.stem(word) == word)
        #expect(
            FrenchStemmer.stem(String(repeating: "constitutionnellement", count: 3))
                == "constitutionnellementconstitutionnellementconstitutionnel")
    }
}
