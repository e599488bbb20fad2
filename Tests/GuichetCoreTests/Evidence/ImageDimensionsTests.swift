import Testing
@testable import GuichetCore

@Suite("Image dimensions of captures")
struct ImageDimensionsTests {
    static func png(width: Int, height: Int) -> [UInt8] {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        for value in [width, height] { for shift in [24, 16, 8, 0] { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) } }
        return bytes + [8, 6, 0, 0, 0, 0, 0, 0, 0]
    }

    static func jpeg(width: Int, height: Int, marker: UInt8 = 0xC0) -> [UInt8] {
        // SOI, an APP0 segment to skip, then the frame header.
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46, 0xFF, marker, 0x00, 0x11, 0x08,
         UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 0x03]
    }

    @Test("ordinary screenshots and photos pass")
    func ordinary() {
        #expect(ImageDimensions.problem(Self.png(width: 1080, height: 2400), format: .png) == nil)
        #expect(ImageDimensions.png(Self.png(width: 1080, height: 2400))! == (1080, 2400))
        #expect(ImageDimensions.problem(Self.jpeg(width: 4000, height: 3000), format: .jpeg) == nil)
        #expect(ImageDimensions.jpeg(Self.jpeg(width: 4000, height: 3000, marker: 0xC2))! == (4000, 3000))
        #expect(ImageDimensions.problem(Array("%PDF-1.7".utf8), format: .pdf) == nil)
    }

    @Test("absurd sizes, zero sides and unreadable headers are refused")
    func refused() {
        #expect(ImageDimensions.problem(Self.png(width: 100_000, height: 100_000), format: .png) == .tooLarge)
        #expect(ImageDimensions.problem(Self.png(width: 9000, height: 9000), format: .png) == .tooLarge, "81 Mpx")
        #expect(ImageDimensions.problem(Self.png(width: 0, height: 10), format: .png) == .tooLarge)
        #expect(ImageDimensions.problem(Self.jpeg(width: 65_000, height: 65_000), format: .jpeg) == .tooLarge)
        #expect(ImageDimensions.problem(Array(Self.png(width: 10, height: 10).prefix(20)), format: .png) == .unreadable)
        #expect(ImageDimensions.problem([0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02], format: .jpeg) == .unreadable)
        #expect(ImageDimensions.problem([0xFF, 0xD8, 0xFF, 0xC4, 0x00, 0x02], format: .jpeg) == .unreadable, "truncated")
    }
}
