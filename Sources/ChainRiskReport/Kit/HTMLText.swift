/// HTML escaping and small builders for the self-contained HTML report (no scripts, no external assets).
public enum HTMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'` for text and attribute values.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A `<table>` with a caption, header cells with `scope="col"`, numbers right-aligned.
    public static func table(_ table: DataTable, caption: String? = nil, cellClass: ((Int, Int) -> String?)? = nil)
        -> String
    {
        var html = "<table>\n"
        if let caption = caption ?? table.title { html += "<caption>\(escape(caption))</caption>\n" }
        html +=
            "<thead><tr>"
            + table.columns.map { column in
                "<th scope=\"col\"\(column.alignment == .right ? " class=\"num\"" : "")>\(escape(column.title))</th>"
            }.joined() + "</tr></thead>\n<tbody>\n"
        for (rowIndex, row) in table.rows.enumerated() {
            html += "<tr>"
            for (columnIndex, cell) in row.enumerated() where columnIndex < table.columns.count {
                var classes: [String] = []
                if table.columns[columnIndex].alignment == .right { classes.append("num") }
                if let extra = cellClass?(rowIndex, columnIndex) { classes.append(extra) }
                let attribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                html +=
                    columnIndex == 0
                    ? "<th scope=\"row\"\(attribute)>\(escape(cell.display))</th>"
                    : "<td\(attribute)>\(escape(cell.display))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
