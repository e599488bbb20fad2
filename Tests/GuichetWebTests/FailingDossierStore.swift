import GuichetCore
import GuichetStorage

/// A dossier store whose database is gone (every call throws `.unavailable`) or stuck (every call waits): the
/// failures a real store only shows when its server is down, forced here.
struct FailingDossierStore: DossierStore {
    enum Failure: Sendable {
        case unavailable
        /// Each call waits this long before failing.
        case stuck(Duration)
    }

    let failure: Failure

    func fail<T>() async throws(StorageError) -> T {
        if case .stuck(let duration) = failure { try? await Task.sleep(for: duration) }
        throw StorageError(.unavailable)
    }

    func sections() async throws(StorageError) -> [SectionRecord] { try await fail() }
    func section(_ id: Section.ID) async throws(StorageError) -> SectionRecord? { try await fail() }
    func items(_ filter: ItemFilter, offset: Int, limit: Int) async throws(StorageError) -> ResultPage<Item> { try await fail() }
    func item(_ id: Item.ID) async throws(StorageError) -> ItemRecord? { try await fail() }
    func itemsRelated(to id: Item.ID, excluding: Set<Item.ID>, limit: Int) async throws(StorageError) -> [Item] { try await fail() }
    func items(ids: [Item.ID]) async throws(StorageError) -> [Item] { try await fail() }
    func itemRecords(ids: [Item.ID]) async throws(StorageError) -> [ItemRecord] { try await fail() }
    func tags() async throws(StorageError) -> [TagUsage] { try await fail() }
    func tag(_ id: Tag.ID) async throws(StorageError) -> Tag? { try await fail() }
    func lastUpdated() async throws(StorageError) -> LocalDate? { try await fail() }
    func ping() async throws(StorageError) { try await fail() as Void }
}
