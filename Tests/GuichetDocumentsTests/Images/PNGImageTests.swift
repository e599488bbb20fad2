import GuichetCore
import Testing

@testable import GuichetDocuments

@Suite("PNG reading")
struct PNGImageTests {
    @Test("a well-formed RGB PNG is read and can be embedded as is")
    func parsesRGB() throws {
        let image = try #require(PNGImage(bytes: TestImages.rgbPNG(width: 40, height: 30)))
        #expect(image.width == 40 && image.height == 30)
        #expect(image.colorType == .rgb && image.bitDepth == 8)
        #expect(image.isEmbeddableAsIs)
    }

    @Test(
        "alpha, interlacing and 16-bit samples need decoding",
        arguments: [
            (UInt8(6), 8, false), (UInt8(4), 8, false), (UInt8(2), 8, true), (UInt8(0), 16, false),
            (UInt8(2), 16, false),
        ])
    func needsDecoding(colorType: UInt8, bitDepth: Int, interlaced: Bool) throws {
        let bytes = TestImages.png(
            width: 9, height: 7, colorType: colorType, bitDepth: bitDepth, interlaced: interlaced
        ) {
            x, y, _ in (x * 17 + y * 5) % (1 << bitDepth)
        }
        let image = try #require(PNGImage(bytes: bytes))
        #expect(!image.isEmbeddableAsIs)
        let pixels = try #require(image.decodedPixels())
        #expect(pixels.samples.count == 9 * 7 * pixels.channels)
    }

    @Test("alpha is composited on white")
    func alphaOnWhite() throws {
        // Black pixels with alpha 0, 128 and 255 in a row.
        let bytes = TestImages.png(width: 3, height: 1, colorType: 6) { x, _, channel in
            channel == 3 ? [0, 128, 255][x] : 0
        }
        let pixels = try #require(PNGImage(bytes: bytes)?.decodedPixels())
        #expect(pixels.channels == 3)
        #expect(pixels.samples == [255, 255, 255, 127, 127, 127, 0, 0, 0])
    }

    @Test("an interlaced image decodes to the same pixels as the plain one")
    func interlacedMatchesPlain() throws {
        let sample: (Int, Int, Int) -> Int = { x, y, channel in (x * 31 + y * 7 + channel * 50) % 256 }
        let plain = TestImages.png(width: 13, height: 11, colorType: 6, sample: sample)
        let interlaced = TestImages.png(width: 13, height: 11, colorType: 6, interlaced: true, sample: sample)
        let a = try #require(PNGImage(bytes: plain)?.decodedPixels())
        let b = try #require(PNGImage(bytes: interlaced)?.decodedPixels())
        #expect(a == b)
    }

    @Test("low bit-depth gray is scaled to 0…255")
    func lowBitDepth() throws {
        let bytes = TestImages.png(width: 4, height: 1, colorType: 0, bitDepth: 2, interlaced: true) { x, _, _ in x }
        let pixels = try #require(PNGImage(bytes: bytes)?.decodedPixels())
        #expect(pixels.samples == [0, 85, 170, 255])
    }

    @Test("palette transparency is folded into the palette")
    func paletteTransparency() throws {
        let bytes = TestImages.png(
            width: 2, height: 1, colorType: 3, palette: [0, 0, 0, 255, 0, 0], transparency: [0]
        ) { x, _, _ in x }
        let image = try #require(PNGImage(bytes: bytes))
        #expect(image.isEmbeddableAsIs)
        #expect(image.paletteOnWhite == [255, 255, 255, 255, 0, 0])
    }

    static let lyingFiles: [(String, [UInt8])] = {
        let good = TestImages.rgbPNG(width: 8, height: 8)
        var badCRC = good
        badCRC[29] ^= 0xFF  // first byte of the IHDR CRC
        var huge = TestImages.chunk(
            "IHDR", TestImages.bigEndian(100_000) + TestImages.bigEndian(100_000) + [8, 2, 0, 0, 0])
        huge = PNGImage.signature + huge + Array(good[33...])
        let noPalette = TestImages.png(width: 2, height: 2, colorType: 3) { _, _, _ in 0 }
        let badDepth =
            PNGImage.signature
            + TestImages.chunk("IHDR", TestImages.bigEndian(8) + TestImages.bigEndian(8) + [3, 2, 0, 0, 0])
            + Array(good[33...])
        return [
            ("truncated", Array(good.prefix(good.count / 2))),
            ("a CRC that does not match", badCRC),
            ("100 000 × 100 000 pixels announced", huge),
            ("a palette image without PLTE", noPalette),
            ("3-bit RGB", badDepth),
            ("only the signature", PNGImage.signature),
            ("no IDAT", PNGImage.signature + Array(good[8..<33]) + TestImages.chunk("IEND", [])),
        ]
    }()

    @Test("a PNG with a lying or broken header is refused", arguments: lyingFiles)
    func refusesLyingFiles(description: String, bytes: [UInt8]) {
        #expect(PNGImage(bytes: bytes) == nil, "\(description)")
    }

    @Test("corrupt image data fails to decode instead of crashing")
    func corruptData() throws {
        // A well-formed header over deflate data for far fewer pixels than announced.
        let small = TestImages.png(width: 2, height: 2, colorType: 6) { _, _, _ in 7 }
        var header = TestImages.chunk("IHDR", TestImages.bigEndian(300) + TestImages.bigEndian(300) + [8, 6, 0, 0, 0])
        header = PNGImage.signature + header + Array(small[33...])
        let image = try #require(PNGImage(bytes: header))
        #expect(image.decodedPixels() == nil)
        // Garbage after a valid zlib header.
        let garbage =
            PNGImage.signature
            + TestImages.chunk("IHDR", TestImages.bigEndian(4) + TestImages.bigEndian(4) + [8, 6, 0, 0, 0])
            + TestImages.chunk("IDAT", [0x78, 0x9C] + Array(repeating: 0xAB, count: 64)) + TestImages.chunk("IEND", [])
        #expect(PNGImage(bytes: garbage)?.decodedPixels() == nil)
    }

    @Test("exhibit files are recognised by content, not by the declared kind")
    func sniffing() {
        if case .jpeg = ExhibitFile(.png(TestImages.tinyJPEG)) {} else { Issue.record("JPEG bytes labelled PNG") }
        if case .png = ExhibitFile(.jpeg(TestImages.rgbPNG())) {} else { Issue.record("PNG bytes labelled JPEG") }
        #expect(ExhibitFile(.png(Array("GIF89a".utf8))) == .unreadable)
        #expect(ExhibitFile(.pdf(Array("%PDF-1.7".utf8))) == .pdf)
        #expect(ExhibitFile(nil) == .absent)
    }
}

@Suite("JPEG reading")
struct JPEGImageTests {
    @Test("the frame header gives size and components")
    func parses() throws {
        let image = try #require(JPEGImage(bytes: TestImages.tinyJPEG))
        #expect(image.width == 16 && image.height == 8 && image.components == 3)
    }

    @Test("truncated or foreign bytes are refused")
    func refuses() {
        #expect(JPEGImage(bytes: Array(TestImages.tinyJPEG.prefix(20))) == nil)
        #expect(JPEGImage(bytes: [0xFF, 0xD8, 0xFF, 0xD9]) == nil)
        #expect(JPEGImage(bytes: TestImages.rgbPNG()) == nil)
        // A lossless (SOF3) frame header.
        #expect(JPEGImage(bytes: [0xFF, 0xD8, 0xFF, 0xC3, 0x00, 0x0B, 8, 0, 8, 0, 8, 1, 1, 0x11, 0]) == nil)
    }
}
