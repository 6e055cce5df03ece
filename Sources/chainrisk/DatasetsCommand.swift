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

        func validate() throws {
            guard format == .table || format == .json else {
                throw ValidationError("datasets supports --format table or json")
            }
        }

        func run() throws {
            let listing = try store.workspace().datasetListing()
            let out = FileOutput.standardOutput
            if format == .json { return out.write(try listing.renderJSON()) }
            var table = DataTable(columns: [
                DataTable.Column("name", title: "Dataset"),
                DataTable.Column("format", title: "Format"),
                DataTable.Column("rows", title: "Flows", alignment: .right),
                DataTable.Column("totals", title: "Value total", alignment: .right),
                DataTable.Column("sha256", title: "SHA-256"),
                DataTable.Column("imported", title: "Imported (UTC)"),
                DataTable.Column("findings", title: "Findings", alignment: .right),
            ])
            for info in listing.datasets {
                table.rows.append([
                    .text(info.name), .text(info.sourceFormat), .integer(info.rowCount),
                    .text(info.valueTotals.keys.sorted().map { "\(NumberFormat.fixed(info.valueTotals[$0] ?? 0, decimals: 0, grouping: true)) \($0)" }.joined(separator: "; ")),
                    .text(info.files.map { String($0.sha256.prefix(12)) }.joined(separator: " ")),
                    .text(info.importedAt), .integer(info.findingCounts.values.reduce(0, +)),
                ])
            }
            for builtIn in listing.builtin {
                table.rows.append([.text(builtIn.name), .text("built-in"), .empty, .empty, .text("(\(builtIn.files.count) tables)"), .empty, .empty])
            }
            out.write(table.renderText())
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
