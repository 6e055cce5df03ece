import ArgumentParser

/// `chainrisk io`: input-output accounts — validation, multipliers and linkages, aggregation, the Leontief inverse.
struct InputOutputCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "io",
        abstract: "Input-output tables: validate, multipliers and linkages, aggregate, Leontief inverse.",
        discussion: """
            Every subcommand reads a table with --mrio PATH (the intermediate-flows file; final demand and gross \
            output are found beside it by name, or given with --final-demand and --gross-output). Layouts: WIOD \
            matrix CSV (…_Z.csv), WIOD long CSV (…_Z_long.csv.gz), pymrio text (trade_flows_Z.txt), national \
            symmetric tables (IO_BE_NACE64.csv with other_accounts_BE_NACE64.csv), OECD ICIO 2016–2023 (one CSV; \
            CN1/CN2 and MX1/MX2 folded into CHN and MEX), Eurostat FIGARO (matrix CSV or flat file; two-letter \
            codes read as ISO3), an EXIOBASE 3 folder (A.txt or Z.txt, Y.txt, x.txt, unit.txt) and Eora26 \
            (Eora26_YYYY_bp_T.txt with _FD, _VA and labels_*.txt); --layout overrides detection.
            """,
        subcommands: [
            IOValidateCommand.self, IOMultipliersCommand.self, IOAggregateCommand.self, IOLeontiefCommand.self,
        ]
    )
}
