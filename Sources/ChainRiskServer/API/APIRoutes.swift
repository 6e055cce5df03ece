import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskStore
import ChainRiskUseCases
import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore

/// The JSON API under `/api/v1`: every endpoint answers with the CLI's JSON for the same question.
struct APIRoutes: Sendable {
    static let prefix = "/api/v1"
    static let uploadPath = prefix + "/datasets"
    static let json = "application/json; charset=utf-8"

    let service: AnalysisService
    let access: WriteAccess

    func register(on table: RouteTable) {
        table.get(Self.prefix) { request, _ in try index(request) }
        table.get(Self.prefix + "/openapi.json") { _, _ in .bytes(OpenAPIDocument.shared.buffer, contentType: Self.json)
        }
        registerDatasets(on: table)
        table.get(Self.prefix + "/concentration") { request, _ in try await concentration(request) }
        table.get(Self.prefix + "/products/{key}") { request, context in
            try await product(request, key: context.parameters.get("key") ?? "")
        }
        table.get(Self.prefix + "/world-market") { request, _ in try await worldMarket(request) }
        registerAssessment(on: table)
        registerInputOutput(on: table)
    }

    private func index(_ request: Request) throws -> Response {
        try QueryParameters(request.uri).allowOnly([])
        return .json(
            JSONValue.object([
                "name": .string("chainrisk"), "version": .string(ChainRiskVersion.current),
                "openapi": .string(Self.prefix + "/openapi.json"),
                "endpoints": .array(OpenAPIDocument.shared.paths.map { .string($0) }),
            ]).render(pretty: true) + "\n")
    }

    /// The response for `request`'s path and parameters from the cache, or rendered by `render` in `lane` and cached.
    ///
    /// `lane` is `.cheap` only for work known to take milliseconds (the built-in letter, listings); anything else
    /// runs in the long lane, bounded by the configured workers.
    func cached(_ request: Request, lane: WorkPool.Lane = .long, _ render: @escaping @Sendable () throws -> String)
        async throws -> Response
    {
        try await service.cached(
            path: request.uri.path, query: QueryParameters(request.uri).canonical, lane: lane, contentType: Self.json,
            render: render)
    }

    /// The lane of a computation on `dataset`: cheap for the built-in letter (published tables), long for a stored one.
    func lane(dataset: String) -> WorkPool.Lane {
        service.isBuiltIn(dataset) ? .cheap : .long
    }

    /// `dataset`: a stored dataset or the built-in one (the default).
    func dataset(_ parameters: QueryParameters, name: String = "dataset") throws -> String {
        try datasetName(parameters, name) ?? BuiltInDatasets.letterName
    }

    /// A dataset name parameter (`dataset`, `world`, `imports`), nil when absent or empty; a name that breaks
    /// `DatasetName`'s rule is a bad parameter rather than an unknown dataset, unless a dataset stored before the rule
    /// has it.
    func datasetName(_ parameters: QueryParameters, _ name: String) throws -> String? {
        guard let value = try parameters.string(name) else { return nil }
        guard DatasetName.isValid(value) || (try? service.workspace.datasetInfo(named: value)) != nil else {
            throw APIError.badParameter(
                name,
                "'\(value.prefix(100))' is not a dataset name (a letter or digit, then letters, digits, '.', '_' and '-')"
            )
        }
        return value
    }

    /// `preset`: a threshold preset or custom edges such as `0.15,0.25`.
    func thresholds(_ parameters: QueryParameters) throws -> ConcentrationThresholds {
        let name = try parameters.string("preset") ?? "letter"
        guard let preset = ConcentrationThresholds.named(name) else {
            throw APIError.badParameter(
                "preset",
                "unknown preset '\(name)'; use letter, us2023, eu2004, eu-dependency or one or two edges above 0 and at most 1, such as 0.15,0.25"
            )
        }
        return preset
    }

    /// `limit`: at most this many rows (default and ceiling: the configured maximum).
    func limit(_ parameters: QueryParameters) throws -> Int {
        try parameters.integer("limit", in: 1...service.configuration.maximumRows) ?? service.configuration.maximumRows
    }

    /// A product-code prefix: letters and digits only, at most 12.
    func productPrefix(_ parameters: QueryParameters) throws -> String? {
        guard let text = try parameters.string("product") else { return nil }
        guard text.utf8.count <= 12, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw APIError.badParameter(
                "product", "'\(text)' is not a product-code prefix (letters and digits, at most 12)")
        }
        return text
    }

    /// Reporter codes: three letters each.
    func reporters(_ parameters: QueryParameters) throws -> [CountryCode] {
        try parameters.list("reporter").map { text in
            guard text.utf8.count == 3, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
                let code = CountryCode(rawValue: text)
            else {
                throw APIError.badParameter("reporter", "'\(text)' is not an ISO 3166 alpha-3 code such as NLD")
            }
            return code
        }
    }

    /// The filters of `/concentration` as the analysis library takes them.
    func concentrationQuery(_ parameters: QueryParameters) throws -> ConcentrationQuery {
        var query = ConcentrationQuery(
            thresholds: try thresholds(parameters), flow: try parameters.string("flow") ?? "import",
            level: try parameters.integer("level", in: 1...10), reporters: try reporters(parameters),
            years: parameters.list("year") == ["all"] ? [] : try parameters.integers("year", in: 1900...2100),
            productPrefix: try productPrefix(parameters),
            concentrationClass: try parameters.string("class"), minimumValue: try parameters.number("min_value"),
            top: try parameters.integer("top", in: 1...100_000), relevantOnly: try parameters.flag("relevant_only")
        )
        query.allYears = parameters.list("year") == ["all"]
        _ = try query.flowKinds()
        _ = try query.wantedClass()
        return query
    }

    private func concentration(_ request: Request) async throws -> Response {
        let parameters = QueryParameters(request.uri)
        try parameters.allowOnly([
            "dataset", "reporter", "year", "product", "flow", "level", "preset", "class", "min_value", "top",
            "relevant_only", "lang", "world", "limit", "format",
        ])
        let query = try concentrationQuery(parameters)
        let (dataset, language, world, limit) = (
            try self.dataset(parameters), try parameters.language(), try datasetName(parameters, "world"),
            try self.limit(parameters)
        )
        if try parameters.choice("format", ["json", "xlsx"], default: "json") == "xlsx" {
            return try await Self.attachment(
                service.cachedBytes(
                    path: request.uri.path, query: parameters.canonical, lane: lane(dataset: dataset),
                    contentType: OutputFormat.xlsx.contentType
                ) { [service] in
                    ByteBuffer(
                        bytes: try service.concentrationWorkbook(
                            dataset: dataset, query: query, language: language, world: world, limit: limit
                        ).data())
                }, filename: "chainrisk-concentration.xlsx")
        }
        return try await cached(request, lane: lane(dataset: dataset)) { [service] in
            try service.concentrationJSON(
                dataset: dataset, query: query, language: language, world: world, limit: limit)
        }
    }

    private func product(_ request: Request, key: String) async throws -> Response {
        let parameters = QueryParameters(request.uri)
        try parameters.allowOnly(["dataset", "reporter", "world", "lang"])
        let dataset = try self.dataset(parameters)
        let reporter = try reporters(parameters).first
        let (world, language) = (try datasetName(parameters, "world"), try parameters.language())
        return try await cached(request, lane: lane(dataset: dataset)) { [service] in
            ProductJSON(
                detail: try service.productDetail(dataset: dataset, key: key, reporter: reporter, world: world),
                language: language
            ).render()
        }
    }

    private func worldMarket(_ request: Request) async throws -> Response {
        let parameters = QueryParameters(request.uri)
        try parameters.allowOnly(["dataset", "year", "product", "level", "preset", "limit"])
        guard let dataset = try datasetName(parameters, "dataset") else {
            throw APIError.badParameter("dataset", "required: a stored world-exports dataset")
        }
        let (preset, years, product) = (
            try thresholds(parameters), try parameters.integers("year", in: 1900...2100), try productPrefix(parameters)
        )
        let (level, limit) = (try parameters.integer("level", in: 1...10), try self.limit(parameters))
        return try await cached(request, lane: lane(dataset: dataset)) { [service] in
            try service.worldMarketJSON(
                dataset: dataset, thresholds: preset, years: years, productPrefix: product, level: level, limit: limit)
        }
    }
}
