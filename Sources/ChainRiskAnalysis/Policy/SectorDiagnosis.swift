public import ChainRiskCore

/// A sector's place by trade importance: high (the sectors of particular importance), medium, low.
///
/// With `k` sectors of particular importance (letter: 5), importance ranks `1...k` are high, `k+1...2k` medium and
/// the rest low: for the letter's 17 sectors the same 5 / 10 edges as the colour bands.
public enum ImportanceTier: String, Sendable, Codable, CaseIterable, DeclarationOrdered {
    case high
    case medium
    case low

    /// The tier of an importance rank when `count` sectors are of particular importance.
    public init(importanceRank: Int, particularImportanceCount count: Int) {
        if importanceRank <= count {
            self = .high
        } else if importanceRank <= 2 * count {
            self = .medium
        } else {
            self = .low
        }
    }

    public var nameEN: String {
        switch self {
        case .high: "high importance"
        case .medium: "medium importance"
        case .low: "low importance"
        }
    }

    public var nameNL: String {
        switch self {
        case .high: "groot belang"
        case .medium: "middelgroot belang"
        case .low: "klein belang"
        }
    }
}

/// A sector's rank on one risk factor with its colour band.
public struct FactorRank: Sendable, Hashable {
    public let factor: RiskFactor
    /// 1 = most sensitive.
    public let rank: Int
    public let band: RiskBand
}

/// What the vulnerability analysis says about one sector: its trade importance and its band per risk factor.
///
/// The input of the sector rules of `PolicyOptionEngine`; built by `SectorVulnerability.diagnoses()`.
public struct SectorDiagnosis: Sendable, Hashable {
    public let profile: SectorRiskProfile
    /// Position by imports + exports of own make, 1 = largest; ties broken by sector id, so ranks are unique.
    public let importanceRank: Int
    /// How many sectors were ranked by importance (the "of 17").
    public let sectorCount: Int
    public let importanceTier: ImportanceTier
    /// True for the top `k` by importance (the letter's five chains of particular importance).
    public let isOfParticularImportance: Bool
    /// Rank and band per ranked factor, in `RiskFactor` order; unranked factors are left out, and all are when the
    /// ranks describe another country's industries (`SectorVulnerability.sensitivityRanksApply`).
    public let factorRanks: [FactorRank]
    /// Rank and band per measured factor (`MeasuredFactor` order), from an input-output table; empty without one.
    public let measuredRanks: [MeasuredRank]

    public init(
        profile: SectorRiskProfile, importanceRank: Int, sectorCount: Int, importanceTier: ImportanceTier,
        isOfParticularImportance: Bool, factorRanks: [FactorRank], measuredRanks: [MeasuredRank] = []
    ) {
        self.profile = profile
        self.importanceRank = importanceRank
        self.sectorCount = sectorCount
        self.importanceTier = importanceTier
        self.isOfParticularImportance = isOfParticularImportance
        self.factorRanks = factorRanks
        self.measuredRanks = measuredRanks
    }

    public var sector: Sector { profile.sector }

    /// The band on one factor, nil when the sector is not ranked on it.
    public func band(on factor: RiskFactor) -> RiskBand? { factorRanks.first { $0.factor == factor }?.band }

    /// The factor ranks in the orange band, in `RiskFactor` order.
    public var orangeFactors: [FactorRank] { factorRanks.filter { $0.band == .orange } }

    /// The band on one measured factor, nil without a measured rank.
    public func band(on factor: MeasuredFactor) -> RiskBand? { measuredRanks.first { $0.factor == factor }?.band }
}
