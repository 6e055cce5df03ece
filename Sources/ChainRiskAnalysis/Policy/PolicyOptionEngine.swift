import ChainRiskCore

/// Turns product and sector diagnoses into the letter's policy options ("handelingsperspectieven"), each with the
/// rule that fired and the figures that triggered it.
///
/// The rules and the option catalogue come from one `PolicyRuleSet` (the bundled `policy_rules.json` by default).
/// Order: product subjects first (largest imports first, then English name, then code), then sectors (importance
/// rank); per subject the rules in file order; per rule its options in the order it lists them. The same option
/// can come from several rules for one subject: each recommendation names its own rule.
public struct PolicyOptionEngine: Sendable {
    public let rules: PolicyRuleSet

    public init(rules: PolicyRuleSet) {
        self.rules = rules
    }

    /// An engine with the bundled rule file.
    public static func bundled() throws(PolicyRuleError) -> PolicyOptionEngine {
        PolicyOptionEngine(rules: try PolicyRuleSet.bundled())
    }

    /// Every recommendation for the products and sectors, in the documented order.
    public func options(products: [ProductDiagnosis], sectors: [SectorDiagnosis]) -> [PolicyRecommendation] {
        let orderedProducts = products.sorted { lhs, rhs in
            if lhs.importValue != rhs.importValue { return lhs.importValue > rhs.importValue }
            if lhs.productEN != rhs.productEN { return lhs.productEN < rhs.productEN }
            return (lhs.product?.description ?? "") < (rhs.product?.description ?? "")
        }
        let orderedSectors = sectors.sorted { ($0.importanceRank, $0.sector.id) < ($1.importanceRank, $1.sector.id) }
        return orderedProducts.flatMap(recommendations(for:)) + orderedSectors.flatMap(recommendations(for:))
    }

    /// The recommendations for one product, rules in file order.
    public func recommendations(for product: ProductDiagnosis) -> [PolicyRecommendation] {
        rules.rules.filter { $0.subject == .product }.flatMap { rule -> [PolicyRecommendation] in
            guard let figures = rule.condition.figures(for: product) else { return [] }
            let cited = PolicyCondition.merging(figures, [PolicyFigures.imports(product)])
            return recommend(rule, subject: PolicySubject(product), figures: cited)
        }
    }

    /// The recommendations for one sector, rules in file order.
    public func recommendations(for sector: SectorDiagnosis) -> [PolicyRecommendation] {
        let groups = Dictionary(rules.sectorGroups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return rules.rules.filter { $0.subject == .sector }.flatMap { rule -> [PolicyRecommendation] in
            guard let figures = rule.condition.figures(for: sector, groups: groups) else { return [] }
            let cited = PolicyCondition.merging(figures, [PolicyFigures.importance(sector)])
            return recommend(rule, subject: PolicySubject(sector), figures: cited)
        }
    }

    /// Recommendations grouped by option, options in catalogue order; options never recommended are left out.
    public func byOption(_ recommendations: [PolicyRecommendation]) -> [PolicyOptionSummary] {
        rules.options.compactMap { option in
            let matching = recommendations.filter { $0.option.id == option.id }
            return matching.isEmpty ? nil : PolicyOptionSummary(option: option, recommendations: matching)
        }
    }

    private func recommend(_ rule: PolicyRule, subject: PolicySubject, figures: [CitedFigure]) -> [PolicyRecommendation]
    {
        rule.optionIDs.compactMap { rules.option(id: $0) }.map { option in
            PolicyRecommendation(
                ruleID: rule.id, ruleTitleEN: rule.titleEN, ruleTitleNL: rule.titleNL, option: option, subject: subject,
                reasonEN: rule.reasonEN, reasonNL: rule.reasonNL, figures: figures
            )
        }
    }
}
