import Foundation
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
                [InlineSpan(text: Self.sentence, font: .regular)], size: 11, maxWidth: width)
            #expect(lines.allSatisfy { $0.width <= width + 0.001 })
            let printed = lines.flatMap { $0.pieces.filter { !$0.isSpace }.flatMap(\.scalars) }
            let expected = Self.sentence.unicodeScalars.filter { $0 != " " }
            #expect(printed == Array(expected))
        }
    }

    @Test("only the last line of a paragraph ends it")
    func paragraphEnd() {
        let lines = LineBreaker.lines([InlineSpan(text: Self.sentence, font: .regular)], size: 11, maxWidth: 200)
        #expect(lines.count > 2)
        #expect(lines.dropLast().allSatisfy { !$0.endsParagraph })
        #expect(lines.last?.endsParagraph == true)
    }

    @Test("a line never breaks at a no-break space")
    func noBreakSpace() {
        let text = (1...40).map { "n°\u{00A0}\($0)" }.joined(separator: " ")
        let lines = LineBreaker.lines([InlineSpan(text: text, font: .regular)], size: 11, maxWidth: 100)
        for line in lines {
            let scalars = line.pieces.filter { !$0.isSpace }.flatMap(\.scalars)
            // Each line starts with « n° », never with a bare number.
            #expect(scalars.starts(with: ["n", "°"]))
        }
    }

    @Test("a word wider than the line is cut between characters")
    func longWord() {
        let word = String(repeating: "x", count: 10_000)
        let lines = LineBreaker.lines([InlineSpan(text: word, font: .bold)], size: 11, maxWidth: 453)
        #expect(lines.count > 50)
        #expect(lines.allSatisfy { $0.width <= 453.001 })
        #expect(lines.reduce(0) { $0 + $1.pieces.reduce(0) { $0 + $1.scalars.count } } == 10_000)
    }

    @Test("a narrow no-break space (U+202F) keeps « and its word together, with its own narrower glyph")
    func narrowNoBreakSpace() {
        let text = (1...30).map { "«\u{202F}mot\($0)\u{202F}»" }.joined(separator: " ")
        let lines = LineBreaker.lines([InlineSpan(text: text, font: .regular)], size: 11, maxWidth: 90)
        #expect(lines.count > 5)
        for line in lines {
            let scalars = line.pieces.filter { !$0.isSpace }.flatMap(\.scalars)
            #expect(scalars.first == "«")
            #expect(scalars.last == "»")
        }
        let metrics = FontFace.regular.metrics
        #expect(metrics.advance(of: "\u{202F}") < metrics.advance(of: " "))
        #expect(metrics.advance(of: "\u{00A0}") == metrics.advance(of: " "))
    }

    @Test("Liberation Serif has the advance widths of Times")
    func timesMetrics() {
        // Liberation Serif is metric-compatible with Times New Roman: the AFM widths of Times-Roman.
        let metrics = FontFace.regular.metrics
        #expect(metrics.advance(of: "e") == 444)
        #expect(metrics.advance(of: "é") == 444)
        #expect(metrics.advance(of: " ") == 250)
        #expect(FontFace.bold.metrics.advance(of: "W") == 1000)
        #expect(metrics.width(of: "référé", size: 10) == 23.31)
    }

    @Test("the NFC shortcut agrees with Foundation on every scalar it lets through")
    func nfcShortcut() {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x2FF, 0x2002...0x206F, 0x20A0...0x20CF]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = "a" + String(Character(scalar)) + "e"
                #expect(PrintableText.isSurelyNFC(text))
                #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars), "U+\(String(value, radix: 16))")
            }
        }
        #expect(!PrintableText.isSurelyNFC("e\u{0301}"))
        #expect(!PrintableText.isSurelyNFC("\u{2000}"))
        #expect(!PrintableText.isSurelyNFC("Nguyễn"))
    }

    @Test("forced line breaks end lines, and runs keep their fonts")
    func breaksAndFonts() {
        let lines = LineBreaker.lines(
            [InlineSpan(text: "Pour :\n", font: .regular), InlineSpan(text: "Mme X", font: .bold)], size: 11,
            maxWidth: 400)
        #expect(lines.count == 2)
        #expect(lines[0].endsParagraph)
        #expect(lines[1].pieces.map(\.font) == [.bold, .bold, .bold])
    }
}
