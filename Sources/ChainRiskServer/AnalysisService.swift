import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskStore
import ChainRiskUseCases
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore

/// What every route reads: the store, the built-in letter with its assessment, the caches and the work queues.
///
/// Computations are the library's (the same calls the CLI makes); this type only composes, caches and bounds them.
final class AnalysisService: Sendable {
    let configuration: ServerConfiguration
    let store: any TradeStore
    /// The use cases the CLI runs too, over this server's store.
    let workspace: Workspace
    let letter: LetterDataset
    let engine: PolicyOptionEngine
    /// The letter's assessment (published Tables 4 and 5), computed once.
    let letterAssessment: VulnerabilityAssessment
    /// Rendered responses by endpoint, parameters and store generation, least recently used out first.
    let responses: BoundedCache<CacheKey, ByteBuffer>
    /// Responses being computed, so that identical requests wait for one computation.
    let inFlight = SingleFlight<CacheKey, ByteBuffer>()
    /// Analyses and reads: `workers` long ones at once, cheap ones in a lane of their own.
    let pool: WorkPool
    /// Imports and removals, apart from analyses (SQLite's WAL lets reads go on during a write).
    let writes = WorkQueue(label: "chainrisk.writes")
    private let writeCount = Count()
    /// The store's generation as of the last request (`followStore`).
    private let storeGeneration = LatestValue(Int64(-1))
    /// Responses computed (not answered from the cache or from a computation in flight), for tests.
    let computations = Count()
    /// The scenario context of the input-output table (region scaling, inventories), prepared once at start.
    let scenarioContext: ScenarioRunner.Context?

    init(configuration: ServerConfiguration) throws {
        self.configuration = configuration
        store = try configuration.database.map { try TradeStores.open($0) } ?? SQLiteTradeStore()
        workspace = Workspace(store: store)
        letter = try workspace.letter()
        engine = try workspace.policyEngine()
        letterAssessment = try workspace.letterAssessment()
        responses = BoundedCache(capacity: configuration.cacheEntries)
        pool = WorkPool(workers: configuration.workers, cheapWorkers: configuration.cheapWorkers)
        scenarioContext = try configuration.inputOutput.map { try ScenarioRunner.Context.defaults(for: $0) }
    }

    /// Bumped by every write; part of every cache key.
    var generation: Int { writeCount.value }

    /// Empties every cache when the store's generation moved since the last request: another process (a CLI import
    /// or removal, a second server) changed it.
    func followStore() throws {
        let current = try store.generation()
        if storeGeneration.exchange(current) != current { invalidate() }
    }

    /// Forgets cached results after a write.
    func invalidate() {
        writeCount.increment()
        responses.removeAll()
        workspace.storeChanged()
    }

    /// The response cached for `path`, `query` and `body`, or `render` run in `lane` of the pool and cached.
    ///
    /// A cache hit is answered without touching the pool. Identical requests while the response is computed wait for
    /// that computation (single flight); a result computed across a write is returned but not cached.
    func cached(
        path: String, query: String, body: CacheKey.Body = .none, lane: WorkPool.Lane, contentType: String,
        render: @escaping @Sendable () throws -> String
    ) async throws -> Response {
        try await cachedBytes(path: path, query: query, body: body, lane: lane, contentType: contentType) {
            ByteBuffer(string: try render())
        }
    }

    /// As `cached`, for a rendering that is bytes rather than text (an xlsx workbook).
    func cachedBytes(
        path: String, query: String, body: CacheKey.Body = .none, lane: WorkPool.Lane, contentType: String,
        render: @escaping @Sendable () throws -> ByteBuffer
    ) async throws -> Response {
        let key = CacheKey(generation: generation, path: path, query: query, body: body)
        if let buffer = responses.value(for: key) {
            return .bytes(buffer, contentType: contentType)
        }
        let buffer = try await inFlight.run(key) { [self] in
            // A computation that ended between the lookup above and this flight left its result in the cache.
            if let buffer = responses.value(for: key) { return buffer }
            let buffer = try await pool.run(lane) { try render() }
            computations.increment()
            if key.generation == generation { responses.store(buffer, for: key) }
            return buffer
        }
        return .bytes(buffer, contentType: contentType)
    }

    /// True for the name of a built-in dataset.
    func isBuiltIn(_ name: String) -> Bool { BuiltInDatasets.names.contains(name) }

    /// The provenance entry of a stored dataset, or 404 when there is none of that name.
    func provenanceInput(dataset name: String) throws -> Provenance.Input {
        guard try workspace.datasetInfo(named: name) != nil else {
            throw APIError(.notFound, "unknown_dataset", "no dataset named '\(name)'; GET /api/v1/datasets lists them")
        }
        return try workspace.provenanceInput(dataset: name)
    }
}

/// A value shared between threads, replaced whole.
final class LatestValue<Value: Sendable & Equatable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Stores `newValue` and returns the value it replaced.
    func exchange(_ newValue: Value) -> Value {
        lock.withLock {
            defer { value = newValue }
            return value
        }
    }
}

/// A count shared between threads: writes the store has seen since the server started, responses computed.
final class Count: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    func increment() { lock.withLock { count += 1 } }
}
