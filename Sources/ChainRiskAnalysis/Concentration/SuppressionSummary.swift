public import ChainRiskCore

/// How many products went in, how many are relevant to business, and which were suppressed and why.
///
/// Gives the letter's count line — "267 → 219 relevant, 12 suppressed" — for any product list: `products` is the
/// number of distinct products, `relevant` those `ProductRelevance` keeps (unmapped products count as relevant and
/// are counted apart in `unmapped`), `suppressed` the products whose value is withheld or missing
/// (`ValueStatus.hasValue` false), relevant or not, each with its reason. A product listed twice counts once; it is
/// suppressed when any of its entries is.
public struct SuppressionSummary: Sendable, Hashable, CustomStringConvertible {
    /// One product without a published value.
    public struct Suppression: Sendable, Hashable {
        public let product: ProductCode
        public let name: String?
        public let status: ValueStatus
        /// The reason as given, else one from the status ("suppressed: confidential or unreliable").
        public let reason: String
        /// Whether the product is relevant to business; `nil` when it was not assessed.
        public let isRelevant: Bool?
    }

    /// Distinct products in.
    public let products: Int
    /// Products relevant to business, unmapped ones included.
    public let relevant: Int
    /// Relevant products whose BEC category could not be found.
    public let unmapped: Int
    /// Relevant products with a value.
    public let relevantPublished: Int
    /// The products without a value, sorted by product.
    public let suppressed: [Suppression]

    /// Summarises products with their assessments (from `ProductRelevance.assess`); products without an
    /// assessment count as relevant and unmapped.
    public init(products: [ProductValue], assessments: [ProductRelevance.Assessment]) {
        var verdicts: [ProductCode: ProductRelevance.Assessment] = [:]
        for assessment in assessments { verdicts[assessment.product] = assessment }
        var absent: [ProductCode: ProductValue] = [:]
        for item in products where item.isSuppressed && absent[item.product] == nil { absent[item.product] = item }
        let distinct = Set(products.map(\.product)).sorted()
        let relevantProducts = distinct.filter { verdicts[$0]?.isRelevant ?? true }
        self.products = distinct.count
        relevant = relevantProducts.count
        unmapped = relevantProducts.filter { (verdicts[$0]?.quality ?? .unmapped) == .unmapped }.count
        relevantPublished = relevantProducts.filter { absent[$0] == nil }.count
        suppressed = absent.keys.sorted().compactMap { product in
            absent[product].map { item in
                Suppression(
                    product: product, name: item.name, status: item.status, reason: item.suppressionReason ?? "",
                    isRelevant: verdicts[product]?.isRelevant
                )
            }
        }
    }

    /// Assesses the products with `relevance` and summarises them.
    public init(products: [ProductValue], detail: [ProductValue] = [], relevance: ProductRelevance) {
        self.init(products: products, assessments: relevance.assess(products, detail: detail))
    }

    /// Products not relevant to business.
    public var notRelevant: Int { products - relevant }

    /// The count line, e.g. `267 → 219 relevant, 12 suppressed`.
    public var description: String { "\(products) → \(relevant) relevant, \(suppressed.count) suppressed" }
}
