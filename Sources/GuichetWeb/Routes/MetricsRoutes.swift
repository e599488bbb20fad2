internal import Hummingbird
internal import HTTPTypes

/// `GET /metrics` (Prometheus text format) on the site's own port, for a scraper that sends
/// `Authorization: Bearer <token>`. Registered only when a token is configured; to anybody else (no header, another
/// token) the address answers the site's ordinary 404, as if it did not exist.
struct MetricsRoutes: Sendable {
    let metrics: SiteMetrics
    let token: String

    func register(on router: Router<AppRequestContext>) {
        router.get("/metrics") { request, _ in
            guard Self.isAuthorized(request.headers[.authorization], token: token) else { throw HTTPError(.notFound) }
            return metrics.response()
        }
    }

    /// Whether `header` is `Bearer <token>` (the scheme in any case, RFC 9110); compares every byte of the token,
    /// whatever the first difference.
    static func isAuthorized(_ header: String?, token: String) -> Bool {
        guard let header, header.utf8.count > 7, header.prefix(7).lowercased() == "bearer ", !token.isEmpty else { return false }
        let given = Array(header.utf8.dropFirst(7))
        let expected = Array(token.utf8)
        guard given.count == expected.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(given, expected) { difference |= a ^ b }
        return difference == 0
    }
}
