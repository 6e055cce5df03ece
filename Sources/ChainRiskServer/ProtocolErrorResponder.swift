import HTTPTypes
import HummingbirdCore
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request the HTTP parser cannot read (a request line or headers over the parser's 80 KB, a malformed
/// request) with the API's JSON error body instead of an empty 400, then closes the connection.
///
/// The close lingers: the answer is followed by a half-close, and what the client still sends (the rest of 3,000
/// headers) is read and dropped for up to two seconds. Closing with unread bytes would reset the connection, and a
/// reset can discard the answer before the client reads it.
///
/// Sits in the channel pipeline right after the HTTP codec: the parser's error reaches it before the server's
/// request loop, which would answer with no body.
final class ProtocolErrorResponder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    /// Seconds the connection stays open for reading after the answer.
    static let linger: Int64 = 2
    /// Set once the error is answered: whatever follows is dropped.
    private var answered = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !answered else { return }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        guard !answered else { return }
        answered = true
        let (status, code, message): (HTTPResponse.Status, String, String)
        switch parserError {
        case .headerOverflow:
            (status, code, message) = (
                .init(code: 431), "request_too_large",
                "the request line and headers exceed 80 KB; send long selections in the body or as several requests"
            )
        default:
            (status, code, message) = (
                .badRequest, "malformed_request", "the request is not valid HTTP/1.1 (\(parserError))"
            )
        }
        let body = ByteBuffer(string: APIError(status, code, message).json)
        let head = HTTPResponse(
            status: status,
            headerFields: [
                .contentType: "application/json; charset=utf-8", .contentLength: String(body.readableBytes),
                .connection: "close",
            ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            channel.close(mode: .output).whenFailure { _ in channel.close(promise: nil) }
            channel.eventLoop.scheduleTask(in: .seconds(Self.linger)) { channel.close(promise: nil) }
        }
    }
}
