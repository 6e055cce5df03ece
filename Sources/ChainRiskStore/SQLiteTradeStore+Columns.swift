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
    /// digits or of another length than the first — the caller reads rows then.
    /// - Complexity: O(rows), straight from SQLite's statements (no `TradeFlow`, no string per row), the dataset's
    ///   rowid range split into one part per core, each read on its own connection.
    public func flowColumns(in dataset: String, stored: FlowKind, mirrored: Bool) throws -> TradeFlowColumns? {
        let (range, codes) = try writer.read { db in (try Self.flowRange(of: dataset, db), try SQLiteCodeBook(db)) }
        guard let book = ColumnCodeBook(codes: codes, stored: stored) else { return nil }
        let parts = max(1, min(ParallelMap.processorCount, Int((range.upperBound - range.lowerBound) / 100_000) + 1))
        let length = (range.upperBound - range.lowerBound + 1 + Int64(parts) - 1) / Int64(parts)
        let writer = self.writer
        let pieces = try ParallelMap.map(parts, workers: parts) { part -> ColumnPiece in
            let low = range.lowerBound + Int64(part) * length
            let high = min(range.upperBound, low + length - 1)
            return try writer.read { db in try Self.columnPiece(rows: low...high, book: book, mirrored: mirrored, db) }
        }
        return book.columns(pieces, stored: stored, mirrored: mirrored)
    }

    /// The rows `rows` of the flows table as column blocks, or a piece that does not fit.
    private static func columnPiece(rows: ClosedRange<Int64>, book: ColumnCodeBook, mirrored: Bool, _ db: Database) throws -> ColumnPiece {
        var piece = ColumnPiece()
        guard rows.lowerBound <= rows.upperBound else { return piece }
        let statement = try db.makeStatement(sql: """
            SELECT year, month, reporter, partner, product, flow, value, unit, status
            FROM flows WHERE rowid BETWEEN ? AND ? ORDER BY rowid
            """)
        try statement.setArguments([rows.lowerBound, rows.upperBound])
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            guard piece.add(handle, book: book, mirrored: mirrored) else {
                piece.fits = false
                return piece
            }
        }
        piece.finish()
        return piece
    }
}

/// The code book turned into arrays indexed by id, for the columnar read's hot loop.
private struct ColumnCodeBook: Sendable {
    let flowID: Int64
    let reportedID: Int64?
    let missingID: Int64?
    /// Every country of the store, in id order; `countryIndex[id]` is its index there (`UInt16.max`: no country).
    let countries: [CountryCode]
    let countryIndex: [UInt16]
    /// Per product id: the code as a number and its digits (0 when it is not digits), and its classification's tag.
    let productNumber: [UInt32]
    let productDigits: [UInt8]
    let productClass: [UInt8]
    let classifications: [Classification]
    let unitTokens: [Int64: String]

    /// Nil when no flow of kind `stored` can be in the database, or the store has more countries than columns hold.
    init?(codes: SQLiteCodeBook, stored: FlowKind) {
        guard let flowID = codes.existingLabel(stored.rawValue) else { return nil }
        self.flowID = flowID
        reportedID = codes.existingLabel(ValueStatus.reported.rawValue)
        missingID = codes.existingLabel(ValueStatus.missing.rawValue)
        let countryIDs = codes.countries.keys.sorted()
        guard countryIDs.count < Int(UInt16.max) else { return nil }
        var index = [UInt16](repeating: .max, count: Int(countryIDs.last ?? 0) + 1)
        var countries: [CountryCode] = []
        for id in countryIDs {
            guard let code = codes.countries[id].flatMap(CountryCode.init(rawValue:)) else { continue }
            index[Int(id)] = UInt16(countries.count)
            countries.append(code)
        }
        self.countries = countries
        countryIndex = index
        let maxProduct = Int(codes.products.keys.max() ?? 0)
        var number = [UInt32](repeating: 0, count: maxProduct + 1)
        var digits = [UInt8](repeating: 0, count: maxProduct + 1)
        var classTag = [UInt8](repeating: 0, count: maxProduct + 1)
        var classifications: [Classification] = []
        for (id, product) in codes.products {
            let tag = classifications.firstIndex(of: product.classification) ?? classifications.count
            if tag == classifications.count { classifications.append(product.classification) }
            classTag[Int(id)] = UInt8(truncatingIfNeeded: min(tag, 255))
            guard let value = Self.numeric(product.code) else { continue }
            number[Int(id)] = value
            digits[Int(id)] = UInt8(product.code.utf8.count)
        }
        productNumber = number
        productDigits = digits
        productClass = classTag
        self.classifications = classifications
        unitTokens = codes.labels
    }

    /// Digits of one to nine bytes as a number.
    private static func numeric(_ code: String) -> UInt32? {
        let bytes = code.utf8
        guard (1...9).contains(bytes.count) else { return nil }
        var number: UInt32 = 0
        for byte in bytes {
            let digit = byte &- 0x30
            guard digit < 10 else { return nil }
            number = number * 10 + UInt32(digit)
        }
        return number
    }

    /// The pieces joined in order, or nil when any piece does not fit or they disagree on unit, classification or
    /// code length.
    func columns(_ pieces: [ColumnPiece], stored: FlowKind, mirrored: Bool) -> TradeFlowColumns? {
        let filled = pieces.filter { $0.unitID != nil }
        guard pieces.allSatisfy(\.fits), let first = filled.first, let unitID = first.unitID,
              filled.allSatisfy({ $0.unitID == unitID && $0.productDigits == first.productDigits && $0.productClass == first.productClass }),
              let token = unitTokens[unitID], let unit = ValueUnit(token: token), first.productDigits > 0,
              classifications.indices.contains(Int(first.productClass)) else { return nil }
        return TradeFlowColumns(
            flow: mirrored ? .imports : stored, unit: unit, classification: classifications[Int(first.productClass)],
            countries: countries, productDigits: Int(first.productDigits), blocks: pieces.flatMap(\.blocks))
    }
}

/// The columns of one part of a dataset's rows, with what must agree across parts.
private struct ColumnPiece: Sendable {
    var fits = true
    var unitID: Int64?
    var productDigits: UInt8 = 0
    var productClass: UInt8 = 0
    var blocks: [TradeFlowColumns.Block] = []
    private var block = TradeFlowColumns.Block()
    static let blockSize = 1 << 20

    /// Adds one row; false when it does not fit columns (see `flowColumns`).
    @inline(__always)
    mutating func add(_ row: OpaquePointer?, book: ColumnCodeBook, mirrored: Bool) -> Bool {
        guard sqlite3_column_int(row, 1) == 0, sqlite3_column_int64(row, 5) == book.flowID else { return false }
        let unit = sqlite3_column_int64(row, 7)
        let product = Int(sqlite3_column_int64(row, 4))
        guard book.productNumber.indices.contains(product), book.productDigits[product] > 0 else { return false }
        if unitID == nil {
            unitID = unit
            productDigits = book.productDigits[product]
            productClass = book.productClass[product]
        }
        guard unit == unitID, book.productDigits[product] == productDigits, book.productClass[product] == productClass,
              let reporter = Self.country(row, mirrored ? 3 : 2, book), let partner = Self.country(row, mirrored ? 2 : 3, book) else { return false }
        let year = sqlite3_column_int(row, 0)
        guard (0...Int32(UInt16.max)).contains(year) else { return false }
        let status = sqlite3_column_int64(row, 8)
        let value: Double
        if sqlite3_column_type(row, 6) == SQLITE_NULL || status == book.missingID {
            value = .nan
        } else {
            guard status == book.reportedID else { return false }
            value = sqlite3_column_double(row, 6)
        }
        block.years.append(UInt16(year))
        block.reporters.append(reporter)
        block.partners.append(partner)
        block.products.append(book.productNumber[product])
        block.values.append(value)
        if block.count == Self.blockSize {
            blocks.append(block)
            block = TradeFlowColumns.Block()
        }
        return true
    }

    mutating func finish() {
        if block.count > 0 { blocks.append(block) }
        block = TradeFlowColumns.Block()
    }

    @inline(__always)
    private static func country(_ row: OpaquePointer?, _ column: Int32, _ book: ColumnCodeBook) -> UInt16? {
        let id = Int(sqlite3_column_int64(row, column))
        guard book.countryIndex.indices.contains(id) else { return nil }
        let index = book.countryIndex[id]
        return index == .max ? nil : index
    }
}
