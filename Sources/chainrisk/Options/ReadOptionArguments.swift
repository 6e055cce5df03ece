import ArgumentParser
import ChainRiskIngest
import ChainRiskUseCases

/// The reading options of `chainrisk import`, named as for the analyses' `--input`; the older names still work, hidden.
struct ImportReadArguments: ParsableArguments {
    @Option(
        name: .customLong("input-format"),
        help: "Source format: auto, \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var inputFormat: String?
    @Option(name: .customLong("format"), help: .hidden) var formatAlias: String?

    @Option(
        parsing: .singleValue,
        help: ArgumentHelp(
            "Column map for CSV files, e.g. reporter=reporter_iso,product=product_code,value=export_value_usd (repeatable).",
            valueName: "field=column,…"))
    var map: [String] = []

    @Option(
        name: .customLong("file-flow"),
        help: "Flow for files without a flow column: import, export, re_export, export_own_make, import_own_use.")
    var fileFlow: String?
    @Option(name: .customLong("flow"), help: .hidden) var flowAlias: String?

    @Option(name: .customLong("file-year"), help: "Year for files without a year column.")
    var fileYear: Int?
    @Option(name: .customLong("year"), help: .hidden) var yearAlias: Int?

    @Option(help: "Classification of product codes when the file does not say (e.g. HS2017, HS4, SITC4, CN8).")
    var classification: String?

    @Option(name: .customLong("file-reporter"), help: "Reporter (ISO3) for files without a reporter column.")
    var fileReporter: String?
    @Option(name: .customLong("reporter"), help: .hidden) var reporterAlias: String?

    @Option(help: "Unit of values when the file does not say (USD, kUSD, EUR, mEUR).")
    var unit: String?

    @Flag(help: "Treat every finding as an error: nothing is stored if any file has one.")
    var strict = false

    func settings() throws -> ReadSettings {
        try ReadSettings.parse(
            format: inputFormat ?? formatAlias ?? "auto", map: map, flow: fileFlow ?? flowAlias,
            year: fileYear ?? yearAlias,
            classification: classification, reporter: fileReporter ?? reporterAlias, unit: unit, strict: strict,
            names: .init(format: "input-format", flow: "file-flow", reporter: "file-reporter", year: "file-year"))
    }
}

/// The reading options of `--input FILE` in analysis commands, prefixed so they do not clash with filters.
struct InputReadArguments: ParsableArguments {
    @Option(
        name: .customLong("input-format"),
        help:
            "Source format of --input/import files: auto, \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", "))."
    )
    var format: String = "auto"

    @Option(
        parsing: .singleValue,
        help: ArgumentHelp(
            "Column map for CSV files, e.g. reporter=reporter_iso,product=product_code,value=export_value_usd (repeatable).",
            valueName: "field=column,…"))
    var map: [String] = []

    @Option(
        name: .customLong("file-flow"),
        help: "Flow for files without a flow column: import, export, re_export, export_own_make, import_own_use.")
    var flow: String?

    @Option(name: .customLong("file-year"), help: "Year for files without a year column.")
    var year: Int?

    @Option(help: "Classification of product codes when the file does not say (e.g. HS2017, HS4, SITC4, CN8).")
    var classification: String?

    @Option(name: .customLong("file-reporter"), help: "Reporter (ISO3) for files without a reporter column.")
    var reporter: String?

    @Option(help: "Unit of values when the file does not say (USD, kUSD, EUR, mEUR).")
    var unit: String?

    @Flag(help: "Treat every finding in --input files as an error (as `import --strict`).")
    var strict = false

    /// The settings the readers take.
    func settings() throws -> ReadSettings {
        try ReadSettings.parse(
            format: format, map: map, flow: flow, year: year, classification: classification, reporter: reporter,
            unit: unit, strict: strict,
            names: .init(format: "input-format", flow: "file-flow", reporter: "file-reporter", year: "file-year"))
    }

    /// The flow source of `--dataset NAME` or `--input FILE…`.
    func source(dataset: String?, input: [String]) throws -> FlowSource {
        try FlowSource(dataset: dataset, files: input, reading: try settings())
    }
}
