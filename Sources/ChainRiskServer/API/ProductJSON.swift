import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskReport
import ChainRiskUseCases

/// The JSON of `GET /api/v1/products/{key}`: the product's row (the concentration table's fields), its suppliers,
/// its years and trend, the world-market check and the policy options, with provenance.
struct ProductJSON {
    let detail: ProductDetail
    let language: Language

    func render() -> String {
        let summary = detail.summary
        var members: [String: JSONValue] = [
            "key": .string(summary.key),
            "product_name": .string(summary.name(language)),
            "year": .number(Double(detail.year)),
            "unit": .string(summary.unit.token),
            "total_value": .number(summary.value),
            "hhi": summary.hhi.map { .number($0) } ?? .null,
            "class": summary.concentrationClass.map { .string($0.rawValue) } ?? .null,
            "top_supplier": summary.topSupplier.map { .string($0.rawValue) } ?? .null,
            "top_supplier_share": summary.topSupplierShare.map { .number($0) } ?? .null,
            "world_class": summary.worldClass.map { .string($0.rawValue) } ?? .null,
            "suppliers": .array(
                detail.suppliers.map { .object(["country": .string($0.country), "value": .number($0.value)]) }),
            "policy_options": .array(
                AssessmentTables.policyOptionsTable(detail.options, language: language).jsonRows()),
            "provenance": detail.provenance.json,
        ]
        if let code = summary.code { members["product"] = .string(code) }
        if let reporter = detail.reporter { members["reporter"] = .string(reporter.rawValue) }
        if !detail.years.isEmpty {
            members["years"] = .array(
                ConcentrationTable(rows: detail.years, thresholds: .letter, productName: ProductNames.lookup).table()
                    .jsonRows())
        }
        if let trend = detail.trend {
            members["trend"] = .array(ConcentrationSections.trends([trend]).table.jsonRows())
        }
        if let world = detail.worldMarket {
            members["world_market"] = .object([
                "world_hhi": world.worldHHI.map { .number($0) } ?? .null,
                "world_class": world.worldClass.map { .string($0.rawValue) } ?? .null,
                "verdict": world.verdict.map { .string($0.rawValue) } ?? .null,
                "match": .string(world.quality.rawValue),
            ])
        }
        return JSONValue.object(members).render(pretty: true) + "\n"
    }
}
