/// One request of a platform's public entry page by the prober: when, what came back, how long it took. Nothing
/// else is kept: no body, no header, no address of the prober.
public struct PlatformProbe: Hashable, Sendable {
    /// Why a request got no HTTP answer, in a few stable words (the data's `erreur` column).
    public enum ErrorClass: String, Sendable, CaseIterable, Hashable {
        /// No answer within the prober's time limit.
        case timeout
        /// The host refused the connection.
        case connectionRefused = "connexion-refusee"
        /// The host name did not resolve.
        case dns
        /// The TLS handshake failed (certificate, protocol).
        case tls
        /// The connection was cut before a whole answer head arrived.
        case connectionReset = "connexion-coupee"
        /// Something that is not an HTTP/1.x answer came back.
        case invalidResponse = "reponse-invalide"
        /// Anything else.
        case other = "autre"

        /// French, for the pages and the certificate.
        public var frenchLabel: String {
            switch self {
            case .timeout: "pas de réponse dans le délai"
            case .connectionRefused: "connexion refusée"
            case .dns: "nom de domaine introuvable"
            case .tls: "échec de la connexion chiffrée (TLS)"
            case .connectionReset: "connexion coupée"
            case .invalidResponse: "réponse illisible"
            case .other: "autre erreur"
            }
        }
    }

    /// What the probe observed.
    public enum Outcome: Hashable, Sendable {
        /// The entry page answered with this HTTP status (a redirection is recorded as such, never followed).
        case http(status: Int)
        /// No HTTP answer.
        case error(ErrorClass)
        /// The host's robots.txt disallows the entry page for the prober: nothing was requested.
        case robotsDisallowed
    }

    /// How an outcome counts for incidents.
    public enum Verdict: String, Sendable, Hashable {
        /// The site answered (any status below 500, a redirection included).
        case up
        /// A server error (5xx) or no answer at all.
        case down
        /// Not probed (robots.txt): counts neither way.
        case notProbed
    }

    public let platform: Platform.ID
    /// Unix seconds, when the request was sent.
    public let at: Int64
    public let outcome: Outcome
    /// From sending the request to the end of the answer's head (or to the error), in milliseconds.
    public let durationMilliseconds: Int

    public init(platform: Platform.ID, at: Int64, outcome: Outcome, durationMilliseconds: Int) {
        self.platform = platform
        self.at = at
        self.outcome = outcome
        self.durationMilliseconds = max(0, durationMilliseconds)
    }

    public var verdict: Verdict {
        switch outcome {
        case .http(let status): status >= 500 ? .down : .up
        case .error: .down
        case .robotsDisallowed: .notProbed
        }
    }

    /// The outcome in the words of the open data and the certificate: `http-200`, `erreur-timeout`, `robots-interdit`.
    public var outcomeCode: String {
        switch outcome {
        case .http(let status): "http-\(status)"
        case .error(let error): "erreur-" + error.rawValue
        case .robotsDisallowed: "robots-interdit"
        }
    }

    /// Reads ``outcomeCode``.
    public static func outcome(code: String) -> Outcome? {
        if code == "robots-interdit" { return .robotsDisallowed }
        if code.hasPrefix("http-"), let status = Int(code.dropFirst(5)), (100...599).contains(status) { return .http(status: status) }
        if code.hasPrefix("erreur-"), let error = ErrorClass(rawValue: String(code.dropFirst(7))) { return .error(error) }
        return nil
    }

    /// French, for the pages: « réponse HTTP 200 », « connexion refusée », « non sondée (robots.txt) ».
    public var frenchOutcome: String {
        switch outcome {
        case .http(let status): "réponse HTTP \(status)"
        case .error(let error): error.frenchLabel
        case .robotsDisallowed: "non sondée : robots.txt l'interdit"
        }
    }
}

/// A robots.txt file as the prober reads it (RFC 9309): the groups that name the prober's product token, else the
/// `*` group; within them the longest matching `Allow`/`Disallow` rule decides, `Allow` winning a tie. `*` and `$`
/// in rules are supported. Pure.
public struct RobotsRules: Sendable, Hashable {
    struct Rule: Sendable, Hashable {
        let isAllow: Bool
        let pattern: String
    }

    struct Group: Sendable, Hashable {
        var agents: [String] = []
        var rules: [Rule] = []
    }

    let groups: [Group]

    /// Everything allowed (no robots.txt, or a 4xx for it, as RFC 9309 § 2.3.1.3 says).
    public static let allowAll = RobotsRules(groups: [])
    /// Everything disallowed (robots.txt unreachable or a 5xx: RFC 9309 § 2.3.1.4 says assume complete disallow).
    public static let disallowAll = RobotsRules(groups: [Group(agents: ["*"], rules: [Rule(isAllow: false, pattern: "/")])])

    init(groups: [Group]) {
        self.groups = groups
    }

    /// Parses the text of a robots.txt (unknown lines are ignored).
    public init(text: String) {
        var groups: [Group] = []
        var current: Group? = nil
        var lastWasAgent = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingSpaces().lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces()
            switch key {
            case "user-agent":
                if !lastWasAgent {
                    if let current { groups.append(current) }
                    current = Group()
                }
                current?.agents.append(value.lowercased())
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                guard current != nil else { continue }
                // An empty Disallow allows everything: no rule.
                if value.isEmpty { continue }
                current?.rules.append(Rule(isAllow: key == "allow", pattern: value))
            default:
                lastWasAgent = false
            }
        }
        if let current { groups.append(current) }
        self.groups = groups
    }

    /// Whether `path` (with its query) may be requested by the product token `agent` (compared case-insensitively).
    public func allows(_ path: String, agent: String) -> Bool {
        let token = agent.lowercased()
        var chosen = groups.filter { $0.agents.contains(token) }
        if chosen.isEmpty { chosen = groups.filter { $0.agents.contains("*") } }
        let rules = chosen.flatMap(\.rules)
        var best: Rule? = nil
        for rule in rules where Self.matches(rule.pattern, path) {
            guard let current = best else {
                best = rule
                continue
            }
            if rule.pattern.count > current.pattern.count || (rule.pattern.count == current.pattern.count && rule.isAllow) {
                best = rule
            }
        }
        return best?.isAllow ?? true
    }

    /// `*` matches any run of characters; a final `$` anchors at the end; otherwise a prefix match.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        var pattern = Array(pattern.unicodeScalars)
        let anchored = pattern.last == "$"
        if anchored { pattern.removeLast() }
        let text = Array(path.unicodeScalars)
        func match(_ p: Int, _ t: Int) -> Bool {
            if p == pattern.count { return !anchored || t == text.count }
            if pattern[p] == "*" {
                var next = t
                while next <= text.count {
                    if match(p + 1, next) { return true }
                    next += 1
                }
                return false
            }
            guard t < text.count, text[t] == pattern[p] else { return false }
            return match(p + 1, t + 1)
        }
        return match(0, 0)
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        var view = self[...]
        while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return String(view)
    }
}

/// When each host may be probed again: at most one request to a host every ``interval`` (10 minutes), all its
/// platforms and its robots.txt together. Pure; the prober keeps the instants (and the store shares them between
/// nodes).
public enum ProbeSchedule {
    /// 10 minutes, in seconds.
    public static let interval: Int64 = 600

    /// The platforms to probe `now`: for each host whose last request is at least ``interval`` old (or never), the
    /// host's platform probed longest ago (never probed first, then by id), so that platforms sharing a host take
    /// turns.
    public static func due(
        platforms: [Platform], lastRequestByHost: [String: Int64], lastProbeByPlatform: [Platform.ID: Int64], now: Int64
    ) -> [Platform] {
        let byHost = Dictionary(grouping: platforms, by: \.hostKey)
        var due: [Platform] = []
        for host in byHost.keys.sorted() {
            if let last = lastRequestByHost[host], now - last < interval { continue }
            let candidates = byHost[host] ?? []
            if let next = candidates.min(by: { a, b in
                (lastProbeByPlatform[a.id] ?? Int64.min, a.id) < (lastProbeByPlatform[b.id] ?? Int64.min, b.id)
            }) {
                due.append(next)
            }
        }
        return due
    }
}
