public import ChainRiskCore

/// `ConcentrationAnalysis` over `TradeFlowColumns`: the same rows, bit for bit, for tens of millions of flows.
///
/// Building it turns every code into a dense index once per distinct value (reporter, year, product, partner) and
/// sorts the flows by block — one reporter and year — with a stable counting sort, so each block holds its flows
/// in source order. `rows(inBlock:)` then sorts a block's flows by product the same way and sums each product's
/// supply in source order, with the accumulator's arithmetic: per-supplier `+=`, compensated totals, and the shared
/// `ConcentrationAnalysis.row` formula. Every block is independent, so callers may compute blocks on several
/// threads; blocks in index order give the rows in the order of `Accumulator.rows()`.
/// - Complexity: O(flows + distinct codes) to build, with 16 bytes a flow; O(block flows + products) per block.
public struct ColumnarConcentration: Sendable {
    /// Which flows count. Each test sees one field, like the filters of a store query; all must pass.
    public struct Selection: Sendable {
        public var reporter: @Sendable (CountryCode) -> Bool
        public var year: @Sendable (Int) -> Bool
        /// Sees the product code as read, before aggregation to `level`.
        public var product: @Sendable (ProductCode) -> Bool

        public init(
            reporter: @escaping @Sendable (CountryCode) -> Bool = { _ in true },
            year: @escaping @Sendable (Int) -> Bool = { _ in true },
            product: @escaping @Sendable (ProductCode) -> Bool = { _ in true }
        ) {
            self.reporter = reporter
            self.year = year
            self.product = product
        }

        /// Every flow.
        public static let all = Selection()
    }

    /// The flow, product (aggregated to the level) and unit of a group: the key's parts after reporter and year.
    struct ProductKey: Hashable, Comparable {
        var flow: FlowKind
        var product: ProductCode
        var unit: ValueUnit

        static func < (lhs: ProductKey, rhs: ProductKey) -> Bool {
            (lhs.flow, lhs.product, lhs.unit) < (rhs.flow, rhs.product, rhs.unit)
        }
    }

    /// One flow after sorting: its partner (a supplier index, or `unallocated`/`world`), product index and value.
    struct Entry {
        var partner: Int32
        var product: Int32
        var value: Double
    }

    /// `Entry.partner` of a partner that is not a supplier country.
    static var unallocated: Int32 { -1 }
    /// `Entry.partner` of the world total.
    static var world: Int32 { -2 }

    let analysis: ConcentrationAnalysis
    /// Reporters in code order, and whether each is an EU member.
    let reporters: [CountryCode]
    let reporterIsEU: [Bool]
    /// Years, ascending.
    let years: [Int]
    /// Flow, product and unit of each product index, in key order.
    let products: [ProductKey]
    /// Supplier countries in code order (so ties on value go to the lower index), and whether each is in the EU.
    let suppliers: [CountryCode]
    let supplierIsEU: [Bool]
    /// Block `b` (reporter `b / years.count`, year `b % years.count`) holds `entries[blockStart[b]..<blockStart[b + 1]]`.
    let blockStart: [Int]
    let entries: [Entry]

    /// The number of blocks (reporters × years); `rows(inBlock:)` takes 0..<blockCount.
    public var blockCount: Int { blockStart.count - 1 }

    /// Each reporter's block of its latest year with flows, in reporter order: the rows of the latest year.
    public var latestYearBlocks: [Int] {
        reporters.indices.compactMap { reporter in
            years.indices.reversed().map { reporter * years.count + $0 }.first { blockStart[$0] < blockStart[$0 + 1] }
        }
    }

    /// The product codes of the rows (aggregated to the level), in key order.
    public var productCodes: [ProductCode] { products.map(\.product) }

    /// Indexes and sorts `flows` (files in order) for `analysis`; nil when a file writes product codes with more
    /// than seven digits, whose dense index would be too large (use `ConcentrationAnalysis.Accumulator`).
    ///
    /// Takes the columns over and frees each block once it is sorted, so the flows are not held twice.
    public init?(analysis: ConcentrationAnalysis, flows: consuming [TradeFlowColumns], selection: Selection = .all) {
        guard flows.allSatisfy({ $0.productDigits <= 7 }) else { return nil }
        let index = FlowIndex(analysis: analysis, flows: flows, selection: selection)
        self.analysis = analysis
        reporters = index.reporters
        reporterIsEU = index.reporters.map { analysis.countries.country($0)?.isEU27 == true }
        years = index.years
        products = index.products
        suppliers = index.suppliers
        supplierIsEU = index.supplierIsEU
        (blockStart, entries) = index.sortedEntries(flows)
    }
}
