import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore

/// A route as registered: its method and path, with `{name}` for path parameters (as OpenAPI writes them).
public struct RegisteredRoute: Hashable, Sendable, CustomStringConvertible {
    public let method: String
    public let path: String

    public var description: String { "\(method) \(path)" }
}

/// Registers handlers on a router and remembers each method and path, so tests can hold the OpenAPI document
/// against what the server really answers.
final class RouteTable {
    let router: Router<BasicRequestContext>
    private(set) var routes: [RegisteredRoute] = []

    init(router: Router<BasicRequestContext>) { self.router = router }

    func add(
        _ method: HTTPRequest.Method, _ path: String,
        _ handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Response
    ) {
        router.on(RouterPath(path), method: method, use: handler)
        routes.append(RegisteredRoute(method: method.rawValue, path: path))
    }

    /// A GET route, and HEAD on the same path: the same status and headers without the body.
    func get(_ path: String, _ handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Response) {
        add(.get, path, handler)
        router.on(RouterPath(path), method: .head) { request, context in
            let response = try await handler(request, context)
            return Response(status: response.status, headers: response.headers, body: ResponseBody())
        }
    }
}
