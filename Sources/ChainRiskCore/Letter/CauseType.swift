/// A type of disruption cause within one of the letter's four categories.
///
/// The letter (after McKinsey 2020, p. 22) lists the types per category: natural events (earthquake, pandemic,
/// flood, hurricane), macro-political shocks (financial crisis, trade dispute, regulation, war), malicious
/// non-state actors (cyber attack, sabotage, terrorism, piracy) and idiosyncratic shocks inside a firm (accident,
/// fire, strike, IT failure, bankruptcy). Cases are declared in that order.
public enum CauseType: String, Sendable, Codable, CaseIterable, DeclarationOrdered {
    case earthquake
    case pandemic
    case flood
    case hurricane
    case financialCrisis = "financial_crisis"
    case tradeDispute = "trade_dispute"
    case regulation
    case war
    case cyberAttack = "cyber_attack"
    case sabotage
    case terrorism
    case piracy
    case accident
    case fire
    case strike
    case itFailure = "it_failure"
    case bankruptcy

    /// The category the letter puts this type in.
    public var category: CauseCategory {
        switch self {
        case .earthquake, .pandemic, .flood, .hurricane: .natural
        case .financialCrisis, .tradeDispute, .regulation, .war: .macroPolitical
        case .cyberAttack, .sabotage, .terrorism, .piracy: .maliciousNonState
        case .accident, .fire, .strike, .itFailure, .bankruptcy: .idiosyncratic
        }
    }

    /// The Table 2 risk factor that measures sensitivity to this type, where there is one.
    ///
    /// Earthquake → geophysical event; extreme heat has no cause type of its own in the letter's list.
    public var riskFactor: RiskFactor? {
        switch self {
        case .earthquake: .geophysical
        case .pandemic: .pandemic
        case .flood: .flood
        case .tradeDispute: .tradeDispute
        case .cyberAttack: .cyberAttack
        default: nil
        }
    }

    public var nameEN: String {
        switch self {
        case .earthquake: "Earthquake"
        case .pandemic: "Pandemic"
        case .flood: "Flood"
        case .hurricane: "Hurricane"
        case .financialCrisis: "Financial crisis"
        case .tradeDispute: "Trade dispute"
        case .regulation: "Change in regulation"
        case .war: "Military conflict"
        case .cyberAttack: "Cyber attack"
        case .sabotage: "Sabotage"
        case .terrorism: "Terrorism"
        case .piracy: "Piracy"
        case .accident: "Accident"
        case .fire: "Fire"
        case .strike: "Strike"
        case .itFailure: "IT failure"
        case .bankruptcy: "Bankruptcy"
        }
    }

    /// The Dutch label, in the letter's words where it names the type.
    public var nameNL: String {
        switch self {
        case .earthquake: "Aardbeving"
        case .pandemic: "Pandemie"
        case .flood: "Overstroming"
        case .hurricane: "Orkaan"
        case .financialCrisis: "Financiële crisis"
        case .tradeDispute: "Handelsgeschil"
        case .regulation: "Verandering in regelgeving"
        case .war: "Militair conflict"
        case .cyberAttack: "Cyberaanval"
        case .sabotage: "Sabotage"
        case .terrorism: "Terrorisme"
        case .piracy: "Piraterij"
        case .accident: "Ongeval"
        case .fire: "Brand"
        case .strike: "Staking"
        case .itFailure: "IT-probleem"
        case .bankruptcy: "Faillissement"
        }
    }
}

extension CauseCategory {
    /// The cause types of this category, in the letter's order.
    public var causeTypes: [CauseType] { CauseType.allCases.filter { $0.category == self } }
}
