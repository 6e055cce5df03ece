public import ChainRiskAnalysis
public import ChainRiskCore
public import ChainRiskReport
import ChainRiskStore
import Foundation

/// A stored dataset's concentration rows for one set of flows, thresholds, level and product prefix.
public struct DatasetConcentration: Sendable {
    public let rows: [ImportConcentration]
    public let input: Provenance.Input
    /// What moving codes into another HS edition found (none when codes stay as reported).
    public var findings = FindingLog()
}

/// The settings that make one dataset's concentration rows.
struct DatasetConcentrationKey: Hashable, Sendable {
    let dataset: String
    let thresholds: ConcentrationThresholds
    let level: Int?
    let flows: [FlowKind]
    let productPrefix: String?
    let hsVersion: HSEditionBridge.Edition?
}

/// The last few datasets' concentration rows, least recently used first out; emptied by every write to the store.
///
/// One computation per key at a time: a caller that finds the rows being computed waits for them. Rows computed while
/// a write happened are returned but not kept, so the cache never serves rows of an older store.
final class DatasetConcentrationCache: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var entries: [DatasetConcentrationKey: DatasetConcentration] = [:]
    private var recency: [DatasetConcentrationKey] = []
    private var computing: Set<DatasetConcentrationKey> = []
    /// Bumped by every write, so that a computation that spans one does not store its result.
    private var generation = 0

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// The rows for `key`: cached, computed by another caller (waited for), or computed here by `compute`.
    func value(for key: DatasetConcentrationKey, compute: () throws -> DatasetConcentration) throws
        -> DatasetConcentration
    {
        condition.lock()
        while true {
            if let value = entries[key] {
                recency.removeAll { $0 == key }
                recency.append(key)
                condition.unlock()
                return value
            }
            if !computing.contains(key) { break }
            condition.wait()
        }
        computing.insert(key)
        let started = generation
        condition.unlock()
        let result = Result { try compute() }
        condition.lock()
        computing.remove(key)
        if case .success(let value) = result, started == generation {
            entries[key] = value
            recency.removeAll { $0 == key }
            recency.append(key)
            while recency.count > capacity { entries[recency.removeFirst()] = nil }
        }
        condition.broadcast()
        condition.unlock()
        return try result.get()
    }

    func removeAll() {
        condition.lock()
        generation += 1
        entries.removeAll()
        recency.removeAll()
        condition.unlock()
    }
}

extension Workspace {
    /// Concentration rows of a stored dataset, read and computed once per dataset and settings, then kept.
    ///
    /// Reporter and year filters apply to the rows afterwards (rows are per reporter and year, so that gives the
    /// same rows as filtering flows); the product prefix filters flows, because it changes what a coarser level sums.
    public func datasetConcentration(
        _ dataset: String, thresholds: ConcentrationThresholds, level: Int? = nil,
        flows: [FlowKind] = [.imports, .importsForOwnUse],
        productPrefix: String? = nil, hsVersion: HSEditionBridge.Edition? = nil
    ) throws -> DatasetConcentration {
        let key = DatasetConcentrationKey(
            dataset: dataset, thresholds: thresholds, level: level, flows: flows, productPrefix: productPrefix,
            hsVersion: hsVersion)
        return try datasetRows.value(for: key) {
            let input = try provenanceInput(dataset: dataset)
            if hsVersion == nil, flows.contains(.imports), Set(flows).isSubset(of: [.imports, .importsForOwnUse]),
                !ColumnarConcentrationRun.generalPathForced,
                let rows = try columnarConcentration(
                    dataset, thresholds: thresholds, level: level, productPrefix: productPrefix)
            {
                return DatasetConcentration(rows: rows, input: input)
            }
            var accumulator = ConcentrationAnalysis(thresholds: thresholds, level: level).accumulator()
            let query = FlowQuery(
                flows: flows.count == FlowKind.allCases.count ? nil : flows, productPrefix: productPrefix)
            let findings = try Self.bridged(
                to: hsVersion,
                { body in
                    try forEachStoredFlow(in: dataset, matching: query, body)
                    return FindingLog()
                }
            ) { accumulator.add($0) }
            return DatasetConcentration(rows: accumulator.rows(), input: input, findings: findings)
        }
    }

    /// The same rows from the columnar engine when the store hands the dataset over as columns (a BACI year, say):
    /// the dashboard's tables of a stored dataset then take the file path's time, on SQLite and PostgreSQL alike.
    /// Nil when the dataset does not fit columns; blocks in order give the rows in the accumulator's order.
    private func columnarConcentration(
        _ dataset: String, thresholds: ConcentrationThresholds, level: Int?, productPrefix: String?
    ) throws -> [ImportConcentration]? {
        guard let columns = try ColumnarConcentrationRun.columns(.dataset(dataset), workspace: self) else { return nil }
        let selection =
            productPrefix.map { prefix in ColumnarConcentration.Selection(product: { $0.code.hasPrefix(prefix) }) }
            ?? .all
        guard
            let engine = ColumnarConcentration(
                analysis: ConcentrationAnalysis(thresholds: thresholds, level: level), flows: columns,
                selection: selection)
        else {
            return nil
        }
        return ParallelMap.map(engine.blockCount) { engine.rows(inBlock: $0) }.flatMap { $0 }
    }
}
