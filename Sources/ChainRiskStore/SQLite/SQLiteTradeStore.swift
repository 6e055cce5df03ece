import ChainRiskCore
public import Foundation
import GRDB

/// The embedded store: one SQLite file (WAL mode) through GRDB, or memory for tests.
public final class SQLiteTradeStore: TradeStore {
    let writer: any DatabaseWriter
    /// How long a writer waits for another process's write to finish before giving up.
    public static let writerWaitSeconds: TimeInterval = 600
    /// After this long waiting, the writer says so once (`WriterWait.notice`), so a user knows why nothing moves.
    public static let writerNoticeSeconds: TimeInterval = 2

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
        let wait = WriterWait(path: path)
        configuration.busyMode = .callback { tries in wait.shouldRetry(tries) }
        configuration.prepareDatabase { db in
            // A 256 MB page cache keeps the flows index in memory while millions of rows go in; memory stays bounded.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            if try pool.read({ try SQLiteSchema.migrator.hasBeenSuperseded($0) }) {
                throw StoreError(
                    .newerSchema,
                    "the database \(path) was written by a newer chainrisk (its schema has migrations this version does not know); use that version or another --db"
                )
            }
            let applied = try pool.read { try SQLiteSchema.migrator.appliedIdentifiers($0) }
            try Self.migrate(pool)
            if !applied.isEmpty, !applied.contains(SQLiteSchema.stableFlowSequence) {
                let check = try pool.read { try Self.consistency($0, location: path) }
                StoreNotice.post(
                    "chainrisk: upgraded \(path) to stable flow ids and checked it: \(check.summary)"
                        + (check.isConsistent ? "" : "; `chainrisk datasets --check` names them"))
            }
            self.writer = pool
        } catch let error as DatabaseError {
            throw StoreError(.unavailable, "cannot open the database \(path): \(error.message ?? error.description)")
        }
        self.path = path
    }

    /// Brings the schema up to date. Processes that open one new database at the same moment each plan the same
    /// migrations; the first to take the write lock applies them and the others' plans fail ("table … already
    /// exists"). A failed plan is therefore made again, against what is now applied, a few times before it counts.
    static func migrate(_ pool: DatabasePool) throws {
        for attempt in 0... {
            do {
                return try SQLiteSchema.migrator.migrate(pool)
            } catch is DatabaseError where attempt < 4 {
                usleep(50_000)
            }
        }
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

/// The busy handler of a store's connections: waits for another writer in 10 ms steps up to
/// `SQLiteTradeStore.writerWaitSeconds`, and announces the wait (`StoreNotice`) once it passes `writerNoticeSeconds`.
final class WriterWait: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var started = Date()
    private var announced = false

    init(path: String) { self.path = path }

    /// SQLite's question after `tries` busy answers in a row: wait a little and retry (true) or give up (false).
    func shouldRetry(_ tries: Int) -> Bool {
        let waited: TimeInterval = lock.withLock {
            if tries == 0 { (started, announced) = (Date(), false) }
            return Date().timeIntervalSince(started)
        }
        guard waited < SQLiteTradeStore.writerWaitSeconds else { return false }
        let announce: Bool = lock.withLock {
            guard waited >= SQLiteTradeStore.writerNoticeSeconds, !announced else { return false }
            announced = true
            return true
        }
        if announce {
            StoreNotice.post(
                "chainrisk: waiting for another writer to finish with \(path) (up to \(Int(SQLiteTradeStore.writerWaitSeconds)) s)…"
            )
        }
        usleep(10_000)
        return true
    }
}
