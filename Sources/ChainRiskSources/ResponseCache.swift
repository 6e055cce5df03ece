import Crypto
import Foundation

/// Responses kept on disk, keyed by the full request (URL without credentials), so that an identical fetch makes no
/// request: each entry is the body as received and a small JSON record of what it answers and when it came.
///
/// The cache is bounded: after each store, the least recently used entries go until it holds at most `limitBytes`.
public struct ResponseCache: Sendable {
    /// One cached response.
    public struct Entry: Codable, Sendable, Equatable {
        public let url: String
        public let retrievedAt: String
        public let sha256: String
        public let bytes: Int
    }

    public let directory: URL
    public let limitBytes: Int

    public init(directory: URL, limitBytes: Int = 2 << 30) {
        self.directory = directory
        self.limitBytes = limitBytes
    }

    /// `$CHAINRISK_CACHE` or `~/.chainrisk/cache`, bounded by `$CHAINRISK_CACHE_LIMIT_MB` (default 2,048 MB).
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ResponseCache {
        let directory = environment["CHAINRISK_CACHE"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".chainrisk/cache")
        let megabytes = environment["CHAINRISK_CACHE_LIMIT_MB"].flatMap(Int.init) ?? 2_048
        return ResponseCache(directory: directory, limitBytes: max(0, megabytes) << 20)
    }

    /// The cached body for `url`, or nil; a hit counts as a use for the eviction order.
    func lookup(_ url: String) -> (body: [UInt8], entry: Entry)? {
        let (body, record) = paths(url)
        guard let data = FileManager.default.contents(atPath: record.path),
              let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.url == url,
              let bytes = FileManager.default.contents(atPath: body.path), bytes.count == entry.bytes else { return nil }
        try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: record.path)
        return (Array(bytes), entry)
    }

    /// Stores `body` as the answer to `url` (body first, record last, each written whole), then trims the cache.
    func store(_ body: [UInt8], for url: String, entry: Entry) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let (bodyPath, recordPath) = paths(url)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            try Data(body).write(to: bodyPath, options: .atomic)
            try encoder.encode(entry).write(to: recordPath, options: .atomic)
        } catch {
            throw FetchError(.unavailable, "cannot write the response cache at \(directory.path): \(error.localizedDescription)")
        }
        trim()
    }

    /// Forgets the answer to `url` (one that turned out not to be data), so that the next fetch asks again.
    func remove(_ url: String) {
        let (body, record) = paths(url)
        for path in [record, body] { try? FileManager.default.removeItem(at: path) }
    }

    /// Every entry, most recently used first.
    public func entries() -> [Entry] {
        records().map(\.entry)
    }

    /// Bytes the cached bodies take.
    public func totalBytes() -> Int {
        records().reduce(0) { $0 + $1.entry.bytes }
    }

    private func records() -> [(entry: Entry, used: Date, key: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.compactMap { name -> (Entry, Date, String)? in
            let path = directory.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path),
                  let entry = try? JSONDecoder().decode(Entry.self, from: data) else { return nil }
            let used = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
            return (entry, used ?? .distantPast, String(name.dropLast(5)))
        }.sorted { ($0.1, $0.0.url) > ($1.1, $1.0.url) }
    }

    /// Removes least recently used entries until the bodies fit `limitBytes`.
    private func trim() {
        var kept = 0
        for record in records() {
            kept += record.entry.bytes
            guard kept > limitBytes else { continue }
            for suffix in [".json", ".body"] {
                try? FileManager.default.removeItem(at: directory.appendingPathComponent(record.key + suffix))
            }
        }
    }

    /// The body and record files of `url`: named by the SHA-256 of the URL.
    private func paths(_ url: String) -> (body: URL, record: URL) {
        let key = SHA256.hash(data: Data(url.utf8)).map { String(format: "%02x", $0) }.joined()
        return (directory.appendingPathComponent(key + ".body"), directory.appendingPathComponent(key + ".json"))
    }
}
