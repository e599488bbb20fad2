internal import Crypto

/// The key of the observatory's report markers: the keyed hash that lets a private file or a help-desk case be counted
/// once per week without storing which file or case reported.
///
/// Derived from the server pepper (HKDF, its own label), so that the database alone cannot tell whether a given file
/// reported: the lookup IDs of the files are in the database, the pepper is not. Without a pepper the key is random
/// for the life of the process (a file may then report again in the same week after a restart; the rate limit still
/// applies).
public struct ReportMarkerKey: Sendable {
    static let label = Array("guichet/observatoire/v1/report-marker".utf8)

    let key: [UInt8]

    /// The key derived from `pepper`, or a random one without it.
    public init(pepper: ServerPepper?) {
        if let pepper {
            key = KeyDerivation.hkdfSHA256(
                inputKeyMaterial: pepper.secret, salt: [], info: Self.label, outputByteCount: 32)
        } else {
            key = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        }
    }

    /// The marker of `origin` (`fichier:<lookup id>`, `dossier:<case id>`) for `week` (`2026-W49`): 64 hexadecimal
    /// digits, the same for the same origin and week, unrelated to anything stored otherwise.
    public func marker(origin: String, week: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Array("\(origin)\u{0}\(week)".utf8), using: SymmetricKey(data: key))
        return Hex.encode(Array(mac))
    }
}
