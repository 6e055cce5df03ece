import ChainRiskCore

/// Reads pymrio's text layout: tab-separated files whose first rows hold column labels (region, then sector or
/// category) and whose first columns hold row labels (region, sector, unit).
///
/// Gross output is the row total of Z and Y, as pymrio's `calc_x` computes it; `factor_input.txt`, when present,
/// gives the reported value added for the column balance check.
enum PymrioTextLayout {
    static func read(_ files: InputOutputFiles) throws -> TableParts {
        let z = try LabelledText.read(files.intermediate)
        let sectors = try squareSectors(rows: z.rowLabels, columns: z.columnLabels, file: files.intermediate)
        let n = sectors.count
        let intermediate = Matrix(rows: n, columns: n, columnMajor: z.columnMajor)

        let y = try LabelledText.read(files.finalDemand)
        let finalColumns = y.columnLabels.map {
            FinalDemandLabel(region: $0.first ?? "", category: $0.count > 1 ? $0[1] : "")
        }
        var rowOf: [IOSectorLabel: Int] = [:]
        for (index, label) in y.rowLabels.enumerated() where label.count >= 2 {
            rowOf[IOSectorLabel(region: label[0], sector: label[1])] = index
        }
        var finalDemand = Matrix(rows: n, columns: finalColumns.count)
        for (target, sector) in sectors.enumerated() {
            guard let source = rowOf[sector] else {
                throw InputError(
                    .badStructure, "no row for sector '\(sector.region) \(sector.sector)'",
                    at: SourceLocation(file: files.finalDemand.displayName, line: 1, column: 1))
            }
            for k in 0..<finalColumns.count { finalDemand[target, k] = y.columnMajor[k * y.rowLabels.count + source] }
        }
        if y.rowLabels.count != n {
            throw InputError(
                .badStructure, "expected \(n) rows like the intermediate flows, found \(y.rowLabels.count)",
                at: SourceLocation(file: files.finalDemand.displayName, line: 1, column: 1))
        }

        var reportedValueAdded: [Double]?
        if let vFile = files.valueAdded {
            reportedValueAdded = try valueAdded(vFile, sectors: sectors)
        }
        let grossOutput = zip(intermediate.rowSums(), finalDemand.rowSums()).map { $0 + $1 }
        return TableParts(
            sectors: sectors, intermediate: intermediate, finalDemand: finalDemand, finalDemandColumns: finalColumns,
            grossOutput: grossOutput, unit: z.unit ?? "", reportedValueAdded: reportedValueAdded)
    }

    /// The sectors of a square table labelled by region and sector in its rows and columns, in one order; an error
    /// naming the file where the table is not square or a column is labelled otherwise than its row.
    static func squareSectors(rows: [[String]], columns: [[String]], file: InputFile) throws -> [IOSectorLabel] {
        guard rows.count == columns.count, rows.allSatisfy({ $0.count >= 2 }) else {
            throw InputError(
                .badStructure,
                "expected a square table with region and sector labels, found \(rows.count) rows and \(columns.count) columns",
                at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        let sectors = rows.map { IOSectorLabel(region: $0[0], sector: $0[1]) }
        for (index, column) in columns.enumerated()
        where column.count < 2 || IOSectorLabel(region: column[0], sector: column[1]) != sectors[index] {
            throw InputError(
                .badStructure,
                "column \(index + 1) is labelled \(column.joined(separator: " ")), expected \(sectors[index].region) \(sectors[index].sector) (rows and columns must share one order)",
                at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        return sectors
    }

    /// The row `Value Added` (else the first row) of a factor-inputs file, in the order of `sectors`.
    private static func valueAdded(_ file: InputFile, sectors: [IOSectorLabel]) throws -> [Double] {
        let table = try LabelledText.read(file)
        let row = table.rowLabels.firstIndex { $0.first == "Value Added" } ?? 0
        guard row < table.rowLabels.count else {
            throw InputError(
                .emptyFile, "no value-added row", at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        var columnOf: [IOSectorLabel: Int] = [:]
        for (index, label) in table.columnLabels.enumerated() where label.count >= 2 {
            columnOf[IOSectorLabel(region: label[0], sector: label[1])] = index
        }
        return try sectors.map { sector in
            guard let column = columnOf[sector] else {
                throw InputError(
                    .badStructure, "no column for sector '\(sector.region) \(sector.sector)'",
                    at: SourceLocation(file: file.displayName, line: 1, column: 1))
            }
            return table.columnMajor[column * table.rowLabels.count + row]
        }
    }
}

/// A tab-separated table with several header rows and label columns, as pymrio writes it.
///
/// The label columns are the empty cells that open the first line; the header rows are the lines that open with
/// them. The third label column, when there is one, is the unit.
struct LabelledText {
    /// One entry per column: its labels from the header rows, top to bottom.
    var columnLabels: [[String]]
    /// One entry per row: its label cells, without the unit.
    var rowLabels: [[String]]
    var columnMajor: [Double]
    var unit: String?

    static func read(_ file: InputFile) throws -> LabelledText {
        let reader = CSVReader(source: try file.open(), file: file.displayName, separator: 0x09)
        guard try reader.nextRecord() else {
            throw InputError(
                .emptyFile, "the file is empty", at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        var labelColumns = 0
        while labelColumns < reader.fieldCount && reader.isBlank(labelColumns) { labelColumns += 1 }
        guard labelColumns > 0, labelColumns < reader.fieldCount else {
            throw InputError(
                .badStructure, "expected empty label cells, then column labels, on the first line",
                at: reader.location(0))
        }
        let width = reader.fieldCount
        var columnLabels = [[String]](repeating: [], count: width - labelColumns)
        var rowLabels: [[String]] = []
        var rowMajor: [Double] = []
        var unit: String?
        var inHeader = true
        repeat {
            try reader.requireFieldCount(width)
            if inHeader && reader.isBlank(0) {
                for column in labelColumns..<width { columnLabels[column - labelColumns].append(reader.string(column)) }
                continue
            }
            inHeader = false
            let labels = (0..<labelColumns).map { reader.string($0) }
            let nameColumns = labelColumns >= 3 ? 2 : max(labelColumns - 1, 1)
            rowLabels.append(Array(labels.prefix(nameColumns)))
            if unit == nil, labelColumns > nameColumns { unit = labels[nameColumns] }
            for column in labelColumns..<width {
                rowMajor.append(
                    try reader.double(column, name: columnLabels[column - labelColumns].joined(separator: " ")) ?? 0)
            }
        } while try reader.nextRecord()
        let rows = rowLabels.count
        let columns = width - labelColumns
        var columnMajor = [Double](repeating: 0, count: rows * columns)
        for i in 0..<rows {
            for j in 0..<columns { columnMajor[j * rows + i] = rowMajor[i * columns + j] }
        }
        return LabelledText(columnLabels: columnLabels, rowLabels: rowLabels, columnMajor: columnMajor, unit: unit)
    }
}
