import ArgumentParser
import ChainRiskCore
import ChainRiskReport
import ChainRiskSimulation
import ChainRiskUseCases
import Foundation

/// `chainrisk scenario`: a disruption (catalogue event, --shock flags or a JSON file) propagated to a reporter's sectors.
struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract:
            "What a disruption costs a country's sectors: direct import value at risk, static (Leontief, Ghosh, inoperability) or dynamic (ARIO) propagation, and whether stocks bridge the gap.",
        discussion: scenarioDiscussion
    )

    @OptionGroup(title: "Input-output table") var io: InputOutputOptions

    @Option(help: "A catalogue event by id (the letter's Table 1 plus --events-file).")
    var event: Int?

    @Option(name: .customLong("events-file"), help: "A CSV of further events, as for `chainrisk events --file`.")
    var eventsFile: String?

    @Option(
        parsing: .singleValue,
        help: ArgumentHelp(
            "A shock REGIONS[:SECTORS]:LOSS:WEEKS, e.g. TWN:c3-c16:0.2:22 or TWN+CHN:hs8542:0.5:8 (repeatable).",
            valueName: "spec"))
    var shock: [String] = []

    @Option(help: "A JSON scenario file.")
    var file: String?

    @Option(help: "Model: direct, leontief, ghosh, iim or ario.")
    var model: ScenarioModel = .ario

    @Option(help: "Capacity loss (0-1) for --event (default \(ScenarioRequest.defaultEventLoss)).")
    var loss: Double?

    @Option(
        help: "Sectors for --event, comma-separated (ranges such as c3-c16); default: manufacturing for natural events."
    )
    var sectors: String?

    @Option(name: .customLong("start-day"), help: "Day the --event or --shock starts.")
    var startDay: Int = 0

    @Option(help: "Recovery after the full loss for --event and --shock: step, linear or exponential.")
    var recovery: Shock.Recovery = .step

    @Option(name: .customLong("recovery-days"), help: "Days of recovery after the full loss (linear, exponential).")
    var recoveryDays: Int = 0

    @Option(help: "Days to simulate (ario).")
    var days: Int = 365

    @Option(help: "The region whose sectors are reported (default: NLD where the table has it, else its first region).")
    var reporter: String?

    @Option(
        name: .customLong("inventory-days"),
        help: ArgumentHelp(
            "Days of inputs held: one number for all, or per using sector such as c14=30,c20=10 (others keep the default from Pichler et al.).",
            valueName: "days"))
    var inventoryDays: String?

    @Option(
        help:
            "How output depends on input stocks (ario): partial (IHS Markit's critical inputs bind, important ones at half weight), leontief (every input binds) or linear."
    )
    var production: ProductionFunction = .partial

    @Option(
        help: ArgumentHelp(
            "Share (0-1) of what other supplier regions could replace that buyers switch to; 0 turns switching off.",
            valueName: "share"))
    var substitution: Double = ScenarioRequest.defaultSubstitution

    @Option(name: .customLong("switching-days"), help: "Days for switched orders to find spare capacity (ario).")
    var switchingDays: Double = ScenarioSettings().switchingDays

    @Option(name: .customLong("region-map"), help: "CSV country,region mapping countries onto the table's regions.")
    var regionMap: String?

    @Option(
        name: .customLong("country-output"),
        help: "CSV country,sector,gross output of the unaggregated table, to scale country shocks.")
    var countryOutput: String?

    @Option(help: "Show only the N sectors that lose most (text and Markdown; JSON and CSV get all).")
    var top: Int?

    @Flag(help: "Report on stderr how long reading the table and running the model took (for benchmarks).")
    var timing = false

    @Flag(help: "Print the per-day series of the reporter's sectors (ario) instead of the summary.")
    var series = false

    @Flag(help: "The shock is lost final demand for the hit sectors, not lost capacity (leontief, iim).")
    var demand = false

    @Flag(help: "Every table model side by side against the direct loss (leontief, ghosh, iim, ario), not one --model.")
    var compare = false

    @Flag(
        inversion: .prefixedNo, help: "Rerun ario with one assumption changed at a time for a low-central-high range.")
    var band = true

    @Option(name: .customLong("format"), help: "Output format (xlsx needs --output).")
    var choice = FormatChoice<TableFormats>(.table)
    var format: OutputFormat { choice.format }

    @OptionGroup var csvSafety: CSVSafetyOptions

    @OptionGroup(title: "Trade data for --model direct") var trade: ScenarioTradeOptions
    @OptionGroup var workbook: WorkbookOutput

    func validate() throws {
        let sources = [event != nil, !shock.isEmpty, file != nil].filter { $0 }.count
        guard sources == 1 else {
            throw ValidationError("give exactly one of --event N, --shock SPEC or --file scenario.json")
        }
        if model != .direct && io.mrio == nil {
            throw ValidationError("--model \(model.rawValue) needs an input-output table: --mrio PATH")
        }
    }

    func run() throws {
        let result = try trade.store.workspace().scenario(try request())
        if timing, let simulationSeconds = result.simulationSeconds {
            let read = NumberFormat.fixed(result.readSeconds ?? 0, decimals: 3, grouping: false)
            FileOutput.standardError.write(
                "chainrisk: read table \(read) s, ARIO \(days) days on \(result.sectorCount) industries \(NumberFormat.fixed(simulationSeconds, decimals: 3, grouping: false)) s\n"
            )
        }
        if format == .xlsx { return try workbook.write(result.report.workbook()) }
        try workbook.write(text: result.report.render(format))
    }

    /// The request the options describe.
    private func request() throws -> ScenarioRequest {
        let definition: ScenarioRequest.Definition
        if let event {
            let chosen = sectors.map {
                $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            }
            definition = .event(id: event, eventsFile: eventsFile, loss: loss, sectors: chosen)
        } else if let file {
            definition = .file(file)
        } else {
            definition = .shocks(shock)
        }
        let data: ScenarioRequest.Data =
            model == .direct
            ? .trade(try trade.reading.source(dataset: trade.dataset, input: trade.input), years: trade.year)
            : .table(
                try io.required(), inventoryDays: inventoryDays, regionMap: regionMap, countryOutput: countryOutput)
        var request = ScenarioRequest(definition: definition, data: data)
        (request.settings.model, request.settings.recovery, request.settings.recoveryDays, request.settings.startDay) =
            (model, recovery, recoveryDays, startDay)
        (request.settings.days, request.settings.reporter, request.settings.series) = (days, reporter, series)
        (request.settings.production, request.settings.substitution) = (production, substitution)
        (request.settings.shockKind, request.settings.compare) = (demand ? .demand : .supply, compare)
        (request.settings.switchingDays, request.settings.band) = (switchingDays, band)
        request.settings.top = format == .table || format == .markdown ? top : nil
        return request
    }
}

extension ScenarioModel: ExpressibleByArgument {}
extension Shock.Recovery: ExpressibleByArgument {}
extension ProductionFunction: ExpressibleByArgument {}
