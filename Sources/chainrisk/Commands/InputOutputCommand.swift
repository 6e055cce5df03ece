import ArgumentParser

/// `chainrisk io`: input-output accounts — validation, multipliers and linkages, aggregation, the Leontief inverse.
struct InputOutputCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "io",
        abstract: "Input-output tables: validate, multipliers and linkages, aggregate, Leontief inverse.",
        discussion: """
            Every subcommand reads a table with --mrio PATH (the intermediate-flows file; final demand and gross \
            output are found beside it by name, or given with --final-demand and --gross-output). Layouts: WIOD \
            matrix CSV (…_Z.csv), WIOD long CSV (…_Z_long.csv.gz), pymrio text (trade_flows_Z.txt) and national \
            symmetric tables (IO_BE_NACE64.csv with other_accounts_BE_NACE64.csv); --layout overrides detection.
            """,
        subcommands: [
            IOValidateCommand.self, IOMultipliersCommand.self, IOAggregateCommand.self, IOLeontiefCommand.self,
        ]
    )
}
