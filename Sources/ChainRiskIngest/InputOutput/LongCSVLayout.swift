import ChainRiskCore

/// Reads the sparse long-CSV layout (WIOD full table): one non-zero cell a line, streamed, gzip or plain.
///
/// Sector order is the gross-output file's order, or first appearance in the flows when there is none. Cells not
/// listed are zero; a cell listed twice is summed and reported (`duplicate_key`).
enum LongCSVLayout {
    /// Row label columns, column label columns and the value column of a long file.
    private static let fieldCount = 5

    static func read(_ files: InputOutputFiles) throws -> TableParts {
        var findings = FindingLog()
        let index = SectorIndex(fixedBy: files.grossOutput.map { "gross-output file \($0.displayName)" })
        var grossOutputs: [Double] = []
        if let xFile = files.grossOutput {
            let reader = CSVReader(source: try xFile.open(), file: xFile.displayName, separator: UInt8(ascii: ","))
            let header = try reader.readHeader()
            guard header.count == 3 else {
                throw InputError(
                    .wrongColumnCount, "expected 3 columns (country, industry, gross output), found \(header.count)",
                    at: SourceLocation(file: xFile.displayName, line: 1, column: 1))
            }
            while try reader.nextRecord() {
                try reader.requireFieldCount(3)
                let label = IOSectorLabel(region: reader.string(0), sector: reader.string(1))
                try InputOutputLimits.require(sectors: index.labels.count + 1, at: reader.location(0))
                guard index.append(label) else {
                    throw InputError(.badStructure, "sector '\(label)' is listed twice", at: reader.location(0))
                }
                grossOutputs.append(try reader.double(2, name: header[2]) ?? 0)
            }
        }
        let flows = try readCells(files.intermediate, index: index, findings: &findings) { reader in
            try index.position(region: reader.string(2), sector: reader.string(3), in: reader, field: 2)
        }
        let n = index.labels.count
        var intermediate = Matrix(rows: n, columns: n)
        var seen = [Bool](repeating: false, count: n * n)
        for cell in flows {
            let offset = cell.column * n + cell.row
            if seen[offset] {
                findings.record(
                    Finding(
                        .duplicateKey,
                        "cell \(index.labels[cell.row]) → \(index.labels[cell.column]) listed twice; values summed",
                        at: SourceLocation(file: files.intermediate.displayName, line: cell.line, column: 1)))
            }
            seen[offset] = true
            intermediate[cell.row, cell.column] += cell.value
        }

        index.fixedBy = index.fixedBy ?? "intermediate flows"
        var columns = ColumnIndex()
        let demand = try readCells(files.finalDemand, index: index, findings: &findings) { reader in
            columns.position(of: FinalDemandLabel(region: reader.string(2), category: reader.string(3)))
        }
        let order = columns.order(regions: Self.regions(of: index.labels))
        var finalDemand = Matrix(rows: n, columns: order.labels.count)
        for cell in demand { finalDemand[cell.row, order.position[cell.column]] += cell.value }

        let grossOutput: [Double]
        if files.grossOutput != nil {
            grossOutput = grossOutputs
        } else {
            grossOutput = zip(intermediate.rowSums(), finalDemand.rowSums()).map { $0 + $1 }
            findings.record(Finding(.unitAssumed, "gross output not given; taken as row totals of Z and Y"))
        }
        return TableParts(
            sectors: index.labels, intermediate: intermediate, finalDemand: finalDemand,
            finalDemandColumns: order.labels, grossOutput: grossOutput, unit: "million USD", findings: findings)
    }

    struct Cell {
        var row: Int
        var column: Int
        var value: Double
        var line: Int
    }

    /// Streams the cells of a long file; `column` gives the column position of the current record.
    private static func readCells(
        _ file: InputFile, index: SectorIndex, findings: inout FindingLog, column: (CSVReader) throws -> Int
    ) throws -> [Cell] {
        let reader = CSVReader(source: try file.open(), file: file.displayName, separator: UInt8(ascii: ","))
        let header = try reader.readHeader()
        guard header.count == fieldCount else {
            throw InputError(
                .wrongColumnCount,
                "expected \(fieldCount) columns (row region, row sector, column region, column sector or category, value), found \(header.count)",
                at: SourceLocation(file: file.displayName, line: 1, column: 1))
        }
        var cells: [Cell] = []
        while try reader.nextRecord() {
            try reader.requireFieldCount(fieldCount)
            let row = try index.position(region: reader.string(0), sector: reader.string(1), in: reader, field: 0)
            let columnPosition = try column(reader)
            guard let value = try reader.double(4, name: header[4]) else {
                findings.record(Finding(.missingValue, "blank value taken as 0", at: reader.location(4)))
                continue
            }
            cells.append(Cell(row: row, column: columnPosition, value: value, line: reader.line))
        }
        return cells
    }

    /// Regions in order of first appearance.
    private static func regions(of labels: [IOSectorLabel]) -> [String] {
        var seen = Set<String>()
        return labels.compactMap { seen.insert($0.region).inserted ? $0.region : nil }
    }
}

/// Sector labels in table order with their positions, remembering the last lookup (long files list a row's
/// cells together).
final class SectorIndex {
    private(set) var labels: [IOSectorLabel] = []
    private var lookup: [IOSectorLabel: Int] = [:]
    /// The last lookup per label field (row labels at field 0, column labels at field 2).
    private var recent: [(region: String, sector: String, position: Int)?] = [nil, nil, nil]
    /// Where the labels come from, when an unknown label is an error instead of a new sector.
    var fixedBy: String?

    init(fixedBy: String?) { self.fixedBy = fixedBy }

    /// Appends `label`; false when it is already there.
    func append(_ label: IOSectorLabel) -> Bool {
        guard lookup[label] == nil else { return false }
        lookup[label] = labels.count
        labels.append(label)
        return true
    }

    /// The position of (`region`, `sector`); a new sector unless the order is fixed, then an error at `field`.
    func position(region: String, sector: String, in reader: CSVReader, field: Int) throws -> Int {
        let slot = min(field, recent.count - 1)
        if let last = recent[slot], last.region == region, last.sector == sector { return last.position }
        let label = IOSectorLabel(region: region, sector: sector)
        let found: Int
        if let known = lookup[label] {
            found = known
        } else if let fixedBy {
            throw InputError(.badValue, "sector '\(label)' is not in the \(fixedBy)", at: reader.location(field))
        } else {
            // Checked as each new sector appears, so a small file naming too many stops at the line that passes the cap.
            try InputOutputLimits.require(sectors: labels.count + 1, at: reader.location(field))
            _ = append(label)
            found = labels.count - 1
        }
        recent[slot] = (region, sector, found)
        return found
    }
}

/// Final-demand columns met in a long file, put in table order at the end (regions as the sectors, then
/// categories in first appearance).
struct ColumnIndex {
    private var labels: [FinalDemandLabel] = []
    private var lookup: [FinalDemandLabel: Int] = [:]

    /// The column's position in order of first appearance.
    mutating func position(of label: FinalDemandLabel) -> Int {
        if let found = lookup[label] { return found }
        lookup[label] = labels.count
        labels.append(label)
        return labels.count - 1
    }

    /// The final order: regions as given (others after them), categories by first appearance, every category for
    /// each region that has sectors (a sparse file leaves all-zero columns out); and where each first-appearance
    /// position went.
    func order(regions: [String]) -> (labels: [FinalDemandLabel], position: [Int]) {
        var regionOrder = regions
        var known = Set(regions)
        var categories: [String] = []
        var seenCategories = Set<String>()
        for label in labels {
            if known.insert(label.region).inserted { regionOrder.append(label.region) }
            if seenCategories.insert(label.category).inserted { categories.append(label.category) }
        }
        let sectorRegions = Set(regions)
        var ordered: [FinalDemandLabel] = []
        for region in regionOrder {
            for category in categories
            where sectorRegions.contains(region) || lookup[FinalDemandLabel(region: region, category: category)] != nil
            {
                ordered.append(FinalDemandLabel(region: region, category: category))
            }
        }
        var target: [FinalDemandLabel: Int] = [:]
        for (index, label) in ordered.enumerated() { target[label] = index }
        return (ordered, labels.map { target[$0] ?? 0 })
    }
}
