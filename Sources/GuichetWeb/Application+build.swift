public import Hummingbird
public import Logging
public import GuichetStorage
public import Foundation

/// What the web front needs from the rest of guichet.
public struct WebDependencies: Sendable {
    public let dossier: any DossierStore
    public let search: any SearchIndex
    /// The current instant (real clock in production, fixed in tests).
    public let now: @Sendable () -> Date

    public init(dossier: any DossierStore, search: any SearchIndex, now: @escaping @Sendable () -> Date = { Date() }) {
        self.dossier = dossier
        self.search = search
        self.now = now
    }
}

/// Builds the router with every route and middleware; tests drive it without sockets.
public func buildRouter(dependencies: WebDependencies, configuration: WebConfiguration) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorPageMiddleware())
    let cache = PageCache()
    DossierRoutes(store: dependencies.dossier, configuration: configuration, cache: cache).register(on: router)
    SearchRoutes(index: dependencies.search, store: dependencies.dossier, configuration: configuration).register(on: router)
    FeedRoutes(store: dependencies.dossier, configuration: configuration, cache: cache).register(on: router)
    SystemRoutes(store: dependencies.dossier, cache: cache).register(on: router)
    DeadlineRoutes(now: dependencies.now).register(on: router)
    return router
}

/// The HTTP application listening on `host:port`.
public func buildApplication(
    dependencies: WebDependencies, configuration: WebConfiguration, host: String, port: Int, logger: Logger
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(dependencies: dependencies, configuration: configuration),
        server: .http1(configuration: .init(additionalChannelHandlers: [HTTP10ConnectionCloseInstaller()], idleTimeout: .seconds(60))),
        configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "guichet"),
        logger: logger)
}
