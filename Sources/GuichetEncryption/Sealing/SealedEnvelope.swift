/// The byte layout of a sealed blob, format version 1:
///
///     offset  size  field
///     0       1     format version (1 = AES-256-GCM, HKDF-SHA256 v1 labels)
///     1       1     key ID (0 = no server pepper, else the pepper's ID)
///     2       12    nonce (random)
///     14      n     ciphertext (same length as the plaintext)
///     14 + n  16    GCM tag
///
/// The associated data authenticated with it (never stored, rebuilt on opening) is:
///
///     version (1) ‖ key ID (1) ‖ lookup ID length (2, big-endian) ‖ lookup ID (32) ‖ slot length (2) ‖ slot label
///
/// so the header cannot be edited and a blob only opens in the file and slot it was sealed for.
struct SealedEnvelope: Equatable {
    static let currentVersion: UInt8 = 1
    static let headerByteCount = 2
    static let nonceByteCount = 12
    static let tagByteCount = 16
    /// Header, nonce and tag: the size added to every plaintext.
    static let overheadByteCount = headerByteCount + nonceByteCount + tagByteCount

    var version: UInt8
    var keyID: UInt8
    var nonce: [UInt8]
    var ciphertext: [UInt8]
    var tag: [UInt8]

    /// Splits `bytes`, checking the length and the version only.
    init(parsing bytes: [UInt8]) throws(SealingError) {
        guard bytes.count >= Self.headerByteCount else { throw .corrupted }
        guard bytes[0] == Self.currentVersion else { throw .unsupportedVersion(bytes[0]) }
        guard bytes.count >= Self.overheadByteCount else { throw .corrupted }
        let nonceEnd = Self.headerByteCount + Self.nonceByteCount
        let tagStart = bytes.count - Self.tagByteCount
        self.version = bytes[0]
        self.keyID = bytes[1]
        self.nonce = Array(bytes[Self.headerByteCount..<nonceEnd])
        self.ciphertext = Array(bytes[nonceEnd..<tagStart])
        self.tag = Array(bytes[tagStart...])
    }

    init(version: UInt8, keyID: UInt8, nonce: [UInt8], ciphertext: [UInt8], tag: [UInt8]) {
        self.version = version
        self.keyID = keyID
        self.nonce = nonce
        self.ciphertext = ciphertext
        self.tag = tag
    }

    var bytes: [UInt8] {
        [version, keyID] + nonce + ciphertext + tag
    }

    /// The associated data for this header, file and slot.
    static func associatedData(
        version: UInt8, keyID: UInt8, lookupID: CaseFileLookupID, slot: SealedSlot
    ) -> [UInt8] {
        let label = Array(slot.label.utf8)
        var data: [UInt8] = [version, keyID]
        data.reserveCapacity(2 + 2 + lookupID.bytes.count + 2 + label.count)
        LengthPrefix.append(lookupID.bytes, to: &data)
        LengthPrefix.append(label, to: &data)
        return data
    }
}
