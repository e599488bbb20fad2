/// The server's master key: it wraps each organisation's data key and never seals personal data itself.
///
/// Read once at start from `GUICHET_MASTER_KEY` or from the key file beside the SQLite database. Its text form is
/// `<id>:<64 hexadecimal digits>`; the id (1–255) is written in every wrapped key, so that keys can rotate.
public struct MasterKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public static let byteCount = 32

    public let id: UInt8
    let secret: [UInt8]

    /// A key from its id (1–255) and 32 secret bytes; `nil` otherwise.
    public init?(id: UInt8, secret: [UInt8]) {
        guard id >= 1, secret.count == Self.byteCount else { return nil }
        self.id = id
        self.secret = secret
    }

    /// A new random key.
    public static func generate(id: UInt8, using random: inout some RandomNumberGenerator) -> MasterKey {
        MasterKey(id: id, secret: RandomBytes.make(Self.byteCount, using: &random))!
    }

    /// Reads `<id>:<64 hexadecimal digits>` (white space around is ignored); `nil` for anything else.
    public init?(text: some StringProtocol) {
        let trimmed = text.trimmingASCIIWhitespace
        guard let colon = trimmed.firstIndex(of: ":"), let id = UInt8(trimmed[..<colon]),
            let secret = Hex.decode(trimmed[trimmed.index(after: colon)...])
        else { return nil }
        self.init(id: id, secret: secret)
    }

    /// The text form written to the key file: a secret, never logged.
    public var exportedText: String { "\(id):" + Hex.encode(secret) }

    public var description: String { "MasterKey(id: \(id), redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["id": id], displayStyle: .struct) }

    static let wrapVersion: UInt8 = 1

    /// Seals `dataKey` for the organisation `organisationID`: `[version, master key id, nonce 12, key 32, tag 16]`.
    /// The organisation id is authenticated, so a wrapped key opens only for its organisation.
    public func wrap(_ dataKey: DataKey, organisationID: String, using random: inout some RandomNumberGenerator)
        throws(SealingError) -> [UInt8]
    {
        let nonce = RandomBytes.make(SealedEnvelope.nonceByteCount, using: &random)
        let (ciphertext, tag) = try AESGCM.seal(
            dataKey.secret, key: secret, nonce: nonce, associatedData: Self.wrapAssociatedData(id: id, organisationID: organisationID))
        return [Self.wrapVersion, id] + nonce + ciphertext + tag
    }

    /// The master key id a wrapped key was sealed under.
    public static func keyID(ofWrapped wrapped: [UInt8]) throws(SealingError) -> UInt8 {
        guard wrapped.count == 2 + SealedEnvelope.nonceByteCount + DataKey.byteCount + SealedEnvelope.tagByteCount else {
            throw .corrupted
        }
        guard wrapped[0] == wrapVersion else { throw .unsupportedVersion(wrapped[0]) }
        return wrapped[1]
    }

    /// Opens a key wrapped by ``wrap(_:organisationID:using:)`` with this master key.
    public func unwrap(_ wrapped: [UInt8], organisationID: String) throws(SealingError) -> DataKey {
        let found = try Self.keyID(ofWrapped: wrapped)
        guard found == id else { throw .keyIDMismatch(expected: id, found: found) }
        let nonceEnd = 2 + SealedEnvelope.nonceByteCount
        let tagStart = wrapped.count - SealedEnvelope.tagByteCount
        let opened = try AESGCM.open(
            ciphertext: Array(wrapped[nonceEnd..<tagStart]), tag: Array(wrapped[tagStart...]), key: secret,
            nonce: Array(wrapped[2..<nonceEnd]), associatedData: Self.wrapAssociatedData(id: id, organisationID: organisationID))
        return DataKey(secret: opened)!
    }

    static func wrapAssociatedData(id: UInt8, organisationID: String) -> [UInt8] {
        var data = Array("guichet/organisation-key/v1".utf8)
        data.append(id)
        LengthPrefix.append(Array(organisationID.utf8), to: &data)
        return data
    }
}

/// The master keys a server knows: the current one wraps, any of them unwraps (the one named in the wrapped key).
public struct MasterKeyring: Sendable, CustomStringConvertible {
    /// The key new wraps are made with: the one with the highest id.
    public let current: MasterKey
    public let keys: [MasterKey]

    /// A ring of `keys` (at least one, distinct ids); `nil` otherwise.
    public init?(_ keys: [MasterKey]) {
        guard let current = keys.max(by: { $0.id < $1.id }), Set(keys.map(\.id)).count == keys.count else { return nil }
        self.current = current
        self.keys = keys.sorted { $0.id < $1.id }
    }

    /// Reads one key per line (`<id>:<hex>`; blank lines and `#` comments ignored), as in the key file or the
    /// variable (where keys may also be separated by commas). `nil` when a line is not a key or there is none.
    public init?(text: String) {
        var keys: [MasterKey] = []
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == "\r" }) {
            let trimmed = line.trimmingASCIIWhitespace
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let key = MasterKey(text: trimmed) else { return nil }
            keys.append(key)
        }
        self.init(keys)
    }

    /// The key file's text: a comment line, then one key per line, oldest first.
    public var exportedText: String {
        "# guichet master keys: the highest id wraps; keep older ones until `guichet keys retire`\n"
            + keys.map(\.exportedText).joined(separator: "\n") + "\n"
    }

    public func key(id: UInt8) -> MasterKey? { keys.first { $0.id == id } }

    /// Opens a wrapped data key with the key it names.
    public func unwrap(_ wrapped: [UInt8], organisationID: String) throws(SealingError) -> DataKey {
        let id = try MasterKey.keyID(ofWrapped: wrapped)
        guard let key = key(id: id) else { throw .keyIDMismatch(expected: current.id, found: id) }
        return try key.unwrap(wrapped, organisationID: organisationID)
    }

    /// The same ring with a new random key (id one above the highest) that becomes current.
    public func addingKey(using random: inout some RandomNumberGenerator) -> MasterKeyring? {
        guard current.id < UInt8.max else { return nil }
        return MasterKeyring(keys + [MasterKey.generate(id: current.id + 1, using: &random)])
    }

    /// The ring without the keys whose ids are not in `used` (the current key always stays).
    public func keeping(ids used: Set<UInt8>) -> MasterKeyring {
        MasterKeyring(keys.filter { used.contains($0.id) || $0.id == current.id })!
    }

    public var description: String { "MasterKeyring(ids: \(keys.map(\.id)), current: \(current.id))" }
}
