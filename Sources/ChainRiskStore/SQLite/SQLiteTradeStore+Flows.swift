public import ChainRiskCore
import GRDB

extension SQLiteTradeStore {
    /// Calls `body` with each flow of `dataset` that matches `query`, in key order, without loading them all.
    ///
    /// The SQL is built from fixed fragments with bound arguments only; no user text enters the statement.
    public func forEachFlow(in dataset: String, matching query: FlowQuery, _ body: (TradeFlow) throws -> Void) throws {
        try writer.read { db in
            let flows = try Self.storedFlows(of: dataset, db)
            var clauses = ["seq BETWEEN ? AND ? AND dataset_id = ?"]
            var arguments: [any DatabaseValueConvertible] = [
                flows.seq.lowerBound, flows.seq.upperBound, flows.datasetID,
            ]
            func list<T>(_ column: String, _ values: [T]?, _ convert: (T) -> any DatabaseValueConvertible) {
                guard let values else { return }
                clauses.append("\(column) IN (\(values.map { _ in "?" }.joined(separator: ",")))")
                arguments.append(contentsOf: values.map(convert))
            }
            list("reporter", query.reporters) { $0.rawValue }
            list("partner", query.partners) { $0.rawValue }
            list("year", query.years) { $0 }
            list("flow", query.flows) { $0.rawValue }
            if let classification = query.classification {
                clauses.append("classification = ?")
                arguments.append(classification.token)
            }
            if let prefix = query.productPrefix {
                clauses.append("substr(product, 1, ?) = ?")
                arguments.append(prefix.utf8.count)
                arguments.append(prefix)
            }
            if let status = query.status {
                clauses.append("status = ?")
                arguments.append(status.rawValue)
            }
            let sql = """
                SELECT year, month, reporter, partner, classification, product, flow, value, unit, quantity, quantity_unit, status
                FROM flow_rows WHERE \(clauses.joined(separator: " AND "))
                ORDER BY reporter, year, flow, classification, product, partner, month, source_file, source_line
                """
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            while let row = try rows.next() {
                try body(try Self.flow(from: row))
            }
        }
    }

    /// Where a dataset's flows are; throws `unknownDataset` when there is no dataset of that name.
    static func storedFlows(of dataset: String, _ db: Database) throws -> StoredFlowRange {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT id, first_flow, last_flow FROM datasets WHERE name = ?", arguments: [dataset])
        else {
            throw StoreError(.unknownDataset, "no dataset named '\(dataset)'; `chainrisk datasets` lists them")
        }
        let first: Int64 = row["first_flow"]
        let last: Int64 = row["last_flow"]
        // A dataset without flows (0 and −1) reads seq 0, which no row has.
        return StoredFlowRange(datasetID: row["id"], seq: first...max(first, last))
    }

    private static func flow(from row: Row) throws -> TradeFlow {
        let classificationToken: String = row["classification"]
        let unitToken: String = row["unit"]
        guard
            let reporter = CountryCode(rawValue: row["reporter"]),
            let partner = CountryCode(rawValue: row["partner"]),
            let classification = Classification(token: classificationToken),
            let flow = FlowKind(rawValue: row["flow"]),
            let unit = ValueUnit(token: unitToken),
            let status = ValueStatus(rawValue: row["status"])
        else {
            throw StoreError(
                .unavailable, "the database holds a flow chainrisk cannot read; was it written by a newer version?")
        }
        return TradeFlow(
            year: row["year"], month: row["month"], reporter: reporter, partner: partner,
            product: ProductCode(row["product"], in: classification), flow: flow, value: row["value"], unit: unit,
            quantity: row["quantity"], quantityUnit: row["quantity_unit"], status: status
        )
    }
}

extension SQLiteTradeStore {
    /// Which reporters, partners and years each flow kind of a dataset holds, for messages about an empty selection.
    public func flowCoverage(in dataset: String) throws -> [FlowKind: FlowCoverage] {
        try writer.read { db in
            let flows = try Self.storedFlows(of: dataset, db)
            let codes = try FlowCodeBook(db)
            var coverage: [FlowKind: FlowCoverage] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql:
                    "SELECT DISTINCT flow, reporter, partner, year FROM flows WHERE seq BETWEEN ? AND ? AND dataset_id = ?",
                arguments: [flows.seq.lowerBound, flows.seq.upperBound, flows.datasetID])
            while let row = try rows.next() {
                guard let kind = codes.labels[row["flow"]].flatMap(FlowKind.init(rawValue:)),
                    let reporter = codes.countries[row["reporter"]].flatMap(CountryCode.init(rawValue:)),
                    let partner = codes.countries[row["partner"]].flatMap(CountryCode.init(rawValue:))
                else { continue }
                coverage[kind, default: FlowCoverage()].reporters.insert(reporter)
                coverage[kind, default: FlowCoverage()].partners.insert(partner)
                coverage[kind, default: FlowCoverage()].years.insert(row["year"])
            }
            return coverage
        }
    }
}

/// A dataset's id and the range of `seq` its flows occupy: every read and removal names both, so a range that no
/// longer matches the rows (a store restored by hand) can never reach another dataset's flows.
struct StoredFlowRange {
    let datasetID: Int64
    let seq: ClosedRange<Int64>
}

/// The reporters, partners and years of one flow kind in a dataset or file.
public struct FlowCoverage: Sendable, Hashable {
    public var reporters: Set<CountryCode> = []
    public var partners: Set<CountryCode> = []
    public var years: Set<Int> = []

    public init() {}

    /// Adds one flow's reporter, partner and year.
    public mutating func add(_ flow: TradeFlow) {
        reporters.insert(flow.reporter)
        partners.insert(flow.partner)
        years.insert(flow.year)
    }
}
