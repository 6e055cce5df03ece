/// A dense matrix of doubles stored column by column, the layout LAPACK and BLAS expect.
///
/// Input-output tables are dense enough (WIOD: 20 % non-zero) that dense storage and LAPACK beat sparse code. The
/// BLAS-backed products are extensions in ChainRiskIO; this is the storage and plain access.
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
}
