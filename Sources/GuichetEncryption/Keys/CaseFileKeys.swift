/// Everything derived from an access code: where the file is stored and how its blobs are sealed.
///
/// ```swift
/// var random = SystemRandomNumberGenerator()
/// let code = AccessCode.generate(using: &random)          // shown once, never stored
/// let keys = CaseFileKeys(code: code, pepper: pepper)
/// // store under keys.lookupID.hex …
/// let blob = try keys.sealer.seal(answers, for: .answers, using: &random)
/// ```
///
/// Derivation (version 1): HKDF-SHA256 with the code's 28 canonical ASCII symbols as input key material, the
/// pepper's secret as salt (empty without a pepper) and one `info` label per output:
/// `guichet/case-file/v1/lookup-id` → 32-byte lookup ID, `guichet/case-file/v1/sealing-key` → AES-256 key.
public struct CaseFileKeys: Sendable {
    /// Where the file is stored; also bound into every sealed blob.
    public let lookupID: CaseFileLookupID

    /// Seals and opens the file's blobs.
    public let sealer: CaseFileSealer

    /// Derives the lookup ID and the sealing key from `code`, with an optional server pepper.
    public init(code: AccessCode, pepper: ServerPepper? = nil) {
        let material = code.canonicalBytes
        let salt = pepper?.secret ?? []
        let idBytes = KeyDerivation.hkdfSHA256(
            inputKeyMaterial: material, salt: salt, info: KeyDerivation.Label.lookupID,
            outputByteCount: CaseFileLookupID.byteCount
        )
        let keyBytes = KeyDerivation.hkdfSHA256(
            inputKeyMaterial: material, salt: salt, info: KeyDerivation.Label.sealingKey,
            outputByteCount: CaseFileSealer.keyByteCount
        )
        guard let lookupID = CaseFileLookupID(bytes: idBytes) else {
            preconditionFailure("HKDF returned \(idBytes.count) bytes instead of \(CaseFileLookupID.byteCount)")
        }
        self.lookupID = lookupID
        self.sealer = CaseFileSealer(keyBytes: keyBytes, keyID: pepper?.id ?? 0, lookupID: lookupID)
    }
}

extension CaseFileKeys: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Shows the lookup ID only.
    public var description: String { "CaseFileKeys(lookupID: \(lookupID.hex), key: redacted)" }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// Shows the lookup ID only, so `dump` does not reveal the key.
    public var customMirror: Mirror { Mirror(self, children: ["lookupID": lookupID], displayStyle: .struct) }
}
