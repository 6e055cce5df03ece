public import ChainRiskCore

/// An input-output table as read from files, with where it came from and what the reader noticed.
public struct LoadedInputOutputTable: Sendable {
    public var table: InputOutputTable
    public var files: InputOutputFiles
    public var layout: InputOutputLayout
    /// SHA-256 of each file read, by display name, for the report's provenance.
    public var fileDigests: [String: String]
    public var findings: FindingLog
    /// Value added as the files report it (pymrio's factor inputs), when they do; nil otherwise.
    public var reportedValueAdded: [Double]?

    public init(
        table: InputOutputTable, files: InputOutputFiles, layout: InputOutputLayout,
        fileDigests: [String: String], findings: FindingLog, reportedValueAdded: [Double]? = nil
    ) {
        self.table = table
        self.files = files
        self.layout = layout
        self.fileDigests = fileDigests
        self.findings = findings
        self.reportedValueAdded = reportedValueAdded
    }
}

/// How to read an input-output table: the layout (detected when nil) and the checks' tolerance.
public struct InputOutputReadOptions: Sendable, Hashable {
    /// The layout; nil detects it from the intermediate-flows file.
    public var layout: InputOutputLayout?
    /// The region of a national table's sectors (`""` when nil).
    public var region: String?
    /// Relative row or column imbalance above which a sector is reported as a finding.
    public var balanceTolerance: Double

    public init(layout: InputOutputLayout? = nil, region: String? = nil, balanceTolerance: Double = 0.01) {
        self.layout = layout
        self.region = region
        self.balanceTolerance = balanceTolerance
    }
}

/// Reads input-output tables in any supported layout into an `InputOutputTable`.
public enum InputOutputTableReader {
    /// Reads the table whose intermediate flows are in `files.intermediate`, detecting the layout.
    public static func read(_ files: InputOutputFiles) throws -> LoadedInputOutputTable {
        try read(files, options: InputOutputReadOptions())
    }

    /// Reads the table in `options.layout` (or the detected layout), then records balance, zero-output and
    /// negative-flow findings (`InputOutputTable.balanceFindings`).
    public static func read(_ files: InputOutputFiles, options: InputOutputReadOptions) throws -> LoadedInputOutputTable
    {
        let layout = try options.layout ?? InputOutputLayout.detect(files.intermediate)
        var parts: TableParts
        switch layout {
        case .matrixCSV: parts = try MatrixCSVLayout.read(files)
        case .longCSV: parts = try LongCSVLayout.read(files)
        case .pymrioText: parts = try PymrioTextLayout.read(files)
        case .nationalTable: parts = try NationalTableLayout.read(files, region: options.region ?? "")
        case .icio: parts = try CombinedLabelLayout.read(files, family: .icio)
        case .figaro: parts = try CombinedLabelLayout.read(files, family: .figaro)
        case .figaroFlat: parts = try FIGAROFlatLayout.read(files)
        case .exiobase: parts = try EXIOBASELayout.read(files)
        case .eora26: parts = try Eora26Layout.read(files)
        }
        // Dense layouts hold what their file holds; the analyses need several n × n matrices more.
        try InputOutputLimits.require(
            sectors: parts.sectors.count, at: SourceLocation(file: files.intermediate.displayName, line: 1, column: 1))
        let table: InputOutputTable
        do {
            table = try InputOutputTable(
                sectors: parts.sectors, intermediate: parts.intermediate, finalDemand: parts.finalDemand,
                finalDemandColumns: parts.finalDemandColumns, grossOutput: parts.grossOutput, unit: parts.unit)
        } catch {
            throw InputError(
                .badStructure, error.description,
                at: SourceLocation(file: files.intermediate.displayName, line: 1, column: 1))
        }
        let cells = parts.negativeIntermediateCells
        for finding in table.balanceFindings(
            tolerance: options.balanceTolerance, reportedValueAdded: parts.reportedValueAdded,
            cellLocation: { cells[$0 * table.sectorCount + $1] })
        {
            parts.findings.record(finding)
        }
        var digests: [String: String] = [:]
        for file in files.all {
            digests[file.displayName] = try FileDigest.sha256(file).hex
        }
        return LoadedInputOutputTable(
            table: table, files: files, layout: layout, fileDigests: digests, findings: parts.findings,
            reportedValueAdded: parts.reportedValueAdded)
    }

    /// Splits a final-demand label at the longest known region prefix (`EU_OTH_CONS_h` → `EU_OTH`, `CONS_h`).
    static func finalDemandLabel(_ label: String, regions: Set<String>) -> FinalDemandLabel {
        let best = regions.filter { !$0.isEmpty && label.hasPrefix($0 + "_") }.max { $0.count < $1.count }
        guard let best else { return FinalDemandLabel(region: "", category: label) }
        return FinalDemandLabel(region: best, category: String(label.dropFirst(best.count + 1)))
    }
}

/// What a layout reader hands back: the pieces of the table before validation.
struct TableParts {
    var sectors: [IOSectorLabel]
    var intermediate: Matrix
    var finalDemand: Matrix
    var finalDemandColumns: [FinalDemandLabel]
    var grossOutput: [Double]
    var unit: String
    var findings = FindingLog()
    var reportedValueAdded: [Double]?
    /// Where each negative intermediate flow is in its file (row-major index i·n + j), for layouts that know.
    var negativeIntermediateCells: [Int: SourceLocation] = [:]
}
