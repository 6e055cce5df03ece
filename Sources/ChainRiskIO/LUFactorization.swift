import CLapack
import ChainRiskCore

/// An LU factorisation with partial pivoting (LAPACK dgetrf) of a square matrix, reused for many solves.
///
/// Solving (I − A)·x = y with the factors is three times cheaper than forming the Leontief inverse first.
public struct LUFactorization: Sendable {
    public let order: Int
    private let factors: [Double]
    private let pivots: [Int32]
    /// The 1-norm of the factorised matrix, kept for the condition estimate.
    private let oneNorm: Double

    /// Factorises `matrix`; throws `IOError.singular` when a pivot is exactly zero.
    public init(_ matrix: Matrix) throws(IOError) {
        guard matrix.isSquare else { throw IOError.notSquare(rows: matrix.rows, columns: matrix.columns) }
        order = matrix.rows
        var values = matrix.values
        var pivots = [Int32](repeating: 0, count: max(order, 1))
        var norm = 0.0
        for j in 0..<order {
            var sum = 0.0
            for i in 0..<order { sum += abs(values[j * order + i]) }
            norm = max(norm, sum)
        }
        oneNorm = norm
        if order > 0 {
            var n = Int32(order), lda = Int32(order), info: Int32 = 0
            values.withUnsafeMutableBufferPointer { a in
                pivots.withUnsafeMutableBufferPointer { p in
                    dgetrf_(&n, &n, a.baseAddress, &lda, p.baseAddress, &info)
                }
            }
            if info > 0 { throw IOError.singular(pivot: Int(info)) }
        }
        factors = values
        self.pivots = pivots
    }

    /// Solves M·x = b (or Mᵀ·x = b with `transposed`).
    public func solve(_ rightHandSide: [Double], transposed: Bool = false) -> [Double] {
        precondition(rightHandSide.count == order, "right-hand side has \(rightHandSide.count) values, expected \(order)")
        let solution = solve(Matrix(rows: order, columns: 1, columnMajor: rightHandSide), transposed: transposed)
        return solution.values
    }

    /// Solves M·X = B (or Mᵀ·X = B) for every column of B at once.
    public func solve(_ rightHandSides: Matrix, transposed: Bool = false) -> Matrix {
        precondition(rightHandSides.rows == order, "right-hand sides have \(rightHandSides.rows) rows, expected \(order)")
        if order == 0 || rightHandSides.columns == 0 { return rightHandSides }
        var result = rightHandSides.values
        var n = Int32(order), nrhs = Int32(rightHandSides.columns), lda = Int32(order), ldb = Int32(order)
        var info: Int32 = 0
        var trans = CChar(UInt8(ascii: transposed ? "T" : "N"))
        factors.withUnsafeBufferPointer { a in
            pivots.withUnsafeBufferPointer { p in
                result.withUnsafeMutableBufferPointer { b in
                    dgetrs_(&trans, &n, &nrhs, a.baseAddress, &lda, p.baseAddress, b.baseAddress, &ldb, &info)
                }
            }
        }
        return Matrix(rows: rightHandSides.rows, columns: rightHandSides.columns, columnMajor: result)
    }

    /// The inverse M⁻¹ (LAPACK dgetri).
    public func inverse() -> Matrix {
        var values = factors
        if order == 0 { return Matrix(rows: 0, columns: 0) }
        var n = Int32(order), lda = Int32(order), info: Int32 = 0
        var lwork = Int32(-1)
        var query = 0.0
        dgetri_(&n, &values, &lda, pivots, &query, &lwork, &info)
        lwork = Int32(max(Double(order), query))
        var work = [Double](repeating: 0, count: Int(lwork))
        values.withUnsafeMutableBufferPointer { a in
            pivots.withUnsafeBufferPointer { p in
                work.withUnsafeMutableBufferPointer { w in
                    dgetri_(&n, a.baseAddress, &lda, p.baseAddress, w.baseAddress, &lwork, &info)
                }
            }
        }
        return Matrix(rows: order, columns: order, columnMajor: values)
    }

    /// An estimate of the reciprocal 1-norm condition number (LAPACK dgecon); near 0 means ill-conditioned.
    public func reciprocalCondition() -> Double {
        if order == 0 { return 1 }
        var n = Int32(order), lda = Int32(order), info: Int32 = 0
        var norm = oneNorm, rcond = 0.0
        var kind = CChar(UInt8(ascii: "1"))
        var work = [Double](repeating: 0, count: 4 * order)
        var iwork = [Int32](repeating: 0, count: order)
        factors.withUnsafeBufferPointer { a in
            dgecon_(&kind, &n, a.baseAddress, &lda, &norm, &rcond, &work, &iwork, &info)
        }
        return rcond
    }
}
