/// Turns one French token into the term stored in (and looked up from) the full-text index.
///
/// The order of the steps matters:
/// 1. **Stop words out first**: `de`, `la`, `l`, `qu`… would match nearly every document and slow every query.
/// 2. **Stem with the accents**: Snowball's French suffix rules are written with accented letters (`-é`, `-ée`,
///    `-ées`, `-ière`, `-èrent`…) and with the vowel classes that include them, so folding before stemming would
///    change which suffix is found and where the stem's regions start.
/// 3. **Fold after stemming**: lowercase and strip diacritics from the stem, so that accented and unaccented
///    spellings, and inflected forms, meet on one term: `préfecture` and `prefecture` both give `prefectur`,
///    `refusées` and `refusé` give `refus`, `titres` and `titre` give `titr`, `dématérialisation` and
///    `dematerialisation` give `dematerialis`. People type without accents on phones; official texts use them.
///
/// The same function must run when indexing and when querying, so that both sides produce identical terms.
public enum FrenchAnalyzer {
    /// The index term for `token`, or nil when the token is a stop word (or empty) and must not be indexed.
    ///
    /// - Parameter token: one word as split by SQLite's `unicode61` tokenizer: lowercased, accents kept
    ///   (`remove_diacritics 0`), no apostrophe.
    /// - Returns: `TextFolding.fold(FrenchStemmer.stem(token))`, or nil.
    public static func indexTerm(for token: String) -> String? {
        guard !token.isEmpty, !FrenchStopWords.contains(token) else { return nil }
        let term = TextFolding.fold(FrenchStemmer.stem(token))
        return term.isEmpty ? nil : term
    }
}
