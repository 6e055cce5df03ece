/// A disruption scenario: one or more shocks, named, with where they came from.
public struct Scenario: Sendable, Hashable, Codable {
    /// What the scenario is (`2018-02 Earthquake (TWN)`).
    public var name: String
    /// Where the shocks came from: `event 2`, `--shock flags`, or a file name.
    public var source: String
    public var shocks: [Shock]
    /// Assumptions made in building the scenario (default sectors, default loss), shown with the results.
    public var assumptions: [String]

    public init(name: String, source: String, shocks: [Shock], assumptions: [String] = []) {
        self.name = name
        self.source = source
        self.shocks = shocks
        self.assumptions = assumptions
    }

    /// The longest time to recover of its shocks, from the first simulated day (start + full loss + recovery).
    public var recoveredDay: Int { shocks.map(\.recoveredDay).max() ?? 0 }

    /// The longest time to recover of its shocks, from each shock's own start.
    public var timeToRecoverDays: Int { shocks.map(\.timeToRecoverDays).max() ?? 0 }

    /// The same scenario with every capacity loss multiplied by `factor` (capped at 1), for sensitivity runs.
    public func scaled(by factor: Double) -> Scenario {
        var copy = self
        copy.shocks = shocks.map { shock in
            var scaled = shock
            scaled.capacityLoss = min(1, max(0, shock.capacityLoss * factor))
            return scaled
        }
        return copy
    }
}
