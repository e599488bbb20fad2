import Testing

@testable import GuichetEncryption

@Suite("Sealing")
struct CaseFileSealerTests {
    struct GCMVector: Sendable, CustomTestStringConvertible {
        let name: String
        let key: [UInt8]
        let nonce: [UInt8]
        let plaintext: [UInt8]
        let associatedData: [UInt8]
        let ciphertext: [UInt8]
        let tag: [UInt8]
        var testDescription: String { name }
    }

    /// AES-256-GCM test cases 13, 14 and 16 from McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)",
    /// appendix B (the test vectors submitted to NIST with the GCM specification; also used by NIST's CAVP).
    static let gcmVectors: [GCMVector] = [
        GCMVector(
            name: "GCM spec test case 13: zero key, empty plaintext",
            key: [UInt8](repeating: 0, count: 32), nonce: [UInt8](repeating: 0, count: 12), plaintext: [],
            associatedData: [], ciphertext: [], tag: bytes("530f8afbc74536b9a963b4f1c4cb738b")
        ),
        GCMVector(
            name: "GCM spec test case 14: zero key, one zero block",
            key: [UInt8](repeating: 0, count: 32), nonce: [UInt8](repeating: 0, count: 12),
            plaintext: [UInt8](repeating: 0, count: 16), associatedData: [],
            ciphertext: bytes("cea7403d4d606b6e074ec5d3baf39d18"), tag: bytes("d0d1c8a799996bf0265b98b5d48ab919")
        ),
        GCMVector(
            name: "GCM spec test case 16: 60-byte plaintext with 20 bytes of associated data",
            key: bytes("feffe9928665731c6d6a8f9467308308 feffe9928665731c6d6a8f9467308308"),
            nonce: bytes("cafebabefacedbaddecaf888"),
            plaintext: bytes(
                """
                d9313225f88406e5a55909c5aff5269a 86a7a9531534f7da2e4c303d8a318a72
                1c3c0c95956809532fcf0e2449a6b525 b16aedf5aa0de657ba637b39
                """
            ),
            associatedData: bytes("feedfacedeadbeeffeedfacedeadbeef abaddad2"),
            ciphertext: bytes(
                """
                522dc1f099567d07f47f37a32a84427d 643a8cdcbfe5c0c97598a2bd2555d1aa
                8cb08e48590dbb3da7b08b1056828838 c5f61e6393ba7a0abcc9f662
                """
            ),
            tag: bytes("76fc6ece0f4e1768cddf8853bb2d551b")
        ),
    ]

    @Test("AES-256-GCM matches the GCM specification's known answers", arguments: gcmVectors)
    func gcmKnownAnswers(_ vector: GCMVector) throws {
        let sealed = try AESGCM.seal(
            vector.plaintext, key: vector.key, nonce: vector.nonce, associatedData: vector.associatedData
        )
        #expect(sealed.ciphertext == vector.ciphertext)
        #expect(sealed.tag == vector.tag)
        let opened = try AESGCM.open(
            ciphertext: vector.ciphertext, tag: vector.tag, key: vector.key, nonce: vector.nonce,
            associatedData: vector.associatedData
        )
        #expect(opened == vector.plaintext)
    }

    /// The envelope of "Bonjour" sealed for `answers` of the golden code's file with nonce 00…0b. Computed
    /// independently with Python `cryptography` (AESGCM) from the HKDF-derived key and the associated data
    /// layout documented in `SealedEnvelope`. Pins envelope format 1.
    static let goldenEnvelope =
        "0100" + "000102030405060708090a0b" + "a36be2819516a8" + "46164724d93b2d9e91b3de9aea5406de"

    @Test("the envelope layout is pinned: version, key ID, nonce, ciphertext, tag")
    func goldenEnvelopeBytes() throws {
        let sealer = try goldenSealer()
        let nonce = bytes("000102030405060708090a0b")
        let sealed = try sealer.seal(Array("Bonjour".utf8), for: .answers, nonce: nonce)
        #expect(hex(sealed) == Self.goldenEnvelope)
        #expect(sealed.count == 7 + CaseFileSealer.overheadByteCount)
        #expect(try sealer.open(bytes(Self.goldenEnvelope), for: .answers) == Array("Bonjour".utf8))
    }

    @Test("the nonce is drawn from the injected generator")
    func nonceFromGenerator() throws {
        let sealer = try goldenSealer()
        var generator = ScriptedGenerator(words: [0x0706_0504_0302_0100, 0x0F0E_0D0C_0B0A_0908])
        let sealed = try sealer.seal(Array("Bonjour".utf8), for: .answers, using: &generator)
        #expect(hex(sealed) == Self.goldenEnvelope)
    }

    @Test("what is sealed opens again, from empty to 256 KiB", arguments: [0, 1, 15, 16, 17, 1_000, 262_144])
    func roundTrip(_ size: Int) throws {
        let sealer = try goldenSealer()
        var generator = SeededGenerator(seed: UInt64(size))
        let plaintext = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let sealed = try sealer.seal(plaintext, for: .capture(1), using: &generator)
        #expect(sealed.count == size + CaseFileSealer.overheadByteCount)
        #expect(try sealer.open(sealed, for: .capture(1)) == plaintext)
    }

    @Test("sealing the same answers twice gives different blobs (fresh nonces)")
    func freshNonces() throws {
        let sealer = try goldenSealer()
        var generator = SeededGenerator(seed: 5)
        let plaintext = Array("Awa Exemple".utf8)
        let first = try sealer.seal(plaintext, for: .answers, using: &generator)
        let second = try sealer.seal(plaintext, for: .answers, using: &generator)
        #expect(first != second)
        #expect(!contains(first, plaintext))
    }

    @Test("one flipped byte anywhere in the blob stops it from opening", arguments: [UInt8(0x01), 0x80, 0xFF])
    func flippedByte(_ mask: UInt8) throws {
        let sealer = try goldenSealer()
        let sealed = bytes(Self.goldenEnvelope)
        for index in sealed.indices {
            var damaged = sealed
            damaged[index] ^= mask
            let expected: SealingError =
                switch index {
                case 0: .unsupportedVersion(damaged[0])
                case 1: .keyIDMismatch(expected: 0, found: damaged[1])
                default: .authenticationFailed
                }
            #expect(throws: expected, "byte \(index)") { try sealer.open(damaged, for: .answers) }
        }
    }

    @Test("a truncated or extended blob does not open")
    func truncatedOrExtended() throws {
        let sealer = try goldenSealer()
        let sealed = bytes(Self.goldenEnvelope)
        for length in 0..<sealed.count {
            let expected: SealingError =
                length < CaseFileSealer.overheadByteCount ? .corrupted : .authenticationFailed
            #expect(throws: expected, "length \(length)") {
                try sealer.open(Array(sealed.prefix(length)), for: .answers)
            }
        }
        #expect(throws: SealingError.authenticationFailed) { try sealer.open(sealed + [0], for: .answers) }
    }

    @Test("another access code does not open the file")
    func wrongCode() throws {
        var generator = SeededGenerator(seed: 6)
        let owner = CaseFileKeys(code: AccessCode.generate(using: &generator))
        let stranger = CaseFileKeys(code: AccessCode.generate(using: &generator))
        let sealed = try owner.sealer.seal(Array("réponses".utf8), for: .answers, using: &generator)
        #expect(throws: SealingError.authenticationFailed) { try stranger.sealer.open(sealed, for: .answers) }
    }

    @Test(
        "a blob moved to another slot does not open",
        arguments: [
            (SealedSlot.answers, SealedSlot.capture(1)),
            (.capture(3), .capture(4)),
            (.capture(1), .answers),
            (.capture(1), .capture(11)),
            (SealedSlot("journal"), SealedSlot("journal2")),
        ])
    func movedSlot(_ sealedFor: SealedSlot, _ openedAs: SealedSlot) throws {
        let sealer = try goldenSealer()
        var generator = SeededGenerator(seed: 12)
        let sealed = try sealer.seal(Array("capture".utf8), for: sealedFor, using: &generator)
        #expect(try sealer.open(sealed, for: sealedFor) == Array("capture".utf8))
        #expect(throws: SealingError.authenticationFailed) { try sealer.open(sealed, for: openedAs) }
    }

    @Test("a blob moved to another file does not open, even under the same key")
    func movedFile() throws {
        let sealer = try goldenSealer()
        // Same key bytes, another lookup ID: only the associated data differs.
        let otherFile = try #require(CaseFileLookupID(bytes: Array(repeating: 0x42, count: 32)))
        let sameKeyOtherFile = CaseFileSealer(
            keyBytes: KeyDerivation.hkdfSHA256(
                inputKeyMaterial: try AccessCode(parsing: goldenCodeText).canonicalBytes, salt: [],
                info: KeyDerivation.Label.sealingKey, outputByteCount: 32
            ),
            keyID: 0, lookupID: otherFile
        )
        let sealed = bytes(Self.goldenEnvelope)
        #expect(try sealer.open(sealed, for: .answers) == Array("Bonjour".utf8))
        #expect(throws: SealingError.authenticationFailed) { try sameKeyOtherFile.open(sealed, for: .answers) }
    }

    @Test("a blob sealed under a pepper names its key ID and needs that pepper")
    func pepperRotation() throws {
        let code = try AccessCode(parsing: goldenCodeText)
        let pepper3 = try #require(ServerPepper(id: 3, secret: Array(repeating: 3, count: 32)))
        let impostor3 = try #require(ServerPepper(id: 3, secret: Array(repeating: 4, count: 32)))
        var generator = SeededGenerator(seed: 13)
        let sealed = try CaseFileKeys(code: code, pepper: pepper3).sealer.seal(
            [1, 2, 3], for: .answers, using: &generator)
        #expect(try CaseFileSealer.keyID(of: sealed) == 3)
        #expect(try CaseFileKeys(code: code, pepper: pepper3).sealer.open(sealed, for: .answers) == [1, 2, 3])
        #expect(throws: SealingError.keyIDMismatch(expected: 0, found: 3)) {
            try CaseFileKeys(code: code).sealer.open(sealed, for: .answers)
        }
        #expect(throws: SealingError.authenticationFailed) {
            try CaseFileKeys(code: code, pepper: impostor3).sealer.open(sealed, for: .answers)
        }
    }

    @Test("an unknown format version or an empty blob is refused before decrypting")
    func versions() throws {
        let sealer = try goldenSealer()
        var future = bytes(Self.goldenEnvelope)
        future[0] = 2
        #expect(throws: SealingError.unsupportedVersion(2)) { try sealer.open(future, for: .answers) }
        #expect(throws: SealingError.unsupportedVersion(2)) { try CaseFileSealer.keyID(of: future) }
        #expect(throws: SealingError.corrupted) { try sealer.open([], for: .answers) }
        #expect(throws: SealingError.corrupted) { try CaseFileSealer.keyID(of: [1]) }
    }

    private func goldenSealer() throws -> CaseFileSealer {
        CaseFileKeys(code: try AccessCode(parsing: goldenCodeText)).sealer
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
}
