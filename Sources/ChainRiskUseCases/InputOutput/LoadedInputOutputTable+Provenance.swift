import ChainRiskCore
public import ChainRiskIngest
public import ChainRiskReport
import Foundation

extension Provenance.Input {
    /// An input-output table's files with their SHA-256 (intermediate flows, final demand, gross output, value added).
    public static func inputOutputTable(_ loaded: LoadedInputOutputTable) -> Provenance.Input {
        Provenance.Input(
            name: loaded.sourceName, kind: "input_output_table",
            files: loaded.files.all.map { ($0.displayName, loaded.fileDigests[$0.displayName] ?? "") })
    }

    /// A file with its SHA-256, marked `builtin` when it ships with chainrisk.
    public static func file(_ file: InputFile, builtIn: Bool) throws -> Provenance.Input {
        Provenance.Input(
            name: (file.displayName as NSString).lastPathComponent, kind: builtIn ? "builtin" : "file",
            files: [(file.displayName, try FileDigest.sha256(file).hex)])
    }
}

extension LoadedInputOutputTable {
    /// The intermediate-flows file's name, which names the table in titles.
    public var sourceName: String { (files.intermediate.displayName as NSString).lastPathComponent }
}
