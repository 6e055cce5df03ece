import ArgumentParser
import ChainRiskIngest
import ChainRiskUseCases

/// The `--mrio` options shared by `io`, `origins`, `scenario`, `report` and `serve`.
struct InputOutputOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The input-output table: its intermediate-flows file (WIOD, pymrio, national, ICIO, FIGARO, Eora26), an EXIOBASE folder or a release zip; final demand and gross output are found beside it.",
            valueName: "path"))
    var mrio: String?

    @Option(
        name: .customLong("final-demand"),
        help: ArgumentHelp(
            "The final-demand file, when its name does not follow the intermediate-flows file.", valueName: "path"))
    var finalDemand: String?

    @Option(
        name: .customLong("gross-output"),
        help: ArgumentHelp(
            "The gross-output file, when its name does not follow the intermediate-flows file (default: row totals).",
            valueName: "path"))
    var grossOutput: String?

    @Option(
        help: ArgumentHelp(
            "The table's file layout: \(InputOutputLayout.allCases.map(\.rawValue).joined(separator: ", ")) (default: detected from the intermediate-flows file).",
            valueName: "layout"))
    var layout: InputOutputLayout?

    @Option(
        name: .customLong("national-region"),
        help: ArgumentHelp(
            "The region code given to the sectors of a national table, e.g. BEL (default: none).", valueName: "code"))
    var nationalRegion: String?

    @Option(
        name: .customLong("balance-tolerance"),
        help: ArgumentHelp(
            "Relative row or column imbalance above which a sector is reported as a finding.", valueName: "fraction"))
    var balanceTolerance: Double = 0.01

    /// The table named by `--mrio`; a usage error when it is missing.
    func required() throws -> InputOutputSource {
        guard let source = source() else { throw RequestError(nil, "give an input-output table with --mrio PATH") }
        return source
    }

    /// The table when `--mrio` is given, nil otherwise.
    func source() -> InputOutputSource? {
        mrio.map {
            InputOutputSource(
                intermediate: $0, finalDemand: finalDemand, grossOutput: grossOutput, layout: layout,
                nationalRegion: nationalRegion, balanceTolerance: balanceTolerance)
        }
    }
}

extension InputOutputLayout: ExpressibleByArgument {}
