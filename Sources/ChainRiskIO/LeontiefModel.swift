public import ChainRiskCore

/// The demand-driven Leontief model x = (I − A)⁻¹ · y, factorised once and solved for many demand vectors.
public struct LeontiefModel: Sendable {
    /// A: technical coefficients.
    public let coefficients: Matrix
    private let factorization: LUFactorization

    /// Factorises I − A.
    public init(coefficients: Matrix) throws(IOError) {
        guard coefficients.isSquare else { throw .notSquare(rows: coefficients.rows, columns: coefficients.columns) }
        self.coefficients = coefficients
        factorization = try LUFactorization(coefficients.subtractedFromIdentity())
    }

    public init(table: InputOutputTable) throws(IOError) {
        try self.init(coefficients: table.technicalCoefficients())
    }

    public var order: Int { factorization.order }

    /// x = (I − A)⁻¹ · y, without forming the inverse.
    public func output(for finalDemand: [Double]) -> [Double] { factorization.solve(finalDemand) }

    /// X = (I − A)⁻¹ · Y for several demand columns at once.
    public func output(for finalDemand: Matrix) -> Matrix { factorization.solve(finalDemand) }

    /// wᵀ = vᵀ · (I − A)⁻¹ for a row vector v (e.g. ones for output multipliers), without forming the inverse.
    public func rowSolve(_ row: [Double]) -> [Double] { factorization.solve(row, transposed: true) }

    /// L = (I − A)⁻¹.
    public func inverse() -> Matrix { factorization.inverse() }

    /// Reciprocal condition estimate of I − A.
    public func reciprocalCondition() -> Double { factorization.reciprocalCondition() }
}
