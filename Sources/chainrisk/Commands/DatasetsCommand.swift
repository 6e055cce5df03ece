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

        @Option(name: .customLong("format"), help: "Output format.")
        var choice = FormatChoice<ListingFormats>(.table)
        var format: OutputFormat { choice.format }

        @Flag(
            help:
                "Check the store instead of listing it: each dataset's recorded flow count against the flows stored and read for it, and flows that belong to no dataset. Exits 65 when anything differs."
        )
        var check = false

        @Flag(help: "With --check: first delete the flows (and column blocks) that belong to no dataset.")
        var removeOrphans = false

        @OptionGroup var store: StoreOptions

        func validate() throws {
            if removeOrphans && !check { throw ValidationError("--remove-orphans goes with --check") }
        }

        func run() throws {
            if check { return try runCheck() }
            let listing = try store.workspace().datasetListing()
            FileOutput.standardOutput.write(format == .json ? try listing.renderJSON() : listing.renderTable())
        }

        private func runCheck() throws {
            let (consistency, removed) = try store.workspace().checkStore(removingOrphans: removeOrphans)
            if removeOrphans {
                FileOutput.standardError.write("removed \(removed) flow(s) that belonged to no dataset\n")
            }
            FileOutput.standardOutput.write(
                format == .json ? try DatasetListing.render(consistency) : consistency.renderTable())
            try consistency.requireConsistent()
        }
    }

    /// `chainrisk datasets remove NAME`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove", abstract: "Remove a dataset and all its flows.")

        @Argument(help: "The dataset's name.")
        var name: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.workspace().removeDataset(named: name)
            FileOutput.standardOutput.write("removed dataset '\(name)'\n")
        }
    }
}
