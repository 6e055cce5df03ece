import ChainRiskCore
import ChainRiskIngest

/// A reader that yields `count` generated flows and fails at `failAt` (1-based), for store tests
/// that must not depend on a file format.
struct GeneratedReader: TradeReader {
    var count: Int
    var failAt: Int?
    /// Runs once, before flow `interruptAt` is handed over (a test stops the server there).
    var interruptAt: Int? = nil
    var interruption: (@Sendable () throws -> Void)? = nil
    var format: SourceFormat { .canonical }

    func read(_ file: InputFile, options: ReadOptions, into sink: FlowSink) throws -> ReadSummary {
        var summary = ReadSummary(format: format)
        for index in 1...count {
            if index == failAt {
                throw InputError.badNumber(
                    "x", column: "value", at: SourceLocation(file: file.displayName, line: index + 1, column: 7))
            }
            if index == interruptAt { try interruption?() }
            let flow = TradeFlow(
                year: 2020, reporter: .netherlands, partner: CountryCode(verbatim: index % 2 == 0 ? "DEU" : "BEL"),
                product: ProductCode(sixDigits(index), in: .hs2017), flow: .imports, value: Double(index), unit: .usd
            )
            try sink(flow, index + 1)
            summary.recordsRead += 1
            summary.flowsEmitted += 1
        }
        return summary
    }
}

/// `index` as six digits with leading zeros.
func sixDigits(_ index: Int) -> String {
    let digits = String(index)
    return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
}
