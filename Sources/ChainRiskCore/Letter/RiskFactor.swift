/// A source of value-chain disruption on which the letter ranks sectors (Table 2).
///
/// The letter takes the six factors from McKinsey (2020); each measures a different exposure, described in `meaning`.
public enum RiskFactor: String, Sendable, Codable, CaseIterable, DeclarationOrdered {
    case pandemic
    case cyberAttack = "cyber_attack"
    case geophysical
    case extremeHeat = "extreme_heat"
    case flood
    case tradeDispute = "trade_dispute"

    /// The English label.
    public var nameEN: String {
        switch self {
        case .pandemic: "Pandemic"
        case .cyberAttack: "Cyber attack"
        case .geophysical: "Geophysical event"
        case .extremeHeat: "Extreme heat"
        case .flood: "Flood"
        case .tradeDispute: "Trade dispute"
        }
    }

    /// The Dutch label, as the letter writes it.
    public var nameNL: String {
        switch self {
        case .pandemic: "Pandemie"
        case .cyberAttack: "Cyberaanval"
        case .geophysical: "Geo-fysieke gebeurtenis"
        case .extremeHeat: "Extreme hitte"
        case .flood: "Overstroming"
        case .tradeDispute: "Handelsgeschil"
        }
    }

    /// What a high rank on this factor measures (the letter, after McKinsey 2020).
    public var meaning: String {
        switch self {
        case .pandemic: "footprint in epidemic-prone, high-travel regions; labour intensity; demand impact"
        case .cyberAttack: "knowledge and capital intensity; digitisation; cross-border data flows"
        case .geophysical: "capital intensity; footprint in hazard zones"
        case .extremeHeat: "footprint in hot and humid regions; labour intensity; outdoor work"
        case .flood: "footprint in flood-prone regions"
        case .tradeDispute: "national-security sensitivity; trade intensity; product complexity"
        }
    }
}
