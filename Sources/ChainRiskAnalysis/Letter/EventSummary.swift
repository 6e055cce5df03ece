public import ChainRiskCore

/// Totals over a group of disruption events: how many, production sites affected, and duration in weeks.
public struct EventSummary: Sendable, Hashable {
    /// What the events have in common.
    public enum Group: Sendable, Hashable, Comparable {
        case all
        case year(Int)
        case category(CauseCategory)
        /// A country hit (ISO 3166 alpha-3, or the code as the event gave it).
        case region(CountryCode)

        /// A stable token: `all`, `2018`, `natural`, `USA`.
        public var token: String {
            switch self {
            case .all: "all"
            case .year(let year): String(year)
            case .category(let category): category.rawValue
            case .region(let code): code.rawValue
            }
        }
    }

    public let group: Group
    public let eventCount: Int
    /// Sum of production sites affected over the events.
    public let productionSitesAffected: Int
    /// Mean duration in weeks; nil when there are no events.
    public let meanDurationWeeks: Double?
    /// Longest duration in weeks; nil when there are no events.
    public let maxDurationWeeks: Double?
    /// The ids of the events, ascending.
    public let eventIDs: [Int]

    init(group: Group, events: [DisruptionEvent]) {
        self.group = group
        eventCount = events.count
        productionSitesAffected = events.reduce(0) { $0 + $1.productionSitesAffected }
        let durations = events.map(\.durationWeeks)
        meanDurationWeeks = durations.isEmpty ? nil : durations.reduce(0, +) / Double(durations.count)
        maxDurationWeeks = durations.max()
        eventIDs = events.map(\.id).sorted()
    }
}
