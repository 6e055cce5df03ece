/// Who takes a policy option: the firm that owns the chain, or the government.
public enum PolicyActor: String, Sendable, Codable, CaseIterable, DeclarationOrdered {
    case firm
    case government

    public var nameEN: String {
        switch self {
        case .firm: "Firms"
        case .government: "Government"
        }
    }

    public var nameNL: String {
        switch self {
        case .firm: "Bedrijven"
        case .government: "Overheid"
        }
    }
}

/// Where the letter puts a policy option ("handelingsperspectieven").
///
/// Firms' own supply-chain measures (Box 1); government course 1, reducing the chance of disruption; government
/// course 2, mitigating a disruption when it happens; and the follow-up the letter announces (mapping strategic
/// dependencies in more detail, section "Vervolg").
public enum PolicyCategory: String, Sendable, Codable, CaseIterable, DeclarationOrdered {
    case firmMeasure = "firm_measure"
    case reduceChance = "government_reduce"
    case mitigate = "government_mitigate"
    case followUp = "follow_up"

    public var nameEN: String {
        switch self {
        case .firmMeasure: "Firms' supply-chain measures (Box 1)"
        case .reduceChance: "Course 1: reducing the chance of disruption"
        case .mitigate: "Course 2: mitigating government measures"
        case .followUp: "Follow-up: mapping dependencies"
        }
    }

    public var nameNL: String {
        switch self {
        case .firmMeasure: "Maatregelen van bedrijven (box 1)"
        case .reduceChance: "Handelingsperspectief 1: reductie van de kans op verstoring"
        case .mitigate: "Handelingsperspectief 2: mitigerende overheidsmaatregelen"
        case .followUp: "Vervolg: afhankelijkheden nader in kaart brengen"
        }
    }
}

/// One course of action from a fixed catalogue, named in English and Dutch, with who takes it and where the
/// letter describes it.
public struct PolicyOption: Hashable, Sendable, Codable {
    /// A stable token, e.g. `firm-diversification`, `gov-trade-agreements`.
    public let id: String
    public let actor: PolicyActor
    public let category: PolicyCategory
    public let titleEN: String
    public let titleNL: String
    public let descriptionEN: String
    public let descriptionNL: String
    /// Where the option comes from, e.g. `letter, Box 1` or `beyond the letter: …`.
    public let source: String

    /// Keys as the rule file writes them (`title_en`, `description_nl` …).
    enum CodingKeys: String, CodingKey {
        case id, actor, category, source
        case titleEN = "title_en"
        case titleNL = "title_nl"
        case descriptionEN = "description_en"
        case descriptionNL = "description_nl"
    }

    public init(
        id: String, actor: PolicyActor, category: PolicyCategory, titleEN: String, titleNL: String,
        descriptionEN: String, descriptionNL: String, source: String
    ) {
        self.id = id
        self.actor = actor
        self.category = category
        self.titleEN = titleEN
        self.titleNL = titleNL
        self.descriptionEN = descriptionEN
        self.descriptionNL = descriptionNL
        self.source = source
    }
}
