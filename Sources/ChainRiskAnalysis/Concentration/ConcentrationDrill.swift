public import ChainRiskCore

/// Finer products that are more concentrated than the product they belong to: the letter's caveat made visible.
///
/// The letter warns that finer product detail shows more concentration. Given concentration rows at several
/// levels (HS 2/4/6, SITC 1–5, CN 8), every finer code under a product — found by prefix, within the same
/// reporter, year, flow, unit and classification — whose HHI exceeds the product's is listed with the difference
/// HHI(child) − HHI(parent). `TOTAL` is the parent of every code. A child counts as more concentrated only when its
/// HHI is above the parent's by more than `tolerance` (a product with one child has the same suppliers, so the
/// same HHI up to rounding). Rows without an HHI are skipped, as parent and as child.
public struct ConcentrationDrill: Sendable {
    /// A finer product more concentrated than its parent.
    public struct Child: Sendable, Hashable {
        public let product: ProductCode
        public let level: Int
        public let hhi: Double
        public let concentrationClass: ConcentrationClass?
        /// HHI(child) − HHI(parent), above zero.
        public let difference: Double
        /// The child's supplier value as a share of the parent's; `nil` when the parent's is not positive.
        public let valueShare: Double?
    }

    /// A product with the finer products that reveal more concentration.
    public struct Entry: Sendable, Hashable {
        public let reporter: CountryCode
        public let year: Int
        public let flow: FlowKind
        public let unit: ValueUnit
        public let product: ProductCode
        public let level: Int
        public let hhi: Double
        public let concentrationClass: ConcentrationClass?
        /// How many finer products with an HHI were compared.
        public let finerProducts: Int
        /// The more concentrated ones, sorted by level, then code.
        public let children: [Child]

        /// The child with the largest difference; ties go to the lower level, then the lower code.
        public var largestIncrease: Child? {
            children.min { ($1.difference, $0.level, $0.product.code) < ($0.difference, $1.level, $1.product.code) }
        }
    }

    public var tolerance: Double

    public init(tolerance: Double = 1e-12) {
        self.tolerance = tolerance
    }

    /// Concentration rows at each level, from the same flows (`ConcentrationAnalysis(level:)` per level), sorted.
    public static func rows(
        for flows: some Sequence<TradeFlow>, levels: [Int], thresholds: ConcentrationThresholds = .letter,
        countries: CountryTable = .shared
    ) -> [ImportConcentration] {
        var accumulators = Set(levels).sorted().map {
            ConcentrationAnalysis(thresholds: thresholds, level: $0, countries: countries).accumulator()
        }
        for flow in flows {
            for index in accumulators.indices { accumulators[index].add(flow) }
        }
        return accumulators.flatMap { $0.rows() }.sorted(by: Self.order)
    }

    /// The products with at least one more concentrated finer product, sorted by reporter, year, flow, unit and
    /// product.
    /// - Complexity: O(n log n + Σ d) for n rows and d finer rows under each product.
    public func entries(for rows: [ImportConcentration]) -> [Entry] {
        let rows = rows.filter { $0.hhi != nil }.sorted(by: Self.order)
        var entries: [Entry] = []
        var start = 0
        while start < rows.count {
            var end = start + 1
            while end < rows.count, Self.sameGroup(rows[start], rows[end]) { end += 1 }
            let group = rows[start..<end]
            for index in group.indices {
                let parent = group[index]
                let finer: [ImportConcentration]
                if parent.product.isTotal {
                    finer = group.filter { !$0.product.isTotal }
                } else {
                    finer = Array(group[(index + 1)...].prefix { $0.product.code.hasPrefix(parent.product.code) })
                }
                if let entry = entry(parent: parent, finer: finer) { entries.append(entry) }
            }
            start = end
        }
        return entries
    }

    func entry(parent: ImportConcentration, finer: [ImportConcentration]) -> Entry? {
        guard let parentHHI = parent.hhi else { return nil }
        let children = finer.compactMap { row -> Child? in
            guard let hhi = row.hhi, row.product.level > parent.product.level, hhi > parentHHI + tolerance else {
                return nil
            }
            return Child(
                product: row.product, level: row.product.level, hhi: hhi, concentrationClass: row.concentrationClass,
                difference: hhi - parentHHI,
                valueShare: parent.supplierValue > 0 ? row.supplierValue / parent.supplierValue : nil
            )
        }.sorted { ($0.level, $0.product.code) < ($1.level, $1.product.code) }
        guard !children.isEmpty else { return nil }
        return Entry(
            reporter: parent.reporter, year: parent.year, flow: parent.flow, unit: parent.unit, product: parent.product,
            level: parent.product.level, hhi: parentHHI, concentrationClass: parent.concentrationClass,
            finerProducts: finer.filter { $0.product.level > parent.product.level }.count, children: children
        )
    }

    static func sameGroup(_ lhs: ImportConcentration, _ rhs: ImportConcentration) -> Bool {
        (lhs.reporter, lhs.year, lhs.flow, lhs.unit, lhs.product.classification)
            == (rhs.reporter, rhs.year, rhs.flow, rhs.unit, rhs.product.classification)
    }

    /// Rows in group order, codes sorted as text so that every code is followed by the codes under it.
    static func order(_ lhs: ImportConcentration, _ rhs: ImportConcentration) -> Bool {
        (lhs.reporter, lhs.year, lhs.flow, lhs.unit, lhs.product.classification, lhs.product.code)
            < (rhs.reporter, rhs.year, rhs.flow, rhs.unit, rhs.product.classification, rhs.product.code)
    }
}
