import HTTPTypes
import HummingbirdCore
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request the HTTP parser cannot read (a request line or headers over the parser's 80 KB, a malformed
/// request) with the API's JSON error body instead of an empty 400, then closes the connection.
///
/// Sits in the channel pipeline right after the HTTP codec: the parser's error reaches it before the server's
/// request loop, which would answer with no body.
final class ProtocolErrorResponder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        let (status, code, message): (HTTPResponse.Status, String, String)
        switch parserError {
        case .headerOverflow:
            (status, code, message) = (.init(code: 431), "request_too_large", "the request line and headers exceed 80 KB; send long selections in the body or as several requests")
        default:
            (status, code, message) = (.badRequest, "malformed_request", "the request is not valid HTTP/1.1 (\(parserError))")
        }
        let body = ByteBuffer(string: APIError(status, code, message).json)
        let head = HTTPResponse(status: status, headerFields: [
            .contentType: "application/json; charset=utf-8", .contentLength: String(body.readableBytes), .connection: "close",
        ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.close(promise: nil)
    }
}
