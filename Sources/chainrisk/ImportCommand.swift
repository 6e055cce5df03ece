import ArgumentParser
import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskStore
import ChainRiskUseCases

/// `chainrisk import FILE…`: reads trade files into the store as one dataset, atomically.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import trade data files into the store as one dataset.",
        discussion: """
            Formats are detected from the header unless --format says otherwise. All files of one call form one \
            dataset and are stored in one transaction: a malformed line leaves the database unchanged. Importing \
            the same files (by SHA-256) under the same name again does nothing.
            Examples:
              chainrisk import nld_imports.csv
              chainrisk import world_exports_hs4_2017.csv --format csv \\
                --map reporter=reporter_iso,product=product_code \\
                --map value=export_value_usd --flow export --year 2017 \\
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
        let request = ImportFilesRequest(name: name, files: try files.map { try InputFile.named($0) }, reading: try reading.settings(), replace: replace)
        let progress = ProgressBar()
        defer { progress.finish() }
        let outcome = try store.workspace().importFiles(request) { flows, file in progress.update(flows: flows, file: file) }
        let out = FileOutput.standardOutput
        switch outcome {
        case .alreadyImported(let info):
            out.write("dataset '\(info.name)' already holds \(info.files.count == 1 ? "this file" : "these files") (sha256 \(info.files.map { String($0.sha256.prefix(12)) }.joined(separator: ", "))…); nothing imported\n")
        case .imported(let info):
            let totals = info.valueTotals.keys.sorted().map { "\(NumberFormat.fixed(info.valueTotals[$0] ?? 0, decimals: 2, grouping: true)) \($0)" }
            out.write("imported \(NumberFormat.integer(info.rowCount)) flows into dataset '\(info.name)' (\(info.sourceFormat)); value total \(totals.joined(separator: ", "))\n")
            if !info.findingCounts.isEmpty {
                out.write("findings: " + info.findingCounts.keys.sorted().map { "\(info.findingCounts[$0] ?? 0) \($0)" }.joined(separator: ", ") + "\n")
                for kind in info.findingCounts.keys.sorted() {
                    if let example = info.findingExamples.first(where: { $0.kind.rawValue == kind }) {
                        out.write("  e.g. \(example)\n")
                    }
                }
            }
        }
    }
}
