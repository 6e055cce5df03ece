import CLapack
public import ChainRiskCore

extension Matrix {
    /// I − M for a square matrix (the Leontief and Ghosh matrices).
    public func subtractedFromIdentity() -> Matrix {
        precondition(isSquare, "I − M needs a square matrix, got \(rows) × \(columns)")
        var result = values
        for index in result.indices { result[index] = -result[index] }
        for i in 0..<rows { result[i * rows + i] += 1 }
        return Matrix(rows: rows, columns: columns, columnMajor: result)
    }

    /// M · x, summed column by column in a fixed order (the same bits on every CPU, unlike BLAS kernels).
    public func multiplied(by vector: [Double]) -> [Double] {
        precondition(vector.count == columns, "vector length \(vector.count) does not match \(columns) columns")
        return gemv(transpose: false, vector)
    }

    /// xᵀ · M, returned as a plain array: one dot product down each column, in a fixed order.
    public func leftMultiplied(by vector: [Double]) -> [Double] {
        precondition(vector.count == rows, "vector length \(vector.count) does not match \(rows) rows")
        return gemv(transpose: true, vector)
    }

    /// M · N (BLAS dgemm).
    public func multiplied(by other: Matrix) -> Matrix {
        precondition(columns == other.rows, "cannot multiply \(rows)×\(columns) by \(other.rows)×\(other.columns)")
        var result = [Double](repeating: 0, count: rows * other.columns)
        if rows == 0 || other.columns == 0 || columns == 0 {
            return Matrix(rows: rows, columns: other.columns, columnMajor: result)
        }
        var m = Int32(rows)
        var n = Int32(other.columns)
        var k = Int32(columns)
        var alpha = 1.0
        var beta = 0.0
        var lda = Int32(max(rows, 1))
        var ldb = Int32(max(other.rows, 1))
        var ldc = Int32(max(rows, 1))
        var trans = CChar(UInt8(ascii: "N"))
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { c in
                    dgemm_(
                        &trans, &trans, &m, &n, &k, &alpha, a.baseAddress, &lda, b.baseAddress, &ldb, &beta,
                        c.baseAddress, &ldc)
                }
            }
        }
        return Matrix(rows: rows, columns: other.columns, columnMajor: result)
    }

    private func gemv(transpose: Bool, _ vector: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: transpose ? columns : rows)
        if rows == 0 || columns == 0 { return result }
        let rows = self.rows
        values.withUnsafeBufferPointer { a in
            if transpose {
                for j in 0..<columns {
                    var sum = 0.0
                    let column = j * rows
                    for i in 0..<rows { sum += a[column + i] * vector[i] }
                    result[j] = sum
                }
            } else {
                for j in 0..<columns where vector[j] != 0 {
                    let xj = vector[j]
                    let column = j * rows
                    for i in 0..<rows { result[i] += a[column + i] * xj }
                }
            }
        }
        return result
    }
}
