import ArgumentParser
import ChainRiskReport

/// `--raw-csv`, on every command that writes CSV: keep cells that a spreadsheet would run as formulas as they are.
struct CSVSafetyOptions: ParsableArguments {
    @Flag(
        name: .customLong("raw-csv"),
        help:
            "Write CSV text cells that begin with =, +, -, @ as they are (default: with a leading ' so a spreadsheet shows them as text and does not run them as formulas)."
    )
    var raw = false

    /// Sets the process's CSV policy as soon as the arguments are parsed, before the command runs.
    func validate() throws { SpreadsheetSafety.neutralisesFormulas = !raw }
}
