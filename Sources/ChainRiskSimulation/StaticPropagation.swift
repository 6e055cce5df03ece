public import ChainRiskCore
import ChainRiskIO

/// The static input-output models that spread a scenario's loss through a table in one step (annual flows).
///
/// A supply shock (the default) is capacity lost in the hit industries, aᵢ capacity-years (`ShockPlan.annualLosses`).
/// It is removed as output first, d = a ∘ x (hypothetical partial extraction), and then propagated:
/// - upstream, the lost orders of the hit industries' suppliers through every tier: u = (I − A)⁻¹ · A · d;
/// - downstream, the lost inputs of their buyers through every tier: wᵀ = dᵀ · B · (I − B)⁻¹, B = diag(x)⁻¹ · Z.
/// Leontief (demand-driven) carries the upstream part, Ghosh (supply-driven) the downstream part; the world loss of
/// either is d plus its part, so it is never below the direct loss. The inoperability model (Santos & Haimes 2004),
/// q = (I − A*)⁻¹ · c* with c* = a and A* = diag(x)⁻¹ · A · diag(x) (= B), is solved on its own and equals Leontief:
/// q ∘ x = (I − A)⁻¹ · (a ∘ x), the same accounting in shares of output.
///
/// A demand shock (`ShockKind.demand`) is final demand lost instead, Δy = a ∘ y, and keeps the Leontief meaning:
/// Δx = (I − A)⁻¹ · Δy, of which Δy is the direct part. The Ghosh model has no final-demand side and does not take it.
public enum StaticPropagation {
    public enum Model: String, Sendable, CaseIterable {
        case leontief, ghosh, iim

        /// Whether the model takes a demand shock (Ghosh is supply-driven only).
        public var takesDemandShock: Bool { self != .ghosh }
    }

    /// What the shock removes: capacity of the hit industries (supply) or final demand for their output (demand).
    public enum ShockKind: String, Sendable, CaseIterable {
        case supply, demand
    }

    /// Output lost per industry, split into the direct, upstream and downstream parts.
    public struct Result: Sendable, Hashable {
        public var model: Model
        public var kind: ShockKind
        /// x: baseline gross output per year.
        public var baselineOutput: [Double]
        /// What the shock removes itself: lost output a ∘ x (supply) or lost final demand a ∘ y (demand).
        public var directLoss: [Double]
        /// Output suppliers lose because the hit industries (and their suppliers, every tier) buy less.
        public var upstreamLoss: [Double]
        /// Output buyers lose because the hit industries (and their suppliers, every tier) deliver less.
        public var downstreamLoss: [Double]
        /// Output lost per industry over the year (positive = loss): direct + upstream + downstream.
        public var outputLoss: [Double]
        /// Value added lost: output lost × vⱼ/xⱼ.
        public var valueAddedLoss: [Double]
        /// q: inoperability (output lost / output); for every model.
        public var inoperability: [Double]

        /// One part (e.g. `\.upstreamLoss`) summed over `industries` (all when nil), in index order.
        public func total(_ part: KeyPath<Result, [Double]>, over industries: [Int]? = nil) -> Double {
            let values = self[keyPath: part]
            return (industries ?? Array(values.indices)).reduce(0.0) { $0 + values[$1] }
        }
    }

    /// Runs `model` for `plan` on `table`; throws when I − A (or I − B) cannot be factorised. A demand shock on the
    /// Ghosh model is refused by its callers (`Model.takesDemandShock`); here it runs as a supply shock.
    public static func run(
        _ model: Model, table: InputOutputTable, plan: ShockPlan, kind: ShockKind = .supply
    ) throws(IOError) -> Result {
        let n = table.sectorCount
        let a = plan.annualLosses
        let x = table.grossOutput
        let base = kind == .demand && model.takesDemandShock ? table.totalFinalDemand : x
        let direct = (0..<n).map { a[$0] * base[$0] }
        var upstream = [Double](repeating: 0, count: n)
        var downstream = [Double](repeating: 0, count: n)
        switch model {
        case .leontief:
            let leontief = try LeontiefModel(table: table)
            upstream = leontief.output(for: leontief.coefficients.multiplied(by: direct))
        case .ghosh:
            let ghosh = try GhoshModel(table: table)
            downstream = ghosh.output(forPrimaryInputs: ghosh.coefficients.leftMultiplied(by: direct))
        case .iim:
            // c* = Δ/x; q = c* + (I − A*)⁻¹ · A* · c*, so the propagated part is solved apart from the direct one.
            let ghosh = try GhoshModel(table: table)
            let shock = (0..<n).map { x[$0] == 0 ? 0 : direct[$0] / x[$0] }
            let propagated = ghosh.columnSolve(ghosh.coefficients.multiplied(by: shock))
            upstream = (0..<n).map { propagated[$0] * x[$0] }
        }
        let loss = (0..<n).map { direct[$0] + upstream[$0] + downstream[$0] }
        let v = table.valueAdded
        let valueAdded = (0..<n).map { x[$0] == 0 ? 0 : loss[$0] * v[$0] / x[$0] }
        let inoperability = (0..<n).map { x[$0] == 0 ? 0 : loss[$0] / x[$0] }
        return Result(
            model: model, kind: model.takesDemandShock ? kind : .supply, baselineOutput: x, directLoss: direct,
            upstreamLoss: upstream, downstreamLoss: downstream, outputLoss: loss, valueAddedLoss: valueAdded,
            inoperability: inoperability)
    }
}
