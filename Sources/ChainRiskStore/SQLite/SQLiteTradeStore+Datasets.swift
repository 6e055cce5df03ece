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
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM datasets WHERE name = ?", arguments: [name])
            else {
                return nil
            }
            return try Self.datasetInfo(id: id, db)
        }
    }

    public func generation() throws -> Int64 {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT value FROM store_generation") ?? 0 }
    }

    /// Removes a dataset and all its flows; throws `unknownDataset` when there is none of that name.
    public func removeDataset(named name: String) throws {
        try writer.write { db in
            try SQLiteSchema.countWrite(db)
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM datasets WHERE name = ?", arguments: [name])
            else {
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

extension SQLiteTradeStore {
    /// Each dataset's recorded flow count against its rows, and flows of no dataset (one pass over the flows).
    public func checkConsistency() throws -> StoreConsistency {
        try writer.read { db in try Self.consistency(db, location: path) }
    }

    /// Deletes the flows whose dataset no longer exists; returns how many went.
    public func removeOrphans() throws -> Int {
        try writer.write { db in
            try SQLiteSchema.countWrite(db)
            try db.execute(sql: "DELETE FROM flows WHERE dataset_id NOT IN (SELECT id FROM datasets)")
            return db.changesCount
        }
    }

    static func consistency(_ db: Database, location: String) throws -> StoreConsistency {
        var found: [Int64: (count: Int, readable: Int)] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT f.dataset_id, count(*) AS n,
                       sum(CASE WHEN f.seq BETWEEN d.first_flow AND d.last_flow THEN 1 ELSE 0 END) AS readable
                FROM flows f LEFT JOIN datasets d ON d.id = f.dataset_id
                GROUP BY f.dataset_id
                """)
        while let row = try rows.next() { found[row["dataset_id"]] = (row["n"], row["readable"]) }
        var checks: [StoreConsistency.DatasetCheck] = []
        var known: Set<Int64> = []
        for row in try Row.fetchAll(db, sql: "SELECT id, name, row_count FROM datasets") {
            let id: Int64 = row["id"]
            known.insert(id)
            let stored = found[id] ?? (0, 0)
            checks.append(
                .init(
                    name: row["name"], recordedFlows: row["row_count"], storedFlows: stored.count,
                    readableFlows: stored.readable))
        }
        let orphans = found.filter { !known.contains($0.key) }
            .map { StoreConsistency.Orphans(table: "flows", datasetID: $0.key, rows: $0.value.count) }
        return StoreConsistency(location: location, datasets: checks, orphans: orphans)
    }
}
