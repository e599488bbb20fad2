internal import Hummingbird
internal import HTTPTypes

/// Adds the security headers to every response, errors included.
///
/// No script runs on guichet's pages and no third-party origin is ever contacted: the policy says so to
/// the browser, which then refuses injected scripts, frames and foreign resources.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The headers, built once.
    static var headers: HTTPFields {
        var fields = HTTPFields()
        fields[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        for (name, value) in [
            ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY"),
            ("Cross-Origin-Opener-Policy", "same-origin"), ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
        ] {
            // The names are literals known to be valid field names.
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        fields[.crossOriginResourcePolicy] = "same-origin"
        return fields
    }

    let headers = Self.headers

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for field in headers { response.headers[field.name] = field.value }
        return response
    }
}
