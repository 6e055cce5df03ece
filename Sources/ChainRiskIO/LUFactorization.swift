import CLapack
public import ChainRiskCore

/// An LU factorisation with partial pivoting (LAPACK dgetrf) of a square matrix, reused for many solves.
///
/// Solving (I − A)·x = y with the factors is three times cheaper than forming the Leontief inverse first. Every
/// solve is refined against the original matrix with residuals in double-double arithmetic until the solution no
/// longer changes: the result is then the correctly rounded solution in all but ill-conditioned cases, the same bits
/// whichever kernels OpenBLAS picks for this CPU (Haswell, SkylakeX, one thread or many, another architecture).
public struct LUFactorization: Sendable {
    public let order: Int
    /// The matrix itself (column-major), for the refinement's residuals.
    private let original: [Double]
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
        original = values
        if order > 0 {
            var n = Int32(order)
            var lda = Int32(order)
            var info: Int32 = 0
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
        precondition(
            rightHandSide.count == order, "right-hand side has \(rightHandSide.count) values, expected \(order)")
        let solution = solve(Matrix(rows: order, columns: 1, columnMajor: rightHandSide), transposed: transposed)
        return solution.values
    }

    /// Solves M·X = B (or Mᵀ·X = B) for every column of B at once, each column refined (see the type's notes).
    public func solve(_ rightHandSides: Matrix, transposed: Bool = false) -> Matrix {
        precondition(
            rightHandSides.rows == order, "right-hand sides have \(rightHandSides.rows) rows, expected \(order)")
        if order == 0 || rightHandSides.columns == 0 { return rightHandSides }
        let first = lapackSolve(rightHandSides.values, columns: rightHandSides.columns, transposed: transposed)
        let n = order
        let columns = rightHandSides.columns
        // Columns are independent; large systems refine them on all cores (same bits: no column depends on timing).
        let workers = n * n * columns >= 4_000_000 ? min(columns, ParallelMap.processorCount) : 1
        let refined = ParallelMap.map(columns, workers: workers) { column -> [Double] in
            let range = column * n..<(column + 1) * n
            return refine(
                Array(first[range]), rightHandSide: Array(rightHandSides.values[range]), transposed: transposed)
        }
        return Matrix(rows: rightHandSides.rows, columns: rightHandSides.columns, columnMajor: refined.flatMap { $0 })
    }

    /// The most refinement steps; a well-conditioned system settles after one or two.
    static let refinementSteps = 8

    /// x improved by x ← x + LU⁻¹(b − M·x), the residual summed exactly enough (double-double), until x stops
    /// changing or the residual stops shrinking (an ill-conditioned system keeps its best x).
    private func refine(_ start: [Double], rightHandSide b: [Double], transposed: Bool) -> [Double] {
        var x = start
        var residual = self.residual(x, b, transposed: transposed)
        var norm = residual.reduce(0) { max($0, abs($1)) }
        for _ in 0..<Self.refinementSteps {
            guard norm > 0, norm.isFinite else { break }
            let correction = lapackSolve(residual, columns: 1, transposed: transposed)
            var next = x
            for i in next.indices { next[i] += correction[i] }
            if next == x { break }
            let nextResidual = self.residual(next, b, transposed: transposed)
            let nextNorm = nextResidual.reduce(0) { max($0, abs($1)) }
            guard nextNorm <= norm else { break }
            (x, residual, norm) = (next, nextResidual, nextNorm)
        }
        return x
    }

    /// b − M·x (or b − Mᵀ·x) in double-double (Dekker's exact products, Knuth's exact sums), rounded once.
    private func residual(_ x: [Double], _ b: [Double], transposed: Bool) -> [Double] {
        let n = order
        return original.withUnsafeBufferPointer { m in
            if transposed {
                // rⱼ = bⱼ − Σᵢ Mᵢⱼ xᵢ: one dot product down column j.
                return (0..<n).map { j in
                    var sum = DoubleDouble(b[j])
                    let column = j * n
                    for i in 0..<n { sum.subtractProduct(m[column + i], x[i]) }
                    return sum.value
                }
            }
            // rᵢ = bᵢ − Σⱼ Mᵢⱼ xⱼ, accumulated column by column.
            var high = b
            var low = [Double](repeating: 0, count: n)
            for j in 0..<n where x[j] != 0 {
                let xj = x[j]
                let column = j * n
                for i in 0..<n {
                    var sum = DoubleDouble(high: high[i], low: low[i])
                    sum.subtractProduct(m[column + i], xj)
                    (high[i], low[i]) = (sum.high, sum.low)
                }
            }
            return (0..<n).map { high[$0] + low[$0] }
        }
    }

    /// LAPACK dgetrs on `columns` right-hand sides (column-major).
    private func lapackSolve(_ values: [Double], columns: Int, transposed: Bool) -> [Double] {
        var result = values
        var n = Int32(order)
        var nrhs = Int32(columns)
        var lda = Int32(order)
        var ldb = Int32(order)
        var info: Int32 = 0
        var trans = CChar(UInt8(ascii: transposed ? "T" : "N"))
        factors.withUnsafeBufferPointer { a in
            pivots.withUnsafeBufferPointer { p in
                result.withUnsafeMutableBufferPointer { b in
                    dgetrs_(&trans, &n, &nrhs, a.baseAddress, &lda, p.baseAddress, b.baseAddress, &ldb, &info)
                }
            }
        }
        return result
    }

    /// The inverse M⁻¹ (LAPACK dgetri).
    public func inverse() -> Matrix {
        var values = factors
        if order == 0 { return Matrix(rows: 0, columns: 0) }
        var n = Int32(order)
        var lda = Int32(order)
        var info: Int32 = 0
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
        var n = Int32(order)
        var lda = Int32(order)
        var info: Int32 = 0
        var norm = oneNorm
        var rcond = 0.0
        var kind = CChar(UInt8(ascii: "1"))
        var work = [Double](repeating: 0, count: 4 * order)
        var iwork = [Int32](repeating: 0, count: order)
        factors.withUnsafeBufferPointer { a in
            dgecon_(&kind, &n, a.baseAddress, &lda, &norm, &rcond, &work, &iwork, &info)
        }
        return rcond
    }
}

/// A sum carried as an unevaluated pair high + low (about 106 bits), for residuals that must not depend on the order
/// or width of the machine's floating-point kernels.
struct DoubleDouble {
    private(set) var high: Double
    private(set) var low: Double

    init(_ value: Double) { (high, low) = (value, 0) }
    init(high: Double, low: Double) { (self.high, self.low) = (high, low) }

    /// The pair rounded to one double.
    var value: Double { high + low }

    /// self −= a·b, with a·b split exactly into two doubles (Dekker) and the sum's error kept (Knuth's two-sum).
    @inline(__always)
    mutating func subtractProduct(_ a: Double, _ b: Double) {
        let product = -(a * b)
        let error = -Self.productError(a, b, product: -product)
        let sum = high + product
        let virtualProduct = sum - high
        let sumError = (high - (sum - virtualProduct)) + (product - virtualProduct)
        high = sum
        low += sumError + error
    }

    /// The exact rounding error of `product` = fl(a·b), from Veltkamp's split of a and b into 26-bit halves.
    @inline(__always)
    static func productError(_ a: Double, _ b: Double, product: Double) -> Double {
        let (aHigh, aLow) = split(a)
        let (bHigh, bLow) = split(b)
        return ((aHigh * bHigh - product) + aHigh * bLow + aLow * bHigh) + aLow * bLow
    }

    @inline(__always)
    static func split(_ value: Double) -> (Double, Double) {
        let scaled = 134_217_729.0 * value
        let high = scaled - (scaled - value)
        return (high, value - high)
    }
}
