/// What a person typed in the search box, reduced to plain words that are safe to hand to SQLite FTS5.
///
/// Any input is treated as words, never as FTS5 query syntax: the text is split on every character that is not a
/// letter or a digit (spaces, punctuation, apostrophes `'` `’` `ʼ`, quotes, `*`, `^`, `:`, `(`, `-`, `+`, emoji…),
/// so operators and column filters cannot survive. Words are lowercased with accents kept, stop words are dropped
/// (`le délai de recours` → `délai`, `recours`), repeats are dropped, and at most `maxTerms` words are kept.
///
/// Combining marks that follow a letter stay in its word (a decomposed `é`, Arabic vowel signs): they belong to
/// the letter and cannot form FTS5 syntax.
///
/// Work is bounded whatever the input size: only the first `maximumScannedScalars` scalars are read, scanning stops
/// once `maxTerms` words are kept, and words longer than `maximumWordLength` scalars (pasted hashes, junk) are
/// skipped.
public struct SearchQuery: Sendable, Equatable {
    /// The words kept, in input order: lowercased, accents kept, no stop word, no repeat. For display
    /// ("Résultats pour : délai recours").
    public let words: [String]

    /// How many Unicode scalars of the raw input are read at most (about 4 KB of French text).
    public static let maximumScannedScalars = 4096

    /// Longer words are skipped: no French word comes close, and an FTS5 term that long only costs time.
    public static let maximumWordLength = 64

    /// Parses `raw` as plain words.
    ///
    /// - Parameters:
    ///   - raw: anything a user typed or a URL carried, including empty, hostile or huge text.
    ///   - maxTerms: how many words to keep at most; 0 or less gives an empty query.
    public init(_ raw: String, maxTerms: Int = 16) {
        var kept: [String] = []
        guard maxTerms > 0 else {
            words = kept
            return
        }
        var seen: Set<String> = []
        var word = String.UnicodeScalarView()
        var wordLength = 0

        func finishWord() {
            defer {
                word = String.UnicodeScalarView()
                wordLength = 0
            }
            guard wordLength > 0, wordLength <= Self.maximumWordLength else { return }
            let lowercased = String(word).lowercased()
            guard !FrenchStopWords.contains(lowercased), seen.insert(lowercased).inserted else { return }
            kept.append(lowercased)
        }

        var scanned = 0
        var isCutShort = false
        for scalar in raw.unicodeScalars {
            if scanned == Self.maximumScannedScalars || kept.count == maxTerms {
                isCutShort = true
                break
            }
            scanned += 1
            switch Self.role(of: scalar) {
            case .wordCharacter:
                word.append(scalar)
                wordLength += 1
            case .mark where wordLength > 0:
                word.append(scalar)
                wordLength += 1
            case .mark, .separator:
                finishWord()
            }
        }
        // A word cut by the scan limit is a fragment: leave it out.
        if !isCutShort {
            finishWord()
        }
        words = kept
    }

    /// True when no word is left: the caller shows no result list (or a hint) instead of querying.
    public var isEmpty: Bool { words.isEmpty }

    /// The FTS5 MATCH expression: each word as a double-quoted string, separated by spaces (implicit AND in FTS5),
    /// e.g. `"délai" "recours"`; nil when the query is empty.
    ///
    /// Quoting turns FTS5 keywords (`OR`, `AND`, `NOT`, `NEAR`) into plain words. Words hold only letters, digits
    /// and marks, so they cannot contain `"`; should one ever do, it is doubled, which is FTS5's escape inside a
    /// string, so the expression stays a list of plain strings in every case.
    public var ftsMatchExpression: String? {
        guard !words.isEmpty else { return nil }
        var expression = ""
        for word in words {
            if !expression.isEmpty { expression.append(" ") }
            expression.append("\"")
            for character in word {
                if character == "\"" { expression.append("\"") }
                expression.append(character)
            }
            expression.append("\"")
        }
        return expression
    }

    private enum Role {
        case wordCharacter
        case mark
        case separator
    }

    private static func role(of scalar: Unicode.Scalar) -> Role {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .wordCharacter
            default: return .separator
            }
        }
        // Modifier letter apostrophes, used in place of ’ in some French text: separators like ’.
        if value == 0x2BC || value == 0x2BB { return .separator }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return .wordCharacter
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .mark
        default:
            return .separator
        }
    }
}
