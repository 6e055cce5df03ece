import ArgumentParser
import ChainRiskReport
import ChainRiskUseCases
import Foundation

/// `--output FILE`: where `--format xlsx` writes its workbook (a spreadsheet is binary: it goes to a file).
struct WorkbookOutput: ParsableArguments {
    @Option(help: "With --format xlsx: the workbook file to write (one sheet per table, and the provenance).")
    var output: String?

    /// Writes `workbook` to `--output` and names the file on standard error.
    func write(_ workbook: Workbook) throws {
        try Self.write(workbook, to: output)
    }

    /// Writes `workbook` to `output` (required: a workbook is not printed) and names the file on standard error.
    static func write(_ workbook: Workbook, to output: String?) throws {
        guard let output else { throw RequestError(nil, "--format xlsx writes a workbook: give --output FILE.xlsx") }
        try OutputFile.write(workbook.data(), to: output)
        FileOutput.announce(output)
    }
}
