import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskStore
import Foundation

/// The columnar path of concentration: BACI files parsed on all cores into columns, aggregated by dense indices,
/// rows computed per reporter on all cores and CSV written straight as bytes.
///
/// It produces the same bytes as the general path (flows → `ConcentrationAnalysis.Accumulator` → renderer) and runs
/// only when it supports everything asked: plain BACI files or a stored dataset whose rows fit columns (SQLite: one
/// flow kind, unit and classification, product codes of one length), import view, the filters reporter, year,
/// product, level, top, class and minimum value, any thresholds and output format. Anything else — gzip, another
/// format, reading options, relevance, sensitivity, drill-down, the world-market check, trends, dependency criteria,
/// risk weighting, or a file with a line the byte scanner leaves to `BACIReader` — takes the general path, which also
/// reports every data error with its file, line and column.
struct ColumnarConcentrationRun: Sendable {
    /// Set (to anything) to always take the general path, e.g. to compare both paths in tests and benchmarks.
    static let generalPathVariable = "CHAINRISK_GENERAL_PATH"

    /// True when `generalPathVariable` is set.
    static var generalPathForced: Bool { ProcessInfo.processInfo.environment[generalPathVariable] != nil }

    let columnar: ColumnarConcentration
    /// The blocks whose rows are wanted: each reporter's latest year, or every block when years are asked for.
    let blocks: [Int]
    let query: ConcentrationQuery
    let language: Language
    let provenance: Provenance
    /// At most this many rows (the server's page limit), as the general path cuts them; nil for all.
    let limit: Int?
    /// The notes the general path's reader gives for the same files (BACI's conventional country codes).
    let findings: FindingLog

    /// The run, or nil when the general path must take the request.
    init?(request: ConcentrationRequest, query: ConcentrationQuery, workspace: Workspace) throws {
        guard Self.supports(request), !Self.generalPathForced else { return nil }
        guard let columns = try Self.columns(request.source, workspace: workspace) else { return nil }
        let selection = ColumnarConcentration.Selection(
            reporter: { query.reporters.isEmpty || query.reporters.contains($0) },
            year: { query.years.isEmpty || query.years.contains($0) },
            product: { code in query.productPrefix.map { code.code.hasPrefix($0) } ?? true }
        )
        let analysis = ConcentrationAnalysis(thresholds: query.thresholds, level: query.level)
        // Nothing selected: the general path explains what the files hold.
        guard let columnar = ColumnarConcentration(analysis: analysis, flows: columns, selection: selection),
            columnar.blockCount > 0
        else { return nil }
        _ = try Workspace.checked { try query.select([]) }
        self.columnar = columnar
        self.blocks =
            query.years.isEmpty && !query.allYears ? columnar.latestYearBlocks : Array(0..<columnar.blockCount)
        self.query = query
        self.language = request.language
        self.limit = request.limit
        self.provenance = Provenance(inputs: [try request.source.provenance(in: workspace)], settings: query.settings)
        var findings = FindingLog()
        if case .files = request.source {
            for file in columns {
                for code in BACIReader.conventionalCodes.sorted() {
                    let rows = file.blocks.reduce(0) { count, block in
                        count + zip(block.reporters, block.partners).count { Int($0) == code || Int($1) == code }
                    }
                    if rows > 0 { findings.record(BACIReader.conventionFinding(code: code, rows: rows)) }
                }
            }
        }
        self.findings = findings
    }

    /// The source's flows as columns in the import view: plain BACI files read on all cores, or a stored dataset the
    /// store can hand over as columns (a BACI dataset's exports seen from the importers, or stored imports); nil when
    /// the general path must read it.
    static func columns(_ source: FlowSource, workspace: Workspace) throws -> [TradeFlowColumns]? {
        switch source {
        case .files(let files, let reading):
            for file in files {
                guard !file.isGzip, FileManager.default.fileExists(atPath: file.path),
                    let format = try? reading.format ?? FormatDetector.detect(file), format == .baci
                else { return nil }
            }
            var options = reading.options
            options.flow = .imports
            var columns: [TradeFlowColumns] = []
            for file in files {
                guard let read = try BACIColumnReader().read(file, options: options) else { return nil }
                columns.append(read)
            }
            // Values whose magnitudes overflow go to the general path, which names the line that tips them over.
            return ValueMagnitude.isFinite(columns.lazy.flatMap(\.blocks).map(\.values)) ? columns : nil
        case .dataset(let name):
            let store = try workspace.store()
            guard let info = try workspace.datasetInfo(named: name) else { return nil }
            let mirrored = MirrorData.isMirror(info)
            return try store.flowColumns(in: name, stored: mirrored ? .exports : .imports, mirrored: mirrored).map {
                [$0]
            }
        }
    }

    /// True when every part of the request is one the columnar path implements.
    ///
    /// A new field of `ConcentrationRequest` must be handled here (implemented, or sending the request to the general
    /// path): `ConcentrationColumnarTests.optionsAreClassified` fails until it is listed there as one or the other.
    static func supports(_ request: ConcentrationRequest) -> Bool {
        switch request.source {
        case .files(let files, let reading):
            let options = reading.options
            let plainReading =
                options.columnMap.isEmpty && options.flow == nil && options.year == nil && options.reporter == nil
                && options.unit == nil && !reading.strict
            guard !files.isEmpty, plainReading else { return false }
        case .dataset:
            break
        }
        let query = request.query
        return ["import", "imports"].contains(query.flow.lowercased()) && !query.relevantOnly && !request.sensitivity
            && !request.drill && request.world == nil && request.query.hsVersion == nil && !request.trend
            && request.criteria.isEmpty && request.riskScores == nil
    }

    /// The rows `--class`, `--min-value` and `--top` keep in one block (one reporter and year, the groups top ranks in).
    private func selectedRows(block: Int) throws -> [ImportConcentration] {
        try Workspace.checked { try query.select(columnar.rows(inBlock: block)) }
    }

    /// The rows through the same renderer, with provenance (and the limit's cut, named there), as the general path.
    func output() throws -> ConcentrationOutput {
        var rows = try ParallelMap.map(blocks.count) { try selectedRows(block: blocks[$0]) }.flatMap { $0 }
        var provenance = provenance
        if let limit, rows.count > limit {
            provenance.settings["limit"] = "first \(limit) of \(rows.count) rows"
            rows = Array(rows.prefix(limit))
        }
        return ConcentrationOutput(
            rows: rows, thresholds: query.thresholds, language: language, worldMarket: nil, provenance: provenance,
            relevance: nil, sensitivity: nil, drill: nil)
    }

    /// The CSV, blocks computed on all cores and written in block order as they complete (through `output()` when a
    /// limit may cut the rows).
    func writeCSV(to handle: FileHandle) throws {
        if limit != nil { return try handle.write(contentsOf: Data(output().render(.csv).utf8)) }
        let writer = ConcentrationCSVWriter(products: columnar.productCodes)
        try handle.write(contentsOf: writer.header)
        let output = OrderedOutput(handle)
        _ = try ParallelMap.map(blocks.count, state: BlockBytes()) { buffer, index in
            let rows = try selectedRows(block: blocks[index])
            buffer.bytes.removeAll()
            writer.append(rows, to: &buffer.bytes)
            output.submit(index, buffer.bytes)
        }
        try output.finish()
    }
}

/// One worker's CSV buffer, reused block after block so that its memory is touched once.
private final class BlockBytes {
    var bytes = OutputBytes(capacity: 1 << 20)
}
