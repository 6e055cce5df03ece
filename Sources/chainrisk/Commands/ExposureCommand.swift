import ArgumentParser
import ChainRiskUseCases

/// `chainrisk exposure`: how much each industry of a country depends on each supplier, directly and through every tier.
struct ExposureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exposure",
        abstract: "Exposure of a country's industries to supplier countries: direct, through every tier, and hidden.",
        discussion: ExposureRequest.discussion
    )

    @OptionGroup var io: InputOutputOptions

    @Option(help: "The country whose industries are exposed: a region code of the table.")
    var reporter: String = "NLD"

    @Option(help: "One supplier region (default: every other region).")
    var supplier: String?

    @Option(help: "Rows: industry (each of the reporter's) or category (Table 3's export categories).")
    var by: ExposureRows = .industry

    @OptionGroup var output: TableOutputOptions
    @OptionGroup var workbook: WorkbookOutput

    func run() throws {
        let request = ExposureRequest(table: try io.required().load(), reporter: reporter, supplier: supplier, rows: by)
        try output.write(try output.workspace().exposure(request), workbook: workbook)
    }
}

extension ExposureRows: ExpressibleByArgument {}
