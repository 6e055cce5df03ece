import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskReport
import ChainRiskStore

/// A stored dataset's concentration rows for one set of flows, thresholds, level and product prefix.
struct DatasetConcentration: Sendable {
    let rows: [ImportConcentration]
    let input: Provenance.Input
}

/// What identifies a dataset's concentration rows in the cache: the store's generation, the dataset and the settings.
struct ConcentrationKey: Hashable, Sendable {
    let generation: Int
    let dataset: String
    let thresholds: String
    let rule: String
    let level: Int?
    let flows: [FlowKind]
    let productPrefix: String?
}

extension AnalysisService {
    /// Concentration rows of a stored dataset, read and computed once per dataset and settings, then cached.
    ///
    /// Reporter and year filters apply to the rows afterwards (rows are per reporter and year, so that gives the
    /// same rows as filtering flows); the product prefix filters flows, as the CLI does, because it changes what
    /// a coarser `level` sums.
    func concentration(dataset: String, thresholds: ConcentrationThresholds, level: Int?, flows: [FlowKind], productPrefix: String?) throws -> DatasetConcentration {
        let key = ConcentrationKey(
            generation: generation, dataset: dataset, thresholds: thresholds.name, rule: thresholds.rule, level: level, flows: flows, productPrefix: productPrefix)
        if let cached = datasets.value(for: key) { return cached }
        let input = try provenanceInput(dataset: dataset)
        var accumulator = ConcentrationAnalysis(thresholds: thresholds, level: level).accumulator()
        let flowQuery = FlowQuery(flows: flows.count == FlowKind.allCases.count ? nil : flows, productPrefix: productPrefix)
        try store.forEachFlow(in: dataset, matching: flowQuery) { accumulator.add($0) }
        let result = DatasetConcentration(rows: accumulator.rows(), input: input)
        datasets.store(result, for: key)
        return result
    }

    /// The rows `query` selects from a stored dataset, before the class, value and top filters.
    func filteredRows(dataset: String, query: ConcentrationQuery) throws -> (rows: [ImportConcentration], input: Provenance.Input) {
        let computed = try concentration(dataset: dataset, thresholds: query.thresholds, level: query.level, flows: try query.flowKinds(), productPrefix: query.productPrefix)
        let rows = computed.rows.filter { row in
            (query.reporters.isEmpty || query.reporters.contains(row.reporter)) && (query.years.isEmpty || query.years.contains(row.year))
        }
        return (rows, computed.input)
    }

    /// World-market rows from a stored world-exports dataset, matched to the imports' classification and levels.
    func worldRows(dataset: String, thresholds: ConcentrationThresholds, imports: [ImportConcentration], level: Int?) throws -> (matched: WorldMarketCheck.MatchedWorldRows, input: Provenance.Input) {
        let input = try provenanceInput(dataset: dataset)
        let flows = try store.flows(in: dataset, matching: FlowQuery(flows: [.exports]))
        do {
            let matched = try WorldMarketCheck(thresholds: thresholds).matchedWorldRows(
                exports: flows, importFamily: imports.first?.product.classification.family,
                importLevels: Set(imports.map(\.product.code.utf8.count)), level: level)
            return (matched, input)
        } catch {
            throw APIError.badParameter("world", error.description)
        }
    }

    /// The JSON of `GET /api/v1/concentration`: `chainrisk concentration --format json` for a stored dataset; the
    /// letter's published Tables 4 and 5 for the built-in one.
    func concentrationJSON(dataset: String, query: ConcentrationQuery, language: Language, world: String?, limit: Int) throws -> String {
        if isBuiltIn(dataset) { return publishedConcentrationJSON(thresholds: query.thresholds) }
        var (rows, input) = try filteredRows(dataset: dataset, query: query)
        let relevance = query.relevantOnly ? RelevanceFilter(rows: rows) : nil
        if let relevance { rows = relevance.relevantRows }
        rows = try query.select(rows)
        var provenance = Provenance(inputs: [input], settings: query.settings)
        if rows.count > limit {
            provenance.settings["limit"] = "first \(limit) of \(rows.count) rows"
            rows = Array(rows.prefix(limit))
        }
        var aligned: [WorldMarketCheck.Result?]?
        if let world {
            let (matched, worldInput) = try worldRows(dataset: world, thresholds: query.thresholds, imports: rows, level: query.level)
            provenance.inputs.append(worldInput)
            if let mapping = matched.mapping { provenance.settings["world_mapping"] = mapping }
            aligned = WorldMarketCheck(thresholds: query.thresholds).aligned(imports: rows, world: matched.rows)
        }
        return ConcentrationOutput(
            rows: rows, thresholds: query.thresholds, language: language, worldMarket: aligned, provenance: provenance,
            relevance: relevance, sensitivity: nil, drill: nil
        ).render("json")
    }

    /// The letter's Tables 4 and 5 with the field names of the report's JSON.
    func publishedConcentrationJSON(thresholds: ConcentrationThresholds) -> String {
        let tables = LetterTables(dataset: letter, language: .en)
        return JSONValue.object([
            "concentration_source": .string("published"),
            "provenance": Provenance(inputs: [.builtIn(letter)], settings: ["thresholds": thresholds.name, "thresholds_rule": thresholds.rule]).json,
            "thresholds": ConcentrationTable(rows: [], thresholds: thresholds).thresholdsJSON,
            "table4": .array(tables.concentrationTable(letter.topImports, title: "", withWorldMarket: false).jsonRows()),
            "table5": .array(tables.concentrationTable(letter.highConcentration, title: "", withWorldMarket: true).jsonRows()),
            "suppressed_products": .array(letter.suppressedProducts.map { .object(["product_en": .string($0.productEN), "product_nl": .string($0.productNL)]) }),
        ]).render(pretty: true) + "\n"
    }

    /// The JSON of `GET /api/v1/world-market`: `chainrisk world-market --format json` on a stored dataset.
    func worldMarketJSON(dataset: String, thresholds: ConcentrationThresholds, years: [Int], productPrefix: String?, level: Int?, limit: Int) throws -> String {
        guard !isBuiltIn(dataset) else {
            throw APIError.badParameter("dataset", "\(dataset) holds no world exports; give a stored world-exports dataset")
        }
        let input = try provenanceInput(dataset: dataset)
        let flows = try store.flows(in: dataset, matching: FlowQuery(years: years.isEmpty ? nil : years, flows: [.exports], productPrefix: productPrefix))
        var rows = WorldMarketCheck(thresholds: thresholds).worldMarketRows(flows: flows, level: level)
        var settings = WorldMarketOutput.settings(thresholds: thresholds, level: level, product: productPrefix)
        if rows.count > limit {
            settings["limit"] = "first \(limit) of \(rows.count) rows"
            rows = Array(rows.prefix(limit))
        }
        return WorldMarketOutput(rows: rows, thresholds: thresholds, provenance: Provenance(inputs: [input], settings: settings)).render("json")
    }
}
