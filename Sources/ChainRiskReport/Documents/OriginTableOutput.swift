import ChainRiskCore
public import ChainRiskIO
import Foundation

/// The origin table (the letter's Table 3) as data tables, notes and JSON, in English or Dutch.
///
/// Shared by `chainrisk origins` and the report's "origin of inputs" section, so both show the same figures.
public struct OriginTableOutput: Sendable {
    public let table: OriginTable
    public let language: Language
    /// The input-output table the figures come from (its file name), named in the title.
    public let source: String
    /// True when each row is one sector (`--by sector`) rather than an export category.
    public let bySector: Bool

    public init(table: OriginTable, language: Language, source: String, bySector: Bool = false) {
        self.table = table
        self.language = language
        self.source = source
        self.bySector = bySector
    }

    func label(_ en: String, _ nl: String) -> String { language.pick(en: en, nl: nl) }

    /// "Import content" or "Foreign value added", in the output's language.
    public var measureName: String {
        switch table.measure {
        case .importContent: label("Import content", "Importinhoud")
        case .foreignValueAdded: label("Foreign value added", "Buitenlandse toegevoegde waarde")
        }
    }

    /// The title of the letter-style table.
    public var title: String {
        label(
            "Table 3. Origin of imported inputs used for exports, by export category — \(table.reporter), \(measureName.lowercased()), % by origin (\(source))",
            "Tabel 3. Herkomst van de ingevoerde inputs gebruikt voor uitvoer, naar uitvoercategorie — \(table.reporter), \(measureName.lowercased()), % naar herkomst (\(source))"
        )
    }

    /// One row per export category and a total row; a column per origin group (% of the category's embodied
    /// imports), then the embodied value, the exports and their ratio (%), like the letter's Table 3.
    public func letterTable(title: String? = nil) -> DataTable {
        var columns = [DataTable.Column("export_sector", title: rowTitle)]
        columns += table.groups.map { DataTable.Column($0.group.id, title: "\(name($0.group)) %", alignment: .right) }
        columns += [
            DataTable.Column(table.measure.key, title: "\(measureName) (\(unitName))", alignment: .right),
            DataTable.Column("exports", title: label("Exports", "Uitvoer") + " (\(unitName))", alignment: .right),
            DataTable.Column(
                "\(table.measure.key)_ratio", title: "\(measureName) / " + label("exports", "uitvoer") + " %",
                alignment: .right),
        ]
        let rows = (table.categories + [table.total]).map { row -> [DataTable.Cell] in
            [.text(name(row.category))] + row.shares.map { .number($0 * 100, decimals: 1) }
                + [
                    .number(row.embodied, decimals: 0), .number(row.exports, decimals: 0),
                    .number(row.ratio * 100, decimals: 1),
                ]
        }
        return DataTable(title: title, columns: columns, rows: rows)
    }

    /// The long form: `export_sector, origin, import_content (or foreign_value_added), share` (share as a fraction).
    public func rowsTable() -> DataTable {
        DataTable(
            columns: [
                DataTable.Column("export_sector", title: rowTitle),
                DataTable.Column("origin", title: label("Origin", "Herkomst")),
                DataTable.Column(table.measure.key, title: measureName, alignment: .right),
                DataTable.Column("share", title: label("Share", "Aandeel"), alignment: .right),
            ],
            rows: table.rows.map { row in
                [
                    .text(row.exportCategory), .text(row.origin), .number(row.value, decimals: 1),
                    .number(row.share, decimals: 4),
                ]
            })
    }

    /// Each origin group with its regions, then the grouping's notes (choices, unlisted regions and sectors).
    public func notes() -> [String] {
        let members = table.groups.map { "\(name($0.group)): \($0.regions.joined(separator: ", "))" }
        return members + table.notes.map { language == .en ? $0.en : $0.nl }
    }

    /// What the measure is and where the figures come from, in one paragraph.
    public var explanation: String {
        switch table.measure {
        case .importContent:
            label(
                "Import content of exports (Hummels, Ishii and Yi 2001): the goods and services imported from each origin that \(table.reporter)'s industries use, directly and through domestic suppliers, to make their exports, 1ᵀ·A(s,r)·(I − A(r,r))⁻¹·diag(e), computed from the multi-regional input-output table \(source); exports e are sales to other regions' industries and final demand. Shares per export category sum to 100 %.",
                "Importinhoud van de uitvoer (Hummels, Ishii en Yi 2001): de goederen en diensten die de bedrijfstakken van \(table.reporter) uit elke herkomst invoeren, direct en via binnenlandse toeleveranciers, om hun uitvoer te maken, 1ᵀ·A(s,r)·(I − A(r,r))⁻¹·diag(e), berekend uit de multiregionale input-outputtabel \(source); uitvoer e is de verkoop aan bedrijfstakken en finale vraag van andere regio's. De aandelen per uitvoercategorie tellen op tot 100 %."
            )
        case .foreignValueAdded:
            label(
                "Foreign value added in exports: the value added of each origin embodied in \(table.reporter)'s exports through all supply chains of the multi-regional input-output table \(source), v̂(s)·L(s,r)·diag(e) with L = (I − A)⁻¹. Shares per export category sum to 100 %.",
                "Buitenlandse toegevoegde waarde in de uitvoer: de toegevoegde waarde van elke herkomst die via alle toeleveringsketens van de multiregionale input-outputtabel \(source) in de uitvoer van \(table.reporter) zit, v̂(s)·L(s,r)·diag(e) met L = (I − A)⁻¹. De aandelen per uitvoercategorie tellen op tot 100 %."
            )
        }
    }

    /// The JSON members: `reporter`, `measure`, `unit`, `source`, `rows`, `categories` (with `total`), `groups`, `notes`.
    public func jsonMembers() -> [String: JSONValue] {
        func category(_ row: OriginTable.CategoryRow) -> JSONValue {
            .object([
                "export_sector": .string(row.category.id), "name": .string(name(row.category)),
                "sectors": .array(row.sectors.map { .string($0) }), "exports": .number(row.exports),
                table.measure.key: .number(row.embodied), "\(table.measure.key)_ratio": .number(row.ratio),
                "by_origin": .object(byOrigin(row)),
            ])
        }
        func byOrigin(_ row: OriginTable.CategoryRow) -> [String: JSONValue] {
            var values: [String: JSONValue] = [:]
            for (column, value) in zip(table.groups, row.byGroup) { values[column.group.id] = .number(value) }
            return values
        }
        return [
            "reporter": .string(table.reporter), "measure": .string(table.measure.key), "unit": .string(table.unit),
            "source": .string(source),
            "rows": .array(rowsTable().jsonRows()),
            "categories": .array(table.categories.map(category)),
            "total": category(table.total),
            "groups": .array(
                table.groups.map {
                    .object([
                        "id": .string($0.group.id), "name": .string(name($0.group)),
                        "regions": .array($0.regions.map { .string($0) }),
                    ])
                }),
            "notes": .array(table.notes.map { .string(language == .en ? $0.en : $0.nl) }),
        ]
    }

    /// The table's unit in the output's language ("million USD" → "miljoen USD").
    var unitName: String {
        language == .nl ? table.unit.replacingOccurrences(of: "million", with: "miljoen") : table.unit
    }

    var rowTitle: String {
        bySector ? label("Export sector", "Uitvoersector") : label("Export category", "Uitvoercategorie")
    }

    /// An origin group's or export category's name in the output's language.
    func name(_ group: NamedGroup) -> String { language == .en ? group.nameEN : group.nameNL }
}
