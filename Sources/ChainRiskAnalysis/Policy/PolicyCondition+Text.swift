import ChainRiskCore

extension PolicyCondition {
    /// The condition in words, for printing a rule next to its recommendations.
    ///
    /// `english` picks the language; `groups` gives sector-group names (ids print where a group is unknown).
    func text(english: Bool, groups: [String: SectorGroup]) -> String {
        func pick(_ en: String, _ nl: String) -> String { english ? en : nl }
        func list(_ items: [String]) -> String {
            guard items.count > 1, let last = items.last else { return items.first ?? "" }
            return items.dropLast().joined(separator: ", ") + pick(" or ", " of ") + last
        }
        var parts: [String] = []
        if let importClass {
            parts.append(pick("imports ", "invoer ") + list(importClass.map { english ? $0.nameEN : $0.nameNL }))
        }
        if let worldMarket {
            if worldMarket == [.notChecked] {
                parts.append(pick(WorldMarketStatus.notChecked.nameEN, WorldMarketStatus.notChecked.nameNL))
            } else {
                let names = worldMarket.map { status in
                    status == .notChecked
                        ? pick("not checked", "niet onderzocht") : (english ? status.nameEN : status.nameNL)
                }
                parts.append(pick("world market: ", "wereldmarkt: ") + list(names))
            }
        }
        if let importValueAbove {
            let amounts = importValueAbove.map { threshold in
                let money = CitedFigure.money(threshold.value, unit: threshold.unit)
                return english ? money.en : money.nl
            }
            parts.append(pick("imports above ", "invoer boven ") + list(amounts))
        }
        if let euDependent {
            parts.append(
                euDependent
                    ? pick("dependent under the EC 2021 criteria", "afhankelijk volgens de EC-criteria van 2021")
                    : pick(
                        "not dependent under the EC 2021 criteria", "niet afhankelijk volgens de EC-criteria van 2021"))
        }
        if let geoDepPersistent {
            parts.append(
                geoDepPersistent
                    ? pick("a persistent GeoDep dependency", "een aanhoudende GeoDep-afhankelijkheid")
                    : pick("no persistent GeoDep dependency", "geen aanhoudende GeoDep-afhankelijkheid"))
        }
        if let riskBand {
            let bands = list(riskBand.bands.map { english ? $0.nameEN : $0.nameNL })
            let factors = list(riskBand.factors.map { (english ? $0.nameEN : $0.nameNL).lowercased() })
            parts.append(pick("\(bands) on \(factors)", "\(bands) op \(factors)"))
        }
        if let measuredBand {
            let bands = list(measuredBand.bands.map { english ? $0.nameEN : $0.nameNL })
            let factors = list(measuredBand.factors.map { (english ? $0.nameEN : $0.nameNL).lowercased() })
            parts.append(pick("\(bands) on measured \(factors)", "\(bands) op gemeten \(factors)"))
        }
        if let sectorGroups {
            let names = sectorGroups.map { id in groups[id].map { english ? $0.nameEN : $0.nameNL } ?? id }
            parts.append(pick("a ", "een ") + list(names))
        }
        if let particularImportance {
            parts.append(
                particularImportance
                    ? pick("of particular importance", "van bijzonder belang")
                    : pick("not of particular importance", "niet van bijzonder belang"))
        }
        if let importanceRankAtMost {
            parts.append(
                pick(
                    "importance rank at most \(importanceRankAtMost)",
                    "rang naar belang hoogstens \(importanceRankAtMost)"))
        }
        if let any {
            let branches = any.map { $0.text(english: english, groups: groups) }
            parts.append("(" + branches.joined(separator: pick(") or (", ") of (")) + ")")
        }
        return parts.joined(separator: pick(" and ", " en "))
    }
}

extension PolicyRuleSet {
    /// A rule's condition in English, e.g. `imports highly concentrated and world market: alternative suppliers available`.
    public func conditionEN(_ rule: PolicyRule) -> String { rule.condition.text(english: true, groups: groupsByID) }

    /// A rule's condition in Dutch.
    public func conditionNL(_ rule: PolicyRule) -> String { rule.condition.text(english: false, groups: groupsByID) }

    private var groupsByID: [String: SectorGroup] {
        Dictionary(sectorGroups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
