/// 64-bit FNV-1a: a fast, stable digest to notice that bytes changed (content fingerprints, entity tags).
/// Not a security measure: use SHA-256 (GuichetEncryption) wherever tampering matters.
public enum FNV1a {
    /// The digest of `text`'s UTF-8 bytes.
    public static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }
}
