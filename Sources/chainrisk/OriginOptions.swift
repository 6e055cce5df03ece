import ArgumentParser
import ChainRiskCore
import ChainRiskIO
import ChainRiskIngest
import ChainRiskReport
import Foundation

/// The options of the origin table (the letter's Table 3), shared by `origins` and `report`.
struct OriginOptions: ParsableArguments {
    @Option(help: "The reporting region: a region code of the input-output table.")
    var reporter: String = "NLD"

    @Option(help: ArgumentHelp("CSV region,group[,group_en,group_nl,note_en,note_nl] grouping origin regions (default: built-in EU, rest of Europe, US, China, Russia, rest of world for WIOD 2013 codes).", valueName: "path"))
    var groups: String?

    @Option(help: ArgumentHelp("CSV sector,category[,category_en,category_nl,sector_name] mapping sector codes to export categories (default: built-in categories of WIOD industries c1..c35).", valueName: "path"))
    var categories: String?

    @Option(help: "What to count: import-content (imported inputs, Hummels–Ishii–Yi) or foreign-value-added (from the full Leontief inverse).")
    var measure: OriginMeasure = .importContent

    /// The origin table of `loaded`, with the grouping files and settings for the provenance.
    func originTable(_ loaded: LoadedInputOutputTable, bySector: Bool) throws -> (table: OriginTable, inputs: [Provenance.Input], settings: [String: String]) {
        try builder(bySector: bySector).build(loaded)
    }

    /// The shared builder with this command's options.
    func builder(bySector: Bool) throws -> OriginTableBuilder {
        OriginTableBuilder(
            reporter: reporter, measure: measure,
            groups: try groups.map { InputFile(path: try existing($0, option: "--groups")) },
            categories: try categories.map { InputFile(path: try existing($0, option: "--categories")) },
            bySector: bySector)
    }

    private func existing(_ path: String, option: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(.missingFile, "\(option) file not found: \(path)", at: nil)
        }
        return path
    }
}

extension OriginMeasure: ExpressibleByArgument {}
