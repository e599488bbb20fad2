public import GuichetCore
internal import NIOCore
internal import NIOPosix
internal import NIOHTTP1
internal import NIOSSL
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A small HTTP/1.1 GET client on NIO, for the prober only: one request per connection (`Connection: close`), no
/// redirect followed, no cookie, no body sent. For an entry page only the answer's status line is read, then the
/// connection is closed; for a robots.txt the body is read up to a limit.
public struct HTTPProbeClient: Sendable {
    /// What one request gave.
    public enum Result: Sendable, Equatable {
        /// An HTTP answer: its status and, when asked for, its body (up to the limit).
        case answer(status: Int, body: [UInt8]?, milliseconds: Int)
        /// No HTTP answer.
        case failure(PlatformProbe.ErrorClass, milliseconds: Int)
    }

    /// The longest a request may take, connection included.
    public let timeout: Duration
    /// The largest body kept (robots.txt): 500 KiB, the limit RFC 9309 § 2.5 lets a crawler set.
    public let bodyLimit: Int
    let group: any EventLoopGroup
    let tls: NIOSSLContext?

    /// A client on NIO's shared event loops, trusting the system's certificates.
    public init(timeout: Duration = .seconds(10), bodyLimit: Int = 500 * 1024) {
        self.timeout = timeout
        self.bodyLimit = bodyLimit
        self.group = MultiThreadedEventLoopGroup.singleton
        self.tls = try? NIOSSLContext(configuration: .makeClientConfiguration())
    }

    /// GETs `url` with `userAgent`; `readBody`: keep the body (robots.txt), else stop at the status line.
    public func get(_ url: ProbeURL, userAgent: String, readBody: Bool) async -> Result {
        let started = ContinuousClock.now
        func elapsed() -> Int {
            let duration = ContinuousClock.now - started
            return Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
        }
        let eventLoop = group.next()
        let promise = eventLoop.makePromise(of: (Int, [UInt8]?).self)
        let handler = ProbeResponseHandler(promise: promise, readBody: readBody, bodyLimit: bodyLimit)
        let tls = self.tls
        let limit = TimeAmount.nanoseconds(timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
        let timeoutTask = eventLoop.scheduleTask(in: limit) {
            promise.fail(ProbeTimeout())
        }
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(limit)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if url.isSecure {
                        guard let tls else { throw ProbeTLSUnavailable() }
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: url.host))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
        var channel: (any Channel)? = nil
        do {
            let connected = try await bootstrap.connect(host: url.host, port: url.port).get()
            channel = connected
            var headers = HTTPHeaders()
            headers.add(name: "Host", value: url.hostHeader)
            headers.add(name: "User-Agent", value: userAgent)
            headers.add(name: "Accept", value: readBody ? "text/plain" : "text/html")
            headers.add(name: "Connection", value: "close")
            let head = HTTPRequestHead(version: .http1_1, method: .GET, uri: url.target, headers: headers)
            connected.write(HTTPClientRequestPart.head(head), promise: nil)
            connected.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
            let (status, body) = try await promise.futureResult.get()
            timeoutTask.cancel()
            connected.close(promise: nil)
            return .answer(status: status, body: body, milliseconds: elapsed())
        } catch {
            timeoutTask.cancel()
            promise.fail(error)
            channel?.close(promise: nil)
            return .failure(Self.classify(error), milliseconds: elapsed())
        }
    }

    /// The error class of what NIO threw.
    static func classify(_ error: any Error) -> PlatformProbe.ErrorClass {
        if error is ProbeTimeout { return .timeout }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return .timeout
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed: return .connectionReset
            default: return .other
            }
        }
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.isEmpty && (error.dnsAError != nil || error.dnsAAAAError != nil) { return .dns }
            if let first = error.connectionErrors.first?.error { return classify(first) }
            return .other
        }
        if error is SocketAddressError { return .dns }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED: return .connectionRefused
            case ECONNRESET, EPIPE: return .connectionReset
            case ETIMEDOUT: return .timeout
            default: return .other
            }
        }
        if error is NIOSSLError || error is BoringSSLError || error is ProbeTLSUnavailable { return .tls }
        if error is HTTPParserError { return .invalidResponse }
        if error is ProbeConnectionClosed { return .connectionReset }
        return .other
    }
}

struct ProbeTimeout: Error {}
struct ProbeTLSUnavailable: Error {}
struct ProbeConnectionClosed: Error {}

/// Reads one answer: completes the promise with the status (and the body when asked), once.
final class ProbeResponseHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPClientResponsePart

    let promise: EventLoopPromise<(Int, [UInt8]?)>
    let readBody: Bool
    let bodyLimit: Int
    // Touched on the channel's event loop only.
    var status: Int? = nil
    var body: [UInt8] = []
    var isDone = false

    init(promise: EventLoopPromise<(Int, [UInt8]?)>, readBody: Bool, bodyLimit: Int) {
        self.promise = promise
        self.readBody = readBody
        self.bodyLimit = bodyLimit
    }

    func finish(_ context: ChannelHandlerContext, _ result: Swift.Result<(Int, [UInt8]?), any Error>) {
        guard !isDone else { return }
        isDone = true
        promise.completeWith(result)
        context.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
            if !readBody { finish(context, .success((Int(head.status.code), nil))) }
        case .body(let buffer):
            guard readBody, !isDone else { return }
            let room = bodyLimit - body.count
            if room > 0 { body += buffer.getBytes(at: buffer.readerIndex, length: min(room, buffer.readableBytes)) ?? [] }
        case .end:
            if let status { finish(context, .success((status, readBody ? body : nil))) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        finish(context, .failure(error))
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let status, readBody {
            // A body cut by the server's close (no length given): what arrived is the body.
            finish(context, .success((status, body)))
        } else {
            finish(context, .failure(ProbeConnectionClosed()))
        }
        context.fireChannelInactive()
    }
}
