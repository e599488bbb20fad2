/// Seals and opens the blobs of one private case file (answers, captures) with AES-256-GCM.
///
/// Obtained from `CaseFileKeys`. Each blob is a self-describing envelope (`SealedEnvelope`: version, key ID,
/// random nonce, ciphertext, tag) authenticated together with the file's lookup ID and the slot, so a blob
/// moved to another file or slot does not open. Random 96-bit nonces are safe far beyond the few thousand
/// blobs a file will ever hold under its own key (NIST SP 800-38D bounds random nonces at 2³² messages per key).
public struct CaseFileSealer: Sendable {
    /// Length of the AES-256 key in bytes.
    public static let keyByteCount = 32

    /// Bytes added to each plaintext: 2 header + 12 nonce + 16 tag.
    public static let overheadByteCount = SealedEnvelope.overheadByteCount

    /// The key ID written in sealed envelopes: 0 without a server pepper, else the pepper's ID.
    public let keyID: UInt8

    /// The file whose blobs this sealer handles; bound into each blob.
    public let lookupID: CaseFileLookupID

    private let keyBytes: [UInt8]

    init(keyBytes: [UInt8], keyID: UInt8, lookupID: CaseFileLookupID) {
        precondition(keyBytes.count == Self.keyByteCount)
        self.keyBytes = keyBytes
        self.keyID = keyID
        self.lookupID = lookupID
    }

    /// Seals `plaintext` for `slot`, with a nonce drawn from `generator` (production: `SystemRandomNumberGenerator`).
    public func seal(
        _ plaintext: [UInt8], for slot: SealedSlot, using generator: inout some RandomNumberGenerator
    ) throws(SealingError) -> [UInt8] {
        try seal(plaintext, for: slot, nonce: RandomBytes.make(SealedEnvelope.nonceByteCount, using: &generator))
    }

    /// Seals with a given nonce; internal so that tests can pin the output.
    func seal(_ plaintext: [UInt8], for slot: SealedSlot, nonce: [UInt8]) throws(SealingError) -> [UInt8] {
        let version = SealedEnvelope.currentVersion
        let associatedData = SealedEnvelope.associatedData(
            version: version, keyID: keyID, lookupID: lookupID, slot: slot
        )
        let (ciphertext, tag) = try AESGCM.seal(
            plaintext, key: keyBytes, nonce: nonce, associatedData: associatedData
        )
        return SealedEnvelope(version: version, keyID: keyID, nonce: nonce, ciphertext: ciphertext, tag: tag).bytes
    }

    /// Opens a blob sealed for `slot` of this file, or throws: `.corrupted` (too short), `.unsupportedVersion`,
    /// `.keyIDMismatch` (sealed under another pepper), `.authenticationFailed` (wrong code, modified, moved).
    public func open(_ sealed: [UInt8], for slot: SealedSlot) throws(SealingError) -> [UInt8] {
        let envelope = try SealedEnvelope(parsing: sealed)
        guard envelope.keyID == keyID else { throw .keyIDMismatch(expected: keyID, found: envelope.keyID) }
        let associatedData = SealedEnvelope.associatedData(
            version: envelope.version, keyID: envelope.keyID, lookupID: lookupID, slot: slot
        )
        return try AESGCM.open(
            ciphertext: envelope.ciphertext, tag: envelope.tag, key: keyBytes, nonce: envelope.nonce,
            associatedData: associatedData
        )
    }

    /// The key ID of a sealed blob, to pick the pepper before deriving keys (pepper rotation).
    public static func keyID(of sealed: [UInt8]) throws(SealingError) -> UInt8 {
        try SealedEnvelope(parsing: sealed).keyID
    }
}

extension CaseFileSealer: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Shows the key ID and the lookup ID, never the key.
    public var description: String { "CaseFileSealer(keyID: \(keyID), lookupID: \(lookupID.hex), key: redacted)" }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// Without the key, so `dump` does not reveal it.
    public var customMirror: Mirror {
        Mirror(self, children: ["keyID": keyID, "lookupID": lookupID], displayStyle: .struct)
    }
}
