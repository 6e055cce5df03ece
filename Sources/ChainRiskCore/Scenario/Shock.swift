import Foundation

/// A loss of production capacity: where, how much, from when, for how long, and how it recovers.
///
/// Day arithmetic (day 0 = first simulated day): the full `capacityLoss` holds on days `startDay ..< startDay + D`,
/// D = `fullLossDays` (weeks × 7, rounded); capacity then returns over `recoveryDays` days (R) and is fully back
/// from day `recoveredDay` = `startDay + D + R` on. For `.step`, R is 0.
public struct Shock: Sendable, Hashable, Codable {
    /// How lost capacity comes back after the full-loss period.
    public enum Recovery: String, Sendable, Hashable, Codable, CaseIterable {
        /// All capacity returns at once when the full-loss period ends.
        case step
        /// Lost capacity shrinks in equal daily steps: on recovery day k (1…R) the loss is (R + 1 − k)/(R + 1).
        case linear
        /// Lost capacity decays exponentially (rate 3/(R + 1) per day, shifted to reach exactly 0 at day R + 1).
        case exponential
    }

    /// Countries (ISO 3166 alpha-3) or regions of the input-output table hit (`TWN`, `ASIAPAC_OTH`).
    public var regions: [String]
    /// Input-output sectors hit within those regions (`c14`); empty (and no `products`) means every sector.
    public var sectors: [String]
    /// HS product codes hit (any length, matched as prefixes); mapped to sectors for the input-output models.
    public var products: [String]
    /// Fraction of capacity lost, 0…1.
    public var capacityLoss: Double
    /// Day the shock starts (0 = first simulated day).
    public var startDay: Int
    /// Weeks at the full loss before recovery begins.
    public var durationWeeks: Double
    public var recovery: Recovery
    /// Days from the end of the full loss to full capacity (0 for `.step`).
    public var recoveryDays: Int

    public init(
        regions: [String], sectors: [String] = [], products: [String] = [], capacityLoss: Double, startDay: Int = 0,
        durationWeeks: Double, recovery: Recovery = .step, recoveryDays: Int = 0
    ) {
        self.regions = regions
        self.sectors = sectors
        self.products = products
        self.capacityLoss = capacityLoss
        self.startDay = startDay
        self.durationWeeks = durationWeeks
        self.recovery = recovery
        self.recoveryDays = recovery == .step ? 0 : recoveryDays
    }

    /// Days at the full loss: weeks × 7, rounded to whole days.
    public var fullLossDays: Int {
        // Clamped before the conversion, so that no number a user types can trap (2e18 weeks, infinity, NaN).
        let days = (durationWeeks * 7).rounded()
        guard days.isFinite, days > 0 else { return 0 }
        return Int(min(days, Double(Self.maximumWeeks * 7)))
    }

    /// The longest full-loss period a shock may state: 100 years, the longest simulation (36,500 days).
    public static let maximumWeeks = 5_214

    /// The first day on which all capacity is back.
    public var recoveredDay: Int { startDay + fullLossDays + recoveryDays }

    /// Days from the start of the shock to full capacity (the event's time to recover).
    public var timeToRecoverDays: Int { fullLossDays + recoveryDays }

    /// The fraction of the full loss still in force on `day` (1 during the full loss, 0 before and after).
    public func remainingShare(onDay day: Int) -> Double {
        if day < startDay || day >= recoveredDay { return 0 }
        let sinceEnd = day - startDay - fullLossDays
        if sinceEnd < 0 { return 1 }
        let k = Double(sinceEnd + 1)
        let span = Double(recoveryDays + 1)
        switch recovery {
        case .step: return 0
        case .linear: return (span - k) / span
        case .exponential:
            let floor = exp(-3.0)
            return (exp(-3 * k / span) - floor) / (1 - floor)
        }
    }

    /// The capacity lost on `day`: `capacityLoss` × the remaining share.
    public func loss(onDay day: Int) -> Double { capacityLoss * remainingShare(onDay: day) }

    /// Capacity-days lost over the whole shock divided by 365: the shock's share of a year at the full loss.
    public var yearShare: Double {
        var days = Double(fullLossDays)
        if recoveryDays > 0 {
            for day in (startDay + fullLossDays)..<recoveredDay { days += remainingShare(onDay: day) }
        }
        return days / 365
    }
}
