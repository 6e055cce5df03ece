public import ChainRiskCore

/// Whether an imported product is relevant to business, decided by the BEC rev. 4 end-use categories it falls in.
///
/// The letter (after CBS) split goods imports for own use into 267 products and kept 219 as relevant to business:
/// all but those falling predominantly in BEC rev. 4 "goods not elsewhere specified" (7) or "consumption goods
/// n.e.s." (61 durable, 62 semi-durable, 63 non-durable). Rule here: a product is **not relevant** when its
/// non-business share — the part of it in BEC 61, 62, 63 or 7 — is above 50 %; exactly 50 % stays relevant
/// (HS 9403 furniture: 6 of its 12 subheadings are BEC 610). The share is
/// - by value when the product's value is split over finer codes that the correspondence holds (values of HS 6
///   subheadings or SITC basic headings passed in as products or `detail`): Σ value in BEC 6x/7 / Σ value;
/// - else by count: every subheading the product collects counts once.
/// A subheading with several BEC targets is split equally across them (HS 010130 asses → ½ 111, ½ 410).
///
/// Tables: HS 2022 and HS 2017 use their own HS → BEC4 table; other or unknown HS vintages, and CN8 codes (by their
/// first six digits), use the HS 2022 table with quality at most approximate; SITC rev. 4 uses SITC4 → BEC4 (other
/// SITC revisions: at most approximate); a BEC rev. 4 code is its own category. A code shorter than the table's
/// codes (a heading, a chapter, a SITC group) collects every code under it through `Correspondence.match`: exact.
/// A code missing from the table borrows its heading's targets: approximate, always by count. Codes of other
/// classifications, or with no match, are unmapped: counted relevant, and flagged.
public struct ProductRelevance: Sendable {
    /// How the non-business share was measured.
    public enum Basis: String, Sendable, Hashable, CaseIterable {
        /// Values of the product's subheadings.
        case value
        /// The number of subheadings the product collects.
        case count
        /// No BEC category found.
        case unmapped
    }

    /// The part of a product in one BEC rev. 4 category.
    public struct CategoryShare: Sendable, Hashable {
        /// The BEC rev. 4 code as the table gives it (three digits, `700` for goods n.e.s.).
        public let category: String
        public let share: Double
    }

    /// The verdict for one product, with the numbers behind it.
    public struct Assessment: Sendable, Hashable {
        public let product: ProductCode
        /// False when more than 50 % falls in BEC 61, 62, 63 or 7; true for unmapped products.
        public let isRelevant: Bool
        /// The share in BEC 61, 62, 63 and 7, 0–1; `nil` when unmapped.
        public let nonBusinessShare: Double?
        /// Shares per BEC category, sorted by category; empty when unmapped.
        public let categoryShares: [CategoryShare]
        public let basis: Basis
        public let quality: CorrespondenceMatch.Quality
        /// The codes of the table whose categories were used, sorted.
        public let matchedCodes: [String]
    }

    /// The BEC rev. 4 code prefixes that are not relevant to business: consumption goods n.e.s. and goods n.e.s.
    public static let nonBusinessCategories = ["61", "62", "63", "7"]
    /// A product is not relevant when its non-business share is above this.
    public static let threshold = 0.5
    /// The rule in words, for outputs.
    public static let rule =
        "not relevant to business when more than 50 % of the product (by value of its subheadings, "
        + "else by their number) falls in BEC rev. 4 categories 61, 62, 63 (consumption goods n.e.s.) or 7 (goods n.e.s.)"

    /// Shares within this distance of 50 % count as 50 % (floating-point sums of equal parts).
    static let tolerance = 1e-9

    public let hs2022: Correspondence
    public let hs2017: Correspondence
    public let sitc4: Correspondence

    /// Relevance through the given HS 2022, HS 2017 and SITC rev. 4 → BEC rev. 4 tables (the bundled ones by default).
    public init(
        hs2022: Correspondence = .hs2022ToBEC4, hs2017: Correspondence = .hs2017ToBEC4,
        sitc4: Correspondence = .sitc4ToBEC4
    ) {
        self.hs2022 = hs2022
        self.hs2017 = hs2017
        self.sitc4 = sitc4
    }

    /// One assessment per distinct product of `products`, sorted by product.
    ///
    /// Values of `products` and `detail` at the table's level (HS 6, SITC 5 digits; CN8 cut to six) weigh the
    /// broader products they fall under; `detail` is only used for weights, never assessed itself.
    /// - Complexity: O((p + d) log(p + d) + Σ k) for p products, d detail values and k codes per product.
    public func assess(_ products: [ProductValue], detail: [ProductValue] = []) -> [Assessment] {
        var weights: [ProductCode: Double] = [:]
        for item in products + detail {
            guard let value = item.value, item.status.hasValue, value > 0, let lookup = lookup(item.product) else {
                continue
            }
            weights[ProductCode(lookup.code, in: item.product.classification), default: 0] += value
        }
        let distinct = Set(products.map(\.product)).sorted()
        return distinct.map { assess($0, weights: weights) }
    }

    /// The assessment of one product by count of its subheadings (no value split).
    public func assess(_ product: ProductCode) -> Assessment { assess(product, weights: [:]) }

    /// Whether a BEC rev. 4 code is in the non-business categories: 61, 62, 63, 7, codes under them, and 6 (which
    /// consists of 61, 62 and 63).
    public static func isNonBusiness(category: String) -> Bool {
        !category.isEmpty && nonBusinessCategories.contains { category.hasPrefix($0) || $0.hasPrefix(category) }
    }

    /// The table for a product, the code to look up in it, and whether the vintage differs from the table's.
    struct Lookup {
        let table: Correspondence
        let code: String
        let otherVintage: Bool
    }

    func lookup(_ product: ProductCode) -> Lookup? {
        guard !product.isTotal else { return nil }
        let classification = product.classification
        switch classification.family {
        case .hs:
            if classification == .hs2017 { return Lookup(table: hs2017, code: product.code, otherVintage: false) }
            return Lookup(table: hs2022, code: product.code, otherVintage: classification != .hs2022)
        case .cn:
            return Lookup(table: hs2022, code: String(product.code.prefix(6)), otherVintage: true)
        case .sitc:
            return Lookup(table: sitc4, code: product.code, otherVintage: classification != .sitc4)
        case .bec, .cpa, .national:
            return nil
        }
    }

    func assess(_ product: ProductCode, weights: [ProductCode: Double]) -> Assessment {
        if product.classification.family == .bec, !product.isTotal {
            return assessment(product, parts: [(product.code, [product.code], 1)], basis: .count, quality: .exact)
        }
        guard let lookup = lookup(product) else { return unmapped(product) }
        let match = lookup.table.match(lookup.code, prefixLength: 4)
        guard match.quality != .unmapped, !match.targets.isEmpty else { return unmapped(product) }
        let collectsSubheadings = match.matchedSources.allSatisfy { $0.hasPrefix(lookup.code) }
        var quality: CorrespondenceMatch.Quality =
            match.quality == .exact || collectsSubheadings ? .exact : .approximate
        if lookup.otherVintage { quality = .approximate }
        let valued = match.matchedSources.map { weights[ProductCode($0, in: product.classification)] ?? 0 }
        let byValue = collectsSubheadings && match.quality != .exact && valued.reduce(0, +) > 0
        let parts = zip(match.matchedSources, valued).map { source, value in
            (source, lookup.table.targets(of: source), byValue ? value : 1)
        }
        return assessment(product, parts: parts, basis: byValue ? .value : .count, quality: quality)
    }

    func assessment(
        _ product: ProductCode, parts: [(code: String, targets: [String], weight: Double)], basis: Basis,
        quality: CorrespondenceMatch.Quality
    ) -> Assessment {
        var byCategory: [String: CompensatedSum] = [:]
        var total = CompensatedSum()
        for part in parts where part.weight > 0 && !part.targets.isEmpty {
            total.add(part.weight)
            for target in part.targets {
                byCategory[target, default: CompensatedSum()].add(part.weight / Double(part.targets.count))
            }
        }
        let shares = byCategory.keys.sorted().compactMap { category in
            byCategory[category].map { CategoryShare(category: category, share: $0.value / total.value) }
        }
        var nonBusiness = CompensatedSum()
        for share in shares where Self.isNonBusiness(category: share.category) { nonBusiness.add(share.share) }
        return Assessment(
            product: product, isRelevant: nonBusiness.value <= Self.threshold + Self.tolerance,
            nonBusinessShare: nonBusiness.value, categoryShares: shares, basis: basis, quality: quality,
            matchedCodes: parts.map(\.code).sorted()
        )
    }

    func unmapped(_ product: ProductCode) -> Assessment {
        Assessment(
            product: product, isRelevant: true, nonBusinessShare: nil, categoryShares: [], basis: .unmapped,
            quality: .unmapped, matchedCodes: []
        )
    }
}
