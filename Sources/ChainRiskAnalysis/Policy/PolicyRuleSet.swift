public import ChainRiskCore
public import Foundation

/// A named set of sectors a rule can test for, e.g. `high_tech`, with the source of the definition.
public struct SectorGroup: Sendable, Hashable {
    public let id: String
    public let nameEN: String
    public let nameNL: String
    public let source: String
    /// Sector ids (`Sector.id`), sorted.
    public let sectorIDs: [String]
}

/// One rule: when `condition` holds for a subject, recommend `optionIDs`, for `reasonEN` / `reasonNL`.
public struct PolicyRule: Sendable, Hashable {
    public let id: String
    public let subject: PolicySubject.Kind
    public let titleEN: String
    public let titleNL: String
    public let reasonEN: String
    public let reasonNL: String
    public let condition: PolicyCondition
    /// Ids of `PolicyOption`s, in the order the rule lists them.
    public let optionIDs: [String]
}

/// The policy options and the rules that recommend them, read from one JSON rule file.
///
/// The built-in file is `Sources/ChainRiskAnalysis/Resources/policy_rules.json` (`bundled()`); a user's file in the
/// same format can replace it (`init(json:file:)`). Format (version 1): an object with `format`
/// (`chainrisk-policy-rules`), `version`, `source`, `options` (id, actor `firm`/`government`, category
/// `firm_measure`/`government_reduce`/`government_mitigate`/`follow_up`, title_en, title_nl, description_en,
/// description_nl, source), `sector_groups` (id, name_en, name_nl, source, sectors: sector ids) and `rules` (id,
/// subject `product`/`sector`, title_en, title_nl, reason_en, reason_nl, `when`: a `PolicyCondition`, options:
/// option ids). Unknown keys, duplicate ids, references to unknown options or groups, and tests that do not fit
/// the rule's subject are errors. Rules are evaluated in file order.
public struct PolicyRuleSet: Sendable, Hashable {
    public let version: Int
    public let source: String
    /// The option catalogue, in file order.
    public let options: [PolicyOption]
    /// In file order.
    public let sectorGroups: [SectorGroup]
    /// In file order, which is the order recommendations follow for one subject.
    public let rules: [PolicyRule]
    /// The file name the set was read from.
    public let file: String

    /// The rule file bundled with ChainRiskAnalysis.
    public static func bundled() throws(PolicyRuleError) -> PolicyRuleSet {
        let name = "policy_rules.json"
        guard
            let url = Bundle.module.url(forResource: "policy_rules", withExtension: "json", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url)
        else {
            throw PolicyRuleError(
                .missingResource, file: name,
                "the bundled rule file is missing from the installation (ChainRiskAnalysis/Resources/\(name))")
        }
        return try PolicyRuleSet(json: data, file: name)
    }

    /// Reads and checks a rule file's contents; `file` names it in errors.
    public init(json: Data, file: String) throws(PolicyRuleError) {
        let document: RuleFileDocument
        do {
            document = try JSONDecoder().decode(RuleFileDocument.self, from: json)
        } catch let error as DecodingError {
            let place = error.placeAndMessage
            throw PolicyRuleError(
                place.isUnknownKey ? .unknownKey : .badJSON, file: file, path: place.path, place.message)
        } catch {
            throw PolicyRuleError(.badJSON, file: file, "not valid JSON: \(error)")
        }
        guard document.format == "chainrisk-policy-rules", document.version == 1 else {
            throw PolicyRuleError(
                .unsupportedFormat, file: file,
                "expected format 'chainrisk-policy-rules' version 1, found '\(document.format)' version \(document.version)"
            )
        }
        try Self.check(document, file: file)
        version = document.version
        source = document.source
        options = document.options.map(\.option)
        sectorGroups = document.sectorGroups.map {
            SectorGroup(
                id: $0.id, nameEN: $0.nameEN, nameNL: $0.nameNL, source: $0.source, sectorIDs: $0.sectors.sorted())
        }
        rules = document.rules.map {
            PolicyRule(
                id: $0.id, subject: $0.subject, titleEN: $0.titleEN, titleNL: $0.titleNL, reasonEN: $0.reasonEN,
                reasonNL: $0.reasonNL, condition: $0.when, optionIDs: $0.options
            )
        }
        self.file = file
    }

    /// The option with this id.
    public func option(id: String) -> PolicyOption? { options.first { $0.id == id } }

    /// The sector group with this id.
    public func sectorGroup(id: String) -> SectorGroup? { sectorGroups.first { $0.id == id } }

    /// The rule with this id.
    public func rule(id: String) -> PolicyRule? { rules.first { $0.id == id } }

    private static func check(_ document: RuleFileDocument, file: String) throws(PolicyRuleError) {
        func unique(_ ids: [String], _ what: String) throws(PolicyRuleError) {
            var seen: Set<String> = []
            for (index, id) in ids.enumerated() where !seen.insert(id).inserted {
                throw PolicyRuleError(.duplicateID, file: file, path: "\(what)[\(index)].id", "duplicate id '\(id)'")
            }
        }
        try unique(document.options.map(\.option.id), "options")
        try unique(document.sectorGroups.map(\.id), "sector_groups")
        try unique(document.rules.map(\.id), "rules")
        let optionIDs = Set(document.options.map(\.option.id))
        let groupIDs = Set(document.sectorGroups.map(\.id))
        for (index, rule) in document.rules.enumerated() {
            let path = "rules[\(index)]"
            if rule.options.isEmpty {
                throw PolicyRuleError(
                    .invalidCondition, file: file, path: path + ".options", "a rule must name at least one option")
            }
            if let unknown = rule.options.first(where: { !optionIDs.contains($0) }) {
                throw PolicyRuleError(
                    .unknownReference, file: file, path: path + ".options", "unknown option '\(unknown)'")
            }
            if let problem = rule.when.problem(for: rule.subject, groups: groupIDs, path: path + ".when") {
                throw PolicyRuleError(problem.code, file: file, path: problem.path, problem.message)
            }
        }
    }
}
