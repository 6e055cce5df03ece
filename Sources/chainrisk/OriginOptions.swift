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
        let content = try ImportContentOfExports(table: loaded.table, reporter: reporter, measure: measure)
        let groupsFile = try groups.map { InputFile(path: try existing($0, option: "--groups")) } ?? OriginGroupingFiles.bundledGroups()
        let categoriesFile = try categories.map { InputFile(path: try existing($0, option: "--categories")) } ?? OriginGroupingFiles.bundledCategories()
        let grouping = try OriginGroupingFiles.groups(groupsFile)
        var exportCategories = try OriginGroupingFiles.categories(categoriesFile)
        if bySector { exportCategories = exportCategories.eachSector(content.exportSectors.map(\.sector)) }
        let table = OriginTable(content: content, grouping: grouping, categories: exportCategories)
        let inputs = [
            Self.provenance(loaded),
            try Self.provenance(groupsFile, builtIn: groups == nil),
            try Self.provenance(categoriesFile, builtIn: categories == nil),
        ]
        let settings = ["origin_reporter": reporter, "origin_measure": measure.rawValue, "origin_rows": bySector ? "sector" : "category"]
        return (table, inputs, settings)
    }

    /// The input-output table's files with their SHA-256, in the order intermediate, final demand, gross output.
    static func provenance(_ loaded: LoadedInputOutputTable) -> Provenance.Input {
        let files = [loaded.files.intermediate, loaded.files.finalDemand] + (loaded.files.grossOutput.map { [$0] } ?? [])
        return Provenance.Input(
            name: sourceName(loaded), kind: "input_output_table",
            files: files.map { ($0.displayName, loaded.fileDigests[$0.displayName] ?? "") })
    }

    /// The intermediate-flows file's name, which names the table in titles.
    static func sourceName(_ loaded: LoadedInputOutputTable) -> String {
        (loaded.files.intermediate.displayName as NSString).lastPathComponent
    }

    private static func provenance(_ file: InputFile, builtIn: Bool) throws -> Provenance.Input {
        let digest = try FileDigest.sha256(path: file.path).hex
        return Provenance.Input(name: (file.displayName as NSString).lastPathComponent, kind: builtIn ? "builtin" : "file", files: [(file.displayName, digest)])
    }

    private func existing(_ path: String, option: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputError(.missingFile, "\(option) file not found: \(path)", at: nil)
        }
        return path
    }
}

extension OriginMeasure: ExpressibleByArgument {}
