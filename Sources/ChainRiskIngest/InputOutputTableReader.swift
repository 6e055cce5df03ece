import ChainRiskCore
import ChainRiskIO

/// An input-output table as read from files, with where it came from and what the reader noticed.
public struct LoadedInputOutputTable: Sendable {
    public var table: InputOutputTable
    public var files: InputOutputFiles
    public var layout: InputOutputLayout
    /// SHA-256 of each file read, by display name, for the report's provenance.
    public var fileDigests: [String: String]
    public var findings: FindingLog

    public init(
        table: InputOutputTable, files: InputOutputFiles, layout: InputOutputLayout,
        fileDigests: [String: String], findings: FindingLog
    ) {
        self.table = table
        self.files = files
        self.layout = layout
        self.fileDigests = fileDigests
        self.findings = findings
    }
}

/// The file layouts chainrisk reads input-output tables from.
public enum InputOutputLayout: String, Sendable, CaseIterable {
    /// Square CSV, first column `row` = combined label (`NLD_c1`), header = column labels (WIOD matrix files).
    case matrixCSV = "matrix-csv"
}

/// Reads input-output tables in any supported layout into an `InputOutputTable`.
public enum InputOutputTableReader {
    /// Reads the table whose intermediate flows are in `files.intermediate`, detecting the layout.
    public static func read(_ files: InputOutputFiles) throws -> LoadedInputOutputTable {
        var findings = FindingLog()
        let z = try readMatrixCSV(files.intermediate)
        let sectors = z.rowLabels.map { IOSectorLabel(combined: $0) }
        guard z.rowLabels == z.columnLabels else {
            throw InputError(.badStructure, "rows and columns of the intermediate flows carry different labels",
                             at: SourceLocation(file: files.intermediate.displayName, line: 1, column: 1))
        }
        let y = try readMatrixCSV(files.finalDemand)
        let yRows = try align(y, to: z.rowLabels, file: files.finalDemand)
        let regions = Set(sectors.map(\.region))
        let finalColumns = y.columnLabels.map { finalDemandLabel($0, regions: regions) }
        let intermediate = Matrix(rows: z.rowLabels.count, columns: z.rowLabels.count, columnMajor: z.values)
        let grossOutput: [Double]
        if let xFile = files.grossOutput {
            let x = try readMatrixCSV(xFile)
            let aligned = try align(x, to: z.rowLabels, file: xFile)
            grossOutput = aligned.column(0)
        } else {
            let rowTotals = zip(intermediate.rowSums(), yRows.rowSums()).map { $0 + $1 }
            grossOutput = rowTotals
            findings.record(Finding(.unitAssumed, "gross output not given; taken as row totals of Z and Y"))
        }
        let table: InputOutputTable
        do {
            table = try InputOutputTable(
                sectors: sectors, intermediate: intermediate, finalDemand: yRows,
                finalDemandColumns: finalColumns, grossOutput: grossOutput, unit: "million USD")
        } catch {
            throw InputError(.badStructure, error.description, at: SourceLocation(file: files.intermediate.displayName, line: 1, column: 1))
        }
        var digests: [String: String] = [:]
        for file in [files.intermediate, files.finalDemand] + (files.grossOutput.map { [$0] } ?? []) {
            digests[file.displayName] = try FileDigest.sha256(path: file.path).hex
        }
        return LoadedInputOutputTable(
            table: table, files: files, layout: .matrixCSV, fileDigests: digests, findings: findings)
    }

    /// Splits a final-demand label at the longest known region prefix (`EU_OTH_CONS_h` → `EU_OTH`, `CONS_h`).
    static func finalDemandLabel(_ label: String, regions: Set<String>) -> FinalDemandLabel {
        let best = regions.filter { !$0.isEmpty && label.hasPrefix($0 + "_") }.max { $0.count < $1.count }
        guard let best else { return FinalDemandLabel(region: "", category: label) }
        return FinalDemandLabel(region: best, category: String(label.dropFirst(best.count + 1)))
    }

    struct LabelledValues {
        var rowLabels: [String]
        var columnLabels: [String]
        /// Column-major values.
        var values: [Double]
        var rowLines: [Int]
    }

    /// Reads a matrix CSV (first column row labels, header column labels) into column-major values.
    static func readMatrixCSV(_ file: InputFile) throws -> LabelledValues {
        let reader = CSVReader(source: try file.open(), file: file.displayName, separator: UInt8(ascii: ","))
        let header = try reader.readHeader()
        guard header.count >= 2 else {
            throw InputError(.badStructure, "expected a label column and at least one value column",
                             at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        let columnLabels = Array(header.dropFirst())
        var rowLabels: [String] = []
        var rowMajor: [Double] = []
        var lines: [Int] = []
        while try reader.nextRecord() {
            try reader.requireFieldCount(header.count)
            rowLabels.append(reader.string(0))
            lines.append(reader.line)
            for index in 1..<header.count {
                rowMajor.append(try reader.double(index, name: header[index]) ?? 0)
            }
        }
        let rows = rowLabels.count, columns = columnLabels.count
        var values = [Double](repeating: 0, count: rows * columns)
        for i in 0..<rows {
            for j in 0..<columns { values[j * rows + i] = rowMajor[i * columns + j] }
        }
        return LabelledValues(rowLabels: rowLabels, columnLabels: columnLabels, values: values, rowLines: lines)
    }

    /// Reorders the rows of `matrix` to `labels`; a missing or extra row is an error naming the file.
    static func align(_ matrix: LabelledValues, to labels: [String], file: InputFile) throws -> Matrix {
        var position: [String: Int] = [:]
        for (index, label) in matrix.rowLabels.enumerated() {
            if position[label] != nil {
                throw InputError(.badStructure, "row label '\(label)' appears twice",
                                 at: SourceLocation(file: file.displayName, line: matrix.rowLines[index], column: 1))
            }
            position[label] = index
        }
        let rows = matrix.rowLabels.count
        var result = Matrix(rows: labels.count, columns: matrix.columnLabels.count)
        for (target, label) in labels.enumerated() {
            guard let source = position[label] else {
                throw InputError(.badStructure, "no row for sector '\(label)'",
                                 at: SourceLocation(file: file.displayName, line: 1, column: 1))
            }
            for j in 0..<matrix.columnLabels.count {
                result[target, j] = matrix.values[j * rows + source]
            }
        }
        if rows != labels.count {
            let extra = Set(matrix.rowLabels).subtracting(labels).sorted().prefix(3)
            throw InputError(.badStructure, "rows not in the intermediate flows: \(extra.joined(separator: ", "))",
                             at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        return result
    }
}
