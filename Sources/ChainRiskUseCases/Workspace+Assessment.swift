public import ChainRiskAnalysis
public import ChainRiskCore
import ChainRiskIngest
public import ChainRiskReport
import Foundation

/// How the sectors of Table 2 are ordered: by importance (imports + exports) or by one risk factor's rank.
public enum SectorOrder: Sendable, Hashable {
    case importance
    case risk(RiskFactor)

    /// `importance` or a risk factor's name (`trade_dispute`, `trade-dispute`); nil for anything else.
    public init?(token: String) {
        if token == "importance" {
            self = .importance
        } else if let factor = RiskFactor(rawValue: token.replacingOccurrences(of: "-", with: "_")) {
            self = .risk(factor)
        } else {
            return nil
        }
    }

    /// The words `init(token:)` accepts, for messages and documentation.
    public static var tokens: [String] { ["importance"] + RiskFactor.allCases.map(\.rawValue) }

    var factor: RiskFactor? {
        if case .risk(let factor) = self { return factor }
        return nil
    }
}

/// How events are summarised.
public enum EventGrouping: String, CaseIterable, Sendable, Hashable {
    case category, year, region
}

/// A request for Table 2: sector vulnerability per risk factor, optionally re-ranked from another nomenclature.
public struct SectorsRequest: Sendable, Hashable {
    public var order: SectorOrder = .importance
    /// A CSV of scores per source value chain and a CSV mapping those chains onto sectors (together or neither).
    public var sourceScores: String?
    public var sourceMapping: String?
    public var ties: TieConvention = .dense
    public var language: Language = .en

    public init() {}
}

extension Workspace {
    /// Table 2 with bands and importance (and the source chains without a sector when re-ranking).
    public func sectors(_ request: SectorsRequest) throws -> TableSet {
        var letter = try letter()
        var assessment = try letterAssessment()
        var tables: [(key: String, table: DataTable)] = []
        switch (request.sourceScores, request.sourceMapping) {
        case (let scores?, let mapping?):
            let links = try SourceRankingFiles.links(InputFile(path: mapping), sectors: letter.sectors.map(\.sector))
                .map {
                    SectorReranking.Link(sourceChain: $0.chain, sector: $0.sector, weight: $0.weight)
                }
            let result = SectorReranking(ties: request.ties).rerank(
                scores: try SourceRankingFiles.scores(InputFile(path: scores)), links: links)
            letter = letter.replacingSectors(result.applying(to: letter.sectors))
            assessment = try VulnerabilityAssessment(letter: letter, engine: try policyEngine())
            if !result.unmappedChains.isEmpty {
                tables.append(
                    (
                        "unmapped_chains",
                        DataTable(
                            title: "Source chains without a sector",
                            columns: [DataTable.Column("chain", title: "Chain")],
                            rows: result.unmappedChains.map { [.text($0)] })
                    ))
            }
        case (nil, nil): break
        default: throw RequestError("source-scores", "--source-scores and --source-mapping go together")
        }
        let sectors = AssessmentTables(assessment: assessment, language: request.language).sectors(
            sortedBy: request.order.factor)
        return TableSet([("sectors", sectors)] + tables, provenance: letterProvenance(letter), textWidth: 60)
    }

    /// Table 1 and the further events of `eventsFile`, with their summary.
    public func events(file eventsFile: String? = nil, by grouping: EventGrouping = .category, language: Language = .en)
        throws -> TableSet
    {
        let letter = try letter()
        var inputs: [Provenance.Input] = []
        let user = try userEvents(eventsFile, inputs: &inputs)
        let assessment =
            user.isEmpty
            ? try letterAssessment()
            : try VulnerabilityAssessment(letter: letter, userEvents: user, engine: try policyEngine())
        let tables = AssessmentTables(assessment: assessment, language: language)
        return TableSet(
            [("events", tables.events()), ("summary", tables.eventSummaries(by: grouping.rawValue))],
            provenance: letterProvenance(letter), textWidth: 60)
    }

    /// The policy options each diagnosis of the letter leads to, with the rule and numbers behind it.
    public func policyOptions(language: Language = .en) throws -> TableSet {
        let options = AssessmentTables(assessment: try letterAssessment(), language: language).policyOptions()
        return TableSet([("policy_options", options)], provenance: letterProvenance(try letter()), textWidth: 60)
    }

    /// The provenance of figures from the built-in letter alone.
    public func letterProvenance(_ letter: LetterDataset) -> Provenance {
        Provenance(inputs: [.builtIn(letter)], settings: [:])
    }
}
