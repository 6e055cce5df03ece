import ChainRiskCore
import ChainRiskIngest
import ChainRiskTestSupport
import Foundation
import Testing

@testable import ChainRiskStore

/// PostgreSQL against SQLite on real data, and what only a server can get wrong.
@Suite(
    "PostgreSQL store: same flows as SQLite, bounded reads, schema and connection errors",
    .enabled(
        if: TestPostgres.isAvailable,
        "needs PostgreSQL: CHAINRISK_TEST_POSTGRES_URL or the server binaries (initdb, pg_ctl, psql; scripts/setup.sh installs them)"
    ))
struct PostgresBackendTests {
    static let comtrade = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(
            "shared/data/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv"
        ).path

    func postgres() throws -> (store: PostgresTradeStore, url: String) {
        let url = try TestPostgres.freshDatabase()
        return (try PostgresTradeStore(PostgresLocation(url: url)), url)
    }

    func importComtrade(into store: any TradeStore) throws -> DatasetInfo {
        let request = ImportRequest(
            name: "nl", sources: [.init(file: InputFile(path: Self.comtrade), reader: ComtradeReader())])
        guard case .imported(let info) = try store.importDataset(request) else {
            throw TestPostgres.Failure(message: "not imported")
        }
        return info
    }

    @Test(
        "the Dutch Comtrade file: the same 10,631 flows in the same order, totals and findings as in SQLite, also filtered"
    )
    func sameAsSQLite() throws {
        let (postgres, url) = try postgres()
        let sqlite = try SQLiteTradeStore()
        let fromPostgres = try importComtrade(into: postgres)
        let fromSQLite = try importComtrade(into: sqlite)
        #expect(fromPostgres.rowCount == 10_631)
        #expect(fromPostgres.valueTotals == fromSQLite.valueTotals)
        #expect(
            fromPostgres.findingCounts == fromSQLite.findingCounts
                && fromPostgres.findingExamples == fromSQLite.findingExamples)
        #expect(fromPostgres.files == fromSQLite.files)
        #expect(try postgres.flows(in: "nl") == (try sqlite.flows(in: "nl")))
        let query = FlowQuery(
            reporters: [.netherlands], partners: [CountryCode(verbatim: "CHN"), CountryCode(verbatim: "DEU")],
            years: [2021, 2022], productPrefix: "44")
        let filtered = try postgres.flows(in: "nl", matching: query)
        let filteredSQLite = try sqlite.flows(in: "nl", matching: query)
        #expect(!filtered.isEmpty && filtered == filteredSQLite)
        #expect(try postgres.flowCoverage(in: "nl") == (try sqlite.flowCoverage(in: "nl")))
        // The rows are in the server, not in a local file.
        #expect(try TestPostgres.psql(url, "SELECT count(*) FROM flows") == "10631")
    }

    @Test("25,000 flows go through several COPY chunks and cursor batches; sums and order survive")
    func largeDataset() throws {
        let (store, _) = try postgres()
        let file = try StoreContract.temporaryFile("large")
        _ = try store.importDataset(
            ImportRequest(name: "large", sources: [.init(file: file, reader: GeneratedReader(count: 25_000))]))
        let flows = try store.flows(in: "large")
        #expect(flows.count == 25_000)
        // 1 + … + 25,000 = 312,512,500.
        #expect(flows.compactMap(\.value).reduce(0, +) == 312_512_500)
        #expect(try store.dataset(named: "large")?.valueTotals["USD"] == 312_512_500)
        #expect(
            zip(flows, flows.dropFirst()).allSatisfy {
                ($0.product.code, $0.partner.rawValue) <= ($1.product.code, $1.partner.rawValue)
            })
    }

    static let baci = URL(fileURLWithPath: comtrade).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("baci_sample/BACI_HS92_Y2022_V202501_sample0.1pct.csv").path

    /// Each flow of `columns` in their order, as text with the value's bits: equal lists mean equal columns.
    static func rows(_ columns: TradeFlowColumns) -> [String] {
        columns.blocks.flatMap { block in
            block.values.indices.map { row in
                "\(columns.countries[Int(block.reporters[row])]) \(columns.countries[Int(block.partners[row])]) \(block.products[row]) \(block.years[row]) \(block.values[row].bitPattern)"
            }
        }
    }

    @Test(
        "a BACI year as columns: the same flows, order and values as from SQLite and from the file, also when read in many parts"
    )
    func baciColumns() throws {
        let (postgres, _) = try postgres()
        let sqlite = try SQLiteTradeStore()
        let file = InputFile(path: Self.baci)
        for store in [postgres, sqlite] as [any TradeStore] {
            _ = try store.importDataset(ImportRequest(name: "b", sources: [.init(file: file, reader: BACIReader())]))
        }
        let fromPostgres = try #require(try postgres.flowColumns(in: "b", stored: .exports, mirrored: true))
        let inParts = try #require(try postgres.flowColumns(in: "b", stored: .exports, mirrored: true, partSize: 1_000))
        let fromSQLite = try #require(try sqlite.flowColumns(in: "b", stored: .exports, mirrored: true))
        let fromFile = try #require(try BACIColumnReader().read(file, options: ReadOptions(flow: .imports)))
        let expected = Self.rows(fromFile)
        #expect(expected.count == 11_069)
        #expect(Self.rows(fromPostgres) == expected)
        #expect(Self.rows(inParts) == expected)
        #expect(Self.rows(fromSQLite) == expected)
        #expect(
            fromPostgres.flow == .imports && fromPostgres.unit == fromFile.unit
                && fromPostgres.classification == fromFile.classification)
        // Exporters' view: reporter and partner as stored.
        let exports = try #require(try postgres.flowColumns(in: "b", stored: .exports, mirrored: false))
        #expect(
            Self.rows(exports)
                == Self.rows(try #require(try sqlite.flowColumns(in: "b", stored: .exports, mirrored: false))))
        // Codes of 2, 4 and 6 digits do not fit columns; an unknown dataset is an error.
        _ = try importComtrade(into: postgres)
        #expect(try postgres.flowColumns(in: "nl", stored: .imports, mirrored: false) == nil)
        #expect(throws: StoreError.self) { try postgres.flowColumns(in: "none", stored: .imports, mirrored: false) }
    }

    @Test(
        "150,000 flows are stored as three column blocks that read back as the server packs the rows, and go with the dataset"
    )
    func columnBlocks() throws {
        let (store, url) = try postgres()
        let file = try StoreContract.temporaryFile("blocks")
        _ = try store.importDataset(
            ImportRequest(name: "g", sources: [.init(file: file, reader: GeneratedReader(count: 150_000))]))
        #expect(
            try TestPostgres.psql(url, "SELECT count(*), sum(flows), bool_and(fits) FROM flow_blocks") == "3|150000|t")
        let fromBlocks = try #require(try store.flowColumns(in: "g", stored: .imports, mirrored: false))
        let packedByServer = try #require(
            try store.flowColumns(in: "g", stored: .imports, mirrored: false, partSize: 50_000))
        #expect(fromBlocks.count == 150_000 && Self.rows(fromBlocks) == Self.rows(packedByServer))
        // 1 + … + 150,000, in import order.
        #expect(fromBlocks.blocks.flatMap(\.values).reduce(0, +) == 11_250_075_000)
        #expect(try store.flowColumns(in: "g", stored: .exports, mirrored: false) == nil)
        try store.removeDataset(named: "g")
        #expect(try TestPostgres.psql(url, "SELECT count(*) FROM flow_blocks") == "0")
    }

    @Test(
        "the check finds flows and column blocks of no dataset and a dataset short of its flows; removing orphans mends the former"
    )
    func consistencyCheck() throws {
        let (store, url) = try postgres()
        _ = try importComtrade(into: store)
        let file = try StoreContract.temporaryFile("blocks")
        _ = try store.importDataset(
            ImportRequest(name: "g", sources: [.init(file: file, reader: GeneratedReader(count: 70_000))]))
        #expect(try store.checkConsistency().isConsistent)
        let g = try TestPostgres.psql(url, "SELECT id FROM datasets WHERE name = 'g'")
        _ = try TestPostgres.psql(url, "UPDATE flows SET dataset_id = 99 WHERE dataset_id = \(g) AND seq < 5")
        _ = try TestPostgres.psql(url, "UPDATE flow_blocks SET dataset_id = 99 WHERE dataset_id = \(g) AND part = 1")
        let check = try store.checkConsistency()
        #expect(!check.isConsistent)
        #expect(
            check.orphans == [
                .init(table: "flow_blocks", datasetID: 99, rows: 70_000 - 65_536),
                .init(table: "flows", datasetID: 99, rows: 5),
            ])
        let broken = try #require(check.datasets.first { $0.name == "g" })
        #expect(broken.recordedFlows == 70_000 && broken.storedFlows == 69_995 && broken.readableFlows == 65_536)
        #expect(check.datasets.first { $0.name == "nl" }?.isConsistent == true)
        #expect(try store.removeOrphans() == 5)
        #expect(try store.checkConsistency().orphans.isEmpty)
        #expect(try TestPostgres.psql(url, "SELECT count(*) FROM flow_blocks WHERE dataset_id = 99") == "0")
    }

    @Test(
        "readers never wait: a store is opened and listed in well under a second while an import holds the writers' lock"
    )
    func readersDoNotWait() throws {
        let (store, url) = try postgres()
        _ = try importComtrade(into: store)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "psql", url, "-Atc",
            "BEGIN; SELECT pg_advisory_xact_lock(\(PostgresSchema.writerLock)); SELECT pg_sleep(6); COMMIT;",
        ]
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        defer { holder.waitUntilExit() }
        // Until the lock is held (psql has started and taken it).
        let deadline = Date().addingTimeInterval(10)
        while try TestPostgres.psql(url, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")
            == "0", Date() < deadline
        {
            Thread.sleep(forTimeInterval: 0.05)
        }
        let started = Date()
        let reader = try PostgresTradeStore(PostgresLocation(url: url))
        #expect(try reader.datasets().map(\.name) == ["nl"])
        #expect(Date().timeIntervalSince(started) < 3, "opening and listing waited for the writer")
        #expect(holder.isRunning, "the lock holder ended before the reader was timed")
    }

    @Test(
        "the importing backend terminated mid-COPY: a StoreError saying the server closed the connection and nothing was stored, no crash; the store still works"
    )
    func backendTerminatedMidImport() throws {
        let (store, url) = try postgres()
        _ = try importComtrade(into: store)
        let file = try StoreContract.temporaryFile("cut")
        // 200,000 flows are more than one column block, so rows, blocks and COPY statements are all in flight when the
        // backend goes; the reader runs on until the channel tells it the writer stopped.
        let reader = GeneratedReader(count: 200_000, interruptAt: 100_000) {
            _ = try TestPostgres.psql(
                url,
                """
                SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                """)
        }
        do {
            _ = try store.importDataset(ImportRequest(name: "cut", sources: [.init(file: file, reader: reader)]))
            Issue.record("the import succeeded though its backend was terminated")
        } catch let error as StoreError {
            #expect(error.code == .unreachable)
            #expect(
                error.message.contains("server closed the connection during the import; nothing was stored"),
                "\(error.message)")
        }
        let after = try PostgresTradeStore(PostgresLocation(url: url))
        #expect(try after.datasets().map(\.name) == ["nl"])
        #expect(try TestPostgres.psql(url, "SELECT count(*) FROM flows") == "10631")
        #expect(try after.checkConsistency().isConsistent)
    }

    @Test(
        "a database of schema v1 (text rows under a key index) migrates to integer-coded flows and reads back the same flows"
    )
    func migratesV1() throws {
        let url = try TestPostgres.freshDatabase()
        let reference = try SQLiteTradeStore()
        _ = try importComtrade(into: reference)
        _ = try reference.importDataset(
            ImportRequest(name: "baci", sources: [.init(file: InputFile(path: Self.baci), reader: BACIReader())]))
        let nl = try reference.flows(in: "nl")
        let world = try reference.flows(in: "baci")
        for statement in PostgresSchema.migrations[0] + [
            "CREATE TABLE chainrisk_schema (version integer NOT NULL)", "INSERT INTO chainrisk_schema VALUES (1)",
        ] {
            _ = try TestPostgres.psql(url, statement)
        }
        for (id, name, count) in [(1, "nl", nl.count), (2, "baci", world.count)] {
            _ = try TestPostgres.psql(
                url,
                """
                INSERT INTO datasets OVERRIDING SYSTEM VALUE VALUES
                (\(id), '\(name)', 'comtrade', '2026-01-01T00:00:00Z', '0.9', \(count), '{}', '{"counts":{},"examples":[]}', '{}');
                INSERT INTO dataset_files VALUES (\(id), 0, '\(name).csv', 'ab', 1, 'comtrade', \(count), \(count))
                """)
        }
        // v1 rows in key order, the datasets' rows alternating, as v1 allowed.
        var text = ""
        func cell(_ value: (some CustomStringConvertible)?) -> String { value.map(\.description) ?? "\\N" }
        for row in 0..<max(nl.count, world.count) {
            for (id, flows) in [(1, nl), (2, world)] where row < flows.count {
                let flow = flows[row]
                text +=
                    [
                        String(id), String(flow.year), String(flow.month), flow.reporter.rawValue,
                        flow.partner.rawValue,
                        flow.product.classification.token, flow.product.code, flow.flow.rawValue, cell(flow.value),
                        flow.unit.token,
                        cell(flow.quantity), cell(flow.quantityUnit), flow.status.rawValue, "0", String(row + 2),
                    ].joined(separator: "\t") + "\n"
            }
        }
        let rowsFile = try StoreContract.temporaryFile(text)
        _ = try TestPostgres.psql(url, "\\copy flows FROM '\(rowsFile.path)'")

        let migrated = try PostgresTradeStore(PostgresLocation(url: url))
        #expect(
            try TestPostgres.psql(url, "SELECT max(version) FROM chainrisk_schema")
                == String(PostgresSchema.migrations.count))
        #expect(try migrated.flows(in: "nl") == nl)
        #expect(try migrated.flows(in: "baci") == world)
        let query = FlowQuery(partners: [CountryCode(verbatim: "DEU")], years: [2021], productPrefix: "4401")
        #expect(try migrated.flows(in: "nl", matching: query) == reference.flows(in: "nl", matching: query))
        #expect(try migrated.flowCoverage(in: "baci") == reference.flowCoverage(in: "baci"))
        let columns = try #require(try migrated.flowColumns(in: "baci", stored: .exports, mirrored: true))
        let expected = try #require(try reference.flowColumns(in: "baci", stored: .exports, mirrored: true))
        // The v1 rows were in key order, so the columns hold the same flows in another order.
        #expect(Self.rows(columns).sorted() == Self.rows(expected).sorted())
        #expect(
            try TestPostgres.psql(
                url, "SELECT count(*) FROM flow_rows WHERE reporter = 'NLD' AND product = '4401' AND year = 2022")
                == "65")

        try migrated.removeDataset(named: "nl")
        #expect(try migrated.flows(in: "baci") == world)
        _ = try migrated.importDataset(
            ImportRequest(name: "nl2", sources: [.init(file: InputFile(path: Self.comtrade), reader: ComtradeReader())])
        )
        #expect(try migrated.flows(in: "nl2") == nl)
        #expect(try TestPostgres.psql(url, "SELECT count(*) FROM flows") == String(world.count + nl.count))
    }

    @Test("a user who may write the tables but owns none of them imports, reads columns and removes (README's rights)")
    func userWithoutOwnership() throws {
        let (_, url) = try postgres()
        let role = "analyst_\(UUID().uuidString.prefix(8).lowercased())"
        _ = try TestPostgres.psql(
            url,
            """
            CREATE ROLE \(role) LOGIN PASSWORD 'analyst-secret';
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \(role);
            GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \(role)
            """)
        var components = try #require(URLComponents(string: url))
        components.user = role
        components.password = "analyst-secret"
        let store = try PostgresTradeStore(PostgresLocation(url: try #require(components.string)))
        _ = try store.importDataset(
            ImportRequest(name: "b", sources: [.init(file: InputFile(path: Self.baci), reader: BACIReader())]))
        let columns = try #require(try store.flowColumns(in: "b", stored: .exports, mirrored: true))
        #expect(columns.count == 11_069)
        try store.removeDataset(named: "b")
        #expect(try store.datasets().isEmpty)
    }

    @Test("a database written by a newer chainrisk is refused with newer_schema, and nothing is changed")
    func newerSchema() throws {
        let (_, url) = try postgres()
        try TestPostgres.psql(url, "INSERT INTO chainrisk_schema (version) VALUES (99)")
        let error = try #require(throws: StoreError.self) { try PostgresTradeStore(PostgresLocation(url: url)) }
        #expect(error.code == .newerSchema && error.message.contains("schema version 99"))
        #expect(try TestPostgres.psql(url, "SELECT max(version) FROM chainrisk_schema") == "99")
    }

    @Test("wrong credentials and an unreachable server are `unreachable`, and no message shows the password")
    func connectionErrors() throws {
        let url = try TestPostgres.freshDatabase()
        var wrong = try #require(URLComponents(string: url))
        wrong.password = "not-the-password"
        let refused = try #require(throws: StoreError.self) {
            try PostgresTradeStore(PostgresLocation(url: try #require(wrong.string)))
        }
        #expect(refused.code == .unreachable && refused.message.contains("password authentication failed"))
        #expect(!refused.message.contains("not-the-password"))
        var closed = wrong
        closed.port = 1
        let unreachable = try #require(throws: StoreError.self) {
            try PostgresTradeStore(PostgresLocation(url: try #require(closed.string)))
        }
        #expect(unreachable.code == .unreachable && !unreachable.message.contains("not-the-password"))
    }
}

@Suite("Store locations: paths are SQLite, postgresql:// URLs PostgreSQL, other URLs refused")
struct StoreLocationTests {
    @Test("paths, URLs, defaults and credentials")
    func parsing() throws {
        #expect(try StoreLocation("/tmp/x.sqlite") == .sqlite(path: "/tmp/x.sqlite"))
        #expect(try StoreLocation("relative/dir/x.sqlite") == .sqlite(path: "relative/dir/x.sqlite"))
        guard
            case .postgres(let full) = try StoreLocation(
                "postgresql://ana:s%40cret@db.example.org:6543/trade?sslmode=require", environment: [:])
        else {
            Issue.record("not PostgreSQL")
            return
        }
        #expect(full.host == "db.example.org" && full.port == 6543 && full.user == "ana" && full.password == "s@cret")
        #expect(full.database == "trade" && full.tls == .require)
        #expect(full.description == "postgresql://ana@db.example.org:6543/trade")
        guard
            case .postgres(let short) = try StoreLocation(
                "postgres://localhost", environment: ["PGUSER": "bob", "PGPASSWORD": "pw"])
        else {
            Issue.record("not PostgreSQL")
            return
        }
        #expect(
            short.user == "bob" && short.database == "bob" && short.port == 5432 && short.password == "pw"
                && short.tls == .disable)
        for bad in ["mysql://u@h/db", "sqlite://x", "postgresql://u@h/a/b", "postgresql://u@h/db?sslmode=maybe"] {
            let error = try #require(throws: StoreError.self) { try StoreLocation(bad, environment: [:]) }
            #expect(error.code == .badLocation, "\(bad)")
        }
        let hidden = try #require(throws: StoreError.self) { try StoreLocation("mysql://u:topsecret@h/db") }
        #expect(!hidden.message.contains("topsecret"))
    }

    @Test("a password from ~/.pgpass: first matching line, * matches anything, escapes read")
    func passwordFile() throws {
        let path = NSTemporaryDirectory() + "pgpass-\(UUID().uuidString)"
        try "# comment\nother:5432:*:ana:no\ndb.example.org:*:trade:ana:pa\\:ss\n*:*:*:*:fallback\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let environment = ["PGPASSFILE": path]
        guard
            case .postgres(let location) = try StoreLocation(
                "postgresql://ana@db.example.org/trade", environment: environment),
            case .postgres(let other) = try StoreLocation("postgresql://carl@elsewhere/x", environment: environment)
        else {
            Issue.record("not PostgreSQL")
            return
        }
        #expect(location.password == "pa:ss")
        #expect(other.password == "fallback")
    }
}
