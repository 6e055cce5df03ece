public import ChainRiskAnalysis
public import ChainRiskCore

/// Tables of a `VulnerabilityAssessment` for the `sectors`, `events` and `options` commands.
public struct AssessmentTables: Sendable {
    public let assessment: VulnerabilityAssessment
    public let language: Language

    public init(assessment: VulnerabilityAssessment, language: Language) {
        self.assessment = assessment
        self.language = language
    }

    private func label(_ en: String, _ nl: String) -> String { language.pick(en: en, nl: nl) }

    /// Sectors with rank and band per risk factor, importance and its rank; sorted by importance or by one factor.
    public func sectors(sortedBy factor: RiskFactor?) -> DataTable {
        let vulnerability = assessment.sectors
        let order = factor.map { vulnerability.byRank(on: $0) } ?? vulnerability.byImportance()
        let diagnoses = Dictionary(
            vulnerability.diagnoses().map { ($0.sector.id, $0) }, uniquingKeysWith: { first, _ in first })
        var columns = [DataTable.Column("sector", title: label("Sector", "Sector"))]
        for factor in RiskFactor.allCases {
            columns.append(
                DataTable.Column(
                    factor.rawValue, title: language == .en ? factor.nameEN : factor.nameNL, alignment: .right))
            columns.append(DataTable.Column(factor.rawValue + "_band", title: label("band", "kleur")))
        }
        columns += [
            DataTable.Column("imports", title: label("Imports (EUR mln)", "Invoer (mln euro)"), alignment: .right),
            DataTable.Column(
                "exports_own_make", title: label("Exports own make (EUR mln)", "Uitvoer eigen makelij (mln euro)"),
                alignment: .right),
            DataTable.Column("importance", title: label("Imports + exports", "Invoer + uitvoer"), alignment: .right),
            DataTable.Column("importance_rank", title: label("Importance rank", "Rang belang"), alignment: .right),
            DataTable.Column("particular_importance", title: label("Particular importance", "Bijzonder belang")),
        ]
        let rows: [[DataTable.Cell]] = order.map { profile in
            let diagnosis = diagnoses[profile.sector.id]
            var cells: [DataTable.Cell] = [.text(language == .en ? profile.sector.nameEN : profile.sector.nameNL)]
            for factor in RiskFactor.allCases {
                let rank = profile.rank(factor)
                cells.append(rank == Int.max ? .empty : .integer(rank))
                cells.append(vulnerability.band(of: profile, on: factor).map { .text($0.rawValue) } ?? .empty)
            }
            let noData = label("no data", "geen data")
            cells += [
                .number(profile.imports, decimals: 0, noData: noData),
                .number(profile.exportsOfOwnMake, decimals: 0, noData: noData),
                .number(profile.importance, decimals: 0, noData: noData),
                diagnosis.map { .integer($0.importanceRank) } ?? .empty,
                .text(diagnosis?.isOfParticularImportance == true ? label("yes", "ja") : label("no", "nee")),
            ]
            return cells
        }
        return DataTable(
            title: label(
                "Sector vulnerability (1 = most sensitive; bands 1-5 orange, 6-10 yellow, 11+ green)",
                "Kwetsbaarheid per sector (1 = meest gevoelig; 1-5 oranje, 6-10 geel, 11+ groen)"), columns: columns,
            rows: rows)
    }

    /// The event catalogue, one row per event.
    public func events() -> DataTable {
        DataTable(
            title: label("Disruption events", "Verstoringen"),
            columns: [
                DataTable.Column("id", title: "#", alignment: .right),
                DataTable.Column("event", title: label("Event", "Gebeurtenis")),
                DataTable.Column("category", title: label("Cause", "Oorzaak")),
                DataTable.Column("start", title: label("Start", "Begin")),
                DataTable.Column("regions", title: label("Countries", "Landen")),
                DataTable.Column(
                    "production_sites_affected", title: label("Sites affected", "Locaties geraakt"), alignment: .right),
                DataTable.Column("duration_weeks", title: label("Weeks", "Weken"), alignment: .right),
                DataTable.Column("source", title: label("Source", "Bron")),
            ],
            rows: assessment.events.events.map { event in
                [
                    .integer(event.id), .text(language == .en ? event.nameEN : event.nameNL),
                    .text(event.category.rawValue), .text(event.start),
                    .text(event.regions.map(\.rawValue).joined(separator: " ")),
                    .integer(event.productionSitesAffected),
                    .number(event.durationWeeks, decimals: 0),
                    .text(assessment.events.isBuiltIn(event) ? "letter" : "user"),
                ]
            }
        )
    }

    /// Event summaries grouped by `year`, `category` or `region`.
    public func eventSummaries(by grouping: String) -> DataTable {
        let summaries: [EventSummary]
        switch grouping {
        case "year": summaries = assessment.events.byYear()
        case "region": summaries = assessment.events.byRegion()
        default: summaries = assessment.events.byCategory()
        }
        return DataTable(
            title: label("Events by \(grouping)", "Gebeurtenissen per \(grouping)"),
            columns: [
                DataTable.Column("group", title: label("Group", "Groep")),
                DataTable.Column("events", title: label("Events", "Aantal"), alignment: .right),
                DataTable.Column(
                    "production_sites_affected", title: label("Sites affected", "Locaties geraakt"), alignment: .right),
                DataTable.Column("mean_duration_weeks", title: label("Mean weeks", "Gem. weken"), alignment: .right),
                DataTable.Column("max_duration_weeks", title: label("Max weeks", "Max. weken"), alignment: .right),
            ],
            rows: summaries.map { summary in
                [
                    .text(summary.group.token), .integer(summary.eventCount), .integer(summary.productionSitesAffected),
                    summary.meanDurationWeeks.map { .number($0, decimals: 1) } ?? .empty,
                    summary.maxDurationWeeks.map { .number($0, decimals: 0) } ?? .empty,
                ]
            }
        )
    }

    /// The policy options with the rule and the numbers behind each.
    public func policyOptions() -> DataTable {
        Self.policyOptionsTable(assessment.policyOptions, language: language)
    }

    /// The policy options as a brief: one row per option with who acts, what it applies to and the strongest figure
    /// behind it (the largest trade value among its subjects' evidence); `policyOptions()` keeps the evidence rule by
    /// rule and subject by subject.
    public func policyBrief(namedSubjects: Int = 5) -> DataTable {
        func label(_ en: String, _ nl: String) -> String { language.pick(en: en, nl: nl) }
        var order: [String] = []
        var byOption: [String: [PolicyRecommendation]] = [:]
        for item in assessment.policyOptions {
            if byOption[item.option.id] == nil { order.append(item.option.id) }
            byOption[item.option.id, default: []].append(item)
        }
        let rows: [[DataTable.Cell]] = order.compactMap { id in
            guard let items = byOption[id], let first = items.first else { return nil }
            var seen: Set<PolicySubject> = []
            let subjects = items.map(\.subject).filter { seen.insert($0).inserted }
            let names = subjects.prefix(namedSubjects).map { language == .en ? $0.nameEN : $0.nameNL }
            let rest = subjects.count - names.count
            let appliesTo =
                names.joined(separator: ", ") + (rest > 0 ? label(" and \(rest) more", " en \(rest) meer") : "")
            let strongest = items.max { Self.size($0) < Self.size($1) } ?? first
            let subject = language == .en ? strongest.subject.nameEN : strongest.subject.nameNL
            return [
                .text(language == .en ? first.option.titleEN : first.option.titleNL),
                .text(language == .en ? first.option.actor.nameEN : first.option.actor.nameNL),
                .integer(subjects.count), .text(appliesTo),
                .text("\(subject): " + (language == .en ? strongest.evidenceEN : strongest.evidenceNL)),
            ]
        }
        return DataTable(
            title: label("Policy options", "Handelingsperspectieven"),
            columns: [
                DataTable.Column("option", title: label("Option", "Handelingsperspectief")),
                DataTable.Column("actor", title: label("Who", "Wie")),
                DataTable.Column("subjects", title: label("Subjects", "Onderwerpen"), alignment: .right),
                DataTable.Column("applies_to", title: label("Applies to", "Geldt voor")),
                DataTable.Column(
                    "strongest_figure", title: label("Strongest figure behind it", "Sterkste cijfer erachter")),
            ],
            rows: rows)
    }

    /// The largest trade value a recommendation cites (imports or importance), 0 without one.
    private static func size(_ item: PolicyRecommendation) -> Double {
        item.figures.filter { $0.unit != nil }.compactMap(\.value).max() ?? 0
    }

    /// The given recommendations (e.g. those for one product) as the policy-options table.
    public static func policyOptionsTable(_ recommendations: [PolicyRecommendation], language: Language) -> DataTable {
        func label(_ en: String, _ nl: String) -> String { language.pick(en: en, nl: nl) }
        return DataTable(
            title: label("Policy options", "Handelingsperspectieven"),
            columns: [
                DataTable.Column("subject", title: label("Product or sector", "Product of sector")),
                DataTable.Column("option", title: label("Option", "Handelingsperspectief")),
                DataTable.Column("actor", title: label("Who", "Wie")),
                DataTable.Column("rule", title: label("Rule", "Regel")),
                DataTable.Column("evidence", title: label("Numbers behind it", "Onderbouwing")),
            ],
            rows: recommendations.map { item in
                [
                    .text(language == .en ? item.subject.nameEN : item.subject.nameNL),
                    .text(language == .en ? item.option.titleEN : item.option.titleNL),
                    .text(language == .en ? item.option.actor.nameEN : item.option.actor.nameNL),
                    .coded(item.ruleID, text: language == .en ? item.ruleTitleEN : item.ruleTitleNL),
                    .text(language == .en ? item.evidenceEN : item.evidenceNL),
                ]
            }
        )
    }
}
