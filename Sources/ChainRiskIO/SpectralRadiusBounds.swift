public import ChainRiskCore

/// Bounds on the spectral radius ρ of a matrix's entrywise absolute value, from Collatz–Wielandt ratios.
///
/// For a non-negative matrix M and a positive vector v, minᵢ (Mv)ᵢ/vᵢ ≤ ρ(M) ≤ maxᵢ (Mv)ᵢ/vᵢ. Power iteration
/// on I + M (the shift keeps v positive and makes periodic matrices converge) narrows the bounds to the Perron root.
/// Since ρ(M) ≤ ρ(|M|), an upper bound below 1 proves any matrix productive.
public struct SpectralRadiusBounds: Sendable, Hashable {
    /// A lower bound on ρ(|M|).
    public var lower: Double
    /// An upper bound on ρ(|M|).
    public var upper: Double
    /// Power iterations spent.
    public var iterations: Int

    public init(lower: Double, upper: Double, iterations: Int) {
        self.lower = lower
        self.upper = upper
        self.iterations = iterations
    }

    /// The midpoint of the bounds, the value to report.
    public var estimate: Double { (lower + upper) / 2 }

    /// True when the bounds prove ρ < 1: the Leontief inverse exists and is non-negative.
    public var provesProductive: Bool { upper < 1 }
}

extension Matrix {
    /// Bounds on the spectral radius of |M| (the Perron root for a non-negative M), by shifted power iteration.
    ///
    /// Iterates on |M|ᵀ (same spectrum): for technical coefficients its row sums are the column sums of A, inputs
    /// per unit of output, so the first bound is already below 1 for a table with positive value added. Stops when
    /// the bounds agree to `relativeTolerance`, after `maxIterations`, or, with `threshold`, as soon as the bounds
    /// put ρ on one side of it. Components of the iterate below 10⁻⁹ of its largest (e.g. zero-output sectors) are
    /// left out of the lower bound, which stays valid for a non-negative vector.
    /// - Complexity: O(n²) per iteration (one BLAS matrix–vector product, two when the lower bound is refreshed).
    public func spectralRadiusBounds(
        relativeTolerance: Double = 1e-12, maxIterations: Int = 5_000, decidingAgainst threshold: Double? = nil
    ) -> SpectralRadiusBounds {
        precondition(isSquare, "the spectral radius needs a square matrix, got \(rows) × \(columns)")
        let n = rows
        if n == 0 { return SpectralRadiusBounds(lower: 0, upper: 0, iterations: 0) }
        let magnitude = Matrix(rows: n, columns: n, columnMajor: values.map { abs($0) })
        var vector = [Double](repeating: 1, count: n)
        var lower = 0.0
        var upper = Double.infinity
        var iteration = 0
        while iteration < maxIterations {
            iteration += 1
            let product = magnitude.leftMultiplied(by: vector)
            var largestRatio = 0.0
            for i in 0..<n where vector[i] > 0 { largestRatio = Swift.max(largestRatio, product[i] / vector[i]) }
            upper = Swift.min(upper, largestRatio)
            if iteration % 10 == 1 || upper - lower <= relativeTolerance * upper {
                lower = Swift.max(lower, Self.supportLowerBound(magnitude, vector))
            }
            if upper - lower <= relativeTolerance * upper { break }
            if let threshold, upper < threshold || lower >= threshold { break }
            var largest = 0.0
            for i in 0..<n {
                vector[i] += product[i]
                largest = Swift.max(largest, vector[i])
            }
            for i in 0..<n { vector[i] /= largest }
        }
        return SpectralRadiusBounds(lower: lower, upper: upper, iterations: iteration)
    }

    /// minᵢ (Mᵀv′)ᵢ / v′ᵢ over the support of v′, where v′ is v with its negligible components set to zero.
    private static func supportLowerBound(_ magnitude: Matrix, _ vector: [Double]) -> Double {
        let largest = vector.max() ?? 0
        let trimmed = vector.map { $0 >= largest * 1e-9 ? $0 : 0 }
        let product = magnitude.leftMultiplied(by: trimmed)
        var smallest = Double.infinity
        for (i, value) in trimmed.enumerated() where value > 0 { smallest = Swift.min(smallest, product[i] / value) }
        return smallest.isFinite ? smallest : 0
    }
}
