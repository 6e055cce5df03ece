import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskReport
import ChainRiskStore
import ChainRiskUseCases
import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore

extension APIRoutes {
    func registerAssessment(on table: RouteTable) {
        table.get(Self.prefix + "/sectors") { request, _ in
            let parameters = QueryParameters(request.uri)
            try parameters.allowOnly(["sort", "lang"])
            let sort = try parameters.choice("sort", SectorOrder.tokens, default: "importance")
            var sectors = SectorsRequest()
            (sectors.order, sectors.language) = (SectorOrder(token: sort) ?? .importance, try parameters.language())
            return try await cached(request, lane: .cheap) { [service, sectors] in
                try service.workspace.sectors(sectors).render(.json, language: sectors.language)
            }
        }
        table.get(Self.prefix + "/events") { request, _ in
            let parameters = QueryParameters(request.uri)
            try parameters.allowOnly(["by", "lang"])
            let by = try parameters.choice("by", EventGrouping.allCases, default: .category)
            let language = try parameters.language()
            return try await cached(request, lane: .cheap) { [service] in
                try service.workspace.events(by: by, language: language).render(.json, language: language)
            }
        }
        table.get(Self.prefix + "/options") { request, _ in
            let parameters = QueryParameters(request.uri)
            try parameters.allowOnly(["lang"])
            let language = try parameters.language()
            return try await cached(request, lane: .cheap) { [service] in
                try service.workspace.policyOptions(language: language).render(.json, language: language)
            }
        }
        table.get(Self.prefix + "/report") { request, _ in try await report(request) }
    }

    /// `GET /api/v1/report`: `chainrisk report` as JSON, HTML or Markdown, from the letter or a stored import dataset.
    private func report(_ request: Request) async throws -> Response {
        let parameters = QueryParameters(request.uri)
        try parameters.allowOnly(["format", "lang", "preset", "imports", "world", "min_value", "reporter", "year"])
        let format =
            OutputFormat(
                token: try parameters.choice("format", ["json", "html", "markdown", "text", "xlsx"], default: "json"))
            ?? .json
        var report = ReportRequest()
        (report.language, report.thresholds) = (try parameters.language(), try thresholds(parameters))
        (report.imports, report.world, report.minimumValue) = (
            try datasetName(parameters, "imports"), try datasetName(parameters, "world"),
            try parameters.number("min_value")
        )
        (report.reporter, report.year) = (
            try reporters(parameters).first, try parameters.integer("year", in: 1900...2100)
        )
        if report.world != nil && report.imports == nil {
            throw APIError(
                .unprocessableContent, "world_needs_imports",
                "world: needs imports= (the world check applies to computed Table 5)")
        }
        let lane: WorkPool.Lane = report.imports == nil ? .cheap : .long
        if format == .xlsx {
            return try await Self.attachment(
                service.cachedBytes(
                    path: request.uri.path, query: parameters.canonical, lane: lane, contentType: format.contentType
                ) { [service, report] in
                    ByteBuffer(bytes: try service.report(report).workbook().data())
                }, filename: "chainrisk-report.xlsx")
        }
        let contentType = format == .table ? OutputFormat.markdown.contentType : format.contentType
        return try await service.cached(
            path: request.uri.path, query: parameters.canonical, lane: report.imports == nil ? .cheap : .long,
            contentType: contentType
        ) { [service, report] in
            try service.report(report).render(format)
        }
    }
}

extension APIRoutes {
    /// `response` as a download named `filename`.
    static func attachment(_ response: Response, filename: String) -> Response {
        var response = response
        response.headers[.contentDisposition] = "attachment; filename=\"\(filename)\""
        return response
    }
}

extension AnalysisService {
    /// The provenance of figures from the built-in letter alone.
    var letterProvenance: Provenance { workspace.letterProvenance(letter) }

    /// `chainrisk report` for the request; 404 for a stored dataset that does not exist.
    func report(_ request: ReportRequest) throws -> VulnerabilityReport {
        for name in [request.imports, request.world].compactMap({ $0 }) { _ = try provenanceInput(dataset: name) }
        return try workspace.report(request)
    }

    /// The assessment the report shows: the letter's, with Tables 4 and 5 computed from `imports` when given
    /// (its latest year, checked against the `world` exports), as `chainrisk report --imports --world` does.
    /// For a dashboard page without a chosen reporter, the dataset's default reporter (see `Workspace.defaultReporter`).
    func assessment(
        imports: String?, world: String?, thresholds: ConcentrationThresholds, minimumValue: Double? = nil,
        reporter: CountryCode? = nil
    ) throws -> (VulnerabilityAssessment, [Provenance.Input]) {
        var request = ReportRequest()
        (request.imports, request.world, request.thresholds, request.minimumValue) = (
            imports, world, thresholds, minimumValue
        )
        if let imports { request.reporter = try reporter ?? workspace.defaultReporter(dataset: imports) }
        let report = try report(request)
        return (report.assessment, report.provenance.inputs)
    }
}
