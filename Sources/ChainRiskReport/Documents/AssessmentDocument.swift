import ChainRiskAnalysis
import ChainRiskCore

extension Provenance.Input {
    /// A built-in dataset (e.g. `nl-letter-2021`) with its files' SHA-256.
    public static func builtIn(_ letter: LetterDataset) -> Provenance.Input {
        Provenance.Input(name: letter.name, kind: "builtin", files: letter.files.map { ($0.name, $0.sha256) })
    }
}

extension DataTable {
    /// Tables in one JSON object keyed by each table's key, with the provenance: the JSON of `chainrisk sectors`,
    /// `events` and `options` and of the server's matching endpoints.
    public static func jsonDocument(_ tables: [(key: String, table: DataTable)], provenance: Provenance) -> String {
        var members: [String: JSONValue] = ["provenance": provenance.json]
        for (key, table) in tables { members[key] = .array(table.jsonRows()) }
        return JSONValue.object(members).render(pretty: true) + "\n"
    }
}

extension VulnerabilityReport {
    /// The settings a report names in its provenance: thresholds, risk bands and, for computed Table 5, its floor.
    public static func settings(thresholds: ConcentrationThresholds, table5MinimumValue: Double?) -> [String: String] {
        var settings = [
            "thresholds": thresholds.name, "thresholds_rule": thresholds.rule,
            "risk_bands": "1-5 orange, 6-10 yellow, 11+ green",
        ]
        if let table5MinimumValue { settings["table5_min_value"] = String(table5MinimumValue) }
        return settings
    }
}

extension VulnerabilityReport {
    /// The formats `render` produces.
    public static let formats: [OutputFormat] = [.markdown, .html, .json, .table, .xlsx]

    /// The report as JSON, HTML, plain text (`table`) or Markdown (CSV is not produced and renders as Markdown).
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: renderJSON()
        case .html: document().renderHTML()
        case .table: document().renderText()
        case .markdown, .csv, .xlsx: document().renderMarkdown()
        }
    }
}
