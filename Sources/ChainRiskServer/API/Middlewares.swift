import ChainRiskCore
import ChainRiskReport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// One structured log line per request: method, path, status, bytes and duration.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        guard logger.logLevel <= .info else { return response }
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "path": .string(request.uri.path),
                "status": .stringConvertible(response.status.code),
                "duration_ms": .string(NumberFormat.fixed(milliseconds, decimals: 2, grouping: false)),
            ])
        return response
    }
}

/// HTTP semantics every route shares: a method a path does not answer gets 405 with that path's `Allow` (not 404),
/// and every response says how browsers may treat it — a Content-Security-Policy that allows nothing from elsewhere (pages are
/// self-contained: inline SVG, CSS and scripts), no MIME sniffing, no framing, no referrer beyond the origin.
struct HTTPSemanticsMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    /// The registered routes, filled in once they are all registered (middleware goes in before them).
    let routes: RouteIndex
    static let contentSecurityPolicy =
        "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response: Response
        let methods = routes.methods(for: request.uri.path)
        if methods.isEmpty || methods.contains(request.method.rawValue) {
            response = try await next(request, context)
        } else {
            let allowed = methods.joined(separator: ", ")
            let failure = APIError(
                .methodNotAllowed, "method_not_allowed",
                "\(request.uri.path) answers \(allowed), not \(request.method.rawValue)")
            response =
                request.uri.path.hasPrefix("/api/")
                ? Response.json(failure.json, status: failure.status)
                : .html(DashboardLayout.errorPage(failure, language: .en), status: failure.status)
            response.headers[.allow] = allowed
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "same-origin"
        return response
    }
}

/// Which methods each registered path answers, matching `{parameter}` segments against any one segment.
final class RouteIndex: @unchecked Sendable {
    private var patterns: [(segments: [Substring], methods: [String])] = []

    /// Takes the routes once, before the server accepts connections (not thread-safe before that, read-only after).
    func load(_ routes: [RegisteredRoute]) {
        var byPath: [String: Set<String>] = [:]
        for route in routes {
            byPath[route.path, default: []].insert(route.method)
            if route.method == "GET" { byPath[route.path, default: []].insert("HEAD") }
        }
        let order = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"]
        patterns = byPath.keys.sorted().map { path in
            (path.split(separator: "/"), order.filter { byPath[path, default: []].contains($0) })
        }
    }

    /// The methods of the first route whose pattern matches `path`; empty when none does (the router answers 404).
    func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/")
        var found: Set<String> = []
        for pattern in patterns where pattern.segments.count == segments.count {
            let matches = zip(pattern.segments, segments).allSatisfy { template, segment in
                template.hasPrefix("{") || template.hasPrefix(":") || template == segment
            }
            if matches { found.formUnion(pattern.methods) }
        }
        return ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"].filter(found.contains)
    }
}

extension HTTPField.Name {
    static let contentSecurityPolicy = HTTPField.Name("Content-Security-Policy")!
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}

/// Turns every error into a response: JSON `{error, detail}` under `/api`, an HTML page elsewhere.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let failure = APIError.from(error)
            if failure.status == .internalServerError {
                logger.error(
                    "request failed", metadata: ["path": .string(request.uri.path), "error": .string("\(error)")])
            }
            if request.uri.path.hasPrefix("/api/") {
                var response = Response.json(failure.json, status: failure.status)
                response.headers.append(contentsOf: failure.headers)
                return response
            }
            return .html(
                DashboardLayout.errorPage(failure, language: (try? QueryParameters(request.uri).language()) ?? .en),
                status: failure.status)
        }
    }
}

/// Checks the store's generation before every request, so that datasets another process imported or removed are
/// seen at once by every page and endpoint (their caches are emptied).
struct StoreGenerationMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let service: AnalysisService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        try service.followStore()
        return try await next(request, context)
    }
}

/// Refuses a request whose declared body is larger than its limit before reading it (413); uploads stream and
/// are counted as they arrive as well, since a chunked body declares no length.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let uploadPath: String
    let uploadLimit: Int
    let bodyLimit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let limit = request.uri.path == uploadPath && request.method == .post ? uploadLimit : bodyLimit
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw APIError.tooLarge(limit: limit)
        }
        return try await next(request, context)
    }
}

extension APIError {
    /// 413 for a body over `limit` bytes.
    static func tooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, "body_too_large", "the request body is larger than the limit of \(limit) bytes")
    }
}

/// Who may write: requests carrying `Authorization: Bearer TOKEN` with the configured token.
struct WriteAccess: Sendable {
    let token: String?

    /// Throws 403 when writes are disabled (no token configured) and 401 for a missing or wrong token.
    func authorize(_ request: Request) throws {
        guard let token else {
            throw APIError(
                .forbidden, "writes_disabled", "write endpoints are disabled: start the server with CHAINRISK_TOKEN set"
            )
        }
        let challenge: HTTPFields = [.wwwAuthenticate: "Bearer realm=\"chainrisk\""]
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw APIError(
                .unauthorized, "unauthorized", "send the token as Authorization: Bearer TOKEN", headers: challenge)
        }
        guard Self.constantTimeEqual(Array(header.utf8.dropFirst(7)), Array(token.utf8)) else {
            throw APIError(.unauthorized, "unauthorized", "the token is not valid", headers: challenge)
        }
    }

    /// Compares every byte without returning early, so the time taken does not tell how much of the token was right
    /// (only whether the length was).
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference: UInt8 = lhs.count == rhs.count ? 0 : 1
        for index in 0..<max(lhs.count, rhs.count) {
            difference |= (index < lhs.count ? lhs[index] : 0) ^ (index < rhs.count ? rhs[index] : 0)
        }
        return difference == 0
    }
}
