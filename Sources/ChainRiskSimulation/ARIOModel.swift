public import ChainRiskCore
import ChainRiskIO

/// The adaptive regional input-output model (ARIO) in daily steps, following BoARIO's ARIOPsiModel.
///
/// Industries (region × sector) hold stocks of each input *sector* (whatever region supplied it), order from
/// suppliers in proportion to their baseline share weighted by their current capacity ("alt" orders), produce the
/// least of demand, capacity and what their stocks allow, and ration output proportionally among all orders.
/// Each day t:
/// 1. overproduction (t > 1): αᵢ += (αᵐᵃˣ − αᵢ)·sᵢ/τ_α when scarcity sᵢ = (Dᵢ − xᵢ)/Dᵢ > 0, else (αᵇ − αᵢ)/τ_α; α ≥ 1;
/// 2. capacity x̄ᵢ = x⁰ᵢ·(1 − Δᵢ(t))·αᵢ, wanted output x*ᵢ = min(Dᵢ, x̄ᵢ);
/// 3. production xⱼ = x*ⱼ · Φⱼ over stocked inputs s with aₛⱼ above the threshold (S stock, n days, a = input
///    coefficient aggregated over supplying regions). Leontief (BoARIO): Φ = minₛ rₛ with rₛ = min(1, Sₛⱼ /
///    (ψ·nₛⱼ·aₛⱼ·x*ⱼ)), i.e. held back once a stock falls below ψ of its target; partial (Pichler et al. 2022): Φ =
///    minₛ (1 − cₛⱼ·(1 − rₛ)) with rₛ = min(1, Sₛⱼ / (aₛⱼ·x*ⱼ)) — held back only when a stock cannot cover the day's
///    use — and criticality c (1 critical, ½ important, 0 not); linear: Φ = min(1, Σₛ Sₛⱼ / Σₛ aₛⱼ·x*ⱼ). The binding
///    s is the limiting input;
/// 4. rationing: every order Oᵢⱼ and final demand yᵢ is served the same fraction xᵢ/Dᵢ; with substitution share
///    φₛ > 0, φₛ of each unmet order Σᵢ∈ₛ Oᵢⱼ·(1 − xᵢ/Dᵢ) is redirected to industries of sector s with spare
///    capacity (Φᵢ·max(hₜ, αᵢ)·x⁰ᵢ·(1 − Δᵢ) − xᵢ, where the switching headroom hₜ = αᵐᵃˣ − (αᵐᵃˣ − 1)·e^(−t/τ_switch)
///    opens from 1 on the disruption's first day), served in proportion as far as that spare capacity goes, and their output
///    rises by what they deliver; stocks Sₛⱼ = max(0, Sₛⱼ + delivered − aₛⱼ·xⱼ) (the floor binds only for inputs that
///    do not constrain fully: under Leontief a binding stock never falls below (1 − 1/(ψ·n)) of itself in a day);
/// 5. orders for tomorrow: gapₛⱼ = max(0, nₛⱼ·aₛⱼ·x*ⱼ − Sₛⱼ)/τ_INV + aₛⱼ·xⱼ, split over suppliers i ∈ s by Z⁰ᵢⱼ·x̄ᵢ/x⁰ᵢ;
///    Dᵢ = Σⱼ Oᵢⱼ + yᵢ.
/// Flows are the table's annual flows / 365. The baseline output is the row total of Z and Y, so the undisturbed
/// model stays at rest even when the table's own gross output is not balanced; a negative row total (negative
/// inventory changes in a rounded table) counts as zero output, and wanted output is never below 0.
/// - Complexity: per day O(nnz(Z) + sectors × industries); WIOD 2013 (1435 industries, 413k flows): about 1 ms.
public struct ARIOModel: Sendable {
    public let sectors: [IOSectorLabel]
    public let parameters: ARIOParameters
    public let inventory: InventoryDays
    public let production: ProductionFunction
    /// x⁰: daily baseline output (row totals of Z and Y over 365).
    public let baselineOutput: [Double]
    /// y: daily final demand per industry (all categories and regions).
    public let finalDemand: [Double]
    /// vⱼ / xⱼ: value added per unit of output at the baseline, within 0…1.
    public let valueAddedShare: [Double]
    /// Largest relative gap between the table's gross output and the row totals used as baseline.
    public let grossOutputGap: Double

    let flows: SparseColumnMatrix
    /// Row of each stored flow, as 32-bit indices (half the memory the daily loop streams).
    let flowRows: [Int32]
    /// Input-sector index of each industry.
    let sectorOfIndustry: [Int32]
    let inputCount: Int
    /// aₛⱼ at [j * inputCount + s].
    let inputCoefficients: [Double]
    /// cₛⱼ at [j * inputCount + s]: how strictly input s constrains j (1 for every input under Leontief).
    let criticality: [Double]
    /// φₛ per input sector: the share of unmet orders redirected to other regions (all 0 without substitution).
    let substitutionShares: [Double]

    /// Prepares the model; `table` flows are annual. `criticality` applies to `.partial` (nil: every input critical);
    /// `substitution` gives each input sector's redirected share of unmet orders (`.none`: no switching, BoARIO).
    public init(
        table: InputOutputTable, inventory: InventoryDays, parameters: ARIOParameters = ARIOParameters(),
        production: ProductionFunction = .leontief, criticality: InputCriticality? = nil,
        substitution: SupplierSubstitution = .none
    ) {
        sectors = table.sectors
        self.parameters = parameters
        self.inventory = inventory
        self.production = production
        let n = table.sectorCount
        let annualFinalDemand = table.totalFinalDemand
        let rowTotals = zip(table.intermediate.rowSums(), annualFinalDemand).map { $0 + $1 }
        grossOutputGap = zip(rowTotals, table.grossOutput).reduce(0.0) { gap, pair in
            pair.1 == 0 ? gap : max(gap, abs(pair.0 - pair.1) / abs(pair.1))
        }
        baselineOutput = rowTotals.map { max(0, $0) / 365 }
        finalDemand = annualFinalDemand.map { $0 / 365 }
        let inputs = table.intermediate.columnSums()
        // Clamped to 0…1: a row total below the column's inputs (an imbalanced table) would otherwise make value added
        // lost exceed output lost.
        valueAddedShare = (0..<n).map {
            rowTotals[$0] <= 0 ? 0 : min(1, max(0, (rowTotals[$0] - inputs[$0]) / rowTotals[$0]))
        }
        flows = SparseColumnMatrix(table.intermediate, scale: 1.0 / 365)
        inputCount = inventory.inputSectors.count
        var sectorIndex: [String: Int] = [:]
        for (index, code) in inventory.inputSectors.enumerated() { sectorIndex[code] = index }
        let sectorOfIndustry = table.sectors.map { sectorIndex[$0.sector] ?? 0 }
        self.sectorOfIndustry = sectorOfIndustry.map { Int32($0) }
        flowRows = flows.rowIndices.map { Int32($0) }
        var coefficients = [Double](repeating: 0, count: n * inputCount)
        for j in 0..<n where rowTotals[j] != 0 {
            for k in flows.columnStarts[j]..<flows.columnStarts[j + 1] {
                coefficients[j * inputCount + sectorOfIndustry[flows.rowIndices[k]]] +=
                    flows.values[k] / baselineOutput[j]
            }
        }
        inputCoefficients = coefficients
        let m = inputCount
        if production == .partial, let criticality, criticality.inputSectors == inventory.inputSectors,
            criticality.weights.count == n * m
        {
            self.criticality = criticality.weights
        } else {
            self.criticality = [Double](repeating: 1, count: n * m)
        }
        substitutionShares = inventory.inputSectors.map { substitution.substitutableShare(of: $0) }
    }

    /// Whether any input sector's unmet orders are redirected.
    var substitutes: Bool { substitutionShares.contains { $0 > 0 } }

    public var industryCount: Int { sectors.count }

    /// Runs `days` days of `plan`.
    public func run(plan: ShockPlan, days: Int) -> ARIOResult {
        run(days: days) { day, buffer in plan.losses(onDay: day, into: &buffer) }
    }

    /// Runs `days` days; `losses(day, Δ)` fills the capacity lost by each industry on that day.
    public func run(days: Int, losses: (Int, inout [Double]) -> Void) -> ARIOResult {
        var state = ARIOState(model: self)
        var recorder = ARIORecorder(industries: industryCount, days: days)
        var loss = [Double](repeating: 0, count: industryCount)
        for day in 0..<max(days, 0) {
            losses(day, &loss)
            state.step(day: day, loss: loss)
            recorder.record(day: day, state: state, loss: loss)
        }
        return recorder.result(model: self)
    }
}
