public import ChainRiskCore
public import ChainRiskIngest
public import ChainRiskReport
public import ChainRiskStore
import Foundation

/// Where an analysis reads trade flows from: a stored dataset, or files read directly with the readers.
public enum FlowSource: Sendable, Hashable {
    case dataset(String)
    case files([InputFile], ReadSettings)

    /// From a dataset name or files (exactly one of them); `option` and `inputOption` name the two in messages.
    public init(
        dataset: String?, files: [String], reading: ReadSettings = ReadSettings(), option: String = "dataset",
        inputOption: String = "input"
    ) throws {
        switch (dataset, files.isEmpty) {
        case (let name?, true): self = .dataset(name)
        case (nil, false):
            let inputs = try files.map { try InputFile.named($0) }
            for file in inputs where !FileManager.default.fileExists(atPath: file.path) {
                throw InputError(.missingFile, "no such file: \(file.displayName)", at: nil)
            }
            self = .files(inputs, reading)
        case (nil, true):
            throw RequestError(
                option, "give the data with --\(option) NAME (see `chainrisk datasets`) or --\(inputOption) FILE")
        case (.some, false): throw RequestError(option, "give either --\(option) or --\(inputOption), not both")
        }
    }

    /// The stored dataset's name, nil for files.
    public var datasetName: String? {
        if case .dataset(let name) = self { return name }
        return nil
    }

    /// Calls `body` with every flow `query` accepts and returns the readers' findings (none for a dataset, whose
    /// findings were recorded at import). Mirror data (BACI) answers with the view the query asks for: exports of
    /// the exporters, imports of the importers, or both. Under `strict` reading, the first finding of a file stops
    /// the read with its location.
    @discardableResult
    public func forEachFlow(in workspace: Workspace, matching query: FlowQuery, _ body: (TradeFlow) throws -> Void)
        throws -> FindingLog
    {
        switch self {
        case .dataset(let name):
            try workspace.forEachStoredFlow(in: name, matching: query, body)
            return FindingLog()
        case .files(let files, let reading):
            var findings = FindingLog()
            var magnitude = ValueMagnitude()
            for file in files {
                let format = try reading.format ?? FormatDetector.detect(file)
                let mirror = MirrorData.formats.contains(format)
                let (exports, imports) = (
                    !mirror || MirrorData.wantsExports(query), mirror && MirrorData.wantsImports(query)
                )
                var options = reading.options
                // A mirror file is read in its export view, unless only imports are wanted (the reader's import view).
                if mirror && imports && !exports { options.flow = .imports }
                let name = file.displayName
                let summary = try ReaderRegistry.reader(for: format).read(file, options: options) { flow, line in
                    try magnitude.add(flow.value, file: name, line: line)
                    if query.accepts(flow) { try body(flow) }
                    if mirror && imports && exports {
                        let mirrored = flow.mirrored
                        if query.accepts(mirrored) { try body(mirrored) }
                    }
                }
                if reading.strict, let (count, first) = summary.findings.problems {
                    throw InputError(
                        .strictFinding,
                        "--strict: \(count) finding(s); the first: \(first.kind.rawValue): \(first.message)",
                        at: first.location)
                }
                findings.merge(summary.findings)
            }
            return findings
        }
    }

    /// The provenance entry: the dataset's files and hashes, or the files' hashes.
    public func provenance(in workspace: Workspace) throws -> Provenance.Input {
        switch self {
        case .dataset(let name):
            return try workspace.provenanceInput(dataset: name)
        case .files(let files, _):
            return Provenance.Input(
                name: files.map { ($0.path as NSString).lastPathComponent }.joined(separator: "+"), kind: "file",
                files: try files.map { ($0.displayName, try FileDigest.sha256($0).hex) }
            )
        }
    }
}
