public import ChainRiskCore

/// How concentrated one product's supply is for one reporter, year and flow.
///
/// Shares are over identifiable supplier countries only; world totals, areas n.e.s., bunkers, free zones and
/// groups are `unallocatedValue`, never silently dropped. For exports the "suppliers" are destination markets.
public struct ImportConcentration: Sendable, Hashable {
    public var reporter: CountryCode
    public var year: Int
    public var flow: FlowKind
    public var product: ProductCode
    public var unit: ValueUnit
    /// All value of the product: the world total where the source gives one, else the sum over all partners.
    public var totalValue: Double
    /// Value not attributable to a country: `totalValue` minus the value from supplier countries.
    public var unallocatedValue: Double
    /// Value from identifiable supplier countries, the base of the shares.
    public var supplierValue: Double
    /// Number of supplier countries with a positive value.
    public var suppliers: Int
    /// Number of partner cells that were suppressed (value unknown, not zero).
    public var suppressedCells: Int
    /// HHI = Σ sᵢ² over supplier shares; nil when no supplier has a positive value.
    public var hhi: Double?
    public var concentrationClass: ConcentrationClass?
    public var topSupplier: CountryCode?
    public var topSupplierValue: Double?
    public var topSupplierShare: Double?
    /// Share of the three largest suppliers (CR3).
    public var cr3: Double?
    /// The effective number of suppliers, 1 / HHI.
    public var effectiveSuppliers: Double?
    /// For EU reporters: the share of supplier value from outside the EU27.
    public var extraEUShare: Double?
    /// For EU reporters: the HHI over extra-EU suppliers only.
    public var extraEUHHI: Double?
}
