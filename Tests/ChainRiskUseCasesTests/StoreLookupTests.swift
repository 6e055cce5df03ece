import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest
import ChainRiskStore
import ChainRiskUseCases
import Foundation
import Testing

/// A store that counts how often a dataset is looked up, around a real one.
final class CountingStore: TradeStore, @unchecked Sendable {
    let inner: SQLiteTradeStore
    private let lock = NSLock()
    private var count = 0

    init(_ inner: SQLiteTradeStore) { self.inner = inner }

    var lookups: Int { lock.withLock { count } }
    func reset() { lock.withLock { count = 0 } }

    var location: String { inner.location }
    func importDataset(_ request: ImportRequest, progress: ImportProgress?) throws -> ImportOutcome {
        try inner.importDataset(request, progress: progress)
    }
    func datasets() throws -> [DatasetInfo] { try inner.datasets() }
    func dataset(named name: String) throws -> DatasetInfo? {
        lock.withLock { count += 1 }
        return try inner.dataset(named: name)
    }
    func removeDataset(named name: String) throws { try inner.removeDataset(named: name) }
    func forEachFlow(in dataset: String, matching query: FlowQuery, _ body: (TradeFlow) throws -> Void) throws {
        try inner.forEachFlow(in: dataset, matching: query, body)
    }
    func checkConsistency() throws -> StoreConsistency { try inner.checkConsistency() }
    func removeOrphans() throws -> Int { try inner.removeOrphans() }
    func generation() throws -> Int64 { try inner.generation() }
    func flowCoverage(in dataset: String) throws -> [FlowKind: FlowCoverage] { try inner.flowCoverage(in: dataset) }
    func flowColumns(in dataset: String, stored: FlowKind, mirrored: Bool) throws -> TradeFlowColumns? {
        try inner.flowColumns(in: dataset, stored: stored, mirrored: mirrored)
    }
}

@Suite("one store look-up per dataset and request")
struct StoreLookupTests {
    @Test(
        "concentration on a stored BACI year: the dataset is looked up once (provenance, engine choice and columns share it); a change to the store looks it up again"
    )
    func oncePerRequest() throws {
        let store = CountingStore(try SQLiteTradeStore())
        let workspace = Workspace(store: store)
        let baci = UseCaseFixture.sharedData + "/baci_sample/BACI_HS92_Y2022_V202501_sample0.1pct.csv"
        _ = try workspace.importFiles(ImportFilesRequest(name: "baci", files: [InputFile(path: baci)]))
        store.reset()
        var request = ConcentrationRequest(
            source: .dataset("baci"), query: ConcentrationQuery(reporters: [CountryCode(verbatim: "DEU")]))
        request.limit = 20_000
        let result = try workspace.concentration(request)
        _ = try result.output()
        _ = try workspace.provenanceInput(dataset: "baci")
        #expect(result.engine == "columnar")
        #expect(store.lookups == 1, "looked up \(store.lookups) times")
        // Another dataset imported (any write): the next request asks the store again, once.
        _ = try workspace.importFiles(ImportFilesRequest(name: "second", files: [InputFile(path: baci)]))
        store.reset()
        _ = try workspace.concentration(request).output()
        #expect(store.lookups == 1)
    }
}
