import ChainRiskCore
public import ChainRiskIO
public import ChainRiskIngest
public import ChainRiskReport
import Foundation

/// A request for the origin table (the letter's Table 3) of a loaded input-output table.
public struct OriginsRequest: Sendable {
    public var table: LoadedInputOutputTable
    /// Reporter, measure, grouping files and rows.
    public var builder: OriginTableBuilder
    public var language: Language

    public init(table: LoadedInputOutputTable, builder: OriginTableBuilder, language: Language = .en) {
        self.table = table
        self.builder = builder
        self.language = language
    }
}

/// The origin table with its rendering, the inputs that produced it and its settings.
public struct OriginsResult: Sendable {
    public let table: OriginTable
    public let output: OriginTableOutput
    public let inputs: [Provenance.Input]
    public let settings: [String: String]

    public var provenance: Provenance { Provenance(inputs: inputs, settings: settings) }

    /// The formats `render` produces.
    public static let formats = OriginTableOutput.formats

    public func render(_ format: OutputFormat) -> String { output.render(format, provenance: provenance) }
}

extension Workspace {
    /// Where the imported inputs used for the reporter's exports come from.
    public func origins(_ request: OriginsRequest) throws -> OriginsResult {
        let built = try request.builder.build(request.table)
        let output = request.builder.output(built.table, loaded: request.table, language: request.language)
        return OriginsResult(table: built.table, output: output, inputs: built.inputs, settings: built.settings)
    }
}

extension OriginTableBuilder {
    /// The file at `path` for a grouping option, nil without one; `InputError.missingFile` naming `option` when absent.
    public static func groupingFile(_ path: String?, option: String) throws -> InputFile? {
        guard let path else { return nil }
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(.missingFile, "\(option) file not found: \(path)", at: nil)
        }
        return InputFile(path: path)
    }
}
