import ChainRiskCore

/// Reads an EXIOBASE 3 folder (`IOT_YYYY_ixi` or `_pxp`, unzipped): `A.txt` or `Z.txt`, `Y.txt`, and where present
/// `x.txt` and `unit.txt`; tab-separated, two header rows (region, sector or category) and two index columns.
///
/// With coefficients only, gross output is x = (I − A)⁻¹ · y (y the row totals of Y), as pymrio computes it, and
/// Z = A · diag(x); with `x.txt` the file's output is used. The unit is `unit.txt`'s (M.EUR in the releases).
enum EXIOBASELayout {
    static func read(_ files: InputOutputFiles) throws -> TableParts {
        let flows = try EXIOBASEText.read(files.intermediate)
        let n = flows.rowLabels.count
        let sectors = try PymrioTextLayout.squareSectors(
            rows: flows.rowLabels, columns: flows.columnLabels, file: files.intermediate)
        let y = try EXIOBASEText.read(files.finalDemand)
        guard
            y.rowLabels.map({ $0.prefix(2).joined(separator: "\u{1F}") })
                == flows.rowLabels.map({ $0.joined(separator: "\u{1F}") })
        else {
            throw InputError(
                .badStructure, "the rows of Y are not the rows of \(files.intermediate.displayName) in the same order",
                at: SourceLocation(file: files.finalDemand.displayName, line: 1, column: 1))
        }
        let finalDemand = Matrix(rows: n, columns: y.columnLabels.count, columnMajor: y.columnMajor)
        let columns = y.columnLabels.map {
            FinalDemandLabel(region: $0.first ?? "", category: $0.count > 1 ? $0[1] : "")
        }
        var findings = FindingLog()
        let coefficients = files.intermediate.displayName.split(separator: "/").last == "A.txt"
        var grossOutput: [Double]
        if let xFile = files.grossOutput {
            grossOutput = try EXIOBASEText.readColumn(xFile)
            guard grossOutput.count == n else {
                throw InputError(
                    .badStructure, "expected \(n) rows of gross output, found \(grossOutput.count)",
                    at: SourceLocation(file: xFile.displayName, line: 1, column: 1))
            }
        } else if coefficients {
            grossOutput = try Self.output(
                coefficients: flows.columnMajor, n: n, demand: finalDemand.rowSums(), file: files.intermediate)
            findings.record(Finding(.unitAssumed, "x.txt not given: gross output computed as (I − A)⁻¹ · y"))
        } else {
            grossOutput = zip(
                Matrix(rows: n, columns: n, columnMajor: flows.columnMajor).rowSums(), finalDemand.rowSums()
            )
            .map { $0 + $1 }
        }
        var z = flows.columnMajor
        if coefficients {
            for j in 0..<n {
                for i in 0..<n { z[j * n + i] *= grossOutput[j] }
            }
        }
        var unit = "million EUR"
        if let units = try? EXIOBASEText.readUnits(files.intermediate.sibling("unit.txt")), let first = units.first {
            unit = first == "M.EUR" || first == "Mill EUR" ? "million EUR" : first == "Mill USD" ? "million USD" : first
        }
        return TableParts(
            sectors: sectors, intermediate: Matrix(rows: n, columns: n, columnMajor: z), finalDemand: finalDemand,
            finalDemandColumns: columns, grossOutput: grossOutput, unit: unit, findings: findings)
    }

    /// x = (I − A)⁻¹ · y as the fixed point of x = y + A·x (readers may not depend on ChainRiskIO's LU solve; the
    /// releases ship x.txt, so this serves files without it, such as pymrio's mock). Converges for a productive A;
    /// stops when no entry moves by more than 1e-15 of its size, refuses after 100,000 rounds or above 2,000 sectors.
    private static func output(coefficients: [Double], n: Int, demand: [Double], file: InputFile) throws -> [Double] {
        guard n <= 2_000 else {
            throw InputError(
                .badStructure, "\(n) sectors and no x.txt: give the release's x.txt beside A.txt",
                at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        var x = demand
        for _ in 0..<100_000 {
            var next = demand
            for j in 0..<n where x[j] != 0 {
                let xj = x[j]
                for i in 0..<n { next[i] += coefficients[j * n + i] * xj }
            }
            let moved = zip(next, x).allSatisfy { abs($0 - $1) <= 1e-15 * max(abs($0), 1e-300) }
            x = next
            if moved { return x }
        }
        throw InputError(
            .badStructure, "x = y + A·x does not converge: A is not productive (spectral radius ≥ 1)",
            at: SourceLocation(file: file.displayName, line: 1, column: 1))
    }
}

/// EXIOBASE's tab-separated text: header rows with an index name first (`region`, `sector`), an optional row of
/// index names, then rows with two label cells.
struct EXIOBASEText {
    var columnLabels: [[String]]
    var rowLabels: [[String]]
    var columnMajor: [Double]

    static func read(_ file: InputFile, labelColumns: Int = 2) throws -> EXIOBASEText {
        let reader = CSVReader(source: try file.open(), file: file.displayName, separator: 0x09)
        var columnLabels: [[String]] = []
        var rowLabels: [[String]] = []
        var rowMajor: [Double] = []
        var width = 0
        while try reader.nextRecord() {
            if width == 0 {
                width = reader.fieldCount
                columnLabels = [[String]](repeating: [], count: max(width - labelColumns, 0))
            }
            try reader.requireFieldCount(width)
            let values = labelColumns..<width
            if rowLabels.isEmpty && reader.isBlank(1) && !reader.isBlank(0) {
                for column in values { columnLabels[column - labelColumns].append(reader.string(column)) }
                continue
            }
            if rowLabels.isEmpty && values.allSatisfy({ reader.isBlank($0) }) { continue }
            rowLabels.append((0..<labelColumns).map { reader.string($0) })
            for column in values {
                rowMajor.append(
                    try reader.double(column, name: columnLabels[column - labelColumns].joined(separator: " ")) ?? 0)
            }
        }
        let rows = rowLabels.count
        let columns = max(width - labelColumns, 0)
        var columnMajor = [Double](repeating: 0, count: rows * columns)
        for i in 0..<rows {
            for j in 0..<columns { columnMajor[j * rows + i] = rowMajor[i * columns + j] }
        }
        return EXIOBASEText(columnLabels: columnLabels, rowLabels: rowLabels, columnMajor: columnMajor)
    }

    /// The unit column of `unit.txt` (region, sector, unit), in row order.
    static func readUnits(_ file: InputFile) throws -> [String] {
        let reader = CSVReader(source: try file.open(), file: file.displayName, separator: 0x09)
        _ = try reader.readHeader()
        var units: [String] = []
        while try reader.nextRecord() {
            if reader.fieldCount >= 3 { units.append(reader.string(2)) }
        }
        return units
    }

    /// The value column of `x.txt` (region, sector, indout), in row order.
    static func readColumn(_ file: InputFile) throws -> [Double] {
        let reader = CSVReader(source: try file.open(), file: file.displayName, separator: 0x09)
        let header = try reader.readHeader()
        var values: [Double] = []
        while try reader.nextRecord() {
            try reader.requireFieldCount(header.count)
            values.append(try reader.double(2, name: header.count > 2 ? header[2] : "indout") ?? 0)
        }
        return values
    }
}
