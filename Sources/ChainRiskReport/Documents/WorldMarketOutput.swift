public import ChainRiskAnalysis
import ChainRiskCore

/// The output of `chainrisk world-market`: exporter concentration per product, with thresholds and provenance.
public struct WorldMarketOutput: Sendable {
    public let rows: [ImportConcentration]
    public let thresholds: ConcentrationThresholds
    public let provenance: Provenance

    public init(rows: [ImportConcentration], thresholds: ConcentrationThresholds, provenance: Provenance) {
        self.rows = rows
        self.thresholds = thresholds
        self.provenance = provenance
    }

    /// The settings a world-market result names in its provenance (as `chainrisk world-market` and the API do).
    public static func settings(thresholds: ConcentrationThresholds, level: Int?, product: String?) -> [String: String]
    {
        var settings = ["thresholds": thresholds.name, "thresholds_rule": thresholds.rule]
        if let level { settings["level"] = String(level) }
        if let product { settings["product"] = product }
        return settings
    }

    /// Rows `year, product, total_value, exporters, hhi, class, top_exporter, top_exporter_share` plus context.
    public func table() -> DataTable {
        DataTable(
            columns: [
                DataTable.Column("year", title: "Year", alignment: .right),
                DataTable.Column("classification", title: "Classification"),
                DataTable.Column("product", title: "Product"),
                DataTable.Column("product_name", title: "Description"),
                DataTable.Column("unit", title: "Unit"),
                DataTable.Column("total_value", title: "World exports", alignment: .right),
                DataTable.Column("unallocated_value", title: "Unallocated", alignment: .right),
                DataTable.Column("exporters", title: "Exporters", alignment: .right),
                DataTable.Column("hhi", title: "HHI", alignment: .right),
                DataTable.Column("class", title: "Class"),
                DataTable.Column("verdict", title: "Alternatives"),
                DataTable.Column("top_exporter", title: "Top exporter"),
                DataTable.Column("top_exporter_share", title: "Top share", alignment: .right),
                DataTable.Column("cr3", title: "CR3", alignment: .right),
            ],
            rows: rows.map { row in
                [
                    .integer(row.year, text: String(row.year)), .text(row.product.classification.token),
                    .text(row.product.code),
                    ProductNames.lookup(row.product).map { .text($0) } ?? .empty, .text(row.unit.token),
                    .number(row.totalValue, decimals: 0), .number(row.unallocatedValue, decimals: 0),
                    .integer(row.suppliers),
                    row.hhi.map { .number($0, decimals: 3) } ?? .empty,
                    row.concentrationClass.map { .text($0.rawValue) } ?? .empty,
                    row.concentrationClass.map { .text(WorldMarketCheck.Verdict(worldMarket: $0).rawValue) } ?? .empty,
                    row.topSupplier.map { .text($0.rawValue) } ?? .empty,
                    row.topSupplierShare.map { .number($0, decimals: 3) } ?? .empty,
                    row.cr3.map { .number($0, decimals: 3) } ?? .empty,
                ]
            }
        )
    }

    /// The formats `render` produces.
    public static let formats: [OutputFormat] = [.table, .markdown, .csv, .json, .xlsx]

    /// Renders in `format`; HTML is not produced and renders as a table.
    public func render(_ format: OutputFormat) -> String {
        let headline = "thresholds \(thresholds.name): \(thresholds.rule)"
        switch format {
        case .json:
            return JSONValue.object([
                "provenance": provenance.json,
                "thresholds": ConcentrationTable(rows: [], thresholds: thresholds).thresholdsJSON,
                "rows": .array(table().jsonRows()),
            ]).render(pretty: true) + "\n"
        case .csv, .xlsx:
            return table().renderCSV()
        case .markdown:
            return "**\(headline.escapingMarkdownHTML())**\n\n" + table().renderMarkdown() + "\n```\n"
                + provenance.lines.joined(separator: "\n") + "\n```\n"
        case .table, .html:
            return headline + "\n\n" + table().truncatingText(to: 40).renderText() + "\n"
                + provenance.lines.joined(separator: "\n") + "\n"
        }
    }
}
