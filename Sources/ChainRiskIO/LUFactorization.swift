import CLapack
public import ChainRiskCore

/// An LU factorisation with partial pivoting (LAPACK dgetrf) of a square matrix, reused for many solves.
///
/// Solving (I − A)·x = y with the factors is three times cheaper than forming the Leontief inverse first. Every
/// solve is refined against the original matrix, solution and residuals in double-double arithmetic, until the
/// correction is far below an ulp: the result is then the correctly rounded solution in all but ill-conditioned
/// cases, the same bits whichever kernels OpenBLAS picks for this CPU (Haswell, SkylakeX, one thread or many, another
/// architecture).
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

    /// x improved by x ← x + LU⁻¹(b − M·x), with x and the residual held in double-double (Dekker's exact products,
    /// Knuth's exact sums) until the correction is below 2⁻²⁶ of an ulp of every entry, then rounded once.
    ///
    /// Kept as a pair, x converges far past double precision whatever the first solve's kernels gave, so rounding
    /// it gives the same bits on every machine; a refinement that keeps x in double can stop one ulp apart. An
    /// ill-conditioned system, whose residual stops shrinking, keeps its best x.
    private func refine(_ start: [Double], rightHandSide b: [Double], transposed: Bool) -> [Double] {
        var (high, low) = (start, [Double](repeating: 0, count: start.count))
        var residual = self.residual(high, low, b, transposed: transposed)
        var norm = residual.reduce(0) { max($0, abs($1)) }
        for _ in 0..<Self.refinementSteps {
            guard norm > 0, norm.isFinite else { break }
            let correction = lapackSolve(residual, columns: 1, transposed: transposed)
            var (nextHigh, nextLow) = (high, low)
            var settled = true
            for i in high.indices {
                var sum = DoubleDouble(high: high[i], low: low[i])
                sum.add(correction[i])
                (nextHigh[i], nextLow[i]) = (sum.high, sum.low)
                settled = settled && abs(correction[i]) <= abs(sum.high).ulp * 0x1p-26
            }
            if settled {
                (high, low) = (nextHigh, nextLow)
                break
            }
            let nextResidual = self.residual(nextHigh, nextLow, b, transposed: transposed)
            let nextNorm = nextResidual.reduce(0) { max($0, abs($1)) }
            guard nextNorm <= norm else { break }
            (high, low, residual, norm) = (nextHigh, nextLow, nextResidual, nextNorm)
        }
        return high.indices.map { high[$0] + low[$0] }
    }

    /// b − M·x (or b − Mᵀ·x) for x = high + low, in double-double, rounded once.
    private func residual(_ high: [Double], _ low: [Double], _ b: [Double], transposed: Bool) -> [Double] {
        let n = order
        return original.withUnsafeBufferPointer { m in
            if transposed {
                // rⱼ = bⱼ − Σᵢ Mᵢⱼ xᵢ: one dot product down column j.
                return (0..<n).map { j in
                    var sum = DoubleDouble(b[j])
                    let column = j * n
                    for i in 0..<n {
                        sum.subtractProduct(m[column + i], high[i])
                        sum.subtractSmall(m[column + i] * low[i])
                    }
                    return sum.value
                }
            }
            // rᵢ = bᵢ − Σⱼ Mᵢⱼ xⱼ, accumulated column by column; xⱼ is split once per column, and the loop runs on
            // raw buffers so it vectorises.
            var sumHigh = b
            var sumLow = [Double](repeating: 0, count: n)
            sumHigh.withUnsafeMutableBufferPointer { sumHigh in
                sumLow.withUnsafeMutableBufferPointer { sumLow in
                    for j in 0..<n where high[j] != 0 || low[j] != 0 {
                        let (xj, xLow) = (high[j], low[j])
                        let split = DoubleDouble.split(xj)
                        let column = UnsafeBufferPointer(rebasing: m[(j * n)..<(j * n + n)])
                        for i in 0..<n {
                            var sum = DoubleDouble(high: sumHigh[i], low: sumLow[i])
                            sum.subtractProduct(column[i], xj, split: split)
                            sum.subtractSmall(column[i] * xLow)
                            (sumHigh[i], sumLow[i]) = (sum.high, sum.low)
                        }
                    }
                }
            }
            return (0..<n).map { sumHigh[$0] + sumLow[$0] }
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

    /// self += c, exactly (Knuth's two-sum), renormalised so that |low| ≤ half an ulp of high.
    @inline(__always)
    mutating func add(_ c: Double) {
        let sum = high + c
        let virtual = sum - high
        let error = (high - (sum - virtual)) + (c - virtual)
        let tail = low + error
        high = sum + tail
        low = tail - (high - sum)
    }

    /// self −= s for an s far below high's precision (the low part of a product), added to the low word only.
    @inline(__always)
    mutating func subtractSmall(_ s: Double) { low -= s }

    /// self −= a·b, with a·b split exactly into two doubles (Dekker) and the sum's error kept (Knuth's two-sum).
    @inline(__always)
    mutating func subtractProduct(_ a: Double, _ b: Double) { subtractProduct(a, b, split: Self.split(b)) }

    /// `subtractProduct(a, b)` with b's Veltkamp split (`split(b)`) already made, for a b used many times.
    @inline(__always)
    mutating func subtractProduct(_ a: Double, _ b: Double, split bSplit: (Double, Double)) {
        let product = -(a * b)
        let error = -Self.productError(a, b, product: -product, split: bSplit)
        let sum = high + product
        let virtualProduct = sum - high
        let sumError = (high - (sum - virtualProduct)) + (product - virtualProduct)
        high = sum
        low += sumError + error
    }

    /// The exact rounding error of `product` = fl(a·b), from Veltkamp's split of a and b (given) into 26-bit halves.
    @inline(__always)
    static func productError(_ a: Double, _ b: Double, product: Double, split bSplit: (Double, Double)) -> Double {
        let (aHigh, aLow) = split(a)
        let (bHigh, bLow) = bSplit
        return ((aHigh * bHigh - product) + aHigh * bLow + aLow * bHigh) + aLow * bLow
    }

    @inline(__always)
    static func split(_ value: Double) -> (Double, Double) {
        let scaled = 134_217_729.0 * value
        let high = scaled - (scaled - value)
        return (high, value - high)
    }
}
