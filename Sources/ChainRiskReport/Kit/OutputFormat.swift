/// The forms a result can be rendered in; each command and endpoint accepts the subset its result supports.
public enum OutputFormat: String, CaseIterable, Sendable, Hashable {
    case table, markdown, csv, json, html
    /// An Excel workbook (`Workbook`): binary, written to a file (`--output`), never rendered as text.
    case xlsx

    /// The format named `token`; `text` is the report's older name for `table`. Nil for anything else.
    public init?(token: String) {
        if token == "text" {
            self = .table
        } else if let format = OutputFormat(rawValue: token) {
            self = format
        } else {
            return nil
        }
    }

    /// The `Content-Type` of a rendering in this format.
    public var contentType: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .markdown: "text/markdown; charset=utf-8"
        case .table: "text/plain; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }
}
