import ChainRiskCore
import ChainRiskIngest
import Dispatch
import Foundation
import Logging
import NIOCore
import PostgresNIO

extension PostgresTradeStore {
    /// Imports the request's files as one dataset in one PostgreSQL transaction (see `TradeStore`); flows are coded as
    /// integers on this thread and stream through `COPY flows FROM STDIN` in 256 KB chunks, at most eight in flight,
    /// so memory stays bounded. New codes go into the lookup tables, and flows sharing a key are found from the packed
    /// keys in memory, before the transaction commits.
    ///
    /// postgres-nio offers COPY in its text format only; values are written in the shortest form that reads back to
    /// the same double, so SQLite and PostgreSQL hold the same numbers.
    public func importDataset(_ request: ImportRequest, progress: ImportProgress?) throws -> ImportOutcome {
        try DatasetName.require(request.name)
        let digests = try request.digests()
        let hashes = digests.map(\.hex)
        return try pool.withConnection { connection in
            let logger = pool.logger
            do {
                return try importInTransaction(
                    request, hashes: hashes, digests: digests, connection: connection, logger: logger,
                    progress: progress)
            } catch let error as StoreError where error.code == .unreachable {
                throw StoreError(
                    .unreachable,
                    "importing '\(request.name)': the PostgreSQL server closed the connection during the import; nothing was stored (\(error.message))"
                )
            }
        }
    }

    private func importInTransaction(
        _ request: ImportRequest, hashes: [String], digests: [(hex: String, size: Int)], connection: PostgresConnection,
        logger: Logger,
        progress: ImportProgress?
    ) throws -> ImportOutcome {
        return try Self.transaction(connection, logger: logger) { () throws -> ImportOutcome in
            try PostgresSchema.lockForWriting(connection, logger: logger)
            if let existing = try Self.datasetID(connection, name: request.name, logger: logger) {
                let stored = try Self.rows(
                    connection, "SELECT sha256 FROM dataset_files WHERE dataset_id = \(existing) ORDER BY position",
                    logger: logger, "read the files of '\(request.name)'"
                )
                .map { try $0.decode(String.self) }
                if stored == hashes {
                    return .alreadyImported(try Self.datasetInfo(connection, id: existing, logger: logger))
                }
                try request.checkReplaceable()
                try Self.execute(
                    connection, "DELETE FROM flows WHERE dataset_id = \(existing)", logger: logger,
                    "replace '\(request.name)'")
                try Self.execute(
                    connection, "DELETE FROM flow_blocks WHERE dataset_id = \(existing)", logger: logger,
                    "replace '\(request.name)'")
                try Self.execute(
                    connection, "DELETE FROM datasets WHERE id = \(existing)", logger: logger,
                    "replace '\(request.name)'")
            }
            let options = try StoredJSON.encode(request.storedOptions)
            guard
                let id = try Self.rows(
                    connection,
                    """
                    INSERT INTO datasets (name, source_format, imported_at, chainrisk_version, row_count, value_totals, findings, options)
                    VALUES (\(request.name), '', \(StoredJSON.timestamp()), \(ChainRiskVersion.current), 0, '{}', '{}', \(options)) RETURNING id
                    """, logger: logger, "create dataset '\(request.name)'"
                ).first.map({ try $0.decode(Int64.self) })
            else {
                throw StoreError(.unavailable, "PostgreSQL returned no id for dataset '\(request.name)'")
            }
            var copy = PostgresFlowCopy(
                datasetID: id, codes: try FlowCodeBook(connection, logger: logger), progress: progress)
            var findings = FindingLog()
            var formats: [String] = []
            for (position, source) in request.sources.enumerated() {
                let summary = try copy.copy(
                    source, position: position, options: request.options, connection: connection, logger: logger)
                try request.checkFile(summary, source.file)
                findings.merge(summary.findings)
                formats.append(summary.format.rawValue)
                try Self.execute(
                    connection,
                    """
                    INSERT INTO dataset_files (dataset_id, position, path, sha256, size_bytes, source_format, records, flows, retrieved_at)
                    VALUES (\(id), \(Int32(position)), \(source.file.displayName), \(hashes[position]),
                    \(Int64(digests[position].size)), \(summary.format.rawValue), \(Int64(summary.recordsRead)), \(Int64(summary.flowsEmitted)),
                    \(source.retrievedAt))
                    """, logger: logger, "record the files of '\(request.name)'")
            }
            try copy.finish(connection, logger: logger)
            try copy.coding.codes.takePending().write(connection, logger: logger)
            let groups =
                try copy.coding.duplicateGroups().map {
                    try Self.duplicateGroups($0, datasetID: id, connection, logger: logger)
                }
                ?? Self.duplicateGroupsInSQL(datasetID: id, connection, logger: logger)
            let duplicates = DuplicateKeyGroup.findings(
                groups, files: request.sources.map(\.file), codes: copy.coding.codes)
            try request.checkDuplicates(duplicates)
            findings.merge(duplicates)
            // A BRIN index summarizes new blocks only when asked (or when autovacuum gets to them); until then every
            // read of a dataset scans them all. Only the index's owner may ask; other users leave it to autovacuum.
            try Self.execute(
                connection,
                """
                SELECT brin_summarize_new_values('flows_by_dataset') FROM pg_class
                WHERE oid = 'flows_by_dataset'::regclass AND pg_has_role(current_user, relowner, 'USAGE')
                """, logger: logger, "index the new flows")
            if copy.coding.count >= 100_000 {
                // Statistics for the planner (a read joins flows to the lookup tables and sorts them).
                try Self.execute(
                    connection, "ANALYZE flows, countries, products, labels", logger: logger, "analyse the new flows")
            }
            let format = ImportRequest.datasetFormat(formats)
            try Self.execute(
                connection,
                """
                UPDATE datasets SET source_format = \(format), row_count = \(Int64(copy.coding.count)),
                value_totals = \(try StoredJSON.encode(copy.coding.totals.totals())), findings = \(try StoredJSON.encode(StoredFindings(findings)))
                WHERE id = \(id)
                """, logger: logger, "complete dataset '\(request.name)'")
            return .imported(try Self.datasetInfo(connection, id: id, logger: logger))
        }
    }

    /// The groups the import's key detector found (positions among its flows, which are their `seq`), read back.
    private static func duplicateGroups(
        _ groups: [[Int]], datasetID: Int64, _ connection: PostgresConnection, logger: Logger
    ) throws -> [DuplicateKeyGroup] {
        guard !groups.isEmpty else { return [] }
        let wanted = groups.flatMap { [Int64($0[0]), Int64($0[$0.count - 1])] }
        var rowsBySeq:
            [Int64: (
                reporter: Int64, partner: Int64, product: Int64, flow: Int64, year: Int, month: Int, file: Int,
                line: Int
            )] = [:]
        for row in try rows(
            connection,
            """
            SELECT seq, reporter, partner, product, flow, year, month, source_file, source_line
            FROM flows WHERE dataset_id = \(datasetID) AND seq = ANY(\(wanted))
            """, logger: logger, "locate duplicate keys")
        {
            let (seq, reporter, partner, product, flow, year, month, file, line) =
                try row.decode((Int64, Int64, Int64, Int64, Int64, Int, Int, Int, Int).self)
            rowsBySeq[seq] = (reporter, partner, product, flow, year, month, file, line)
        }
        return groups.compactMap { group in
            guard let first = rowsBySeq[Int64(group[0])], let last = rowsBySeq[Int64(group[group.count - 1])] else {
                return nil
            }
            return DuplicateKeyGroup(
                reporter: first.reporter, partner: first.partner, product: first.product, flow: first.flow,
                year: first.year,
                month: first.month, count: group.count, first: (first.file, first.line), last: (last.file, last.line))
        }
    }

    /// The same groups found by PostgreSQL, when the detector's packing overflowed.
    private static func duplicateGroupsInSQL(datasetID: Int64, _ connection: PostgresConnection, logger: Logger) throws
        -> [DuplicateKeyGroup]
    {
        try rows(
            connection,
            """
            SELECT reporter, partner, product, flow, year, month, count(*),
                   min(source_file::bigint * 4294967296 + source_line), max(source_file::bigint * 4294967296 + source_line)
            FROM flows WHERE dataset_id = \(datasetID)
            GROUP BY reporter, partner, product, flow, year, month
            HAVING count(*) > 1
            """, logger: logger, "look for duplicate keys"
        ).map { row in
            let (reporter, partner, product, flow, year, month, count, first, last) =
                try row.decode((Int64, Int64, Int64, Int64, Int, Int, Int, Int, Int).self)
            return DuplicateKeyGroup(
                reporter: reporter, partner: partner, product: product, flow: flow, year: year, month: month,
                count: count,
                first: (first >> 32, first & 0xFFFF_FFFF), last: (last >> 32, last & 0xFFFF_FFFF))
        }
    }
}
