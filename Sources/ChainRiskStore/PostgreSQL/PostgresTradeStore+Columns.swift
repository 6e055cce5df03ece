public import ChainRiskCore
import Foundation
import Logging
import NIOCore
import PostgresNIO

extension PostgresTradeStore {
    /// The flows of `dataset` as columns, in import order, for the columnar engine (see `TradeStore.flowColumns`).
    ///
    /// Each part of a dataset (65,536 flows by `seq`) comes as three packed columns, read here without a value per
    /// cell: stored so at import (`flow_blocks`), or packed by the server from the rows for a dataset imported before
    /// there were blocks. Parts are read on two connections per core. Sums are left to the columnar engine, in import
    /// order, so that a stored dataset gives the same bits as its file.
    public func flowColumns(in dataset: String, stored: FlowKind, mirrored: Bool) throws -> TradeFlowColumns? {
        try flowColumns(in: dataset, stored: stored, mirrored: mirrored, partSize: 1 << 16)
    }

    /// The same, read in parts of `partSize` flows (at most 2¹⁶: a flow's place in its part takes 16 bits; tests read
    /// small datasets in many parts).
    func flowColumns(in dataset: String, stored: FlowKind, mirrored: Bool, partSize: Int64) throws -> TradeFlowColumns?
    {
        let (id, count, blocks, codes) = try pool.withConnection { connection in
            let logger = pool.logger
            guard
                let row = try Self.rows(
                    connection,
                    """
                    SELECT id, row_count, (SELECT count(*) FROM flow_blocks WHERE dataset_id = datasets.id) FROM datasets WHERE name = \(dataset)
                    """, logger: logger, "look up dataset '\(dataset)'"
                ).first
            else {
                throw StoreError(.unknownDataset, "no dataset named '\(dataset)'; `chainrisk datasets` lists them")
            }
            let (id, count, blocks) = try row.decode((Int64, Int64, Int64).self)
            return (id, count, blocks, try FlowCodeBook(connection, logger: logger))
        }
        guard let book = ColumnCodeBook(codes: codes, stored: stored) else { return nil }
        let parts = Int(max(1, (count + partSize - 1) / partSize))
        let fromBlocks = partSize == Int64(PackedColumnBlock.size) && blocks == parts && count > 0
        let connections = pool
        let pieces = try ParallelMap.map(parts, workers: min(parts, 2 * ParallelMap.processorCount)) {
            part -> ColumnPiece in
            let seqs = Int64(part) * partSize..<min(count, Int64(part + 1) * partSize)
            return try connections.withConnection { connection in
                fromBlocks
                    ? try Self.storedPiece(
                        connection, datasetID: id, part: part, length: seqs.count, book: book, mirrored: mirrored,
                        logger: connections.logger)
                    : try Self.columnPiece(
                        connection, datasetID: id, seqs: seqs, book: book, mirrored: mirrored,
                        logger: connections.logger)
            }
        }
        return book.columns(pieces, stored: stored, mirrored: mirrored)
    }

    /// The flows `seqs` of a dataset as column blocks, or a piece that does not fit.
    ///
    /// The server checks what must hold for every row (no month, the stored flow kind, a reported or missing value,
    /// one unit, ids and years that fit the packing) and packs the rest into three arrays: reporter, partner and the
    /// flow's place in the part (24, 24 and 16 bits); product and year (47 and 16 bits); value (NaN where missing, as
    /// the column reader reads a missing value). Each goes as one `bytea` of 8-byte words (see `PackedColumn`): a
    /// third of the server's work of sending one array per column, and nothing to parse here.
    private static func columnPiece(
        _ connection: PostgresConnection, datasetID: Int64, seqs: Range<Int64>, book: ColumnCodeBook, mirrored: Bool,
        logger: Logger
    ) throws -> ColumnPiece {
        var piece = ColumnPiece()
        guard !seqs.isEmpty else { return piece }
        guard seqs.count <= 1 << 16 else {
            throw StoreError(.unavailable, "a part of more than 65,536 flows cannot be read as columns")
        }
        let reported = book.reportedID ?? -1
        let missing = book.missingID ?? -1
        let rows = try Self.rows(
            connection,
            """
            SELECT count(*), count(*) FILTER (WHERE month <> 0 OR flow <> \(book.flowID) OR status NOT IN (\(reported), \(missing))
                                           OR year NOT BETWEEN 0 AND 65535 OR reporter >= 16777216 OR partner >= 16777216),
                   min(unit), max(unit),
                   string_agg(int8send((reporter::bigint << 40) | (partner::bigint << 16) | (seq - \(seqs.lowerBound))), ''),
                   string_agg(int8send((product::bigint << 16) | year), ''),
                   string_agg(float8send(CASE WHEN status = \(missing) OR value IS NULL THEN 'NaN'::float8 ELSE value END), '')
            FROM flows WHERE dataset_id = \(datasetID) AND seq >= \(seqs.lowerBound) AND seq < \(seqs.upperBound)
            """, logger: logger, "read flows as columns")
        guard let row = rows.first else { throw changed() }
        let (count, misfits, lowestUnit, highestUnit, countryBytes, productBytes, valueBytes) =
            try row.decode((Int, Int, Int64?, Int64?, ByteBuffer?, ByteBuffer?, ByteBuffer?).self)
        let length = seqs.count
        guard count == length else { throw changed() }
        guard misfits == 0, let unit = lowestUnit, highestUnit == unit else {
            piece.fits = false
            return piece
        }
        return try Self.piece(
            length: length, unit: unit, countries: countryBytes, products: productBytes, values: valueBytes, book: book,
            mirrored: mirrored)
    }

    /// Part `part` of a dataset as the import stored it in `flow_blocks`, or a piece that does not fit.
    private static func storedPiece(
        _ connection: PostgresConnection, datasetID: Int64, part: Int, length: Int, book: ColumnCodeBook,
        mirrored: Bool, logger: Logger
    ) throws -> ColumnPiece {
        guard
            let row = try Self.rows(
                connection,
                """
                SELECT flows, flow, unit, fits, country_words, product_words, value_words FROM flow_blocks
                WHERE dataset_id = \(datasetID) AND part = \(Int32(part))
                """, logger: logger, "read column blocks"
            ).first
        else { throw changed() }
        let (flows, flow, unit, fits, countries, products, values) = try row.decode(
            (Int, Int64, Int64, Bool, ByteBuffer, ByteBuffer, ByteBuffer).self)
        guard flows == length else { throw changed() }
        guard fits, flow == book.flowID, unit >= 0 else {
            var piece = ColumnPiece()
            piece.fits = false
            return piece
        }
        return try Self.piece(
            length: length, unit: unit, countries: countries, products: products, values: values, book: book,
            mirrored: mirrored)
    }

    /// The packed words of one part (see `columnPiece`) as column blocks, or a piece that does not fit.
    private static func piece(
        length: Int, unit: Int64, countries countryBytes: ByteBuffer?, products productBytes: ByteBuffer?,
        values valueBytes: ByteBuffer?,
        book: ColumnCodeBook, mirrored: Bool
    ) throws -> ColumnPiece {
        var piece = ColumnPiece()
        let countries = try PackedColumn.integers(countryBytes)
        let products = try PackedColumn.integers(productBytes)
        let values = try PackedColumn.doubles(valueBytes)
        guard countries.count == length, products.count == length, values.count == length else { throw changed() }
        // Rows come in the table's physical order; their place puts them back into import order.
        var order = [Int32](repeating: -1, count: length)
        for (index, word) in countries.enumerated() {
            let slot = Int(word & 0xFFFF)
            guard slot < length, order[slot] < 0 else { throw changed() }
            order[slot] = Int32(index)
        }
        for index in order {
            let at = Int(index)
            let flow = StoredFlowIDs(
                year: products[at] & 0xFFFF, month: 0, reporter: countries[at] >> 40,
                partner: countries[at] >> 16 & 0xFF_FFFF,
                product: products[at] >> 16, flow: book.flowID, value: values[at], unit: unit,
                status: book.reportedID ?? -1)
            guard piece.add(flow, book: book, mirrored: mirrored) else {
                piece.fits = false
                return piece
            }
        }
        piece.finish()
        return piece
    }

    private static func changed() -> StoreError {
        StoreError(
            .unavailable,
            "the dataset's flows changed while they were read (removed or replaced by another connection); read it again"
        )
    }
}

/// Columns packed by the server as `bytea`: each row's 8 big-endian bytes (`int8send`, `float8send`) one after the
/// other, so that neither side handles a value per element beyond copying it.
enum PackedColumn {
    static func integers(_ bytes: ByteBuffer?) throws -> [Int64] {
        try words(bytes) { Int64(bitPattern: $0) }
    }

    static func doubles(_ bytes: ByteBuffer?) throws -> [Double] {
        try words(bytes) { Double(bitPattern: $0) }
    }

    private static func words<T>(_ bytes: ByteBuffer?, _ convert: (UInt64) -> T) throws -> [T] {
        guard let bytes else { return [] }
        guard bytes.readableBytes % 8 == 0 else {
            throw StoreError(
                .unavailable,
                "PostgreSQL sent packed columns chainrisk cannot read; was the database written by a newer version?")
        }
        return bytes.withUnsafeReadableBytes { raw in
            (0..<raw.count / 8).map {
                convert(UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)))
            }
        }
    }
}
