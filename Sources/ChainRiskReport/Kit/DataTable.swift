import ChainRiskCore

/// A format-neutral table: column headers and rows of cells, rendered as text, Markdown, CSV or JSON.
///
/// Cells keep both the display text and the raw value, so JSON gets numbers and text gets formatted figures.
public struct DataTable: Sendable, Hashable {
    /// One column: its JSON key, its display title and alignment.
    public struct Column: Sendable, Hashable {
        public enum Alignment: Sendable, Hashable { case left, right }
        public var key: String
        public var title: String
        public var alignment: Alignment

        public init(_ key: String, title: String, alignment: Alignment = .left) {
            self.key = key
            self.title = title
            self.alignment = alignment
        }
    }

    /// A cell's value: text, a number shown with `text`, or empty.
    public enum Cell: Sendable, Hashable {
        case text(String)
        case number(Double, text: String)
        case integer(Int, text: String)
        case empty
        /// No data, not zero: a person reads the text ("no data"); JSON has null and CSV an empty field.
        case missing(String)
        /// A code with its words: a person reads `text` ("highly concentrated", "China (CHN)"); JSON and CSV carry
        /// the stable `code` (`highly_concentrated`, `CHN`).
        case coded(String, text: String)

        /// What a person reads in the cell.
        public var display: String {
            switch self {
            case .text(let text), .missing(let text), .coded(_, let text): text
            case .number(_, let text), .integer(_, let text): text
            case .empty: ""
            }
        }
    }

    public var title: String?
    public var columns: [Column]
    public var rows: [[Cell]]

    public init(title: String? = nil, columns: [Column], rows: [[Cell]] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}

extension DataTable.Cell {
    /// A number shown with `decimals` digits and thousands grouping.
    public static func number(_ value: Double, decimals: Int, grouping: Bool = true) -> DataTable.Cell {
        .number(value, text: NumberFormat.fixed(value, decimals: decimals, grouping: grouping))
    }

    /// An integer shown with thousands grouping.
    public static func integer(_ value: Int) -> DataTable.Cell {
        .integer(value, text: NumberFormat.integer(value))
    }

    /// `value` as `number(_:decimals:)`, or `missing(noData)` when there is none.
    public static func number(_ value: Double?, decimals: Int, noData: String) -> DataTable.Cell {
        value.map { .number($0, decimals: decimals) } ?? .missing(noData)
    }
}

extension DataTable {
    /// The table with numbers written the way `language` reads them: Dutch swaps the decimal point and the thousands
    /// separator (24,509.5 → 24.509,5). Raw values (for CSV and JSON) are unchanged.
    public func localized(_ language: Language) -> DataTable {
        guard language == .nl else { return self }
        func swap(_ text: String) -> String {
            String(text.map { $0 == "," ? "." : ($0 == "." ? "," : $0) })
        }
        return DataTable(
            title: title, columns: columns,
            rows: rows.map { row in
                row.map { cell in
                    switch cell {
                    case .number(let value, let text): .number(value, text: swap(text))
                    case .integer(let value, let text): .integer(value, text: swap(text))
                    case .text, .empty, .missing, .coded: cell
                    }
                }
            })
    }
}
