import ChainRiskCore
import ChainRiskIngest
import Foundation
import GRDB

extension SQLiteTradeStore {
    /// Imports the request's files as one dataset in one SQLite transaction (see `TradeStore`).
    public func importDataset(_ request: ImportRequest, progress: ImportProgress?) throws -> ImportOutcome {
        try DatasetName.require(request.name)
        let digests = try request.digests()
        let hashes = digests.map(\.hex)
        return try writer.write { db -> ImportOutcome in
            try SQLiteSchema.countWrite(db)
            if let existing = try Int64.fetchOne(
                db, sql: "SELECT id FROM datasets WHERE name = ?", arguments: [request.name])
            {
                let stored = try String.fetchAll(
                    db, sql: "SELECT sha256 FROM dataset_files WHERE dataset_id = ? ORDER BY position",
                    arguments: [existing])
                if stored == hashes {
                    return .alreadyImported(try Self.datasetInfo(id: existing, db))
                }
                try request.checkReplaceable()
                try Self.deleteDataset(id: existing, db)
            }
            let id = try Self.insertDatasetHeader(request, db)
            // One writer at a time appends to the table, so the dataset's rows take the next seq values in one range.
            let firstFlow = try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) + 1 FROM flows") ?? 1
            var writer = try SQLiteFlowWriter(db: db, datasetID: id, progress: progress)
            var findings = FindingLog()
            var formats: [String] = []
            for (position, source) in request.sources.enumerated() {
                writer.position = position
                let summary = try writer.store(source, options: request.options)
                try request.checkFile(summary, source.file)
                findings.merge(summary.findings)
                formats.append(summary.format.rawValue)
                try db.execute(
                    sql: """
                        INSERT INTO dataset_files (dataset_id, position, path, sha256, size_bytes, source_format, records, flows, retrieved_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        id, position, source.file.displayName, hashes[position], digests[position].size,
                        summary.format.rawValue, summary.recordsRead, summary.flowsEmitted, source.retrievedAt,
                    ]
                )
            }
            let lastFlow = firstFlow + Int64(writer.stored) - 1
            guard try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM flows") == lastFlow else {
                throw StoreError(
                    .unavailable,
                    "the flows of dataset '\(request.name)' did not get one range of sequence numbers; nothing was imported"
                )
            }
            try db.execute(
                sql: "UPDATE datasets SET first_flow = ?, last_flow = ? WHERE id = ?",
                arguments: [firstFlow, lastFlow, id])
            let groups =
                try writer.duplicateGroups().map { try Self.duplicateGroups($0, firstFlow: firstFlow, db) }
                ?? Self.duplicateGroupsInSQL(StoredFlowRange(datasetID: id, seq: firstFlow...lastFlow), db)
            let duplicates = DuplicateKeyGroup.findings(
                groups, files: request.sources.map(\.file), codes: try FlowCodeBook(db))
            try request.checkDuplicates(duplicates)
            findings.merge(duplicates)
            let format = ImportRequest.datasetFormat(formats)
            try db.execute(
                sql:
                    "UPDATE datasets SET source_format = ?, row_count = ?, value_totals = ?, findings = ? WHERE id = ?",
                arguments: [
                    format, writer.stored, try StoredJSON.encode(writer.totals.totals()),
                    try StoredJSON.encode(StoredFindings(findings)), id,
                ]
            )
            return .imported(try Self.datasetInfo(id: id, db))
        }
    }

    private static func insertDatasetHeader(_ request: ImportRequest, _ db: Database) throws -> Int64 {
        try db.execute(
            sql:
                "INSERT INTO datasets (name, source_format, imported_at, chainrisk_version, row_count, value_totals, findings, options) VALUES (?, '', ?, ?, 0, '{}', '{}', ?)",
            arguments: [
                request.name, StoredJSON.timestamp(), ChainRiskVersion.current,
                try StoredJSON.encode(request.storedOptions),
            ]
        )
        return db.lastInsertedRowID
    }

    /// The groups the writer's detector found (positions among the import's flows), read back by seq.
    private static func duplicateGroups(_ groups: [[Int]], firstFlow: Int64, _ db: Database) throws
        -> [DuplicateKeyGroup]
    {
        guard !groups.isEmpty else { return [] }
        let statement = try db.makeStatement(
            sql: """
                SELECT reporter, partner, product, flow, year, month, source_file, source_line FROM flows WHERE seq = ?
                """)
        return try groups.compactMap { rows -> DuplicateKeyGroup? in
            guard let firstRow = rows.first, let lastRow = rows.last,
                let first = try Row.fetchOne(statement, arguments: [firstFlow + Int64(firstRow)]),
                let last = try Row.fetchOne(statement, arguments: [firstFlow + Int64(lastRow)])
            else { return nil }
            return DuplicateKeyGroup(
                reporter: first["reporter"], partner: first["partner"], product: first["product"], flow: first["flow"],
                year: first["year"], month: first["month"], count: rows.count,
                first: (first["source_file"], first["source_line"]), last: (last["source_file"], last["source_line"]))
        }
    }

    /// The same groups found by SQLite (when the detector's packing overflowed): a sort of the dataset's rows.
    private static func duplicateGroupsInSQL(_ flows: StoredFlowRange, _ db: Database) throws -> [DuplicateKeyGroup] {
        let keys = try Row.fetchAll(
            db,
            sql: """
                SELECT reporter, partner, product, flow, year, month, COUNT(*) AS n,
                       min(source_file * 4294967296 + source_line) AS first, max(source_file * 4294967296 + source_line) AS last
                FROM flows WHERE seq BETWEEN ? AND ? AND dataset_id = ?
                GROUP BY reporter, partner, product, flow, year, month
                HAVING COUNT(*) > 1
                """, arguments: [flows.seq.lowerBound, flows.seq.upperBound, flows.datasetID])
        return keys.map { key in
            let first: Int = key["first"]
            let last: Int = key["last"]
            return DuplicateKeyGroup(
                reporter: key["reporter"], partner: key["partner"], product: key["product"], flow: key["flow"],
                year: key["year"],
                month: key["month"], count: key["n"], first: (first >> 32, first & 0xFFFF_FFFF),
                last: (last >> 32, last & 0xFFFF_FFFF))
        }
    }

    /// Deletes a dataset, its files and its flows (addressed by their seq range and dataset id: the flows table has
    /// no secondary index).
    static func deleteDataset(id: Int64, _ db: Database) throws {
        try db.execute(
            sql: """
                DELETE FROM flows WHERE seq BETWEEN (SELECT first_flow FROM datasets WHERE id = ?) AND (SELECT last_flow FROM datasets WHERE id = ?)
                    AND dataset_id = ?
                """, arguments: [id, id, id])
        try db.execute(sql: "DELETE FROM datasets WHERE id = ?", arguments: [id])
    }
}
