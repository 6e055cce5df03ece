/// A (multi-regional) input-output table: intermediate flows Z, final demand Y and gross output x.
///
/// Rows and columns of Z share one label order; x[i] is the output of `sectors[i]`. Pure values, no I/O.
public struct InputOutputTable: Sendable {
    /// Row and column labels of Z, in table order.
    public let sectors: [IOSectorLabel]
    /// Z: intermediate deliveries, Z[i, j] from sector i to sector j.
    public let intermediate: Matrix
    /// Y: final demand, one column per `finalDemandColumns` entry (may have no columns).
    public let finalDemand: Matrix
    public let finalDemandColumns: [FinalDemandLabel]
    /// x: gross output per sector.
    public let grossOutput: [Double]
    /// The unit of every value (e.g. "million USD").
    public let unit: String

    public init(
        sectors: [IOSectorLabel],
        intermediate: Matrix,
        finalDemand: Matrix,
        finalDemandColumns: [FinalDemandLabel],
        grossOutput: [Double],
        unit: String
    ) throws(IOError) {
        let n = sectors.count
        guard intermediate.rows == n, intermediate.columns == n else {
            throw .dimensionMismatch(
                "intermediate flows are \(intermediate.rows) × \(intermediate.columns), expected \(n) × \(n)")
        }
        guard finalDemand.rows == n, finalDemand.columns == finalDemandColumns.count else {
            throw .dimensionMismatch(
                "final demand is \(finalDemand.rows) × \(finalDemand.columns), expected \(n) × \(finalDemandColumns.count)"
            )
        }
        guard grossOutput.count == n else {
            throw .dimensionMismatch("gross output has \(grossOutput.count) values, expected \(n)")
        }
        try Self.requireFiniteTotal(
            sectors: sectors, intermediate: intermediate, finalDemand: finalDemand,
            finalDemandColumns: finalDemandColumns, grossOutput: grossOutput)
        self.sectors = sectors
        self.intermediate = intermediate
        self.finalDemand = finalDemand
        self.finalDemandColumns = finalDemandColumns
        self.grossOutput = grossOutput
        self.unit = unit
    }

    /// Throws `.outOfRange` when a cell is not a finite number or the cells' magnitudes sum past the largest double:
    /// every total, product and inverse of such a table would be infinite or NaN.
    private static func requireFiniteTotal(
        sectors: [IOSectorLabel], intermediate: Matrix, finalDemand: Matrix, finalDemandColumns: [FinalDemandLabel],
        grossOutput: [Double]
    ) throws(IOError) {
        var total = 0.0
        for value in intermediate.values { total += abs(value) }
        for value in finalDemand.values { total += abs(value) }
        for value in grossOutput { total += abs(value) }
        guard !total.isFinite else { return }
        // The largest cell names where to look.
        var place = ""
        var largest = -1.0
        for (index, value) in intermediate.values.enumerated() where !(abs(value) <= largest) {
            largest = value.isNaN ? .infinity : abs(value)
            place =
                "intermediate flow from \(sectors[index % sectors.count]) to \(sectors[index / sectors.count]) is \(value)"
        }
        for (index, value) in finalDemand.values.enumerated() where !(abs(value) <= largest) {
            largest = value.isNaN ? .infinity : abs(value)
            place =
                "final demand for \(sectors[index % sectors.count]) in \(finalDemandColumns[index / sectors.count]) is \(value)"
        }
        for (index, value) in grossOutput.enumerated() where !(abs(value) <= largest) {
            largest = value.isNaN ? .infinity : abs(value)
            place = "gross output of \(sectors[index]) is \(value)"
        }
        throw .outOfRange(
            "the table's values sum beyond the largest number a double holds (about 1.8e308), so its totals and "
                + "inverses cannot be computed; the largest: \(place)")
    }

    public var sectorCount: Int { sectors.count }

    /// Regions in table order, each once.
    public var regions: [String] {
        var seen = Set<String>()
        return sectors.compactMap { seen.insert($0.region).inserted ? $0.region : nil }
    }

    /// Indices of the sectors of `region`, in table order.
    public func indices(ofRegion region: String) -> [Int] {
        sectors.indices.filter { sectors[$0].region == region }
    }

    /// Total final demand per sector (row sums of Y).
    public var totalFinalDemand: [Double] { finalDemand.rowSums() }

    /// Value added per sector: vⱼ = xⱼ − Σᵢ Zᵢⱼ (the letter's tables carry no separate value-added rows).
    public var valueAdded: [Double] {
        let inputs = intermediate.columnSums()
        return zip(grossOutput, inputs).map { $0 - $1 }
    }
}
