import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import LuoshiDomain

/// A plain-text UTF-8 email, rendered as RFC 5322 with MIME headers: the subject as an RFC 2047
/// encoded word, the body in base64, so any Chinese text passes every mail server intact.
struct EmailMessage: Sendable {
    var from: String
    var to: String
    var subject: String
    var body: String
    var date: Date
    var messageID: String

    /// The message as sent after DATA, with CRLF line ends (without the final ".").
    func rendered() -> String {
        let dateFormatter = DateFormatter()
        dateFormatter.locale = Locale(identifier: "en_US_POSIX")
        dateFormatter.timeZone = TimeZone(identifier: "UTC")
        dateFormatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let encodedBody = Data(body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let lines = [
            "From: \(from)",
            "To: \(to)",
            "Subject: \(Self.encodedWord(subject))",
            "Date: \(dateFormatter.string(from: date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            encodedBody,
        ]
        return lines.joined(separator: "\r\n")
    }

    /// RFC 2047 "B" encoded words (at most 39 bytes of text each, so a folded header line stays
    /// within 78 characters), split on character boundaries.
    static func encodedWord(_ text: String) -> String {
        var words: [String] = []
        var chunk = ""
        for character in text {
            if (chunk + String(character)).utf8.count > 39 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }
}

/// Sends one message per connection over SMTP (RFC 5321): EHLO, AUTH PLAIN when configured
/// (only over TLS), MAIL FROM, RCPT TO, DATA, QUIT. Every reply is checked; a refusal, a
/// timeout or a dropped connection throws with the server's words.
struct SMTPClient: Sendable {
    var settings: SMTPSettings
    var eventLoopGroup: any EventLoopGroup
    var timeout: TimeAmount = .seconds(30)

    func send(_ message: EmailMessage) async throws {
        guard EmailAddress.isValid(message.to), EmailAddress.isValid(message.from) else {
            throw ReminderDeliveryError("refused to send to the address \"\(message.to)\"")
        }
        let settings = settings
        let channel = try await ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(.seconds(10))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if settings.tls {
                        let context = try NIOSSLContext(configuration: .makeClientConfiguration())
                        let isAddress = (try? SocketAddress(ipAddress: settings.host, port: 0)) != nil
                        try channel.pipeline.syncOperations.addHandler(
                            try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : settings.host))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let deadline = NIODeadline.now() + timeout
        let timer = channel.channel.eventLoop.scheduleTask(deadline: deadline) { channel.channel.close(promise: nil) }
        defer { timer.cancel() }
        try await channel.executeThenClose { inbound, outbound in
            var replies = SMTPReplyReader(inbound.makeAsyncIterator())
            func command(_ line: String?, expect codes: Set<Int>) async throws {
                if let line { try await outbound.write(ByteBuffer(string: line + "\r\n")) }
                let reply = try await replies.next()
                guard codes.contains(reply.code) else {
                    let what = line.map { $0.hasPrefix("AUTH") ? "AUTH" : $0 } ?? "greeting"
                    throw ReminderDeliveryError("the mail server answered \(reply.code) \(reply.text) to \(what)")
                }
            }
            try await command(nil, expect: [220])
            try await command("EHLO \(settings.heloName)", expect: [250])
            if let username = settings.username, let password = settings.password {
                let credentials = Data("\u{0}\(username)\u{0}\(password)".utf8).base64EncodedString()
                try await command("AUTH PLAIN \(credentials)", expect: [235])
            }
            try await command("MAIL FROM:<\(message.from)>", expect: [250])
            try await command("RCPT TO:<\(message.to)>", expect: [250, 251])
            try await command("DATA", expect: [354])
            // Dot-stuffing (RFC 5321 4.5.2): base64 lines never start with ".", headers might.
            let data = message.rendered().split(separator: "\r\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
            try await command(data + "\r\n.", expect: [250])
            try? await command("QUIT", expect: [221])
        }
    }
}

/// Reads SMTP replies ("250-first line", …, "250 last line") from a byte stream.
struct SMTPReplyReader {
    struct Reply {
        var code: Int
        var text: String
    }

    private var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private var pending = ""

    init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) {
        self.iterator = iterator
    }

    mutating func next() async throws -> Reply {
        var lines: [String] = []
        while true {
            let line = try await nextLine()
            lines.append(line)
            let scalars = Array(line.utf8)
            if scalars.count < 4 || scalars[3] != UInt8(ascii: "-") {
                guard let code = Int(line.prefix(3)) else { throw ReminderDeliveryError("the mail server sent \"\(line.prefix(80))\"") }
                return Reply(code: code, text: lines.map { String($0.dropFirst(4)) }.joined(separator: " "))
            }
        }
    }

    private mutating func nextLine() async throws -> String {
        while true {
            if let end = pending.range(of: "\r\n") {
                let line = String(pending[..<end.lowerBound])
                pending.removeSubrange(..<end.upperBound)
                return line
            }
            guard pending.utf8.count < 64 * 1024, var buffer = try await iterator.next() else {
                throw ReminderDeliveryError("the mail server closed the connection")
            }
            pending += buffer.readString(length: buffer.readableBytes) ?? ""
        }
    }
}
