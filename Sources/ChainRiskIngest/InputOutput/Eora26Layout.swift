import ChainRiskCore

/// Reads Eora26's headerless text files: `Eora26_YYYY_bp_T.txt` (intermediate flows), `…_FD.txt` (final demand) and
/// `…_VA.txt` (primary inputs), tab-separated numbers, labelled by `labels_T.txt`, `labels_FD.txt` and
/// `labels_VA.txt` beside them (country name, code, kind, sector or category). Eora's unit is thousand USD.
enum Eora26Layout {
    static func read(_ files: InputOutputFiles) throws -> TableParts {
        let sectorLabels = try labels(files.intermediate.sibling("labels_T.txt"))
        let sectors = sectorLabels.map { IOSectorLabel(region: $0.code, sector: $0.name) }
        let n = sectors.count
        let t = try numbers(files.intermediate, rows: n, columns: n)
        let demandLabels = try labels(files.intermediate.sibling("labels_FD.txt"))
        let y = try numbers(files.finalDemand, rows: n, columns: demandLabels.count)
        var reportedValueAdded: [Double]?
        if let vaFile = files.valueAdded {
            let primary = try labels(files.intermediate.sibling("labels_VA.txt"))
            let va = try numbers(vaFile, rows: primary.count, columns: n)
            reportedValueAdded = (0..<n).map { j in (0..<primary.count).reduce(0) { $0 + va[$1, j] } }
        }
        let grossOutput = zip(t.rowSums(), y.rowSums()).map { $0 + $1 }
        return TableParts(
            sectors: sectors, intermediate: t, finalDemand: y,
            finalDemandColumns: demandLabels.map { FinalDemandLabel(region: $0.code, category: $0.name) },
            grossOutput: grossOutput, unit: "thousand USD", reportedValueAdded: reportedValueAdded)
    }

    /// The lines of a label file: the code (second field) and the sector or category (fourth, else the last).
    private static func labels(_ file: InputFile) throws -> [(code: String, name: String)] {
        let reader = CSVReader(source: try file.open(), file: file.displayName, separator: 0x09)
        var result: [(code: String, name: String)] = []
        while try reader.nextRecord() {
            guard reader.fieldCount >= 2 else {
                throw InputError(.badStructure, "expected tab-separated labels", at: reader.location(0))
            }
            result.append((reader.string(1), reader.string(min(3, reader.fieldCount - 1))))
        }
        return result
    }

    /// A headerless tab-separated block of `rows` × `columns` numbers.
    private static func numbers(_ file: InputFile, rows: Int, columns: Int) throws -> Matrix {
        let reader = CSVReader(source: try file.open(), file: file.displayName, separator: 0x09)
        var values = [Double](repeating: 0, count: rows * columns)
        var row = 0
        while try reader.nextRecord() {
            guard row < rows else {
                throw InputError(
                    .badStructure, "more than the \(rows) rows its label file names", at: reader.location(0))
            }
            try reader.requireFieldCount(columns)
            for j in 0..<columns { values[j * rows + row] = try reader.double(j, name: "column \(j + 1)") ?? 0 }
            row += 1
        }
        guard row == rows else {
            throw InputError(
                .badStructure, "\(row) rows, but its label file names \(rows)",
                at: SourceLocation(file: file.displayName, line: row + 1, column: 1))
        }
        return Matrix(rows: rows, columns: columns, columnMajor: values)
    }
}
