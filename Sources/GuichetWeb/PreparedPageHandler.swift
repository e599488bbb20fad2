internal import NIOCore
internal import NIOHTTPTypes
internal import HTTPTypes
internal import HummingbirdCore
internal import Dispatch
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Answers the requests for pages the router has already served from a page cache (``PreparedPages``) on the
/// event loop, from header fields and bytes prepared once; every other request goes on to Hummingbird untouched.
///
/// Measured (docs/benchmarks.md): the cost of a cached page was the way from the channel to the router and back —
/// the hop to a task, the request and its context, the router, the middleware chain, the response — not the bytes.
///
/// It sits behind Hummingbird's `HTTPConnectionStateHandler` (idle timeout, graceful shutdown), which therefore
/// counts the requests answered here like any other, and in front of the `NIOAsyncChannel` that feeds the router;
/// ``RequestHeadDeadlineHandler`` and ``HTTP10ConnectionCloseHandler`` are further towards the socket and see every
/// request and response. Answers keep the order of the requests: while a request handed to Hummingbird has not
/// been answered in full, the requests behind it (pipelined) go to Hummingbird too, which answers in order. A
/// connection whose client does not read (not writable) is left to Hummingbird's back-pressure as well.
final class PreparedPageHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let pages: PreparedPages
    /// Hummingbird's `Server` header value (`ApplicationConfiguration.serverName`).
    let serverName: String?
    /// Requests handed to Hummingbird whose response has not ended yet.
    private var forwarded = 0
    /// The request answered here has parts still to come (its end), which are dropped.
    private var isDroppingRequest = false
    private var needsFlush = false
    private var date = HTTPDate()
    /// The last response head written, for its second: a client asking for the same page again and again gets the
    /// same head without building it anew (measured: copying the fields to add `Date` cost two allocations).
    private var last: (fields: HTTPFields, status: HTTPResponse.Status, second: Int, head: HTTPResponse)?

    init(pages: PreparedPages, serverName: String?) {
        self.pages = pages
        self.serverName = serverName
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            let started = DispatchTime.now().uptimeNanoseconds
            if forwarded == 0, context.channel.isWritable, let answer = pages.answer(request) {
                write(answer, context: context)
                pages.record(answer, method: request.method, started: started)
                isDroppingRequest = true
                return
            }
            forwarded += 1
            context.fireChannelRead(data)
        case .body:
            if isDroppingRequest { return }
            context.fireChannelRead(data)
        case .end:
            if isDroppingRequest {
                isDroppingRequest = false
                return
            }
            context.fireChannelRead(data)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if needsFlush {
            needsFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), forwarded > 0 { forwarded -= 1 }
        context.write(data, promise: promise)
    }

    /// Writes the parts Hummingbird would write for the same response: head, body (a `GET` with `200`), end.
    private func write(_ answer: PreparedPages.Answer, context: ChannelHandlerContext) {
        let (second, text) = date.now()
        let head: HTTPResponse
        // In order, field by field: `==` on HTTPFields ignores the interleaving of different names.
        if let last, last.second == second, last.status == answer.status, last.fields.elementsEqual(answer.fields) {
            head = last.head
        } else {
            var fields = answer.fields
            // Where Hummingbird's application sets them, after the route's fields.
            fields.append(HTTPField(name: .date, value: text))
            if let serverName { fields.append(HTTPField(name: .server, value: serverName)) }
            head = HTTPResponse(status: answer.status, headerFields: fields)
            last = (answer.fields, answer.status, second, head)
        }
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if let body = answer.body { context.write(wrapOutboundOut(.body(body)), promise: nil) }
        context.write(wrapOutboundOut(.end(nil)), promise: nil)
        needsFlush = true
    }
}

/// Puts a ``PreparedPageHandler`` right behind Hummingbird's `HTTPConnectionStateHandler` once the pipeline is
/// complete, then removes itself. Hummingbird adds its `additionalChannelHandlers` before that handler, so the
/// place exists only when the channel becomes active (or, at the latest, when the first request arrives).
final class PreparedPageInstaller: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    let pages: PreparedPages
    let serverName: String?
    private var isDone = false

    init(pages: PreparedPages, serverName: String?) {
        self.pages = pages
        self.serverName = serverName
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { install(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        install(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        install(context)
        context.fireChannelRead(data)
    }

    private func install(_ context: ChannelHandlerContext) {
        let pipeline = context.pipeline.syncOperations
        // Without the state handler (not yet added) there is nowhere right to go: wait for the next event.
        guard !isDone, let state = try? pipeline.handler(type: HTTPConnectionStateHandler.self) else { return }
        isDone = true
        try? pipeline.addHandler(PreparedPageHandler(pages: pages, serverName: serverName), position: .after(state))
        pipeline.removeHandler(context: context, promise: nil)
    }
}

/// The `Date` header value (RFC 9110 IMF-fixdate, `Thu, 03 Dec 2026 14:05:09 GMT`), formatted once per second.
struct HTTPDate {
    private var second = -1
    private var text = ""

    /// The current second since 1970 and its header value.
    mutating func now() -> (second: Int, text: String) {
        let now = Int(time(nil))
        if now != second {
            second = now
            text = Self.format(now)
        }
        return (second, text)
    }

    static func format(_ secondsSinceEpoch: Int) -> String {
        let days = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400
        let rest = secondsSinceEpoch - days * 86_400
        // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(weekdays[weekday]), \(two(day)) \(months[month - 1]) \(year) \(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60)) GMT"
    }
}
