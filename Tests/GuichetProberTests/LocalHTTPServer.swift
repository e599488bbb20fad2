import NIOCore
import NIOPosix
import NIOHTTP1
import Foundation

/// An HTTP/1.1 server on 127.0.0.1 (a free port), answering from a table of paths, recording every request it gets
/// (path and User-Agent). The prober's tests reach nothing else.
final class LocalHTTPServer: @unchecked Sendable {
    struct Answer: Sendable {
        var status: Int = 200
        var body: String = "<!DOCTYPE html><title>accueil</title>"
        var headers: [(String, String)] = []
        /// Wait this long before answering.
        var delayMilliseconds: Int = 0
        /// Never answer.
        var hangs = false
    }

    struct Request: Sendable, Equatable {
        let path: String
        let userAgent: String?
        let method: String
    }

    private let lock = NSLock()
    private var answers: [String: Answer]
    private var received: [Request] = []
    private var channel: (any Channel)?
    let port: Int

    init(_ answers: [String: Answer]) async throws {
        self.answers = answers
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
        let holder = Holder()
        let channel = try await bootstrap.childChannelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                try channel.pipeline.syncOperations.addHandler(Handler(server: holder))
            }
        }.bind(host: "127.0.0.1", port: 0).get()
        self.channel = channel
        self.port = channel.localAddress?.port ?? 0
        holder.server = self
    }

    final class Holder: @unchecked Sendable {
        weak var server: LocalHTTPServer?
    }

    func setAnswer(_ answer: Answer, for path: String) {
        lock.withLock { answers[path] = answer }
    }

    var requests: [Request] { lock.withLock { received } }

    func answer(for request: Request) -> Answer {
        lock.withLock {
            received.append(request)
            return answers[request.path] ?? Answer(status: 404, body: "absent")
        }
    }

    func stop() async {
        try? await channel?.close()
    }

    /// A port on 127.0.0.1 where nothing listens (bound, then closed).
    static func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 1
        try await channel.close()
        return port
    }

    final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let server: Holder
        var head: HTTPRequestHead?

        init(server: Holder) {
            self.server = server
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head): self.head = head
            case .body: break
            case .end:
                guard let head, let server = server.server else { return }
                let answer = server.answer(
                    for: Request(path: head.uri, userAgent: head.headers.first(name: "User-Agent"), method: "\(head.method)"))
                if answer.hangs { return }
                let respond = { [context] in
                    var headers = HTTPHeaders(answer.headers)
                    headers.add(name: "Content-Length", value: String(answer.body.utf8.count))
                    headers.add(name: "Connection", value: "close")
                    let responseHead = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: answer.status), headers: headers)
                    context.write(self.wrapOutboundOut(.head(responseHead)), promise: nil)
                    context.write(self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: answer.body)))), promise: nil)
                    context.writeAndFlush(self.wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
                }
                if answer.delayMilliseconds > 0 {
                    context.eventLoop.scheduleTask(in: .milliseconds(Int64(answer.delayMilliseconds))) { respond() }
                } else {
                    respond()
                }
            }
        }
    }
}
