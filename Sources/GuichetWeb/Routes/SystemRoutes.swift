internal import Hummingbird
internal import NIOCore
internal import GuichetStorage
internal import GuichetViews

/// Health check, stylesheet and API description.
struct SystemRoutes: Sendable {
    let store: any DossierStore
    let cache: PageCache

    func register(on router: Router<AppRequestContext>) {
        router.get("/healthz") { _, _ in await self.health() }
        // No icon: an empty answer that browsers keep a day, rather than a 404 logged on every first visit.
        router.get("/favicon.ico") { _, _ in
            Response(status: .noContent, headers: [.cacheControl: "public, max-age=86400"])
        }
        router.get("/static/style.css") { request, _ in try await self.stylesheet(request) }
        router.get("/api/openapi.yaml") { request, _ in try await self.openAPI(request) }
    }

    /// 200 when the database answers, 503 otherwise; never cached.
    func health() async -> Response {
        do {
            _ = try await store.lastUpdated()
            return Response.text(#"{"status":"ok"}"#, contentType: ContentType.json)
        } catch {
            return Response.text(#"{"status":"indisponible"}"#, status: .serviceUnavailable, contentType: ContentType.json)
        }
    }

    func stylesheet(_ request: Request) async throws -> Response {
        let entry = try await cache.value("css", contentType: ContentType.css, maxAge: 3600, varyLanguage: false) { Stylesheet.css }
        guard let entry else { throw HTTPError(.notFound) }
        return Response.cached(entry, request: request)
    }

    func openAPI(_ request: Request) async throws -> Response {
        let entry = try await cache.value("openapi", contentType: ContentType.yaml, varyLanguage: false) { OpenAPIDocument.yaml }
        guard let entry else { throw HTTPError(.notFound) }
        return Response.cached(entry, request: request)
    }
}
