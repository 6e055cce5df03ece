public import ChainRiskCore

/// The daily series of an ARIO run and their totals per industry.
///
/// Series are day-major: the value of industry i on day t is at `[t * sectors.count + i]`. Money is per day in the
/// table's unit (annual flows / 365).
public struct ARIOResult: Sendable {
    public let sectors: [IOSectorLabel]
    /// Input sector codes, for naming `limitingInput`.
    public let inputSectors: [String]
    public let days: Int
    /// x⁰: daily baseline output.
    public let baselineOutput: [Double]
    public let valueAddedShare: [Double]
    public let production: [Double]
    /// Final demand not served (rationing).
    public let unmetFinalDemand: [Double]
    /// Days of baseline use left of the scarcest stocked input.
    public let inventoryCover: [Double]
    /// Index into `inputSectors` of the input that held production back, −1 when none did.
    public let limitingInput: [Int32]
    /// Δ: the capacity lost to the shock.
    public let capacityLoss: [Double]

    /// What happened to one industry over the run.
    public struct IndustrySummary: Sendable, Hashable {
        public var industry: Int
        /// x⁰ × days.
        public var baselineOutput: Double
        /// Σₜ max(0, x⁰ − xₜ): output lost on the days below the baseline (≥ 0).
        public var outputLost: Double
        /// Σₜ max(0, xₜ − x⁰): output gained on the days above it (overproduction, orders switched to it; ≥ 0).
        public var outputGained: Double
        /// outputLost × the value-added share of output (0…1), so never more than `outputLost`.
        public var valueAddedLost: Double
        public var valueAddedGained: Double
        /// outputLost / baselineOutput.
        public var lossShare: Double
        /// The day of the lowest production and that production over the baseline.
        public var troughDay: Int
        public var troughLevel: Double
        /// Days producing below 99 % of the baseline, and the first and last of them (nil when none).
        public var daysBelow99: Int
        public var firstDayBelow99: Int?
        public var lastDayBelow99: Int?
        /// Days an input stock held production back.
        public var shortageDays: Int
        /// The input that held production back on the trough day, or most often (nil when none did).
        public var limitingInput: String?
        public var unmetFinalDemand: Double
        /// The capacity the shock took on its worst day.
        public var peakCapacityLoss: Double
    }

    /// Totals for industry `i`.
    public func summary(industry i: Int) -> IndustrySummary {
        let n = sectors.count
        let base = baselineOutput[i]
        var lost = 0.0
        var gained = 0.0
        var trough = Double.infinity
        var troughDay = 0
        var below = 0
        var first: Int?
        var last: Int?
        var shortage = 0
        var unmet = 0.0
        var peak = 0.0
        var counts: [Int32: Int] = [:]
        for day in 0..<days {
            let value = production[day * n + i]
            if value < base { lost += base - value } else { gained += value - base }
            let level = base > 0 ? value / base : 1
            if level < trough {
                trough = level
                troughDay = day
            }
            if level < 0.99 {
                below += 1
                if first == nil { first = day }
                last = day
            }
            let limiting = limitingInput[day * n + i]
            if limiting >= 0 {
                shortage += 1
                counts[limiting, default: 0] += 1
            }
            unmet += unmetFinalDemand[day * n + i]
            peak = max(peak, capacityLoss[day * n + i])
        }
        var limitingName: String?
        if days > 0 {
            let atTrough = limitingInput[troughDay * n + i]
            let chosen = atTrough >= 0 ? atTrough : counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
            limitingName = chosen.map { inputSectors[Int($0)] }
        }
        let total = base * Double(days)
        return IndustrySummary(
            industry: i, baselineOutput: total, outputLost: lost, outputGained: gained,
            valueAddedLost: lost * valueAddedShare[i], valueAddedGained: gained * valueAddedShare[i],
            lossShare: total > 0 ? lost / total : 0, troughDay: troughDay, troughLevel: days > 0 ? trough : 1,
            daysBelow99: below, firstDayBelow99: first, lastDayBelow99: last, shortageDays: shortage,
            limitingInput: limitingName, unmetFinalDemand: unmet, peakCapacityLoss: peak)
    }

    /// Production of industry `i` over the days.
    public func productionSeries(industry i: Int) -> [Double] {
        (0..<days).map { production[$0 * sectors.count + i] }
    }

    /// Losses and gains summed over industries (each industry's days below and above its baseline apart).
    public struct Totals: Sendable, Hashable {
        public var outputLost = 0.0
        public var outputGained = 0.0
        public var valueAddedLost = 0.0
        public var valueAddedGained = 0.0
        /// Σₜ Σᵢ x⁰ᵢ·Δᵢ(t): the output the shock itself took, before any propagation.
        public var directLoss = 0.0
    }

    /// Totals over `industries` (all when nil), summed in industry order so the result is the same on every run.
    public func totals(industries: [Int]? = nil) -> Totals {
        var totals = Totals()
        for i in industries ?? Array(sectors.indices) {
            var lost = 0.0
            var gained = 0.0
            var direct = 0.0
            for day in 0..<days {
                let at = day * sectors.count + i
                let value = production[at]
                let base = baselineOutput[i]
                if value < base { lost += base - value } else { gained += value - base }
                direct += base * capacityLoss[at]
            }
            totals.outputLost += lost
            totals.outputGained += gained
            totals.valueAddedLost += lost * valueAddedShare[i]
            totals.valueAddedGained += gained * valueAddedShare[i]
            totals.directLoss += direct
        }
        return totals
    }
}
