/// French stop words: words too common to help a search, left out of the index and out of queries.
///
/// The list is Snowball's French stop-word list (snowballstem.org, `algorithms/french/stop.txt`), which already
/// includes the elided forms `c`, `d`, `j`, `l`, `m`, `n`, `s`, `t` and `qu` (what remains of `l'`, `qu'`… once the
/// tokenizer splits on the apostrophe). Snowball deliberately leaves out a few homonyms (`été` "summer", `est`
/// "east", `sommes` "sums", `avions` "planes", `son` "sound"…); so do we.
///
/// Each word matches with or without its accents (`même` and `meme`, `étaient` and `etaient`, `à` and `a`), so that
/// a query typed without accents loses the same words as the text it is matched against.
public enum FrenchStopWords {
    /// Returns whether `lowercasedWord` is a stop word. The word must already be lowercase; accents are optional.
    public static func contains(_ lowercasedWord: String) -> Bool {
        // Stop words are short: most words are rejected without hashing.
        guard lowercasedWord.utf8.count <= maximumLength else { return false }
        return words.contains(lowercasedWord)
    }

    /// Snowball's list, in its order: articles, pronouns and prepositions, single letters, forms of être, forms of
    /// avoir, later additions.
    static let snowballList: [String] = [
        "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "eux", "il", "je", "la",
        "le", "leur", "lui", "ma", "mais", "me", "même", "mes", "moi", "mon", "ne", "nos", "notre", "nous", "on",
        "ou", "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "sur", "ta", "te", "tes", "toi", "ton",
        "tu", "un", "une", "vos", "votre", "vous",
        "c", "d", "j", "l", "à", "m", "n", "s", "t", "y",
        "étée", "étées", "étant", "suis", "es", "êtes", "sont", "serai", "seras", "sera", "serons", "serez",
        "seront", "serais", "serait", "serions", "seriez", "seraient", "étais", "était", "étions", "étiez",
        "étaient", "fus", "fut", "fûmes", "fûtes", "furent", "sois", "soit", "soyons", "soyez", "soient", "fusse",
        "fusses", "fussions", "fussiez", "fussent",
        "ayant", "eu", "eue", "eues", "eus", "ai", "avons", "avez", "ont", "aurai", "aurons", "aurez", "auront",
        "aurais", "aurait", "aurions", "auriez", "auraient", "avais", "avait", "aviez", "avaient", "eut", "eûmes",
        "eûtes", "eurent", "aie", "aies", "ait", "ayons", "ayez", "aient", "eusse", "eusses", "eût", "eussions",
        "eussiez", "eussent",
        "ceci", "cela", "celà", "cet", "cette", "ici", "ils", "les", "leurs", "quel", "quels", "quelle", "quelles",
        "sans", "soi",
    ]

    /// The list plus the unaccented spelling of each word.
    private static let words: Set<String> = Set(snowballList + snowballList.map(TextFolding.fold))

    private static let maximumLength = words.map(\.utf8.count).max() ?? 0
}
