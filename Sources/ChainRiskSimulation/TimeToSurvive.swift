import ChainRiskCore

/// Mitigation and time: how long an industry's stocks last against a shock, with alternative suppliers, compared
/// with the time the hit suppliers need to recover.
///
/// For industry j and input sector s: f = the share of j's purchases of s that the shock takes (Σᵢ∈ₛ Zᵢⱼ·Δᵢ / Σᵢ∈ₛ Zᵢⱼ,
/// Δ at the full loss); alternative suppliers replace the substitutable share σₛ = 1 − HHIₛ of it, where HHIₛ is the
/// Herfindahl index of world output of s over countries (or table regions when country outputs are not known), so
/// the shortfall is g = f·HHIₛ of normal use. Stocks of nₛⱼ days then last nₛⱼ / g days. Time to survive is the
/// shortest of these over j's inputs (∞ when nothing is short); a stock-less input (n ≤ 2) survives 2/g days.
/// Time to recover is the scenario's longest shock span (full loss + recovery). Flag: survive < recover.
public enum TimeToSurvive {
    public struct Row: Sendable, Hashable {
        public var industry: Int
        /// The input that runs out first, with its numbers (nil when no input is short).
        public var criticalInput: String?
        public var lostShare: Double
        public var worldHHI: Double
        public var shortfall: Double
        public var stockDays: Double
        /// Days the stocks bridge; `.infinity` when no input is short.
        public var timeToSurviveDays: Double
        public var timeToRecoverDays: Int
        public var bridged: Bool { timeToSurviveDays >= Double(timeToRecoverDays) }
    }

    /// HHI of world output per sector code, from gross output per place (country or region) and sector; places are
    /// summed in sorted order so the result is the same on every run.
    public static func worldHHI(outputByPlace: [String: [String: Double]]) -> [String: Double] {
        let places = outputByPlace.keys.sorted()
        var totals: [String: Double] = [:]
        for place in places {
            for (sector, value) in outputByPlace[place] ?? [:] where value > 0 { totals[sector, default: 0] += value }
        }
        var hhi: [String: Double] = [:]
        for place in places {
            for (sector, value) in outputByPlace[place] ?? [:] where value > 0 {
                guard let total = totals[sector], total > 0 else { continue }
                hhi[sector, default: 0] += (value / total) * (value / total)
            }
        }
        return hhi
    }

    /// Output per table region and sector, for `worldHHI` when no country outputs are known.
    public static func outputByRegion(_ table: InputOutputTable) -> [String: [String: Double]] {
        var result: [String: [String: Double]] = [:]
        for (index, label) in table.sectors.enumerated() { result[label.region, default: [:]][label.sector, default: 0] += table.grossOutput[index] }
        return result
    }

    /// One row per industry in `industries`.
    public static func assess(
        table: InputOutputTable, plan: ShockPlan, inventory: InventoryDays, worldHHI: [String: Double],
        industries: [Int], inputThreshold: Double = ARIOParameters().inputThreshold
    ) -> [Row] {
        let losses = plan.fullLosses
        let sectorIndex = Dictionary(uniqueKeysWithValues: inventory.inputSectors.enumerated().map { ($1, $0) })
        let recover = plan.scenario.timeToRecoverDays
        let m = inventory.inputSectors.count
        return industries.map { j in
            var bought = [Double](repeating: 0, count: m), lost = [Double](repeating: 0, count: m)
            for i in 0..<table.sectorCount {
                let flow = table.intermediate[i, j]
                guard flow > 0, let s = sectorIndex[table.sectors[i].sector] else { continue }
                bought[s] += flow
                lost[s] += flow * losses[i]
            }
            var best = Row(industry: j, criticalInput: nil, lostShare: 0, worldHHI: 0, shortfall: 0, stockDays: 0,
                           timeToSurviveDays: .infinity, timeToRecoverDays: recover)
            let output = table.grossOutput[j]
            for s in 0..<m where bought[s] > 0 && lost[s] > 0 {
                guard output <= 0 || bought[s] / output > inputThreshold else { continue }
                let share = lost[s] / bought[s]
                let hhi = worldHHI[inventory.inputSectors[s]] ?? 1
                let shortfall = share * hhi
                let days = inventory.days(input: s, user: j)
                let survive = days.isFinite ? days / shortfall : .infinity
                if survive < best.timeToSurviveDays || best.criticalInput == nil {
                    best = Row(industry: j, criticalInput: inventory.inputSectors[s], lostShare: share, worldHHI: hhi,
                               shortfall: shortfall, stockDays: days, timeToSurviveDays: survive, timeToRecoverDays: recover)
                }
            }
            return best
        }
    }
}
