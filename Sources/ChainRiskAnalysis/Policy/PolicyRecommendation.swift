public import ChainRiskCore

/// What a policy recommendation is about: an imported product or a sector.
public struct PolicySubject: Sendable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable, DeclarationOrdered {
        case product
        case sector
    }

    public let kind: Kind
    /// The product code (`HS2022:270112`), the English name for a published product, or the sector id.
    public let id: String
    public let nameEN: String
    public let nameNL: String

    public init(kind: Kind, id: String, nameEN: String, nameNL: String) {
        self.kind = kind
        self.id = id
        self.nameEN = nameEN
        self.nameNL = nameNL
    }

    /// The subject of a product diagnosis.
    public init(_ product: ProductDiagnosis) {
        self.init(
            kind: .product, id: product.product?.description ?? product.productEN, nameEN: product.productEN,
            nameNL: product.productNL)
    }

    /// The subject of a sector diagnosis.
    public init(_ sector: SectorDiagnosis) {
        self.init(kind: .sector, id: sector.sector.id, nameEN: sector.sector.nameEN, nameNL: sector.sector.nameNL)
    }
}

/// One option recommended for one subject by one rule, with the figures that triggered the rule.
public struct PolicyRecommendation: Sendable, Hashable {
    /// The id of the rule that fired.
    public let ruleID: String
    public let ruleTitleEN: String
    public let ruleTitleNL: String
    public let option: PolicyOption
    public let subject: PolicySubject
    /// The rule's reason, from the rule file.
    public let reasonEN: String
    public let reasonNL: String
    /// The numbers that made the rule fire, then the subject's size (imports, or importance) when not among them.
    public let figures: [CitedFigure]

    /// The figures as one English phrase, e.g. `import HHI 0.83 (highly concentrated), world market not checked,
    /// imports EUR 2,494 mln (2019)`.
    public var evidenceEN: String { CitedFigure.joinedEN(figures) }

    /// The figures as one Dutch phrase.
    public var evidenceNL: String { CitedFigure.joinedNL(figures) }

    /// The figure with this key (`import_hhi`, `world_market`, `imports`, `rank_trade_dispute` …).
    public func figure(_ key: String) -> CitedFigure? { figures.first { $0.key == key } }
}

/// The recommendations of one option, for reports that list options with the subjects they apply to.
public struct PolicyOptionSummary: Sendable, Hashable {
    public let option: PolicyOption
    /// In `PolicyOptionEngine.options` order.
    public let recommendations: [PolicyRecommendation]

    /// The distinct subjects, in first-recommendation order.
    public var subjects: [PolicySubject] {
        var seen: Set<PolicySubject> = []
        return recommendations.map(\.subject).filter { seen.insert($0).inserted }
    }
}
