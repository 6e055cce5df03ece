import ArgumentParser
import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskReport
import ChainRiskUseCases

/// Options shared by `sectors`, `events`, `options`, `origins` and `io`: language and output format.
struct TableOutputOptions: ParsableArguments {
    @Option(help: "Language of labels: en or nl.")
    var lang: Language = .en

    @Option(name: .customLong("format"), help: "Output format (xlsx needs --output).")
    var choice = FormatChoice<TableFormats>(.table)

    @OptionGroup var csvSafety: CSVSafetyOptions

    var format: OutputFormat { choice.format }

    /// A workspace for commands that need no store (the built-in letter, input-output files).
    func workspace() -> Workspace { Workspace(storeLocation: nil) }

    /// Writes `tables` in the chosen format and language to standard output.
    func write(_ tables: TableSet) {
        FileOutput.standardOutput.write(tables.render(format, language: lang))
    }

    /// Writes `tables` in the chosen format to `--output` (a workbook for `--format xlsx`) or standard output.
    func write(_ tables: TableSet, workbook: WorkbookOutput) throws {
        if format == .xlsx {
            try workbook.write(tables.workbook())
        } else {
            try workbook.write(text: tables.render(format, language: lang))
        }
    }
}

/// `chainrisk sectors`: Table 2 with bands, importance and the sectors of particular importance.
struct SectorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sectors",
        abstract: "Sector vulnerability per risk factor (the letter's Table 2) with bands and importance.")

    @Option(
        help:
            "Sort by importance (imports + exports) or by a risk factor: \(RiskFactor.allCases.map(\.rawValue).joined(separator: ", "))."
    )
    var sort: String = "importance"

    @Option(
        name: .customLong("source-scores"),
        help:
            "Re-rank from another nomenclature: CSV chain,pandemic,cyber_attack,… with a score per source value chain.")
    var sourceScores: String?

    @Option(
        name: .customLong("source-mapping"),
        help: "With --source-scores: CSV chain,sector[,weight] mapping source chains onto sectors (many-to-many).")
    var sourceMapping: String?

    @Option(help: "Ties in re-ranking: dense (1, 2, 2, 3, as the letter) or competition (1, 2, 2, 4).")
    var ties: TieConvention = .dense

    @OptionGroup var output: TableOutputOptions
    @OptionGroup var workbook: WorkbookOutput

    func validate() throws {
        if (sourceScores == nil) != (sourceMapping == nil) {
            throw ValidationError("--source-scores and --source-mapping go together")
        }
    }

    func run() throws {
        var request = SectorsRequest()
        guard let order = SectorOrder(token: sort) else {
            throw RequestError(
                nil,
                "unknown --sort '\(sort)'; use importance or one of \(RiskFactor.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        (request.order, request.sourceScores, request.sourceMapping, request.ties, request.language) = (
            order, sourceScores, sourceMapping, ties, output.lang
        )
        try output.write(try output.workspace().sectors(request), workbook: workbook)
    }
}

/// `chainrisk events`: the disruption-event catalogue and its summaries.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Disruption events (the letter's Table 1 plus your own) and summaries.")

    @Option(
        help:
            "A CSV of further events (id,event,event_nl,category,start,regions,production_sites_affected,duration_weeks)."
    )
    var file: String?

    @Option(help: "Summarise by year, category or region.")
    var by: EventGrouping = .category

    @OptionGroup var output: TableOutputOptions
    @OptionGroup var workbook: WorkbookOutput

    func run() throws {
        try output.write(try output.workspace().events(file: file, by: by, language: output.lang), workbook: workbook)
    }
}

/// `chainrisk options`: the policy options each diagnosis leads to, with the rule and numbers behind it.
struct OptionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "options",
        abstract: "Policy options (handelingsperspectieven) per product and sector, with their reasons.")

    @OptionGroup var output: TableOutputOptions
    @OptionGroup var workbook: WorkbookOutput

    func run() throws {
        try output.write(try output.workspace().policyOptions(language: output.lang), workbook: workbook)
    }
}

extension TieConvention: ExpressibleByArgument {}
extension EventGrouping: ExpressibleByArgument {}
