internal import NIOCore
internal import NIOHTTP1
internal import NIOHTTPTypesHTTP1

// NB (2026-11-27): Hummingbird 2.28 keeps a connection open after answering an HTTP/1.0 request that did not
// ask for keep-alive; it closes only on an explicit `Connection: close`. Text browsers such as w3m speak
// HTTP/1.0 and wait for the close, so every page hung until a timeout. These two handlers mark such requests
// with `Connection: close` before they are converted to HTTPTypes (which drops the version).

/// Installs ``HTTP10ConnectionCloseHandler`` and ``RequestHeadDeadlineHandler`` in front of the HTTP/1 → HTTPTypes
/// codec, then removes itself.
final class HTTP10ConnectionCloseInstaller: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = NIOAny

    func handlerAdded(context: ChannelHandlerContext) {
        let pipeline = context.pipeline.syncOperations
        if let codec = try? pipeline.handler(type: HTTP1ToHTTPServerCodec.self) {
            try? pipeline.addHandler(HTTP10ConnectionCloseHandler(), position: .before(codec))
            try? pipeline.addHandler(RequestHeadDeadlineHandler(), position: .before(codec))
        }
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }
}

/// Adds `Connection: close` to HTTP/1.0 requests that are not keep-alive.
final class HTTP10ConnectionCloseHandler: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        if case .head(var head) = part, head.version.major == 1, head.version.minor == 0, !head.isKeepAlive {
            head.headers.replaceOrAdd(name: "connection", value: "close")
            context.fireChannelRead(wrapInboundOut(.head(head)))
            return
        }
        context.fireChannelRead(data)
    }
}
