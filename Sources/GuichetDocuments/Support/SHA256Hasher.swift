internal import Crypto

/// SHA-256 (swift-crypto), fed incrementally: derives the PDF file identifier from the file's content.
struct SHA256Hasher {
    private var hasher = SHA256()

    /// Feeds more bytes.
    mutating func update(_ bytes: some Collection<UInt8>) {
        hasher.update(data: Array(bytes))
    }

    /// The digest of everything fed so far (32 bytes).
    func finish() -> [UInt8] {
        Array(hasher.finalize())
    }

    /// The digest of `bytes` in one call.
    static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var hasher = SHA256Hasher()
        hasher.update(bytes)
        return hasher.finish()
    }
}
