import ArgumentParser
import ChainRiskIngest

/// `chainrisk io`: input-output accounts — validation, multipliers and linkages, aggregation, the Leontief inverse.
struct InputOutputCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "io",
        abstract: "Input-output tables: validate, multipliers and linkages, aggregate, Leontief inverse.",
        discussion: InputOutputLayout.discussion,
        subcommands: [
            IOValidateCommand.self, IOMultipliersCommand.self, IOAggregateCommand.self, IOLeontiefCommand.self,
        ]
    )
}
