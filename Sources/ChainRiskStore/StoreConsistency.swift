import Foundation

/// What `chainrisk datasets --check` finds: each dataset's recorded flow count against its rows, and rows that belong
/// to no dataset.
///
/// A store is consistent when every dataset holds exactly the flows its import recorded, in the place the store reads
/// them from, and no flow or column block is left without its dataset (a removal that missed rows, a restore by hand).
public struct StoreConsistency: Encodable, Sendable, Hashable {
    /// One dataset's flows as recorded at import and as found in the store.
    public struct DatasetCheck: Encodable, Sendable, Hashable {
        public let name: String
        /// The flow count its import recorded (`datasets` shows it).
        public let recordedFlows: Int
        /// The rows that carry its id.
        public let storedFlows: Int
        /// Of those, the rows the store reads for it (SQLite: inside its recorded `seq` range; PostgreSQL: all).
        public let readableFlows: Int

        public init(name: String, recordedFlows: Int, storedFlows: Int, readableFlows: Int) {
            self.name = name
            self.recordedFlows = recordedFlows
            self.storedFlows = storedFlows
            self.readableFlows = readableFlows
        }

        public var isConsistent: Bool { storedFlows == recordedFlows && readableFlows == recordedFlows }

        /// What is wrong, in words; nil when nothing is.
        public var problem: String? {
            guard !isConsistent else { return nil }
            var parts: [String] = []
            if storedFlows != recordedFlows {
                parts.append("\(storedFlows) stored flows against \(recordedFlows) recorded at import")
            }
            if readableFlows != storedFlows {
                parts.append("\(storedFlows - readableFlows) of its flows outside the range the store reads")
            }
            return parts.joined(separator: "; ")
        }

        enum CodingKeys: String, CodingKey { case name, recordedFlows, storedFlows, readableFlows, consistent, problem }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(recordedFlows, forKey: .recordedFlows)
            try container.encode(storedFlows, forKey: .storedFlows)
            try container.encode(readableFlows, forKey: .readableFlows)
            try container.encode(isConsistent, forKey: .consistent)
            try container.encodeIfPresent(problem, forKey: .problem)
        }
    }

    /// Rows whose dataset id names no dataset, per table and missing id.
    public struct Orphans: Encodable, Sendable, Hashable {
        public let table: String
        public let datasetID: Int64
        /// The flows they hold: rows of `flows`, or the flows packed in the blocks of `flow_blocks`.
        public let rows: Int

        public init(table: String, datasetID: Int64, rows: Int) {
            self.table = table
            self.datasetID = datasetID
            self.rows = rows
        }
    }

    public let location: String
    public let datasets: [DatasetCheck]
    public let orphans: [Orphans]

    public init(location: String, datasets: [DatasetCheck], orphans: [Orphans]) {
        self.location = location
        self.datasets = datasets.sorted { $0.name < $1.name }
        self.orphans = orphans.sorted { ($0.table, $0.datasetID) < ($1.table, $1.datasetID) }
    }

    public var isConsistent: Bool { orphans.isEmpty && datasets.allSatisfy(\.isConsistent) }

    /// Throws `inconsistent` with the summary unless the store holds exactly what its imports recorded.
    public func requireConsistent() throws(StoreError) {
        guard isConsistent else {
            throw StoreError(.inconsistent, "the store differs from what its imports recorded: \(summary)")
        }
    }

    /// One line a person reads after a migration or a check: all is well, or how many problems and where.
    public var summary: String {
        let broken = datasets.filter { !$0.isConsistent }
        let orphanRows = orphans.reduce(0) { $0 + $1.rows }
        if isConsistent {
            return
                "\(datasets.count) dataset(s) hold exactly the flows their imports recorded; no flow without its dataset"
        }
        var parts: [String] = []
        if !broken.isEmpty {
            parts.append(
                "\(broken.count) dataset(s) differ from their imports (\(broken.map(\.name).joined(separator: ", ")))")
        }
        if orphanRows > 0 { parts.append("\(orphanRows) flow(s) belong to no dataset") }
        return parts.joined(separator: "; ")
    }

    enum CodingKeys: String, CodingKey { case location, datasets, orphans, consistent, summary }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(location, forKey: .location)
        try container.encode(datasets, forKey: .datasets)
        try container.encode(orphans, forKey: .orphans)
        try container.encode(isConsistent, forKey: .consistent)
        try container.encode(summary, forKey: .summary)
    }
}
