import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOHTTP1

/// One response as fetched (or found in the cache): what a dataset's provenance records of it.
public struct FetchedResponse: Sendable {
    /// The URL that answered, without credentials: the request's, or where a same-origin redirect moved it.
    public let url: String
    /// The URL asked (the cache key); the same as `url` unless the source redirected.
    public let requestURL: String
    public let body: [UInt8]
    public let sha256: String
    /// When the source sent it (ISO 8601 UTC); for a cached response, when it was first fetched.
    public let retrievedAt: String
    public let fromCache: Bool
}

/// How often, how patiently and for how long one source is asked.
public struct FetchPolicy: Sendable {
    /// Seconds between the starts of two requests to the source.
    public var interval: Double
    /// Tries per request before a 429 or 5xx answer is final.
    public var attempts: Int
    /// The longest wait before a retry, whatever the source asks (seconds).
    public var longestWait: Double
    /// Seconds one request may take in all — connecting, the headers and the whole body — however slowly the
    /// source sends; past it the fetch fails (exit 66).
    public var deadline: Double
    /// Seconds to open a connection; a refused connection fails at once.
    public var connectTimeout: Double
    /// Redirects followed for one request (each within the source's origin).
    public var redirectLimit: Int

    /// The default per-request deadline (seconds).
    public static let defaultDeadline: Double = 120
    /// The default connect timeout (seconds).
    public static let defaultConnectTimeout: Double = 10

    public init(
        interval: Double, attempts: Int = 5, longestWait: Double = 60, deadline: Double = FetchPolicy.defaultDeadline,
        connectTimeout: Double = FetchPolicy.defaultConnectTimeout, redirectLimit: Int = 5
    ) {
        self.interval = interval
        self.attempts = attempts
        self.longestWait = longestWait
        self.deadline = deadline
        self.connectTimeout = connectTimeout
        self.redirectLimit = redirectLimit
    }
}

/// Gets responses from one source politely and safely: from the cache when it has them, else at most one request
/// per `policy.interval`, retrying 429 and 5xx answers after the source's `Retry-After` or an exponential back-off.
///
/// Only URLs on `origin` are asked. Redirects are not left to the HTTP client: each 3xx is followed by hand, at most
/// `policy.redirectLimit` times, and only when its target is on `origin` — so the secret headers (a subscription
/// key) never reach another scheme, host or port; any other target fails the request (exit 66) naming it. Each
/// request has `policy.deadline` seconds in all, body included, so a source that drips its answer cannot hold the
/// fetch.
public final class PoliteFetcher: @unchecked Sendable {
    public let cache: ResponseCache
    /// The scheme, host and port of the configured source: the only one asked.
    public let origin: FetchOrigin
    let policy: FetchPolicy
    /// Headers sent with every request and never stored or printed (a subscription key).
    let secretHeaders: [(String, String)]
    /// Requests sent (each retry and redirect counts), for progress and tests.
    public private(set) var requestsSent = 0
    private var lastStart: Date?

    public init(origin: FetchOrigin, cache: ResponseCache, policy: FetchPolicy, secretHeaders: [(String, String)] = [])
    {
        self.origin = origin
        self.cache = cache
        self.policy = policy
        self.secretHeaders = secretHeaders
    }

    /// The answer to `url`: the cached one unless `refresh`, else fetched (and cached when the status is 200).
    /// Throws `unavailable` for a URL off the source's origin, before any request.
    public func get(_ url: String, refresh: Bool) async throws -> FetchedResponse {
        try checkOrigin(url, reachedFrom: nil)
        if !refresh, let cached = cache.lookup(url) {
            return FetchedResponse(
                url: cached.entry.answeredBy ?? url, requestURL: url, body: cached.body, sha256: cached.entry.sha256,
                retrievedAt: cached.entry.retrievedAt, fromCache: true)
        }
        var attempt = 0
        while true {
            attempt += 1
            let (answer, answeredBy) = try await sendFollowingRedirects(url)
            if answer.status == 200 {
                let sha = ResponseCache.sha256(answer.body)
                let retrieved = Self.timestamp()
                try cache.store(
                    answer.body, for: url,
                    entry: ResponseCache.Entry(
                        url: url, retrievedAt: retrieved, sha256: sha, bytes: answer.body.count,
                        answeredBy: answeredBy == url ? nil : answeredBy))
                return FetchedResponse(
                    url: answeredBy, requestURL: url, body: answer.body, sha256: sha, retrievedAt: retrieved,
                    fromCache: false)
            }
            let retryable = answer.status == 429 || (500...599).contains(answer.status)
            guard retryable, attempt < policy.attempts else {
                throw FetchError(
                    .unavailable,
                    "\(Self.host(answeredBy)) answered HTTP \(answer.status)\(retryable ? " \(attempt) times" : "") to \(answeredBy)\(Self.excerpt(answer.body))"
                )
            }
            let wait = min(policy.longestWait, answer.retryAfter ?? pow(2, Double(attempt - 1)))
            try await Task.sleep(nanoseconds: UInt64(max(0, wait) * 1e9))
        }
    }

    /// Throws `unavailable` (exit 66) naming `url` when it is not on the source's origin or not http(s).
    func checkOrigin(_ url: String, reachedFrom source: String?) throws {
        guard !origin.contains(url) else { return }
        let what = source.map { "\($0) redirected to \(url), which" } ?? url
        throw FetchError(
            .unavailable,
            """
            \(what) is not on the configured source's origin \(origin): redirects and next-page links are followed \
            only within its scheme, host and port (http or https), so that no key reaches another server; nothing was \
            stored
            """)
    }

    /// The final answer to `url` and the URL that gave it, following redirects within the origin.
    private func sendFollowingRedirects(_ url: String) async throws -> (Answer, String) {
        var current = url
        var redirects = 0
        while true {
            try await waitForTurn()
            let answer = try await send(current)
            guard [301, 302, 303, 307, 308].contains(answer.status) else { return (answer, current) }
            guard let location = answer.location,
                let target = URL(string: location, relativeTo: URL(string: current))?.absoluteURL.absoluteString
            else {
                throw FetchError(
                    .unavailable,
                    """
                    \(current) answered HTTP \(answer.status) to a Location that is not a URL (\(answer.location ?? "none")); \
                    nothing was stored
                    """)
            }
            try checkOrigin(target, reachedFrom: current)
            redirects += 1
            guard redirects <= policy.redirectLimit else {
                throw FetchError(
                    .unavailable,
                    "\(url) redirected more than \(policy.redirectLimit) times (last to \(target)); nothing was stored")
            }
            current = target
        }
    }

    /// Sleeps until `policy.interval` has passed since the last request started.
    private func waitForTurn() async throws {
        if let lastStart {
            let remaining = policy.interval - Date().timeIntervalSince(lastStart)
            if remaining > 0 { try await Task.sleep(nanoseconds: UInt64(remaining * 1e9)) }
        }
        lastStart = Date()
    }

    private struct Answer: Sendable {
        let status: Int
        let body: [UInt8]
        /// Seconds the source asks to wait (`Retry-After` as seconds or an HTTP date), or nil.
        let retryAfter: Double?
        /// The `Location` header of a redirect.
        let location: String?
    }

    /// One request, redirects not followed, within `policy.deadline` seconds from the start to the body's last byte.
    ///
    /// A client of its own per request (redirects disallowed, a connect timeout, no connection retries) that is shut
    /// down before returning, whatever happened.
    private func send(_ url: String) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "chainrisk")
        for (name, value) in secretHeaders { request.headers.add(name: name, value: value) }
        requestsSent += 1
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: Self.amount(policy.connectTimeout)))
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let deadline = policy.deadline
        let prepared = request
        let result: Result<Answer, any Error>
        do {
            result = .success(
                try await Self.within(seconds: deadline) {
                    let response = try await client.execute(prepared, deadline: .now() + Self.amount(deadline))
                    let body = try await response.body.collect(upTo: 1 << 30)
                    return Answer(
                        status: Int(response.status.code), body: Array(body.readableBytesView),
                        retryAfter: response.headers.first(name: "Retry-After").flatMap(Self.seconds(retryAfter:)),
                        location: response.headers.first(name: "Location"))
                })
        } catch {
            result = .failure(error)
        }
        try? await client.shutdown()
        do {
            return try result.get()
        } catch let error as FetchError {
            throw error
        } catch let error as HTTPClientError where error == .deadlineExceeded {
            throw deadlineError(url)
        } catch is DeadlinePassed {
            throw deadlineError(url)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw FetchError(.unavailable, "could not reach \(Self.host(url)) (\(url)): \(error)")
        }
    }

    private func deadlineError(_ url: String) -> FetchError {
        FetchError(
            .unavailable,
            """
            \(url) did not answer in full within the deadline of \(Self.seconds(policy.deadline)) s per request \
            (--timeout); nothing was stored
            """)
    }

    /// Thrown when a request's deadline passes.
    private struct DeadlinePassed: Error {}

    /// `operation`'s result, or `DeadlinePassed` once `seconds` have passed (the operation is then cancelled).
    private static func within<T: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async throws -> T)
        async throws -> T
    {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1e9))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw DeadlinePassed() }
            return value
        }
    }

    private static func amount(_ seconds: Double) -> TimeAmount {
        .nanoseconds(Int64(max(0, min(seconds, 1e9)) * 1e9))
    }

    /// Seconds as a user wrote them: `2`, `0.5`.
    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// `Retry-After` in seconds: a number, or an HTTP date from now.
    static func seconds(retryAfter value: String) -> Double? {
        if let seconds = Double(value.trimmingCharacters(in: .whitespaces)) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSinceNow) }
    }

    private static func host(_ url: String) -> String {
        URLComponents(string: url)?.host ?? url
    }

    /// The start of an error body, for the message.
    private static func excerpt(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "" : ": \(text)"
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}
