import ArgumentParser
import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskReport
import ChainRiskUseCases

/// `chainrisk concentration`: import concentration per product (the letter's Tables 4 and 5) from any trade data.
struct ConcentrationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concentration",
        abstract: "Herfindahl index, class, top supplier and CR3 per reporter, year, flow and product.",
        discussion: """
            Shares are over supplier countries; world totals, areas n.e.s., bunkers and free zones are reported as \
            unallocated value. Bands follow CBS and the letter: [0, 0.15) not, [0.15, 0.25) somewhat, [0.25, 1] \
            highly concentrated; other presets: us2023, eu2004, eu-dependency, or --thresholds 0.15,0.25.
            Examples (Table 4 shape, Table 5 shape, a BACI file):
              chainrisk concentration --dataset nld_imports --top 10
              chainrisk concentration --dataset nld_imports --class high \\
                --min-value 250e6 --world-dataset world_exports
              chainrisk concentration --input BACI_HS92_Y2021_V202501.csv \\
                --level 4 --format csv
            """
    )

    @Option(help: "A stored dataset to analyse (see `chainrisk datasets`).")
    var dataset: String?

    @Option(parsing: .singleValue, help: "Files to analyse directly, in any format the importer reads (repeatable).")
    var input: [String] = []

    @OptionGroup(title: "Reading --input files") var reading: InputReadArguments

    @OptionGroup var filters: ConcentrationFilterArguments

    @Flag(help: "List products whose class differs between the presets.")
    var sensitivity = false

    @Flag(help: "For each product, list finer products that are more concentrated (needs --level).")
    var drill = false

    @Option(
        name: .customLong("world-dataset"), help: "A stored world-exports dataset for the world-market check (Table 5)."
    )
    var worldDataset: String?

    @Option(
        name: .customLong("world-input"), help: "A world-exports file for the world-market check (format detected).")
    var worldInput: String?

    @Flag(help: "HHI per year, change and persistence of high concentration (with several years of data).")
    var trend = false

    @Option(
        parsing: .singleValue,
        help:
            "Dependency criteria to evaluate: ec2021 (EU strategic dependencies) or geodep (CEPII; needs a world dataset); repeatable. Export flows in the data are used for the imports/exports ratio."
    )
    var criteria: [String] = []

    @Option(
        name: .customLong("risk-scores"),
        help: "CSV of country-risk scores (iso3,score in [0,1]) for risk-weighted concentration.")
    var riskScores: String?

    @Option(name: .customLong("format"), help: "Output format (xlsx needs --output).")
    var choice = FormatChoice<TableFormats>(.table)
    var format: OutputFormat { choice.format }

    @OptionGroup var csvSafety: CSVSafetyOptions

    @Option(help: "Language of labels: en or nl.")
    var lang: Language = .en

    @OptionGroup var store: StoreOptions
    @OptionGroup var workbook: WorkbookOutput

    func validate() throws {
        if drill && filters.level == nil { throw ValidationError("--drill needs --level N (the level to drill from)") }
        try filters.validate()
    }

    func run() throws {
        let workspace = store.workspace()
        var request = ConcentrationRequest(
            source: try reading.source(dataset: dataset, input: input), query: try filters.query())
        (request.sensitivity, request.drill, request.trend, request.riskScores, request.language) = (
            sensitivity, drill, trend, riskScores, lang
        )
        request.criteria = try DependencyCriterion.parse(criteria)
        if worldDataset != nil || worldInput != nil {
            request.world = try FlowSource(
                dataset: worldDataset, files: worldInput.map { [$0] } ?? [], option: "world-dataset",
                inputOption: "world-input")
        }
        let result = try workspace.concentration(request)
        FileOutput.standardError.write(result.findings.inputSummary())
        if format == .xlsx { return try workbook.write(try result.output().workbook()) }
        try workbook.write(streaming: { try result.write(format, to: $0) })
    }
}
