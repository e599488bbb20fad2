internal import NIOCore
internal import NIOHTTP1

/// Closes a connection whose client does not finish sending a request head in time (a « slowloris » that trickles
/// header bytes to hold a connection open forever: the idle timeout alone never fires, since bytes keep coming).
///
/// The clock starts when the connection opens and again when a response has been written in full; it stops at
/// each request head. The time the server takes to answer is never counted, and bodies are not timed here (a
/// phone on a slow network may take minutes to upload a screenshot); a body that stops flowing is closed by the
/// idle timeout.
final class RequestHeadDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// The time a client has to send a request head.
    static let defaultTimeout = TimeAmount.seconds(30)

    let timeout: TimeAmount
    /// When the connection is closed unless a request head arrives first; nil while none is awaited.
    private var deadline: NIODeadline?
    /// The one timer of the connection. It is not moved at every response (a scheduled task costs five
    /// allocations, measured per request with perf): when it fires early, it is set again for the deadline of now.
    private var timer: Scheduled<Void>?

    init(timeout: TimeAmount = RequestHeadDeadlineHandler.defaultTimeout) {
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            deadline = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            // The next request head is due from the moment this response is on its way.
            arm(context)
        }
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stop()
    }

    private func stop() {
        timer?.cancel()
        timer = nil
        deadline = nil
    }

    private func arm(_ context: ChannelHandlerContext) {
        let due = context.eventLoop.now + timeout
        deadline = due
        if timer == nil { schedule(context, at: due) }
    }

    private func schedule(_ context: ChannelHandlerContext, at due: NIODeadline) {
        let loopBound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(deadline: due) {
            loopBound.value.handler.fire(loopBound.value.context)
        }
    }

    private func fire(_ context: ChannelHandlerContext) {
        timer = nil
        guard let deadline else { return }  // a request head came: nothing is due until its response is written
        if context.eventLoop.now >= deadline {
            context.close(promise: nil)
        } else {
            schedule(context, at: deadline)
        }
    }
}
