import Testing

@testable import GuichetDocuments

@Suite("Checksums and compression")
struct SupportTests {
    @Test("SHA-256 matches the FIPS 180-4 examples")
    func sha256() {
        let hex = { (bytes: [UInt8]) in
            bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
                .joined()
        }
        #expect(
            hex(SHA256Hasher.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(SHA256Hasher.hash([UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            hex(SHA256Hasher.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var split = SHA256Hasher()
        for byte in Array(repeating: UInt8(ascii: "a"), count: 1000) { split.update([byte]) }
        #expect(split.finish() == SHA256Hasher.hash(Array(repeating: UInt8(ascii: "a"), count: 1000)))
    }

    @Test("Adler-32 of « Wikipedia » is 0x11E60398")
    func adler() {
        #expect(Zlib.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
    }

    @Test("deflate then inflate gives the bytes back, and the limit holds")
    func roundTrip() throws {
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 7 / 13) }
        let compressed = try #require(Zlib.deflate(bytes))
        #expect(compressed.count < bytes.count)
        #expect(Zlib.inflate(compressed, limit: bytes.count) == bytes)
        #expect(Zlib.inflate(compressed, limit: bytes.count - 1) == nil)
        #expect(Zlib.inflate(Array(compressed.prefix(100)), limit: bytes.count) == nil)
    }

    @Test("column widths fill the measure and respect minimums when they can")
    func columns() {
        let widths = ColumnWidths.distribute(minimum: [20, 60, 50], natural: [20, 600, 60], available: 450)
        #expect(abs(widths.reduce(0, +) - 450) < 0.001)
        #expect(zip(widths, [20.0, 60, 50]).allSatisfy { $0 >= $1 })
        let cramped = ColumnWidths.distribute(minimum: [300, 300], natural: [400, 400], available: 450)
        #expect(abs(cramped.reduce(0, +) - 450) < 0.001)
    }
}
