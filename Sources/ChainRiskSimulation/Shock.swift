/// A loss of production capacity: where, how much, from when, for how long, and how it recovers.
public struct Shock: Sendable, Hashable, Codable {
    /// How lost capacity comes back after the shock's duration.
    public enum Recovery: String, Sendable, Hashable, Codable, CaseIterable {
        /// All capacity returns at once when the duration ends.
        case step
        /// Capacity returns in equal daily steps over the recovery period.
        case linear
        /// Lost capacity decays exponentially with the recovery period as its time constant (×3 ≈ 95 % back).
        case exponential
    }

    /// Regions of the input-output table hit (`TWN`, `ASIAPAC_OTH`); empty means none.
    public var regions: [String]
    /// Sectors hit within those regions; empty means every sector of the region.
    public var sectors: [String]
    /// Fraction of capacity lost, 0…1.
    public var capacityLoss: Double
    /// Day the shock starts (0 = first simulated day).
    public var startDay: Int
    /// Weeks at the full loss before recovery begins.
    public var durationWeeks: Double
    public var recovery: Recovery
    /// Days from the end of the full loss to full capacity (ignored for `.step`).
    public var recoveryDays: Int

    public init(
        regions: [String], sectors: [String] = [], capacityLoss: Double, startDay: Int = 0,
        durationWeeks: Double, recovery: Recovery = .linear, recoveryDays: Int = 0
    ) {
        self.regions = regions
        self.sectors = sectors
        self.capacityLoss = capacityLoss
        self.startDay = startDay
        self.durationWeeks = durationWeeks
        self.recovery = recovery
        self.recoveryDays = recoveryDays
    }
}
