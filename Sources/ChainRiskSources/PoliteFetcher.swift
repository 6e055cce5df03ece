import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOHTTP1

/// One response as fetched (or found in the cache): what a dataset's provenance records of it.
public struct FetchedResponse: Sendable {
    /// The request, without credentials.
    public let url: String
    public let body: [UInt8]
    public let sha256: String
    /// When the source sent it (ISO 8601 UTC); for a cached response, when it was first fetched.
    public let retrievedAt: String
    public let fromCache: Bool
}

/// How often and how patiently one source is asked.
public struct FetchPolicy: Sendable {
    /// Seconds between the starts of two requests to the source.
    public var interval: Double
    /// Tries per request before a 429 or 5xx answer is final.
    public var attempts: Int
    /// The longest wait before a retry, whatever the source asks (seconds).
    public var longestWait: Double

    public init(interval: Double, attempts: Int = 5, longestWait: Double = 60) {
        self.interval = interval
        self.attempts = attempts
        self.longestWait = longestWait
    }
}

/// Gets responses from one source politely: from the cache when it has them, else at most one request per
/// `policy.interval`, retrying 429 and 5xx answers after the source's `Retry-After` or an exponential back-off.
public final class PoliteFetcher: @unchecked Sendable {
    public let cache: ResponseCache
    let policy: FetchPolicy
    /// Headers sent with every request and never stored or printed (a subscription key).
    let secretHeaders: [(String, String)]
    /// Requests sent (each retry counts), for progress and tests.
    public private(set) var requestsSent = 0
    private var lastStart: Date?

    public init(cache: ResponseCache, policy: FetchPolicy, secretHeaders: [(String, String)] = []) {
        self.cache = cache
        self.policy = policy
        self.secretHeaders = secretHeaders
    }

    /// The answer to `url`: the cached one unless `refresh`, else fetched (and cached when the status is 200).
    public func get(_ url: String, refresh: Bool) async throws -> FetchedResponse {
        if !refresh, let cached = cache.lookup(url) {
            return FetchedResponse(url: url, body: cached.body, sha256: cached.entry.sha256, retrievedAt: cached.entry.retrievedAt, fromCache: true)
        }
        var attempt = 0
        while true {
            attempt += 1
            try await waitForTurn()
            let answer = try await send(url)
            if answer.status == 200 {
                let sha = SHA256.hash(data: answer.body).map { String(format: "%02x", $0) }.joined()
                let retrieved = Self.timestamp()
                try cache.store(answer.body, for: url, entry: ResponseCache.Entry(url: url, retrievedAt: retrieved, sha256: sha, bytes: answer.body.count))
                return FetchedResponse(url: url, body: answer.body, sha256: sha, retrievedAt: retrieved, fromCache: false)
            }
            let retryable = answer.status == 429 || (500...599).contains(answer.status)
            guard retryable, attempt < policy.attempts else {
                throw FetchError(.unavailable, "\(Self.host(url)) answered HTTP \(answer.status)\(retryable ? " \(attempt) times" : "") to \(url)\(Self.excerpt(answer.body))")
            }
            let wait = min(policy.longestWait, answer.retryAfter ?? pow(2, Double(attempt - 1)))
            try await Task.sleep(nanoseconds: UInt64(max(0, wait) * 1e9))
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

    private struct Answer {
        let status: Int
        let body: [UInt8]
        /// Seconds the source asks to wait (`Retry-After` as seconds or an HTTP date), or nil.
        let retryAfter: Double?
    }

    private func send(_ url: String) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "chainrisk")
        for (name, value) in secretHeaders { request.headers.add(name: name, value: value) }
        requestsSent += 1
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(300))
            let body = try await response.body.collect(upTo: 1 << 30)
            return Answer(status: Int(response.status.code), body: Array(body.readableBytesView),
                          retryAfter: response.headers.first(name: "Retry-After").flatMap(Self.seconds(retryAfter:)))
        } catch let error as FetchError {
            throw error
        } catch {
            throw FetchError(.unavailable, "could not reach \(Self.host(url)): \(error)")
        }
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
