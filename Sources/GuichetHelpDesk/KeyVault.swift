public import GuichetEncryption
public import GuichetStorage
internal import Foundation
internal import Synchronization

/// Where the master keys come from: `GUICHET_MASTER_KEY` (one or more `<id>:<hex>`, comma-separated) or a key file
/// (one key per line), created at first start with a new key and 0600 permissions.
public enum MasterKeySource: Sendable, Equatable {
    case environment(String)
    case file(path: String)

    /// Why the master keys could not be read.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// The keys. A missing key file is created with one new key; a key file readable by others is refused.
    public func load() throws(Problem) -> MasterKeyring {
        switch self {
        case .environment(let text):
            guard let ring = MasterKeyring(text: text) else {
                throw Problem(message: "GUICHET_MASTER_KEY : attendu « 1:<64 chiffres hexadécimaux> » (une ou plusieurs clés séparées par des virgules)")
            }
            return ring
        case .file(let path):
            let manager = FileManager.default
            if !manager.fileExists(atPath: path) {
                var random = SystemRandomNumberGenerator()
                let ring = MasterKeyring([MasterKey.generate(id: 1, using: &random)])!
                try Self.save(ring, to: path)
                return ring
            }
            guard let attributes = try? manager.attributesOfItem(atPath: path),
                let permissions = attributes[.posixPermissions] as? NSNumber
            else { throw Problem(message: "fichier de clés illisible : \(path)") }
            guard permissions.intValue & 0o077 == 0 else {
                throw Problem(message: "le fichier de clés \(path) est lisible par d'autres comptes (chmod 600 \(path))")
            }
            guard let data = manager.contents(atPath: path), let ring = MasterKeyring(text: String(decoding: data, as: UTF8.self))
            else { throw Problem(message: "fichier de clés invalide : \(path)") }
            return ring
        }
    }

    /// Writes `ring` to `path` atomically with 0600 permissions (the temporary file is created 0600 too).
    public static func save(_ ring: MasterKeyring, to path: String) throws(Problem) {
        let temporary = path + ".tmp-\(getpid())"
        let bytes = Array(ring.exportedText.utf8)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw Problem(message: "écriture impossible : \(path)") }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        close(fd)
        guard written == bytes.count, synced == 0, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw Problem(message: "écriture impossible : \(path)")
        }
    }
}

/// The organisations' data keys, unwrapped once per process and kept in memory; the master keys are re-read from
/// their source when a wrapped key names one this process does not know (after `guichet keys rotate`).
public final class KeyVault: Sendable {
    private let source: MasterKeySource?
    private let state: Mutex<State>

    struct State {
        var ring: MasterKeyring
        var sealers: [String: FieldSealer] = [:]
    }

    /// A vault over `ring`; `source` (if any) is read again when a key id is unknown.
    public init(ring: MasterKeyring, source: MasterKeySource? = nil) {
        self.source = source
        self.state = Mutex(State(ring: ring))
    }

    /// The current master keys.
    public var ring: MasterKeyring { state.withLock { $0.ring } }

    /// Makes a new data key for a new organisation and wraps it under the current master key.
    public func newWrappedKey(organisationID: String) throws(HelpDeskError) -> (wrapped: [UInt8], masterKeyID: UInt8) {
        var random = SystemRandomNumberGenerator()
        let key = DataKey.generate(using: &random)
        let current = ring.current
        do {
            return (try current.wrap(key, organisationID: organisationID, using: &random), current.id)
        } catch { throw .sealedDataUnreadable }
    }

    /// The sealer of `organisation`, unwrapping its data key the first time.
    public func sealer(for organisation: OrganisationRecord) throws(HelpDeskError) -> FieldSealer {
        if let known = state.withLock({ $0.sealers[organisation.id] }) { return known }
        var ring = self.ring
        if ring.key(id: organisation.masterKeyID) == nil, let source, let reloaded = try? source.load() {
            ring = reloaded
            state.withLock { $0.ring = reloaded }
        }
        let sealer: FieldSealer
        do {
            sealer = try ring.unwrap(organisation.wrappedDataKey, organisationID: organisation.id)
                .sealer(organisationID: organisation.id)
        } catch { throw .sealedDataUnreadable }
        state.withLock { $0.sealers[organisation.id] = sealer }
        return sealer
    }

    /// Re-wraps every organisation's data key under the current master key of `newRing`; returns how many changed.
    /// The data itself is not touched (it is sealed under the data keys, which do not change).
    public static func rewrap(
        organisations: [OrganisationRecord], from oldRing: MasterKeyring, to newRing: MasterKeyring, store: any HelpDeskStore
    ) async throws(HelpDeskError) -> Int {
        var random = SystemRandomNumberGenerator()
        var changed = 0
        for var organisation in organisations where organisation.masterKeyID != newRing.current.id {
            do {
                let key = try oldRing.unwrap(organisation.wrappedDataKey, organisationID: organisation.id)
                organisation.wrappedDataKey = try newRing.current.wrap(key, organisationID: organisation.id, using: &random)
            } catch { throw .sealedDataUnreadable }
            organisation.masterKeyID = newRing.current.id
            do { try await store.updateOrganisation(organisation) } catch { throw .from(error) }
            changed += 1
        }
        return changed
    }
}
