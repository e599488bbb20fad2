public import GuichetCore

/// One editorial source file, as read from the content folder.
public struct ContentFile: Sendable, Equatable {
    /// Path relative to the content folder, with `/` separators (`items/2019/2019-11-27-ce.md`).
    public let path: String
    public let text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// What the file holds, from where it lives.
    public enum Role: Sendable, Equatable {
        case section
        case item
        case tags
        /// A guided interview definition (`parcours/*.yml`).
        case interview
        /// A guide (`guides/<slug>.md`).
        case guide
        /// The observatory's reference data (`observatoire/…yml`).
        case observatory
        /// Not part of the dossier (READMEs, interview definitions, other files).
        case other
    }

    public var role: Role {
        if InterviewParser.isInterviewPath(path) { return .interview }
        if path == "tags.yml" { return .tags }
        if ObservatoryParser.isObservatoryPath(path) { return .observatory }
        guard path.hasSuffix(".md") else { return .other }
        if path.hasPrefix("sections/") && !path.dropFirst("sections/".count).contains("/") { return .section }
        if path.hasPrefix("items/") { return .item }
        if path.hasPrefix("guides/") && !path.dropFirst("guides/".count).contains("/") { return .guide }
        return .other
    }
}

/// A problem found in the editorial sources, with its place.
public struct ContentProblem: Sendable, Equatable, CustomStringConvertible {
    public let path: String
    /// 1-based line of the file.
    public let line: Int
    /// French, for editors.
    public let message: String
    /// Whether the file cannot be published at all (otherwise only the faulty part is left out).
    public let isBlocking: Bool

    public init(path: String, line: Int, message: String, isBlocking: Bool) {
        self.path = path
        self.line = line
        self.message = message
        self.isBlocking = isBlocking
    }

    /// `path:line: message`, the form editors' tools jump to.
    public var description: String { "\(path):\(line): \(message)" }
}

/// A section parsed from its file, with its rendered introduction.
public struct ParsedSection: Sendable {
    public let path: String
    public let section: Section
    public let document: MarkdownDocument
    /// 1-based line of the body's first line in the file.
    public let bodyLine: Int
}

/// An item parsed from its file, with its rendered body.
public struct ParsedItem: Sendable {
    public let path: String
    public let item: Item
    public let document: MarkdownDocument
    /// 1-based line of the body's first line in the file.
    public let bodyLine: Int
}

/// Everything the content folder holds, validated as a whole.
public struct ContentCatalog: Sendable {
    public var sections: [ParsedSection] = []
    public var items: [ParsedItem] = []
    public var tags: [GuichetCore.Tag] = []
    /// The guided interviews (`parcours/`), validated.
    public var interviews: [InterviewDefinition] = []
    /// The guides (`guides/`), by situation then order.
    public var guides: [ParsedGuide] = []
    /// The observatory's reference data and decision links; `nil` when the content has no `observatoire/`.
    public var observatory: Observatory.Board? = nil
    /// The platforms the prober may probe: the national ones (`observatoire/plateformes.yml`), then the prefectures'
    /// booking pages of the reference data (`rdv-<code>`).
    public var platforms: [Platform] = []
    /// Every problem, blocking or not, in file then line order.
    public var problems: [ContentProblem] = []

    public init() {}
}
