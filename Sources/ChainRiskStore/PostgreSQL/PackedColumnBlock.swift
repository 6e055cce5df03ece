import ChainRiskCore
import NIOCore
import PostgresNIO

/// One part of a dataset's flows (65,536 by `seq`) packed at import as the columnar read wants them, so that a
/// stored analysis reads a few wide values per part instead of having the server scan and pack every row.
///
/// The words are those the server-side packing sends (see `PostgresTradeStore.columnPiece`): reporter, partner and
/// place (24, 24 and 16 bits); product and year (47 and 16 bits); value (NaN where missing). `fits` is false when
/// a flow of the part cannot be a column row (a month, a status other than reported or missing, an id or year too
/// large for its bits); `flow` and `unit` are −1 when the part mixes flow kinds or units.
struct PackedColumnBlock: Sendable {
    static let size = 1 << 16

    let part: Int
    private(set) var count = 0
    private(set) var flow: Int64 = -1
    private(set) var unit: Int64 = -1
    private(set) var fits = true
    private var mixed = false
    private var countries = ByteBuffer()
    private var products = ByteBuffer()
    private var values = ByteBuffer()

    init(part: Int) {
        self.part = part
        countries.reserveCapacity(Self.size * 8)
        products.reserveCapacity(Self.size * 8)
        values.reserveCapacity(Self.size * 8)
    }

    var isFull: Bool { count == Self.size }

    /// Adds the next flow of the part (as read, and as coded).
    @inline(__always)
    mutating func add(_ flow: TradeFlow, coded: CodedFlow) {
        let place = Int64(count)
        if flow.month != 0 || coded.reporter >= 1 << 24 || coded.partner >= 1 << 24 || !(0...65_535).contains(flow.year)
        {
            fits = false
        }
        if count == 0 {
            (self.flow, unit) = (coded.flow, coded.unit)
        } else if coded.flow != self.flow || coded.unit != unit {
            mixed = true
        }
        let value: Double
        switch flow.status {
        case .missing: value = .nan
        case .reported: value = flow.value ?? .nan
        default:
            fits = false
            value = .nan
        }
        countries.writeInteger(
            UInt64(truncatingIfNeeded: (coded.reporter & 0xFF_FFFF) << 40 | (coded.partner & 0xFF_FFFF) << 16 | place))
        products.writeInteger(UInt64(truncatingIfNeeded: coded.product << 16 | (coded.year & 0xFFFF)))
        values.writeInteger(value.bitPattern)
        count += 1
    }

    /// The statement that stores the part in `flow_blocks`.
    func insert(datasetID: Int64) -> PostgresQuery {
        let kind = mixed ? -1 : flow
        let unit = mixed ? -1 : self.unit
        return """
            INSERT INTO flow_blocks (dataset_id, part, flows, flow, unit, fits, country_words, product_words, value_words)
            VALUES (\(datasetID), \(Int32(part)), \(Int32(count)), \(kind), \(unit), \(fits), \(countries), \(products), \(values))
            """
    }
}
