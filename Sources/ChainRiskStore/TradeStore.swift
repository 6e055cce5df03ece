import ChainRiskCore
import Foundation
import GRDB

/// The validated store of trade datasets: one SQLite file (WAL mode), or memory for tests.
///
/// Every dataset records its provenance (files, SHA-256, import time, findings); imports are atomic.
public final class TradeStore: Sendable {
    let writer: any DatabaseWriter
    /// The database file path, or `:memory:`.
    public let path: String

    /// Opens (creating if needed) the database at `path`, with its folder, and migrates it to the current schema.
    public init(path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // A 256 MB page cache keeps the flows index in memory while millions of rows go in; memory stays bounded.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try Schema.migrator.migrate(pool)
            self.writer = pool
        } catch let error as DatabaseError {
            throw StoreError(.unavailable, "cannot open the database \(path): \(error.message ?? error.description)")
        }
        self.path = path
    }

    /// A fresh, private in-memory store (tests run in parallel, each with its own).
    public init() throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(configuration: configuration)
        try Schema.migrator.migrate(queue)
        self.writer = queue
        self.path = ":memory:"
    }

    /// The default database location: `$CHAINRISK_DB`, else `~/.chainrisk/chainrisk.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let configured = environment["CHAINRISK_DB"], !configured.isEmpty { return configured }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.chainrisk/chainrisk.sqlite"
    }
}
