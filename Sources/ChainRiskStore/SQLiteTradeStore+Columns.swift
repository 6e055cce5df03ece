import ChainRiskCore
import Foundation
import GRDB
import GRDBSQLite

extension SQLiteTradeStore {
    /// The flows of `dataset` as columns, in import order (the order of their files' lines), for the columnar engine.
    ///
    /// Reads the rows of stored flow kind `stored`; with `mirrored`, reporter and partner swap and the columns are the
    /// partners' imports (a BACI dataset stored as exports, seen from the importers). Nil when the rows do not fit
    /// columns: another flow kind among them, several units or classifications, months, a product code that is not
    /// digits or of another length than the first, a country code longer than four bytes — the caller reads rows then.
    /// - Complexity: O(rows), straight from SQLite's statement (no `TradeFlow`, no string per row).
    public func flowColumns(in dataset: String, stored: FlowKind, mirrored: Bool) throws -> TradeFlowColumns? {
        try writer.read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM datasets WHERE name = ?", arguments: [dataset]) else {
                throw StoreError(.unknownDataset, "no dataset named '\(dataset)'; `chainrisk datasets` lists them")
            }
            // A dataset's rows are written in one transaction, so they occupy one range of rowids, in file order.
            guard let range = try Row.fetchOne(db, sql: "SELECT min(rowid) AS low, max(rowid) AS high FROM flows WHERE dataset_id = ?", arguments: [id]),
                  let low = range["low"] as Int64?, let high = range["high"] as Int64? else { return nil }
            let statement = try db.makeStatement(sql: """
                SELECT dataset_id, year, month, reporter, partner, classification, product, flow, value, unit, status
                FROM flows WHERE rowid BETWEEN ? AND ? ORDER BY rowid
                """)
            try statement.setArguments([low, high])
            var builder = ColumnBuilder(datasetID: id, stored: stored, mirrored: mirrored)
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                guard builder.add(handle) else { return nil }
            }
            return builder.columns()
        }
    }
}

/// Turns rows of the flows table into `TradeFlowColumns`, checking that they fit (see `flowColumns`).
private struct ColumnBuilder {
    let datasetID: Int64
    let stored: FlowKind
    let mirrored: Bool
    private var countryIndex: [UInt32: UInt16] = [:]
    private var countries: [CountryCode] = []
    private var unit: [UInt8]?
    private var classification: [UInt8]?
    private let flowBytes: [UInt8]
    private static let reported = Array(ValueStatus.reported.rawValue.utf8)
    private static let missing = Array(ValueStatus.missing.rawValue.utf8)
    private var productDigits: Int32 = -1
    private var blocks: [TradeFlowColumns.Block] = []
    private var block = TradeFlowColumns.Block()
    static let blockSize = 1 << 20

    init(datasetID: Int64, stored: FlowKind, mirrored: Bool) {
        self.datasetID = datasetID
        self.stored = stored
        self.mirrored = mirrored
        flowBytes = Array(stored.rawValue.utf8)
    }

    /// Adds one row; false when it does not fit.
    mutating func add(_ row: OpaquePointer?) -> Bool {
        guard sqlite3_column_int64(row, 0) == datasetID, sqlite3_column_int(row, 2) == 0,
              Self.equals(row, 7, flowBytes) else { return false }
        if unit == nil { (unit, classification) = (Self.bytes(row, 9), Self.bytes(row, 5)) }
        guard let unit, let classification, Self.equals(row, 9, unit), Self.equals(row, 5, classification),
              let reporter = country(row, mirrored ? 4 : 3), let partner = country(row, mirrored ? 3 : 4),
              let product = product(row) else { return false }
        let year = sqlite3_column_int(row, 1)
        guard (0...Int32(UInt16.max)).contains(year) else { return false }
        let value: Double
        if sqlite3_column_type(row, 8) == SQLITE_NULL || Self.equals(row, 10, Self.missing) {
            value = .nan
        } else {
            guard Self.equals(row, 10, Self.reported) else { return false }
            value = sqlite3_column_double(row, 8)
        }
        block.years.append(UInt16(year))
        block.reporters.append(reporter)
        block.partners.append(partner)
        block.products.append(product)
        block.values.append(value)
        if block.count == Self.blockSize {
            blocks.append(block)
            block = TradeFlowColumns.Block()
        }
        return true
    }

    mutating func columns() -> TradeFlowColumns? {
        if block.count > 0 { blocks.append(block) }
        guard let unit, let classification, let valueUnit = ValueUnit(token: String(decoding: unit, as: UTF8.self)),
              let productClassification = Classification(token: String(decoding: classification, as: UTF8.self)), productDigits > 0 else { return nil }
        return TradeFlowColumns(
            flow: mirrored ? .imports : stored, unit: valueUnit, classification: productClassification, countries: countries,
            productDigits: Int(productDigits), blocks: blocks)
    }

    /// The index of the country in column `column`, interning codes of up to four bytes by their bytes.
    private mutating func country(_ row: OpaquePointer?, _ column: Int32) -> UInt16? {
        guard let bytes = sqlite3_column_text(row, column) else { return nil }
        let count = Int(sqlite3_column_bytes(row, column))
        guard (1...4).contains(count) else { return nil }
        var key: UInt32 = 0
        for offset in 0..<count { key = key << 8 | UInt32(bytes[offset]) }
        key |= UInt32(count) << 29
        if let index = countryIndex[key] { return index }
        guard countries.count < Int(UInt16.max),
              let code = CountryCode(rawValue: String(cString: UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self))) else { return nil }
        let index = UInt16(countries.count)
        countries.append(code)
        countryIndex[key] = index
        return index
    }

    /// The product code as a number, when it is digits of the same length as the first row's.
    private mutating func product(_ row: OpaquePointer?) -> UInt32? {
        guard let bytes = sqlite3_column_text(row, 6) else { return nil }
        let count = sqlite3_column_bytes(row, 6)
        guard (1...9).contains(count), productDigits < 0 || count == productDigits else { return nil }
        var number: UInt32 = 0
        for offset in 0..<Int(count) {
            let digit = bytes[offset] &- 0x30
            guard digit < 10 else { return nil }
            number = number * 10 + UInt32(digit)
        }
        productDigits = count
        return number
    }

    /// The bytes of text column `column`.
    private static func bytes(_ row: OpaquePointer?, _ column: Int32) -> [UInt8] {
        guard let text = sqlite3_column_text(row, column) else { return [] }
        return Array(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(row, column))))
    }

    /// True when text column `column` holds exactly `expected`, compared byte for byte (no string per row).
    @inline(__always)
    private static func equals(_ row: OpaquePointer?, _ column: Int32, _ expected: [UInt8]) -> Bool {
        guard let text = sqlite3_column_text(row, column), Int(sqlite3_column_bytes(row, column)) == expected.count else { return false }
        return expected.withUnsafeBufferPointer { expected in
            guard let base = expected.baseAddress else { return true }
            return memcmp(text, base, expected.count) == 0
        }
    }
}
