internal import Crypto

/// Cryptographic digests, from swift-crypto (BoringSSL-backed on Linux).
public enum Hashing {
    /// SHA-256 of `bytes` (32 bytes).
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: bytes))
    }

    /// SHA-256 of `bytes`, as 64 lowercase hexadecimal digits.
    public static func sha256Hex(_ bytes: [UInt8]) -> String { Hex.encode(sha256(bytes)) }
}
