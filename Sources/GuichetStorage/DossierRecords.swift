public import GuichetCore

/// A section as stored: the editorial record plus its rendered introduction.
public struct SectionRecord: Sendable, Equatable {
    public let section: Section
    /// The introduction rendered to an HTML fragment at indexing time.
    public let bodyHTML: String
    /// The introduction as plain text, as indexed for search.
    public let bodyText: String
    /// The number of items whose sections include this one.
    public let itemCount: Int

    public init(section: Section, bodyHTML: String, bodyText: String, itemCount: Int = 0) {
        self.section = section
        self.bodyHTML = bodyHTML
        self.bodyText = bodyText
        self.itemCount = itemCount
    }
}

/// An item as stored: the editorial record plus its rendered body.
public struct ItemRecord: Sendable, Equatable {
    public let item: Item
    /// The body rendered to an HTML fragment at indexing time.
    public let bodyHTML: String
    /// The body as plain text, as indexed for search.
    public let bodyText: String

    public init(item: Item, bodyHTML: String, bodyText: String) {
        self.item = item
        self.bodyHTML = bodyHTML
        self.bodyText = bodyText
    }
}

/// A tag and how many items carry it.
public struct TagUsage: Sendable, Equatable {
    public let tag: Tag
    public let itemCount: Int

    public init(tag: Tag, itemCount: Int) {
        self.tag = tag
        self.itemCount = itemCount
    }
}

/// One page of a longer list.
public struct ResultPage<Element: Sendable>: Sendable {
    public let elements: [Element]
    /// The number of elements over all pages.
    public let total: Int
    public let offset: Int
    public let limit: Int

    public init(elements: [Element], total: Int, offset: Int, limit: Int) {
        self.elements = elements
        self.total = total
        self.offset = offset
        self.limit = limit
    }
}

extension ResultPage: Equatable where Element: Equatable {}

/// Which items to list.
public struct ItemFilter: Sendable, Equatable {
    public var section: Section.ID?
    public var tag: Tag.ID?

    public init(section: Section.ID? = nil, tag: Tag.ID? = nil) {
        self.section = section
        self.tag = tag
    }

    /// Every item.
    public static let all = ItemFilter()
}
