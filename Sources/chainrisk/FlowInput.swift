import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskStore
import Foundation

/// Where an analysis command reads flows from: a stored dataset, or files read directly with the readers.
struct FlowInput {
    private enum Origin {
        case dataset(String)
        case files([InputFile], any ReadOptionSource)
    }

    private let origin: Origin

    /// From `--dataset NAME` or `--input FILE…` (exactly one of them).
    init(dataset: String?, inputs: [String], reading: any ReadOptionSource, option: String = "--dataset", inputOption: String = "--input") throws {
        switch (dataset, inputs.isEmpty) {
        case (let name?, true): origin = .dataset(name)
        case (nil, false):
            let files = inputs.map { InputFile(path: $0) }
            for file in files where !FileManager.default.fileExists(atPath: file.path) {
                throw InputError(.missingFile, "no such file: \(file.displayName)", at: nil)
            }
            origin = .files(files, reading)
        case (nil, true): throw UsageError(message: "give the data with \(option) NAME (see `chainrisk datasets`) or \(inputOption) FILE")
        case (.some, false): throw UsageError(message: "give either \(option) or \(inputOption), not both")
        }
    }

    /// Calls `body` with every flow; `readOptions` adjusts reading (e.g. BACI's importer view).
    func forEachFlow(store: () throws -> TradeStore, query: FlowQuery, adjust: (inout ReadOptions, SourceFormat) -> Void = { _, _ in }, _ body: (TradeFlow) throws -> Void) throws {
        switch origin {
        case .dataset(let name):
            try store().forEachFlow(in: name, matching: query, body)
        case .files(let files, let reading):
            for file in files {
                let format = try reading.sourceFormat() ?? FormatDetector.detect(file)
                var options = try reading.readOptions()
                adjust(&options, format)
                _ = try ReaderRegistry.reader(for: format).read(file, options: options) { flow, _ in try body(flow) }
            }
        }
    }

    /// The provenance entry of this input: the dataset's files and hashes, or the files' hashes.
    func provenance(store: () throws -> TradeStore) throws -> Provenance.Input {
        switch origin {
        case .dataset(let name):
            guard let info = try store().dataset(named: name) else {
                throw StoreError(.unknownDataset, "no dataset named '\(name)'; `chainrisk datasets` lists them")
            }
            return Provenance.Input(name: name, kind: "dataset", files: info.files.map { ($0.path, $0.sha256) }, importedAt: info.importedAt)
        case .files(let files, _):
            return Provenance.Input(
                name: files.map { ($0.path as NSString).lastPathComponent }.joined(separator: "+"), kind: "file",
                files: try files.map { ($0.displayName, try FileDigest.sha256(path: $0.path).hex) }
            )
        }
    }
}
