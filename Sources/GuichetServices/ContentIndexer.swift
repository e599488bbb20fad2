public import GuichetContent
public import GuichetStorage
public import Logging
internal import GuichetCore

/// Brings the stored dossier in line with the content folder, writing only what changed.
///
/// Every file is parsed (cross-file checks need them all, and parsing the whole dossier takes
/// milliseconds), but only files whose fingerprint changed are rendered into the store, in one
/// transaction. Files with blocking problems are left out and logged by path; the others are served.
public struct ContentIndexer: Sendable {
    let index: any ContentIndex
    let logger: Logger

    public init(index: any ContentIndex, logger: Logger) {
        self.index = index
        self.logger = logger
    }

    /// What one run did.
    public struct Report: Sendable, Equatable {
        public var filesRead = 0
        public var filesWritten = 0
        public var filesRemoved = 0
        public var problems: [ContentProblem] = []
    }

    /// Parses `files`, then writes the records of new or changed files and removes the vanished ones.
    public func index(_ files: [ContentFile]) async throws(StorageError) -> Report {
        let catalog = ContentParser.parse(files)
        var report = Report()
        report.filesRead = files.count
        report.problems = catalog.problems
        for problem in catalog.problems {
            logger.warning(
                "content problem", metadata: ["content.path": "\(problem.path)", "content.line": "\(problem.line)",
                "content.blocking": "\(problem.isBlocking)", "content.message": "\(problem.message)"])
        }

        let fingerprints = Dictionary(
            files.map { ($0.path, Fingerprint.of($0.text)) }, uniquingKeysWith: { first, _ in first })
        let previous = Dictionary(
            try await index.indexedFiles().map { ($0.path, $0.fingerprint) }, uniquingKeysWith: { first, _ in first })
        func changed(_ path: String) -> ContentFileState? {
            let state = ContentFileState(path: path, fingerprint: fingerprints[path] ?? "")
            return previous[path] == state.fingerprint ? nil : state
        }

        var changes = ContentChangeSet()
        // Tag labels are copied into each item's search keywords: a new tag file re-indexes every item.
        let tagsChanged: Bool
        if files.contains(where: { $0.role == .tags }), let state = changed("tags.yml") {
            changes.tags = (state, catalog.tags)
            tagsChanged = true
        } else {
            tagsChanged = false
        }
        for parsed in catalog.sections {
            guard let state = changed(parsed.path) else { continue }
            changes.sections.append(
                (state, SectionRecord(section: parsed.section, bodyHTML: parsed.document.html, bodyText: parsed.document.plainText)))
        }
        for parsed in catalog.items {
            let state = changed(parsed.path) ?? (tagsChanged ? ContentFileState(path: parsed.path, fingerprint: fingerprints[parsed.path] ?? "") : nil)
            guard let state else { continue }
            changes.items.append(
                (state, ItemRecord(item: parsed.item, bodyHTML: parsed.document.html, bodyText: parsed.document.plainText)))
        }
        // Anything stored that is no longer published: deleted files, and files that now have blocking problems.
        let published = Set(catalog.sections.map(\.path) + catalog.items.map(\.path) + ["tags.yml"])
        changes.removedPaths = previous.keys.filter { !published.contains($0) }.sorted()

        report.filesWritten = changes.sections.count + changes.items.count + (changes.tags == nil ? 0 : 1)
        report.filesRemoved = changes.removedPaths.count
        try await index.apply(changes)
        logger.info(
            "content indexed",
            metadata: ["content.read": "\(report.filesRead)", "content.written": "\(report.filesWritten)",
                "content.removed": "\(report.filesRemoved)", "content.problems": "\(report.problems.count)"])
        return report
    }
}

/// A file's fingerprint: FNV-1a of its text and its length, enough to notice an edit, and the version of
/// the rendering stored with it.
enum Fingerprint {
    /// Bump it when the stored rendering of an unchanged file changes (the Markdown renderer's HTML), so that
    /// the next start re-renders every file once. 2: French typography in the body HTML.
    static let renderingVersion = 2

    static func of(_ text: String) -> String {
        "fnv1a64:" + String(FNV1a.hash(text), radix: 16) + ":" + String(text.utf8.count) + ":r\(renderingVersion)"
    }
}
