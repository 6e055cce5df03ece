import ChainRiskCore

/// The report on a `LetterDataset`: its published tables with the derived importance ranking and provenance.
public struct LetterReport: Sendable {
    public let tables: LetterTables

    public init(dataset: LetterDataset, language: Language) {
        tables = LetterTables(dataset: dataset, language: language)
    }

    private var language: Language { tables.language }
    private var dataset: LetterDataset { tables.dataset }
    private func label(_ en: String, _ nl: String) -> String { language.pick(en: en, nl: nl) }

    /// The sections' tables in the letter's order.
    private var sections: [DataTable] {
        [
            tables.eventTable(),
            tables.sectorTable(),
            tables.concentrationTable(dataset.topImports, title: label("Table 4. Ten largest products of imports for own use", "Tabel 4. Tien grootste producten van invoer voor eigen gebruik"), withWorldMarket: false),
            tables.concentrationTable(dataset.highConcentration, title: label("Table 5. Highly concentrated imports above EUR 250 mln and the world market", "Tabel 5. Hoog geconcentreerde invoer boven 250 mln euro en de wereldmarkt"), withWorldMarket: true),
        ]
    }

    private var importanceSentence: String {
        let names = tables.sectorsOfParticularImportance().map { language == .en ? $0.sector.nameEN : $0.sector.nameNL }
        return label(
            "Sectors of particular importance (largest imports + exports of own make): \(names.joined(separator: "; ")).",
            "Sectoren van bijzonder belang (grootste invoer + uitvoer van eigen makelij): \(names.joined(separator: "; "))."
        )
    }

    private var provenanceLines: [String] {
        [label("Dataset", "Dataset") + ": \(dataset.name) (built-in)"]
            + dataset.files.map { "- \($0.name) sha256 \($0.sha256)" }
            + ["chainrisk \(ChainRiskVersion.current)"]
    }

    private var title: String {
        label("Vulnerability of Dutch business to disruptions in global value chains", "Kwetsbaarheid van het Nederlandse bedrijfsleven voor verstoringen in mondiale waardeketens")
    }

    /// GitHub-flavoured Markdown.
    public func renderMarkdown() -> String {
        var output = "# \(title)\n\n"
        for table in sections {
            output += table.renderMarkdown() + "\n"
            if table.columns.contains(where: { $0.key == RiskFactor.pandemic.rawValue }) {
                output += importanceSentence + "\n\n"
            }
        }
        output += "## " + label("Provenance", "Herkomst") + "\n\n"
        output += label("Dataset", "Dataset") + ": \(dataset.name) (built-in)\n\n"
        output += dataset.files.map { "- `\($0.name)` sha256 `\($0.sha256)`\n" }.joined()
        output += "\nchainrisk \(ChainRiskVersion.current)\n"
        return output
    }

    /// Aligned plain text for a terminal.
    public func renderText() -> String {
        var output = title + "\n" + String(repeating: "=", count: title.count) + "\n\n"
        for table in sections {
            output += table.renderText() + "\n"
            if table.columns.contains(where: { $0.key == RiskFactor.pandemic.rawValue }) {
                output += importanceSentence + "\n\n"
            }
        }
        output += provenanceLines.joined(separator: "\n") + "\n"
        return output
    }

    /// JSON with stable sorted keys.
    public func renderJSON() -> String {
        let tableKeys = ["table1_events", "table2_sectors", "table4_top_imports", "table5_high_concentration"]
        var members: [String: JSONValue] = [:]
        for (key, table) in zip(tableKeys, sections) { members[key] = .array(table.jsonRows()) }
        members["sectors_of_particular_importance"] = .array(tables.sectorsOfParticularImportance().map { .string($0.sector.id) })
        members["language"] = .string(language.rawValue)
        members["provenance"] = .object([
            "datasets": .array([.object([
                "name": .string(dataset.name),
                "files": .array(dataset.files.map { .object(["name": .string($0.name), "sha256": .string($0.sha256)]) }),
            ])]),
            "chainrisk_version": .string(ChainRiskVersion.current),
        ])
        return JSONValue.object(members).render(pretty: true) + "\n"
    }
}
