import ChainRiskCore
import ChainRiskIngest
import GRDB

/// Streams one reader's flows into the `flows` table through a prepared statement, keeping running totals.
struct FlowWriter {
    let db: Database
    let datasetID: Int64
    let progress: ImportProgress?
    var position = 0
    private(set) var stored = 0
    private var sums: [ValueUnit: CompensatedSum] = [:]

    init(db: Database, datasetID: Int64, progress: ImportProgress?) {
        self.db = db
        self.datasetID = datasetID
        self.progress = progress
    }

    /// Reads `source` and inserts every flow it yields; returns the reader's summary.
    mutating func store(_ source: ImportRequest.Source, options: ReadOptions) throws -> ReadSummary {
        let statement = try db.makeStatement(sql: "INSERT INTO flows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let file = source.file
        var count = stored
        var localSums = sums
        let datasetID = datasetID
        let position = position
        let progress = progress
        let summary = try source.reader.read(file, options: options) { flow, line in
            statement.setUncheckedArguments([
                datasetID, flow.year, flow.month, flow.reporter.rawValue, flow.partner.rawValue,
                flow.product.classification.token, flow.product.code, flow.flow.rawValue, flow.value,
                flow.unit.token, flow.quantity, flow.quantityUnit, flow.status.rawValue, position, line,
            ])
            try statement.execute()
            if let value = flow.value, flow.status.hasValue {
                localSums[flow.unit, default: CompensatedSum()].add(value)
            }
            count += 1
            if count & 0x3FFF == 0 { progress?(count, file) }
        }
        stored = count
        sums = localSums
        progress?(count, file)
        return summary
    }

    /// Value totals per unit token, for the dataset's provenance.
    func totals() -> [String: Double] {
        Dictionary(uniqueKeysWithValues: sums.map { ($0.key.token, $0.value.value) })
    }
}
