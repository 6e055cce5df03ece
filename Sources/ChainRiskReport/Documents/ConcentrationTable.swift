public import ChainRiskAnalysis
public import ChainRiskCore

/// Import-concentration rows as a `DataTable` (the letter's Table 4 shape), with world-market columns when checked.
public struct ConcentrationTable: Sendable {
    public let rows: [ImportConcentration]
    public let thresholds: ConcentrationThresholds
    public let language: Language
    /// World-market results by row position, when a world dataset was given.
    public let worldMarket: [WorldMarketCheck.Result?]?
    /// Product names by code (from the classification's hierarchy), when known.
    public let productName: @Sendable (ProductCode) -> String?

    public init(
        rows: [ImportConcentration], thresholds: ConcentrationThresholds, language: Language = .en,
        worldMarket: [WorldMarketCheck.Result?]? = nil,
        productName: @escaping @Sendable (ProductCode) -> String? = { _ in nil }
    ) {
        self.rows = rows
        self.thresholds = thresholds
        self.language = language
        self.worldMarket = worldMarket
        self.productName = productName
    }

    private func label(_ en: String, _ nl: String) -> String { language.pick(en: en, nl: nl) }

    /// A country as its name and code for a person ("China (CHN)"), its code in JSON and CSV.
    private func country(_ code: CountryCode) -> DataTable.Cell {
        guard let known = CountryTable.shared.country(code) else { return .text(code.rawValue) }
        return .coded(code.rawValue, text: "\(language == .en ? known.nameEN : known.nameNL) (\(code.rawValue))")
    }

    private func className(_ value: ConcentrationClass?) -> DataTable.Cell {
        value.map { .coded($0.rawValue, text: language == .en ? $0.nameEN : $0.nameNL) } ?? .empty
    }

    private func optional(_ value: Double?, decimals: Int) -> DataTable.Cell {
        value.map { .number($0, decimals: decimals) } ?? .empty
    }

    /// The table; every number keeps full precision for CSV and JSON and is rounded for text.
    public func table() -> DataTable {
        // Rows of exports only: the partners are destination markets, not suppliers (the keys stay the same).
        let exports = !rows.isEmpty && rows.allSatisfy { !$0.flow.isImport }
        var columns = [
            DataTable.Column("reporter", title: label("Reporter", "Rapporteur")),
            DataTable.Column("year", title: label("Year", "Jaar"), alignment: .right),
            DataTable.Column("flow", title: label("Flow", "Stroom")),
            DataTable.Column("classification", title: label("Classification", "Classificatie")),
            DataTable.Column("product", title: label("Product", "Product")),
            DataTable.Column("level", title: label("Digits", "Cijfers"), alignment: .right),
            DataTable.Column("product_name", title: label("Description", "Omschrijving")),
            DataTable.Column("unit", title: label("Unit", "Eenheid")),
            DataTable.Column("total_value", title: label("Total value", "Totale waarde"), alignment: .right),
            DataTable.Column("unallocated_value", title: label("Unallocated", "Niet toe te wijzen"), alignment: .right),
            DataTable.Column(
                "suppliers",
                title: exports ? label("Destinations", "Bestemmingen") : label("Suppliers", "Leveranciers"),
                alignment: .right),
            DataTable.Column("hhi", title: "HHI", alignment: .right),
            DataTable.Column("class", title: label("Class", "Klasse")),
            DataTable.Column(
                "top_supplier",
                title: exports
                    ? label("Top destination", "Grootste bestemming") : label("Top supplier", "Grootste leverancier")),
            DataTable.Column("top_supplier_value", title: label("Top value", "Waarde grootste"), alignment: .right),
            DataTable.Column("top_supplier_share", title: label("Top share", "Aandeel grootste"), alignment: .right),
            DataTable.Column("cr3", title: "CR3", alignment: .right),
            DataTable.Column(
                "effective_suppliers",
                title: exports
                    ? label("Effective destinations", "Effectief aantal bestemmingen")
                    : label("Effective suppliers", "Effectief aantal"), alignment: .right),
            DataTable.Column("suppressed_cells", title: label("Suppressed", "Geheim"), alignment: .right),
            DataTable.Column("extra_eu_share", title: label("Extra-EU share", "Aandeel buiten EU"), alignment: .right),
            DataTable.Column("extra_eu_hhi", title: label("Extra-EU HHI", "HHI buiten EU"), alignment: .right),
        ]
        if worldMarket != nil {
            columns += [
                DataTable.Column("world_hhi", title: label("World HHI", "HHI wereld"), alignment: .right),
                DataTable.Column("world_class", title: label("World class", "Klasse wereld")),
                DataTable.Column("world_verdict", title: label("Alternatives", "Alternatieven")),
                DataTable.Column("world_match", title: label("World match", "Koppeling wereld")),
            ]
        }
        let body: [[DataTable.Cell]] = rows.enumerated().map { index, row in
            var cells: [DataTable.Cell] = [
                .text(row.reporter.rawValue), .integer(row.year, text: String(row.year)), .text(row.flow.rawValue),
                .text(row.product.classification.token), .text(row.product.code), .integer(row.product.level),
                productName(row.product).map { .text($0) } ?? .empty, .text(row.unit.token),
                .number(row.totalValue, decimals: 0), .number(row.unallocatedValue, decimals: 0),
                .integer(row.suppliers),
                optional(row.hhi, decimals: 3), className(row.concentrationClass),
                row.topSupplier.map(country) ?? .empty, optional(row.topSupplierValue, decimals: 0),
                optional(row.topSupplierShare, decimals: 3), optional(row.cr3, decimals: 3),
                optional(row.effectiveSuppliers, decimals: 1), .integer(row.suppressedCells),
                optional(row.extraEUShare, decimals: 3), optional(row.extraEUHHI, decimals: 3),
            ]
            if let worldMarket {
                let result = index < worldMarket.count ? worldMarket[index] : nil
                cells += [
                    optional(result?.worldHHI, decimals: 3), className(result?.worldClass),
                    result?.verdict.map { .coded($0.rawValue, text: language == .en ? $0.nameEN : $0.nameNL) }
                        ?? .empty,
                    result.map { .text($0.quality.rawValue) } ?? .text(CorrespondenceMatch.Quality.unmapped.rawValue),
                ]
            }
            return cells
        }
        return DataTable(columns: columns, rows: body)
    }

    /// The columns a terminal shows (the full set goes to CSV and JSON).
    public static let compactColumns: Set<String> = [
        "reporter", "year", "product", "product_name", "unit", "total_value", "suppliers", "hhi", "class",
        "top_supplier",
        "top_supplier_share", "cr3", "world_hhi", "world_verdict",
    ]

    /// The thresholds as JSON: preset name, rule, source and edges.
    public var thresholdsJSON: JSONValue {
        .object([
            "preset": .string(thresholds.name), "rule": .string(thresholds.rule), "source": .string(thresholds.source),
            "edges": .array(
                thresholds.edges.map { .object(["value": .number($0.value), "inclusive": .bool($0.inclusive)]) }),
        ])
    }
}

extension DataTable {
    /// The table restricted to the columns whose keys are in `keys`, in their order.
    public func selecting(_ keys: Set<String>) -> DataTable {
        let kept = columns.indices.filter { keys.contains(columns[$0].key) }
        return DataTable(
            title: title, columns: kept.map { columns[$0] },
            rows: rows.map { row in kept.map { $0 < row.count ? row[$0] : .empty } })
    }

    /// Cells longer than `width` characters cut with an ellipsis (for terminals).
    public func truncatingText(to width: Int) -> DataTable {
        DataTable(
            title: title, columns: columns,
            rows: rows.map { row in
                row.map { cell in
                    guard case .text(let text) = cell, text.count > width else { return cell }
                    return .text(String(text.prefix(width - 1)) + "…")
                }
            })
    }
}
