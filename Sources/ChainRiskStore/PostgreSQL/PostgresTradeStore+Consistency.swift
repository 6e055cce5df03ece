import Foundation
import PostgresNIO

extension PostgresTradeStore {
    /// Each dataset's recorded flow count against its rows (and, where it has column blocks, the flows the blocks
    /// hold, which the columnar read uses), and rows or blocks of no dataset.
    public func checkConsistency() throws -> StoreConsistency {
        try pool.withConnection { connection in
            let logger = pool.logger
            return try Self.transaction(connection, logger: logger, readOnly: true) {
                let counts = try Self.countsByDataset(
                    connection, "SELECT dataset_id, count(*) FROM flows GROUP BY dataset_id", "count the flows")
                let blocks = try Self.countsByDataset(
                    connection, "SELECT dataset_id, sum(flows)::bigint FROM flow_blocks GROUP BY dataset_id",
                    "count the column blocks")
                var checks: [StoreConsistency.DatasetCheck] = []
                var known: Set<Int64> = []
                for row in try Self.rows(
                    connection, "SELECT id, name, row_count FROM datasets", logger: logger, "list datasets")
                {
                    let (id, name, recorded) = try row.decode((Int64, String, Int).self)
                    known.insert(id)
                    let stored = counts[id] ?? 0
                    checks.append(
                        .init(
                            name: name, recordedFlows: recorded, storedFlows: stored,
                            readableFlows: blocks[id] ?? stored))
                }
                let orphans =
                    counts.filter { !known.contains($0.key) }.map {
                        StoreConsistency.Orphans(table: "flows", datasetID: $0.key, rows: $0.value)
                    }
                    + blocks.filter { !known.contains($0.key) }.map {
                        StoreConsistency.Orphans(table: "flow_blocks", datasetID: $0.key, rows: $0.value)
                    }
                return StoreConsistency(location: location, datasets: checks, orphans: orphans)
            }
        }
    }

    /// Deletes flows and column blocks whose dataset no longer exists, under the writers' lock; returns how many flows
    /// went.
    public func removeOrphans() throws -> Int {
        try pool.withConnection { connection in
            let logger = pool.logger
            return try Self.transaction(connection, logger: logger) {
                try PostgresSchema.lockForWriting(connection, logger: logger)
                try Self.execute(
                    connection, "DELETE FROM flow_blocks WHERE dataset_id NOT IN (SELECT id FROM datasets)",
                    logger: logger, "remove column blocks of no dataset")
                let rows = try Self.rows(
                    connection,
                    """
                    WITH gone AS (DELETE FROM flows WHERE dataset_id NOT IN (SELECT id FROM datasets) RETURNING 1)
                    SELECT count(*) FROM gone
                    """, logger: logger, "remove flows of no dataset")
                return try rows.first.map { try $0.decode(Int.self) } ?? 0
            }
        }
    }

    private static func countsByDataset(_ connection: PostgresConnection, _ sql: String, _ job: String) throws
        -> [Int64: Int]
    {
        var counts: [Int64: Int] = [:]
        for row in try rows(connection, PostgresQuery(unsafeSQL: sql), logger: connection.logger, job) {
            let (id, count) = try row.decode((Int64, Int).self)
            counts[id] = count
        }
        return counts
    }
}
