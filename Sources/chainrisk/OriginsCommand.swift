import ArgumentParser
import ChainRiskCore
import ChainRiskReport

/// `chainrisk origins`: where the imported inputs used for a region's exports come from (the letter's Table 3).
struct OriginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "origins",
        abstract: "Origin of the imported inputs used for exports, by export category and origin group (the letter's Table 3).",
        discussion: """
            From a multi-regional input-output table: the reporter's gross exports per sector and the imported inputs from each origin embodied in them, IC(s, ·) = 1ᵀ·A(s,r)·(I − A(r,r))⁻¹·diag(e) (import content, Hummels–Ishii–Yi), or with --measure foreign-value-added the origins' value added through the full Leontief inverse. Sectors are summed into export categories (rows) and regions into origin groups (columns); each category's shares sum to 100 %. Table and Markdown show one row per category like the letter; CSV and JSON give rows export_sector, origin, value, share.

            Example:
              chainrisk origins --mrio ../shared/data/wiod2013/wiod2013_2011_nld11_Z.csv --reporter NLD
            """
    )

    @OptionGroup var io: InputOutputOptions

    @OptionGroup var origin: OriginOptions

    @Option(help: "Rows: category (export categories) or sector (every sector of the reporter).")
    var by: OriginRows = .category

    @OptionGroup var output: TableOutputOptions

    func run() throws {
        let loaded = try io.load()
        let builder = try origin.builder(bySector: by == .sector)
        let computed = try builder.build(loaded)
        let rendering = builder.output(computed.table, loaded: loaded, language: output.lang)
        let provenance = Provenance(inputs: computed.inputs, settings: computed.settings)
        let text: String
        switch output.format {
        case .json:
            text = rendering.jsonDocument(provenance: provenance)
        case .csv:
            text = rendering.rowsTable().renderCSV()
        case .markdown:
            text = rendering.letterTable(title: rendering.title).localized(output.lang).renderMarkdown() + "\n"
                + ([rendering.explanation] + rendering.notes()).map { "- " + $0 }.joined(separator: "\n") + "\n"
        default:
            text = rendering.letterTable(title: rendering.title).localized(output.lang).renderText() + "\n"
                + ([rendering.explanation] + rendering.notes()).map { "* " + $0 }.joined(separator: "\n") + "\n"
        }
        FileOutput.standardOutput.write(text)
    }
}

/// What the rows of the origin table are.
enum OriginRows: String, ExpressibleByArgument, CaseIterable {
    case category, sector
}
