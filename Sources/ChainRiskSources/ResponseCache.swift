import Crypto
public import Foundation

/// Responses kept on disk, keyed by the full request (URL without credentials), so that an identical fetch makes no
/// request: each entry is the body as received and a small JSON record of what it answers, when it came and its
/// SHA-256.
///
/// The cache is bounded: after each store, the least recently used entries go until it holds at most `limitBytes`.
/// The records are read once per cache value (one fetch) into an in-memory index that stores, lookups and removals
/// keep up to date, so a fetch of many pages does not re-read the folder after each one; every file is still written
/// whole (atomically), so a crash leaves either the old entry or the new one. A body whose SHA-256 no longer matches
/// its record (edited or damaged on disk) is never used: the entry is dropped and the answer fetched again.
public struct ResponseCache: Sendable {
    /// One cached response.
    public struct Entry: Codable, Sendable, Equatable {
        /// The URL asked (the cache key).
        public let url: String
        public let retrievedAt: String
        /// The SHA-256 of the body, checked on every lookup.
        public let sha256: String
        public let bytes: Int
        /// The URL that answered, when a same-origin redirect moved the request; nil when it is `url`.
        public let answeredBy: String?

        public init(url: String, retrievedAt: String, sha256: String, bytes: Int, answeredBy: String? = nil) {
            self.url = url
            self.retrievedAt = retrievedAt
            self.sha256 = sha256
            self.bytes = bytes
            self.answeredBy = answeredBy
        }
    }

    public let directory: URL
    public let limitBytes: Int
    private let index = Index()

    public init(directory: URL, limitBytes: Int = 2 << 30) {
        self.directory = directory
        self.limitBytes = limitBytes
    }

    /// `$CHAINRISK_CACHE` or `~/.chainrisk/cache`, bounded by `$CHAINRISK_CACHE_LIMIT_MB` (default 2,048 MB).
    /// The cache's folder: `$CHAINRISK_CACHE`, else `$XDG_CACHE_HOME/chainrisk` when that is set, else
    /// `$HOME/.chainrisk/cache` (the store's folder), `$HOME` as the environment says, as the store reads it.
    public static func directoryPath(environment: [String: String]) -> String {
        if let path = environment["CHAINRISK_CACHE"], !path.isEmpty { return path }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/chainrisk" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.chainrisk/cache"
    }

    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ResponseCache {
        let directory = URL(fileURLWithPath: directoryPath(environment: environment))
        let megabytes = environment["CHAINRISK_CACHE_LIMIT_MB"].flatMap(Int.init) ?? 2_048
        return ResponseCache(directory: directory, limitBytes: max(0, megabytes) << 20)
    }

    /// The cached body for `url`, or nil; a hit counts as a use for the eviction order. A body whose length or
    /// SHA-256 differs from its record is a miss, and the entry is dropped (counted in `discardedEntries`).
    func lookup(_ url: String) -> (body: [UInt8], entry: Entry)? {
        let key = Self.key(url)
        return index.withRecords(load: loadRecords) { records in
            guard let entry = records[key]?.entry, entry.url == url else { return nil }
            let (bodyPath, recordPath) = paths(key)
            guard let bytes = FileManager.default.contents(atPath: bodyPath.path) else {
                records[key] = nil
                try? FileManager.default.removeItem(at: recordPath)
                return nil
            }
            guard bytes.count == entry.bytes, Self.sha256(bytes) == entry.sha256 else {
                records[key] = nil
                index.discarded += 1
                for path in [recordPath, bodyPath] { try? FileManager.default.removeItem(at: path) }
                return nil
            }
            let now = Date()
            records[key]?.used = now
            try? FileManager.default.setAttributes([.modificationDate: now], ofItemAtPath: recordPath.path)
            return (Array(bytes), entry)
        }
    }

    /// Stores `body` as the answer to `url` (body first, record last, each written whole), then trims the cache.
    func store(_ body: [UInt8], for url: String, entry: Entry) throws {
        let key = Self.key(url)
        let (bodyPath, recordPath) = paths(key)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try index.withRecords(load: loadRecords) { records in
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(body).write(to: bodyPath, options: .atomic)
                try encoder.encode(entry).write(to: recordPath, options: .atomic)
            } catch {
                throw FetchError(
                    .unavailable, "cannot write the response cache at \(directory.path): \(error.localizedDescription)")
            }
            records[key] = Record(entry: entry, used: Date())
            trim(&records)
        }
    }

    /// Forgets the answer to `url` (one that turned out not to be data), so that the next fetch asks again.
    func remove(_ url: String) {
        let key = Self.key(url)
        index.withRecords(load: loadRecords) { records in
            records[key] = nil
            let (body, record) = paths(key)
            for path in [record, body] { try? FileManager.default.removeItem(at: path) }
        }
    }

    /// Every entry, most recently used first.
    public func entries() -> [Entry] {
        index.withRecords(load: loadRecords) { Self.ordered($0).map(\.value.entry) }
    }

    /// Bytes the cached bodies take.
    public func totalBytes() -> Int {
        index.withRecords(load: loadRecords) { $0.values.reduce(0) { $0 + $1.entry.bytes } }
    }

    /// Entries dropped since this cache value was made because their body no longer matched its SHA-256.
    public var discardedEntries: Int {
        index.withRecords(load: loadRecords) { _ in index.discarded }
    }

    /// Times the records were read from the folder (once per cache value), for tests.
    var recordLoads: Int {
        index.withRecords(load: loadRecords) { _ in index.loads }
    }

    /// One entry of the in-memory index, and when it was last used (the record file's modification date on load).
    struct Record: Sendable {
        let entry: Entry
        var used: Date
    }

    /// The index, shared by copies of one cache value and read from the folder on first use.
    private final class Index: @unchecked Sendable {
        private let lock = NSLock()
        private var records: [String: Record]?
        var loads = 0
        var discarded = 0

        func withRecords<T>(load: () -> [String: Record], _ body: (inout [String: Record]) throws -> T) rethrows -> T {
            lock.lock()
            defer { lock.unlock() }
            var current =
                records
                ?? {
                    loads += 1
                    return load()
                }()
            defer { records = current }
            return try body(&current)
        }
    }

    /// The records in the folder, by key.
    private func loadRecords() -> [String: Record] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var records: [String: Record] = [:]
        for name in names where name.hasSuffix(".json") {
            let path = directory.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path),
                let entry = try? JSONDecoder().decode(Entry.self, from: data)
            else { continue }
            let used =
                (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? .distantPast
            records[String(name.dropLast(5))] = Record(entry: entry, used: used)
        }
        return records
    }

    /// Most recently used first (ties by URL, so the order does not depend on the dictionary's).
    private static func ordered(_ records: [String: Record]) -> [(key: String, value: Record)] {
        records.sorted { ($0.value.used, $0.value.entry.url) > ($1.value.used, $1.value.entry.url) }
    }

    /// Removes least recently used entries until the bodies fit `limitBytes`.
    private func trim(_ records: inout [String: Record]) {
        var kept = 0
        for (key, record) in Self.ordered(records) {
            kept += record.entry.bytes
            guard kept > limitBytes else { continue }
            records[key] = nil
            for suffix in [".json", ".body"] {
                try? FileManager.default.removeItem(at: directory.appendingPathComponent(key + suffix))
            }
        }
    }

    /// The cache key of `url`: the SHA-256 of the URL.
    private static func key(_ url: String) -> String {
        sha256(Data(url.utf8))
    }

    /// The lower-case hex SHA-256 of `bytes`.
    static func sha256(_ bytes: some DataProtocol) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// The body and record files of a key.
    private func paths(_ key: String) -> (body: URL, record: URL) {
        (directory.appendingPathComponent(key + ".body"), directory.appendingPathComponent(key + ".json"))
    }
}
