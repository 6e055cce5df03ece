public import ChainRiskCore
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

    public func generation() throws -> Int64 {
        try pool.withConnection { connection in
            try Self.rows(
                connection, "SELECT value FROM store_generation", logger: pool.logger, "read the store's generation"
            )
            .first.map { try $0.decode(Int64.self) } ?? 0
        }
    }

    public func dataset(named name: String) throws -> DatasetInfo? {
        try pool.withConnection { connection in
            try Self.datasetID(connection, name: name, logger: pool.logger).map {
                try Self.datasetInfo(connection, id: $0, logger: pool.logger)
            }
        }
    }

    public func removeDataset(named name: String) throws {
        try pool.withConnection { connection in
            try Self.transaction(connection, logger: pool.logger) {
                try PostgresSchema.lockForWriting(connection, logger: pool.logger)
                guard let id = try Self.datasetID(connection, name: name, logger: pool.logger) else {
                    throw StoreError(.unknownDataset, "no dataset named '\(name)'")
                }
                try Self.execute(
                    connection, "DELETE FROM flows WHERE dataset_id = \(id)", logger: pool.logger,
                    "delete the flows of '\(name)'")
                try Self.execute(
                    connection, "DELETE FROM flow_blocks WHERE dataset_id = \(id)", logger: pool.logger,
                    "delete the column blocks of '\(name)'")
                try Self.execute(
                    connection, "DELETE FROM datasets WHERE id = \(id)", logger: pool.logger, "delete dataset '\(name)'"
                )
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
                clauses.append("f.dataset_id = \(try bind(id))")
                func list<T>(_ column: String, _ values: [T]?, _ convert: (T) throws -> String) throws {
                    guard let values else { return }
                    clauses.append("\(column) IN (\(try values.map(convert).joined(separator: ",")))")
                }
                try list("r.code", query.reporters) { try bind($0.rawValue) }
                try list("p.code", query.partners) { try bind($0.rawValue) }
                try list("f.year", query.years) { try bind(Int32($0)) }
                try list("fl.text", query.flows) { try bind($0.rawValue) }
                if let classification = query.classification {
                    clauses.append("pr.classification = \(try bind(classification.token))")
                }
                if let prefix = query.productPrefix {
                    clauses.append("substr(pr.code, 1, \(try bind(Int32(prefix.count)))) = \(try bind(prefix))")
                }
                if let status = query.status { clauses.append("st.text = \(try bind(status.rawValue))") }
                // Key order is the order of the codes' text: each code's rank in its table (a few thousand rows) stands
                // in for it, so the server sorts integers, and the rows carry ids that the code book turns into codes.
                // A cursor is planned for its first rows unless told otherwise; this one is read to the end.
                try Self.execute(connection, "SET LOCAL cursor_tuple_fraction = 1.0", logger: logger, "plan the read")
                try Self.execute(connection, "SET LOCAL work_mem = '256MB'", logger: logger, "size the sort")
                let sql = """
                    DECLARE flow_cursor NO SCROLL CURSOR FOR
                    SELECT f.year, f.month, f.reporter, f.partner, f.product, f.flow, f.value, f.unit, f.quantity, f.quantity_unit, f.status
                    FROM flows f
                    JOIN (SELECT id, code, rank() OVER (ORDER BY code) AS rank FROM countries) r ON r.id = f.reporter
                    JOIN (SELECT id, code, rank() OVER (ORDER BY code) AS rank FROM countries) p ON p.id = f.partner
                    JOIN (SELECT id, classification, code, rank() OVER (ORDER BY classification, code) AS rank FROM products) pr ON pr.id = f.product
                    JOIN (SELECT id, text, rank() OVER (ORDER BY text) AS rank FROM labels) fl ON fl.id = f.flow
                    JOIN labels st ON st.id = f.status
                    WHERE \(clauses.joined(separator: " AND "))
                    ORDER BY r.rank, f.year, fl.rank, pr.rank, p.rank, f.month, f.source_file, f.source_line, f.seq
                    """
                try Self.execute(
                    connection, PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger,
                    "select the flows of '\(dataset)'")
                let decoder = StoredFlowDecoder(try FlowCodeBook(connection, logger: logger))
                while true {
                    let batch = try Self.rows(
                        connection, "FETCH FORWARD 10000 FROM flow_cursor", logger: logger,
                        "read the flows of '\(dataset)'")
                    for row in batch { try body(try decoder.flow(from: row)) }
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
            let codes = try FlowCodeBook(connection, logger: pool.logger)
            let rows = try Self.rows(
                connection, "SELECT DISTINCT flow, reporter, partner, year FROM flows WHERE dataset_id = \(id)",
                logger: pool.logger, "read the coverage of '\(dataset)'")
            for row in rows {
                let (flow, reporter, partner, year) = try row.decode((Int64, Int64, Int64, Int).self)
                guard let kind = codes.labels[flow].flatMap(FlowKind.init(rawValue:)),
                    let reporter = codes.countries[reporter].flatMap(CountryCode.init(rawValue:)),
                    let partner = codes.countries[partner].flatMap(CountryCode.init(rawValue:))
                else { continue }
                coverage[kind, default: FlowCoverage()].reporters.insert(reporter)
                coverage[kind, default: FlowCoverage()].partners.insert(partner)
                coverage[kind, default: FlowCoverage()].years.insert(year)
            }
            return coverage
        }
    }

    static func datasetInfo(_ connection: PostgresConnection, id: Int64, logger: Logger) throws -> DatasetInfo {
        guard
            let row = try rows(
                connection,
                """
                SELECT name, source_format, imported_at, chainrisk_version, row_count, value_totals, findings
                FROM datasets WHERE id = \(id)
                """, logger: logger, "read dataset \(id)"
            ).first
        else {
            throw StoreError(.unknownDataset, "no dataset with id \(id)")
        }
        let (name, format, importedAt, version, rowCount, totals, findings) = try row.decode(
            (String, String, String, String, Int, String, String).self)
        let files = try rows(
            connection,
            """
            SELECT path, sha256, size_bytes, source_format, records, flows, retrieved_at FROM dataset_files
            WHERE dataset_id = \(id) ORDER BY position
            """, logger: logger, "read the files of dataset '\(name)'"
        ).map { file in
            let (path, sha256, size, fileFormat, records, flows, retrievedAt) = try file.decode(
                (String, String, Int, String, Int, Int, String?).self)
            return DatasetInfo.File(
                path: path, sha256: sha256, sizeBytes: size, sourceFormat: fileFormat, records: records, flows: flows,
                retrievedAt: retrievedAt)
        }
        let stored = try StoredJSON.decode(StoredFindings.self, findings)
        return DatasetInfo(
            name: name, sourceFormat: format, importedAt: importedAt, chainriskVersion: version, rowCount: rowCount,
            valueTotals: try StoredJSON.decode([String: Double].self, totals), findingCounts: stored.counts,
            findingExamples: stored.examples, files: files)
    }
}

/// Stored flows of ids turned back into `TradeFlow`s through the code book, read once per read.
private struct StoredFlowDecoder {
    let countries: [Int64: CountryCode]
    let products: [Int64: ProductCode]
    let labels: [Int64: String]

    init(_ codes: FlowCodeBook) {
        countries = codes.countries.compactMapValues(CountryCode.init(rawValue:))
        products = codes.products
        labels = codes.labels
    }

    func flow(from row: PostgresRow) throws -> TradeFlow {
        let (year, month, reporter, partner, product, flow, value, unit, quantity, quantityUnit, status) =
            try row.decode((Int, Int, Int64, Int64, Int64, Int64, Double?, Int64, Double?, Int64?, Int64).self)
        guard
            let reporter = countries[reporter], let partner = countries[partner], let product = products[product],
            let flow = labels[flow].flatMap(FlowKind.init(rawValue:)),
            let unit = labels[unit].flatMap(ValueUnit.init(token:)),
            let status = labels[status].flatMap(ValueStatus.init(rawValue:))
        else {
            throw StoreError(
                .unavailable, "the database holds a flow chainrisk cannot read; was it written by a newer version?")
        }
        return TradeFlow(
            year: year, month: month, reporter: reporter, partner: partner, product: product, flow: flow, value: value,
            unit: unit, quantity: quantity, quantityUnit: quantityUnit.flatMap { labels[$0] }, status: status)
    }
}
