internal import Crypto

/// HKDF-SHA256 (RFC 5869), the only key derivation of this module.
///
/// The access code carries 130 random bits, so a fast extract-and-expand is enough: a slow password hash
/// (scrypt, Argon2) only helps against guessing low-entropy secrets, and 2¹³⁰ guesses are out of reach at any
/// speed. Each derived value uses its own `info` label, so the lookup identifier stored in the database says
/// nothing about the sealing key.
enum KeyDerivation {
    /// Labels passed as HKDF `info`; changing one changes every derived value, hence the version in the name.
    enum Label {
        static let lookupID = Array("guichet/case-file/v1/lookup-id".utf8)
        static let sealingKey = Array("guichet/case-file/v1/sealing-key".utf8)
    }

    /// HKDF-SHA256 of `inputKeyMaterial` with `salt` (empty = RFC 5869's default of 32 zero bytes) and `info`.
    static func hkdfSHA256(
        inputKeyMaterial: [UInt8], salt: [UInt8], info: [UInt8], outputByteCount: Int
    ) -> [UInt8] {
        let key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: inputKeyMaterial), salt: salt, info: info,
            outputByteCount: outputByteCount
        )
        return key.withUnsafeBytes { Array($0) }
    }
}
