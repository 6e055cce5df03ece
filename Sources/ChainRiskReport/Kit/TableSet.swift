/// Named tables with their provenance: what `sectors`, `events`, `options`, `origins` and the `io` commands print.
public struct TableSet: Sendable {
    public var tables: [(key: String, table: DataTable)]
    public var provenance: Provenance
    /// The longest text cell of a terminal table (longer ones are cut); nil keeps every cell whole.
    public var textWidth: Int?

    public init(_ tables: [(key: String, table: DataTable)], provenance: Provenance, textWidth: Int? = nil) {
        self.tables = tables
        self.provenance = provenance
        self.textWidth = textWidth
    }

    /// The formats `render` produces.
    public static let formats: [OutputFormat] = [.table, .markdown, .csv, .json, .xlsx]

    /// JSON: an object with the provenance and one array per table key; the other formats list the tables one
    /// after the other (HTML is not produced and renders as a table).
    public func render(_ format: OutputFormat, language: Language) -> String {
        switch format {
        case .json: DataTable.jsonDocument(tables, provenance: provenance)
        case .csv, .xlsx: tables.map { $0.table.renderCSV() }.joined(separator: "\n")
        case .markdown: tables.map { $0.table.localized(language).renderMarkdown() }.joined(separator: "\n")
        case .table, .html:
            tables.map { entry in
                let table = entry.table.localized(language)
                return (textWidth.map { table.truncatingText(to: $0) } ?? table).renderText()
            }.joined(separator: "\n")
        }
    }
}
