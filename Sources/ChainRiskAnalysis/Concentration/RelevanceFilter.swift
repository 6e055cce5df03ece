public import ChainRiskCore

/// Concentration rows split the letter's way: relevant to business, not relevant, and suppressed.
///
/// The letter (CBS): 267 products → 219 relevant to business (all but BEC rev. 4 "goods n.e.s." and "consumer
/// goods n.e.s."), 12 not published. A product is suppressed here when no supplier value is known but suppressed
/// cells exist. Relevance is `ProductRelevance`, by count of subheadings (the rows carry no finer value split).
public struct RelevanceFilter: Sendable {
    /// A product left out, with the reason.
    public struct Exclusion: Sendable, Hashable {
        public let product: ProductCode
        public let reason: String
    }

    /// Rows of relevant products, in the input order.
    public let relevantRows: [ImportConcentration]
    /// Distinct products in the input.
    public let products: Int
    /// Distinct products judged relevant.
    public let relevant: Int
    /// Products not relevant to business, sorted.
    public let notRelevant: [Exclusion]
    /// Products whose supplier values are all suppressed, sorted.
    public let suppressed: [Exclusion]

    public init(rows: [ImportConcentration], relevance: ProductRelevance = ProductRelevance()) {
        let distinct = Set(rows.map(\.product)).sorted()
        var verdicts: [ProductCode: ProductRelevance.Assessment] = [:]
        for product in distinct { verdicts[product] = relevance.assess(product) }
        relevantRows = rows.filter { verdicts[$0.product]?.isRelevant ?? true }
        products = distinct.count
        relevant = distinct.filter { verdicts[$0]?.isRelevant ?? true }.count
        notRelevant = distinct.compactMap { product in
            guard let verdict = verdicts[product], !verdict.isRelevant else { return nil }
            let share = verdict.nonBusinessShare.map { NumberFormat.fixed($0 * 100, decimals: 3) } ?? "?"
            return Exclusion(
                product: product,
                reason: "\(share) % in BEC goods n.e.s. or consumer goods n.e.s. (by \(verdict.basis.rawValue))")
        }
        let suppressedProducts = Set(rows.filter { $0.supplierValue == 0 && $0.suppressedCells > 0 }.map(\.product))
        suppressed = suppressedProducts.sorted().map {
            Exclusion(product: $0, reason: "supplier values suppressed (confidential or unreliable)")
        }
    }

    /// `267 → 219 relevant, 12 suppressed` in the letter's words.
    public var summary: String { "\(products) → \(relevant) relevant, \(suppressed.count) suppressed" }
}
