import ChainRiskCore

/// Reads the matrix-CSV layout: square Z with combined labels, Y and x as labelled matrices (WIOD aggregates).
enum MatrixCSVLayout {
    static func read(_ files: InputOutputFiles) throws -> TableParts {
        var findings = FindingLog()
        let z = try readMatrixCSV(files.intermediate)
        let sectors = z.rowLabels.map { IOSectorLabel(combined: $0) }
        try requireUniqueRows(z, file: files.intermediate)
        guard z.rowLabels == z.columnLabels else {
            throw InputError(
                .badStructure, "rows and columns of the intermediate flows carry different labels",
                at: SourceLocation(file: files.intermediate.displayName, line: 1, column: 1))
        }
        findings.merge(z.findings)
        let y = try readMatrixCSV(files.finalDemand)
        findings.merge(y.findings)
        let yRows = try align(y, to: z.rowLabels, file: files.finalDemand)
        let regions = Set(sectors.map(\.region))
        let finalColumns = y.columnLabels.map { InputOutputTableReader.finalDemandLabel($0, regions: regions) }
        let intermediate = Matrix(rows: z.rowLabels.count, columns: z.rowLabels.count, columnMajor: z.values)
        let grossOutput: [Double]
        if let xFile = files.grossOutput {
            let x = try readMatrixCSV(xFile)
            findings.merge(x.findings)
            let aligned = try align(x, to: z.rowLabels, file: xFile)
            grossOutput = aligned.column(0)
        } else {
            grossOutput = zip(intermediate.rowSums(), yRows.rowSums()).map { $0 + $1 }
            findings.record(Finding(.unitAssumed, "gross output not given; taken as row totals of Z and Y"))
        }
        return TableParts(
            sectors: sectors, intermediate: intermediate, finalDemand: yRows, finalDemandColumns: finalColumns,
            grossOutput: grossOutput, unit: "million USD", findings: findings,
            negativeIntermediateCells: z.negativeCells)
    }

    struct LabelledValues {
        var rowLabels: [String]
        var columnLabels: [String]
        /// Column-major values.
        var values: [Double]
        var rowLines: [Int]
        /// Empty cells, read as 0, each noted where it is.
        var findings = FindingLog()
        /// Where each negative value is (row-major index), for findings about it.
        var negativeCells: [Int: SourceLocation] = [:]
    }

    /// Refuses a row label given twice, at its second row.
    static func requireUniqueRows(_ matrix: LabelledValues, file: InputFile) throws {
        var seen: Set<String> = []
        for (index, label) in matrix.rowLabels.enumerated() where !seen.insert(label).inserted {
            throw InputError(
                .badStructure, "row label '\(label)' appears twice",
                at: SourceLocation(file: file.displayName, line: matrix.rowLines[index], column: 1))
        }
    }

    /// Reads a matrix CSV (first column row labels, header column labels) into column-major values.
    static func readMatrixCSV(_ file: InputFile) throws -> LabelledValues {
        let reader = CSVReader(source: try file.open(), file: file.displayName, separator: UInt8(ascii: ","))
        let header = try reader.readHeader()
        guard header.count >= 2 else {
            throw InputError(
                .badStructure, "expected a label column and at least one value column",
                at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        let columnLabels = Array(header.dropFirst())
        var rowLabels: [String] = []
        var rowMajor: [Double] = []
        var lines: [Int] = []
        var findings = FindingLog()
        var negativeCells: [Int: SourceLocation] = [:]
        while try reader.nextRecord() {
            try reader.requireFieldCount(header.count)
            rowLabels.append(reader.string(0).trimmingASCIIWhitespace())
            lines.append(reader.line)
            for index in 1..<header.count {
                if let value = try reader.double(index, name: header[index]) {
                    if value < 0 { negativeCells[rowMajor.count] = reader.location(index) }
                    rowMajor.append(value)
                } else {
                    rowMajor.append(0)
                    findings.record(
                        Finding(
                            .missingValue, "empty cell in column '\(header[index])' read as 0",
                            at: reader.location(index)))
                }
            }
        }
        let rows = rowLabels.count
        let columns = columnLabels.count
        var values = [Double](repeating: 0, count: rows * columns)
        for i in 0..<rows {
            for j in 0..<columns { values[j * rows + i] = rowMajor[i * columns + j] }
        }
        return LabelledValues(
            rowLabels: rowLabels, columnLabels: columnLabels, values: values, rowLines: lines, findings: findings,
            negativeCells: negativeCells)
    }

    /// Reorders the rows of `matrix` to `labels`; a missing or extra row is an error naming the file.
    static func align(_ matrix: LabelledValues, to labels: [String], file: InputFile) throws -> Matrix {
        var position: [String: Int] = [:]
        for (index, label) in matrix.rowLabels.enumerated() {
            if position[label] != nil {
                throw InputError(
                    .badStructure, "row label '\(label)' appears twice",
                    at: SourceLocation(file: file.displayName, line: matrix.rowLines[index], column: 1))
            }
            position[label] = index
        }
        let rows = matrix.rowLabels.count
        var result = Matrix(rows: labels.count, columns: matrix.columnLabels.count)
        for (target, label) in labels.enumerated() {
            guard let source = position[label] else {
                throw InputError(
                    .badStructure, "no row for sector '\(label)'",
                    at: SourceLocation(file: file.displayName, line: 1, column: 1))
            }
            for j in 0..<matrix.columnLabels.count {
                result[target, j] = matrix.values[j * rows + source]
            }
        }
        if rows != labels.count {
            let extra = Set(matrix.rowLabels).subtracting(labels).sorted().prefix(3)
            let line = matrix.rowLabels.firstIndex { extra.first == $0 }.map { matrix.rowLines[$0] } ?? 1
            throw InputError(
                .badStructure, "rows not in the intermediate flows: \(extra.joined(separator: ", "))",
                at: SourceLocation(file: file.displayName, line: line, column: 1))
        }
        return result
    }
}
