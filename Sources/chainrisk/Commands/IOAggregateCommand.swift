import ArgumentParser
import ChainRiskUseCases

/// `chainrisk io aggregate`: merges regions and/or sectors with concordances and writes matrix-CSV files.
struct IOAggregateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aggregate",
        abstract: "Aggregate regions and/or sectors with a concordance; write the table as matrix CSV.",
        discussion: """
            A concordance has two columns, code and group (comma- or tab-separated, with or without a header), \
            e.g. ../shared/data/wiod2013/wiod2013_2011_nld11_region_map.csv. Z, Y and x are summed over each group; \
            groups come in the concordance's order. Writes DIR/NAME_Z.csv, DIR/NAME_Y.csv and DIR/NAME_x.csv, which \
            `--mrio DIR/NAME_Z.csv` reads back, and prints the files written with their SHA-256.
            """
    )

    @OptionGroup var table: InputOutputOptions

    @Option(help: ArgumentHelp("Concordance of regions to region groups.", valueName: "path"))
    var regions: String?

    @Option(help: ArgumentHelp("Concordance of sectors to sector groups.", valueName: "path"))
    var sectors: String?

    @Option(help: ArgumentHelp("Directory to write the aggregated table to (created if missing).", valueName: "dir"))
    var output: String

    @Option(help: "File name prefix of the written files.")
    var name: String = "aggregated"

    func validate() throws {
        if regions == nil && sectors == nil { throw ValidationError("give --regions and/or --sectors") }
        if name.isEmpty || name.contains("/") { throw ValidationError("--name must be a plain file-name prefix") }
    }

    func run() throws {
        let report = try Workspace(storeLocation: nil).aggregateTable(
            try table.required(), regions: regions, sectors: sectors, folder: output, name: name)
        FileOutput.standardOutput.write(report)
    }
}
