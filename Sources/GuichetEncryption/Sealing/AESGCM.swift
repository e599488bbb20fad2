internal import Crypto

/// AES-GCM with 12-byte nonces and 16-byte tags, on byte arrays; maps swift-crypto errors to `SealingError`.
enum AESGCM {
    /// Encrypts and authenticates; returns (ciphertext, tag).
    static func seal(
        _ plaintext: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8]
    ) throws(SealingError) -> (ciphertext: [UInt8], tag: [UInt8]) {
        do {
            let box = try AES.GCM.seal(
                plaintext, using: SymmetricKey(data: key), nonce: AES.GCM.Nonce(data: nonce),
                authenticating: associatedData
            )
            return (Array(box.ciphertext), Array(box.tag))
        } catch {
            throw .sealingFailed
        }
    }

    /// Checks the tag and decrypts.
    static func open(
        ciphertext: [UInt8], tag: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8]
    ) throws(SealingError) -> [UInt8] {
        do {
            let box = try AES.GCM.SealedBox(nonce: AES.GCM.Nonce(data: nonce), ciphertext: ciphertext, tag: tag)
            return Array(try AES.GCM.open(box, using: SymmetricKey(data: key), authenticating: associatedData))
        } catch {
            throw .authenticationFailed
        }
    }
}
