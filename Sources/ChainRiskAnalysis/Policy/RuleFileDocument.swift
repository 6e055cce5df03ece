import ChainRiskCore

/// The JSON shape of a policy rule file, decoded strictly (unknown keys are errors); see `PolicyRuleSet`.
struct RuleFileDocument: Decodable {
    struct Option: Decodable {
        let option: PolicyOption

        init(from decoder: any Decoder) throws {
            try decoder.requireKnownKeys([
                "id", "actor", "category", "title_en", "title_nl", "description_en", "description_nl", "source",
            ])
            option = try PolicyOption(from: decoder)
        }
    }

    struct Group: Decodable {
        let id: String
        let nameEN: String
        let nameNL: String
        let source: String
        let sectors: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, source, sectors
            case nameEN = "name_en"
            case nameNL = "name_nl"
        }

        init(from decoder: any Decoder) throws {
            try decoder.requireKnownKeys(CodingKeys.allCases.map(\.rawValue))
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            nameEN = try container.decode(String.self, forKey: .nameEN)
            nameNL = try container.decode(String.self, forKey: .nameNL)
            source = try container.decode(String.self, forKey: .source)
            sectors = try container.decode([String].self, forKey: .sectors)
        }
    }

    struct Rule: Decodable {
        let id: String
        let subject: PolicySubject.Kind
        let titleEN: String
        let titleNL: String
        let reasonEN: String
        let reasonNL: String
        let when: PolicyCondition
        let options: [String]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, subject, when, options
            case titleEN = "title_en"
            case titleNL = "title_nl"
            case reasonEN = "reason_en"
            case reasonNL = "reason_nl"
        }

        init(from decoder: any Decoder) throws {
            try decoder.requireKnownKeys(CodingKeys.allCases.map(\.rawValue))
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            subject = try container.decode(PolicySubject.Kind.self, forKey: .subject)
            titleEN = try container.decode(String.self, forKey: .titleEN)
            titleNL = try container.decode(String.self, forKey: .titleNL)
            reasonEN = try container.decode(String.self, forKey: .reasonEN)
            reasonNL = try container.decode(String.self, forKey: .reasonNL)
            when = try container.decode(PolicyCondition.self, forKey: .when)
            options = try container.decode([String].self, forKey: .options)
        }
    }

    let format: String
    let version: Int
    let source: String
    let options: [Option]
    let sectorGroups: [Group]
    let rules: [Rule]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, version, source, options, rules
        case sectorGroups = "sector_groups"
    }

    init(from decoder: any Decoder) throws {
        try decoder.requireKnownKeys(CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        version = try container.decode(Int.self, forKey: .version)
        source = try container.decode(String.self, forKey: .source)
        options = try container.decode([Option].self, forKey: .options)
        sectorGroups = try container.decodeIfPresent([Group].self, forKey: .sectorGroups) ?? []
        rules = try container.decode([Rule].self, forKey: .rules)
    }
}
