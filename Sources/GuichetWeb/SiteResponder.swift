public import Hummingbird
internal import HTTPTypes
internal import NIOCore
internal import Dispatch

/// The site's responder: the router, plus `405 Method Not Allowed` (with `Allow`) when a resource exists but not
/// for the method used (a `DELETE /`, a `POST` to a page). The router alone says 404, and its middleware cannot
/// tell, since a route that does not match runs none of the route's handlers.
///
/// Only requests the router refused are probed: the same path is asked again as `HEAD` (safe, no body); if it
/// exists, the method is the problem. Methods the HTTP/1.1 parser does not know (`FOO`) never reach guichet:
/// SwiftNIO answers them 400.
///
/// With metrics, every request is counted here, outside the router, once, with its final status (the 405 of a
/// probe included) and the route template the router matched (shared through the context's endpoint path).
public struct SiteResponderBuilder: HTTPResponderBuilder {
    let router: Router<AppRequestContext>
    var metrics: SiteMetrics? = nil

    public func buildResponder() -> SiteResponder { SiteResponder(inner: router.buildResponder(), metrics: metrics?.requests) }
}

/// See ``SiteResponderBuilder``.
public struct SiteResponder: HTTPResponder {
    let inner: RouterResponder<AppRequestContext>
    let metrics: RequestMetrics?

    public func respond(to request: Request, context: AppRequestContext) async throws -> Response {
        guard let metrics else { return try await route(request, context: context) }
        let started = DispatchTime.now().uptimeNanoseconds
        do {
            let response = try await route(request, context: context)
            metrics.record(
                endpointPath: context.endpointPath, method: request.method, status: response.status.code,
                nanoseconds: Int64(DispatchTime.now().uptimeNanoseconds - started))
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.record(
                endpointPath: context.endpointPath, method: request.method, status: status,
                nanoseconds: Int64(DispatchTime.now().uptimeNanoseconds - started))
            throw error
        }
    }

    func route(_ request: Request, context: AppRequestContext) async throws -> Response {
        // GET and HEAD, and POST where a form is taken, are routed: their 404s are the application's own.
        guard request.method != .get, request.method != .head,
            !(request.method == .post && Self.acceptsPost(request.uri.path))
        else { return try await inner.respond(to: request, context: context) }
        do {
            let response = try await inner.respond(to: request, context: context)
            guard response.status == .notFound else { return response }
            return try await probe(request, context: context) ?? response
        } catch let error as any HTTPResponseError where error.status == .notFound {
            if let refusal = try await probe(request, context: context) { return refusal }
            throw error
        }
    }

    /// The paths that take a form (POST) besides GET: the self-help paths and the help desk.
    static func acceptsPost(_ path: String) -> Bool { ParcoursRoutes.acceptsPost(path) || BureauRoutes.acceptsPost(path) }

    private func probe(_ request: Request, context: AppRequestContext) async throws -> Response? {
        var headOnly = request.head
        headOnly.method = .head
        let head = Request(head: headOnly, body: RequestBody(buffer: ByteBuffer()))
        // 404 without a session, yet they exist.
        var exists = ParcoursRoutes.privatePaths.contains(request.uri.path) || BureauRoutes.acceptsPost(request.uri.path)
        if !exists {
            do { exists = try await inner.respond(to: head, context: context).status != .notFound } catch let error as any HTTPResponseError {
                exists = error.status != .notFound
            }
        }
        guard exists else { return nil }
        let allow = Self.acceptsPost(request.uri.path) ? "GET, HEAD, POST" : "GET, HEAD"
        var response = Response.text(
            "Méthode non autorisée ici. Méthodes acceptées : \(allow).\n", status: .methodNotAllowed, contentType: ContentType.text)
        for field in SecurityHeaders.fields { response.headers[field.name] = field.value }
        response.headers[.allow] = allow
        return response
    }
}
