/// A national industry (bedrijfstak) with its names in English and Dutch.
public struct Sector: Hashable, Sendable, Codable, Comparable {
    /// A stable identifier derived from the English name (lower case, words joined by `-`).
    public let id: String
    public let nameEN: String
    public let nameNL: String

    public init(id: String? = nil, nameEN: String, nameNL: String) {
        self.id = id ?? Sector.slug(nameEN)
        self.nameEN = nameEN
        self.nameNL = nameNL
    }

    /// Lower-case ASCII letters and digits, other runs replaced by one `-`.
    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if pendingDash && !result.isEmpty { result.append("-") }
                result.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return result
    }

    public static func < (lhs: Sector, rhs: Sector) -> Bool { lhs.id < rhs.id }
}

/// One row of the letter's Table 2: a sector's sensitivity rank per risk factor and its trade.
///
/// Ranks run from 1 (most sensitive) and may be shared (ties) where nomenclatures were merged and scores averaged.
public struct SectorRiskProfile: Hashable, Sendable, Codable {
    public let sector: Sector
    /// Rank per risk factor, 1 = most sensitive.
    public let ranks: [RiskFactor: Int]
    /// Goods imports, in `unit`, in `year`; nil when the data holds no product of the sector (no data, not zero).
    public let imports: Double?
    /// Goods exports of own make, in `unit`, in `year`; nil when the data holds no exports of the reporter.
    public let exportsOfOwnMake: Double?
    public let unit: ValueUnit
    public let year: Int

    public init(
        sector: Sector, ranks: [RiskFactor: Int], imports: Double?, exportsOfOwnMake: Double?, unit: ValueUnit,
        year: Int
    ) {
        self.sector = sector
        self.ranks = ranks
        self.imports = imports
        self.exportsOfOwnMake = exportsOfOwnMake
        self.unit = unit
        self.year = year
    }

    /// Trade importance as the letter uses it: imports plus exports of own make; nil when either is unknown (a sum
    /// with a missing half would rank a sector by what the data happens to hold).
    public var importance: Double? {
        guard let imports, let exportsOfOwnMake else { return nil }
        return imports + exportsOfOwnMake
    }

    /// The rank on one factor; `Int.max` when the factor was not ranked.
    public func rank(_ factor: RiskFactor) -> Int { ranks[factor] ?? Int.max }
}
