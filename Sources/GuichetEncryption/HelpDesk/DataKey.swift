internal import Crypto

/// An organisation's data key: every personal field, case and capture of the organisation is sealed under it
/// (AES-256-GCM). Stored only wrapped by a ``MasterKey``.
public struct DataKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public static let byteCount = 32

    let secret: [UInt8]

    init?(secret: [UInt8]) {
        guard secret.count == Self.byteCount else { return nil }
        self.secret = secret
    }

    /// A new random key.
    public static func generate(using random: inout some RandomNumberGenerator) -> DataKey {
        DataKey(secret: RandomBytes.make(Self.byteCount, using: &random))!
    }

    public var description: String { "DataKey(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:], displayStyle: .struct) }

    /// The sealer of the organisation `organisationID` under this key.
    public func sealer(organisationID: String) -> FieldSealer {
        FieldSealer(
            key: KeyDerivation.hkdfSHA256(
                inputKeyMaterial: secret, salt: [], info: Array("guichet/help-desk/v1/sealing-key".utf8),
                outputByteCount: 32),
            lookupKey: KeyDerivation.hkdfSHA256(
                inputKeyMaterial: secret, salt: [], info: Array("guichet/help-desk/v1/lookup-key".utf8),
                outputByteCount: 32),
            organisationID: organisationID)
    }
}

/// Seals and opens the personal data of one organisation: each blob is bound to its record and its field (both
/// authenticated, not stored), so a blob moved to another case, field or organisation does not open.
///
/// Blob: `[version 1, nonce 12, ciphertext n, tag 16]` (n + 29 bytes).
public struct FieldSealer: Sendable, CustomStringConvertible {
    public static let overheadByteCount = 1 + SealedEnvelope.nonceByteCount + SealedEnvelope.tagByteCount
    static let version: UInt8 = 1

    let key: [UInt8]
    let lookupKey: [UInt8]
    public let organisationID: String

    public var description: String { "FieldSealer(organisation: \(organisationID), key: redacted)" }

    /// Seals `plaintext` as the field `field` of the record `record` (a case id, an account id…).
    public func seal(_ plaintext: [UInt8], record: String, field: String, using random: inout some RandomNumberGenerator)
        throws(SealingError) -> [UInt8]
    {
        let nonce = RandomBytes.make(SealedEnvelope.nonceByteCount, using: &random)
        let (ciphertext, tag) = try AESGCM.seal(
            plaintext, key: key, nonce: nonce, associatedData: associatedData(record: record, field: field))
        return [Self.version] + nonce + ciphertext + tag
    }

    /// Opens a blob sealed by ``seal(_:record:field:using:)`` for the same record and field.
    public func open(_ sealed: [UInt8], record: String, field: String) throws(SealingError) -> [UInt8] {
        guard let first = sealed.first else { throw .corrupted }
        guard first == Self.version else { throw .unsupportedVersion(first) }
        guard sealed.count >= Self.overheadByteCount else { throw .corrupted }
        let nonceEnd = 1 + SealedEnvelope.nonceByteCount
        let tagStart = sealed.count - SealedEnvelope.tagByteCount
        return try AESGCM.open(
            ciphertext: Array(sealed[nonceEnd..<tagStart]), tag: Array(sealed[tagStart...]), key: key,
            nonce: Array(sealed[1..<nonceEnd]), associatedData: associatedData(record: record, field: field))
    }

    /// A keyed hash (HMAC-SHA256, 64 hexadecimal digits) of `value` under the organisation's lookup key: finds a
    /// record by a secret value (a member's email) without storing the value.
    public func lookupHash(_ value: String, purpose: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Array("\(purpose)\u{0}\(organisationID)\u{0}\(value)".utf8), using: SymmetricKey(data: lookupKey))
        return Hex.encode(Array(mac))
    }

    func associatedData(record: String, field: String) -> [UInt8] {
        var data = Array("guichet/help-desk/v1".utf8)
        LengthPrefix.append(Array(organisationID.utf8), to: &data)
        LengthPrefix.append(Array(record.utf8), to: &data)
        LengthPrefix.append(Array(field.utf8), to: &data)
        return data
    }
}
