import ChainRiskCore
import ChainRiskIngest
import GRDB
import GRDBSQLite

/// Streams one reader's flows into the `flows` table through a prepared statement, keeping running totals.
///
/// The hot path binds values straight to SQLite (no per-row argument arrays) and reuses the text of tokens that
/// repeat from row to row (classification, unit, flow, status): an import of ten million rows is bound by
/// SQLite's own insert speed.
struct SQLiteFlowWriter {
    let db: Database
    let datasetID: Int64
    let progress: ImportProgress?
    var position = 0
    private(set) var stored = 0
    private(set) var totals = DatasetValueTotals()

    init(db: Database, datasetID: Int64, progress: ImportProgress?) {
        self.db = db
        self.datasetID = datasetID
        self.progress = progress
    }

    /// Reads `source` and inserts every flow it yields; returns the reader's summary.
    mutating func store(_ source: ImportRequest.Source, options: ReadOptions) throws -> ReadSummary {
        let statement = try db.makeStatement(sql: "INSERT INTO flows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let handle = statement.sqliteStatement
        let file = source.file
        var count = stored
        var localTotals = totals
        var tokens = TokenCache()
        let datasetID = datasetID
        let position = Int64(position)
        let progress = progress
        let db = db
        let summary = try source.reader.read(file, options: options) { flow, line in
            sqlite3_reset(handle)
            sqlite3_bind_int64(handle, 1, datasetID)
            sqlite3_bind_int64(handle, 2, Int64(flow.year))
            sqlite3_bind_int64(handle, 3, Int64(flow.month))
            bindText(handle, 4, flow.reporter.rawValue)
            bindText(handle, 5, flow.partner.rawValue)
            bindText(handle, 6, tokens.classification(flow.product.classification))
            bindText(handle, 7, flow.product.code)
            bindText(handle, 8, flow.flow.rawValue)
            if let value = flow.value { sqlite3_bind_double(handle, 9, value) } else { sqlite3_bind_null(handle, 9) }
            bindText(handle, 10, tokens.unit(flow.unit))
            if let quantity = flow.quantity { sqlite3_bind_double(handle, 11, quantity) } else { sqlite3_bind_null(handle, 11) }
            if let unit = flow.quantityUnit { bindText(handle, 12, unit) } else { sqlite3_bind_null(handle, 12) }
            bindText(handle, 13, flow.status.rawValue)
            sqlite3_bind_int64(handle, 14, position)
            sqlite3_bind_int64(handle, 15, Int64(line))
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            localTotals.add(flow)
            count += 1
            if count & 0x3FFF == 0 { progress?(count, file) }
        }
        sqlite3_reset(handle)
        stored = count
        totals = localTotals
        progress?(count, file)
        return summary
    }
}

/// SQLite copies the bytes (the "transient" destructor), so the Swift string may go away after the call.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

@inline(__always)
private func bindText(_ statement: OpaquePointer?, _ index: Int32, _ text: String) {
    var text = text
    text.withUTF8 { bytes in
        _ = sqlite3_bind_text(statement, index, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, Int32(bytes.count), transient)
    }
}

/// The last classification and unit with their tokens: they rarely change between rows.
private struct TokenCache {
    private var lastClassification: Classification?
    private var classificationToken = ""
    private var lastUnit: ValueUnit?
    private var unitToken = ""

    mutating func classification(_ value: Classification) -> String {
        if value != lastClassification {
            lastClassification = value
            classificationToken = value.token
        }
        return classificationToken
    }

    mutating func unit(_ value: ValueUnit) -> String {
        if value != lastUnit {
            lastUnit = value
            unitToken = value.token
        }
        return unitToken
    }
}
