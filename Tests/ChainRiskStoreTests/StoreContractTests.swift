import ChainRiskCore
import ChainRiskIngest
import ChainRiskStore
import ChainRiskTestSupport
import Foundation
import Testing

/// What every store backend must do, run against SQLite and PostgreSQL alike.
enum StoreContract {
    /// A temporary file with the given text, so imports have a real path to hash.
    static func temporaryFile(_ text: String) throws -> InputFile {
        let path = NSTemporaryDirectory() + "chainrisk-store-\(UUID().uuidString).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return InputFile(path: path)
    }

    /// A reader failing at flow 5 000 leaves no dataset and no flows
    static func failingImportLeavesNothing(_ makeStore: () throws -> any TradeStore) throws {
        let store = try makeStore()
        let file = try Self.temporaryFile("generated")
        let request = ImportRequest(
            name: "broken", sources: [.init(file: file, reader: GeneratedReader(count: 10_000, failAt: 5_000))])
        #expect(throws: InputError.self) { try store.importDataset(request) }
        #expect(try store.datasets().isEmpty)
        let ok = ImportRequest(name: "ok", sources: [.init(file: file, reader: GeneratedReader(count: 3))])
        _ = try store.importDataset(ok)
        #expect(try store.flows(in: "ok").count == 3)
    }

    /// A second import of the same file under the same name is a no-op
    static func reimportIsNoOp(_ makeStore: () throws -> any TradeStore) throws {
        let store = try makeStore()
        let file = try Self.temporaryFile("same bytes")
        let request = ImportRequest(name: "d", sources: [.init(file: file, reader: GeneratedReader(count: 100))])
        guard case .imported(let first) = try store.importDataset(request) else {
            Issue.record("first import should store")
            return
        }
        #expect(first.rowCount == 100)
        // 1 + 2 + … + 100 = 5 050.
        #expect(first.valueTotals["USD"] == 5_050)
        guard case .alreadyImported(let second) = try store.importDataset(request) else {
            Issue.record("second import should be a no-op")
            return
        }
        #expect(second.rowCount == 100)
        #expect(second.importedAt == first.importedAt)
        #expect(try store.flows(in: "d").count == 100)
    }

    /// The same name with another file is refused unless replace is given
    static func sameNameOtherFile(_ makeStore: () throws -> any TradeStore) throws {
        let store = try makeStore()
        let first = try Self.temporaryFile("one")
        let second = try Self.temporaryFile("two")
        _ = try store.importDataset(
            ImportRequest(name: "d", sources: [.init(file: first, reader: GeneratedReader(count: 2))]))
        #expect(throws: StoreError.self) {
            try store.importDataset(
                ImportRequest(name: "d", sources: [.init(file: second, reader: GeneratedReader(count: 5))]))
        }
        #expect(try store.flows(in: "d").count == 2)
        _ = try store.importDataset(
            ImportRequest(name: "d", sources: [.init(file: second, reader: GeneratedReader(count: 5))], replace: true))
        #expect(try store.flows(in: "d").count == 5)
    }

    /// The dataset records the file's SHA-256 and size
    static func provenance(_ makeStore: () throws -> any TradeStore) throws {
        let store = try makeStore()
        let file = try Self.temporaryFile("abc")
        _ = try store.importDataset(
            ImportRequest(name: "p", sources: [.init(file: file, reader: GeneratedReader(count: 1))]))
        let info = try #require(try store.dataset(named: "p"))
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        #expect(info.files.first?.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(info.files.first?.sizeBytes == 3)
        #expect(info.chainriskVersion == ChainRiskVersion.current)
    }

    /// Flows sharing a key are reported as duplicate_key findings
    static func duplicates(_ makeStore: () throws -> any TradeStore) throws {
        let store = try makeStore()
        let file = try Self.temporaryFile("dup")
        struct Twice: TradeReader {
            var format: SourceFormat { .canonical }
            func read(_ file: InputFile, options: ReadOptions, into sink: FlowSink) throws -> ReadSummary {
                let flow = TradeFlow(
                    year: 2019, reporter: .netherlands, partner: CountryCode(verbatim: "CHN"),
                    product: ProductCode("8471", in: .hs), flow: .imports, value: 1, unit: .usd)
                try sink(flow, 2)
                try sink(flow, 7)
                var summary = ReadSummary(format: format)
                summary.recordsRead = 2
                summary.flowsEmitted = 2
                return summary
            }
        }
        _ = try store.importDataset(ImportRequest(name: "dup", sources: [.init(file: file, reader: Twice())]))
        let info = try #require(try store.dataset(named: "dup"))
        #expect(info.findingCounts["duplicate_key"] == 1)
        #expect(info.findingExamples.first?.location?.line == 7)
        #expect(throws: InputError.self) {
            try store.importDataset(
                ImportRequest(name: "dup2", sources: [.init(file: file, reader: Twice())], strict: true))
        }
        #expect(try store.dataset(named: "dup2") == nil)
    }

    /// A file that gives no flow is refused and stores nothing
    static func emptyFileRefused(_ makeStore: () throws -> any TradeStore) throws {
        let store = try makeStore()
        let file = try Self.temporaryFile("header only")
        struct Nothing: TradeReader {
            var format: SourceFormat { .canonical }
            func read(_ file: InputFile, options: ReadOptions, into sink: FlowSink) throws -> ReadSummary {
                ReadSummary(format: format)
            }
        }
        let error = try #require(throws: InputError.self) {
            try store.importDataset(ImportRequest(name: "e", sources: [.init(file: file, reader: Nothing())]))
        }
        #expect(error.code == .emptyFile)
        #expect(try store.datasets().isEmpty)
    }

    /// Removing a dataset removes its flows; removing an unknown one fails
    static func remove(_ makeStore: () throws -> any TradeStore) throws {
        let store = try makeStore()
        let file = try Self.temporaryFile("r")
        _ = try store.importDataset(
            ImportRequest(name: "r", sources: [.init(file: file, reader: GeneratedReader(count: 4))]))
        try store.removeDataset(named: "r")
        #expect(try store.datasets().isEmpty)
        #expect(throws: StoreError.self) { try store.removeDataset(named: "r") }
    }
}

@Suite("Store contract on SQLite: atomic, idempotent imports")
struct SQLiteStoreTests {
    @Test("a reader failing at flow 5 000 leaves no dataset and no flows")
    func failingImportLeavesNothing() throws { try StoreContract.failingImportLeavesNothing { try SQLiteTradeStore() } }

    @Test("a second import of the same file under the same name is a no-op")
    func reimportIsNoOp() throws { try StoreContract.reimportIsNoOp { try SQLiteTradeStore() } }

    @Test("the same name with another file is refused unless replace is given")
    func sameNameOtherFile() throws { try StoreContract.sameNameOtherFile { try SQLiteTradeStore() } }

    @Test("the dataset records the file's SHA-256 and size")
    func provenance() throws { try StoreContract.provenance { try SQLiteTradeStore() } }

    @Test("flows sharing a key are reported as duplicate_key findings")
    func duplicates() throws { try StoreContract.duplicates { try SQLiteTradeStore() } }

    @Test("removing a dataset removes its flows; removing an unknown one fails")
    func remove() throws { try StoreContract.remove { try SQLiteTradeStore() } }

    @Test("a file that gives no flow is refused and stores nothing")
    func emptyFileRefused() throws { try StoreContract.emptyFileRefused { try SQLiteTradeStore() } }
}

@Suite(
    "Store contract on PostgreSQL: atomic, idempotent imports",
    .enabled(
        if: TestPostgres.isAvailable,
        "needs PostgreSQL: CHAINRISK_TEST_POSTGRES_URL or the server binaries (initdb, pg_ctl, psql; scripts/setup.sh installs them)"
    ))
struct PostgresStoreTests {
    static func store() throws -> any TradeStore {
        try PostgresTradeStore(PostgresLocation(url: try TestPostgres.freshDatabase()))
    }

    @Test("a reader failing at flow 5 000 leaves no dataset and no flows")
    func failingImportLeavesNothing() throws { try StoreContract.failingImportLeavesNothing(Self.store) }

    @Test("a second import of the same file under the same name is a no-op")
    func reimportIsNoOp() throws { try StoreContract.reimportIsNoOp(Self.store) }

    @Test("the same name with another file is refused unless replace is given")
    func sameNameOtherFile() throws { try StoreContract.sameNameOtherFile(Self.store) }

    @Test("the dataset records the file's SHA-256 and size")
    func provenance() throws { try StoreContract.provenance(Self.store) }

    @Test("flows sharing a key are reported as duplicate_key findings")
    func duplicates() throws { try StoreContract.duplicates(Self.store) }

    @Test("removing a dataset removes its flows; removing an unknown one fails")
    func remove() throws { try StoreContract.remove(Self.store) }

    @Test("a file that gives no flow is refused and stores nothing")
    func emptyFileRefused() throws { try StoreContract.emptyFileRefused(Self.store) }
}
