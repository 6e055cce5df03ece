public import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskReport

extension Workspace {
    /// The letter's published Tables 4 and 5 with the field names of the report's JSON: what a concentration
    /// query of the built-in dataset answers (its figures are published, not computed).
    public func publishedConcentrationJSON(thresholds: ConcentrationThresholds) throws -> String {
        let letter = try letter()
        let tables = LetterTables(dataset: letter, language: .en)
        return JSONValue.object([
            "concentration_source": .string("published"),
            "provenance": Provenance(
                inputs: [.builtIn(letter)],
                settings: ["thresholds": thresholds.name, "thresholds_rule": thresholds.rule]
            ).json,
            "thresholds": ConcentrationTable(rows: [], thresholds: thresholds).thresholdsJSON,
            "table4": .array(
                tables.concentrationTable(letter.topImports, title: "", withWorldMarket: false).jsonRows()),
            "table5": .array(
                tables.concentrationTable(letter.highConcentration, title: "", withWorldMarket: true).jsonRows()),
            "suppressed_products": .array(
                letter.suppressedProducts.map {
                    .object(["product_en": .string($0.productEN), "product_nl": .string($0.productNL)])
                }),
        ]).render(pretty: true) + "\n"
    }
}
