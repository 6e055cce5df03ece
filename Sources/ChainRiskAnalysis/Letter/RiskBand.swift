public import ChainRiskCore

/// The colour band of a sensitivity rank in the letter's Table 2: orange (most sensitive), yellow, green.
///
/// The letter colours ranks "1-5 oranje, 5-10 geel en 11 en hoger groen"; the two ranges overlap at 5, and we
/// treat rank 5 as orange (the first range that names it). `RiskBandScheme` holds the edges.
public enum RiskBand: String, Sendable, Codable, CaseIterable, DeclarationOrdered {
    case orange
    case yellow
    case green

    public var nameEN: String {
        switch self {
        case .orange: "orange"
        case .yellow: "yellow"
        case .green: "green"
        }
    }

    public var nameNL: String {
        switch self {
        case .orange: "oranje"
        case .yellow: "geel"
        case .green: "groen"
        }
    }

    /// What the band says about sensitivity, in English.
    public var meaningEN: String {
        switch self {
        case .orange: "relatively most sensitive"
        case .yellow: "moderately sensitive"
        case .green: "relatively least sensitive"
        }
    }

    /// What the band says about sensitivity, in Dutch.
    public var meaningNL: String {
        switch self {
        case .orange: "relatief meest gevoelig"
        case .yellow: "gemiddeld gevoelig"
        case .green: "relatief minst gevoelig"
        }
    }
}

/// The rank edges of the colour bands: ranks `1...orangeUpTo` orange, up to `yellowUpTo` yellow, above green.
public struct RiskBandScheme: Sendable, Hashable {
    /// The highest rank that is still orange (letter: 5).
    public let orangeUpTo: Int
    /// The highest rank that is still yellow (letter: 10).
    public let yellowUpTo: Int

    /// Custom edges; `nil` unless `1 <= orangeUpTo < yellowUpTo`.
    public init?(orangeUpTo: Int, yellowUpTo: Int) {
        guard orangeUpTo >= 1, orangeUpTo < yellowUpTo else { return nil }
        self.init(checkedOrangeUpTo: orangeUpTo, yellowUpTo: yellowUpTo)
    }

    private init(checkedOrangeUpTo orangeUpTo: Int, yellowUpTo: Int) {
        self.orangeUpTo = orangeUpTo
        self.yellowUpTo = yellowUpTo
    }

    /// The letter's bands: 1–5 orange, 6–10 yellow, 11 and higher green.
    public static let letter = RiskBandScheme(checkedOrangeUpTo: 5, yellowUpTo: 10)

    /// The band of a rank; `nil` for a missing rank (`Int.max`, see `SectorRiskProfile.rank(_:)`) or a rank below 1.
    public func band(rank: Int) -> RiskBand? {
        guard rank >= 1, rank != Int.max else { return nil }
        if rank <= orangeUpTo { return .orange }
        if rank <= yellowUpTo { return .yellow }
        return .green
    }

    /// The ranks of a band as text: `1–5`, `6–10`, `11+`.
    public func rangeText(_ band: RiskBand) -> String {
        switch band {
        case .orange: "1–\(orangeUpTo)"
        case .yellow: "\(orangeUpTo + 1)–\(yellowUpTo)"
        case .green: "\(yellowUpTo + 1)+"
        }
    }
}
