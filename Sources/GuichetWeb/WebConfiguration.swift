/// Settings of the HTTP front, read once by the command line.
public struct WebConfiguration: Sendable {
    /// The public address of the site, without trailing slash, used in feeds and the sitemap.
    public var baseURL: String
    /// How many items a section or topic page lists.
    public var pageSize: Int
    /// How many search hits a page shows.
    public var searchPageSize: Int

    /// Whether cookies are marked `Secure` (set when the site is served over HTTPS, directly or behind a proxy).
    public var secureCookies: Bool
    /// Whether the last `X-Forwarded-For` hop is the client (only behind a reverse proxy that sets it).
    public var trustForwardedFor: Bool
    /// Where « Quitter rapidement » leads: a neutral site that says nothing about the visit.
    public var exitURL: String
    /// How many code lookups one client may make per window before getting 429.
    public var codeAttemptsPerWindow: Int
    /// The length of that window, in seconds.
    public var codeAttemptWindowSeconds: Int
    /// The bearer token that opens `/metrics` on the site's port; `nil` (the default) leaves it a 404 there. A secret:
    /// never logged.
    public var metricsToken: String?
    /// How long `/readyz` waits for the database before answering 503.
    public var readinessTimeout: Duration
    /// How many of the sitemap's pages are rendered before the port opens (``PageWarmUp``); 0 renders none.
    public var warmUpPages: Int

    public init(
        baseURL: String, pageSize: Int = 20, searchPageSize: Int = 10, secureCookies: Bool? = nil,
        trustForwardedFor: Bool = false, exitURL: String = "https://meteofrance.com/", codeAttemptsPerWindow: Int = 20,
        codeAttemptWindowSeconds: Int = 900, metricsToken: String? = nil, readinessTimeout: Duration = .seconds(2),
        warmUpPages: Int = 5000
    ) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.pageSize = pageSize
        self.searchPageSize = searchPageSize
        self.secureCookies = secureCookies ?? base.hasPrefix("https://")
        self.trustForwardedFor = trustForwardedFor
        self.exitURL = exitURL
        self.codeAttemptsPerWindow = codeAttemptsPerWindow
        self.codeAttemptWindowSeconds = codeAttemptWindowSeconds
        self.metricsToken = metricsToken
        self.readinessTimeout = readinessTimeout
        self.warmUpPages = warmUpPages
    }
}
