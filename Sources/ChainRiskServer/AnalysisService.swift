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
    let store: TradeStore
    /// The use cases the CLI runs too, over this server's store.
    let workspace: Workspace
    let letter: LetterDataset
    let engine: PolicyOptionEngine
    /// The letter's assessment (published Tables 4 and 5), computed once.
    let letterAssessment: VulnerabilityAssessment
    /// Rendered responses by endpoint, parameters and store generation.
    let responses: BoundedCache<ByteBuffer>
    /// Analyses and reads, one at a time.
    let analyses = WorkQueue(label: "chainrisk.analysis")
    /// Imports and removals, apart from analyses (SQLite's WAL lets reads go on during a write).
    let writes = WorkQueue(label: "chainrisk.writes")
    private let writeCount = WriteCount()
    /// The scenario context of the input-output table (region scaling, inventories), prepared once at start.
    let scenarioContext: ScenarioRunner.Context?

    init(configuration: ServerConfiguration) throws {
        self.configuration = configuration
        store = try configuration.databasePath.map { try TradeStore(path: $0) } ?? TradeStore()
        workspace = Workspace(store: store)
        letter = try workspace.letter()
        engine = try workspace.policyEngine()
        letterAssessment = try workspace.letterAssessment()
        responses = BoundedCache(capacity: configuration.cacheEntries)
        scenarioContext = try configuration.inputOutput.map { try ScenarioRunner.Context.defaults(for: $0) }
    }

    /// Bumped by every write; part of every cache key.
    var generation: Int { writeCount.value }

    /// Forgets cached results after a write.
    func invalidate() {
        writeCount.increment()
        responses.removeAll()
        workspace.storeChanged()
    }

    /// The response cached under `key`, or `render` run on the analysis queue and cached.
    func cached(_ key: String, contentType: String, render: @escaping @Sendable () throws -> String) async throws -> Response {
        let fullKey = "\(generation)|\(key)"
        if let buffer = responses.value(for: fullKey) {
            return .bytes(buffer, contentType: contentType)
        }
        // Requests for the same result that queued behind the first one find it cached and do not compute again.
        let buffer = try await analyses.run { [responses] in
            if let buffer = responses.value(for: fullKey) { return buffer }
            let buffer = ByteBuffer(string: try render())
            responses.store(buffer, for: fullKey)
            return buffer
        }
        return .bytes(buffer, contentType: contentType)
    }

    /// True for the name of a built-in dataset.
    func isBuiltIn(_ name: String) -> Bool { BuiltInDatasets.names.contains(name) }

    /// The provenance entry of a stored dataset, or 404 when there is none of that name.
    func provenanceInput(dataset name: String) throws -> Provenance.Input {
        guard try store.dataset(named: name) != nil else {
            throw APIError(.notFound, "unknown_dataset", "no dataset named '\(name)'; GET /api/v1/datasets lists them")
        }
        return try workspace.provenanceInput(dataset: name)
    }
}

/// How many writes the store has seen since the server started.
private final class WriteCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    func increment() { lock.withLock { count += 1 } }
}
