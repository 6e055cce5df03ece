import ChainRiskCore
import ChainRiskIngest
import ChainRiskStore
import Foundation
import GRDB
import Testing

@Suite("SQLite store: a database of schema v1 (text rows under a key index) migrates to integer-coded flows")
struct SQLiteMigrationTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data").path

    /// The v1 schema as chainrisk 0.x created it, and GRDB's record that it was applied.
    static let schemaV1 = """
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1-datasets-and-flows');
        CREATE TABLE datasets (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, source_format TEXT NOT NULL,
            imported_at TEXT NOT NULL, chainrisk_version TEXT NOT NULL, row_count INTEGER NOT NULL,
            value_totals TEXT NOT NULL, findings TEXT NOT NULL, options TEXT NOT NULL);
        CREATE TABLE dataset_files (dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
            position INTEGER NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL, size_bytes INTEGER NOT NULL,
            source_format TEXT NOT NULL, records INTEGER NOT NULL, flows INTEGER NOT NULL, PRIMARY KEY (dataset_id, position));
        CREATE TABLE flows (dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE, year INTEGER NOT NULL,
            month INTEGER NOT NULL, reporter TEXT NOT NULL, partner TEXT NOT NULL, classification TEXT NOT NULL,
            product TEXT NOT NULL, flow TEXT NOT NULL, value REAL, unit TEXT NOT NULL, quantity REAL, quantity_unit TEXT,
            status TEXT NOT NULL, source_file INTEGER NOT NULL, source_line INTEGER NOT NULL);
        CREATE INDEX flows_by_key ON flows(dataset_id, reporter, year, flow, classification, product, partner, month);
        """

    /// Writes `datasets` (name → flows) into a v1 database at `path`, interleaving their rows as v1 allowed.
    static func writeV1(_ datasets: [(String, [TradeFlow])], at path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: schemaV1)
            for (index, (name, flows)) in datasets.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO datasets VALUES (?, ?, 'comtrade', '2026-01-01T00:00:00Z', '0.9', ?, '{}', '{"counts":{},"examples":[]}', '{}')
                        """, arguments: [index + 1, name, flows.count])
                try db.execute(
                    sql: "INSERT INTO dataset_files VALUES (?, 0, ?, 'ab', 1, 'comtrade', ?, ?)",
                    arguments: [index + 1, name + ".csv", flows.count, flows.count])
            }
            // Rows of both datasets alternate, so each dataset's rowids are not one range before the migration.
            let longest = datasets.map(\.1.count).max() ?? 0
            for row in 0..<longest {
                for (index, (_, flows)) in datasets.enumerated() where row < flows.count {
                    let flow = flows[row]
                    try db.execute(
                        sql: "INSERT INTO flows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                        arguments: [
                            index + 1, flow.year, flow.month, flow.reporter.rawValue, flow.partner.rawValue,
                            flow.product.classification.token,
                            flow.product.code, flow.flow.rawValue, flow.value, flow.unit.token, flow.quantity,
                            flow.quantityUnit,
                            flow.status.rawValue, row + 2,
                        ])
                }
            }
        }
    }

    /// Each flow of `columns` as text, sorted: the columns' content whatever their order.
    static func sortedRows(_ columns: TradeFlowColumns) -> [String] {
        columns.blocks.flatMap { block in
            block.values.indices.map { row in
                "\(columns.countries[Int(block.reporters[row])]) \(columns.countries[Int(block.partners[row])]) \(block.products[row]) \(block.years[row]) \(block.values[row])"
            }
        }.sorted()
    }

    @Test(
        "Comtrade and BACI datasets written by v1 read back the same flows, columns, coverage and removal after the migration"
    )
    func migratesV1() throws {
        let comtrade = InputFile(
            path: Self.data + "/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv")
        let baci = InputFile(path: Self.data + "/baci_sample/BACI_HS92_Y2022_V202501_sample0.1pct.csv")
        let reference = try SQLiteTradeStore()
        _ = try reference.importDataset(
            ImportRequest(name: "nl", sources: [.init(file: comtrade, reader: ComtradeReader())]))
        _ = try reference.importDataset(ImportRequest(name: "baci", sources: [.init(file: baci, reader: BACIReader())]))
        let nl = try reference.flows(in: "nl")
        let world = try reference.flows(in: "baci")
        #expect(try reference.dataset(named: "nl")?.rowCount == nl.count && nl.count > 5_000 && world.count > 10_000)

        let folder = NSTemporaryDirectory() + "chainrisk-migration-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/v1.sqlite"
        try Self.writeV1([("nl", nl), ("baci", world)], at: path)

        let migrated = try SQLiteTradeStore(path: path)
        #expect(try migrated.flows(in: "nl") == nl)
        #expect(try migrated.flows(in: "baci") == world)
        let query = FlowQuery(partners: [CountryCode(verbatim: "DEU")], years: [2021], productPrefix: "4401")
        #expect(try migrated.flows(in: "nl", matching: query) == reference.flows(in: "nl", matching: query))
        #expect(try migrated.flowCoverage(in: "baci") == reference.flowCoverage(in: "baci"))
        let columns = try #require(try migrated.flowColumns(in: "baci", stored: .exports, mirrored: true))
        let expected = try #require(try reference.flowColumns(in: "baci", stored: .exports, mirrored: true))
        // v1 rows were written in key order here, so the columns hold the same flows in another order.
        #expect(columns.count == expected.count && Set(columns.countries) == Set(expected.countries))
        let migratedRows = Self.sortedRows(columns)
        let expectedRows = Self.sortedRows(expected)
        #expect(migratedRows == expectedRows, "the migrated columns differ from a fresh import's")

        try migrated.removeDataset(named: "nl")
        #expect(try migrated.flows(in: "baci") == world)
        _ = try migrated.importDataset(
            ImportRequest(name: "nl2", sources: [.init(file: comtrade, reader: ComtradeReader())]))
        #expect(try migrated.flows(in: "nl2") == nl)
        let counts = try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM flows") ?? -1
        }
        #expect(counts == world.count + nl.count)
    }
}
