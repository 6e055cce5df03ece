public import ChainRiskCore

/// How urgent a sector's exposure to one risk factor is, from its importance tier and its colour band.
///
/// Rule: score = tier index + band index (high 0, medium 1, low 2; orange 0, yellow 1, green 2). Score 0 (high
/// importance and orange) is `highest`; 1 (high and yellow, or medium and orange) `high`; 2 `moderate`; 3–4 `low`.
public enum PriorityLevel: String, Sendable, Codable, CaseIterable, DeclarationOrdered {
    case highest
    case high
    case moderate
    case low

    public init(tier: ImportanceTier, band: RiskBand) {
        switch tier.declarationIndex + band.declarationIndex {
        case 0: self = .highest
        case 1: self = .high
        case 2: self = .moderate
        default: self = .low
        }
    }

    public var nameEN: String {
        switch self {
        case .highest: "highest priority"
        case .high: "high priority"
        case .moderate: "moderate priority"
        case .low: "low priority"
        }
    }

    public var nameNL: String {
        switch self {
        case .highest: "hoogste prioriteit"
        case .high: "hoge prioriteit"
        case .moderate: "gemiddelde prioriteit"
        case .low: "lage prioriteit"
        }
    }
}

/// Importance × vulnerability per risk factor: which sectors matter most and are most sensitive.
public struct PriorityMatrix: Sendable, Hashable {
    /// One sector on one factor.
    public struct Entry: Sendable, Hashable {
        public let sector: Sector
        public let factor: RiskFactor
        public let rank: Int
        public let band: RiskBand
        public let importanceRank: Int
        public let tier: ImportanceTier
        public let priority: PriorityLevel
    }

    /// One cell of the matrix of a factor: the sectors of a tier in a band, in importance order.
    public struct Cell: Sendable, Hashable {
        public let factor: RiskFactor
        public let tier: ImportanceTier
        public let band: RiskBand
        public let priority: PriorityLevel
        public let sectors: [Sector]
    }

    /// One sector on one measured factor (ranked on the reporter's own input-output figures).
    public struct MeasuredEntry: Sendable, Hashable {
        public let sector: Sector
        public let measured: MeasuredRank
        public let importanceRank: Int
        public let tier: ImportanceTier
        public let priority: PriorityLevel
    }

    /// Every ranked sector × factor, sorted by priority, then factor, then importance rank.
    public let entries: [Entry]
    /// Every sector × measured factor, in the same order as `entries`; empty without an input-output table.
    public let measuredEntries: [MeasuredEntry]
    /// All 3 × 3 cells of every factor (empty ones included), in factor, tier, band order.
    public let cells: [Cell]

    public init(diagnoses: [SectorDiagnosis]) {
        let all = diagnoses.flatMap { diagnosis in
            diagnosis.factorRanks.map { factorRank in
                Entry(
                    sector: diagnosis.sector, factor: factorRank.factor, rank: factorRank.rank, band: factorRank.band,
                    importanceRank: diagnosis.importanceRank, tier: diagnosis.importanceTier,
                    priority: PriorityLevel(tier: diagnosis.importanceTier, band: factorRank.band)
                )
            }
        }
        entries = all.sorted { lhs, rhs in
            if lhs.priority != rhs.priority { return lhs.priority < rhs.priority }
            if lhs.factor != rhs.factor { return lhs.factor < rhs.factor }
            return lhs.importanceRank < rhs.importanceRank
        }
        measuredEntries = diagnoses.flatMap { diagnosis in
            diagnosis.measuredRanks.map { measured in
                MeasuredEntry(
                    sector: diagnosis.sector, measured: measured, importanceRank: diagnosis.importanceRank,
                    tier: diagnosis.importanceTier,
                    priority: PriorityLevel(tier: diagnosis.importanceTier, band: measured.band))
            }
        }
        .sorted { lhs, rhs in
            if lhs.priority != rhs.priority { return lhs.priority < rhs.priority }
            if lhs.measured.factor != rhs.measured.factor { return lhs.measured.factor < rhs.measured.factor }
            return lhs.importanceRank < rhs.importanceRank
        }
        cells = RiskFactor.allCases.flatMap { factor in
            ImportanceTier.allCases.flatMap { tier in
                RiskBand.allCases.map { band in
                    let members = all.filter { $0.factor == factor && $0.tier == tier && $0.band == band }
                        .sorted { $0.importanceRank < $1.importanceRank }
                    return Cell(
                        factor: factor, tier: tier, band: band, priority: PriorityLevel(tier: tier, band: band),
                        sectors: members.map(\.sector)
                    )
                }
            }
        }
    }

    /// The entries of one priority level, in `entries` order.
    public func entries(_ priority: PriorityLevel) -> [Entry] { entries.filter { $0.priority == priority } }

    /// The cell of a factor, tier and band.
    public func cell(_ factor: RiskFactor, _ tier: ImportanceTier, _ band: RiskBand) -> Cell? {
        cells.first { $0.factor == factor && $0.tier == tier && $0.band == band }
    }
}

extension SectorVulnerability {
    /// The priority matrix of all sectors (see `PriorityLevel` for the rule).
    public func priorityMatrix() -> PriorityMatrix { PriorityMatrix(diagnoses: diagnoses()) }
}
