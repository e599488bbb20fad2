import NIOCore
import NIOEmbedded
import NIOHTTP1
import Testing
@testable import GuichetWeb

@Suite("Web: slow clients")
struct RequestHeadDeadlineTests {
    static func connected() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel(handler: RequestHeadDeadlineHandler(timeout: .seconds(30)))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 8080)).wait()
        return channel
    }

    static var head: HTTPServerRequestPart { .head(HTTPRequestHead(version: .http1_1, method: .GET, uri: "/")) }

    @Test("a client that sends no request head within 30 s is disconnected")
    func silentClient() throws {
        let channel = try Self.connected()
        channel.embeddedEventLoop.advanceTime(by: .seconds(29))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(2))
        #expect(!channel.isActive)
    }

    @Test("neither a slow upload nor a slow answer is cut; the clock starts again once the response is written")
    func slowBodyThenIdle() throws {
        let channel = try Self.connected()
        channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        try channel.writeInbound(Self.head)
        channel.embeddedEventLoop.advanceTime(by: .seconds(120))
        #expect(channel.isActive, "a long upload is left to the idle timeout")
        try channel.writeInbound(HTTPServerRequestPart.end(nil))
        channel.embeddedEventLoop.advanceTime(by: .seconds(45))
        #expect(channel.isActive, "the server may take its time to answer")
        try channel.writeOutbound(HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: .ok)))
        try channel.writeOutbound(HTTPServerResponsePart.end(nil))
        channel.embeddedEventLoop.advanceTime(by: .seconds(29))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(2))
        #expect(!channel.isActive, "keep-alive without a next request head")
        let parts = try (0..<2).compactMap { _ in try channel.readInbound(as: HTTPServerRequestPart.self) }
        #expect(parts.count == 2, "the request went through untouched")
    }
}
