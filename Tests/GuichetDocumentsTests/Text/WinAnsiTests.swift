import Testing

@testable import GuichetDocuments

@Suite("WinAnsi encoding")
struct WinAnsiTests {
    struct Case: Sendable, CustomStringConvertible {
        let text: String
        let units: [WinAnsi.Unit]
        let description: String
    }

    static let cases: [Case] = [
        Case(text: "é", units: [.glyph(0xE9)], description: "é is Latin-1 0xE9"),
        Case(
            text: "è à ç ù", units: [.glyph(0xE8), .space, .glyph(0xE0), .space, .glyph(0xE7), .space, .glyph(0xF9)],
            description: "accented letters"),
        Case(
            text: "âêîôûëï", units: [0xE2, 0xEA, 0xEE, 0xF4, 0xFB, 0xEB, 0xEF].map { .glyph($0) },
            description: "circumflex and diaeresis"),
        Case(text: "œŒ", units: [.glyph(0x9C), .glyph(0x8C)], description: "œ and Œ come from the Windows-1252 range"),
        Case(text: "«»", units: [.glyph(0xAB), .glyph(0xBB)], description: "guillemets"),
        Case(text: "’“”", units: [.glyph(0x92), .glyph(0x93), .glyph(0x94)], description: "curly quotes"),
        Case(text: "–—", units: [.glyph(0x96), .glyph(0x97)], description: "en and em dashes"),
        Case(text: "€…", units: [.glyph(0x80), .glyph(0x85)], description: "euro and ellipsis"),
        Case(
            text: "a\u{00A0}b\u{202F}c",
            units: [.glyph(0x61), .nonBreakingSpace, .glyph(0x62), .nonBreakingSpace, .glyph(0x63)],
            description: "no-break spaces stay unbreakable"),
        Case(text: "e\u{0301}", units: [.glyph(0xE9)], description: "a decomposed é is composed first"),
        Case(text: "中Ω", units: [.glyph(0x3F), .glyph(0x3F)], description: "characters outside WinAnsi become ?"),
        Case(text: "😀", units: [.glyph(0x3F)], description: "an emoji becomes one ?"),
        Case(
            text: "a\r\nb\nc", units: [.glyph(0x61), .lineBreak, .glyph(0x62), .lineBreak, .glyph(0x63)],
            description: "CRLF is one line break"),
        Case(
            text: "a\u{00AD}b\u{200B}c\u{0007}", units: [.glyph(0x61), .glyph(0x62), .glyph(0x63)],
            description: "soft hyphen, zero-width space and controls print nothing"),
    ]

    @Test("characters map to their WinAnsi codes", arguments: cases)
    func mapping(_ testCase: Case) {
        #expect(WinAnsi.units(of: testCase.text) == testCase.units)
    }

    @Test("every code the encoder emits decodes back to the same character")
    func roundTrip() {
        for value in UInt32(0x20)...0x2122 {
            guard let scalar = Unicode.Scalar(value), let code = WinAnsi.code(for: scalar) else { continue }
            #expect(WinAnsi.scalar(for: code) == scalar)
        }
    }

    @Test("every WinAnsi glyph has a width in each font")
    func widthsCoverEncoding() {
        for font in StandardFont.allCases {
            #expect(font.widths.count == 256)
            for code in UInt8(0x20)...0xFF where WinAnsi.scalar(for: code) != nil {
                #expect(font.widths[Int(code)] > 0, "\(font) lacks code \(code)")
            }
        }
    }

    @Test("widths are the Adobe AFM values")
    func knownWidths() {
        #expect(StandardFont.timesRoman.widths[0x65] == 444)  // e
        #expect(StandardFont.timesRoman.widths[0xE9] == 444)  // eacute
        #expect(StandardFont.timesRoman.widths[0x80] == 500)  // Euro
        #expect(StandardFont.timesBold.widths[0x57] == 1000)  // W
        #expect(StandardFont.timesItalic.widths[0x9C] == 667)  // oe
        #expect(StandardFont.helveticaBold.widths[0x20] == 278)  // space
        #expect(StandardFont.timesRoman.width(of: "référé", size: 10) == 23.31)
    }
}
