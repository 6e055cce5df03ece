public import ChainRiskAnalysis
public import ChainRiskCore
import ChainRiskIngest
public import ChainRiskReport
import ChainRiskSimulation
public import ChainRiskStore
import Foundation

/// What every use case works with: the store, the built-in letter with its policy rules, and the bundled resources.
///
/// The CLI makes one per run, the server one for its lifetime. The store is opened on first use (so commands that
/// need none never create a database) and the bundled data is read once.
public final class Workspace: @unchecked Sendable {
    private let lock = NSLock()
    private let openStore: @Sendable () throws -> any TradeStore
    private var opened: (any TradeStore)?
    private var letterValue: LetterDataset?
    private var engineValue: PolicyOptionEngine?
    private var letterAssessmentValue: VulnerabilityAssessment?
    private var simulationValue: SimulationBundle?
    /// Concentration rows of recently analysed datasets (the server asks for the same dataset many times).
    let datasetRows = DatasetConcentrationCache(capacity: 8)
    /// Datasets looked up since the store last changed, by name (nil: none of that name): one store look-up per
    /// dataset however many steps of a request ask.
    private var datasetInfos: [String: DatasetInfo?] = [:]

    /// A workspace over the store that `openStore` opens when first needed.
    public init(openStore: @escaping @Sendable () throws -> any TradeStore) {
        self.openStore = openStore
    }

    /// A workspace over the store `location` names — a SQLite file path or a `postgresql://` URL (default:
    /// `$CHAINRISK_DB` or `~/.chainrisk/chainrisk.sqlite`).
    public convenience init(storeLocation location: String?) {
        self.init { try TradeStores.open(location) }
    }

    /// The store used when no `--db` is given: `$CHAINRISK_DB` or `~/.chainrisk/chainrisk.sqlite`.
    public static var defaultStoreLocation: String { StoreLocation.defaultText() }

    /// `location` as it may be shown (a URL without its password; `:memory:` for none).
    public static func displayedStoreLocation(_ location: String?) -> String {
        guard let location else { return ":memory:" }
        if case .postgres(let postgres)? = try? StoreLocation(location) { return postgres.description }
        return location
    }

    /// A workspace over an already opened store.
    public convenience init(store: any TradeStore) {
        self.init { store }
    }

    /// The store, opened once.
    public func store() throws -> any TradeStore {
        try lock.withLock {
            if let opened { return opened }
            let store = try openStore()
            opened = store
            return store
        }
    }

    /// The built-in dataset `nl-letter-2021`: the letter's published tables.
    public func letter() throws -> LetterDataset {
        try once(\.letterValue) { try BuiltInDatasets.nlLetter2021() }
    }

    /// The bundled policy-option rules.
    public func policyEngine() throws -> PolicyOptionEngine {
        try once(\.engineValue) { try PolicyOptionEngine.bundled() }
    }

    /// The letter's own assessment (published Tables 4 and 5, letter thresholds, no user events).
    public func letterAssessment() throws -> VulnerabilityAssessment {
        let (letter, engine) = (try letter(), try policyEngine())
        return try once(\.letterAssessmentValue) { try VulnerabilityAssessment(letter: letter, engine: engine) }
    }

    /// The simulation's bundled resources (HS → sector map, sector names), read once.
    func simulationBundle() throws -> SimulationBundle {
        try once(\.simulationValue) {
            SimulationBundle(
                productSectorMap: try SimulationResources.productSectorMap(),
                sectorNames: try SimulationResources.sectorNames(),
                sectorNamesNL: try SimulationResources.sectorNames(dutch: true),
                criticality: try SimulationResources.criticalityRatings())
        }
    }

    /// Forgets what was computed from the store; every write through the workspace calls it.
    public func storeChanged() {
        datasetRows.removeAll()
        lock.withLock { datasetInfos.removeAll() }
    }

    /// The stored dataset `name`, or nil: looked up in the store once until the store changes (`storeChanged`).
    public func datasetInfo(named name: String) throws -> DatasetInfo? {
        if let known = lock.withLock({ datasetInfos[name] }) { return known }
        let info = try store().dataset(named: name)
        lock.withLock { datasetInfos[name] = .some(info) }
        return info
    }

    /// The provenance entry of the stored dataset `name`; `StoreError.unknownDataset` when there is none.
    public func provenanceInput(dataset name: String) throws -> Provenance.Input {
        guard let info = try datasetInfo(named: name) else {
            throw StoreError(.unknownDataset, "no dataset named '\(name)'; `chainrisk datasets` lists them")
        }
        return Provenance.Input(
            name: name, kind: "dataset", files: info.files.map { ($0.path, $0.sha256) }, importedAt: info.importedAt)
    }

    /// The value at `slot`, computed by `make` the first time.
    private func once<Value>(_ slot: ReferenceWritableKeyPath<Workspace, Value?>, _ make: () throws -> Value) throws
        -> Value
    {
        if let value = lock.withLock({ self[keyPath: slot] }) { return value }
        let value = try make()
        lock.withLock { self[keyPath: slot] = value }
        return value
    }
}

/// The simulation's bundled resources.
struct SimulationBundle: Sendable {
    let productSectorMap: ProductSectorMap
    let sectorNames: [String: String]
    /// The same names in Dutch, for `--lang nl` and the Dutch dashboard.
    let sectorNamesNL: [String: String]
    /// IHS Markit input ratings per input and using WIOD sector, with their source.
    let criticality: (weights: [String: [String: Double]], source: String)
}
