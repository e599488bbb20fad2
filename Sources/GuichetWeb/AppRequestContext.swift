public import Hummingbird
public import NIOCore

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
