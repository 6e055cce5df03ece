import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskReport
import ChainRiskStore
import Foundation

/// A stored dataset's concentration rows for one set of flows, thresholds, level and product prefix.
public struct DatasetConcentration: Sendable {
    public let rows: [ImportConcentration]
    public let input: Provenance.Input
}

/// The settings that make one dataset's concentration rows.
struct DatasetConcentrationKey: Hashable, Sendable {
    let dataset: String
    let thresholds: ConcentrationThresholds
    let level: Int?
    let flows: [FlowKind]
    let productPrefix: String?
}

/// The last few datasets' concentration rows, least recently used first out; emptied by every write to the store.
final class DatasetConcentrationCache: @unchecked Sendable {
    private let lock = NSLock()
    private let capacity: Int
    private var entries: [DatasetConcentrationKey: DatasetConcentration] = [:]
    private var recency: [DatasetConcentrationKey] = []

    init(capacity: Int) { self.capacity = max(1, capacity) }

    func value(for key: DatasetConcentrationKey) -> DatasetConcentration? {
        lock.withLock {
            guard let value = entries[key] else { return nil }
            recency.removeAll { $0 == key }
            recency.append(key)
            return value
        }
    }

    func store(_ value: DatasetConcentration, for key: DatasetConcentrationKey) {
        lock.withLock {
            if entries.updateValue(value, forKey: key) != nil { recency.removeAll { $0 == key } }
            recency.append(key)
            while recency.count > capacity { entries[recency.removeFirst()] = nil }
        }
    }

    func removeAll() {
        lock.withLock {
            entries.removeAll()
            recency.removeAll()
        }
    }
}

extension Workspace {
    /// Concentration rows of a stored dataset, read and computed once per dataset and settings, then kept.
    ///
    /// Reporter and year filters apply to the rows afterwards (rows are per reporter and year, so that gives the
    /// same rows as filtering flows); the product prefix filters flows, because it changes what a coarser level sums.
    public func datasetConcentration(_ dataset: String, thresholds: ConcentrationThresholds, level: Int? = nil, flows: [FlowKind] = [.imports, .importsForOwnUse], productPrefix: String? = nil) throws -> DatasetConcentration {
        let key = DatasetConcentrationKey(dataset: dataset, thresholds: thresholds, level: level, flows: flows, productPrefix: productPrefix)
        if let cached = datasetRows.value(for: key) { return cached }
        let input = try provenanceInput(dataset: dataset)
        var accumulator = ConcentrationAnalysis(thresholds: thresholds, level: level).accumulator()
        let query = FlowQuery(flows: flows.count == FlowKind.allCases.count ? nil : flows, productPrefix: productPrefix)
        try forEachStoredFlow(in: dataset, matching: query) { accumulator.add($0) }
        let result = DatasetConcentration(rows: accumulator.rows(), input: input)
        datasetRows.store(result, for: key)
        return result
    }
}
