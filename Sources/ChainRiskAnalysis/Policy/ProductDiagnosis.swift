public import ChainRiskCore

/// What is known about the world market for a product with concentrated imports.
public enum WorldMarketStatus: String, Sendable, Codable, CaseIterable, DeclarationOrdered {
    case alternativesAvailable = "alternatives_available"
    case limited
    case few
    /// No world-market figure: not computed, or (as for two products of the letter's Table 4) not published.
    case notChecked = "not_checked"

    public init(_ verdict: WorldMarketCheck.Verdict?) {
        switch verdict {
        case .alternativesAvailable: self = .alternativesAvailable
        case .limited: self = .limited
        case .few: self = .few
        case nil: self = .notChecked
        }
    }

    public var nameEN: String {
        switch self {
        case .alternativesAvailable: WorldMarketCheck.Verdict.alternativesAvailable.nameEN
        case .limited: WorldMarketCheck.Verdict.limited.nameEN
        case .few: WorldMarketCheck.Verdict.few.nameEN
        case .notChecked: "world market not checked"
        }
    }

    public var nameNL: String {
        switch self {
        case .alternativesAvailable: WorldMarketCheck.Verdict.alternativesAvailable.nameNL
        case .limited: WorldMarketCheck.Verdict.limited.nameNL
        case .few: WorldMarketCheck.Verdict.few.nameNL
        case .notChecked: "wereldmarkt niet onderzocht"
        }
    }
}

/// What the concentration analysis says about one imported product: the input of the product rules of
/// `PolicyOptionEngine`.
///
/// Built from a computed `ImportConcentration` (with an optional world-market check and EU dependency verdicts) or
/// from a published row (the letter's Tables 4 and 5). Published rows carry no world-export index, only Table 5's
/// world class; Table 4 rows have neither, so their world market counts as not checked.
public struct ProductDiagnosis: Sendable, Hashable {
    /// Where the figures come from.
    public enum Origin: String, Sendable, Codable {
        case computed
        case published
    }

    public let productEN: String
    public let productNL: String
    /// The product code; nil for published rows, which are known by name only.
    public let product: ProductCode?
    public let year: Int
    public let unit: ValueUnit
    /// Imports of the product (for own use in the letter), in `unit`.
    public let importValue: Double
    public let importHHI: Double?
    public let importClass: ConcentrationClass?
    /// HHI of world exports; nil when not computed or not published.
    public let worldHHI: Double?
    public let worldClass: ConcentrationClass?
    public let worldMarket: WorldMarketStatus
    public let topSupplier: CountryCode?
    public let topSupplierValue: Double?
    /// The European Commission 2021 verdict, nil when not assessed.
    public let euDependency: DependencyCriteria.EUDependency?
    /// The CEPII GeoDep verdict, nil when not assessed.
    public let geoDep: DependencyCriteria.GeoDepDependency?
    public let origin: Origin

    /// Decimals to cite an HHI with: 2 for published figures (as printed), 3 for computed ones.
    public var hhiDecimals: Int { origin == .published ? 2 : 3 }

    /// A diagnosis from computed figures; names default to the product code (`HS2022:270112`).
    public init(
        concentration row: ImportConcentration, worldMarket: WorldMarketCheck.Result? = nil,
        euDependency: DependencyCriteria.EUDependency? = nil, geoDep: DependencyCriteria.GeoDepDependency? = nil,
        nameEN: String? = nil, nameNL: String? = nil
    ) {
        productEN = nameEN ?? row.product.description
        productNL = nameNL ?? nameEN ?? row.product.description
        product = row.product
        year = row.year
        unit = row.unit
        importValue = row.totalValue
        importHHI = row.hhi
        importClass = row.concentrationClass
        worldHHI = worldMarket?.worldHHI
        worldClass = worldMarket?.worldClass
        self.worldMarket = WorldMarketStatus(worldMarket?.verdict)
        topSupplier = row.topSupplier
        topSupplierValue = row.topSupplierValue
        self.euDependency = euDependency
        self.geoDep = geoDep
        origin = .computed
    }

    /// A diagnosis from a published row; the world verdict follows the published world class when there is one.
    public init(published row: PublishedConcentration) {
        productEN = row.productEN
        productNL = row.productNL
        product = nil
        year = row.year
        unit = row.unit
        importValue = row.imports
        importHHI = row.hhi
        importClass = row.concentrationClass
        worldHHI = nil
        worldClass = row.worldMarketClass
        worldMarket = WorldMarketStatus(row.worldMarketClass.map { WorldMarketCheck.Verdict(worldMarket: $0) })
        topSupplier = row.topSupplier
        topSupplierValue = row.topSupplierValue
        euDependency = nil
        geoDep = nil
        origin = .published
    }

    /// The products of the letter's Tables 4 and 5, once each, largest imports first (then English name).
    ///
    /// A product in both tables (natural gas) is taken from Table 5, which adds the world class.
    public static func letter(_ dataset: LetterDataset) -> [ProductDiagnosis] {
        let table5Names = Set(dataset.highConcentration.map(\.productEN))
        let rows = dataset.topImports.filter { !table5Names.contains($0.productEN) } + dataset.highConcentration
        return rows.map(ProductDiagnosis.init(published:)).sorted { lhs, rhs in
            lhs.importValue != rhs.importValue ? lhs.importValue > rhs.importValue : lhs.productEN < rhs.productEN
        }
    }
}
