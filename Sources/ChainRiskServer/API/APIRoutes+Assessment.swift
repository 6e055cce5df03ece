import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskReport
import ChainRiskStore
import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore

extension APIRoutes {
    func registerAssessment(on table: RouteTable) {
        table.get(Self.prefix + "/sectors") { request, _ in
            let parameters = QueryParameters(request.uri)
            try parameters.allowOnly(["sort", "lang"])
            let sort = try parameters.choice("sort", ["importance"] + RiskFactor.allCases.map(\.rawValue), default: "importance")
            let language = try parameters.language()
            return try await cached(request, lane: .cheap) { [service] in
                let sectors = AssessmentTables(assessment: service.letterAssessment, language: language).sectors(sortedBy: RiskFactor(rawValue: sort))
                return DataTable.jsonDocument([("sectors", sectors)], provenance: service.letterProvenance)
            }
        }
        table.get(Self.prefix + "/events") { request, _ in
            let parameters = QueryParameters(request.uri)
            try parameters.allowOnly(["by", "lang"])
            let by = try parameters.choice("by", ["category", "year", "region"], default: "category")
            let language = try parameters.language()
            return try await cached(request, lane: .cheap) { [service] in
                let tables = AssessmentTables(assessment: service.letterAssessment, language: language)
                return DataTable.jsonDocument([("events", tables.events()), ("summary", tables.eventSummaries(by: by))], provenance: service.letterProvenance)
            }
        }
        table.get(Self.prefix + "/options") { request, _ in
            let parameters = QueryParameters(request.uri)
            try parameters.allowOnly(["lang"])
            let language = try parameters.language()
            return try await cached(request, lane: .cheap) { [service] in
                let options = AssessmentTables(assessment: service.letterAssessment, language: language).policyOptions()
                return DataTable.jsonDocument([("policy_options", options)], provenance: service.letterProvenance)
            }
        }
        table.get(Self.prefix + "/report") { request, _ in try await report(request) }
    }

    /// `GET /api/v1/report`: `chainrisk report` as JSON, HTML or Markdown, from the letter or a stored import dataset.
    private func report(_ request: Request) async throws -> Response {
        let parameters = QueryParameters(request.uri)
        try parameters.allowOnly(["format", "lang", "preset", "imports", "world", "min_value"])
        let format = try parameters.choice("format", ["json", "html", "markdown", "text"], default: "json")
        let (language, preset) = (try parameters.language(), try thresholds(parameters))
        let (imports, world, minimumValue) = (try parameters.string("imports"), try parameters.string("world"), try parameters.number("min_value") ?? 250e6)
        if world != nil && imports == nil { throw APIError.badParameter("world", "needs imports= (the world check applies to computed Table 5)") }
        let contentType = ["json": Self.json, "html": "text/html; charset=utf-8"][format] ?? "text/markdown; charset=utf-8"
        // The letter's own report is cheap; computing Tables 4 and 5 from a stored dataset is not.
        return try await service.cached(path: request.uri.path, query: parameters.canonical, lane: imports == nil ? .cheap : .long, contentType: contentType) { [service] in
            let (assessment, inputs) = try service.assessment(imports: imports, world: world, thresholds: preset, minimumValue: minimumValue)
            let settings = VulnerabilityReport.settings(thresholds: preset, table5MinimumValue: imports == nil ? nil : minimumValue)
            return VulnerabilityReport(assessment: assessment, language: language, provenance: Provenance(inputs: inputs, settings: settings)).render(format)
        }
    }
}

extension AnalysisService {
    /// The provenance of figures from the built-in letter alone.
    var letterProvenance: Provenance { Provenance(inputs: [.builtIn(letter)], settings: [:]) }

    /// The assessment the report shows: the letter's, with Tables 4 and 5 computed from `imports` when given
    /// (its latest year, checked against the `world` exports), as `chainrisk report --imports --world` does.
    func assessment(imports: String?, world: String?, thresholds: ConcentrationThresholds, minimumValue: Double) throws -> (VulnerabilityAssessment, [Provenance.Input]) {
        var inputs: [Provenance.Input] = [.builtIn(letter)]
        guard let imports else {
            let assessment = thresholds == .letter ? letterAssessment : try VulnerabilityAssessment(letter: letter, thresholds: thresholds, engine: engine)
            return (assessment, inputs)
        }
        let computed = try concentration(dataset: imports, thresholds: thresholds, level: nil, flows: [.imports, .importsForOwnUse], productPrefix: nil)
        inputs.append(computed.input)
        guard !computed.rows.isEmpty else { throw APIError.badParameter("imports", "dataset '\(imports)' has no import flows") }
        var worldRows: [ImportConcentration]?
        if let world {
            inputs.append(try provenanceInput(dataset: world))
            worldRows = WorldMarketCheck(thresholds: thresholds).worldMarketRows(flows: try store.flows(in: world, matching: FlowQuery(flows: [.exports])))
        }
        let assessment = try VulnerabilityAssessment(
            letter: letter, computed: .init(rows: computed.rows, world: worldRows, minimumValue: minimumValue), thresholds: thresholds, engine: engine)
        return (assessment, inputs)
    }
}
