public import ChainRiskCore
import ChainRiskIO

/// The static input-output models that spread a scenario's loss through a table in one step (annual flows).
///
/// Each turns the plan's annual capacity loss aᵢ (capacity-years lost, `ShockPlan.annualLosses`) into an input:
/// - Leontief (demand-driven, x = L·y): the hit industries' final buyers forgo aᵢ of their purchases,
///   Δy = a ∘ y; output lost Δx = (I − A)⁻¹ · Δy (suppliers upstream lose sales).
/// - Ghosh (supply-driven, xᵀ = vᵀ·G): the hit industries lose aᵢ of their primary inputs, Δv = a ∘ v; output lost
///   Δxᵀ = Δvᵀ · (I − B)⁻¹ (customers downstream lose supplies).
/// - Inoperability (Santos & Haimes 2004): q = (I − A*)⁻¹ · c*, A* = diag(x)⁻¹ · A · diag(x), with the direct
///   inoperability c* = a; output lost = q ∘ x. A* equals the Ghosh allocation matrix B (Z over row output), so
///   q ∘ x = (I − A)⁻¹ · (c* ∘ x): the Leontief relation with a demand loss of c* ∘ x.
public enum StaticPropagation {
    public enum Model: String, Sendable, CaseIterable {
        case leontief, ghosh, iim
    }

    /// Output lost per industry, with what went in.
    public struct Result: Sendable, Hashable {
        public var model: Model
        /// x: baseline gross output per year.
        public var baselineOutput: [Double]
        /// The shock as the model takes it: Δy (Leontief), Δv (Ghosh) or c* (IIM), per industry.
        public var directShock: [Double]
        /// Output lost per industry over the year (positive = loss).
        public var outputLoss: [Double]
        /// Value added lost: output lost × vⱼ/xⱼ.
        public var valueAddedLoss: [Double]
        /// q: inoperability (output lost / output); for every model.
        public var inoperability: [Double]
    }

    /// Runs `model` for `plan` on `table`; throws when I − A (or I − B) cannot be factorised.
    public static func run(_ model: Model, table: InputOutputTable, plan: ShockPlan) throws(IOError) -> Result {
        let n = table.sectorCount
        let a = plan.annualLosses
        let x = table.grossOutput
        let v = table.valueAdded
        let shock: [Double]
        let loss: [Double]
        switch model {
        case .leontief:
            let y = table.totalFinalDemand
            shock = (0..<n).map { a[$0] * y[$0] }
            loss = try LeontiefModel(table: table).output(for: shock)
        case .ghosh:
            shock = (0..<n).map { a[$0] * v[$0] }
            loss = try GhoshModel(table: table).output(forPrimaryInputs: shock)
        case .iim:
            shock = a
            let q = try GhoshModel(table: table).columnSolve(shock)
            loss = (0..<n).map { q[$0] * x[$0] }
        }
        let valueAdded = (0..<n).map { x[$0] == 0 ? 0 : loss[$0] * v[$0] / x[$0] }
        let inoperability = (0..<n).map { x[$0] == 0 ? 0 : loss[$0] / x[$0] }
        return Result(
            model: model, baselineOutput: x, directShock: shock, outputLoss: loss, valueAddedLoss: valueAdded,
            inoperability: inoperability)
    }
}
