/// The four categories of disruption cause the letter distinguishes.
public enum CauseCategory: String, Sendable, Codable, CaseIterable, DeclarationOrdered {
    /// Earthquake, pandemic, flood, hurricane.
    case natural
    /// Financial crisis, trade dispute, regulation, war.
    case macroPolitical = "macro_political"
    /// Cyber attack, sabotage, terrorism, piracy.
    case maliciousNonState = "malicious_non_state"
    /// Accident, fire, strike, IT failure, bankruptcy inside a firm.
    case idiosyncratic

    public var nameEN: String {
        switch self {
        case .natural: "Natural events"
        case .macroPolitical: "Macro-political shocks"
        case .maliciousNonState: "Malicious non-state actors"
        case .idiosyncratic: "Idiosyncratic shocks"
        }
    }

    public var nameNL: String {
        switch self {
        case .natural: "Natuurlijke gebeurtenissen"
        case .macroPolitical: "Macropolitieke schokken"
        case .maliciousNonState: "Kwaadwillende niet-statelijke actoren"
        case .idiosyncratic: "Idiosyncratische schokken"
        }
    }
}

/// A disruption of production that hit value chains, as in the letter's Table 1.
public struct DisruptionEvent: Hashable, Sendable, Codable {
    public let id: Int
    public let nameEN: String
    public let nameNL: String
    public let category: CauseCategory
    /// Start as year and month.
    public let startYear: Int
    public let startMonth: Int
    /// Countries or regions hit (ISO 3166 alpha-3 where a country).
    public let regions: [CountryCode]
    /// Number of production sites affected.
    public let productionSitesAffected: Int
    /// Duration of the disruption in weeks.
    public let durationWeeks: Double

    public init(
        id: Int, nameEN: String, nameNL: String, category: CauseCategory, startYear: Int, startMonth: Int,
        regions: [CountryCode], productionSitesAffected: Int, durationWeeks: Double
    ) {
        self.id = id
        self.nameEN = nameEN
        self.nameNL = nameNL
        self.category = category
        self.startYear = startYear
        self.startMonth = startMonth
        self.regions = regions
        self.productionSitesAffected = productionSitesAffected
        self.durationWeeks = durationWeeks
    }

    /// `YYYY-MM`.
    public var start: String { "\(startYear)-\(startMonth < 10 ? "0" : "")\(startMonth)" }
}
