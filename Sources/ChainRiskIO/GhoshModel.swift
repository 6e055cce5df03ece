public import ChainRiskCore

/// The supply-driven Ghosh model xᵀ = vᵀ · (I − B)⁻¹, with B = diag(x)⁻¹ · Z the allocation coefficients.
///
/// Used for forward propagation: how a loss of primary inputs in one sector limits the output of its customers.
public struct GhoshModel: Sendable {
    /// B: allocation coefficients (row i: shares of sector i's output sold to each sector).
    public let coefficients: Matrix
    private let factorization: LUFactorization

    /// Factorises I − B.
    public init(coefficients: Matrix) throws(IOError) {
        guard coefficients.isSquare else { throw .notSquare(rows: coefficients.rows, columns: coefficients.columns) }
        self.coefficients = coefficients
        factorization = try LUFactorization(coefficients.subtractedFromIdentity())
    }

    public init(table: InputOutputTable) throws(IOError) {
        try self.init(coefficients: table.allocationCoefficients())
    }

    public var order: Int { factorization.order }

    /// xᵀ = vᵀ · (I − B)⁻¹ for primary inputs (value added) v, without forming the inverse.
    public func output(forPrimaryInputs primaryInputs: [Double]) -> [Double] {
        factorization.solve(primaryInputs, transposed: true)
    }

    /// (I − B) · w = u: column solves, e.g. ones for forward linkages (row sums of G).
    public func columnSolve(_ column: [Double]) -> [Double] { factorization.solve(column) }

    /// G = (I − B)⁻¹.
    public func inverse() -> Matrix { factorization.inverse() }
}
