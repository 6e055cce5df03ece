import ChainRiskCore
import ChainRiskReport
import Foundation

/// Concentration rows and their sections, ready to render; from the columnar path the CSV streams as it is computed.
public struct ConcentrationResult: Sendable {
    enum Body: Sendable {
        case output(ConcentrationOutput)
        case columnar(ColumnarConcentrationRun)
    }

    let body: Body
    /// What the readers found in `--input` files (unknown codes, suppressed cells …); empty for stored datasets.
    public let findings: FindingLog

    /// The formats the result renders in.
    public static let formats = ConcentrationOutput.formats

    /// The rendered output.
    public func output() throws -> ConcentrationOutput {
        switch body {
        case .output(let output): output
        case .columnar(let run): try run.output()
        }
    }

    /// Writes the result in `format` to `handle`: the columnar CSV block by block, everything else rendered whole.
    public func write(_ format: OutputFormat, to handle: FileHandle) throws {
        if case .columnar(let run) = body, format == .csv {
            try run.writeCSV(to: handle)
        } else {
            try handle.write(contentsOf: Data(try output().render(format).utf8))
        }
    }
}
