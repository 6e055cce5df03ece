public import ChainRiskCore

/// Computes `ImportConcentration` per (reporter, year, flow, product) from trade flows.
///
/// Pure: flows in, rows out, sorted by reporter, year, flow and product. Partners that are not countries
/// (`CountryTable.isCountry`, after conventional mappings such as `S19` → Taiwan) count as unallocated. The
/// reporter as its own partner (re-imports) is a country and counts as a supplier. A product whose partners are all
/// unallocated still gets a row: its value is all unallocated and it has no HHI, class or top supplier.
public struct ConcentrationAnalysis: Sendable {
    public var thresholds: ConcentrationThresholds
    /// Aggregate product codes to this many digits (HS2/4/6, SITC 1–5); nil keeps codes as they are.
    ///
    /// Values are summed per partner over the codes under each aggregate before the shares. Codes shorter than the
    /// level (HS chapter `48` at level 4) are left out, since they cannot be split; `TOTAL` too. A source that gives
    /// both a code and codes under it (`4706` and `470610`) counts that value twice at a coarser level: give one
    /// level per product.
    public var level: Int?
    public var countries: CountryTable

    public init(thresholds: ConcentrationThresholds = .letter, level: Int? = nil, countries: CountryTable = .shared) {
        self.thresholds = thresholds
        self.level = level
        self.countries = countries
    }

    /// One group's key.
    struct GroupKey: Hashable {
        var reporter: CountryCode
        var year: Int
        var flow: FlowKind
        var product: ProductCode
        var unit: ValueUnit
    }

    /// Adds flows one at a time, then produces the rows; lets callers stream flows from a store or a file.
    public struct Accumulator: Sendable {
        let analysis: ConcentrationAnalysis
        var groups: [GroupKey: SupplyAccumulator] = [:]
        var partnerKinds: [CountryCode: PartnerKind] = [:]

        /// Adds one flow (monthly flows add up to the year).
        public mutating func add(_ flow: TradeFlow) {
            guard let product = analysis.product(for: flow.product) else { return }
            let key = GroupKey(
                reporter: flow.reporter, year: flow.year, flow: flow.flow, product: product, unit: flow.unit)
            let kind =
                partnerKinds[flow.partner]
                ?? {
                    let kind = analysis.partnerKind(flow.partner)
                    partnerKinds[flow.partner] = kind
                    return kind
                }()
            groups[key, default: SupplyAccumulator()].add(
                partnerKind: kind, value: flow.status.hasValue ? flow.value : nil)
        }

        /// The rows, sorted by reporter, year, flow, product.
        public func rows() -> [ImportConcentration] {
            groups.keys.sorted {
                ($0.reporter, $0.year, $0.flow, $0.product, $0.unit) < (
                    $1.reporter, $1.year, $1.flow, $1.product, $1.unit
                )
            }
            .compactMap { key in groups[key].map { analysis.row(key: key, supply: $0) } }
        }
    }

    /// An empty accumulator.
    public func accumulator() -> Accumulator { Accumulator(analysis: self) }

    /// Rows for all flows at once.
    public func rows(for flows: some Sequence<TradeFlow>) -> [ImportConcentration] {
        var accumulator = accumulator()
        for flow in flows { accumulator.add(flow) }
        return accumulator.rows()
    }

    func product(for code: ProductCode) -> ProductCode? {
        guard let level else { return code }
        guard !code.isTotal, code.level >= level else { return nil }
        return code.level == level ? code : ProductCode(String(code.code.prefix(level)), in: code.classification)
    }

    func partnerKind(_ partner: CountryCode) -> PartnerKind {
        if partner == .world { return .world }
        guard let country = countries.conventionalCountry(for: partner) else { return .unallocated }
        return .supplier(country, isEU: countries.country(country)?.isEU27 ?? false)
    }

    func row(key: GroupKey, supply: SupplyAccumulator) -> ImportConcentration {
        let suppliers = supply.suppliers.filter { $0.value > 0 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        return row(
            key: key, reporterIsEU: countries.country(key.reporter)?.isEU27 == true,
            suppliers: suppliers.map { RankedSupplier(value: $0.value, isEU: supply.euSuppliers.contains($0.key)) },
            topSupplier: suppliers.first?.key, allSupplierValue: supply.supplierValue.value,
            unallocatedTotal: supply.unallocatedValue.value, worldValue: supply.worldValue,
            suppressedCells: supply.suppressedCells)
    }

    /// The row of one group from its supplier countries with a positive value, largest first (ties by code
    /// ascending), and its totals: the one formula behind both `Accumulator` and `ColumnarConcentration`.
    ///
    /// Shares, HHI and supplier value use the same suppliers: those with a positive value. A zero or negative net
    /// value (a correction, a data error flagged by the reader) stays in the total, as unallocated: the total is the
    /// world value where there is one (at least the supplier total), else `allSupplierValue` (every supplier value as
    /// summed) plus unallocated value. `topSupplier` is the country of the first supplier.
    func row(
        key: GroupKey, reporterIsEU: Bool, suppliers: some RandomAccessCollection<RankedSupplier>,
        topSupplier: CountryCode?,
        allSupplierValue: Double, unallocatedTotal: Double, worldValue: Double?, suppressedCells: Int
    ) -> ImportConcentration {
        var positiveTotal = CompensatedSum()
        for supplier in suppliers.reversed() { positiveTotal.add(supplier.value) }
        let supplierTotal = positiveTotal.value
        let allPartners = allSupplierValue + unallocatedTotal
        let total = worldValue.map { max($0, supplierTotal) } ?? allPartners
        let hhi = HerfindahlIndex.of(values: suppliers.lazy.map(\.value))
        let top = suppliers.first
        var topShare: Double?
        var cr3: Double?
        if supplierTotal > 0, let top {
            topShare = top.value / supplierTotal
            var sum = 0.0
            for supplier in suppliers.prefix(3) { sum += supplier.value / supplierTotal }
            cr3 = sum
        }
        var row = ImportConcentration(
            reporter: key.reporter, year: key.year, flow: key.flow, product: key.product, unit: key.unit,
            totalValue: total, unallocatedValue: total - supplierTotal, supplierValue: supplierTotal,
            suppliers: suppliers.count, suppressedCells: suppressedCells, hhi: hhi,
            concentrationClass: hhi.map(thresholds.classify), topSupplier: top == nil ? nil : topSupplier,
            topSupplierValue: top?.value, topSupplierShare: topShare, cr3: cr3, effectiveSuppliers: hhi.map { 1 / $0 }
        )
        if reporterIsEU && supplierTotal > 0 {
            let extra = suppliers.lazy.filter { !$0.isEU }.map(\.value)
            var extraTotal = CompensatedSum()
            for value in extra { extraTotal.add(value) }
            row.extraEUShare = extraTotal.value / supplierTotal
            row.extraEUHHI = HerfindahlIndex.of(values: extra)
        }
        return row
    }
}

/// One supplier country's summed value in a group, and whether it is an EU member: what the row formula needs.
struct RankedSupplier: Sendable {
    var value: Double
    var isEU: Bool
}

/// What a partner code is for concentration: a supplier country, the world total, or unallocated.
enum PartnerKind: Sendable, Hashable {
    case supplier(CountryCode, isEU: Bool)
    case world
    case unallocated
}

/// Running totals of one product's supply by partner.
struct SupplyAccumulator: Sendable {
    /// Value per supplier.
    var suppliers: [CountryCode: Double] { supplierSums.mapValues(\.value) }
    /// Value per supplier, compensated so that the order flows arrive in does not change the last digit.
    var supplierSums: [CountryCode: CompensatedSum] = [:]
    var euSuppliers: Set<CountryCode> = []
    var supplierValue = CompensatedSum()
    var unallocatedValue = CompensatedSum()
    var worldValue: Double?
    var suppressedCells = 0

    mutating func add(partnerKind: PartnerKind, value: Double?) {
        guard let value else {
            suppressedCells += 1
            return
        }
        switch partnerKind {
        case .supplier(let country, let isEU):
            supplierSums[country, default: CompensatedSum()].add(value)
            supplierValue.add(value)
            if isEU { euSuppliers.insert(country) }
        case .world:
            worldValue = (worldValue ?? 0) + value
        case .unallocated:
            unallocatedValue.add(value)
        }
    }
}
