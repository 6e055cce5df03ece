import ArgumentParser
import ChainRiskReport
import ChainRiskUseCases

/// `chainrisk origins`: where the imported inputs used for a region's exports come from (the letter's Table 3).
struct OriginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "origins",
        abstract:
            "Origin of the imported inputs used for exports, by export category and origin group (the letter's Table 3).",
        discussion: """
            From a multi-regional input-output table: the reporter's gross exports per sector and the imported inputs from each origin embodied in them, IC(s, ·) = 1ᵀ·A(s,r)·(I − A(r,r))⁻¹·diag(e) (import content, Hummels–Ishii–Yi), or with --measure foreign-value-added the origins' value added through the full Leontief inverse. Sectors are summed into export categories (rows) and regions into origin groups (columns); each category's shares sum to 100 %. Table and Markdown show one row per category like the letter; CSV and JSON give rows export_sector, origin, value, share.

            Example:
              chainrisk origins --reporter NLD \\
                --mrio ../shared/data/wiod2013/wiod2013_2011_nld11_Z.csv
            """
    )

    @OptionGroup var io: InputOutputOptions

    @OptionGroup var origin: OriginOptions

    @Option(help: "Rows: category (export categories) or sector (every sector of the reporter).")
    var by: OriginRows = .category

    @OptionGroup var output: TableOutputOptions
    @OptionGroup var workbook: WorkbookOutput

    func run() throws {
        let request = OriginsRequest(
            table: try io.required().load(), builder: try origin.builder(bySector: by == .sector), language: output.lang
        )
        let result = try output.workspace().origins(request)
        if output.format == .xlsx { return try workbook.write(result.output.workbook(provenance: result.provenance)) }
        try workbook.write(text: result.render(output.format))
    }
}

/// What the rows of the origin table are.
enum OriginRows: String, ExpressibleByArgument, CaseIterable {
    case category, sector
}
