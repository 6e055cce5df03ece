import ArgumentParser
import ChainRiskReport
import ChainRiskStore
import ChainRiskUseCases

/// `chainrisk datasets`: lists and removes stored datasets.
struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "List or remove datasets in the store.",
        subcommands: [List.self, Remove.self],
        defaultSubcommand: List.self
    )

    /// `chainrisk datasets [list]`: every dataset with its provenance.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List datasets: name, format, rows, value totals, file SHA-256, import time, findings."
        )

        @Option(help: "Output format: table or json.")
        var format: OutputFormat = .table

        @OptionGroup var store: StoreOptions

        func validate() throws { try require(format, in: [.table, .json], command: "datasets") }

        func run() throws {
            let listing = try store.workspace().datasetListing()
            let out = FileOutput.standardOutput
            if format == .json { return out.write(try listing.renderJSON()) }
            out.write(listing.renderTable())
        }
    }

    /// `chainrisk datasets remove NAME`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a dataset and all its flows.")

        @Argument(help: "The dataset's name.")
        var name: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.workspace().removeDataset(named: name)
            FileOutput.standardOutput.write("removed dataset '\(name)'\n")
        }
    }
}
