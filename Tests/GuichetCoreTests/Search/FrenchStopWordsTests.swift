import Testing

@testable import GuichetCore

struct FrenchStopWordsTests {
    @Test(
        "Snowball French stop words are recognised",
        arguments: ["de", "la", "le", "les", "des", "du", "et", "en", "un", "une", "pour", "par", "sur", "avec",
            "dans", "que", "qui", "ne", "pas", "vous", "nous", "je", "tu", "il", "elle", "ils", "à", "au", "aux",
            "même", "étaient", "êtes", "fûmes", "eût", "celà", "sans", "soi", "y"])
    func stopWord(_ word: String) {
        #expect(FrenchStopWords.contains(word))
    }

    @Test("unaccented spellings match too", arguments: ["a", "meme", "etaient", "etes", "fumes", "eut", "etant"])
    func unaccented(_ word: String) {
        #expect(FrenchStopWords.contains(word))
    }

    @Test("elided letters are stop words", arguments: ["l", "d", "j", "m", "n", "s", "t", "c", "qu"])
    func elisions(_ word: String) {
        #expect(FrenchStopWords.contains(word))
    }

    @Test(
        "content words and Snowball's deliberate omissions are not stop words",
        arguments: ["délai", "recours", "titre", "séjour", "préfecture", "été", "est", "sommes", "avions", "son",
            "aura", "as", "fût", "refus", "oqtf", "", "dela", "lesquels"])
    func notStopWord(_ word: String) {
        #expect(!FrenchStopWords.contains(word))
    }

    @Test("matching expects lowercase input")
    func caseSensitive() {
        #expect(!FrenchStopWords.contains("De"))
        #expect(FrenchStopWords.contains("de"))
    }

    @Test("the list is Snowball's 154 words")
    func listSize() {
        #expect(FrenchStopWords.snowballList.count == 154)
        #expect(Set(FrenchStopWords.snowballList).count == 154)
    }
}
