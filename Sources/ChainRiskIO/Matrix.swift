import CLapack

/// A dense matrix of doubles stored column by column, the layout LAPACK and BLAS expect.
///
/// Input-output tables are dense enough (WIOD: 20 % non-zero) that dense storage and LAPACK beat sparse code.
public struct Matrix: Sendable, Hashable {
    public let rows: Int
    public let columns: Int
    /// Column-major values: element (i, j) is at `values[j * rows + i]`.
    public internal(set) var values: [Double]

    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must not be negative")
        self.rows = rows
        self.columns = columns
        self.values = [Double](repeating: value, count: rows * columns)
    }

    /// A matrix from column-major values; `values.count` must be `rows * columns`.
    public init(rows: Int, columns: Int, columnMajor values: [Double]) {
        precondition(values.count == rows * columns, "expected \(rows * columns) values, got \(values.count)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix from rows of equal length (convenient in tests and small examples).
    public init(rowArrays: [[Double]]) {
        let rows = rowArrays.count
        let columns = rowArrays.first?.count ?? 0
        self.init(rows: rows, columns: columns)
        for (i, row) in rowArrays.enumerated() {
            precondition(row.count == columns, "row \(i) has \(row.count) values, expected \(columns)")
            for (j, value) in row.enumerated() { values[j * rows + i] = value }
        }
    }

    public static func identity(_ n: Int) -> Matrix {
        var matrix = Matrix(rows: n, columns: n)
        for i in 0..<n { matrix.values[i * n + i] = 1 }
        return matrix
    }

    /// A square matrix with `diagonal` on its diagonal.
    public static func diagonal(_ diagonal: [Double]) -> Matrix {
        var matrix = Matrix(rows: diagonal.count, columns: diagonal.count)
        for (i, value) in diagonal.enumerated() { matrix.values[i * diagonal.count + i] = value }
        return matrix
    }

    public subscript(row: Int, column: Int) -> Double {
        get { values[column * rows + row] }
        set { values[column * rows + row] = newValue }
    }

    public var isSquare: Bool { rows == columns }

    /// I − M for a square matrix (the Leontief and Ghosh matrices).
    public func subtractedFromIdentity() -> Matrix {
        precondition(isSquare, "I − M needs a square matrix, got \(rows) × \(columns)")
        var result = self
        for index in result.values.indices { result.values[index] = -result.values[index] }
        for i in 0..<rows { result.values[i * rows + i] += 1 }
        return result
    }

    public func row(_ i: Int) -> [Double] { (0..<columns).map { values[$0 * rows + i] } }
    public func column(_ j: Int) -> [Double] { Array(values[(j * rows)..<((j + 1) * rows)]) }

    /// Σⱼ Mᵢⱼ for every row i.
    public func rowSums() -> [Double] {
        var sums = [Double](repeating: 0, count: rows)
        values.withUnsafeBufferPointer { buffer in
            for j in 0..<columns {
                let base = j * rows
                for i in 0..<rows { sums[i] += buffer[base + i] }
            }
        }
        return sums
    }

    /// Σᵢ Mᵢⱼ for every column j.
    public func columnSums() -> [Double] {
        var sums = [Double](repeating: 0, count: columns)
        values.withUnsafeBufferPointer { buffer in
            for j in 0..<columns {
                let base = j * rows
                var sum = 0.0
                for i in 0..<rows { sum += buffer[base + i] }
                sums[j] = sum
            }
        }
        return sums
    }

    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { result.values[i * columns + j] = values[j * rows + i] }
        }
        return result
    }

    /// The sub-matrix of the given rows and columns, in the given order.
    public func submatrix(rows rowIndices: [Int], columns columnIndices: [Int]) -> Matrix {
        var result = Matrix(rows: rowIndices.count, columns: columnIndices.count)
        for (jj, j) in columnIndices.enumerated() {
            let base = j * rows
            for (ii, i) in rowIndices.enumerated() {
                result.values[jj * rowIndices.count + ii] = values[base + i]
            }
        }
        return result
    }

    /// M · x (BLAS dgemv).
    public func multiplied(by vector: [Double]) -> [Double] {
        precondition(vector.count == columns, "vector length \(vector.count) does not match \(columns) columns")
        return gemv(transpose: false, vector)
    }

    /// xᵀ · M, returned as a plain array (BLAS dgemv on Mᵀ).
    public func leftMultiplied(by vector: [Double]) -> [Double] {
        precondition(vector.count == rows, "vector length \(vector.count) does not match \(rows) rows")
        return gemv(transpose: true, vector)
    }

    /// M · N (BLAS dgemm).
    public func multiplied(by other: Matrix) -> Matrix {
        precondition(columns == other.rows, "cannot multiply \(rows)×\(columns) by \(other.rows)×\(other.columns)")
        var result = Matrix(rows: rows, columns: other.columns)
        if rows == 0 || other.columns == 0 { return result }
        if columns == 0 { return result }
        var m = Int32(rows), n = Int32(other.columns), k = Int32(columns)
        var alpha = 1.0, beta = 0.0
        var lda = Int32(max(rows, 1)), ldb = Int32(max(other.rows, 1)), ldc = Int32(max(rows, 1))
        var trans = CChar(UInt8(ascii: "N"))
        values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                result.values.withUnsafeMutableBufferPointer { c in
                    dgemm_(&trans, &trans, &m, &n, &k, &alpha, a.baseAddress, &lda, b.baseAddress, &ldb, &beta,
                           c.baseAddress, &ldc)
                }
            }
        }
        return result
    }

    private func gemv(transpose: Bool, _ vector: [Double]) -> [Double] {
        var result = [Double](repeating: 0, count: transpose ? columns : rows)
        if rows == 0 || columns == 0 { return result }
        var m = Int32(rows), n = Int32(columns), lda = Int32(rows)
        var alpha = 1.0, beta = 0.0
        var inc: Int32 = 1
        var trans = CChar(UInt8(ascii: transpose ? "T" : "N"))
        values.withUnsafeBufferPointer { a in
            vector.withUnsafeBufferPointer { x in
                result.withUnsafeMutableBufferPointer { y in
                    dgemv_(&trans, &m, &n, &alpha, a.baseAddress, &lda, x.baseAddress, &inc, &beta, y.baseAddress, &inc)
                }
            }
        }
        return result
    }
}
