/// A deployment secret mixed into every derivation as the HKDF salt, so that a stolen database, upload folder
/// and access code are still not enough without the server's configuration.
///
/// Optional: without a pepper the salt is empty and key ID 0 is used. A pepper has an `id` from 1 to 255,
/// written in every sealed envelope, so that a deployment can rotate it (see docs/encryption.md). The pepper is
/// read once by GuichetCLI from a secret configuration key; it never appears in logs (`description` redacts it).
public struct ServerPepper: Sendable {
    /// Minimum length of the secret in bytes.
    public static let minimumByteCount = 32

    /// The key ID written in envelopes sealed with this pepper (1…255; 0 means "no pepper").
    public let id: UInt8

    /// The secret bytes.
    let secret: [UInt8]

    /// A pepper with its key ID; `nil` if `id` is 0 or `secret` is shorter than `minimumByteCount` bytes.
    public init?(id: UInt8, secret: [UInt8]) {
        guard id != 0, secret.count >= Self.minimumByteCount else { return nil }
        self.id = id
        self.secret = secret
    }
}

extension ServerPepper: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `ServerPepper(id: n, redacted)`.
    public var description: String { "ServerPepper(id: \(id), redacted)" }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// Shows only the ID, so `dump` does not reveal the secret.
    public var customMirror: Mirror { Mirror(self, children: ["id": id], displayStyle: .struct) }
}
