import Testing

@testable import GuichetDocuments

@Suite("TrueType fonts and their subsets")
struct TrueTypeFontTests {
    let fonts = try! FontLibrary.loaded.get()

    @Test("the five Liberation faces load with their names, metrics and Unicode maps")
    func faces() {
        let names = fonts.metrics.map(\.font.postScriptName)
        #expect(
            names == [
                "LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic",
                "LiberationSans-Bold",
            ])
        for metrics in fonts.metrics {
            #expect(metrics.font.unitsPerEm == 2048)
            #expect(metrics.font.glyphCount > 2000)
        }
        #expect(fonts.metrics[FontFace.italic.rawValue].font.italicAngle < 0)
    }

    @Test("coverage: Latin-1, Latin Extended-A and -B, Vietnamese, Greek and Cyrillic letters")
    func coverage() {
        let ranges: [(String, ClosedRange<UInt32>)] = [
            ("Latin-1", 0xC0...0xFF), ("Latin Extended-A", 0x100...0x17F), ("Latin Extended-B", 0x180...0x24F),
            ("Vietnamese", 0x1EA0...0x1EF9), ("Greek", 0x391...0x3C9), ("Cyrillic", 0x400...0x4FF),
        ]
        for (name, range) in ranges {
            let missing = range.compactMap(Unicode.Scalar.init).filter {
                $0.properties.generalCategory != .unassigned && !fonts.canPrint($0)
            }
            // U+03A2 is unassigned in Greek; every assigned letter of these blocks prints.
            #expect(missing.isEmpty, "\(name): \(missing.map { String($0.value, radix: 16) })")
        }
        #expect(!fonts.canPrint("𝔄"))
        #expect(!fonts.canPrint("中"))
    }

    @Test("a subset keeps the glyph numbers, the outlines used and what composites are built from")
    func subset() throws {
        let font = fonts.metrics[FontFace.regular.rawValue].font
        let used = ["A", "é", "ễ", "Ж"].compactMap { font.characterMap[Unicode.Scalar($0)!.value] }.map(Int.init)
        let bytes = font.subset(keeping: used)
        let subset = try TrueTypeFont(bytes: bytes)
        #expect(subset.glyphCount == font.glyphCount)
        #expect(subset.advances == font.advances)
        for glyph in font.closure(of: used) {
            #expect(subset.outline(of: glyph) .elementsEqual(font.outline(of: glyph)), "glyph \(glyph)")
        }
        // « ễ » is a composite in Liberation: its parts come along.
        let composite = Int(font.characterMap[0x1EC5]!)
        #expect(!font.components(of: composite).isEmpty)
        #expect(font.components(of: composite).allSatisfy { !subset.outline(of: $0).isEmpty })
        // An unused letter is emptied, and the file is far smaller.
        let z = Int(font.characterMap[UInt32(("z" as Unicode.Scalar).value)]!)
        #expect(subset.outline(of: z).isEmpty)
        #expect(bytes.count < font.bytes.count / 4)
        // The sfnt checksum rule: the whole file sums to 0xB1B0AFBA once checkSumAdjustment is set.
        #expect(TrueTypeFont.checksum(bytes) == 0xB1B0_AFBA)
        #expect(subset.tables.keys.sorted() == TrueTypeFont.subsetTables.sorted())
    }

    @Test("a truncated or foreign file is refused, not half-read")
    func malformed() {
        let font = fonts.metrics[0].font
        for bytes in [[], Array(font.bytes.prefix(100)), Array("%PDF-1.7 not a font".utf8)] {
            #expect(throws: TrueTypeFont.ReadError.self) { try TrueTypeFont(bytes: bytes) }
        }
    }
}
