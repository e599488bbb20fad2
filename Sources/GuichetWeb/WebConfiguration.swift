/// Settings of the HTTP front, read once by the command line.
public struct WebConfiguration: Sendable {
    /// The public address of the site, without trailing slash, used in feeds and the sitemap.
    public var baseURL: String
    /// How many items a section or topic page lists.
    public var pageSize: Int
    /// How many search hits a page shows.
    public var searchPageSize: Int

    public init(baseURL: String, pageSize: Int = 20, searchPageSize: Int = 10) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.pageSize = pageSize
        self.searchPageSize = searchPageSize
    }
}
