public import ChainRiskCore

/// The imported inputs embodied in one region's exports, per export sector and origin region.
///
/// For reporter r with gross exports eᵣ (`InputOutputTable.grossExports(ofRegion:)`) and each other region s:
/// - import content: IC(s, ·) = 1ᵀ · A(s,r) · (I − A(r,r))⁻¹ · diag(eᵣ) (Hummels, Ishii and Yi 2001, "The nature and
///   growth of vertical specialization in world trade", J. Int. Econ. 54). The row vector is found by one transposed
///   solve (I − A(r,r))ᵀ · w = A(s,r)ᵀ · 1 per origin, all origins at once; no inverse is formed.
/// - foreign value added: FVA(s, ·) = v̂(s) · L(s,r) · diag(eᵣ), v̂ = value added per unit of output, L = (I − A)⁻¹
///   of the whole table, again as transposed solves (I − A)ᵀ · w = v̂ restricted to s.
/// Summed over origins, the import content is the vertical-specialisation measure 1ᵀ · A(¬r,r) · (I − A(r,r))⁻¹ · eᵣ.
public struct ImportContentOfExports: Sendable {
    public let reporter: String
    public let measure: OriginMeasure
    /// The reporter's sectors, in table order.
    public let exportSectors: [IOSectorLabel]
    /// Gross exports eᵣ per export sector.
    public let exports: [Double]
    /// The other regions, in table order.
    public let origins: [String]
    /// Embodied value: row k = `origins[k]`, column j = `exportSectors[j]`.
    public let embodied: Matrix
    /// The table's unit (e.g. "million USD").
    public let unit: String

    /// Computes `measure` for `reporter`; throws `.unknownRegion` for a region the table lacks and
    /// `.dimensionMismatch` for a single-region table.
    ///
    /// - Complexity: import content O(nᵣ³ + nᵣ² · m) for nᵣ reporter sectors and m origins; foreign value added
    ///   O(n³ + n² · m) for the whole table's n sectors.
    public init(table: InputOutputTable, reporter: String, measure: OriginMeasure = .importContent) throws(IOError) {
        let regions = table.regions
        guard regions.contains(reporter) else { throw .unknownRegion(reporter, known: regions) }
        let origins = regions.filter { $0 != reporter }
        guard !origins.isEmpty else {
            throw .dimensionMismatch(
                "the table has only region '\(reporter)'; the origin of imported inputs needs a multi-regional table")
        }
        // The same rule as `io validate` and the multipliers: on a table that is not provably productive the solves
        // below return numbers (negative import content) that mean nothing.
        try table.requireProductive()
        let reporterRows = table.indices(ofRegion: reporter)
        let exports = table.grossExports(ofRegion: reporter)
        let perUnit: Matrix
        switch measure {
        case .importContent:
            perUnit = try Self.importContentPerUnit(table: table, reporterRows: reporterRows, origins: origins)
        case .foreignValueAdded:
            perUnit = try Self.foreignValueAddedPerUnit(table: table, reporterRows: reporterRows, origins: origins)
        }
        var embodied = Matrix(rows: origins.count, columns: reporterRows.count)
        for j in 0..<reporterRows.count {
            for k in 0..<origins.count { embodied[k, j] = perUnit[j, k] * exports[j] }
        }
        if let bad = embodied.values.firstIndex(where: { !$0.isFinite }) {
            throw .outOfRange(
                "the \(measure.rawValue) of \(table.sectors[reporterRows[bad / origins.count]])'s exports from \(origins[bad % origins.count]) is not a finite number"
            )
        }
        self.reporter = reporter
        self.measure = measure
        self.exportSectors = reporterRows.map { table.sectors[$0] }
        self.exports = exports
        self.origins = origins
        self.embodied = embodied
        self.unit = table.unit
    }

    /// Total embodied value per export sector (column sums over origins).
    public var totalPerSector: [Double] { embodied.columnSums() }

    /// W (nᵣ × m): column k solves (I − A(r,r))ᵀ · w = A(s_k, r)ᵀ · 1.
    private static func importContentPerUnit(table: InputOutputTable, reporterRows: [Int], origins: [String])
        throws(IOError) -> Matrix
    {
        let coefficients = table.technicalCoefficients()
        let domestic = coefficients.submatrix(rows: reporterRows, columns: reporterRows)
        var importCoefficients = Matrix(rows: reporterRows.count, columns: origins.count)
        for (k, origin) in origins.enumerated() {
            let columnSums = coefficients.submatrix(rows: table.indices(ofRegion: origin), columns: reporterRows)
                .columnSums()
            for (j, sum) in columnSums.enumerated() { importCoefficients[j, k] = sum }
        }
        return try LUFactorization(identityMinus(domestic)).solve(importCoefficients, transposed: true)
    }

    /// W (nᵣ × m): column k is the reporter's part of the solution of (I − A)ᵀ · w = v̂ restricted to s_k.
    private static func foreignValueAddedPerUnit(table: InputOutputTable, reporterRows: [Int], origins: [String])
        throws(IOError) -> Matrix
    {
        let n = table.sectorCount
        let valueAdded = table.valueAdded
        var shares = Matrix(rows: n, columns: origins.count)
        for (k, origin) in origins.enumerated() {
            for i in table.indices(ofRegion: origin) {
                let output = table.grossOutput[i]
                shares[i, k] = output == 0 ? 0 : valueAdded[i] / output
            }
        }
        let solved = try LUFactorization(identityMinus(table.technicalCoefficients())).solve(shares, transposed: true)
        return solved.submatrix(rows: reporterRows, columns: Array(0..<origins.count))
    }

    /// I − M for a square M.
    private static func identityMinus(_ matrix: Matrix) -> Matrix {
        let n = matrix.rows
        var result = matrix.values
        for j in 0..<n {
            for i in 0..<n { result[j * n + i] = (i == j ? 1 : 0) - matrix.values[j * n + i] }
        }
        return Matrix(rows: n, columns: n, columnMajor: result)
    }
}
