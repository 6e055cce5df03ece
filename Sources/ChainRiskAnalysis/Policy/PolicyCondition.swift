public import ChainRiskCore

/// When a policy rule applies: a conjunction of tests on a product or a sector diagnosis.
///
/// Every test that is set must hold (and); a list inside a test is a choice (or), e.g. `world_market: [limited,
/// few]`; `any` holds when at least one of its conditions holds. Product tests: `import_class`, `world_market`,
/// `import_value_above`, `eu_dependent`, `geodep_persistent`. Sector tests: `risk_band`, `measured_band`,
/// `sector_group`, `particular_importance`, `importance_rank_at_most`. JSON keys are written as here.
/// `risk_band` tests McKinsey's ranks, which hold only for the letter's own country; `measured_band` tests the ranks
/// on figures measured from an input-output table (`MeasuredFactor`), which hold for any reporter.
public struct PolicyCondition: Sendable, Hashable {
    /// "Imports above `value` in `unit`"; applies only to diagnoses in the same currency (compared in base units).
    public struct ValueThreshold: Sendable, Hashable, Decodable {
        public let value: Double
        public let unit: ValueUnit

        public init(value: Double, unit: ValueUnit) {
            self.value = value
            self.unit = unit
        }

        public init(from decoder: any Decoder) throws {
            try decoder.requireKnownKeys(["value", "unit"])
            let container = try decoder.container(keyedBy: RuleFileKey.self)
            value = try container.decode(Double.self, forKey: RuleFileKey(stringValue: "value"))
            unit = try container.decode(ValueUnit.self, forKey: RuleFileKey(stringValue: "unit"))
        }
    }

    /// "The band on at least one of `factors` is one of `bands`": McKinsey's factors (`RiskFactor`) or measured ones
    /// (`MeasuredFactor`).
    public struct BandTest<Factor: Sendable & Hashable & Decodable>: Sendable, Hashable, Decodable {
        public let factors: [Factor]
        public let bands: [RiskBand]

        public init(factors: [Factor], bands: [RiskBand]) {
            self.factors = factors
            self.bands = bands
        }

        public init(from decoder: any Decoder) throws {
            try decoder.requireKnownKeys(["factors", "bands"])
            let container = try decoder.container(keyedBy: RuleFileKey.self)
            factors = try container.decode([Factor].self, forKey: RuleFileKey(stringValue: "factors"))
            bands = try container.decode([RiskBand].self, forKey: RuleFileKey(stringValue: "bands"))
        }
    }

    public var importClass: [ConcentrationClass]?
    public var worldMarket: [WorldMarketStatus]?
    public var importValueAbove: [ValueThreshold]?
    /// Holds when the European Commission 2021 verdict was assessed and equals this.
    public var euDependent: Bool?
    /// Holds when the GeoDep verdict was assessed and its persistence equals this.
    public var geoDepPersistent: Bool?
    public var riskBand: BandTest<RiskFactor>?
    public var measuredBand: BandTest<MeasuredFactor>?
    /// Ids of `SectorGroup`s; holds when the sector is in at least one.
    public var sectorGroups: [String]?
    public var particularImportance: Bool?
    public var importanceRankAtMost: Int?
    public var any: [PolicyCondition]?

    public init(
        importClass: [ConcentrationClass]? = nil, worldMarket: [WorldMarketStatus]? = nil,
        importValueAbove: [ValueThreshold]? = nil, euDependent: Bool? = nil, geoDepPersistent: Bool? = nil,
        riskBand: BandTest<RiskFactor>? = nil, measuredBand: BandTest<MeasuredFactor>? = nil,
        sectorGroups: [String]? = nil,
        particularImportance: Bool? = nil, importanceRankAtMost: Int? = nil, any: [PolicyCondition]? = nil
    ) {
        self.importClass = importClass
        self.worldMarket = worldMarket
        self.importValueAbove = importValueAbove
        self.euDependent = euDependent
        self.geoDepPersistent = geoDepPersistent
        self.riskBand = riskBand
        self.measuredBand = measuredBand
        self.sectorGroups = sectorGroups
        self.particularImportance = particularImportance
        self.importanceRankAtMost = importanceRankAtMost
        self.any = any
    }

    /// The JSON keys of the product tests.
    static let productKeys = [
        "import_class", "world_market", "import_value_above", "eu_dependent", "geodep_persistent",
    ]
    /// The JSON keys of the sector tests.
    static let sectorKeys = [
        "risk_band", "measured_band", "sector_group", "particular_importance", "importance_rank_at_most",
    ]

    /// The keys of the tests that are set, `any` excluded.
    var setKeys: [String] {
        var keys: [String] = []
        if importClass != nil { keys.append("import_class") }
        if worldMarket != nil { keys.append("world_market") }
        if importValueAbove != nil { keys.append("import_value_above") }
        if euDependent != nil { keys.append("eu_dependent") }
        if geoDepPersistent != nil { keys.append("geodep_persistent") }
        if riskBand != nil { keys.append("risk_band") }
        if measuredBand != nil { keys.append("measured_band") }
        if sectorGroups != nil { keys.append("sector_group") }
        if particularImportance != nil { keys.append("particular_importance") }
        if importanceRankAtMost != nil { keys.append("importance_rank_at_most") }
        return keys
    }

    /// Why the condition cannot be used for `subject`, or nil when it can: no test set, an empty list, a test of the
    /// other subject, or an unknown sector group. `path` locates it in the file.
    func problem(for subject: PolicySubject.Kind, groups: Set<String>, path: String) -> PolicyRuleError.Problem? {
        let allowed = subject == .product ? Self.productKeys : Self.sectorKeys
        if setKeys.isEmpty && any == nil {
            return .init(code: .invalidCondition, path: path, message: "the condition has no test")
        }
        if let wrong = setKeys.first(where: { !allowed.contains($0) }) {
            return .init(
                code: .invalidCondition, path: path,
                message: "'\(wrong)' is not a test of a \(subject.rawValue); use \(allowed.joined(separator: ", "))")
        }
        let emptyList =
            (importClass?.isEmpty ?? false) || (worldMarket?.isEmpty ?? false)
            || (importValueAbove?.isEmpty ?? false) || (sectorGroups?.isEmpty ?? false)
            || (riskBand.map { $0.factors.isEmpty || $0.bands.isEmpty } ?? false)
            || (measuredBand.map { $0.factors.isEmpty || $0.bands.isEmpty } ?? false) || (any?.isEmpty ?? false)
        if emptyList { return .init(code: .invalidCondition, path: path, message: "a test has an empty list") }
        if let unknown = sectorGroups?.first(where: { !groups.contains($0) }) {
            return .init(
                code: .unknownReference, path: path + ".sector_group", message: "unknown sector group '\(unknown)'")
        }
        for (index, branch) in (any ?? []).enumerated() {
            if let problem = branch.problem(for: subject, groups: groups, path: path + ".any[\(index)]") {
                return problem
            }
        }
        return nil
    }
}

extension PolicyCondition: Decodable {
    public init(from decoder: any Decoder) throws {
        try decoder.requireKnownKeys(Self.productKeys + Self.sectorKeys + ["any"])
        let container = try decoder.container(keyedBy: RuleFileKey.self)
        func key(_ name: String) -> RuleFileKey { RuleFileKey(stringValue: name) }
        importClass = try container.decodeIfPresent([ConcentrationClass].self, forKey: key("import_class"))
        worldMarket = try container.decodeIfPresent([WorldMarketStatus].self, forKey: key("world_market"))
        importValueAbove = try container.decodeIfPresent([ValueThreshold].self, forKey: key("import_value_above"))
        euDependent = try container.decodeIfPresent(Bool.self, forKey: key("eu_dependent"))
        geoDepPersistent = try container.decodeIfPresent(Bool.self, forKey: key("geodep_persistent"))
        riskBand = try container.decodeIfPresent(BandTest<RiskFactor>.self, forKey: key("risk_band"))
        measuredBand = try container.decodeIfPresent(BandTest<MeasuredFactor>.self, forKey: key("measured_band"))
        sectorGroups = try container.decodeIfPresent([String].self, forKey: key("sector_group"))
        particularImportance = try container.decodeIfPresent(Bool.self, forKey: key("particular_importance"))
        importanceRankAtMost = try container.decodeIfPresent(Int.self, forKey: key("importance_rank_at_most"))
        any = try container.decodeIfPresent([PolicyCondition].self, forKey: key("any"))
    }
}
