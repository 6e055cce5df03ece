public import ChainRiskCore

extension InputOutputTable {
    /// A = Z · diag(x)⁻¹; a sector with zero output gets a zero column, not NaN.
    public func technicalCoefficients() -> Matrix {
        var coefficients = intermediate.values
        let n = sectorCount
        for j in 0..<n {
            let output = grossOutput[j]
            let scale = output == 0 ? 0 : 1 / output
            let base = j * n
            for i in 0..<n { coefficients[base + i] *= scale }
        }
        return Matrix(rows: n, columns: n, columnMajor: coefficients)
    }

    /// B = diag(x)⁻¹ · Z (Ghosh allocation coefficients); a sector with zero output gets a zero row.
    public func allocationCoefficients() -> Matrix {
        var coefficients = intermediate.values
        let n = sectorCount
        let scales = grossOutput.map { $0 == 0 ? 0 : 1 / $0 }
        for j in 0..<n {
            let base = j * n
            for i in 0..<n { coefficients[base + i] *= scales[i] }
        }
        return Matrix(rows: n, columns: n, columnMajor: coefficients)
    }
}
