extension OriginTableOutput {
    /// The JSON document of `chainrisk origins --format json` and `GET /api/v1/origins`: the table's members and provenance.
    public func jsonDocument(provenance: Provenance) -> String {
        var members = jsonMembers()
        members["provenance"] = provenance.json
        return JSONValue.object(members).render(pretty: true) + "\n"
    }
}

extension OriginTableOutput {
    /// The formats `render` produces.
    public static let formats: [OutputFormat] = [.table, .markdown, .csv, .json]

    /// Table and Markdown show one row per category like the letter, with the explanation and notes; CSV and JSON
    /// give rows export_sector, origin, value, share (HTML is not produced and renders as a table).
    public func render(_ format: OutputFormat, provenance: Provenance) -> String {
        switch format {
        case .json:
            return jsonDocument(provenance: provenance)
        case .csv, .xlsx:
            return rowsTable().renderCSV()
        case .markdown:
            return letterTable(title: title).localized(language).renderMarkdown() + "\n"
                + ([explanation] + notes()).map { "- " + $0 }.joined(separator: "\n") + "\n"
        case .table, .html:
            return letterTable(title: title).localized(language).renderText() + "\n"
                + ([explanation] + notes()).map { "* " + $0 }.joined(separator: "\n") + "\n"
        }
    }
}
