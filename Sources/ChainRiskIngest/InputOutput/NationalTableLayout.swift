import ChainRiskCore
import Foundation

/// Reads a national symmetric table: a square CSV of intermediate flows with codes as labels (empty corner cell),
/// and an accounts file with one row per code and columns for sectoral output and final-demand categories.
///
/// Accounts columns (as in the Belgian and Swedish NACE 64 tables): `Sectoral output (M€/y)` is gross output;
/// `Household demand (…)` and every `Other consumption - … (…)` column are final demand (their sum, `Total other
/// demand`, is not a category). The unit is the one in the sectoral-output header, without the `/y`.
enum NationalTableLayout {
    static func read(_ files: InputOutputFiles, region: String) throws -> TableParts {
        let z = try MatrixCSVLayout.readMatrixCSV(files.intermediate)
        try MatrixCSVLayout.requireUniqueRows(z, file: files.intermediate)
        guard z.rowLabels == z.columnLabels else {
            throw InputError(
                .badStructure, "rows and columns of the intermediate flows carry different codes",
                at: SourceLocation(file: files.intermediate.displayName, line: 1, column: 1))
        }
        let n = z.rowLabels.count
        let sectors = z.rowLabels.map { IOSectorLabel(region: region, sector: $0) }
        let intermediate = Matrix(rows: n, columns: n, columnMajor: z.values)

        let accounts = try MatrixCSVLayout.readMatrixCSV(files.finalDemand)
        let aligned = try MatrixCSVLayout.align(accounts, to: z.rowLabels, file: files.finalDemand)
        let headers = accounts.columnLabels.map(Self.splitUnit)
        let demandColumns = headers.indices.filter { index in
            headers[index].name.hasPrefix("Household demand") || headers[index].name.hasPrefix("Other consumption")
        }
        guard !demandColumns.isEmpty else {
            throw InputError(
                .missingColumn, "no final-demand columns ('Household demand', 'Other consumption - …')",
                at: SourceLocation(file: files.finalDemand.displayName, line: 1, column: 1))
        }
        var finalDemand = Matrix(rows: n, columns: demandColumns.count)
        for (target, column) in demandColumns.enumerated() {
            for i in 0..<n { finalDemand[i, target] = aligned[i, column] }
        }
        let finalColumns = demandColumns.map {
            FinalDemandLabel(region: region, category: Self.category(headers[$0].name))
        }

        var unit = ""
        let grossOutput: [Double]
        if let xFile = files.grossOutput {
            grossOutput = try MatrixCSVLayout.align(MatrixCSVLayout.readMatrixCSV(xFile), to: z.rowLabels, file: xFile)
                .column(0)
        } else {
            guard let outputColumn = headers.firstIndex(where: { $0.name == "Sectoral output" }) else {
                throw InputError(
                    .missingColumn, "no 'Sectoral output' column (or give --gross-output)",
                    at: SourceLocation(file: files.finalDemand.displayName, line: 1, column: 1))
            }
            grossOutput = aligned.column(outputColumn)
            unit = headers[outputColumn].unit
        }
        return TableParts(
            sectors: sectors, intermediate: intermediate, finalDemand: finalDemand, finalDemandColumns: finalColumns,
            grossOutput: grossOutput, unit: unit)
    }

    /// `Sectoral output (M€/y)` → name `Sectoral output`, unit `M€`.
    static func splitUnit(_ header: String) -> (name: String, unit: String) {
        guard header.hasSuffix(")"), let open = header.lastIndex(of: "(") else { return (header, "") }
        let name = String(header[..<open]).trimmingASCIIWhitespace()
        var unit = String(header[header.index(after: open)..<header.index(before: header.endIndex)])
        if unit.hasSuffix("/y") { unit.removeLast(2) }
        return (String(name), unit)
    }

    /// `Other consumption - exports` → `exports`; `Household demand` → `households`.
    static func category(_ name: String) -> String {
        if name.hasPrefix("Household demand") { return "households" }
        if let dash = name.range(of: " - ") { return String(name[dash.upperBound...]) }
        return name
    }
}
