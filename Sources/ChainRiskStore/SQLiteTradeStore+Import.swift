import ChainRiskCore
import ChainRiskIngest
import Foundation
import GRDB

extension SQLiteTradeStore {
    /// Imports the request's files as one dataset in one SQLite transaction (see `TradeStore`).
    public func importDataset(_ request: ImportRequest, progress: ImportProgress?) throws -> ImportOutcome {
        let digests = try request.digests()
        let hashes = digests.map(\.hex)
        return try writer.write { db -> ImportOutcome in
            if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM datasets WHERE name = ?", arguments: [request.name]) {
                let stored = try String.fetchAll(db, sql: "SELECT sha256 FROM dataset_files WHERE dataset_id = ? ORDER BY position", arguments: [existing])
                if stored == hashes {
                    return .alreadyImported(try Self.datasetInfo(id: existing, db))
                }
                try request.checkReplaceable()
                try db.execute(sql: "DELETE FROM datasets WHERE id = ?", arguments: [existing])
            }
            let id = try Self.insertDatasetHeader(request, db)
            var writer = SQLiteFlowWriter(db: db, datasetID: id, progress: progress)
            var findings = FindingLog()
            var formats: [String] = []
            for (position, source) in request.sources.enumerated() {
                writer.position = position
                let summary = try writer.store(source, options: request.options)
                try request.checkFile(summary, source.file)
                findings.merge(summary.findings)
                formats.append(summary.format.rawValue)
                try db.execute(
                    sql: "INSERT INTO dataset_files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [id, position, source.file.displayName, hashes[position], digests[position].size,
                                summary.format.rawValue, summary.recordsRead, summary.flowsEmitted]
                )
            }
            let duplicates = try Self.duplicateKeyFindings(datasetID: id, files: request.sources.map(\.file), db)
            try request.checkDuplicates(duplicates)
            findings.merge(duplicates)
            let format = ImportRequest.datasetFormat(formats)
            try db.execute(
                sql: "UPDATE datasets SET source_format = ?, row_count = ?, value_totals = ?, findings = ? WHERE id = ?",
                arguments: [format, writer.stored, try StoredJSON.encode(writer.totals.totals()), try StoredJSON.encode(StoredFindings(findings)), id]
            )
            return .imported(try Self.datasetInfo(id: id, db))
        }
    }

    private static func insertDatasetHeader(_ request: ImportRequest, _ db: Database) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO datasets (name, source_format, imported_at, chainrisk_version, row_count, value_totals, findings, options) VALUES (?, '', ?, ?, 0, '{}', '{}', ?)",
            arguments: [request.name, StoredJSON.timestamp(), ChainRiskVersion.current, try StoredJSON.encode(request.storedOptions)]
        )
        return db.lastInsertedRowID
    }

    /// Finds flows that share their whole key (period, reporter, partner, product, flow) within the dataset.
    ///
    /// The grouping reads only the covering index; lines are looked up for the (few) duplicate keys found.
    private static func duplicateKeyFindings(datasetID: Int64, files: [InputFile], _ db: Database) throws -> FindingLog {
        var log = FindingLog()
        let keys = try Row.fetchAll(db, sql: """
            SELECT reporter, year, flow, classification, product, partner, month, COUNT(*) AS n
            FROM flows WHERE dataset_id = ?
            GROUP BY reporter, year, flow, classification, product, partner, month
            HAVING COUNT(*) > 1
            """, arguments: [datasetID])
        for (index, key) in keys.enumerated() {
            let columns: [String] = ["reporter", "year", "flow", "classification", "product", "partner", "month"]
            let values: [DatabaseValue] = columns.map { key[$0] }
            let description = ImportRequest.describeKey(
                reporter: key["reporter"], partner: key["partner"], classification: key["classification"], product: key["product"],
                flow: key["flow"], year: key["year"], month: key["month"])
            guard index < log.examplesPerKind else {
                log.record(Finding(.duplicateKey, "\(key["n"] as Int) flows share the key \(description)"))
                continue
            }
            let lines = try Row.fetchAll(db, sql: """
                SELECT source_file, source_line FROM flows
                WHERE dataset_id = ? AND reporter = ? AND year = ? AND flow = ? AND classification = ? AND product = ? AND partner = ? AND month = ?
                ORDER BY source_file, source_line
                """, arguments: StatementArguments([DatabaseValue(value: datasetID)] + values))
            guard let first = lines.first, let last = lines.last else { continue }
            let file = files[Int(last["source_file"] as Int64)].displayName
            log.record(Finding(
                .duplicateKey, "\(key["n"] as Int) flows share the key \(description); first at line \(first["source_line"] as Int)",
                at: SourceLocation(file: file, line: last["source_line"], column: 1)
            ))
        }
        return log
    }
}
