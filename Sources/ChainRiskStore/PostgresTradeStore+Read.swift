import ChainRiskCore
import Foundation
import Logging
import PostgresNIO

extension PostgresTradeStore {
    public func datasets() throws -> [DatasetInfo] {
        try pool.withConnection { connection in
            try Self.rows(connection, "SELECT id FROM datasets ORDER BY name", logger: pool.logger, "list datasets")
                .map { try Self.datasetInfo(connection, id: try $0.decode(Int64.self), logger: pool.logger) }
        }
    }

    public func dataset(named name: String) throws -> DatasetInfo? {
        try pool.withConnection { connection in
            try Self.datasetID(connection, name: name, logger: pool.logger).map { try Self.datasetInfo(connection, id: $0, logger: pool.logger) }
        }
    }

    public func removeDataset(named name: String) throws {
        try pool.withConnection { connection in
            try Self.transaction(connection, logger: pool.logger) {
                try Self.execute(connection, "SELECT pg_advisory_xact_lock(\(PostgresSchema.writerLock))", logger: pool.logger, "lock the store for writing")
                guard let id = try Self.datasetID(connection, name: name, logger: pool.logger) else {
                    throw StoreError(.unknownDataset, "no dataset named '\(name)'")
                }
                try Self.execute(connection, "DELETE FROM flows WHERE dataset_id = \(id)", logger: pool.logger, "delete the flows of '\(name)'")
                try Self.execute(connection, "DELETE FROM datasets WHERE id = \(id)", logger: pool.logger, "delete dataset '\(name)'")
            }
        }
    }

    /// Flows in key order through a cursor, 10,000 rows per round trip, so memory stays bounded on any dataset.
    public func forEachFlow(in dataset: String, matching query: FlowQuery, _ body: (TradeFlow) throws -> Void) throws {
        try pool.withConnection { connection in
            let logger = pool.logger
            try Self.transaction(connection, logger: logger, readOnly: true) {
                guard let id = try Self.datasetID(connection, name: dataset, logger: logger) else {
                    throw StoreError(.unknownDataset, "no dataset named '\(dataset)'; `chainrisk datasets` lists them")
                }
                var binds = PostgresBindings()
                var clauses: [String] = []
                func bind<T: PostgresThrowingDynamicTypeEncodable>(_ value: T) throws -> String {
                    try binds.append(value)
                    return "$\(binds.count)"
                }
                clauses.append("dataset_id = \(try bind(id))")
                func list<T>(_ column: String, _ values: [T]?, _ convert: (T) throws -> String) throws {
                    guard let values else { return }
                    clauses.append("\(column) IN (\(try values.map(convert).joined(separator: ",")))")
                }
                try list("reporter", query.reporters) { try bind($0.rawValue) }
                try list("partner", query.partners) { try bind($0.rawValue) }
                try list("year", query.years) { try bind(Int32($0)) }
                try list("flow", query.flows) { try bind($0.rawValue) }
                if let classification = query.classification { clauses.append("classification = \(try bind(classification.token))") }
                if let prefix = query.productPrefix {
                    clauses.append("substr(product, 1, \(try bind(Int32(prefix.count)))) = \(try bind(prefix))")
                }
                if let status = query.status { clauses.append("status = \(try bind(status.rawValue))") }
                let sql = """
                    DECLARE flow_cursor NO SCROLL CURSOR FOR
                    SELECT year, month, reporter, partner, classification, product, flow, value, unit, quantity, quantity_unit, status
                    FROM flows WHERE \(clauses.joined(separator: " AND "))
                    ORDER BY reporter, year, flow, classification, product, partner, month, source_file, source_line
                    """
                try Self.execute(connection, PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger, "select the flows of '\(dataset)'")
                while true {
                    let batch = try Self.rows(connection, "FETCH FORWARD 10000 FROM flow_cursor", logger: logger, "read the flows of '\(dataset)'")
                    for row in batch { try body(try Self.flow(from: row)) }
                    if batch.count < 10_000 { break }
                }
            }
        }
    }

    public func flowCoverage(in dataset: String) throws -> [FlowKind: FlowCoverage] {
        try pool.withConnection { connection in
            guard let id = try Self.datasetID(connection, name: dataset, logger: pool.logger) else {
                throw StoreError(.unknownDataset, "no dataset named '\(dataset)'; `chainrisk datasets` lists them")
            }
            var coverage: [FlowKind: FlowCoverage] = [:]
            let rows = try Self.rows(connection, "SELECT DISTINCT flow, reporter, partner, year FROM flows WHERE dataset_id = \(id)", logger: pool.logger, "read the coverage of '\(dataset)'")
            for row in rows {
                let (flow, reporter, partner, year) = try row.decode((String, String, String, Int).self)
                guard let kind = FlowKind(rawValue: flow), let reporter = CountryCode(rawValue: reporter),
                      let partner = CountryCode(rawValue: partner) else { continue }
                coverage[kind, default: FlowCoverage()].reporters.insert(reporter)
                coverage[kind, default: FlowCoverage()].partners.insert(partner)
                coverage[kind, default: FlowCoverage()].years.insert(year)
            }
            return coverage
        }
    }

    static func datasetInfo(_ connection: PostgresConnection, id: Int64, logger: Logger) throws -> DatasetInfo {
        guard let row = try rows(connection, """
            SELECT name, source_format, imported_at, chainrisk_version, row_count, value_totals, findings
            FROM datasets WHERE id = \(id)
            """, logger: logger, "read dataset \(id)").first else {
            throw StoreError(.unknownDataset, "no dataset with id \(id)")
        }
        let (name, format, importedAt, version, rowCount, totals, findings) = try row.decode((String, String, String, String, Int, String, String).self)
        let files = try rows(connection, """
            SELECT path, sha256, size_bytes, source_format, records, flows FROM dataset_files
            WHERE dataset_id = \(id) ORDER BY position
            """, logger: logger, "read the files of dataset '\(name)'").map { file in
            let (path, sha256, size, fileFormat, records, flows) = try file.decode((String, String, Int, String, Int, Int).self)
            return DatasetInfo.File(path: path, sha256: sha256, sizeBytes: size, sourceFormat: fileFormat, records: records, flows: flows)
        }
        let stored = try StoredJSON.decode(StoredFindings.self, findings)
        return DatasetInfo(
            name: name, sourceFormat: format, importedAt: importedAt, chainriskVersion: version, rowCount: rowCount,
            valueTotals: try StoredJSON.decode([String: Double].self, totals), findingCounts: stored.counts,
            findingExamples: stored.examples, files: files)
    }

    private static func flow(from row: PostgresRow) throws -> TradeFlow {
        let (year, month, reporter, partner, classification, product, flow, value, unit, quantity, quantityUnit, status) =
            try row.decode((Int, Int, String, String, String, String, String, Double?, String, Double?, String?, String).self)
        guard
            let reporter = CountryCode(rawValue: reporter), let partner = CountryCode(rawValue: partner),
            let classification = Classification(token: classification), let flow = FlowKind(rawValue: flow),
            let unit = ValueUnit(token: unit), let status = ValueStatus(rawValue: status)
        else {
            throw StoreError(.unavailable, "the database holds a flow chainrisk cannot read; was it written by a newer version?")
        }
        return TradeFlow(
            year: year, month: month, reporter: reporter, partner: partner, product: ProductCode(product, in: classification),
            flow: flow, value: value, unit: unit, quantity: quantity, quantityUnit: quantityUnit, status: status)
    }
}
