import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskReport
import ChainRiskStore
import ChainRiskUseCases

extension AnalysisService {
    /// Concentration rows of a stored dataset (the workspace keeps the last few), or 404 for an unknown dataset.
    func concentration(
        dataset: String, thresholds: ConcentrationThresholds, level: Int?, flows: [FlowKind], productPrefix: String?
    ) throws -> DatasetConcentration {
        _ = try provenanceInput(dataset: dataset)
        return try workspace.datasetConcentration(
            dataset, thresholds: thresholds, level: level, flows: flows, productPrefix: productPrefix)
    }

    /// The product page's figures (404 for an unknown dataset or product).
    func productDetail(dataset: String, key: String, reporter: CountryCode?, world: String?) throws -> ProductDetail {
        for name in [dataset, world].compactMap({ $0 }) where !isBuiltIn(name) {
            _ = try provenanceInput(dataset: name)
        }
        return try workspace.productDetail(dataset: dataset, key: key, reporter: reporter, world: world)
    }

    /// Computed products of one reporter of a stored dataset in one year, largest first (404 for an unknown dataset).
    func computedProducts(dataset: String, reporter: CountryCode?, year: Int?) throws -> (
        reporter: CountryCode?, year: Int?, products: [ProductSummary]
    ) {
        _ = try provenanceInput(dataset: dataset)
        return try workspace.computedProducts(dataset: dataset, reporter: reporter, year: year)
    }

    /// The JSON of `GET /api/v1/concentration`: `chainrisk concentration --format json` for a stored dataset; the
    /// letter's published Tables 4 and 5 for the built-in one.
    func concentrationJSON(dataset: String, query: ConcentrationQuery, language: Language, world: String?, limit: Int)
        throws -> String
    {
        if isBuiltIn(dataset) { return try workspace.publishedConcentrationJSON(thresholds: query.thresholds) }
        return try storedConcentration(dataset: dataset, query: query, language: language, world: world, limit: limit)
            .render(.json)
    }

    /// `chainrisk concentration` on a stored dataset (404 for an unknown dataset or world dataset).
    private func storedConcentration(
        dataset: String, query: ConcentrationQuery, language: Language, world: String?, limit: Int
    ) throws -> ConcentrationOutput {
        _ = try provenanceInput(dataset: dataset)
        var request = ConcentrationRequest(source: .dataset(dataset), query: query)
        if let world {
            _ = try provenanceInput(dataset: world)
            request.world = .dataset(world)
        }
        (request.language, request.limit) = (language, limit)
        return try workspace.concentration(request).output()
    }

    /// The workbook of `GET /api/v1/concentration?format=xlsx`: the rows as `chainrisk concentration --format xlsx`
    /// writes them for a stored dataset; the letter's Tables 4 and 5 (with the provenance) for the built-in one.
    func concentrationWorkbook(
        dataset: String, query: ConcentrationQuery, language: Language, world: String?, limit: Int
    ) throws -> Workbook {
        if isBuiltIn(dataset) {
            var request = ReportRequest()
            (request.language, request.thresholds) = (language, query.thresholds)
            let full = try workspace.report(request).workbook()
            var workbook = Workbook()
            for sheet in full.sheets
            where ["Table 4", "Tabel 4", "Table 5", "Tabel 5", "Provenance"].contains(sheet.name) {
                workbook.add(sheet)
            }
            return workbook
        }
        return try storedConcentration(dataset: dataset, query: query, language: language, world: world, limit: limit)
            .workbook()
    }

    /// The JSON of `GET /api/v1/world-market`: `chainrisk world-market --format json` on a stored dataset.
    func worldMarketJSON(
        dataset: String, thresholds: ConcentrationThresholds, years: [Int], productPrefix: String?, level: Int?,
        limit: Int
    ) throws -> String {
        guard !isBuiltIn(dataset) else {
            throw APIError.badParameter(
                "dataset", "\(dataset) holds no world exports; give a stored world-exports dataset")
        }
        _ = try provenanceInput(dataset: dataset)
        let request = WorldMarketRequest(
            source: .dataset(dataset), thresholds: thresholds, years: years, productPrefix: productPrefix, level: level,
            limit: limit)
        return try workspace.worldMarket(request).render(.json)
    }
}
