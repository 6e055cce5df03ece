import ChainRiskCore

/// Collects the cells of an input-output table by label — intermediate flows, final demand and primary inputs — and
/// builds `TableParts`, summing cells that fold onto one label (ICIO's CN1/CN2 into CHN).
///
/// The layouts whose files label every cell (ICIO, FIGARO matrix and flat file) share it: each decides what a row
/// and a column are, the accumulator does the arithmetic. Gross output is the row total of Z and Y, as pymrio's
/// `calc_x` computes it; the primary inputs become the reported value added for the column balance check.
struct TableAccumulator {
    private(set) var sectors: [IOSectorLabel] = []
    private var sectorIndex: [IOSectorLabel: Int] = [:]
    private(set) var finalDemandColumns: [FinalDemandLabel] = []
    private var finalDemandIndex: [FinalDemandLabel: Int] = [:]
    /// Z, column-major.
    private var intermediate: [Double]
    /// Y, one array of n values per final-demand column.
    private var finalDemand: [[Double]] = []
    private var primary: [Double]
    private var anyPrimary = false

    /// Registers the sectors in table order before cells are added.
    init(sectors: [IOSectorLabel]) {
        for sector in sectors where sectorIndex[sector] == nil {
            sectorIndex[sector] = self.sectors.count
            self.sectors.append(sector)
        }
        intermediate = [Double](repeating: 0, count: self.sectors.count * self.sectors.count)
        primary = [Double](repeating: 0, count: self.sectors.count)
    }

    func index(of sector: IOSectorLabel) -> Int? { sectorIndex[sector] }

    /// Adds `value` to Z[row, column].
    mutating func addFlow(from row: Int, to column: Int, _ value: Double) {
        intermediate[column * sectors.count + row] += value
    }

    /// The index of a final-demand column, added on first use.
    mutating func finalDemandColumn(_ label: FinalDemandLabel) -> Int {
        if let known = finalDemandIndex[label] { return known }
        finalDemandIndex[label] = finalDemandColumns.count
        finalDemandColumns.append(label)
        finalDemand.append([Double](repeating: 0, count: sectors.count))
        return finalDemandColumns.count - 1
    }

    /// Adds `value` to final-demand column `column` (from `finalDemandColumn`) for the output of `row`.
    mutating func addFinalDemand(from row: Int, to column: Int, _ value: Double) {
        finalDemand[column][row] += value
    }

    /// Adds a primary input (value added, taxes less subsidies) of the sector in `column`.
    mutating func addPrimaryInput(to column: Int, _ value: Double) {
        primary[column] += value
        anyPrimary = true
    }

    /// The table's parts: Z, Y, x = row totals of Z and Y, and the reported value added where primary rows exist.
    func parts(unit: String, findings: FindingLog) -> TableParts {
        let n = sectors.count
        let z = Matrix(rows: n, columns: n, columnMajor: intermediate)
        let y = Matrix(rows: n, columns: finalDemand.count, columnMajor: finalDemand.flatMap { $0 })
        let grossOutput = zip(z.rowSums(), y.rowSums()).map { $0 + $1 }
        return TableParts(
            sectors: sectors, intermediate: z, finalDemand: y, finalDemandColumns: finalDemandColumns,
            grossOutput: grossOutput, unit: unit, findings: findings, reportedValueAdded: anyPrimary ? primary : nil)
    }
}
