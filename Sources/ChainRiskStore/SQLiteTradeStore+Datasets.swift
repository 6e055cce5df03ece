import ChainRiskCore
import Foundation
import GRDB

extension SQLiteTradeStore {
    /// All stored datasets, sorted by name.
    public func datasets() throws -> [DatasetInfo] {
        try writer.read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM datasets ORDER BY name")
            return try ids.map { try Self.datasetInfo(id: $0, db) }
        }
    }

    /// The dataset named `name`, or nil.
    public func dataset(named name: String) throws -> DatasetInfo? {
        try writer.read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM datasets WHERE name = ?", arguments: [name]) else {
                return nil
            }
            return try Self.datasetInfo(id: id, db)
        }
    }

    /// Removes a dataset and all its flows; throws `unknownDataset` when there is none of that name.
    public func removeDataset(named name: String) throws {
        try writer.write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM datasets WHERE name = ?", arguments: [name]) else {
                throw StoreError(.unknownDataset, "no dataset named '\(name)'")
            }
            try Self.deleteDataset(id: id, db)
        }
    }

    static func datasetInfo(id: Int64, _ db: Database) throws -> DatasetInfo {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM datasets WHERE id = ?", arguments: [id]) else {
            throw StoreError(.unknownDataset, "no dataset with id \(id)")
        }
        let files = try Row.fetchAll(
            db, sql: "SELECT * FROM dataset_files WHERE dataset_id = ? ORDER BY position", arguments: [id]
        ).map { file in
            DatasetInfo.File(
                path: file["path"], sha256: file["sha256"], sizeBytes: file["size_bytes"],
                sourceFormat: file["source_format"], records: file["records"], flows: file["flows"],
                retrievedAt: file["retrieved_at"]
            )
        }
        let totals = try StoredJSON.decode([String: Double].self, row["value_totals"])
        let findings = try StoredJSON.decode(StoredFindings.self, row["findings"])
        return DatasetInfo(
            name: row["name"], sourceFormat: row["source_format"], importedAt: row["imported_at"],
            chainriskVersion: row["chainrisk_version"], rowCount: row["row_count"], valueTotals: totals,
            findingCounts: findings.counts, findingExamples: findings.examples, files: files
        )
    }
}

/// The findings summary as stored in the `datasets.findings` column.
struct StoredFindings: Codable {
    var counts: [String: Int]
    var examples: [Finding]

    init(_ log: FindingLog) {
        counts = Dictionary(uniqueKeysWithValues: log.counts.map { ($0.key.rawValue, $0.value) })
        examples = log.examples
    }
}
