public import ChainRiskAnalysis
import ChainRiskCore
public import ChainRiskReport

/// A request for import (or export) concentration per product: the letter's Tables 4 and 5 from any trade data.
public struct ConcentrationRequest: Sendable, Hashable {
    /// The flows to analyse.
    public var source: FlowSource
    /// Thresholds, flow, level and the filters (reporter, year, product, class, value, top, relevance).
    public var query: ConcentrationQuery
    /// List products whose class differs between the threshold presets.
    public var sensitivity = false
    /// For each product, finer products that are more concentrated (needs `query.level`).
    public var drill = false
    /// HHI per year, change and persistence of high concentration.
    public var trend = false
    /// World exports for the world-market check (Table 5).
    public var world: FlowSource?
    /// Dependency criteria to evaluate.
    public var criteria: Set<DependencyCriterion> = []
    /// A CSV of country-risk scores (`iso3,score`) for risk-weighted concentration.
    public var riskScores: String?
    public var language: Language = .en
    /// At most this many rows (the server's page limit), named in the provenance when it cuts; nil for all.
    public var limit: Int?

    public init(source: FlowSource, query: ConcentrationQuery) {
        self.source = source
        self.query = query
    }
}

/// The dependency criteria `concentration --criteria` evaluates.
public enum DependencyCriterion: String, CaseIterable, Sendable, Hashable, Comparable {
    /// The European Commission's strategic-dependency criteria (2021).
    case ec2021
    /// CEPII's GeoDep criteria (needs world exports).
    case geodep

    public static func < (lhs: DependencyCriterion, rhs: DependencyCriterion) -> Bool { lhs.rawValue < rhs.rawValue }
}
