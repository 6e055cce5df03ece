public import ChainRiskCore

/// A scenario resolved onto the industries (region × sector) of one input-output table.
///
/// Several shocks on one industry add up, capped at a loss of 1: Δᵢ(t) = min(1, Σₖ lossₖᵢ · remainingₖ(t)).
public struct ShockPlan: Sendable, Hashable {
    /// One industry hit by one shock, with the loss after scaling a country to its region.
    public struct Entry: Sendable, Hashable {
        public var industry: Int
        public var shock: Int
        public var loss: Double
    }

    /// How a stated shock became an industry loss: `TWN c14 30 % × 41.2 % of ASIAPAC_OTH c14 = 12.4 %`.
    public struct Explanation: Sendable, Hashable {
        public var shock: Int
        public var country: String
        public var region: String
        public var sector: String
        public var statedLoss: Double
        /// The country's share of the region's output of the sector (1 when the country is a table region).
        public var outputShare: Double
        public var effectiveLoss: Double
    }

    public let scenario: Scenario
    public let sectors: [IOSectorLabel]
    public let entries: [Entry]
    public let explanations: [Explanation]
    /// What could not be placed (a country outside the table), and how products became sectors.
    public let notes: [String]

    public init(
        scenario: Scenario, sectors: [IOSectorLabel], entries: [Entry], explanations: [Explanation], notes: [String]
    ) {
        self.scenario = scenario
        self.sectors = sectors
        self.entries = entries
        self.explanations = explanations
        self.notes = notes
    }

    /// Δ(t): the capacity lost by every industry on `day`.
    public func losses(onDay day: Int, into buffer: inout [Double]) {
        for index in buffer.indices { buffer[index] = 0 }
        for entry in entries {
            let share = scenario.shocks[entry.shock].remainingShare(onDay: day)
            if share > 0 { buffer[entry.industry] += entry.loss * share }
        }
        for entry in entries where buffer[entry.industry] > 1 { buffer[entry.industry] = 1 }
    }

    /// Δ(t) as a new array.
    public func losses(onDay day: Int) -> [Double] {
        var buffer = [Double](repeating: 0, count: sectors.count)
        losses(onDay: day, into: &buffer)
        return buffer
    }

    /// The loss of each industry while every shock is at its full loss (Σ capped at 1).
    public var fullLosses: [Double] {
        var buffer = [Double](repeating: 0, count: sectors.count)
        for entry in entries { buffer[entry.industry] = min(1, buffer[entry.industry] + entry.loss) }
        return buffer
    }

    /// Each industry's capacity loss in capacity-years: Σₖ lossₖᵢ × (capacity-days lost by shock k)/365, capped per
    /// industry at the scenario's longest span. The static models scale annual flows by this.
    public var annualLosses: [Double] {
        var buffer = [Double](repeating: 0, count: sectors.count)
        for entry in entries { buffer[entry.industry] += entry.loss * scenario.shocks[entry.shock].yearShare }
        let cap = Double(scenario.timeToRecoverDays) / 365
        return buffer.map { min($0, max(cap, 0)) }
    }

    /// True when no industry loses any capacity.
    public var isEmpty: Bool { entries.allSatisfy { $0.loss == 0 } }
}
