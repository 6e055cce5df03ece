public import ChainRiskAnalysis
public import ChainRiskCore
import ChainRiskIngest
public import ChainRiskReport
import ChainRiskStore
import Foundation

/// One product as the dashboard lists it: a published row of the letter or a computed row of a stored dataset.
public struct ProductSummary: Sendable {
    /// The key in `/products/{key}`: the product code, or the position in the letter's tables for published rows.
    public let key: String
    public let code: String?
    public let nameEN: String
    public let nameNL: String
    public let value: Double
    /// The value's unit, e.g. `mEUR` for the letter or `USD`.
    public let unit: ValueUnit
    public let hhi: Double?
    public let hhiDecimals: Int
    public let concentrationClass: ConcentrationClass?
    public let topSupplier: CountryCode?
    public let topSupplierShare: Double?
    public let suppliers: Int?
    public let worldClass: ConcentrationClass?
    public let diagnosis: ProductDiagnosis

    public func name(_ language: Language) -> String { language == .en ? nameEN : nameNL }

    /// The name as a heading or table label, with the code in front when there is one: whole up to 90 characters,
    /// else shortened at a word before the 90th with "…" (the full name goes in a title). Never cut at the first `;`:
    /// five different furniture headings would all read "Furniture".
    public func label(_ language: Language) -> String {
        var name = name(language)
        if name.count > 90 {
            let head = name.prefix(89)
            let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
            name = cut.trimmingCharacters(in: CharacterSet(charactersIn: " ;,")) + "…"
        }
        return (code.map { $0 + " " } ?? "") + name
    }
}

/// Everything the product page shows: the latest row, the suppliers, the years, the world market and the options.
public struct ProductDetail: Sendable {
    public let summary: ProductSummary
    /// The reporter and year of the summary (computed rows only).
    public let reporter: CountryCode?
    public let year: Int
    /// Supplier countries with their values, largest first; for published rows only the top supplier and the rest.
    public let suppliers: [(country: String, value: Double)]
    /// One row per year (computed rows with several years).
    public let years: [ImportConcentration]
    public let trend: ConcentrationTrend?
    public let worldMarket: WorldMarketCheck.Result?
    public let options: [PolicyRecommendation]
    public let provenance: Provenance
}

extension Workspace {
    /// The letter's products: Table 4, then the Table 5 products not in Table 4.
    public func publishedProducts() throws -> [ProductSummary] {
        let letter = try letter()
        let table5Only = letter.highConcentration.filter { row in
            !letter.topImports.contains { $0.productEN == row.productEN }
        }
        return (letter.topImports + table5Only).enumerated().map { index, row in
            let published = letter.highConcentration.first(where: { $0.productEN == row.productEN })
            return ProductSummary(
                key: String(index + 1), code: nil, nameEN: row.productEN, nameNL: row.productNL, value: row.imports,
                unit: row.unit,
                hhi: row.hhi, hhiDecimals: 2, concentrationClass: row.concentrationClass, topSupplier: row.topSupplier,
                topSupplierShare: row.topSupplierValue.map { $0 / row.imports }, suppliers: nil,
                worldClass: published?.worldMarketClass,
                diagnosis: ProductDiagnosis(published: published ?? row)
            )
        }
    }

    /// The reporters whose imports a stored dataset holds, in code order.
    public func importReporters(dataset: String) throws -> [CountryCode] {
        Set(try datasetConcentration(dataset, thresholds: .letter).rows.map(\.reporter)).sorted()
    }

    /// The reporter a page shows when none is chosen: the letter's (the Netherlands) when the dataset holds it, else
    /// the first in code order; nil for a dataset without imports.
    public func defaultReporter(dataset: String) throws -> CountryCode? {
        let reporters = try importReporters(dataset: dataset)
        return reporters.contains(try letter().reporter) ? try letter().reporter : reporters.first
    }

    /// Computed products of one reporter's imports in one year (the default reporter and the latest year unless
    /// asked), largest first.
    public func computedProducts(
        dataset: String, reporter: CountryCode?, year: Int?, thresholds: ConcentrationThresholds = .letter
    ) throws -> (reporter: CountryCode?, year: Int?, products: [ProductSummary]) {
        guard let chosenReporter = try reporter ?? defaultReporter(dataset: dataset) else { return (nil, year, []) }
        let rows = try datasetConcentration(dataset, thresholds: thresholds).rows.filter {
            $0.reporter == chosenReporter
        }
        guard let chosen = year ?? rows.map(\.year).max() else { return (chosenReporter, year, []) }
        let products = rows.filter { $0.year == chosen }
            .sorted { ($0.totalValue, $1.product) > ($1.totalValue, $0.product) }
            .map { summary(of: $0) }
        return (chosenReporter, chosen, products)
    }

    /// The dashboard's summary of a computed row, with its world-market check when there is one.
    public func summary(of row: ImportConcentration, world: WorldMarketCheck.Result? = nil) -> ProductSummary {
        let name = ClassificationHierarchy.description(of: row.product) ?? row.product.code
        return ProductSummary(
            key: row.product.code, code: row.product.code, nameEN: name, nameNL: name, value: row.totalValue,
            unit: row.unit,
            hhi: row.hhi, hhiDecimals: 3, concentrationClass: row.concentrationClass, topSupplier: row.topSupplier,
            topSupplierShare: row.topSupplierShare, suppliers: row.suppliers, worldClass: world?.worldClass,
            diagnosis: ProductDiagnosis(
                concentration: row, worldMarket: world, nameEN: VulnerabilityAssessment.name(row.product))
        )
    }

    /// The product page's figures for `key` in `dataset`; `world` adds the world-market check from a stored dataset.
    public func productDetail(dataset: String, key: String, reporter: CountryCode?, world: String?) throws
        -> ProductDetail
    {
        if BuiltInDatasets.names.contains(dataset) {
            let letter = try letter()
            let publishedProducts = try publishedProducts()
            guard let summary = publishedProducts.first(where: { $0.key == key }) else {
                throw NotFound(
                    "unknown_product",
                    "\(dataset) has no product \(key); its products are numbered 1 to \(publishedProducts.count)")
            }
            var suppliers: [(country: String, value: Double)] = []
            if let top = summary.topSupplier, let share = summary.topSupplierShare {
                suppliers = [(top.rawValue, summary.value * share), ("other", summary.value * (1 - share))]
            }
            return ProductDetail(
                summary: summary, reporter: letter.reporter, year: letter.topImports.first?.year ?? 0,
                suppliers: suppliers, years: [], trend: nil,
                worldMarket: nil, options: try policyEngine().recommendations(for: summary.diagnosis),
                provenance: Provenance(inputs: [.builtIn(letter)], settings: [:])
            )
        }
        guard key.utf8.count <= 12, key.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw RequestError("product", "'\(key)' is not a product code")
        }
        let query = ConcentrationQuery(level: key.utf8.count, productPrefix: key)
        var flows: [TradeFlow] = []
        try forEachStoredFlow(in: dataset, matching: FlowQuery(flows: try query.flowKinds(), productPrefix: key)) {
            flows.append($0)
        }
        let analysis = ConcentrationAnalysis(thresholds: query.thresholds, level: key.utf8.count)
        var rows = analysis.rows(for: flows).filter { $0.product.code == key }
        let input = try provenanceInput(dataset: dataset)
        let chosenReporter: CountryCode? =
            reporter ?? rows.map { (row: ImportConcentration) -> CountryCode in row.reporter }.min()
        rows = rows.filter { $0.reporter == chosenReporter }
        guard
            let latest = rows.max(by: { (lhs: ImportConcentration, rhs: ImportConcentration) -> Bool in
                (lhs.year, rhs.totalValue) < (rhs.year, lhs.totalValue)
            })
        else {
            throw NotFound(
                "unknown_product",
                "dataset '\(dataset)' has no imports of product \(key)" + (reporter.map { " for \($0.rawValue)" } ?? "")
            )
        }
        let breakdown = analysis.supplierBreakdowns(for: flows).first { (candidate: SupplierBreakdown) -> Bool in
            candidate.reporter == latest.reporter && candidate.year == latest.year && candidate.flow == latest.flow
                && candidate.product == latest.product && candidate.unit == latest.unit
        }
        var provenance = Provenance(
            inputs: [input], settings: query.settings.merging(["reporter": latest.reporter.rawValue]) { _, new in new })
        var worldResult: WorldMarketCheck.Result?
        if let world {
            let worldMatched = try worldMarketRows(
                .dataset(world), thresholds: query.thresholds, imports: [latest], level: nil, provenance: &provenance)
            worldResult =
                WorldMarketCheck(thresholds: query.thresholds).aligned(imports: [latest], world: worldMatched).first
                ?? nil
        }
        let latestSummary = summary(of: latest, world: worldResult)
        let series = rows.filter { (row: ImportConcentration) -> Bool in
            row.flow == latest.flow && row.unit == latest.unit
        }
        .sorted { (lhs: ImportConcentration, rhs: ImportConcentration) -> Bool in lhs.year < rhs.year }
        let suppliers: [(country: String, value: Double)] = (breakdown?.suppliers ?? []).map {
            ($0.country.rawValue, $0.value)
        }
        return ProductDetail(
            summary: latestSummary, reporter: latest.reporter, year: latest.year, suppliers: suppliers,
            years: series, trend: ConcentrationTrend.trends(for: series).first,
            worldMarket: worldResult, options: try policyEngine().recommendations(for: latestSummary.diagnosis),
            provenance: provenance
        )
    }
}
