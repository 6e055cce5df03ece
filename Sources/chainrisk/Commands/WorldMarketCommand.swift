import ArgumentParser
import ChainRiskReport
import ChainRiskUseCases

/// `chainrisk world-market`: how concentrated world exports of each product are (are there alternative suppliers?).
struct WorldMarketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "world-market",
        abstract: "Herfindahl index of world exports by exporting country, per product and year.",
        discussion: """
            Exporters are the suppliers; a not concentrated world market means alternative suppliers exist. \
            Reads export flows: one row per exporter and product with the world as partner (e.g. OEC files), or \
            bilateral exports (BACI), summed per exporter.
            Example:
              chainrisk world-market --input-format csv \\
                --input world_exports_by_country_hs4_2017.csv \\
                --map reporter=reporter_iso,product=product_code \\
                --map value=export_value_usd --file-flow export \\
                --file-year 2017 --classification HS4 --product 27
            """
    )

    @Option(help: "A stored world-exports dataset.")
    var dataset: String?

    @Option(parsing: .singleValue, help: "World-exports files read directly (repeatable).")
    var input: [String] = []

    @OptionGroup(title: "Reading --input files") var reading: InputReadArguments

    @Option(
        parsing: .singleValue, help: "Only these years (repeatable), or all (default: the latest year in the data).")
    var year: [String] = []

    @Option(help: "Only products whose code starts with this.")
    var product: String?

    @Option(help: "Aggregate product codes to this many digits.")
    var level: Int?

    @Option(help: "Threshold preset (letter, us2023, eu2004, eu-dependency) or custom edges such as 0.15,0.25.")
    var thresholds: String = "letter"

    @Option(name: .customLong("format"), help: "Output format (xlsx needs --output).")
    var choice = FormatChoice<TableFormats>(.table)
    var format: OutputFormat { choice.format }

    @OptionGroup var csvSafety: CSVSafetyOptions

    @OptionGroup var store: StoreOptions
    @OptionGroup var workbook: WorkbookOutput

    func run() throws {
        let years = try year.filter { $0 != "all" }.map { text in
            guard let value = Int(text) else { throw RequestError(nil, "--year takes a year such as 2017, or all") }
            return value
        }
        var request = WorldMarketRequest(
            source: try reading.source(dataset: dataset, input: input), thresholds: try thresholdPreset(thresholds),
            years: years, productPrefix: product, level: level)
        request.allYears = year.contains("all")
        let result = try store.workspace().worldMarket(request)
        if format == .xlsx { return try workbook.write(result.workbook()) }
        try workbook.write(text: result.render(format))
    }
}
