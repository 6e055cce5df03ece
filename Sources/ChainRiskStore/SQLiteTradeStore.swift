import ChainRiskCore
import Foundation
import GRDB

/// The embedded store: one SQLite file (WAL mode) through GRDB, or memory for tests.
public final class SQLiteTradeStore: TradeStore {
    let writer: any DatabaseWriter
    /// How long a writer waits for another process's write to finish before giving up.
    public static let writerWaitSeconds: TimeInterval = 600

    /// The database file path, or `:memory:`.
    public let path: String
    public var location: String { path }

    /// Opens (creating if needed) the database at `path`, with its folder, and migrates it to the current schema.
    public init(path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // A second writer (another import, a removal from the dashboard) waits for the first instead of failing at
        // once with "database is locked"; WAL lets readers go on meanwhile.
        configuration.busyMode = .timeout(SQLiteTradeStore.writerWaitSeconds)
        configuration.prepareDatabase { db in
            // A 256 MB page cache keeps the flows index in memory while millions of rows go in; memory stays bounded.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            if try pool.read({ try SQLiteSchema.migrator.hasBeenSuperseded($0) }) {
                throw StoreError(.newerSchema, "the database \(path) was written by a newer chainrisk (its schema has migrations this version does not know); use that version or another --db")
            }
            try SQLiteSchema.migrator.migrate(pool)
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
        try SQLiteSchema.migrator.migrate(queue)
        self.writer = queue
        self.path = ":memory:"
    }
}
