import ChainRiskCore

extension ImportConcentration {
    /// The order of `ConcentrationAnalysis.rows()`: reporter, year, flow, product, unit.
    static func keyOrder(_ lhs: ImportConcentration, _ rhs: ImportConcentration) -> Bool {
        (lhs.reporter, lhs.year, lhs.flow, lhs.product, lhs.unit) < (
            rhs.reporter, rhs.year, rhs.flow, rhs.product, rhs.unit
        )
    }
}
