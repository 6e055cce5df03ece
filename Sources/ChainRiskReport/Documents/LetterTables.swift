public import ChainRiskCore

/// The published tables of a `LetterDataset` as `DataTable`s, labelled in English or Dutch.
public struct LetterTables: Sendable {
    public let dataset: LetterDataset
    public let language: Language

    public init(dataset: LetterDataset, language: Language) {
        self.dataset = dataset
        self.language = language
    }

    private func label(_ en: String, _ nl: String) -> String { language.pick(en: en, nl: nl) }
    /// What a cell says where the data holds nothing (never 0).
    private var noData: String { label("no data", "geen data") }

    /// Table 2: sectors × risk factor ranks, with imports, exports of own make and importance (imports + exports).
    public func sectorTable() -> DataTable {
        let year = dataset.sectors.first?.year ?? 0
        let unit = dataset.sectors.first?.unit ?? .millionEUR
        let (unitEN, unitNL) = (unit.label(dutch: false), unit.label(dutch: true))
        var columns = [DataTable.Column("sector", title: label("Sector", "Sector"))]
        columns += RiskFactor.allCases.map {
            DataTable.Column($0.rawValue, title: language == .en ? $0.nameEN : $0.nameNL, alignment: .right)
        }
        columns += [
            DataTable.Column(
                "imports", title: label("Imports \(year) (\(unitEN))", "Invoer \(year) (\(unitNL))"), alignment: .right),
            DataTable.Column(
                "exports_own_make",
                title: label("Exports own make \(year) (\(unitEN))", "Uitvoer eigen makelij \(year) (\(unitNL))"),
                alignment: .right),
            DataTable.Column("importance", title: label("Imports + exports", "Invoer + uitvoer"), alignment: .right),
        ]
        let rows: [[DataTable.Cell]] = dataset.sectors.map { profile in
            [.text(language == .en ? profile.sector.nameEN : profile.sector.nameNL)]
                + RiskFactor.allCases.map { .integer(profile.rank($0)) }
                + [
                    .number(profile.imports, decimals: 0, noData: noData),
                    .number(profile.exportsOfOwnMake, decimals: 0, noData: noData),
                    .number(profile.importance, decimals: 0, noData: noData),
                ]
        }
        return DataTable(
            title: label(
                "Table 2. Sensitivity of sectors to risk factors (1 = most sensitive)",
                "Tabel 2. Gevoeligheid van sectoren voor risicofactoren (1 = meest gevoelig)"),
            columns: columns, rows: rows
        )
    }

    /// Table 1: the disruption events.
    public func eventTable() -> DataTable {
        DataTable(
            title: label("Table 1. Major production disruptions", "Tabel 1. Grote productieverstoringen"),
            columns: [
                DataTable.Column("event", title: label("Event", "Gebeurtenis")),
                DataTable.Column("category", title: label("Cause", "Oorzaak")),
                DataTable.Column("start", title: label("Start", "Begin")),
                DataTable.Column("regions", title: label("Countries", "Landen")),
                DataTable.Column(
                    "production_sites_affected", title: label("Production sites affected", "Productielocaties geraakt"),
                    alignment: .right),
                DataTable.Column("duration_weeks", title: label("Duration (weeks)", "Duur (weken)"), alignment: .right),
            ],
            rows: dataset.events.map { event in
                [
                    .text(language == .en ? event.nameEN : event.nameNL),
                    .text(language == .en ? event.category.nameEN : event.category.nameNL),
                    .text(event.start),
                    .text(event.regions.map(\.rawValue).joined(separator: ", ")),
                    .integer(event.productionSitesAffected),
                    .number(event.durationWeeks, decimals: 0),
                ]
            }
        )
    }

    /// Table 4 (or 5): published import concentration per product.
    public func concentrationTable(_ rows: [PublishedConcentration], title: String, withWorldMarket: Bool) -> DataTable
    {
        let year = rows.first?.year ?? 0
        var columns = [
            DataTable.Column("product", title: label("Product", "Product")),
            DataTable.Column(
                "imports", title: label("Imports own use \(year) (EUR mln)", "Invoer eigen gebruik \(year) (mln euro)"),
                alignment: .right),
            DataTable.Column("hhi", title: "HHI", alignment: .right),
            DataTable.Column("class", title: label("Concentration", "Concentratie")),
        ]
        if withWorldMarket {
            columns.append(DataTable.Column("world_market_class", title: label("World exports", "Wereldexport")))
        }
        columns += [
            DataTable.Column("top_supplier", title: label("Main supplier", "Belangrijkste leverancier")),
            DataTable.Column(
                "top_supplier_value", title: label("From main supplier (EUR mln)", "Uit dat land (mln euro)"),
                alignment: .right),
        ]
        return DataTable(
            title: title, columns: columns,
            rows: rows.map { row in
                var cells: [DataTable.Cell] = [
                    .text(language == .en ? row.productEN : row.productNL),
                    .number(row.imports, decimals: 0),
                    .number(row.hhi, decimals: 2),
                    .text(language == .en ? row.concentrationClass.nameEN : row.concentrationClass.nameNL),
                ]
                if withWorldMarket {
                    cells.append(row.worldMarketClass.map { .text(language == .en ? $0.nameEN : $0.nameNL) } ?? .empty)
                }
                cells.append(row.topSupplier.map { .text($0.rawValue) } ?? .text(label("confidential", "geheim")))
                cells.append(row.topSupplierValue.map { .number($0, decimals: 0) } ?? .empty)
                return cells
            })
    }
}
