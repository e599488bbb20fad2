internal import Hummingbird
internal import HTTPTypes

/// The security headers of every response.
///
/// No script runs on guichet's pages and no third-party origin is ever contacted: the policy says so to
/// the browser, which then refuses injected scripts, frames and foreign resources.
enum SecurityHeaders {
    /// The fields, built once.
    static let fields: HTTPFields = {
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
    }()
}

/// Adds the security headers to every response, errors included. Cached pages carry them already
/// (built once with the page), so they are not set again field by field.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard response.headers[.contentSecurityPolicy] == nil else { return response }
        for field in SecurityHeaders.fields { response.headers[field.name] = field.value }
        return response
    }
}
