/// Why a sealed blob could not be opened (or, exceptionally, sealed). Carries no key, code or content.
///
/// AES-GCM cannot tell a wrong key from tampered bytes, so a wrong access code, a flipped byte and a blob moved
/// to another file or slot all give `.authenticationFailed`.
public enum SealingError: Error, Equatable, Sendable {
    /// The envelope is too short to hold a header, a nonce and a tag.
    case corrupted
    /// The envelope's format version is not one this build can open.
    case unsupportedVersion(UInt8)
    /// The envelope was sealed under another key ID (another server pepper) than the sealer's: derive the keys
    /// with the pepper of that ID and try again.
    case keyIDMismatch(expected: UInt8, found: UInt8)
    /// The tag does not verify: wrong access code or pepper, modified bytes, or a blob from another file or slot.
    case authenticationFailed
    /// The cipher refused to seal; not expected with well-formed keys and nonces.
    case sealingFailed
}
