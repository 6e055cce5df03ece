/// Trade flows stored by column, with countries and products as small integers: the form in which a reader hands
/// millions of rows to an analysis without building a `TradeFlow` (and its strings) per row.
///
/// One value of this type holds the flows of one file, in file order, split into blocks that were read in
/// parallel. What the flows share (flow kind, unit, classification) is stored once; countries are indices into
/// `countries`, products are numbers written with `productDigits` digits (HS code `20329` is `020329`).
public struct TradeFlowColumns: Sendable {
    /// A run of consecutive flows; all five columns have one entry per flow.
    public struct Block: Sendable {
        /// The year of each flow.
        public var years: [UInt16] = []
        /// The reporter of each flow, as an index into `countries`.
        public var reporters: [UInt16] = []
        /// The partner of each flow, as an index into `countries`.
        public var partners: [UInt16] = []
        /// The product of each flow as a number (`productCode(_:)` writes it with its leading zeros).
        public var products: [UInt32] = []
        /// The value of each flow in `unit`; NaN when the source gives none (status missing, never zero).
        public var values: [Double] = []

        public init() {}

        /// The number of flows.
        public var count: Int { values.count }
    }

    /// The flow kind of every row (BACI: exports, or imports in the importer view).
    public var flow: FlowKind
    /// The unit of every value.
    public var unit: ValueUnit
    /// The classification of every product code.
    public var classification: Classification
    /// The country code book: `countries[index]` is the code of `index` in `reporters` and `partners`.
    public var countries: [CountryCode]
    /// The number of digits product codes are written with, leading zeros included.
    public var productDigits: Int
    /// The flows, block after block, in source order.
    public var blocks: [Block]

    public init(
        flow: FlowKind, unit: ValueUnit, classification: Classification, countries: [CountryCode], productDigits: Int,
        blocks: [Block]
    ) {
        self.flow = flow
        self.unit = unit
        self.classification = classification
        self.countries = countries
        self.productDigits = productDigits
        self.blocks = blocks
    }

    /// The number of flows in all blocks.
    public var count: Int { blocks.reduce(0) { $0 + $1.count } }

    /// Product number `number` as a code with its leading zeros (`20329` → `020329` for six digits).
    public func productCode(_ number: UInt32) -> ProductCode {
        let digits = String(number)
        let padding = String(repeating: "0", count: max(0, productDigits - digits.utf8.count))
        return ProductCode(padding + digits, in: classification)
    }
}
