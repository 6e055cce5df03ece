import ArgumentParser
import ChainRiskIO
import ChainRiskUseCases

/// The options of the origin table (the letter's Table 3), shared by `origins` and `report`.
struct OriginOptions: ParsableArguments {
    @Option(
        help:
            "The reporting country: a region code of the input-output table (default NLD); for `report --imports`, also the reporter of Tables 4 and 5."
    )
    var reporter: String?

    @Option(
        help: ArgumentHelp(
            "CSV region,group[,group_en,group_nl,note_en,note_nl] grouping origin regions (default: built-in EU, rest of Europe, US, China, Russia, rest of world for WIOD 2013 codes).",
            valueName: "path"))
    var groups: String?

    @Option(
        help: ArgumentHelp(
            "CSV sector,category[,category_en,category_nl,sector_name] mapping sector codes to export categories (default: built-in categories of WIOD industries c1..c35).",
            valueName: "path"))
    var categories: String?

    @Option(
        help:
            "What to count: import-content (imported inputs, Hummels–Ishii–Yi) or foreign-value-added (from the full Leontief inverse)."
    )
    var measure: OriginMeasure = .importContent

    /// The shared builder with this command's options.
    func builder(bySector: Bool) throws -> OriginTableBuilder {
        OriginTableBuilder(
            reporter: reporter ?? "NLD", measure: measure,
            groups: try OriginTableBuilder.groupingFile(groups, option: "--groups"),
            categories: try OriginTableBuilder.groupingFile(categories, option: "--categories"),
            bySector: bySector)
    }
}

extension OriginMeasure: ExpressibleByArgument {}
