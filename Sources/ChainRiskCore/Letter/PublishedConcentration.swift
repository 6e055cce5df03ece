/// A product's import concentration as a publication printed it (the letter's Tables 4 and 5).
///
/// Kept apart from computed results: published HHIs are rounded to two decimals and their classes are the
/// publisher's, which near a band edge can differ from the band rule applied to the rounded figure.
public struct PublishedConcentration: Hashable, Sendable, Codable {
    /// Position in the publication's ranking by value (Table 4), nil where unranked.
    public let rank: Int?
    public let productEN: String
    public let productNL: String
    /// Imports for own use, in `unit`.
    public let imports: Double
    public let unit: ValueUnit
    public let year: Int
    /// The published Herfindahl index (two decimals).
    public let hhi: Double
    public let concentrationClass: ConcentrationClass
    /// Concentration of world exports of the product (Table 5), nil where not published.
    public let worldMarketClass: ConcentrationClass?
    /// The country the reporter imports most from; nil where confidential.
    public let topSupplier: CountryCode?
    /// Imports from the top supplier, in `unit`.
    public let topSupplierValue: Double?

    public init(
        rank: Int?, productEN: String, productNL: String, imports: Double, unit: ValueUnit, year: Int, hhi: Double,
        concentrationClass: ConcentrationClass, worldMarketClass: ConcentrationClass?, topSupplier: CountryCode?,
        topSupplierValue: Double?
    ) {
        self.rank = rank
        self.productEN = productEN
        self.productNL = productNL
        self.imports = imports
        self.unit = unit
        self.year = year
        self.hhi = hhi
        self.concentrationClass = concentrationClass
        self.worldMarketClass = worldMarketClass
        self.topSupplier = topSupplier
        self.topSupplierValue = topSupplierValue
    }
}

/// A product a statistics office did not publish, with its names.
public struct SuppressedProduct: Hashable, Sendable, Codable {
    public let productEN: String
    public let productNL: String

    public init(productEN: String, productNL: String) {
        self.productEN = productEN
        self.productNL = productNL
    }
}
