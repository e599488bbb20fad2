public import Hummingbird
public import Logging
public import GuichetStorage
public import Foundation
public import GuichetServices
public import GuichetCore
public import ServiceLifecycle
public import GuichetHelpDesk

/// What the web front needs from the rest of guichet.
public struct WebDependencies: Sendable {
    public let dossier: any DossierStore
    public let search: any SearchIndex
    /// The current instant (real clock in production, fixed in tests).
    public let now: @Sendable () -> Date
    /// The self-help paths and their private files; `nil` leaves `/parcours` and `/mon-dossier` out.
    public let parcours: ParcoursDependencies?
    /// Where requests, the page cache and searches are measured; `nil` measures nothing (and serves no `/metrics`).
    public let metrics: SiteMetrics?
    /// The association's help desk; `nil` leaves `/bureau` out.
    public let helpDesk: HelpDeskDependencies?
    /// The guides read with the content (`/guides`), by situation then order.
    public let guides: [Guide]
    /// The observatory's reference data read with the content; `nil`: every fact is `inconnu`.
    public let observatory: Observatory.Board?
    /// People's anonymous reports to the observatory; `nil` leaves the form and the figures out.
    public let reports: ObservationReports?
    /// The platforms' status, incidents and certificates; `nil` leaves `/etat-des-plateformes` out.
    public let platforms: PlatformObservatory?

    public init(
        dossier: any DossierStore, search: any SearchIndex, parcours: ParcoursDependencies? = nil,
        metrics: SiteMetrics? = nil, helpDesk: HelpDeskDependencies? = nil, guides: [Guide] = [],
        observatory: Observatory.Board? = nil, reports: ObservationReports? = nil, platforms: PlatformObservatory? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.reports = reports
        self.platforms = platforms
        self.helpDesk = helpDesk
        self.guides = guides
        self.observatory = observatory
        self.dossier = dossier
        self.search = search
        self.parcours = parcours
        self.metrics = metrics
        self.now = now
    }
}

/// What the self-help paths need: their definitions, the private files and the shared rate-limit counters.
public struct ParcoursDependencies: Sendable {
    public let interviews: [InterviewDefinition]
    public let files: PrivateCaseFiles
    public let limits: any RateLimitCounter

    public init(interviews: [InterviewDefinition], files: PrivateCaseFiles, limits: any RateLimitCounter) {
        self.interviews = interviews.sorted { $0.id < $1.id }
        self.files = files
        self.limits = limits
    }
}

/// What the help desk needs: its two services, the store (for the audit page), and the self-help files (to import one).
public struct HelpDeskDependencies: Sendable {
    public let accounts: HelpDeskAccounts
    public let cases: HelpDeskCases
    public let store: any HelpDeskStore
    /// The self-help paths' files and interviews, for « importer un dossier personnel »; `nil` leaves it out.
    public let selfHelp: ParcoursDependencies?

    public init(accounts: HelpDeskAccounts, cases: HelpDeskCases, store: any HelpDeskStore, selfHelp: ParcoursDependencies?) {
        self.accounts = accounts
        self.cases = cases
        self.store = store
        self.selfHelp = selfHelp
    }
}

/// Builds the router with every route and middleware, wrapped in the site's responder (405 handling); tests drive
/// it without sockets. With `prepared`, the pages it serves from its page caches are kept there for the channel
/// handler in front of it (``PreparedPageHandler``).
func buildRouter(
    dependencies: WebDependencies, configuration: WebConfiguration, logger: Logger = Logger(label: "guichet.web"),
    prepared: PreparedPages?
) -> SiteResponderBuilder {
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorPageMiddleware())
    let cache = PageCache(metrics: dependencies.metrics, prepared: prepared)
    DossierRoutes(store: dependencies.dossier, configuration: configuration, cache: cache).register(on: router)
    SearchRoutes(
        index: dependencies.search, store: dependencies.dossier, configuration: configuration,
        pages: PageCache(capacity: 1024, prepared: prepared), duration: dependencies.metrics?.searchDuration,
        guides: GuideFinder(dependencies.guides)
    ).register(on: router)
    FeedRoutes(
        store: dependencies.dossier, configuration: configuration, cache: cache,
        interviewSlugs: dependencies.parcours?.interviews.map(\.id.rawValue) ?? [],
        guides: dependencies.guides.map { ($0.id.rawValue, $0.checked) }, hasPlatformStatus: dependencies.platforms != nil
    ).register(on: router)
    if !dependencies.guides.isEmpty {
        GuideRoutes(guides: dependencies.guides, cache: cache, board: dependencies.observatory).register(on: router)
    }
    ObservatoryRoutes(
        board: dependencies.observatory ?? Observatory.Board(checked: LocalDate(daysSinceEpoch: 0), national: [:], departments: [:], decisions: []),
        cache: cache, baseURL: configuration.baseURL, reports: dependencies.reports, platforms: dependencies.platforms,
        now: dependencies.now
    ).register(on: router)
    if let platforms = dependencies.platforms {
        PlatformStatusRoutes(observatory: platforms, baseURL: configuration.baseURL, now: dependencies.now).register(on: router)
    }
    SystemRoutes(store: dependencies.dossier, cache: cache, readinessTimeout: configuration.readinessTimeout).register(on: router)
    if let metrics = dependencies.metrics, let token = configuration.metricsToken {
        MetricsRoutes(metrics: metrics, token: token).register(on: router)
    }
    DeadlineRoutes(now: dependencies.now, cache: cache).register(on: router)
    if let parcours = dependencies.parcours {
        ParcoursRoutes(
            interviews: parcours.interviews, files: parcours.files, limits: parcours.limits, configuration: configuration,
            now: dependencies.now, logger: logger, reports: dependencies.reports,
            observatoryProcedures: Dictionary(
                dependencies.guides.compactMap { guide in
                    guide.interviewID.flatMap { id in guide.observatoryProcedure.map { (id.rawValue, $0) } }
                }, uniquingKeysWith: { first, _ in first })
        ).register(on: router)
    }
    if let helpDesk = dependencies.helpDesk {
        BureauRoutes(desk: helpDesk, configuration: configuration, now: dependencies.now, logger: logger, reports: dependencies.reports)
            .register(on: router)
    }
    return SiteResponderBuilder(router: router, metrics: dependencies.metrics)
}

/// Builds the router with every route and middleware, wrapped in the site's responder (405 handling); tests drive
/// it without sockets.
public func buildRouter(
    dependencies: WebDependencies, configuration: WebConfiguration, logger: Logger = Logger(label: "guichet.web")
) -> SiteResponderBuilder {
    buildRouter(dependencies: dependencies, configuration: configuration, logger: logger, prepared: nil)
}

/// The HTTP application listening on `host:port`. Public pages already in a page cache are answered by
/// ``PreparedPageHandler`` in front of the router; everything else goes through the router.
public func buildApplication(
    dependencies: WebDependencies, configuration: WebConfiguration, host: String, port: Int, logger: Logger,
    services: [any Service] = []
) -> some ApplicationProtocol {
    buildApplication(
        dependencies: dependencies, configuration: configuration, host: host, port: port, logger: logger, services: services,
        prepared: PreparedPages(metrics: dependencies.metrics))
}

/// ``buildApplication(dependencies:configuration:host:port:logger:services:)`` with the prepared pages given (tests
/// read what they answered).
func buildApplication(
    dependencies: WebDependencies, configuration: WebConfiguration, host: String, port: Int, logger: Logger,
    services: [any Service] = [], prepared: PreparedPages
) -> some ApplicationProtocol {
    let serverName = "guichet"
    let router = buildRouter(dependencies: dependencies, configuration: configuration, logger: logger, prepared: prepared)
    var app = Application(
        router: router,
        server: .http1(
            configuration: .init(
                additionalChannelHandlers: [
                    HTTP10ConnectionCloseInstaller(), PreparedPageInstaller(pages: prepared, serverName: serverName),
                ],
                idleTimeout: .seconds(60))),
        configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: serverName),
        services: services,
        logger: logger)
    // After indexing, before the port opens: the public pages are rendered once, not by the first readers under load.
    let warmUp = PageWarmUp(
        responder: SiteResponder(inner: router.router.buildResponder(), metrics: nil), baseURL: configuration.baseURL,
        limit: configuration.warmUpPages, logger: logger)
    app.beforeServerStarts { await warmUp.run() }
    return app
}

/// The metrics listener: `GET /metrics` (and `HEAD`) on its own address, nothing else (404). Its requests are not
/// counted with the site's: scraping does not move the request counters.
public func buildMetricsApplication(metrics: SiteMetrics, host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
    Application(
        router: buildMetricsRouter(metrics: metrics),
        configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "guichet"),
        logger: logger)
}

/// The router of ``buildMetricsApplication(metrics:host:port:logger:)``; tests drive it without sockets.
public func buildMetricsRouter(metrics: SiteMetrics) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.get("/metrics") { _, _ in metrics.response() }
    return router
}
