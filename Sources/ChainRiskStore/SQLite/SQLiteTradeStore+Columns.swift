public import ChainRiskCore
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
    ///   `seq` range split into one part per core, each read on its own connection.
    public func flowColumns(in dataset: String, stored: FlowKind, mirrored: Bool) throws -> TradeFlowColumns? {
        let (flows, codes) = try writer.read { db in (try Self.storedFlows(of: dataset, db), try FlowCodeBook(db)) }
        let range = flows.seq
        let datasetID = flows.datasetID
        guard let book = ColumnCodeBook(codes: codes, stored: stored) else { return nil }
        let parts = max(1, min(ParallelMap.processorCount, Int((range.upperBound - range.lowerBound) / 100_000) + 1))
        let length = (range.upperBound - range.lowerBound + 1 + Int64(parts) - 1) / Int64(parts)
        let writer = self.writer
        let pieces = try ParallelMap.map(parts, workers: parts) { part -> ColumnPiece in
            let low = range.lowerBound + Int64(part) * length
            let high = min(range.upperBound, low + length - 1)
            return try writer.read { db in
                try Self.columnPiece(rows: low...high, of: datasetID, book: book, mirrored: mirrored, db)
            }
        }
        return book.columns(pieces, stored: stored, mirrored: mirrored)
    }

    /// The flows of dataset `datasetID` in `rows` (their `seq`) as column blocks, or a piece that does not fit.
    private static func columnPiece(
        rows: ClosedRange<Int64>, of datasetID: Int64, book: ColumnCodeBook, mirrored: Bool, _ db: Database
    ) throws -> ColumnPiece {
        var piece = ColumnPiece()
        guard rows.lowerBound <= rows.upperBound else { return piece }
        let statement = try db.makeStatement(
            sql: """
                SELECT year, month, reporter, partner, product, flow, value, unit, status
                FROM flows WHERE seq BETWEEN ? AND ? AND dataset_id = ? ORDER BY seq
                """)
        try statement.setArguments([rows.lowerBound, rows.upperBound, datasetID])
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            let row = StoredFlowIDs(
                year: sqlite3_column_int64(handle, 0), month: sqlite3_column_int64(handle, 1),
                reporter: sqlite3_column_int64(handle, 2), partner: sqlite3_column_int64(handle, 3),
                product: sqlite3_column_int64(handle, 4), flow: sqlite3_column_int64(handle, 5),
                value: sqlite3_column_type(handle, 6) == SQLITE_NULL ? nil : sqlite3_column_double(handle, 6),
                unit: sqlite3_column_int64(handle, 7), status: sqlite3_column_int64(handle, 8))
            guard piece.add(row, book: book, mirrored: mirrored) else {
                piece.fits = false
                return piece
            }
        }
        piece.finish()
        return piece
    }
}
