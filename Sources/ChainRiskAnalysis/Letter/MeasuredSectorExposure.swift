import ChainRiskCore

/// Table 2 measured from an input-output table, for any reporter: per letter sector, how much of its inputs come
/// from abroad through every tier, how concentrated their origins are, the largest origin with its direct and hidden
/// part, and how much of its output is sold abroad — figures, where the letter has McKinsey's Dutch ranks.
///
/// A table industry counts for the letter sectors whose NACE Rev. 2 divisions it covers (`sectorIDs(ofIndustry:)`);
/// an industry covering two sectors (WIOD's c9 chemicals and pharmaceuticals) gives both the same figures, said in
/// `shared`. Sectors add their industries weighted by gross output.
public struct MeasuredSectorExposure: Sendable {
    /// One sector's figures.
    public struct Row: Sendable, Hashable {
        public let sectorID: String
        /// The table industries the sector is measured from.
        public let industries: [String]
        /// True when an industry also counts for another letter sector (the table does not split them).
        public let shared: Bool
        /// Foreign inputs through every tier over all inputs through every tier (Σ_{s≠R} t_s / Σ_r t_r).
        public let foreignInputShare: Double
        /// Herfindahl index of the foreign origins' total exposure.
        public let originHHI: Double
        public let largestOrigin: String
        /// The largest origin's share of all foreign inputs, direct (A) and through every tier.
        public let largestOriginDirectShare: Double
        public let largestOriginTotalShare: Double
        /// The part of the largest origin's total exposure that is hidden (reached through third countries).
        public let largestOriginHiddenShare: Double
        /// Exports over gross output.
        public let exportDependence: Double
    }

    public let reporter: String
    public let rows: [Row]

    /// The letter sectors of each NACE Rev. 2 division (the letter's 17 CBS industries).
    public static let sectorOfDivision: [Int: String] = {
        var map: [Int: String] = [:]
        for division in 1...3 { map[division] = "agriculture-forestry-fishing" }
        for division in 5...9 { map[division] = "mining-and-quarrying" }
        for division in 10...12 { map[division] = "food-beverages-and-tobacco" }
        for division in 13...15 { map[division] = "textiles-apparel-leather-and-footwear" }
        let single: [Int: String] = [
            16: "wood-products", 19: "petroleum-industry", 20: "chemicals", 21: "pharmaceuticals",
            22: "rubber-and-plastics", 24: "basic-metals", 25: "fabricated-metal-products",
            26: "computer-electronic-and-optical-products", 27: "electrical-equipment", 28: "machinery",
            29: "motor-vehicles-and-trailers", 30: "other-transport-equipment", 31: "furniture",
        ]
        map.merge(single) { first, _ in first }
        return map
    }()

    /// WIOD 2013's industries (ISIC Rev. 3) in the letter's sectors, by the divisions each covers: c9 (24) is
    /// chemicals and pharmaceuticals, c12 (27–28) basic and fabricated metals, c14 (30–33) electronics and electrical
    /// equipment, c15 (34–35) motor vehicles and other transport, c16 (36–37) furniture with manufacturing n.e.c.
    public static let wiodSectors: [String: [String]] = [
        "c1": ["agriculture-forestry-fishing"], "c2": ["mining-and-quarrying"], "c3": ["food-beverages-and-tobacco"],
        "c4": ["textiles-apparel-leather-and-footwear"], "c5": ["textiles-apparel-leather-and-footwear"],
        "c6": ["wood-products"], "c8": ["petroleum-industry"], "c9": ["chemicals", "pharmaceuticals"],
        "c10": ["rubber-and-plastics"], "c12": ["basic-metals", "fabricated-metal-products"], "c13": ["machinery"],
        "c14": ["computer-electronic-and-optical-products", "electrical-equipment"],
        "c15": ["motor-vehicles-and-trailers", "other-transport-equipment"], "c16": ["furniture"],
    ]

    /// The letter sectors a table industry counts for: by its NACE divisions, or WIOD's mapping; none for services.
    public static func sectorIDs(ofIndustry code: String) -> [String] {
        if let wiod = wiodSectors[code] { return wiod }
        guard let divisions = NACEDivisions.of(code) else { return [] }
        var seen: [String] = []
        for division in divisions.sorted() {
            if let sector = sectorOfDivision[division], !seen.contains(sector) { seen.append(sector) }
        }
        return seen
    }

    /// The figures per sector from the reporter's exposure: `direct[k][j]` and `total[k][j]` for supplier k and
    /// reporter industry j, `domesticTotal[j]` = Σ_{i∈R} (L − I)[i, j], gross output and exports per industry.
    public init(
        reporter: String, industries: [String], grossOutput: [Double], exports: [Double], suppliers: [String],
        direct: [[Double]], total: [[Double]], domesticTotal: [Double], sectorOrder: [String]
    ) {
        self.reporter = reporter
        var members: [String: [Int]] = [:]
        var counted: [Int: Int] = [:]
        for (j, code) in industries.enumerated() {
            let sectors = Self.sectorIDs(ofIndustry: code)
            counted[j] = sectors.count
            for sector in sectors { members[sector, default: []].append(j) }
        }
        rows = sectorOrder.compactMap { sector -> Row? in
            guard let group = members[sector] else { return nil }
            let weights = group.map { max(grossOutput[$0], 0) }
            let output = weights.reduce(0, +)
            guard output > 0 else { return nil }
            func weighted(_ values: (Int) -> Double) -> Double {
                zip(group, weights).reduce(0) { $0 + $1.1 * values($1.0) } / output
            }
            let directBy = suppliers.indices.map { k in weighted { direct[k][$0] } }
            let totalBy = suppliers.indices.map { k in weighted { total[k][$0] } }
            let foreign = totalBy.reduce(0, +)
            let domestic = weighted { domesticTotal[$0] }
            let foreignDirect = directBy.reduce(0, +)
            let largest = totalBy.indices.max { totalBy[$0] != totalBy[$1] ? totalBy[$0] < totalBy[$1] : $0 > $1 } ?? 0
            let hhi = foreign > 0 ? totalBy.reduce(0) { $0 + ($1 / foreign) * ($1 / foreign) } : 0
            let exportsSum = group.reduce(0) { $0 + exports[$1] }
            return Row(
                sectorID: sector, industries: group.map { industries[$0] },
                shared: group.contains { (counted[$0] ?? 1) > 1 },
                foreignInputShare: foreign + domestic > 0 ? foreign / (foreign + domestic) : 0, originHHI: hhi,
                largestOrigin: suppliers.isEmpty ? "" : suppliers[largest],
                largestOriginDirectShare: foreignDirect > 0 ? directBy[largest] / foreignDirect : 0,
                largestOriginTotalShare: foreign > 0 ? totalBy[largest] / foreign : 0,
                largestOriginHiddenShare: totalBy[largest] > 0
                    ? max(0, totalBy[largest] - directBy[largest]) / totalBy[largest] : 0,
                exportDependence: exportsSum / output)
        }
    }
}
