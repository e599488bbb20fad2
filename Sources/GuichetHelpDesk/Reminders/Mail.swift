public import Foundation
internal import GuichetCore
internal import NIOCore
internal import NIOPosix

/// A plain-text email, in French, to one or more recipients.
public struct MailMessage: Sendable, Equatable {
    public var from: String
    public var to: [String]
    public var subject: String
    public var body: String
    /// `<…@host>`: unique per message.
    public var messageID: String
    public var date: Date

    public init(from: String, to: [String], subject: String, body: String, messageID: String, date: Date) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.messageID = messageID
        self.date = date
    }

    /// The message as RFC 5322 text with CRLF line ends: UTF-8 headers encoded as RFC 2047 words, the body in base64
    /// (so any relay carries it, 8BITMIME or not).
    public var rfc5322: String {
        var lines = [
            "From: \(from)", "To: \(to.joined(separator: ", "))", "Subject: \(Self.encodedWord(subject))",
            "Date: \(Self.rfc5322Date(date))", "Message-ID: \(messageID)", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64", "",
        ]
        let encoded = Data(body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
            .base64EncodedString()
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let end = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<end]))
            index = end
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The text as RFC 2047 encoded words (each at most 75 characters: 45 bytes of UTF-8, cut between characters),
    /// folded onto continuation lines; plain ASCII text is left as it is.
    static func encodedWord(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    /// `Thu, 03 Dec 2026 10:00:00 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = LocalDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - day.daysSinceEpoch * 86_400
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(weekdays[day.isoWeekday - 1]), \(two(day.day)) \(months[day.month - 1]) \(day.year) "
            + "\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60)) +0000"
    }
}

/// Why a message was not handed to the relay. Carries no address or content: it can be logged.
public struct MailError: Error, Sendable, Equatable, CustomStringConvertible {
    public let stage: String
    public let reply: Int?

    public var description: String { "MailError(stage: \(stage), reply: \(reply.map(String.init) ?? "none"))" }
}

/// Sends messages somewhere: SMTP in production, a recorder in tests.
public protocol Mailer: Sendable {
    func send(_ message: MailMessage) async throws(MailError)
}

/// SMTP to a relay (RFC 5321): `EHLO`, `MAIL FROM`, `RCPT TO`, `DATA`, `QUIT`, without TLS or authentication — the
/// relay is the machine's own MTA or one on the private network, which delivers onwards (see docs/helpdesk.md).
public struct SMTPMailer: Mailer {
    public let host: String
    public let port: Int
    /// The name given in `EHLO`.
    public let heloName: String
    public let timeout: Duration

    public init(host: String, port: Int = 25, heloName: String = "guichet", timeout: Duration = .seconds(30)) {
        self.host = host
        self.port = port
        self.heloName = heloName
        self.timeout = timeout
    }

    public func send(_ message: MailMessage) async throws(MailError) {
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await self.converse(message) }
                group.addTask {
                    try await Task.sleep(for: self.timeout)
                    throw MailError(stage: "timeout", reply: nil)
                }
                try await group.next()
                group.cancelAll()
            }
        } catch let error as MailError {
            throw error
        } catch {
            throw MailError(stage: "connect", reply: nil)
        }
    }

    func converse(_ message: MailMessage) async throws {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var replies = ReplyReader(iterator: inbound.makeAsyncIterator())
            func command(_ line: String?, stage: String, expect: Set<Int>) async throws {
                if let line { try await outbound.write(ByteBuffer(string: line + "\r\n")) }
                let code = try await replies.next()
                guard expect.contains(code) else { throw MailError(stage: stage, reply: code) }
            }
            try await command(nil, stage: "greeting", expect: [220])
            try await command("EHLO \(heloName)", stage: "ehlo", expect: [250])
            try await command("MAIL FROM:<\(Self.address(message.from))>", stage: "mail", expect: [250])
            for recipient in message.to {
                try await command("RCPT TO:<\(Self.address(recipient))>", stage: "rcpt", expect: [250, 251])
            }
            try await command("DATA", stage: "data", expect: [354])
            // Dot-stuffing (RFC 5321 §4.5.2): a line starting with "." gets another.
            let text = message.rfc5322.split(separator: "\r\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
            try await command(text + ".", stage: "message", expect: [250])
            try await command("QUIT", stage: "quit", expect: [221])
        }
    }

    /// The address inside `Name <address>`, or the whole text.
    static func address(_ text: String) -> String {
        if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            return String(text[text.index(after: open)..<close])
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Reads SMTP replies (`250-…` continuation lines, then `250 …`) and gives their code.
    struct ReplyReader {
        var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        var pending: [UInt8] = []

        mutating func line() async throws -> String {
            while true {
                if let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: pending[..<end], as: UTF8.self).trimmingCharacters(in: .newlines)
                    pending.removeSubrange(...end)
                    return line
                }
                guard pending.count < 64 * 1024, let buffer = try await iterator.next() else {
                    throw MailError(stage: "read", reply: nil)
                }
                pending += Array(buffer.readableBytesView)
            }
        }

        mutating func next() async throws -> Int {
            while true {
                let line = try await line()
                guard line.count >= 3, let code = Int(line.prefix(3)) else { throw MailError(stage: "reply", reply: nil) }
                if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] != "-" { return code }
            }
        }
    }
}
