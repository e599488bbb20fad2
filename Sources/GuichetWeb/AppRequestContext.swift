public import Hummingbird
public import NIOCore
internal import Logging

/// The request context of every guichet route: Hummingbird's core context plus the peer address, which the
/// rate limits of the private files need.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The address of the TCP peer (`nil` when the router is driven without a socket, as in tests).
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }
}

extension AppRequestContext {
    /// The context of a request the server makes to itself before it listens (``PageWarmUp``): no peer.
    init(warmUp logger: Logger) {
        self.coreContext = .init(source: WarmUpSource(logger: logger))
        self.remoteAddress = nil
    }
}

/// The source of ``AppRequestContext/init(warmUp:)``.
struct WarmUpSource: RequestContextSource {
    let logger: Logger
}
