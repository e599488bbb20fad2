public import GuichetCore
public import GuichetStorage
public import Logging
public import ServiceLifecycle

/// How a deployment's prober behaves. Off unless built from `guichet serve --probe-platforms --probe-contact …`.
public struct ProberConfiguration: Sendable {
    /// The product token of the `User-Agent`, matched against robots.txt groups.
    public static let productToken = "guichet-observatoire"
    /// The prober's version, in its `User-Agent`.
    public static let version = "1"

    /// How to reach the deployment's operators (`mailto:…` or an `https://` page), in the `User-Agent`.
    public let contact: String
    /// At most one request per host in this many seconds (10 minutes; never less).
    public let interval: Int64
    /// How long a robots.txt is kept before it is read again (a day).
    public let robotsLifetime: Int64
    /// How long one request may take.
    public let timeout: Duration
    /// How often the service looks for a host whose turn has come.
    public let tick: Duration

    /// `contact` must be a `mailto:` address or an `http(s)://` page without spaces; `nil` otherwise (the prober is
    /// refused without a contact).
    public init?(contact: String, interval: Int64 = ProbeSchedule.interval, robotsLifetime: Int64 = 86_400,
        timeout: Duration = .seconds(10), tick: Duration = .seconds(30))
    {
        guard Self.isValidContact(contact) else { return nil }
        self.contact = contact
        self.interval = max(interval, ProbeSchedule.interval)
        self.robotsLifetime = robotsLifetime
        self.timeout = timeout
        self.tick = tick
    }

    /// A `mailto:` address with an `@`, or an `http(s)://` address; printable ASCII without spaces or parentheses.
    public static func isValidContact(_ contact: String) -> Bool {
        guard contact.utf8.count <= 200,
            contact.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "(") && $0 != UInt8(ascii: ")") })
        else { return false }
        if contact.hasPrefix("mailto:") { return contact.dropFirst(7).contains("@") && contact.count > 10 }
        return contact.hasPrefix("https://") || contact.hasPrefix("http://")
    }

    /// `guichet-observatoire/1 (+mailto:…)`.
    public var userAgent: String { Self.userAgent(contact: contact) }

    public static func userAgent(contact: String) -> String { "\(productToken)/\(version) (+\(contact))" }
}

/// Probes the platforms' public entry pages under the rules of docs/observatory.md: GET of the entry page only, no
/// redirect followed, nothing but status, time and error class kept; at most one request per host every 10 minutes,
/// taken through the store (``PlatformProbeStore/claimHost(_:now:interval:)``) so that restarts and other nodes see
/// it; robots.txt read (at most once a day per host, within a turn) and obeyed.
public actor PlatformProber {
    let platforms: [Platform]
    let store: any PlatformProbeStore
    let client: HTTPProbeClient
    let configuration: ProberConfiguration
    let now: @Sendable () -> Int64
    let logger: Logger
    /// The rules read per host, with the instant they were read.
    var robots: [String: (rules: RobotsRules, readAt: Int64)] = [:]
    /// The last probe of each platform made by this process (the store's latest at the first pass).
    var lastProbe: [Platform.ID: Int64]? = nil

    public init(
        platforms: [Platform], store: any PlatformProbeStore, configuration: ProberConfiguration,
        client: HTTPProbeClient? = nil, now: @escaping @Sendable () -> Int64, logger: Logger
    ) {
        self.platforms = platforms
        self.store = store
        self.configuration = configuration
        self.client = client ?? HTTPProbeClient(timeout: configuration.timeout)
        self.now = now
        self.logger = logger
    }

    /// One pass: every host whose turn has come (and that this node wins) gets one probe, of its platform probed
    /// longest ago. Returns the probes recorded. Failures of the store are logged; the host is then left alone.
    @discardableResult
    public func runOnce() async -> [PlatformProbe] {
        let instant = now()
        if lastProbe == nil {
            let latest = (try? await store.latestProbes()) ?? []
            lastProbe = Dictionary(latest.map { ($0.platform, $0.at) }, uniquingKeysWith: max)
        }
        let lastRequests: [String: Int64]
        do throws(StorageError) {
            lastRequests = try await store.lastRequests()
        } catch {
            logger.warning("probe store unavailable", metadata: ["error.code": "\(error.code.rawValue)"])
            return []
        }
        let due = ProbeSchedule.due(
            platforms: platforms, lastRequestByHost: lastRequests, lastProbeByPlatform: lastProbe ?? [:],
            now: instant)
        var recorded: [PlatformProbe] = []
        for platform in due {
            do throws(StorageError) {
                guard try await store.claimHost(platform.hostKey, now: instant, interval: configuration.interval) else { continue }
            } catch {
                logger.warning("probe store unavailable", metadata: ["error.code": "\(error.code.rawValue)"])
                continue
            }
            let probe = await probe(platform, at: instant)
            lastProbe?[platform.id] = instant
            do throws(StorageError) {
                try await store.record(probe)
                recorded.append(probe)
                logger.debug(
                    "platform probed",
                    metadata: ["platform.id": "\(platform.id)", "probe.outcome": "\(probe.outcomeCode)", "probe.ms": "\(probe.durationMilliseconds)"])
            } catch {
                logger.warning("probe not recorded", metadata: ["platform.id": "\(platform.id)", "error.code": "\(error.code.rawValue)"])
            }
        }
        return recorded
    }

    /// Probes one platform now (its host's turn already taken): robots.txt first when not read within a day.
    func probe(_ platform: Platform, at instant: Int64) async -> PlatformProbe {
        let agent = configuration.userAgent
        var rules = robots[platform.hostKey].flatMap { instant - $0.readAt < configuration.robotsLifetime ? $0.rules : nil }
        if rules == nil {
            switch await client.get(platform.entryURL.robotsURL, userAgent: agent, readBody: true) {
            case .answer(let status, let body, _) where (200..<300).contains(status):
                rules = RobotsRules(text: String(decoding: body ?? [], as: UTF8.self))
            case .answer(let status, _, let milliseconds) where status >= 500:
                // RFC 9309 § 2.3.1.4: a server error for robots.txt means « disallow everything »; the entry page is
                // not requested, and the host's answer is what the probe observed.
                return PlatformProbe(platform: platform.id, at: instant, outcome: .http(status: status), durationMilliseconds: milliseconds)
            case .answer:
                // 3xx (not followed) and 4xx: no usable robots.txt, everything allowed (RFC 9309 § 2.3.1.3).
                rules = .allowAll
            case .failure(let error, let milliseconds):
                // Unreachable: the entry page is not requested either; the failure is the observation.
                return PlatformProbe(platform: platform.id, at: instant, outcome: .error(error), durationMilliseconds: milliseconds)
            }
            robots[platform.hostKey] = (rules ?? .allowAll, instant)
        }
        guard (rules ?? .allowAll).allows(platform.entryURL.target, agent: ProberConfiguration.productToken) else {
            return PlatformProbe(platform: platform.id, at: instant, outcome: .robotsDisallowed, durationMilliseconds: 0)
        }
        switch await client.get(platform.entryURL, userAgent: agent, readBody: false) {
        case .answer(let status, _, let milliseconds):
            return PlatformProbe(platform: platform.id, at: instant, outcome: .http(status: status), durationMilliseconds: milliseconds)
        case .failure(let error, let milliseconds):
            return PlatformProbe(platform: platform.id, at: instant, outcome: .error(error), durationMilliseconds: milliseconds)
        }
    }
}

/// The prober as a service of the server's `ServiceGroup`: a pass every ``ProberConfiguration/tick`` until graceful
/// shutdown.
public struct PlatformProberService: Service {
    let prober: PlatformProber
    let tick: Duration

    public init(prober: PlatformProber, tick: Duration) {
        self.prober = prober
        self.tick = tick
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await prober.runOnce()
                try? await Task.sleep(for: tick)
            }
        }
    }
}
