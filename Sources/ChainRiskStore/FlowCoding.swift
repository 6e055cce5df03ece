import ChainRiskCore

/// Turns flows into the integer rows both backends store, keeping what an import learns on the way: ids from the code
/// book (new codes pending), each flow's packed key for the duplicate check, the value totals and the flow count.
struct FlowCoding: Sendable {
    var codes: FlowCodeBook
    /// The keys of the flows coded, to find flows that share one.
    private var duplicates = DuplicateKeyDetector()
    var totals = DatasetValueTotals()
    /// Flows coded so far; the next flow's position in the dataset.
    private(set) var count = 0
    private var recent = RecentIDs()
    /// The magnitudes of the values coded: while their sum is finite, no total of the import can overflow.
    private var magnitude = ValueMagnitude()

    init(codes: FlowCodeBook) { self.codes = codes }

    /// The positions of the flows of each key held by more than one flow (see `DuplicateKeyDetector`), or nil when
    /// the keys did not fit its packing and the database must group them.
    mutating func duplicateGroups() -> [[Int]]? {
        duplicates.overflowed ? nil : duplicates.duplicateGroups()
    }

    /// The next flow as ids, counted and totalled; throws when its value takes the sum of the values' magnitudes
    /// past the largest double (the file and line name the flow).
    @inline(__always)
    mutating func code(_ flow: TradeFlow, line: Int, file: String) throws(InputError) -> CodedFlow {
        try magnitude.add(flow.value, file: file, line: line)
        let reporter = recent.reporter(flow.reporter, &codes)
        let partner = codes.country(flow.partner.rawValue)
        let product = codes.product(flow.product)
        let labels = recent.labels(flow, &codes)
        totals.add(flow)
        duplicates.add(
            row: count, reporter: reporter, partner: partner, product: product, flow: flow.flow, year: flow.year,
            month: flow.month)
        count += 1
        return CodedFlow(
            year: Int64(flow.year), month: Int64(flow.month), reporter: reporter, partner: partner, product: product,
            flow: labels.flow, unit: labels.unit, status: labels.status,
            quantityUnit: flow.quantityUnit.map { codes.label($0) } ?? 0,
            value: flow.value ?? 0, quantity: flow.quantity ?? 0, hasValue: flow.value != nil,
            hasQuantity: flow.quantity != nil,
            line: Int64(line))
    }
}

/// One flow as the flows table stores it: ids instead of codes.
struct CodedFlow: Sendable {
    var year: Int64
    var month: Int64
    var reporter: Int64
    var partner: Int64
    var product: Int64
    var flow: Int64
    var unit: Int64
    var status: Int64
    /// 0 when the flow has no quantity unit (ids start at 1).
    var quantityUnit: Int64
    var value: Double
    var quantity: Double
    var hasValue: Bool
    var hasQuantity: Bool
    var line: Int64
}

/// The ids of the last reporter, flow kind, unit and status: they rarely change between rows.
struct RecentIDs: Sendable {
    private var reporter: (CountryCode, Int64)?
    private var flow: (FlowKind, Int64)?
    private var unit: (ValueUnit, Int64)?
    private var status: (ValueStatus, Int64)?

    mutating func reporter(_ code: CountryCode, _ codes: inout FlowCodeBook) -> Int64 {
        Self.cached(&reporter, code) { codes.country($0.rawValue) }
    }

    mutating func labels(_ row: TradeFlow, _ codes: inout FlowCodeBook) -> (flow: Int64, unit: Int64, status: Int64) {
        let flowID = Self.cached(&flow, row.flow) { codes.label($0.rawValue) }
        let unitID = Self.cached(&unit, row.unit) { codes.label($0.token) }
        let statusID = Self.cached(&status, row.status) { codes.label($0.rawValue) }
        return (flowID, unitID, statusID)
    }

    private static func cached<Value: Equatable>(
        _ slot: inout (Value, Int64)?, _ value: Value, _ lookUp: (Value) -> Int64
    ) -> Int64 {
        if let slot, slot.0 == value { return slot.1 }
        let id = lookUp(value)
        slot = (value, id)
        return id
    }
}
