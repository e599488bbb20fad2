public import GuichetCore

/// Reads the published dossier: sections, items and tags, newest items first.
public protocol DossierStore: Sendable {
    /// All sections, in display order, with their item counts.
    func sections() async throws(StorageError) -> [SectionRecord]
    /// One section, or `nil`.
    func section(_ id: Section.ID) async throws(StorageError) -> SectionRecord?
    /// Items matching `filter`, newest first (date, then slug), one page at a time.
    func items(_ filter: ItemFilter, offset: Int, limit: Int) async throws(StorageError) -> ResultPage<Item>
    /// One item with its rendered body, or `nil`.
    func item(_ id: Item.ID) async throws(StorageError) -> ItemRecord?
    /// Items sharing the most tags with `id` (then newest), excluding those in `excluding`.
    func itemsRelated(to id: Item.ID, excluding: Set<Item.ID>, limit: Int) async throws(StorageError) -> [Item]
    /// Several items by id, in the order given; unknown ids are skipped.
    func items(ids: [Item.ID]) async throws(StorageError) -> [Item]
    /// Several items with their rendered bodies, in the order given, in one read (a feed's thirty entries
    /// are one round trip, not thirty); unknown ids are skipped.
    func itemRecords(ids: [Item.ID]) async throws(StorageError) -> [ItemRecord]
    /// All tags used by at least one item, by label.
    func tags() async throws(StorageError) -> [TagUsage]
    /// One tag, or `nil`.
    func tag(_ id: Tag.ID) async throws(StorageError) -> Tag?
    /// The most recent `updated` date over the whole dossier, or `nil` when it is empty.
    func lastUpdated() async throws(StorageError) -> LocalDate?
    /// Runs a trivial query (`SELECT 1`) through a pooled connection: the readiness check of `/readyz`. Throws
    /// `.unavailable` when the database does not answer.
    func ping() async throws(StorageError)
}
