public import ChainRiskCore

/// Re-ranks national sectors from scores published for another set of value chains, as the letter did when it
/// mapped McKinsey's (2020) value chains onto CBS industries.
///
/// Per risk factor, a sector's score is the weighted mean of the scores of the source chains linked to it,
/// s̄ = Σ wᵢ sᵢ / Σ wᵢ over linked chains that have a score for the factor; the sectors are then ranked with
/// `SensitivityRanking` (dense ties by default, as in Table 2). The mapping is many-to-many: one chain can feed
/// several sectors and a sector can average several chains. Sectors without any scored chain for a factor get no
/// rank on it; links with a weight that is not a positive finite number are ignored and listed.
public struct SectorReranking: Sendable {
    /// One link of a source chain (e.g. McKinsey's "Semiconductors") to a national sector, with a weight.
    public struct Link: Sendable, Hashable {
        public let sourceChain: String
        public let sector: Sector
        public let weight: Double

        public init(sourceChain: String, sector: Sector, weight: Double = 1) {
            self.sourceChain = sourceChain
            self.sector = sector
            self.weight = weight
        }
    }

    /// One sector's averaged scores and new ranks.
    public struct RankedSector: Sendable, Hashable {
        public let sector: Sector
        /// The weighted mean score per factor, for factors with at least one scored chain.
        public let averageScores: [RiskFactor: Double]
        public let ranks: [RiskFactor: Int]
        /// The source chains linked to the sector, sorted.
        public let sourceChains: [String]
    }

    /// The re-ranked sectors with what the mapping left out.
    public struct Result: Sendable, Hashable {
        /// Every mapped sector, sorted by sector id.
        public let sectors: [RankedSector]
        /// Scored source chains that no link uses, sorted.
        public let unmappedChains: [String]
        /// Links whose chain has no score on any factor, sorted by chain then sector.
        public let unscoredLinks: [Link]
        /// Links ignored because their weight is not a positive finite number, sorted by chain then sector.
        public let ignoredLinks: [Link]
        public let ties: TieConvention

        /// The new rank of a sector on a factor, nil when it has none.
        public func rank(of sector: Sector, on factor: RiskFactor) -> Int? {
            sectors.first { $0.sector.id == sector.id }?.ranks[factor]
        }

        /// `profiles` with their ranks replaced by the re-ranked ones, matched on sector id; a profile without a
        /// mapped sector keeps no ranks, since ranks are relative to the mapped set.
        public func applying(to profiles: [SectorRiskProfile]) -> [SectorRiskProfile] {
            let byID = Dictionary(sectors.map { ($0.sector.id, $0.ranks) }, uniquingKeysWith: { first, _ in first })
            return profiles.map { profile in
                SectorRiskProfile(
                    sector: profile.sector, ranks: byID[profile.sector.id] ?? [:], imports: profile.imports,
                    exportsOfOwnMake: profile.exportsOfOwnMake, unit: profile.unit, year: profile.year
                )
            }
        }
    }

    /// True when a larger source score means more sensitive (scores); false when the source gives ranks.
    public var higherIsMoreSensitive: Bool
    public var ties: TieConvention
    /// Averages closer than this tie.
    public var tolerance: Double

    public init(higherIsMoreSensitive: Bool = true, ties: TieConvention = .dense, tolerance: Double = 1e-9) {
        self.higherIsMoreSensitive = higherIsMoreSensitive
        self.ties = ties
        self.tolerance = tolerance
    }

    /// Averages `scores` (factor → source chain → score) over `links` per sector and ranks the sectors per factor.
    public func rerank(scores: [RiskFactor: [String: Double]], links: [Link]) -> Result {
        let linkOrder: (Link, Link) -> Bool = { ($0.sourceChain, $0.sector.id) < ($1.sourceChain, $1.sector.id) }
        let usable = links.filter { $0.weight.isFinite && $0.weight > 0 }
        let ignored = links.filter { !($0.weight.isFinite && $0.weight > 0) }.sorted(by: linkOrder)
        let scoredChains = Set(scores.values.flatMap { $0.filter { $0.value.isFinite }.keys })
        var sectorsByID: [String: Sector] = [:]
        var chainsBySector: [String: Set<String>] = [:]
        for link in usable {
            sectorsByID[link.sector.id] = sectorsByID[link.sector.id] ?? link.sector
            chainsBySector[link.sector.id, default: []].insert(link.sourceChain)
        }
        var averages: [String: [RiskFactor: Double]] = [:]
        var ranks: [String: [RiskFactor: Int]] = [:]
        for factor in RiskFactor.allCases {
            guard let factorScores = scores[factor] else { continue }
            var sums: [String: (weighted: Double, weight: Double)] = [:]
            for link in usable {
                guard let score = factorScores[link.sourceChain], score.isFinite else { continue }
                let current = sums[link.sector.id] ?? (0, 0)
                sums[link.sector.id] = (current.weighted + link.weight * score, current.weight + link.weight)
            }
            let means = sums.mapValues { $0.weighted / $0.weight }
            for (sectorID, mean) in means { averages[sectorID, default: [:]][factor] = mean }
            let ranked = SensitivityRanking.rank(
                scores: means, higherIsMoreSensitive: higherIsMoreSensitive, ties: ties, tolerance: tolerance
            )
            for entry in ranked { ranks[entry.key, default: [:]][factor] = entry.rank }
        }
        let sectors = sectorsByID.keys.sorted().compactMap { id -> RankedSector? in
            guard let sector = sectorsByID[id] else { return nil }
            return RankedSector(
                sector: sector, averageScores: averages[id] ?? [:], ranks: ranks[id] ?? [:],
                sourceChains: (chainsBySector[id] ?? []).sorted()
            )
        }
        let linkedChains = Set(usable.map(\.sourceChain))
        return Result(
            sectors: sectors, unmappedChains: scoredChains.subtracting(linkedChains).sorted(),
            unscoredLinks: usable.filter { !scoredChains.contains($0.sourceChain) }.sorted(by: linkOrder),
            ignoredLinks: ignored, ties: ties
        )
    }
}
