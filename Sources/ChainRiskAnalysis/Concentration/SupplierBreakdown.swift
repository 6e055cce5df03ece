public import ChainRiskCore

/// The supplier countries behind one concentration row, with their values: the input of supplier-level measures.
///
/// Grouped and filtered exactly as `ConcentrationAnalysis` does (same key, same partner rules, same aggregation
/// level), so `HerfindahlIndex.of(values:)` over `suppliers` gives the row's HHI.
public struct SupplierBreakdown: Sendable, Hashable {
    /// One supplier country and its value.
    public struct Supplier: Sendable, Hashable {
        public let country: CountryCode
        public let value: Double
        public let isEU: Bool

        public init(country: CountryCode, value: Double, isEU: Bool = false) {
            self.country = country
            self.value = value
            self.isEU = isEU
        }
    }

    public let reporter: CountryCode
    public let year: Int
    public let flow: FlowKind
    public let product: ProductCode
    public let unit: ValueUnit
    /// Suppliers with a positive value, largest first; equal values by country code.
    public let suppliers: [Supplier]
    /// Value from partners that are not countries (areas n.e.s., bunkers, groups).
    public let unallocatedValue: Double

    public init(
        reporter: CountryCode, year: Int, flow: FlowKind, product: ProductCode, unit: ValueUnit, suppliers: [Supplier],
        unallocatedValue: Double = 0
    ) {
        self.reporter = reporter
        self.year = year
        self.flow = flow
        self.product = product
        self.unit = unit
        self.suppliers = suppliers.filter { $0.value > 0 }.sorted { ($0.value, $1.country) > ($1.value, $0.country) }
        self.unallocatedValue = unallocatedValue
    }
}

extension ConcentrationAnalysis.Accumulator {
    /// The supplier values per (reporter, year, flow, product, unit), sorted like `rows()`.
    public func supplierBreakdowns() -> [SupplierBreakdown] {
        groups.keys.sorted {
            ($0.reporter, $0.year, $0.flow, $0.product, $0.unit) < ($1.reporter, $1.year, $1.flow, $1.product, $1.unit)
        }
        .compactMap { key in
            groups[key].map { supply in
                SupplierBreakdown(
                    reporter: key.reporter, year: key.year, flow: key.flow, product: key.product, unit: key.unit,
                    suppliers: supply.suppliers.map {
                        SupplierBreakdown.Supplier(
                            country: $0.key, value: $0.value, isEU: supply.euSuppliers.contains($0.key))
                    },
                    unallocatedValue: supply.unallocatedValue.value
                )
            }
        }
    }
}

extension ConcentrationAnalysis {
    /// Supplier values for all flows at once.
    public func supplierBreakdowns(for flows: some Sequence<TradeFlow>) -> [SupplierBreakdown] {
        var accumulator = accumulator()
        for flow in flows { accumulator.add(flow) }
        return accumulator.supplierBreakdowns()
    }
}
