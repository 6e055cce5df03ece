import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import Foundation

extension LoadedInputOutputTable {
    /// The table's files with their SHA-256 and the settings that shaped the result.
    func provenance(settings: [String: String]) -> Provenance {
        var all = settings
        all["layout"] = layout.rawValue
        return Provenance(inputs: [.inputOutputTable(self)], settings: all)
    }
}

extension TableOutputOptions {
    /// Renders `tables`; JSON is an object with the provenance and one array per table key.
    func render(_ tables: [(key: String, table: DataTable)], provenance: Provenance) -> String {
        guard format == .json else { return renderPlain(tables) }
        var members: [String: JSONValue] = ["provenance": provenance.json]
        for (key, table) in tables { members[key] = .array(table.jsonRows()) }
        return JSONValue.object(members).render(pretty: true) + "\n"
    }

    /// The text, Markdown and CSV forms, tables one after the other.
    private func renderPlain(_ tables: [(key: String, table: DataTable)]) -> String {
        switch format {
        case .csv: return tables.map { $0.table.renderCSV() }.joined(separator: "\n")
        case .markdown: return tables.map { $0.table.localized(lang).renderMarkdown() }.joined(separator: "\n")
        default: return tables.map { $0.table.localized(lang).renderText() }.joined(separator: "\n")
        }
    }
}

/// Seconds in a `Duration`, for timing lines.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}
