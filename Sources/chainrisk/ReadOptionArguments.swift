import ArgumentParser
import ChainRiskCore
import ChainRiskIngest

/// What readers are told beyond a file's bytes; `import` and the analysis commands' `--input` spell the options
/// differently (for analyses `--flow`, `--year` and `--reporter` are filters), so two argument groups share this.
protocol ReadOptionSource {
    var format: String { get }
    var map: [String] { get }
    var flow: String? { get }
    var year: Int? { get }
    var classification: String? { get }
    var reporter: String? { get }
    var unit: String? { get }
}

/// The reading options of `chainrisk import`: `--format`, `--map`, `--flow`, `--year`, `--classification`, `--reporter`, `--unit`.
struct ImportReadArguments: ParsableArguments, ReadOptionSource {
    @Option(help: "Source format: auto, \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String = "auto"

    @Option(parsing: .singleValue, help: ArgumentHelp("Column map for CSV files, e.g. reporter=reporter_iso,product=product_code,value=export_value_usd (repeatable).", valueName: "field=column,…"))
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
}

/// The reading options of `--input FILE` in analysis commands, prefixed so they do not clash with filters.
struct InputReadArguments: ParsableArguments, ReadOptionSource {
    @Option(name: .customLong("input-format"), help: "Source format of --input/import files: auto, \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: String = "auto"

    @Option(parsing: .singleValue, help: ArgumentHelp("Column map for CSV files, e.g. reporter=reporter_iso,product=product_code,value=export_value_usd (repeatable).", valueName: "field=column,…"))
    var map: [String] = []

    @Option(name: .customLong("file-flow"), help: "Flow for files without a flow column: import, export, re_export, export_own_make, import_own_use.")
    var flow: String?

    @Option(name: .customLong("file-year"), help: "Year for files without a year column.")
    var year: Int?

    @Option(help: "Classification of product codes when the file does not say (e.g. HS2017, HS4, SITC4, CN8).")
    var classification: String?

    @Option(name: .customLong("file-reporter"), help: "Reporter (ISO3) for files without a reporter column.")
    var reporter: String?

    @Option(help: "Unit of values when the file does not say (USD, kUSD, EUR, mEUR).")
    var unit: String?
}

extension ReadOptionSource {
    /// The explicit format, or nil for detection.
    func sourceFormat() throws -> SourceFormat? {
        if format == "auto" { return nil }
        guard let value = SourceFormat(rawValue: format) else {
            throw UsageError(message: "unknown format '\(format)'; expected auto, \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// The reader for `file`: the explicit format, or the one detected from its header.
    func reader(for file: InputFile) throws -> any TradeReader {
        ReaderRegistry.reader(for: try sourceFormat() ?? FormatDetector.detect(file))
    }

    /// The options as readers take them; throws a usage error for a malformed value.
    func readOptions() throws -> ReadOptions {
        var options = ReadOptions()
        for pair in map.flatMap({ $0.split(separator: ",") }) {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingASCIIWhitespace() }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw UsageError(message: "--map expects field=column pairs, got '\(pair)'")
            }
            options.columnMap[parts[0].lowercased()] = parts[1]
        }
        if let flow {
            guard let kind = FlowKind(token: flow) else { throw UsageError(message: "unknown flow '\(flow)'") }
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
            guard let code = CountryCode(rawValue: reporter) else { throw UsageError(message: "empty reporter") }
            options.reporter = code
        }
        if let unit {
            guard let value = ValueUnit(token: unit) else { throw UsageError(message: "unknown --unit '\(unit)'; e.g. USD, kUSD, EUR, mEUR") }
            options.unit = value
        }
        return options
    }
}

/// Reading with nothing beyond the file itself: format detected, no defaults (for world-market files).
struct AutoDetectedReading: ReadOptionSource {
    let format = "auto"
    let map: [String] = []
    let flow: String? = nil
    let year: Int? = nil
    let classification: String? = nil
    let reporter: String? = nil
    let unit: String? = nil
}
