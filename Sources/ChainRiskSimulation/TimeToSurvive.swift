public import ChainRiskCore

/// Mitigation and time: how long an industry's stocks last against a shock, with alternative suppliers, compared
/// with the time the hit suppliers need to recover.
///
/// For industry j and input sector s: f = the share of j's purchases of s that the shock takes (Σᵢ∈ₛ Zᵢⱼ·Δᵢ / Σᵢ∈ₛ Zᵢⱼ,
/// Δ at the full loss); other supplier regions replace the substitutable part φ·(1 − HHIₛ) of it (`SupplierSubstitution`,
/// the rule the simulation applies to unmet orders), so the shortfall is g = f·(1 − φ·(1 − HHIₛ)) of normal use.
/// Stocks of nₛⱼ days then last until they fall to where the production function binds: (1 − ψ)·nₛⱼ / g days under
/// Leontief (BoARIO's ψ rule), nₛⱼ / g under partial (only inputs rated critical or important count). Under linear
/// production all stocked inputs pool: Σₛ nₛⱼ·Zₛⱼ / Σₛ gₛ·Zₛⱼ. Time to survive is the shortest of these (∞ when nothing
/// is short); time to recover is the scenario's longest shock span (full loss + recovery). Flag: survive < recover.
public enum TimeToSurvive {
    public struct Row: Sendable, Hashable {
        public var industry: Int
        /// The input that runs out first, with its numbers (nil when no input is short).
        public var criticalInput: String?
        public var lostShare: Double
        public var worldHHI: Double
        /// φ·(1 − HHI): the part of the lost supply other regions replace.
        public var substitutable: Double
        public var shortfall: Double
        public var stockDays: Double
        /// Days the stocks bridge; `.infinity` when no input is short.
        public var timeToSurviveDays: Double
        public var timeToRecoverDays: Int
        public var bridged: Bool { timeToSurviveDays >= Double(timeToRecoverDays) }
    }

    /// How the rule reads the production function: which inputs count and how far their stocks may fall.
    public struct Rule: Sendable {
        public var production: ProductionFunction
        /// Ratings for `.partial` (nil: every input counts).
        public var criticality: InputCriticality?
        public var substitution: SupplierSubstitution
        /// ψ of the Leontief (BoARIO) stock rule.
        public var psi: Double

        public init(
            production: ProductionFunction, criticality: InputCriticality? = nil, substitution: SupplierSubstitution,
            psi: Double = ARIOParameters().psi
        ) {
            self.production = production
            self.criticality = criticality
            self.substitution = substitution
            self.psi = psi
        }

        /// Days of `days` stock that can be drawn before output is held back.
        func usableDays(_ days: Double) -> Double { production == .leontief ? (1 - psi) * days : days }

        /// Whether input `s` can hold back industry `j` at all.
        func counts(input s: Int, user j: Int) -> Bool {
            guard production == .partial, let criticality else { return true }
            return criticality.weight(input: s, user: j) > 0
        }
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
        for (index, label) in table.sectors.enumerated() {
            result[label.region, default: [:]][label.sector, default: 0] += table.grossOutput[index]
        }
        return result
    }

    /// One row per industry in `industries`.
    public static func assess(
        table: InputOutputTable, plan: ShockPlan, inventory: InventoryDays, rule: Rule,
        industries: [Int], inputThreshold: Double = ARIOParameters().inputThreshold
    ) -> [Row] {
        let losses = plan.fullLosses
        let sectorIndex = Dictionary(uniqueKeysWithValues: inventory.inputSectors.enumerated().map { ($1, $0) })
        let recover = plan.scenario.timeToRecoverDays
        let m = inventory.inputSectors.count
        return industries.map { j in
            var bought = [Double](repeating: 0, count: m)
            var lost = [Double](repeating: 0, count: m)
            for i in 0..<table.sectorCount {
                let flow = table.intermediate[i, j]
                guard flow > 0, let s = sectorIndex[table.sectors[i].sector] else { continue }
                bought[s] += flow
                lost[s] += flow * losses[i]
            }
            let output = table.grossOutput[j]
            var candidates: [Row] = []
            for s in 0..<m where bought[s] > 0 && rule.counts(input: s, user: j) {
                guard output <= 0 || bought[s] / output > inputThreshold else { continue }
                let code = inventory.inputSectors[s]
                let share = lost[s] / bought[s]
                let hhi = rule.substitution.worldHHI[code] ?? 1
                let substitutable = rule.substitution.substitutableShare(of: code)
                candidates.append(
                    Row(
                        industry: j, criticalInput: code, lostShare: share, worldHHI: hhi, substitutable: substitutable,
                        shortfall: share * (1 - substitutable), stockDays: inventory.days(input: s, user: j),
                        timeToSurviveDays: .infinity, timeToRecoverDays: recover))
            }
            return rule.production == .linear
                ? pooled(candidates, bought: bought, sectorIndex: sectorIndex, industry: j, recover: recover)
                : shortest(candidates, rule: rule, industry: j, recover: recover)
        }
    }

    /// The input whose usable stock runs out first (Leontief, partial).
    private static func shortest(_ candidates: [Row], rule: Rule, industry: Int, recover: Int) -> Row {
        var best = Row(
            industry: industry, criticalInput: nil, lostShare: 0, worldHHI: 0, substitutable: 0, shortfall: 0,
            stockDays: 0, timeToSurviveDays: .infinity, timeToRecoverDays: recover)
        for var row in candidates where row.shortfall > 0 {
            row.timeToSurviveDays = row.stockDays.isFinite ? rule.usableDays(row.stockDays) / row.shortfall : .infinity
            if row.timeToSurviveDays < best.timeToSurviveDays || best.criticalInput == nil { best = row }
        }
        return best
    }

    /// All stocked inputs pooled (linear): the days the pooled stock lasts against the pooled shortfall, named after
    /// the input with the largest shortfall.
    private static func pooled(
        _ candidates: [Row], bought: [Double], sectorIndex: [String: Int], industry: Int, recover: Int
    ) -> Row {
        var held = 0.0
        var short = 0.0
        var largestShort = 0.0
        var largest: Row?
        for row in candidates where row.stockDays.isFinite {
            guard let s = row.criticalInput.flatMap({ sectorIndex[$0] }) else { continue }
            held += row.stockDays * bought[s]
            short += row.shortfall * bought[s]
            if row.shortfall * bought[s] > largestShort { (largest, largestShort) = (row, row.shortfall * bought[s]) }
        }
        guard var row = largest, short > 0 else {
            return Row(
                industry: industry, criticalInput: nil, lostShare: 0, worldHHI: 0, substitutable: 0, shortfall: 0,
                stockDays: 0, timeToSurviveDays: .infinity, timeToRecoverDays: recover)
        }
        row.timeToSurviveDays = held / short
        return row
    }
}

/// One answer to "do stocks bridge the gap?" for an industry, used by every table of a run.
///
/// A dynamic run answers from its simulation: yes when no stocked input held the industry's production back on any
/// simulated day (under the partial production function only critical inputs can), no otherwise. The analytic time to
/// survive is an estimate beside it; where the two differ, the reason says so instead of hiding either. A static run
/// has no simulation, so its verdict is the estimate, and says so (`basis`).
public struct StocksVerdict: Sendable, Hashable {
    /// What the verdict rests on.
    public enum Basis: String, Sendable, Hashable {
        case simulation, estimate
    }

    public var bridges: Bool
    public var basis: Basis
    /// Simulated days on which an input held production back; nil for an estimate.
    public var shortageDays: Int?
    /// Why, in a few words ("inputs short 51 days in the simulation"), and where the estimate differs from the
    /// simulation; empty when both say yes.
    public var reason: String

    public init(survival: TimeToSurvive.Row, shortageDays: Int?) {
        self.shortageDays = shortageDays
        guard let shortageDays else {
            (bridges, basis) = (survival.bridged, .estimate)
            reason = survival.bridged ? "" : "survive < recover"
            return
        }
        (bridges, basis) = (shortageDays == 0, .simulation)
        switch (bridges, survival.bridged) {
        case (true, true): reason = ""
        case (true, false):
            reason =
                "no input short in the simulation; the estimate (survive < recover) leaves out rationing, switching before stocks run out and restocking"
        case (false, true):
            reason =
                "inputs short \(shortageDays) days in the simulation, although the estimate has stocks outlasting recovery"
        case (false, false): reason = "inputs short \(shortageDays) days in the simulation"
        }
    }
}
