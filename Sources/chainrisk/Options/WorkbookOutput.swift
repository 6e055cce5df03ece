import ArgumentParser
import ChainRiskReport
import ChainRiskUseCases
import Foundation

/// `--output FILE`: where the output goes instead of standard output, in any format; `--format xlsx` needs it.
struct WorkbookOutput: ParsableArguments {
    @Option(
        help:
            "Write the output to this file instead of standard output (required for --format xlsx: one sheet per table, and the provenance)."
    )
    var output: String?

    /// Writes `workbook` to `--output` and names the file on standard error.
    func write(_ workbook: Workbook) throws {
        try Self.write(workbook, to: output)
    }

    /// Writes `text` to `--output` (named on standard error) or to standard output.
    func write(text: String) throws {
        guard let output else { return FileOutput.standardOutput.write(text) }
        try FileOutput.writeFile(text, to: output)
    }

    /// Lets `body` write to `--output` (atomically, named on standard error) or to standard output.
    func write(streaming body: (FileHandle) throws -> Void) throws {
        guard let output else { return try body(FileOutput.standardOutput.handle) }
        try OutputFile.write(to: output, streaming: body)
        FileOutput.announce(output)
    }

    /// Writes `workbook` to `output` (required: a workbook is not printed) and names the file on standard error.
    static func write(_ workbook: Workbook, to output: String?) throws {
        guard let output else { throw RequestError(nil, "--format xlsx writes a workbook: give --output FILE.xlsx") }
        try OutputFile.write(workbook.data(), to: output)
        FileOutput.announce(output)
    }
}
