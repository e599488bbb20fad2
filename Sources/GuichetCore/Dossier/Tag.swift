/// A theme that groups items across sections (e.g. `conseil-d-etat`, `anef`).
public struct Tag: Hashable, Sendable, Identifiable {
    public typealias ID = Slug
    public let id: ID
    /// French label shown to readers.
    public let label: String

    public init(id: ID, label: String) {
        self.id = id
        self.label = label
    }
}
