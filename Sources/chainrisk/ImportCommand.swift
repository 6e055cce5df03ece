import ArgumentParser
import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskStore
import Foundation

/// `chainrisk import FILE…`: reads trade files into the store as one dataset, atomically.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import trade data files into the store as one dataset.",
        discussion: """
            Formats are detected from the header unless --format says otherwise. All files of one call form one
            dataset and are stored in one transaction: a malformed line leaves the database unchanged. Importing
            the same files (by SHA-256) under the same name again does nothing.
            Examples:
              chainrisk import nld_imports.csv
              chainrisk import world_exports_hs4_2017.csv --format csv \\
                --map reporter=reporter_iso,product=product_code,value=export_value_usd --flow export --year 2017 --classification HS4
            """
    )

    @Argument(help: ArgumentHelp("Files to import (.gz is inflated on the fly).", valueName: "file"))
    var files: [String]

    @Option(help: "Dataset name (default: the first file's name without extension).")
    var name: String?

    @Option(help: "Source format: auto, \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String = "auto"

    @Option(parsing: .singleValue, help: ArgumentHelp("Column map for --format csv, e.g. reporter=reporter_iso,product=product_code,value=export_value_usd (repeatable).", valueName: "field=column,…"))
    var map: [String] = []

    @Option(help: "Flow for files without a flow column: import, export, re_export, export_own_make, import_own_use.")
    var flow: String?

    @Option(help: "Year for files without a year column.")
    var year: Int?

    @Option(help: "Classification of product codes when the file does not say (e.g. HS2017, HS4, SITC4, CN8).")
    var classification: String?

    @Option(help: "Reporter (ISO3) for files without a reporter column.")
    var reporter: String?

    @Option(help: "Unit of values when the file does not say (USD, kUSD, EUR, mEUR).")
    var unit: String?

    @Flag(help: "Treat every finding as an error: nothing is stored if any file has one.")
    var strict = false

    @Flag(help: "Replace an existing dataset of the same name that holds other files.")
    var replace = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        let options = try readOptions()
        let inputs = files.map { InputFile(path: $0) }
        for input in inputs where !FileManager.default.fileExists(atPath: input.path) {
            throw InputError(.missingFile, "no such file: \(input.displayName)", at: nil)
        }
        let sources = try inputs.map { input in
            let sourceFormat = try format == "auto" ? FormatDetector.detect(input) : explicitFormat()
            return ImportRequest.Source(file: input, reader: ReaderRegistry.reader(for: sourceFormat))
        }
        let datasetName = name ?? Self.defaultName(for: files[0])
        let request = ImportRequest(name: datasetName, sources: sources, options: options, strict: strict, replace: replace)
        let progress = ProgressBar()
        let outcome: ImportOutcome
        do {
            outcome = try store.open().importDataset(request) { flows, file in progress.update(flows: flows, file: file) }
            progress.finish()
        } catch {
            progress.finish()
            throw error
        }
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

    private func explicitFormat() throws -> SourceFormat {
        guard let value = SourceFormat(rawValue: format) else {
            throw UsageError(message: "unknown --format '\(format)'; expected auto, \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    private func readOptions() throws -> ReadOptions {
        var options = ReadOptions()
        for pair in map.flatMap({ $0.split(separator: ",") }) {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingASCIIWhitespace() }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw UsageError(message: "--map expects field=column pairs, got '\(pair)'")
            }
            options.columnMap[parts[0].lowercased()] = parts[1]
        }
        if let flow {
            guard let kind = FlowKind(token: flow) else { throw UsageError(message: "unknown --flow '\(flow)'") }
            options.flow = kind
        }
        options.year = year
        if let classification {
            guard let value = Classification(token: classification) else {
                throw UsageError(message: "unknown --classification '\(classification)'; e.g. HS2017, HS, SITC4, BEC4, CN8")
            }
            options.classification = value
        }
        if let reporter {
            guard let code = CountryCode(rawValue: reporter) else { throw UsageError(message: "empty --reporter") }
            options.reporter = code
        }
        if let unit {
            guard let value = ValueUnit(token: unit) else { throw UsageError(message: "unknown --unit '\(unit)'; e.g. USD, kUSD, EUR, mEUR") }
            options.unit = value
        }
        return options
    }

    /// The file name without folders and without `.gz`, `.csv`, `.json`, `.dat`, `.txt` extensions.
    static func defaultName(for path: String) -> String {
        var name = (path as NSString).lastPathComponent
        for suffix in [".gz", ".csv", ".json", ".dat", ".txt", ".tsv"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
        }
        return name
    }
}
