public import ChainRiskCore

/// What one reporter's trade data of one year covers: which flows, how many products against the classification's
/// universe, how many HS chapters, and the share of the reporter's total where the data gives one.
///
/// Sector conclusions (importance ranks, priorities, sector policy options) are drawn only when
/// `isSufficientForSectors`: a report on 39 wood products must not rank a country's sectors.
public struct TradeCoverage: Sendable, Hashable {
    /// The imports or exports side of the coverage.
    public struct Side: Sendable, Hashable {
        /// Products with a value (totals and codes nested under a coarser code of the data left out).
        public let products: Int
        /// Digits of the product codes present, e.g. [2, 4, 6].
        public let levels: [Int]
        /// HS chapters (first two digits) with a product.
        public let chapters: Int
        /// Sum of the products' values over the data's own total (`TOTAL` row), when it has one.
        public let shareOfTotal: Double?

        /// True when the side spans the classification: products summing to at least `TradeCoverage.minimumShare`
        /// of the data's own total, or, without a total, products in at least that share of the HS chapters.
        public var isComplete: Bool {
            if let shareOfTotal { return shareOfTotal >= TradeCoverage.minimumShare }
            return Double(chapters) >= TradeCoverage.minimumShare * Double(TradeCoverage.hsChapters)
        }
    }

    public let reporter: CountryCode
    public let year: Int
    /// The classification family of the products read (HS, CN, SITC, …).
    public let classification: String
    /// The flow kinds present for the reporter and year (imports, exports, re-exports, …).
    public let flows: [FlowKind]
    public let imports: Side
    /// nil when the data holds no exports of the reporter.
    public let exports: Side?
    /// Codes of the classification at the data's finest level (HS 2022 at six digits: 5,613), for "39 of 5,613".
    public let universe: Int?
    /// The level `universe` counts.
    public let universeLevel: Int?

    /// HS chapters in use: 01–97 without the reserved 77.
    public static let hsChapters = 96
    /// The share a side must reach to count as complete (of the total, or of the HS chapters).
    public static let minimumShare = 0.9

    /// The coverage of `imports` and `exports` rows (one reporter, one year); the flows present are those of `flows`.
    public init(
        reporter: CountryCode, year: Int, imports: [ImportConcentration], exports: [ImportConcentration],
        flows: Set<FlowKind>
    ) {
        self.reporter = reporter
        self.year = year
        let read = Set(imports.map(\.flow) + exports.map(\.flow))
        self.flows = flows.union(read).sorted()
        let sample = (imports.first ?? exports.first)?.product.classification
        classification = sample.map { "\($0.family)".uppercased() } ?? "HS"
        self.imports = Self.side(imports)
        self.exports = exports.isEmpty ? nil : Self.side(exports)
        let finest = self.imports.levels.max()
        if let finest, sample?.family == .hs || sample?.family == .cn {
            let count = ClassificationHierarchy.hs2022.codeCount(level: min(finest, 6))
            (universe, universeLevel) = count > 0 ? (count, min(finest, 6)) : (nil, nil)
        } else {
            (universe, universeLevel) = (nil, nil)
        }
    }

    /// The rule sector conclusions follow, stated in reports.
    public static let ruleEN =
        "sector ranks, priorities and sector policy options need the reporter's imports and exports, each with products in at least 90 % of the 96 HS chapters (or summing to at least 90 % of the data's own total)"
    public static let ruleNL =
        "rangen, prioriteiten en beleidsopties per sector vragen invoer en uitvoer van de rapporteur, elk met producten in minstens 90 % van de 96 HS-hoofdstukken (of samen minstens 90 % van het eigen totaal van de data)"

    /// True when both sides are complete enough for sector conclusions (`ruleEN`).
    public var isSufficientForSectors: Bool { imports.isComplete && (exports?.isComplete ?? false) }

    /// The commands that would fetch complete data (all products, imports and exports) for the reporter and year.
    public var neededData: [String] {
        ["import", "export"].map {
            "chainrisk fetch comtrade --reporter \(reporter.rawValue) --year \(year) --flow \($0)"
        }
    }

    private static func side(_ rows: [ImportConcentration]) -> Side {
        let total = rows.filter(\.product.isTotal).map(\.totalValue).max()
        let products = rows.filter { !$0.product.isTotal }
        let covered = ProductCode.covered(in: Set(products.map(\.product)))
        let counted = products.filter { !covered.contains($0.product) }
        var sum = CompensatedSum()
        for row in counted { sum.add(row.totalValue) }
        let chapters = Set(
            counted.filter { $0.product.classification.family == .hs || $0.product.classification.family == .cn }
                .map { String($0.product.code.prefix(2)) })
        return Side(
            products: counted.count, levels: Set(counted.map(\.product.code.count)).sorted(), chapters: chapters.count,
            shareOfTotal: total.flatMap { $0 > 0 ? sum.value / $0 : nil })
    }
}
