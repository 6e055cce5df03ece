public import ChainRiskCore

/// HS products → the letter's 17 industries (Table 2), through ISIC Rev.3 divisions, for a reporter's own trade.
///
/// The letter's sectors are CBS (NACE Rev. 2) industries; each HS 6-digit code has an ISIC Rev.3 division in the bundled
/// correspondence (`simulation/hs6_wiod35.csv`). Divisions map onto the sectors by their definitions: 01–05
/// agriculture, forestry, fishing; 10–14 mining and quarrying; 15–16 food, beverages and tobacco; 17–19 textiles,
/// apparel, leather and footwear; 20 wood products; 23 petroleum (coke and refined products); 24 chemicals, except HS
/// chapter 30 (pharmaceutical products) which is pharmaceuticals; 25 rubber and plastics; 27 basic metals; 28
/// fabricated metal products; 29 machinery; 30, 32, 33 computer, electronic and optical products; 31 electrical
/// equipment; 34 motor vehicles and trailers; 35 other transport equipment; 36 furniture for HS 9401–9404 only (the
/// rest of 36 is manufacturing n.e.c.). Divisions 21–22 (paper, printing), 26 (non-metallic minerals) and 40+ are in
/// none of the 17 sectors, as in the letter's table.
public struct LetterSectorMapping: Sendable {
    /// HS 6-digit code → ISIC Rev.3 division.
    let divisionOfHS6: [String: String]

    public init(productSectorMap: ProductSectorMap) {
        divisionOfHS6 = productSectorMap.sectorOfHS6.mapValues(\.division)
    }

    /// The sector id (`Sector.id`) of an HS code, nil when it belongs to none of the 17. A code shorter than six digits
    /// takes the sector most of its 6-digit codes have (ties: the lower id).
    public func sectorID(ofHS code: String) -> String? {
        if code.count >= 6 {
            return divisionOfHS6[String(code.prefix(6))].flatMap {
                Self.sector(division: $0, hs6: String(code.prefix(6)))
            }
        }
        var counts: [String: Int] = [:]
        for (hs6, division) in divisionOfHS6 where hs6.hasPrefix(code) {
            if let sector = Self.sector(division: division, hs6: hs6) { counts[sector, default: 0] += 1 }
        }
        return counts.min { ($0.value, $1.key) > ($1.value, $0.key) }?.key
    }

    /// The rule of the type's documentation for one 6-digit code.
    static func sector(division: String, hs6: String) -> String? {
        guard let number = Int(division) else { return nil }
        switch number {
        case 1...5: return "agriculture-forestry-fishing"
        case 10...14: return "mining-and-quarrying"
        case 15...16: return "food-beverages-and-tobacco"
        case 17...19: return "textiles-apparel-leather-and-footwear"
        case 20: return "wood-products"
        case 23: return "petroleum-industry"
        case 24: return hs6.hasPrefix("30") ? "pharmaceuticals" : "chemicals"
        case 25: return "rubber-and-plastics"
        case 27: return "basic-metals"
        case 28: return "fabricated-metal-products"
        case 29: return "machinery"
        case 30, 32, 33: return "computer-electronic-and-optical-products"
        case 31: return "electrical-equipment"
        case 34: return "motor-vehicles-and-trailers"
        case 35: return "other-transport-equipment"
        case 36: return ["9401", "9402", "9403", "9404"].contains(String(hs6.prefix(4))) ? "furniture" : nil
        default: return nil
        }
    }

    /// The letter's sector profiles with imports and exports replaced by sums of `imports` and `exports` rows (one
    /// reporter, one year, in the rows' unit), each HS code counted once: a code under a coarser code of the rows is
    /// left out. A sector none of whose products the rows hold has no data (nil), not 0. The McKinsey ranks stay the
    /// letter's.
    public func profiles(
        _ letterProfiles: [SectorRiskProfile], imports: [ImportConcentration], exports: [ImportConcentration]
    ) -> [SectorRiskProfile] {
        func totals(_ rows: [ImportConcentration]) -> [String: Double] {
            let hs = rows.filter { $0.product.classification.family == .hs && !$0.product.isTotal }
            let covered = ProductCode.covered(in: Set(hs.map(\.product)))
            var sums: [String: CompensatedSum] = [:]
            for row in hs where !covered.contains(row.product) {
                if let sector = sectorID(ofHS: row.product.code) {
                    sums[sector, default: CompensatedSum()].add(row.totalValue)
                }
            }
            return sums.mapValues(\.value)
        }
        let (importTotals, exportTotals) = (totals(imports), totals(exports))
        let reference = imports.first ?? exports.first
        return letterProfiles.map { profile in
            SectorRiskProfile(
                sector: profile.sector, ranks: profile.ranks,
                imports: importTotals[profile.sector.id], exportsOfOwnMake: exportTotals[profile.sector.id],
                unit: reference?.unit ?? profile.unit, year: reference?.year ?? profile.year)
        }
    }
}
