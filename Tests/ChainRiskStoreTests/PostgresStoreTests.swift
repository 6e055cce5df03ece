import ChainRiskCore
import ChainRiskIngest
import ChainRiskStore
import ChainRiskTestSupport
import Foundation
import Testing

/// PostgreSQL against SQLite on real data, and what only a server can get wrong.
@Suite("PostgreSQL store: same flows as SQLite, bounded reads, schema and connection errors",
       .enabled(if: TestPostgres.isAvailable, "needs PostgreSQL: CHAINRISK_TEST_POSTGRES_URL or the server binaries (initdb, pg_ctl, psql; scripts/setup.sh installs them)"))
struct PostgresBackendTests {
    static let comtrade = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/data/comtrade_comtradr/nld_imports_by_partner_hs_wood_paper_furniture_2018_2022.csv").path

    func postgres() throws -> (store: PostgresTradeStore, url: String) {
        let url = try TestPostgres.freshDatabase()
        return (try PostgresTradeStore(PostgresLocation(url: url)), url)
    }

    func importComtrade(into store: any TradeStore) throws -> DatasetInfo {
        let request = ImportRequest(name: "nl", sources: [.init(file: InputFile(path: Self.comtrade), reader: ComtradeReader())])
        guard case .imported(let info) = try store.importDataset(request) else { throw TestPostgres.Failure(message: "not imported") }
        return info
    }

    @Test("the Dutch Comtrade file: the same 10,631 flows in the same order, totals and findings as in SQLite, also filtered")
    func sameAsSQLite() throws {
        let (postgres, url) = try postgres()
        let sqlite = try SQLiteTradeStore()
        let fromPostgres = try importComtrade(into: postgres), fromSQLite = try importComtrade(into: sqlite)
        #expect(fromPostgres.rowCount == 10_631)
        #expect(fromPostgres.valueTotals == fromSQLite.valueTotals)
        #expect(fromPostgres.findingCounts == fromSQLite.findingCounts && fromPostgres.findingExamples == fromSQLite.findingExamples)
        #expect(fromPostgres.files == fromSQLite.files)
        #expect(try postgres.flows(in: "nl") == (try sqlite.flows(in: "nl")))
        let query = FlowQuery(reporters: [.netherlands], partners: [CountryCode(verbatim: "CHN"), CountryCode(verbatim: "DEU")], years: [2021, 2022], productPrefix: "44")
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
        _ = try store.importDataset(ImportRequest(name: "large", sources: [.init(file: file, reader: GeneratedReader(count: 25_000))]))
        let flows = try store.flows(in: "large")
        #expect(flows.count == 25_000)
        // 1 + … + 25,000 = 312,512,500.
        #expect(flows.compactMap(\.value).reduce(0, +) == 312_512_500)
        #expect(try store.dataset(named: "large")?.valueTotals["USD"] == 312_512_500)
        #expect(zip(flows, flows.dropFirst()).allSatisfy { ($0.product.code, $0.partner.rawValue) <= ($1.product.code, $1.partner.rawValue) })
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
        let refused = try #require(throws: StoreError.self) { try PostgresTradeStore(PostgresLocation(url: try #require(wrong.string))) }
        #expect(refused.code == .unreachable && refused.message.contains("password authentication failed"))
        #expect(!refused.message.contains("not-the-password"))
        var closed = wrong
        closed.port = 1
        let unreachable = try #require(throws: StoreError.self) { try PostgresTradeStore(PostgresLocation(url: try #require(closed.string))) }
        #expect(unreachable.code == .unreachable && !unreachable.message.contains("not-the-password"))
    }
}

@Suite("Store locations: paths are SQLite, postgresql:// URLs PostgreSQL, other URLs refused")
struct StoreLocationTests {
    @Test("paths, URLs, defaults and credentials")
    func parsing() throws {
        #expect(try StoreLocation("/tmp/x.sqlite") == .sqlite(path: "/tmp/x.sqlite"))
        #expect(try StoreLocation("relative/dir/x.sqlite") == .sqlite(path: "relative/dir/x.sqlite"))
        guard case .postgres(let full) = try StoreLocation("postgresql://ana:s%40cret@db.example.org:6543/trade?sslmode=require", environment: [:]) else {
            Issue.record("not PostgreSQL")
            return
        }
        #expect(full.host == "db.example.org" && full.port == 6543 && full.user == "ana" && full.password == "s@cret")
        #expect(full.database == "trade" && full.tls == .require)
        #expect(full.description == "postgresql://ana@db.example.org:6543/trade")
        guard case .postgres(let short) = try StoreLocation("postgres://localhost", environment: ["PGUSER": "bob", "PGPASSWORD": "pw"]) else {
            Issue.record("not PostgreSQL")
            return
        }
        #expect(short.user == "bob" && short.database == "bob" && short.port == 5432 && short.password == "pw" && short.tls == .disable)
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
        try "# comment\nother:5432:*:ana:no\ndb.example.org:*:trade:ana:pa\\:ss\n*:*:*:*:fallback\n".write(toFile: path, atomically: true, encoding: .utf8)
        let environment = ["PGPASSFILE": path]
        guard case .postgres(let location) = try StoreLocation("postgresql://ana@db.example.org/trade", environment: environment),
              case .postgres(let other) = try StoreLocation("postgresql://carl@elsewhere/x", environment: environment) else {
            Issue.record("not PostgreSQL")
            return
        }
        #expect(location.password == "pa:ss")
        #expect(other.password == "fallback")
    }
}
