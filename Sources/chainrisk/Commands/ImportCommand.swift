import ArgumentParser
import ChainRiskIngest
import ChainRiskUseCases

/// `chainrisk import FILE…`: reads trade files into the store as one dataset, atomically.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import trade data files into the store as one dataset.",
        discussion: """
            Formats are detected from the header unless --input-format says otherwise. All files of one call form one \
            dataset and are stored in one transaction: a malformed line leaves the database unchanged. Importing \
            the same files (by SHA-256) under the same name again does nothing.
            Examples:
              chainrisk import nld_imports.csv
              chainrisk import world_exports_hs4_2017.csv --input-format csv \\
                --map reporter=reporter_iso,product=product_code \\
                --map value=export_value_usd --file-flow export --file-year 2017 \\
                --classification HS4
            """
    )

    @Argument(help: ArgumentHelp("Files to import (.gz is inflated on the fly).", valueName: "file"))
    var files: [String]

    @Option(help: "Dataset name (default: the first file's name without extension).")
    var name: String?

    @OptionGroup var reading: ImportReadArguments

    @Flag(help: "Replace an existing dataset of the same name that holds other files.")
    var replace = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let request = ImportFilesRequest(
            name: name, files: try files.map { try InputFile.named($0) }, reading: try reading.settings(),
            replace: replace)
        let progress = ProgressBar()
        defer { progress.finish() }
        let outcome = try store.workspace().importFiles(request) { progress.update(flows: $0, file: $1) }
        FileOutput.standardOutput.write(outcome.summaryLines().map { $0 + "\n" }.joined())
    }
}
