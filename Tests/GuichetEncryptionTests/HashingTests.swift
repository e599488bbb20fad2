import Testing
@testable import GuichetEncryption

@Suite("Hashing")
struct HashingTests {
    @Test("SHA-256 matches the FIPS 180-4 known answers", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownAnswers(_ message: String, _ digest: String) {
        #expect(Hashing.sha256Hex(Array(message.utf8)) == digest)
        #expect(Hashing.sha256(Array(message.utf8)).count == 32)
    }

    @Test("one flipped bit changes the digest")
    func avalanche() {
        var bytes = Array("guichet".utf8)
        let before = Hashing.sha256Hex(bytes)
        bytes[0] ^= 1
        #expect(Hashing.sha256Hex(bytes) != before)
    }
}
