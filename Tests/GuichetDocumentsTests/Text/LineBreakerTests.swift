import Testing

@testable import GuichetDocuments

@Suite("Line breaking")
struct LineBreakerTests {
    static let sentence =
        "Le juge des référés, saisi d’une demande en ce sens, peut ordonner toutes autres mesures utiles sans faire obstacle à l’exécution d’aucune décision administrative."

    @Test("no line is wider than the measure, and the words come back in order")
    func linesFit() {
        for width in [60.0, 120, 250, 453] {
            let lines = LineBreaker.lines(
                [InlineSpan(text: Self.sentence, font: .timesRoman)], size: 11, maxWidth: width)
            #expect(lines.allSatisfy { $0.width <= width + 0.001 })
            let printed = lines.flatMap { $0.pieces.filter { !$0.isSpace }.flatMap(\.codes) }
            let expected = Self.sentence.unicodeScalars.filter { $0 != " " }.map { WinAnsi.code(for: $0) }
            #expect(printed.map { Optional($0) } == expected)
        }
    }

    @Test("only the last line of a paragraph ends it")
    func paragraphEnd() {
        let lines = LineBreaker.lines([InlineSpan(text: Self.sentence, font: .timesRoman)], size: 11, maxWidth: 200)
        #expect(lines.count > 2)
        #expect(lines.dropLast().allSatisfy { !$0.endsParagraph })
        #expect(lines.last?.endsParagraph == true)
    }

    @Test("a line never breaks at a no-break space")
    func noBreakSpace() {
        let text = (1...40).map { "n°\u{00A0}\($0)" }.joined(separator: " ")
        let lines = LineBreaker.lines([InlineSpan(text: text, font: .timesRoman)], size: 11, maxWidth: 100)
        for line in lines {
            let codes = line.pieces.filter { !$0.isSpace }.flatMap(\.codes)
            // Each line starts with « n° », never with a bare number.
            #expect(codes.starts(with: [0x6E, 0xB0]))
        }
    }

    @Test("a word wider than the line is cut between characters")
    func longWord() {
        let word = String(repeating: "x", count: 10_000)
        let lines = LineBreaker.lines([InlineSpan(text: word, font: .timesBold)], size: 11, maxWidth: 453)
        #expect(lines.count > 50)
        #expect(lines.allSatisfy { $0.width <= 453.001 })
        #expect(lines.reduce(0) { $0 + $1.pieces.reduce(0) { $0 + $1.codes.count } } == 10_000)
    }

    @Test("forced line breaks end lines, and runs keep their fonts")
    func breaksAndFonts() {
        let lines = LineBreaker.lines(
            [InlineSpan(text: "Pour :\n", font: .timesRoman), InlineSpan(text: "Mme X", font: .timesBold)], size: 11,
            maxWidth: 400)
        #expect(lines.count == 2)
        #expect(lines[0].endsParagraph)
        #expect(lines[1].pieces.map(\.font) == [.timesBold, .timesBold, .timesBold])
    }
}
