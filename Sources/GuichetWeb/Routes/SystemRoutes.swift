internal import Hummingbird
internal import NIOCore
internal import GuichetStorage
internal import GuichetViews
internal import Synchronization

/// Liveness and readiness checks, stylesheet and API description.
struct SystemRoutes: Sendable {
    let store: any DossierStore
    let cache: PageCache
    /// How long `/readyz` waits for the database.
    var readinessTimeout: Duration = .seconds(2)

    func register(on router: Router<AppRequestContext>) {
        router.get("/healthz") { _, _ in self.health() }
        router.get("/readyz") { _, _ in await self.readiness() }
        // No icon: an empty answer that browsers keep a day, rather than a 404 logged on every first visit.
        router.get("/favicon.ico") { _, _ in
            Response(status: .noContent, headers: [.cacheControl: "public, max-age=86400"])
        }
        router.get("/static/style.css") { request, context in try await self.stylesheet(request, context) }
        router.get("/api/openapi.yaml") { request, context in try await self.openAPI(request, context) }
    }

    /// Liveness: 200 whenever the process answers HTTP; the database is not touched (a database outage must not
    /// get every node restarted). Never cached.
    func health() -> Response {
        Response.text(#"{"status":"ok"}"#, contentType: ContentType.json)
    }

    /// Readiness: 200 when a trivial query through the store answers within ``readinessTimeout``, 503 otherwise
    /// (a load balancer then sends the traffic elsewhere). Never cached.
    func readiness() async -> Response {
        let store = self.store
        let answered = await Self.firstOf(timeout: readinessTimeout) {
            do {
                try await store.ping()
                return true
            } catch {
                return false
            }
        }
        guard answered == true else {
            return Response.text(
                "indisponible : la base de données ne répond pas\n", status: .serviceUnavailable, contentType: ContentType.text)
        }
        return Response.text("ok\n", contentType: ContentType.text)
    }

    /// The result of `body`, or `nil` when `timeout` passes first. A `body` still waiting then (a driver stuck on
    /// an unreachable server) is left to finish on its own: the answer does not wait for it.
    static func firstOf(timeout: Duration, _ body: @escaping @Sendable () async -> Bool) async -> Bool? {
        let answer = FirstAnswer()
        return await withCheckedContinuation { continuation in
            answer.wait(continuation)
            let timer = Task {
                do {
                    try await Task.sleep(for: timeout)
                    answer.give(nil)
                } catch {}  // cancelled: the body answered first
            }
            Task {
                answer.give(await body())
                timer.cancel()
            }
        }
    }

    func stylesheet(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let entry = try await cache.value("css", contentType: ContentType.css, maxAge: 3600, varyLanguage: false) { Stylesheet.css }
        guard let entry else { throw HTTPError(.notFound) }
        return cache.response(entry, to: request, context: context)
    }

    func openAPI(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let entry = try await cache.value("openapi", contentType: ContentType.yaml, varyLanguage: false) { OpenAPIDocument.yaml }
        guard let entry else { throw HTTPError(.notFound) }
        return cache.response(entry, to: request, context: context)
    }
}

/// A continuation resumed once, by whichever of two tasks gives an answer first.
final class FirstAnswer: Sendable {
    private let continuation = Mutex<CheckedContinuation<Bool?, Never>?>(nil)

    func wait(_ waiting: CheckedContinuation<Bool?, Never>) {
        continuation.withLock { $0 = waiting }
    }

    func give(_ value: Bool?) {
        let waiting = continuation.withLock { current in
            defer { current = nil }
            return current
        }
        waiting?.resume(returning: value)
    }
}
