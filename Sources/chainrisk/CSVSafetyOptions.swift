import ArgumentParser
import ChainRiskReport

/// `--raw-csv`, on every command that writes CSV: keep cells that a spreadsheet would run as formulas as they are.
struct CSVSafetyOptions: ParsableArguments {
    @Flag(name: .customLong("raw-csv"), help: ArgumentHelp(
        "Write CSV text cells that begin with =, +, -, @ as they are.",
        discussion: "By default such a cell gets a leading ' so that Excel or LibreOffice shows it as text instead of running it as a formula."))
    var raw = false

    /// Sets the process's CSV policy as soon as the arguments are parsed, before the command runs.
    func validate() throws {
        SpreadsheetSafety.neutralisesFormulas = !raw
    }
}
