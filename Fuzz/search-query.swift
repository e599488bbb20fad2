// libFuzzer target `search-query`: the search box sanitiser and the French analyser.
//
// Nothing may trap; the FTS5 expression must be a list of double-quoted words separated by single spaces, each
// word made of letters, digits and marks only, within the documented limits.

import GuichetCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let raw = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let maxTerms = 1 + Int(data.pointee % 20)
    for query in [SearchQuery(raw), SearchQuery(raw, maxTerms: size == 0 ? 0 : maxTerms)] {
        check(query)
    }
    return 0
}

private func check(_ query: SearchQuery) {
    require(query.words.count <= 20, "too many words: \(query.words.count)")
    require(Set(query.words).count == query.words.count, "a repeated word in \(query.words)")
    guard let expression = query.ftsMatchExpression else {
        require(query.isEmpty, "no expression for a non-empty query")
        return
    }
    require(!query.isEmpty)
    // Grammar: "word" ( " " "word" )*, with no quote, space or FTS5 operator character inside a word.
    let scalars = Array(expression.unicodeScalars)
    var index = 0
    var words: [String] = []
    while index < scalars.count {
        if !words.isEmpty {
            require(scalars[index] == " ", "words not separated by one space: \(expression)")
            index += 1
        }
        require(index < scalars.count && scalars[index] == "\"", "a word does not open with a quote: \(expression)")
        index += 1
        var word = String.UnicodeScalarView()
        while index < scalars.count, scalars[index] != "\"" {
            word.append(scalars[index])
            index += 1
        }
        require(index < scalars.count, "an unterminated word: \(expression)")
        index += 1
        require(!word.isEmpty, "an empty word: \(expression)")
        for scalar in word {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
                .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
                break
            default:
                fail("a non-word character U+\(String(scalar.value, radix: 16)) in \(expression)")
            }
        }
        require(word.count <= SearchQuery.maximumWordLength * 4, "a word too long: \(expression)")
        words.append(String(word))
    }
    require(words == query.words, "the expression \(expression) does not spell the words \(query.words)")
    for word in query.words {
        if let term = FrenchAnalyzer.indexTerm(for: word) {
            require(!term.isEmpty, "an empty index term for \(word)")
            // The analyser is a function: indexing and querying must agree.
            require(FrenchAnalyzer.indexTerm(for: word) == term, "the analyser is not deterministic")
        }
    }
}
