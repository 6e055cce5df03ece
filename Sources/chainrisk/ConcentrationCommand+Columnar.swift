import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskStore
import Foundation

/// The columnar path of `chainrisk concentration`: BACI files parsed on all cores into columns, aggregated by
/// dense indices, rows computed per reporter on all cores and CSV written straight as bytes.
///
/// It produces the same bytes as the general path (flows → `ConcentrationAnalysis.Accumulator` → renderer) and runs
/// only when it supports everything asked: plain BACI `--input` files, import view, the filters `--year`,
/// `--reporter`, `--product`, `--level`, `--top`, `--class`, `--min-value`, any `--thresholds` and output format.
/// Anything else — a stored dataset, gzip, another format, reading options, relevance, sensitivity, drill-down, the
/// world-market check, trends, dependency criteria, risk weighting, or a file with a line the byte scanner leaves to `BACIReader` — takes the general path,
/// which also reports every data error with its file, line and column.
extension ConcentrationCommand {
    /// Set (to anything) to always take the general path, e.g. to compare both paths in tests and benchmarks.
    static let generalPathVariable = "CHAINRISK_GENERAL_PATH"

    /// Runs the command on the columnar path when it applies; false when the general path must run instead.
    func runColumnar(preset: ConcentrationThresholds) throws -> Bool {
        guard supportsColumnar, ProcessInfo.processInfo.environment[Self.generalPathVariable] == nil else { return false }
        let files = input.map { InputFile(path: $0) }
        for file in files {
            guard !file.isGzip, FileManager.default.fileExists(atPath: file.path),
                  let format = try? reading.sourceFormat() ?? FormatDetector.detect(file), format == .baci
            else { return false }
        }
        var options = try reading.readOptions()
        options.flow = .imports
        let reader = BACIColumnReader()
        var columns: [TradeFlowColumns] = []
        for file in files {
            guard let read = try reader.read(file, options: options) else { return false }
            columns.append(read)
        }
        let query = try flowQuery(flows: try flowKinds())
        let selection = ColumnarConcentration.Selection(
            reporter: { query.reporters?.contains($0) ?? true }, year: { query.years?.contains($0) ?? true },
            product: { code in query.productPrefix.map { code.code.hasPrefix($0) } ?? true }
        )
        let analysis = ConcentrationAnalysis(thresholds: preset, level: level)
        guard let columnar = ColumnarConcentration(analysis: analysis, flows: columns, selection: selection) else { return false }
        if format == .csv {
            try writeCSV(columnar)
        } else {
            try render(columnar, preset: preset)
        }
        return true
    }

    /// True when every option given is one the columnar path implements.
    ///
    /// A new option of `concentration` must be handled here (implemented, or sending the command to the general
    /// path): `ConcentrationColumnarTests.optionsAreClassified` fails until it is listed there as one or the other.
    private var supportsColumnar: Bool {
        let importFlow = ["import", "imports"].contains(flow.lowercased())
        let plainReading = reading.map.isEmpty && reading.flow == nil && reading.year == nil && reading.reporter == nil && reading.unit == nil
        return dataset == nil && !input.isEmpty && importFlow && plainReading && !relevantOnly && !sensitivity && !drill
            && worldDataset == nil && worldInput == nil && !trend && criteria.isEmpty && riskScores == nil
    }

    /// Blocks `--class`, `--min-value` and `--top` keep; a block is one reporter and year, the groups `--top` ranks in.
    private func selectedRows(_ columnar: ColumnarConcentration, block: Int) throws -> [ImportConcentration] {
        try select(columnar.rows(inBlock: block))
    }

    /// The CSV, blocks computed on all cores and written in block order as they complete.
    private func writeCSV(_ columnar: ColumnarConcentration) throws {
        let writer = ConcentrationCSVWriter(products: columnar.productCodes)
        try FileOutput.standardOutput.handle.write(contentsOf: writer.header)
        let output = OrderedOutput(FileOutput.standardOutput.handle)
        _ = try ParallelMap.map(columnar.blockCount, state: { BlockBytes() }) { buffer, block in
            let rows = try selectedRows(columnar, block: block)
            buffer.bytes.removeAll()
            writer.append(rows, to: &buffer.bytes)
            output.submit(block, buffer.bytes)
        }
        try output.finish()
    }

    /// Table, Markdown or JSON: the rows through the same renderer, with provenance, as the general path.
    private func render(_ columnar: ColumnarConcentration, preset: ConcentrationThresholds) throws {
        let rows = try ParallelMap.map(columnar.blockCount) { try selectedRows(columnar, block: $0) }.flatMap { $0 }
        let source = try FlowInput(dataset: nil, inputs: input, reading: reading)
        let provenance = Provenance(inputs: [try source.provenance(store: OpenedStore(store).get)], settings: try settings(preset))
        let output = ConcentrationOutput(
            rows: rows, thresholds: preset, language: lang, worldMarket: nil, provenance: provenance, relevance: nil,
            sensitivity: nil, drill: nil)
        FileOutput.standardOutput.write(output.render(format.rawValue))
    }
}

/// One worker's CSV buffer, reused block after block so that its memory is touched once.
private final class BlockBytes {
    var bytes = OutputBytes(capacity: 1 << 20)
}
