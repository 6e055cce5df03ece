import ArgumentParser
import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskUseCases
import Foundation

/// `chainrisk report`: the vulnerability report — the letter's analysis, reproducible, from built-in or loaded data.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The value-chain vulnerability report (sectors, events, import concentration, policy options).",
        discussion: """
            Without options it reports the built-in dataset nl-letter-2021 (the letter's published tables) in \
            English Markdown. With --imports it computes Tables 4 and 5 from a stored import dataset for --reporter \
            (required when the dataset holds several) in --year (default: its latest), checked against --world \
            exports when given. With --mrio it computes Table 3 (origin of the \
            imported inputs used for exports) from a multi-regional input-output table for --reporter (NLD). Output is byte-for-byte reproducible unless \
            --timestamp adds the generation time.
            """
    )

    @Option(help: "Language of labels: en or nl.")
    var lang: Language = .en

    @Option(
        name: .customLong("format"),
        help: "Output format (table is plain text, also spelled text; xlsx needs --output).")
    var choice = FormatChoice<ReportFormats>(.markdown)
    var format: OutputFormat { choice.format }

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "The built-in dataset the report starts from (\(BuiltInDatasets.names.joined(separator: ", "))).")
    var dataset: String = BuiltInDatasets.letterName

    @Option(help: "A stored import dataset to compute Tables 4 and 5 from (see `chainrisk datasets`).")
    var imports: String?

    @Option(help: "The year of Tables 4 and 5 (default: the reporter's latest year in --imports).")
    var year: Int?

    @Option(help: "Move --imports' HS codes into this edition first (HS2017 or HS2022).")
    var hsVersion: HSEditionBridge.Edition?

    @Option(help: "A stored world-exports dataset for the world-market check of Table 5.")
    var world: String?

    @Option(
        name: .customLong("min-value"),
        help:
            "Table 5's floor in the import data's currency units (default: the letter's EUR 250 mln, for USD data at the year's average rate)."
    )
    var minValue: Double?

    @Option(help: "A CSV of annual rates (year,usd_per_eur) replacing the bundled ECB averages for that conversion.")
    var exchangeRates: String?

    @Option(
        help:
            "Table 4's basis: own-use (imports − re-exports, the letter's; total imports with a caveat when the data has no re-exports) or total."
    )
    var basis: ImportBasis = .ownUse

    @Option(help: "Threshold preset (letter, us2023, eu2004, eu-dependency) or custom edges such as 0.15,0.25.")
    var thresholds: String = "letter"

    @Option(
        help:
            "A CSV of further disruption events (id,event,event_nl,category,start,regions,production_sites_affected,duration_weeks)."
    )
    var events: String?

    @Flag(help: "Add the generation time to the provenance (the report is then no longer byte-for-byte reproducible).")
    var timestamp = false

    @OptionGroup var store: StoreOptions

    @OptionGroup(title: "Origin of inputs used for exports (the letter's Table 3)") var io: InputOutputOptions

    @OptionGroup(title: "Origin of inputs used for exports (the letter's Table 3)") var origin: OriginOptions

    func validate() throws {
        if world != nil && imports == nil {
            throw ValidationError("--world needs --imports (the world check applies to computed Table 5)")
        }
        guard BuiltInDatasets.names.contains(dataset) else {
            throw ValidationError(
                "unknown built-in dataset '\(dataset)'; available: \(BuiltInDatasets.names.joined(separator: ", ")) (imported data goes in with --imports)"
            )
        }
    }

    func run() throws {
        var request = ReportRequest()
        (request.language, request.thresholds, request.eventsFile) = (lang, try thresholdPreset(thresholds), events)
        (request.imports, request.world, request.minimumValue, request.year, request.hsVersion) = (
            imports, world, minValue, year, hsVersion
        )
        (request.basis, request.exchangeRatesFile) = (basis, exchangeRates)
        if let reporter = origin.reporter {
            guard let code = CountryCode(rawValue: reporter.uppercased()) else {
                throw RequestError(nil, "empty --reporter")
            }
            request.reporter = code
        }
        request.generatedAt = timestamp ? Date() : nil
        if let source = io.source() {
            request.origins = OriginsRequest(
                table: try source.load(), builder: try origin.builder(bySector: false), language: lang)
        }
        let report = try store.workspace().report(request)
        if format == .xlsx { return try WorkbookOutput.write(report.workbook(), to: output) }
        let text = report.render(format)
        guard let output else { return FileOutput.standardOutput.write(text) }
        try FileOutput.writeFile(text, to: output)
    }
}
