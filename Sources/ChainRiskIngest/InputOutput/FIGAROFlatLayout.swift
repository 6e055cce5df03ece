import ChainRiskCore

/// Reads Eurostat FIGARO's flat file: one cell a line,
/// `icsupRow,icsupCol,refArea,rowPi,counterpartArea,colPi,obsValue` (EUR million).
///
/// Read twice, streamed: the first pass learns which (area, code) pairs are industries (both a row and a column), the
/// second adds every value. Columns that are not industries are final demand (`P3_S13`, `P51G`, …); rows that are
/// not industries are primary inputs (`W2` `D1`, `B2A3G`, …).
enum FIGAROFlatLayout {
    static let columns = ["icsupRow", "icsupCol", "refArea", "rowPi", "counterpartArea", "colPi", "obsValue"]

    static func read(_ files: InputOutputFiles) throws -> TableParts {
        let file = files.intermediate
        var rowKeys: Set<IOSectorLabel> = []
        var columnOrder: [IOSectorLabel] = []
        var columnKeys: Set<IOSectorLabel> = []
        try forEachCell(file) { row, column, _, _ in
            rowKeys.insert(row)
            if columnKeys.insert(column).inserted { columnOrder.append(column) }
        }
        var regionNames = RegionNames(family: .figaro)
        let industries = columnOrder.filter { rowKeys.contains($0) }
        var table = TableAccumulator(
            sectors: industries.map { IOSectorLabel(region: regionNames.region($0.region), sector: $0.sector) })
        guard !table.sectors.isEmpty else {
            throw InputError(
                .badStructure, "no industry found: no (area, code) pair is both a row and a column",
                at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        let isIndustry = Set(industries)
        let regions = Set(table.sectors.map(\.region))
        var findings = FindingLog()
        try forEachCell(file) { row, column, value, _ in
            guard value != 0 else { return }
            let rowIndex =
                isIndustry.contains(row)
                ? table.index(of: IOSectorLabel(region: regionNames.region(row.region), sector: row.sector)) : nil
            if isIndustry.contains(column),
                let to = table.index(
                    of: IOSectorLabel(region: regionNames.region(column.region), sector: column.sector))
            {
                if let from = rowIndex {
                    table.addFlow(from: from, to: to, value)
                } else if !CombinedLabelLayout.totals.contains(row.sector.uppercased()) {
                    table.addPrimaryInput(to: to, value)
                }
            } else if let from = rowIndex, !CombinedLabelLayout.totals.contains(column.sector.uppercased()) {
                let region = regionNames.region(column.region)
                let label = FinalDemandLabel(region: regions.contains(region) ? region : "", category: column.sector)
                table.addFinalDemand(from: from, to: table.finalDemandColumn(label), value)
            }
        }
        for note in regionNames.notes { findings.record(Finding(.mappedCode, note)) }
        return table.parts(unit: CombinedLabelLayout.Family.figaro.unit, findings: findings)
    }

    /// Calls `body` with the row and column (area, code) and the value of every line, after checking the header.
    private static func forEachCell(
        _ file: InputFile, _ body: (IOSectorLabel, IOSectorLabel, Double, SourceLocation) throws -> Void
    ) throws {
        let reader = CSVReader(source: try file.open(), file: file.displayName, separator: UInt8(ascii: ","))
        let header = try reader.readHeader()
        guard Array(header.prefix(columns.count)) == columns else {
            throw InputError(
                .missingColumn,
                "expected columns \(columns.joined(separator: ",")), found \(header.prefix(8).joined(separator: ","))",
                at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        while try reader.nextRecord() {
            try reader.requireFieldCount(header.count)
            let row = IOSectorLabel(region: reader.string(2), sector: reader.string(3))
            let column = IOSectorLabel(region: reader.string(4), sector: reader.string(5))
            guard let value = try reader.double(6, name: "obsValue") else {
                throw InputError(.badValue, "empty obsValue", at: reader.location(6))
            }
            try body(row, column, value, reader.location(6))
        }
    }
}
