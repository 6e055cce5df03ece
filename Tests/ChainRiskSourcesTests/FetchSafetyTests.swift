import Foundation
import Testing

@testable import ChainRiskSources

/// `chainrisk fetch` against misbehaving loopback sources: redirects and next-page links off the configured origin,
/// a body dripped one byte a second, a refused connection, endless pages, and cached answers edited on disk.
@Suite("fetch safety: origin-bound redirects and links, bounded time and pages, cache index and SHA-256")
struct FetchSafetyTests {
    static let key = "secret-test-key"
    let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
        "chainrisk-fetch-safety-\(UUID().uuidString)")

    func fetcher(_ source: LoopbackSource, policy: FetchPolicy = FetchPolicy(interval: 0), key: Bool = true) throws
        -> PoliteFetcher
    {
        PoliteFetcher(
            origin: try FetchOrigin(base: source.base), cache: ResponseCache(directory: directory), policy: policy,
            secretHeaders: key ? [(LoopbackSource.keyHeader, Self.key)] : [])
    }

    /// The `FetchError` `body` throws, or nil when it throws nothing or something else.
    func fetchError(_ body: () async throws -> Void) async -> FetchError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? FetchError
        }
    }

    @Test(
        "a 302 to another port, another scheme or a unix socket is refused (exit 66, naming it): no key leaves, nothing cached"
    )
    func redirectOffOrigin() async throws {
        let source = LoopbackSource()
        let other = LoopbackSource()
        try await source.start()
        try await other.start()
        defer {
            source.stop()
            other.stop()
            try? FileManager.default.removeItem(at: directory)
        }
        let fetcher = try fetcher(source)
        for target in [
            other.base + "/data/v1/elsewhere", "https://127.0.0.1:\(source.port)/data/v1/tls",
            "http+unix://%2Fvar%2Frun%2Fdocker.sock/containers/json", "ftp://127.0.0.1:\(source.port)/data",
        ] {
            let url =
                source.base + "/redirect?to="
                + (target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            let error = await fetchError { _ = try await fetcher.get(url, refresh: false) }
            #expect(error?.code == .unavailable, "\(target): \(String(describing: error))")
            #expect(error?.message.contains(target) == true, "\(error?.message ?? "")")
        }
        #expect(other.requests.isEmpty, "the other server was asked: \(other.requests)")
        #expect(source.requests.allSatisfy { $0.path.hasPrefix("/redirect") })
        #expect(fetcher.cache.entries().isEmpty)
    }

    @Test(
        "a same-origin redirect is followed with the key, and the answer names the URL that answered, from the cache too"
    )
    func redirectWithinOrigin() async throws {
        let source = LoopbackSource()
        try await source.start()
        defer {
            source.stop()
            try? FileManager.default.removeItem(at: directory)
        }
        let url = source.base + "/redirect?to=/data/v1/moved"
        let fetched = try await fetcher(source).get(url, refresh: false)
        #expect(fetched.url == source.base + "/data/v1/moved" && fetched.requestURL == url && !fetched.fromCache)
        #expect(source.requests.last?.path == "/data/v1/moved" && source.requests.last?.key == Self.key)
        let cached = try await fetcher(source).get(url, refresh: false)
        #expect(cached.fromCache && cached.url == fetched.url && cached.body == fetched.body)
        #expect(source.requests.count == 2)
    }

    @Test("redirects stop after the hop limit")
    func redirectLoop() async throws {
        let source = LoopbackSource()
        try await source.start()
        defer {
            source.stop()
            try? FileManager.default.removeItem(at: directory)
        }
        let url = source.base + "/redirect?to=/redirect"
        let error = await fetchError { _ = try await fetcher(source).get(url, refresh: false) }
        #expect(
            error?.code == .unavailable && error?.message.contains("more than 5") == true,
            "\(String(describing: error))")
        #expect(source.requests.count == 6)
    }

    @Test(
        "an OData next-page link to another port or a unix socket is refused before any request to it; nothing cached")
    func nextLinkOffOrigin() async throws {
        let other = LoopbackSource()
        try await other.start()
        let links = [
            "ELSEWHERE": other.base + "/T/TypedDataSet?$skip=1",
            "SOCKET": "http+unix://%2Fvar%2Frun%2Fdocker.sock/T/TypedDataSet",
        ]
        let source = LoopbackSource { _, table, _ in links[table] }
        try await source.start()
        defer {
            source.stop()
            other.stop()
            try? FileManager.default.removeItem(at: directory)
        }
        for (table, link) in links {
            let fetcher = try fetcher(source, key: false)
            let error = await fetchError {
                _ = try await CBSFetch(base: source.base).run(
                    table: table, filter: nil, fetcher: fetcher, refresh: false)
            }
            #expect(
                error?.code == .unavailable && error?.message.contains(link) == true, "\(String(describing: error))")
            #expect(fetcher.cache.entries().isEmpty)
        }
        #expect(other.requests.isEmpty)
    }

    @Test(
        "endless distinct next-page links stop at the page cap, naming it and --max-pages; the defaults take under 5 minutes"
    )
    func pageCap() async throws {
        let source = LoopbackSource { base, table, page in "\(base)/\(table)/TypedDataSet?$skip=\(page + 1)" }
        try await source.start()
        defer {
            source.stop()
            try? FileManager.default.removeItem(at: directory)
        }
        let fetcher = try fetcher(source, key: false)
        let error = await fetchError {
            _ = try await CBSFetch(base: source.base).run(
                table: "ENDLESS", filter: nil, fetcher: fetcher, refresh: false, pageLimit: 5)
        }
        #expect(
            error?.code == .badResponse && error?.message.contains("more than 5 pages") == true
                && error?.message.contains("--max-pages") == true,
            "\(String(describing: error))")
        #expect(source.requests.count == 5)
        #expect(Double(CBSFetch.defaultPageLimit) * 0.5 <= 300 && CBSFetch.defaultPageLimit >= 100)
        #expect(Double(ComtradeFetch.defaultAnswerLimit) * 1 <= 300 && ComtradeFetch.defaultAnswerLimit >= 100)
    }

    @Test("a body dripped at 1 byte/s fails at the deadline (naming the URL and the deadline), not when the drip ends")
    func dripDeadline() async throws {
        let source = LoopbackSource()
        try await source.start()
        defer {
            source.stop()
            try? FileManager.default.removeItem(at: directory)
        }
        let fetcher = try fetcher(source, policy: FetchPolicy(interval: 0, deadline: 2))
        // Timed on a thread of its own (`OwnThreadExecutor`), so that tests blocking the shared pool do not count.
        let (error, elapsed) = await OwnThreadExecutor.timed(
            { _ = try await fetcher.get(source.base + "/drip", refresh: false) }, as: FetchError.self)
        #expect(
            error?.code == .unavailable && error?.message.contains(source.base + "/drip") == true
                && error?.message.contains("2 s") == true,
            "\(String(describing: error))")
        // The drip would last 600 s.
        #expect(elapsed < 30, "took \(elapsed) s")
        #expect(FetchPolicy(interval: 0).deadline <= 120 && FetchPolicy(interval: 0).connectTimeout <= 10)
    }

    @Test("a refused connection is reported at once, not after the connect timeout")
    func refusedConnection() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        // A connect timeout of 60 s: retrying the refused connection until it passes would fail the bound below
        // (alone this takes milliseconds; timed on a thread of its own, so that tests blocking the shared pool do not count).
        let fetcher = PoliteFetcher(
            origin: try FetchOrigin(base: "http://127.0.0.1:1"), cache: ResponseCache(directory: directory),
            policy: FetchPolicy(interval: 0, connectTimeout: 60))
        let (error, elapsed) = await OwnThreadExecutor.timed(
            { _ = try await fetcher.get("http://127.0.0.1:1/data", refresh: false) }, as: FetchError.self)
        #expect(
            error?.code == .unavailable && error?.message.contains("127.0.0.1") == true, "\(String(describing: error))")
        #expect(elapsed < 30, "took \(elapsed) s")
    }

    @Test("a URL off the origin is never asked, and a source that is not http(s) is refused as a bad query")
    func originRule() throws {
        let origin = try FetchOrigin(base: "https://OpenData.cbs.nl/ODataApi/odata")
        #expect(origin.contains("https://opendata.cbs.nl:443/x") && !origin.contains("http://opendata.cbs.nl/x"))
        #expect(
            !origin.contains("https://opendata.cbs.nl:8443/x")
                && !origin.contains("https://opendata.cbs.nl.evil.example/x"))
        #expect(!origin.contains("http+unix://%2Ftmp%2Fs/x"))
        #expect(throws: FetchError.self) { try FetchOrigin(base: "http+unix://%2Ftmp%2Fs") }
        #expect(throws: FetchError.self) { try FetchOrigin(base: "file:///etc/passwd") }
    }

    @Test("the cache reads its records once per fetch, however many answers it stores, looks up and removes")
    func cacheIndexInMemory() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let cache = ResponseCache(directory: directory)
        for index in 0..<40 {
            let body = Array("answer \(index)".utf8)
            try cache.store(
                body, for: "http://a/\(index)",
                entry: .init(
                    url: "http://a/\(index)", retrievedAt: "t", sha256: ResponseCache.sha256(body), bytes: body.count))
            #expect(cache.lookup("http://a/\(index)")?.body == body)
        }
        cache.remove("http://a/0")
        #expect(cache.entries().count == 39 && cache.recordLoads == 1)
        let again = ResponseCache(directory: directory)
        #expect(
            again.entries().count == 39 && again.lookup("http://a/7")?.body == Array("answer 7".utf8)
                && again.recordLoads == 1)
    }

    @Test("a cached answer edited on disk (same length) is not used: it is dropped, counted and fetched again")
    func tamperedCache() async throws {
        let source = LoopbackSource()
        try await source.start()
        defer {
            source.stop()
            try? FileManager.default.removeItem(at: directory)
        }
        let url = source.base + "/data/v1/x"
        let first = try await fetcher(source).get(url, refresh: false)
        let bodies = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasSuffix(".body")
        }
        try #require(bodies.count == 1)
        let path = directory.appendingPathComponent(bodies[0])
        var edited = try Data(contentsOf: path)
        edited[edited.startIndex + 2] ^= 0x01
        try edited.write(to: path)
        let fetcher = try fetcher(source)
        let second = try await fetcher.get(url, refresh: false)
        #expect(!second.fromCache && second.body == first.body && source.requests.count == 2)
        #expect(fetcher.cache.discardedEntries == 1)
        let third = try await fetcher.get(url, refresh: false)
        #expect(third.fromCache && third.body == first.body)
    }
}

@Suite("the response cache's folder follows the environment as the store does")
struct ResponseCacheFolderTests {
    @Test("CHAINRISK_CACHE, then XDG_CACHE_HOME/chainrisk, then $HOME/.chainrisk/cache (HOME as the environment says)")
    func folder() {
        #expect(
            ResponseCache.directoryPath(environment: ["CHAINRISK_CACHE": "/c", "XDG_CACHE_HOME": "/x", "HOME": "/h"])
                == "/c")
        #expect(ResponseCache.directoryPath(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/chainrisk")
        #expect(ResponseCache.directoryPath(environment: ["HOME": "/home/analyst"]) == "/home/analyst/.chainrisk/cache")
        #expect(
            ResponseCache.directoryPath(environment: ["XDG_CACHE_HOME": "", "HOME": "/h"]) == "/h/.chainrisk/cache")
    }
}
