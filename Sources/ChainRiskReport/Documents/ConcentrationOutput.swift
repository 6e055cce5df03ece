public import ChainRiskAnalysis
import ChainRiskCore

/// The output of `chainrisk concentration`: the rows with thresholds, optional relevance, sensitivity and
/// drill-down sections, and provenance — as a terminal table, Markdown, CSV or JSON.
public struct ConcentrationOutput: Sendable {
    public let table: ConcentrationTable
    public let provenance: Provenance
    public let relevance: RelevanceFilter?
    public let sensitivity: SensitivityCheck?
    public let drill: [ConcentrationDrill.Entry]?
    /// Further sections (trends, dependency criteria, risk weighting), in order.
    public let sections: [NamedTable]

    public init(
        rows: [ImportConcentration], thresholds: ConcentrationThresholds, language: Language,
        worldMarket: [WorldMarketCheck.Result?]?, provenance: Provenance, relevance: RelevanceFilter?,
        sensitivity: SensitivityCheck?, drill: [ConcentrationDrill.Entry]?, sections: [NamedTable] = []
    ) {
        table = ConcentrationTable(
            rows: rows, thresholds: thresholds, language: language, worldMarket: worldMarket,
            productName: ProductNames.lookup)
        self.provenance = provenance
        self.relevance = relevance
        self.sensitivity = sensitivity
        self.drill = drill
        self.sections = sections
    }

    /// The formats `render` produces.
    public static let formats: [OutputFormat] = [.table, .markdown, .csv, .json, .xlsx]

    /// Renders in `format`; HTML is not produced and renders as a table.
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: renderJSON()
        case .csv, .xlsx: table.table().renderCSV()
        case .markdown: renderMarkdown()
        case .table, .html: renderText()
        }
    }

    private var headline: String {
        "thresholds \(table.thresholds.name): \(table.thresholds.rule) (\(table.thresholds.source))"
    }

    private var sensitivityTable: DataTable? {
        guard let sensitivity else { return nil }
        let presets = ConcentrationThresholds.presets.map(\.name)
        return DataTable(
            title: "Class by threshold preset (rows where presets disagree)",
            columns: [
                DataTable.Column("reporter", title: "Reporter"),
                DataTable.Column("year", title: "Year", alignment: .right),
                DataTable.Column("product", title: "Product"), DataTable.Column("hhi", title: "HHI", alignment: .right),
            ]
                + presets.map { DataTable.Column($0, title: $0) },
            rows: sensitivity.entries.map { entry in
                [
                    .text(entry.row.reporter.rawValue), .integer(entry.row.year, text: String(entry.row.year)),
                    .text(entry.row.product.code),
                    entry.row.hhi.map { .number($0, decimals: 3) } ?? .empty,
                ]
                    + entry.classes.map { .text($0.concentrationClass.rawValue) }
            }
        )
    }

    private var drillTable: DataTable? {
        guard let drill else { return nil }
        return DataTable(
            title: "Finer products more concentrated than their parent",
            columns: [
                DataTable.Column("reporter", title: "Reporter"),
                DataTable.Column("year", title: "Year", alignment: .right),
                DataTable.Column("product", title: "Product"), DataTable.Column("hhi", title: "HHI", alignment: .right),
                DataTable.Column("child", title: "Finer product"),
                DataTable.Column("child_hhi", title: "Finer HHI", alignment: .right),
                DataTable.Column("difference", title: "Difference", alignment: .right),
                DataTable.Column("child_class", title: "Finer class"),
            ],
            rows: drill.flatMap { entry in
                entry.children.map { child in
                    [
                        .text(entry.reporter.rawValue), .integer(entry.year, text: String(entry.year)),
                        .text(entry.product.code),
                        .number(entry.hhi, decimals: 3), .text(child.product.code), .number(child.hhi, decimals: 3),
                        .number(child.difference, decimals: 3),
                        child.concentrationClass.map { .text($0.rawValue) } ?? .empty,
                    ]
                }
            }
        )
    }

    private var relevanceLines: [String] {
        guard let relevance else { return [] }
        return ["products: \(relevance.summary)"]
            + relevance.notRelevant.map { "  not relevant: \($0.product.code) — \($0.reason)" }
            + relevance.suppressed.map { "  suppressed: \($0.product.code) — \($0.reason)" }
    }

    func renderText() -> String {
        var output = headline + "\n"
        for line in relevanceLines { output += line + "\n" }
        output += "\n" + table.table().selecting(ConcentrationTable.compactColumns).truncatingText(to: 40).renderText()
        if let sensitivityTable { output += "\n" + sensitivityTable.renderText() }
        if let drillTable { output += "\n" + drillTable.renderText() }
        for section in sections { output += "\n" + section.table.truncatingText(to: 60).renderText() }
        output += "\n" + provenance.lines.joined(separator: "\n") + "\n"
        return output
    }

    func renderMarkdown() -> String {
        var output = "**\(headline.escapingMarkdownHTML())**\n\n"
        for line in relevanceLines { output += "- " + line.trimmingASCIIWhitespace().escapingMarkdownHTML() + "\n" }
        if !relevanceLines.isEmpty { output += "\n" }
        output += table.table().selecting(ConcentrationTable.compactColumns).renderMarkdown()
        if let sensitivityTable { output += "\n" + sensitivityTable.renderMarkdown() }
        if let drillTable { output += "\n" + drillTable.renderMarkdown() }
        for section in sections { output += "\n" + section.table.renderMarkdown() }
        output +=
            "\n<details><summary>Provenance</summary>\n\n```\n" + provenance.lines.joined(separator: "\n")
            + "\n```\n</details>\n"
        return output
    }

    func renderJSON() -> String {
        var members: [String: JSONValue] = [
            "provenance": provenance.json,
            "thresholds": table.thresholdsJSON,
            "rows": .array(table.table().jsonRows()),
        ]
        if let relevance {
            members["products"] = .object([
                "in": .number(Double(relevance.products)), "relevant": .number(Double(relevance.relevant)),
                "suppressed": .number(Double(relevance.suppressed.count)),
                "not_relevant": .array(
                    relevance.notRelevant.map {
                        .object(["product": .string($0.product.code), "reason": .string($0.reason)])
                    }),
                "suppressed_products": .array(
                    relevance.suppressed.map {
                        .object(["product": .string($0.product.code), "reason": .string($0.reason)])
                    }),
            ])
        }
        if let sensitivityTable { members["sensitivity"] = .array(sensitivityTable.jsonRows()) }
        if let drillTable { members["drill"] = .array(drillTable.jsonRows()) }
        for section in sections { members[section.key] = .array(section.table.jsonRows()) }
        return JSONValue.object(members).render(pretty: true) + "\n"
    }
}
