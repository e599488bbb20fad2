internal import GRDB
internal import GuichetCore

/// The FTS5 tokenizer of the dossier: SQLite's `unicode61` splits and lowercases (keeping accents),
/// then each token goes through ``FrenchAnalyzer``: stop words dropped, Snowball stem, accents folded.
///
/// Registered on every connection as `guichet_french`; the index and the queries use the same one, so
/// `prefecture` meets « préfecture » and `refusées` meets « refusé ».
///
/// Snowball's suffix rules read accents, so a word typed without them can stem differently
/// (`récépissé` → `recepiss`, `recepisse` → `recep`). Documents therefore also index, at the same
/// position (an FTS5 colocated token), the term of the word's unaccented spelling when it differs;
/// a query is tokenized as typed. Both spellings of a query then find the document.
final class FrenchTokenizer: FTS5WrapperTokenizer {
    static let name = "guichet_french"
    let wrappedTokenizer: any FTS5Tokenizer

    init(db: Database, arguments: [String]) throws {
        wrappedTokenizer = try db.makeTokenizer(.unicode61(diacritics: .keep))
    }

    func accept(
        token: String, flags: FTS5TokenFlags, for tokenization: FTS5Tokenization,
        tokenCallback: FTS5WrapperTokenCallback
    ) throws {
        guard let term = FrenchAnalyzer.indexTerm(for: token) else { return }
        try tokenCallback(term, flags)
        guard !tokenization.contains(.query) else { return }
        let folded = TextFolding.fold(token)
        if folded != token, let unaccented = FrenchAnalyzer.indexTerm(for: folded), unaccented != term {
            try tokenCallback(unaccented, flags.union(.colocated))
        }
    }
}
