/// Where `guichet serve` exposes its metrics; off unless asked for.
///
/// - `--metrics-port` / `$GUICHET_METRICS_PORT` (no default): a listener of its own that serves only
///   `GET /metrics`, on `--metrics-host` / `$GUICHET_METRICS_HOST` (default: the server's `--host`).
/// - `$GUICHET_METRICS_TOKEN` (a secret, no default; environment only, so that `ps` does not show it): also
///   `/metrics` on the site's port for `Authorization: Bearer <token>`; at least 16 characters, letters, digits and
///   `-._~+/=` only.
///
/// With neither, nothing is measured and `/metrics` is a 404 everywhere.
struct MetricsSetting {
    /// The metrics listener's address, when it has one.
    var listener: (host: String, port: Int)?
    /// The bearer token of `/metrics` on the site's port.
    var token: String?

    var isEnabled: Bool { listener != nil || token != nil }

    static func resolve(
        host: String?, port: Int?, serverHost: String, serverPort: Int, environment: [String: String]
    ) throws(CLIError) -> MetricsSetting {
        var setting = MetricsSetting()
        let portText = port.map(String.init) ?? environment["GUICHET_METRICS_PORT"].flatMap { $0.isEmpty ? nil : $0 }
        if let portText {
            guard let port = Int(portText), (1...65535).contains(port) else {
                throw CLIError("port des métriques invalide : \(portText)")
            }
            let metricsHost = host ?? environment["GUICHET_METRICS_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? serverHost
            guard port != serverPort || metricsHost != serverHost else {
                throw CLIError("le port des métriques doit différer de celui du site (\(serverPort))")
            }
            setting.listener = (metricsHost, port)
        }
        if let token = environment["GUICHET_METRICS_TOKEN"], !token.isEmpty {
            let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~+/=".utf8)
            guard token.utf8.count >= 16, token.utf8.allSatisfy(allowed.contains) else {
                throw CLIError("GUICHET_METRICS_TOKEN : au moins 16 caractères, lettres, chiffres et -._~+/= seulement")
            }
            setting.token = token
        }
        return setting
    }
}
