/// Renderers of `DataTable`: aligned terminal text, GitHub Markdown, RFC 4180 CSV and JSON rows.
extension DataTable {
    /// Columns padded to their widest cell, a rule under the header.
    public func renderText() -> String {
        var widths = columns.map { $0.title.count }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.display.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, text in
                let pad = String(repeating: " ", count: widths[index] - text.count)
                return columns[index].alignment == .right ? pad + text : text + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var output = ""
        if let title { output += title + "\n\n" }
        output += line(columns.map(\.title)) + "\n"
        output += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { output += line(row.map(\.display)) + "\n" }
        return output
    }

    /// A GitHub-flavoured Markdown table, pipes and HTML tags in cells escaped.
    public func renderMarkdown() -> String {
        func escape(_ text: String) -> String { text.escapingMarkdownHTML().replacingPipes() }
        var output = ""
        if let title { output += "### \(title.escapingMarkdownHTML())\n\n" }
        output += "| " + columns.map { escape($0.title) }.joined(separator: " | ") + " |\n"
        output += "|" + columns.map { $0.alignment == .right ? "---:" : "---" }.joined(separator: "|") + "|\n"
        for row in rows {
            output += "| " + row.map { escape($0.display) }.joined(separator: " | ") + " |\n"
        }
        return output
    }

    /// CSV with the column keys as header; numbers written in full precision, without grouping.
    public func renderCSV() -> String {
        let quote = Self.csvField
        var output = columns.map { quote($0.key) }.joined(separator: ",") + "\n"
        for row in rows {
            output +=
                row.map { cell in
                    switch cell {
                    case .text(let text), .coded(let text, _): quote(text)
                    case .number(let value, _): JSONValue.number(value).render()
                    case .integer(let value, _): String(value)
                    case .empty, .missing: ""
                    }
                }.joined(separator: ",") + "\n"
        }
        return output
    }

    /// `text` as a CSV field: neutralised when a spreadsheet would run it (`SpreadsheetSafety`), then quoted, with
    /// quotes doubled, when it holds a comma, quote or line break.
    static func csvField(_ text: String) -> String {
        let text = SpreadsheetSafety.neutralised(text)
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// Rows as JSON objects keyed by column key (numbers as numbers, empty cells as null).
    public func jsonRows() -> [JSONValue] {
        rows.map { row in
            var object: [String: JSONValue] = [:]
            for (index, cell) in row.enumerated() where index < columns.count {
                switch cell {
                case .text(let text), .coded(let text, _): object[columns[index].key] = .string(text)
                case .number(let value, _): object[columns[index].key] = .number(value)
                case .integer(let value, _): object[columns[index].key] = .number(Double(value))
                case .empty, .missing: object[columns[index].key] = .null
                }
            }
            return .object(object)
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }

    fileprivate func replacingPipes() -> String {
        var result = ""
        for character in self {
            if character == "|" {
                result += "\\|"
            } else if character == "\n" {
                result += " "
            } else {
                result.append(character)
            }
        }
        return result
    }
}
