import Testing

@testable import GuichetEncryption

@Suite("Key derivation")
struct KeyDerivationTests {
    struct HKDFVector: Sendable, CustomTestStringConvertible {
        let name: String
        let inputKeyMaterial: [UInt8]
        let salt: [UInt8]
        let info: [UInt8]
        let outputKeyMaterial: [UInt8]
        var testDescription: String { name }
    }

    /// RFC 5869 appendix A (https://www.rfc-editor.org/rfc/rfc5869#appendix-A), the SHA-256 cases 1 and 3.
    /// Case 3 has an empty salt and info: the path taken when no server pepper is configured.
    static let rfc5869: [HKDFVector] = [
        HKDFVector(
            name: "RFC 5869 A.1: basic test case with SHA-256",
            inputKeyMaterial: [UInt8](repeating: 0x0B, count: 22),
            salt: bytes("000102030405060708090a0b0c"),
            info: bytes("f0f1f2f3f4f5f6f7f8f9"),
            outputKeyMaterial: bytes(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
            )
        ),
        HKDFVector(
            name: "RFC 5869 A.3: SHA-256 with zero-length salt and info",
            inputKeyMaterial: [UInt8](repeating: 0x0B, count: 22),
            salt: [],
            info: [],
            outputKeyMaterial: bytes(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"
            )
        ),
    ]

    @Test("HKDF-SHA256 matches the RFC 5869 known answers", arguments: rfc5869)
    func hkdf(_ vector: HKDFVector) {
        let output = KeyDerivation.hkdfSHA256(
            inputKeyMaterial: vector.inputKeyMaterial, salt: vector.salt, info: vector.info,
            outputByteCount: vector.outputKeyMaterial.count
        )
        #expect(output == vector.outputKeyMaterial)
    }

    // The golden values below were computed independently with Python's hmac/hashlib (an HKDF written from
    // RFC 5869) on the code's 28 ASCII symbols, with the labels `guichet/case-file/v1/lookup-id` and
    // `…/sealing-key`. They pin derivation version 1: if they change, every stored file becomes unreachable.

    @Test("the lookup ID of the golden code is pinned (derivation v1, no pepper)")
    func goldenLookupID() throws {
        let keys = CaseFileKeys(code: try AccessCode(parsing: goldenCodeText))
        #expect(keys.lookupID.hex == "a948c7c3c12df129fc641323a0490067b6a1c3d8505441db16b69f40baf6d917")
        #expect(keys.sealer.keyID == 0)
        #expect(keys.sealer.lookupID == keys.lookupID)
    }

    @Test("a server pepper is the HKDF salt and its ID becomes the key ID")
    func goldenLookupIDWithPepper() throws {
        let pepper = try #require(ServerPepper(id: 7, secret: Array(0..<32)))
        let keys = CaseFileKeys(code: try AccessCode(parsing: goldenCodeText), pepper: pepper)
        #expect(keys.lookupID.hex == "dd7de2fcc97576df4ae436cf20bab518632b746b83dbe31a4fac250e90f6075b")
        #expect(keys.sealer.keyID == 7)
    }

    @Test("the lookup ID does not contain the sealing key nor the code")
    func separation() throws {
        let code = try AccessCode(parsing: goldenCodeText)
        let keys = CaseFileKeys(code: code)
        let sealingKey = KeyDerivation.hkdfSHA256(
            inputKeyMaterial: code.canonicalBytes, salt: [], info: KeyDerivation.Label.sealingKey, outputByteCount: 32
        )
        #expect(hex(sealingKey) == "16787bcd9ae0c0f7231800b5f75c54138640b1d982b41d3ba1a39d98cffa9198")
        #expect(keys.lookupID.bytes != sealingKey)
        #expect(!keys.lookupID.hex.uppercased().contains("K7QX"))
    }

    @Test("different codes give different lookup IDs")
    func distinctLookupIDs() {
        var generator = SeededGenerator(seed: 11)
        var ids = Set<CaseFileLookupID>()
        for _ in 0..<500 { ids.insert(CaseFileKeys(code: AccessCode.generate(using: &generator)).lookupID) }
        #expect(ids.count == 500)
    }

    @Test("a pepper needs a non-zero ID and at least 32 secret bytes")
    func pepperValidation() {
        #expect(ServerPepper(id: 0, secret: Array(repeating: 1, count: 32)) == nil)
        #expect(ServerPepper(id: 1, secret: Array(repeating: 1, count: 31)) == nil)
        #expect(ServerPepper(id: 1, secret: Array(repeating: 1, count: 32)) != nil)
    }

    @Test("keys, sealers and peppers never print their secrets")
    func redaction() throws {
        let secret: [UInt8] = Array(repeating: 0xAB, count: 32)
        let pepper = try #require(ServerPepper(id: 2, secret: secret))
        let plainKeys = CaseFileKeys(code: try AccessCode(parsing: goldenCodeText))
        let pepperedKeys = CaseFileKeys(code: try AccessCode(parsing: goldenCodeText), pepper: pepper)
        var renderings = [
            "\(pepper)", String(reflecting: pepper), "\(plainKeys)", String(reflecting: plainKeys),
            "\(plainKeys.sealer)", String(reflecting: plainKeys.sealer), "\(pepperedKeys)",
        ]
        for value in [pepper, plainKeys, plainKeys.sealer] as [Any] {
            var dumped = ""
            dump(value, to: &dumped)
            renderings.append(dumped)
        }
        let sealingKeyHex = "16787bcd9ae0c0f7231800b5f75c54138640b1d982b41d3ba1a39d98cffa9198"
        for rendering in renderings {
            #expect(!rendering.lowercased().contains(sealingKeyHex))
            #expect(!rendering.lowercased().contains(hex(secret)))
            #expect(!rendering.contains("keyBytes") && !rendering.contains("secret"))  // no stored secret field
            #expect(!rendering.uppercased().contains("K7QX"))
        }
    }

    @Test("a lookup ID reads back from its hexadecimal form, and only from 64 hex digits")
    func lookupIDHex() throws {
        let keys = CaseFileKeys(code: try AccessCode(parsing: goldenCodeText))
        #expect(CaseFileLookupID(hex: keys.lookupID.hex) == keys.lookupID)
        #expect(CaseFileLookupID(hex: keys.lookupID.hex.uppercased()) == keys.lookupID)
        #expect(CaseFileLookupID(hex: String(keys.lookupID.hex.dropLast())) == nil)
        #expect(CaseFileLookupID(hex: String(keys.lookupID.hex.dropLast()) + "g") == nil)
        #expect(CaseFileLookupID(bytes: Array(repeating: 0, count: 31)) == nil)
    }
}
