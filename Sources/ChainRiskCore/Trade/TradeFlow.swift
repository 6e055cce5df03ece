/// One trade observation: what a reporter traded with a partner in one product, year and flow.
///
/// `value` is in `unit` as the source published it; it is `nil` exactly when `status` has no value
/// (suppressed or missing). `month` is 0 for an annual figure.
public struct TradeFlow: Hashable, Sendable, Codable {
    /// Years trade statistics can hold; readers refuse others (a sign lost in an export, a day number in the year
    /// column) rather than store them.
    public static let plausibleYears = 1900...2100

    public var year: Int
    public var month: Int
    public var reporter: CountryCode
    public var partner: CountryCode
    public var product: ProductCode
    public var flow: FlowKind
    public var value: Double?
    public var unit: ValueUnit
    public var quantity: Double?
    public var quantityUnit: String?
    public var status: ValueStatus

    public init(
        year: Int, month: Int = 0, reporter: CountryCode, partner: CountryCode, product: ProductCode,
        flow: FlowKind, value: Double?, unit: ValueUnit, quantity: Double? = nil, quantityUnit: String? = nil,
        status: ValueStatus = .reported
    ) {
        self.year = year
        self.month = month
        self.reporter = reporter
        self.partner = partner
        self.product = product
        self.flow = flow
        self.value = value
        self.unit = unit
        self.quantity = quantity
        self.quantityUnit = quantityUnit
        self.status = status
    }
}

extension TradeFlow {
    /// The same trade seen from the partner: an export of i to j as an import of j from i (and back).
    ///
    /// Mirror data such as CEPII BACI records each trade once; its import view is this swap. Only exports and
    /// imports have a mirror; other flows come back unchanged.
    public var mirrored: TradeFlow {
        let kind: FlowKind
        switch flow {
        case .exports: kind = .imports
        case .imports: kind = .exports
        default: return self
        }
        return TradeFlow(
            year: year, month: month, reporter: partner, partner: reporter, product: product, flow: kind, value: value,
            unit: unit, quantity: quantity, quantityUnit: quantityUnit, status: status)
    }
}
