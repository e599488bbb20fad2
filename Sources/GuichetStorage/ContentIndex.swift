public import GuichetCore

/// The fingerprint of one editorial source file, kept so that indexing touches only what changed.
public struct ContentFileState: Sendable, Equatable, Hashable {
    /// Path relative to the content folder, with `/` separators.
    public let path: String
    /// A digest of the file's bytes.
    public let fingerprint: String

    public init(path: String, fingerprint: String) {
        self.path = path
        self.fingerprint = fingerprint
    }
}

/// What one indexing run writes: the records of changed files, and the paths that disappeared.
public struct ContentChangeSet: Sendable {
    public var sections: [(file: ContentFileState, record: SectionRecord)]
    public var items: [(file: ContentFileState, record: ItemRecord)]
    /// The full tag list, when the tag file changed.
    public var tags: (file: ContentFileState, tags: [Tag])?
    /// Source paths whose records must be removed (deleted, renamed or now invalid files).
    public var removedPaths: [String]

    public init(
        sections: [(file: ContentFileState, record: SectionRecord)] = [],
        items: [(file: ContentFileState, record: ItemRecord)] = [],
        tags: (file: ContentFileState, tags: [Tag])? = nil, removedPaths: [String] = []
    ) {
        self.sections = sections
        self.items = items
        self.tags = tags
        self.removedPaths = removedPaths
    }

    /// Whether applying the change set would write nothing.
    public var isEmpty: Bool { sections.isEmpty && items.isEmpty && tags == nil && removedPaths.isEmpty }
}

/// Writes the dossier from its editorial sources; readers see either the old or the new state.
public protocol ContentIndex: Sendable {
    /// The fingerprints recorded by the previous indexing run.
    func indexedFiles() async throws(StorageError) -> [ContentFileState]
    /// Applies `changes` in one transaction (records, search index and fingerprints together).
    func apply(_ changes: ContentChangeSet) async throws(StorageError)
}
