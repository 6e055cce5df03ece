public import ChainRiskCore

/// How much each industry of a reporter depends on each supplier country: directly, and through every tier.
///
/// With A the technical coefficients and L = (I − A)⁻¹, for an industry c of reporter R and a supplier s ≠ R:
/// - direct exposure d_s(c) = Σ_{i∈s} A[i, c]: inputs bought from s per unit of c's output;
/// - total exposure t_s(c) = Σ_{i∈s} (L − I)[i, c]: output of s needed, through all tiers, per unit of c's output
///   (a Dutch machine builder's German components made with Chinese parts count for China);
/// - hidden exposure t − d, never negative for a productive table (L − I = A + A² + … ≥ A).
/// Only the reporter's columns of L are formed: one LU factorisation of I − A and nᵣ solves.
/// Baldwin, Freeman and Theodorakopoulos (2023), "Hidden exposure: measuring US supply chain reliance", Brookings
/// Papers on Economic Activity, measure the same look-through exposure.
public struct SupplierExposure: Sendable {
    public let reporter: String
    /// The reporter's industries, in table order.
    public let industries: [IOSectorLabel]
    /// Gross output of each reporter industry, the weights of `aggregate`.
    public let grossOutput: [Double]
    /// The other regions, in table order.
    public let suppliers: [String]
    /// d: row k = `suppliers[k]`, column j = `industries[j]`.
    public let direct: Matrix
    /// t: the same shape.
    public let total: Matrix
    /// Σ_{i∈R} (L − I)[i, j]: the reporter's own output needed per unit of industry j, through every tier.
    public let domesticTotal: [Double]
    /// Gross exports of each reporter industry (`InputOutputTable.grossExports(ofRegion:)`).
    public let exports: [Double]
    public let unit: String

    /// Computes both measures; throws `.unknownRegion` for a region the table lacks, `.dimensionMismatch` for a
    /// single-region table and the productivity error of `requireProductive`.
    ///
    /// - Complexity: O(n³) for the factorisation and O(n² · nᵣ) for the reporter's columns.
    public init(table: InputOutputTable, reporter: String) throws(IOError) {
        let regions = table.regions
        guard regions.contains(reporter) else { throw .unknownRegion(reporter, known: regions) }
        let suppliers = regions.filter { $0 != reporter }
        guard !suppliers.isEmpty else {
            throw .dimensionMismatch("the table has only region '\(reporter)'; exposure to suppliers needs several")
        }
        try table.requireProductive()
        let columns = table.indices(ofRegion: reporter)
        let coefficients = table.technicalCoefficients()
        let model = try LeontiefModel(coefficients: coefficients)
        let n = table.sectorCount
        var units = Matrix(rows: n, columns: columns.count)
        for (j, column) in columns.enumerated() { units[column, j] = 1 }
        let inverseColumns = model.output(for: units)
        var direct = Matrix(rows: suppliers.count, columns: columns.count)
        var total = Matrix(rows: suppliers.count, columns: columns.count)
        for (k, supplier) in suppliers.enumerated() {
            for i in table.indices(ofRegion: supplier) {
                for (j, column) in columns.enumerated() {
                    direct[k, j] += coefficients[i, column]
                    total[k, j] += inverseColumns[i, j]
                }
            }
        }
        let own = table.indices(ofRegion: reporter)
        domesticTotal = columns.indices.map { j in own.reduce(0) { $0 + inverseColumns[$1, j] } - 1 }
        exports = table.grossExports(ofRegion: reporter)
        self.reporter = reporter
        self.industries = columns.map { table.sectors[$0] }
        self.grossOutput = columns.map { table.grossOutput[$0] }
        self.suppliers = suppliers
        self.direct = direct
        self.total = total
        self.unit = table.unit
    }

    /// Hidden exposure t − d of one supplier, for one industry or a group (0 where rounding makes it negative).
    public static func hidden(total: Double, direct: Double) -> Double { max(0, total - direct) }

    /// Direct and total exposure of a group of the reporter's industries, weighted by their gross output (for the
    /// whole economy pass every index); an industry without output counts for nothing.
    public func aggregate(industries group: [Int]) -> (direct: [Double], total: [Double]) {
        let weight = group.reduce(0) { $0 + max(grossOutput[$1], 0) }
        guard weight > 0 else {
            return ([Double](repeating: 0, count: suppliers.count), [Double](repeating: 0, count: suppliers.count))
        }
        var direct = [Double](repeating: 0, count: suppliers.count)
        var total = [Double](repeating: 0, count: suppliers.count)
        for j in group where grossOutput[j] > 0 {
            let share = grossOutput[j] / weight
            for k in suppliers.indices {
                direct[k] += share * self.direct[k, j]
                total[k] += share * self.total[k, j]
            }
        }
        return (direct, total)
    }
}
