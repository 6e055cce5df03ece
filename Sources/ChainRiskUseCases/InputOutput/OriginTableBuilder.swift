import ChainRiskCore
public import ChainRiskIO
public import ChainRiskIngest
public import ChainRiskReport
import Foundation

/// Builds the origin table (the letter's Table 3) from a loaded input-output table, for `origins`, `report` and the server.
///
/// One place reads the grouping files and records them in the provenance, so every interface shows the same table.
public struct OriginTableBuilder: Sendable {
    public var reporter: String
    public var measure: OriginMeasure
    /// A `region,group…` file; nil for the built-in grouping.
    public var groups: InputFile?
    /// A `sector,category…` file; nil for the built-in export categories.
    public var categories: InputFile?
    /// One row per sector of the reporter instead of export categories.
    public var bySector: Bool

    public init(
        reporter: String, measure: OriginMeasure = .importContent, groups: InputFile? = nil,
        categories: InputFile? = nil, bySector: Bool = false
    ) {
        self.reporter = reporter
        self.measure = measure
        self.groups = groups
        self.categories = categories
        self.bySector = bySector
    }

    /// The table, the inputs that produced it (the IO files and the grouping files) and its settings.
    public func build(_ loaded: LoadedInputOutputTable) throws -> (
        table: OriginTable, inputs: [Provenance.Input], settings: [String: String]
    ) {
        let content = try ImportContentOfExports(table: loaded.table, reporter: reporter, measure: measure)
        let groupsFile = try groups ?? OriginGroupingFiles.bundledGroups()
        let categoriesFile = try categories ?? OriginGroupingFiles.bundledCategories()
        let grouping = try OriginGroupingFiles.groups(groupsFile)
        var exportCategories = try OriginGroupingFiles.categories(categoriesFile)
        if bySector { exportCategories = exportCategories.eachSector(content.exportSectors.map(\.sector)) }
        let table = OriginTable(content: content, grouping: grouping, categories: exportCategories)
        let inputs = [
            Provenance.Input.inputOutputTable(loaded),
            try Provenance.Input.file(groupsFile, builtIn: groups == nil),
            try Provenance.Input.file(categoriesFile, builtIn: categories == nil),
        ]
        let settings = [
            "origin_reporter": reporter, "origin_measure": measure.rawValue,
            "origin_rows": bySector ? "sector" : "category",
        ]
        return (table, inputs, settings)
    }

    /// The rendering of a built table in `language`.
    public func output(_ table: OriginTable, loaded: LoadedInputOutputTable, language: Language) -> OriginTableOutput {
        OriginTableOutput(table: table, language: language, source: loaded.sourceName, bySector: bySector)
    }
}
