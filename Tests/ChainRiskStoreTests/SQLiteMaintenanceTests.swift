import ChainRiskCore
import ChainRiskIngest
import ChainRiskStore
import Foundation
import GRDB
import Testing

/// What a careful operator does to a SQLite file — `VACUUM`, `.dump` and restore, `.backup` — keeps every dataset's
/// flows with it, on a fresh store and on one written by schema v3 and migrated.
@Suite("SQLite store: datasets keep their flows through VACUUM, dump and restore, backup and migration")
struct SQLiteMaintenanceTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data").path
    static let dutch = InputFile(
        path: data + "/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv")
    static let eu27 = InputFile(
        path: data + "/comtrade_comtradr/eu27_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv.gz")

    /// A folder of its own for one test's files.
    final class Folder {
        let path = NSTemporaryDirectory() + "chainrisk-maintenance-\(UUID().uuidString)"
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        func file(_ name: String) -> String { path + "/" + name }
    }

    static func request(_ name: String, _ file: InputFile) -> ImportRequest {
        ImportRequest(name: name, sources: [.init(file: file, reader: ComtradeReader())])
    }

    /// Runs the `sqlite3` shell (Debian's `sqlite3`, which `scripts/setup.sh` installs) with `arguments`, feeding `input`.
    @discardableResult
    static func sqlite3(_ arguments: [String], input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3"] + arguments
        let output = Pipe()
        let feed = Pipe()
        process.standardOutput = output
        process.standardInput = feed
        try process.run()
        if let input { feed.fileHandleForWriting.write(Data(input.utf8)) }
        try feed.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw StoreError(.unavailable, "sqlite3 \(arguments) exited \(process.terminationStatus)")
        }
        return text
    }

    /// `datasets` and their flows as the store reads them, one row per flow, with the dataset's name.
    static func contents(_ store: SQLiteTradeStore) throws -> [String: [TradeFlow]] {
        var contents: [String: [TradeFlow]] = [:]
        for info in try store.datasets() { contents[info.name] = try store.flows(in: info.name) }
        return contents
    }

    /// The issue's sequence on the store at `path`: with A and B imported, remove A, run `maintain` on the closed file,
    /// import C, remove B; C must keep all its flows, and the check must find nothing.
    static func removeMaintainImportRemove(at path: String, maintain: (String) throws -> String) throws {
        let before = try SQLiteTradeStore(path: path)
        let dutchFlows = try before.flows(in: "B")
        #expect(dutchFlows.count == 10_631)
        try before.removeDataset(named: "A")
        let maintained = try maintain(path)
        let store = try SQLiteTradeStore(path: maintained)
        #expect(try store.flows(in: "B") == dutchFlows, "B lost or changed flows after maintenance")
        guard case .imported(let c) = try store.importDataset(request("C", eu27)) else {
            Issue.record("C was not imported")
            return
        }
        #expect(c.rowCount == 173_358)
        #expect(try store.flows(in: "B") == dutchFlows, "B shows another dataset's flows")
        let cFlows = try store.flows(in: "C")
        try store.removeDataset(named: "B")
        #expect(try store.flows(in: "C") == cFlows)
        #expect(cFlows.count == 173_358)
        let check = try store.checkConsistency()
        #expect(check.isConsistent, "\(check.summary)")
        #expect(check.datasets.map(\.name) == ["C"] && check.datasets[0].storedFlows == 173_358)
        let rows = try DatabaseQueue(path: maintained).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM flows")
        }
        #expect(rows == 173_358, "rows of removed datasets are left behind")
    }

    static func vacuum(_ path: String) throws -> String {
        try sqlite3([path, "VACUUM"])
        return path
    }

    static func dumpAndRestore(_ path: String) throws -> String {
        let restored = path + ".restored"
        try sqlite3([restored], input: try sqlite3([path, ".dump"]))
        return restored
    }

    static func backup(_ path: String) throws -> String {
        let copy = path + ".backup"
        try sqlite3([path, ".backup '\(copy)'"])
        return copy
    }

    /// A fresh store holding A and B (the same Dutch file twice, as two datasets).
    static func storeWithAB(_ folder: Folder) throws -> String {
        let path = folder.file("store.sqlite")
        let store = try SQLiteTradeStore(path: path)
        _ = try store.importDataset(request("A", dutch))
        _ = try store.importDataset(request("B", dutch))
        return path
    }

    @Test(
        "A, B; remove A; VACUUM, dump and restore, or backup; import C; remove B: C keeps its 173,358 flows, no orphan",
        arguments: ["vacuum", "dump", "backup"])
    func freshStore(maintenance: String) throws {
        let folder = try Folder()
        let path = try Self.storeWithAB(folder)
        try Self.removeMaintainImportRemove(at: path, maintain: Self.maintenance(maintenance))
    }

    static func maintenance(_ name: String) -> (String) throws -> String {
        switch name {
        case "vacuum": return vacuum
        case "dump": return dumpAndRestore
        default: return backup
        }
    }

    /// Rewrites the store at `path` in the layout of schema v3: flows in a table of bare rowids (the same numbers as
    /// their `seq`), and GRDB's record without the v4 migration.
    static func downgradeToV3(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql: """
                    DROP VIEW flow_rows;
                    CREATE TABLE flows_v3 (dataset_id INTEGER NOT NULL, year INTEGER NOT NULL, month INTEGER NOT NULL,
                        reporter INTEGER NOT NULL, partner INTEGER NOT NULL, product INTEGER NOT NULL, flow INTEGER NOT NULL,
                        value REAL, unit INTEGER NOT NULL, quantity REAL, quantity_unit INTEGER, status INTEGER NOT NULL,
                        source_file INTEGER NOT NULL, source_line INTEGER NOT NULL);
                    INSERT INTO flows_v3 (rowid, dataset_id, year, month, reporter, partner, product, flow, value, unit, quantity,
                        quantity_unit, status, source_file, source_line)
                    SELECT seq, dataset_id, year, month, reporter, partner, product, flow, value, unit, quantity, quantity_unit,
                        status, source_file, source_line FROM flows ORDER BY seq;
                    DROP TABLE flows;
                    ALTER TABLE flows_v3 RENAME TO flows;
                    CREATE VIEW flow_rows AS
                    SELECT f.rowid AS seq, f.dataset_id, f.year, f.month, r.code AS reporter, p.code AS partner,
                           pr.classification, pr.code AS product, fl.text AS flow, f.value, u.text AS unit, f.quantity,
                           qu.text AS quantity_unit, st.text AS status, f.source_file, f.source_line
                    FROM flows f JOIN countries r ON r.id = f.reporter JOIN countries p ON p.id = f.partner
                    JOIN products pr ON pr.id = f.product JOIN labels fl ON fl.id = f.flow JOIN labels u ON u.id = f.unit
                    JOIN labels st ON st.id = f.status LEFT JOIN labels qu ON qu.id = f.quantity_unit;
                    DELETE FROM grdb_migrations WHERE identifier = 'v4-stable-flow-sequence';
                    """)
        }
    }

    @Test(
        "a store written by schema v3 migrates, says it checked itself, and then survives VACUUM and dump and restore",
        arguments: ["vacuum", "dump"])
    func migratedStore(maintenance: String) throws {
        let folder = try Folder()
        let path = try Self.storeWithAB(folder)
        try Self.downgradeToV3(path)
        let log = NoticeLog.shared
        let migrated = try SQLiteTradeStore(path: path)
        let notices = log.messages(about: path)
        #expect(notices.count == 1)
        #expect(
            notices.first?.contains("2 dataset(s) hold exactly the flows their imports recorded") == true, "\(notices)")
        #expect(try migrated.flows(in: "A").count == 10_631)
        try Self.removeMaintainImportRemove(at: path, maintain: Self.maintenance(maintenance))
    }

    @Test(
        "a v3 store that a VACUUM renumbered before the upgrade (B's range pointed at other rows) is mended by the migration"
    )
    func vacuumedBeforeMigration() throws {
        let folder = try Folder()
        let path = try Self.storeWithAB(folder)
        let expected = try SQLiteTradeStore(path: path).flows(in: "B")
        try Self.downgradeToV3(path)
        // chainrisk v3's removal of A: its rowid range; then VACUUM renumbers B's rows from 1.
        try DatabaseQueue(path: path).write { db in
            try db.execute(
                sql:
                    "DELETE FROM flows WHERE rowid BETWEEN (SELECT first_flow FROM datasets WHERE name = 'A') AND (SELECT last_flow FROM datasets WHERE name = 'A')"
            )
            try db.execute(sql: "DELETE FROM datasets WHERE name = 'A'")
        }
        try Self.sqlite3([path, "VACUUM"])
        let stale = try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(
                db,
                sql:
                    "SELECT count(*) FROM flows WHERE rowid BETWEEN (SELECT first_flow FROM datasets WHERE name = 'B') AND (SELECT last_flow FROM datasets WHERE name = 'B')"
            )
        }
        #expect(stale == 0, "the v3 range of B no longer meets its rows: the defect this migration mends")
        let log = NoticeLog.shared
        let store = try SQLiteTradeStore(path: path)
        let notices = log.messages(about: path)
        #expect(
            notices.first?.contains("1 dataset(s) hold exactly the flows their imports recorded") == true, "\(notices)")
        #expect(try store.flows(in: "B") == expected)
        _ = try store.importDataset(Self.request("C", Self.eu27))
        try store.removeDataset(named: "B")
        #expect(try store.flows(in: "C").count == 173_358)
        #expect(try store.checkConsistency().isConsistent)
    }

    @Test(
        "the check names a dataset whose rows differ from its import and flows of no dataset; removing orphans mends the latter"
    )
    func checkFindsProblems() throws {
        let folder = try Folder()
        let path = try Self.storeWithAB(folder)
        try DatabaseQueue(path: path).write { db in
            // A flow of a dataset that no longer exists, and one of B's flows lost.
            try db.execute(
                sql:
                    "INSERT INTO flows (dataset_id, year, month, reporter, partner, product, flow, value, unit, status, source_file, source_line) SELECT 99, year, month, reporter, partner, product, flow, value, unit, status, 0, 1 FROM flows LIMIT 3"
            )
            try db.execute(sql: "DELETE FROM flows WHERE seq = (SELECT last_flow FROM datasets WHERE name = 'B')")
        }
        let store = try SQLiteTradeStore(path: path)
        let check = try store.checkConsistency()
        #expect(!check.isConsistent)
        #expect(check.orphans == [.init(table: "flows", datasetID: 99, rows: 3)])
        let b = try #require(check.datasets.first { $0.name == "B" })
        #expect(b.recordedFlows == 10_631 && b.storedFlows == 10_630 && !b.isConsistent)
        #expect(b.problem == "10630 stored flows against 10631 recorded at import")
        #expect(check.datasets.first { $0.name == "A" }?.isConsistent == true)
        #expect(check.summary == "1 dataset(s) differ from their imports (B); 3 flow(s) belong to no dataset")
        #expect(try store.removeOrphans() == 3)
        #expect(try store.checkConsistency().orphans.isEmpty)
    }
}

/// Everything the store says through `StoreNotice` while the tests run, kept so that each test reads what concerns
/// its own file: one handler for the whole process, since tests run in parallel and a handler swapped per test would
/// lose another's messages.
final class NoticeLog: @unchecked Sendable {
    static let shared: NoticeLog = {
        let log = NoticeLog()
        StoreNotice.handler = { message in log.append(message) }
        return log
    }()

    private let lock = NSLock()
    private var items: [String] = []

    private func append(_ message: String) { lock.withLock { items.append(message) } }

    /// The messages so far that name `path`.
    func messages(about path: String) -> [String] { lock.withLock { items.filter { $0.contains(path) } } }
}
