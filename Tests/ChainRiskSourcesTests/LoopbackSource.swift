import ChainRiskTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A loopback HTTP server on a free 127.0.0.1 port that misbehaves on request, for the fetch-safety tests: it
/// redirects (`/redirect?to=URL`; to itself without `to`), drips a body one byte per second (`/drip`), serves OData
/// pages whose next-page link a test chooses (`/TABLE/TypedDataSet`), serves a small answer (`/data/…`), and records
/// each request's path and subscription-key header.
final class LoopbackSource: @unchecked Sendable {
    static let keyHeader = "Ocp-Apim-Subscription-Key"
    private let lock = NSLock()
    private var received: [(path: String, key: String?)] = []
    private let server = LoopbackServer()
    var port: Int { server.port }
    /// The next-page link a table's pages carry, by table; nil for none. Called with the page number (`$skip`).
    let nextLink: @Sendable (_ base: String, _ table: String, _ page: Int) -> String?

    init(nextLink: @escaping @Sendable (_ base: String, _ table: String, _ page: Int) -> String? = { _, _, _ in nil }) {
        self.nextLink = nextLink
    }

    var base: String { server.base }

    /// The requests received: path with query, and the key header when one was sent.
    var requests: [(path: String, key: String?)] { lock.withLock { received } }

    /// Starts serving and returns when it listens.
    func start() async throws {
        let router = Router()
        router.get("redirect") { request, _ in
            self.record(request)
            let target = request.uri.queryParameters.get("to") ?? "/redirect"
            return Response(status: .found, headers: [.location: target])
        }
        router.get("drip") { request, _ in
            self.record(request)
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody { writer in
                    for _ in 0..<600 {
                        try await writer.write(ByteBuffer(string: " "))
                        try await Task.sleep(nanoseconds: 1_000_000_000)
                    }
                    try await writer.finish(nil)
                })
        }
        router.get("data/**") { request, _ in
            self.record(request)
            return Self.json(#"{"count":1,"data":[{"cmdCode":"4401"}],"error":""}"#)
        }
        router.get(":table/TypedDataSet") { request, context in
            self.record(request)
            let table = context.parameters.get("table") ?? ""
            let page = request.uri.queryParameters.get("$skip").flatMap(Int.init) ?? 0
            var body: [String: Any] = ["value": [["ID": page]]]
            if let link = self.nextLink(self.base, table, page) { body["odata.nextLink"] = link }
            let data =
                (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes]))
                ?? Data()
            return Self.json(String(decoding: data, as: UTF8.self))
        }
        try await server.start(router)
    }

    func stop() { server.stop() }

    private func record(_ request: Request) {
        let key = HTTPField.Name(Self.keyHeader).flatMap { request.headers[$0] }
        lock.withLock { received.append((request.uri.description, key)) }
    }

    private static func json(_ body: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}
