import ChainRiskCore
import ChainRiskSimulation

/// The result of `chainrisk scenario`: named tables, notes and provenance, rendered as text, Markdown, CSV or JSON.
///
/// CSV carries only the `primary` table (one table per CSV file); JSON carries every table, the notes and the
/// provenance; text and Markdown show everything in order.
public struct ScenarioReport: Sendable {
    public var title: String
    public var tables: [(key: String, table: DataTable)]
    /// The key of the table CSV prints.
    public var primary: String
    public var notes: [String]
    public var provenance: Provenance

    public init(
        title: String, tables: [(key: String, table: DataTable)], primary: String, notes: [String],
        provenance: Provenance
    ) {
        self.title = title
        self.tables = tables
        self.primary = primary
        self.notes = notes
        self.provenance = provenance
    }

    /// The formats `render` produces.
    public static let formats: [OutputFormat] = [.table, .markdown, .csv, .json, .xlsx]

    /// Renders in `format` (CSV: the primary table); HTML is not produced and renders as a table.
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json:
            var members: [String: JSONValue] = [
                "title": .string(title), "notes": .array(notes.map { .string($0) }), "provenance": provenance.json,
            ]
            for (key, table) in tables { members[key] = .array(table.jsonRows()) }
            return JSONValue.object(members).render(pretty: true) + "\n"
        case .csv, .xlsx:
            return (tables.first { $0.key == primary } ?? tables.first)?.table.renderCSV() ?? ""
        case .markdown:
            var output =
                "## \(title.escapingMarkdownHTML())\n\n"
                + tables.map { $0.table.renderMarkdown() }.joined(separator: "\n")
            if !notes.isEmpty { output += "\n" + notes.map { "- \($0)" }.joined(separator: "\n") + "\n" }
            output += "\n" + provenance.lines.map { "    \($0)" }.joined(separator: "\n") + "\n"
            return output
        case .table, .html:
            var output =
                title + "\n\n" + tables.map { $0.table.truncatingText(to: 48).renderText() }.joined(separator: "\n")
            if !notes.isEmpty { output += "\nNotes:\n" + notes.map { "- \($0)" }.joined(separator: "\n") + "\n" }
            output += "\nProvenance:\n" + provenance.lines.map { "  \($0)" }.joined(separator: "\n") + "\n"
            return output
        }
    }
}
