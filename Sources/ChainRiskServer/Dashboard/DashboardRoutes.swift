import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import HTTPTypes
import Hummingbird
import HummingbirdCore
import NIOCore

/// The server-rendered dashboard: overview, sectors, products and product pages, events, scenario and datasets.
struct DashboardRoutes: Sendable {
    static let html = "text/html; charset=utf-8"
    let service: AnalysisService

    func register(on table: RouteTable) {
        page(table, .overview, allowed: ["dataset", "reporter"]) { context in
            try OverviewPage(context: context).render()
        }
        page(table, .sectors, allowed: []) { context in try SectionPage(context: context, sectionID: "sectors").render()
        }
        page(table, .events, allowed: []) { context in try SectionPage(context: context, sectionID: "events").render() }
        page(table, .products, allowed: ["dataset", "reporter", "year", "q", "class"]) { context in
            try ProductsPage(context: context).render()
        }
        page(table, .scenario, allowed: ["region", "sectors", "weeks", "share", "production", "switch"]) { context in
            try ScenarioPage(context: context).render()
        }
        page(table, .datasets, allowed: []) { context in try DatasetsPage(context: context).render() }
        table.get("/products/{key}") { request, context in
            let key = context.parameters.get("key") ?? ""
            return try await render(request, path: "/products/" + key, allowed: ["dataset", "reporter", "world"]) {
                context in
                try ProductPage(context: context, key: key).render()
            }
        }
    }

    private func page(
        _ table: RouteTable, _ page: DashboardLayout.Page, allowed: Set<String>,
        _ body: @escaping @Sendable (PageContext) throws -> String
    ) {
        table.get(page.path) { request, _ in try await render(request, path: page.path, allowed: allowed, body) }
    }

    /// Validates the parameters, then renders (or serves from the cache) the page.
    private func render(
        _ request: Request, path: String, allowed: Set<String>,
        _ body: @escaping @Sendable (PageContext) throws -> String
    ) async throws -> Response {
        let parameters = QueryParameters(request.uri)
        // Every page takes `lang`, and `dataset` and `reporter`, which the navigation carries from page to page.
        try parameters.allowOnly(allowed.union(["lang", "dataset", "reporter"]))
        let context = PageContext(
            service: service, language: try parameters.language(), path: path, parameters: parameters,
            dataset: try parameters.string("dataset") ?? BuiltInDatasets.letterName,
            reporter: try parameters.string("reporter", maximumLength: 3).map { text in
                guard text.utf8.count == 3, let code = CountryCode(rawValue: text.uppercased()) else {
                    throw APIError.badParameter("reporter", "'\(text)' is not an ISO 3166 alpha-3 code such as NLD")
                }
                return code
            }
        )
        return try await service.cached(
            path: path, query: parameters.canonical, lane: Self.lane(context), contentType: Self.html
        ) { try body(context) }
    }

    /// The lane a page renders in: long when it computes from a stored dataset (its concentration rows) or runs a
    /// scenario, cheap for the built-in letter, the scenario form and the datasets list.
    private static func lane(_ context: PageContext) -> WorkPool.Lane {
        switch context.path {
        case DashboardLayout.Page.datasets.path: return .cheap
        case DashboardLayout.Page.scenario.path:
            return context.parameters.pairs.contains { $0.name == "region" } ? .long : .cheap
        default: return context.service.isBuiltIn(context.dataset) ? .cheap : .long
        }
    }
}

/// What a page renders from: the service, the language, the request's path and validated parameters.
struct PageContext: Sendable {
    let service: AnalysisService
    let language: Language
    let path: String
    let parameters: QueryParameters
    let dataset: String
    /// The reporter chosen on the page (`reporter=`), for datasets that hold several.
    let reporter: CountryCode?

    func text(_ en: String, _ nl: String) -> String { language.pick(en: en, nl: nl) }

    /// The whole page around `body`.
    func page(_ title: String, _ current: DashboardLayout.Page?, showDataset: Bool = false, body: String) -> String {
        DashboardLayout.page(
            title: title, language: language, current: current, path: path,
            parameters: parameters.pairs.map { ($0.name, $0.value) },
            dataset: showDataset ? dataset : nil, body: body)
    }

    /// A link keeping language, dataset and reporter.
    func link(_ path: String, extra: [(String, String)] = []) -> String {
        HTMLText.escape(
            DashboardLayout.link(
                path, language: language, dataset: dataset,
                extra: (reporter.map { [("reporter", $0.rawValue)] } ?? []) + extra))
    }

    /// The report document of the chosen dataset (the letter, or Tables 4 and 5 computed from a stored dataset).
    func report() throws -> ReportDocument {
        let imports = service.isBuiltIn(dataset) ? nil : dataset
        let (assessment, inputs) = try service.assessment(
            imports: imports, world: nil, thresholds: .letter, reporter: reporter)
        var floor: Double?
        if case .computed(_, _, _, _, let minimumValue, _) = assessment.concentration { floor = minimumValue }
        let settings = VulnerabilityReport.settings(thresholds: .letter, table5MinimumValue: floor)
        return VulnerabilityReport(
            assessment: assessment, language: language, provenance: Provenance(inputs: inputs, settings: settings)
        ).document()
    }

    /// A class as a coloured badge with its name.
    func badge(_ value: ConcentrationClass?) -> String {
        guard let value else { return "<span class=\"badge class-none\">\(text("no HHI", "geen HHI"))</span>" }
        return
            "<span class=\"badge class-\(value.rawValue)\">\(HTMLText.escape(language == .en ? value.nameEN : value.nameNL))</span>"
    }

    /// An HHI as a bar and a number (Dutch decimal comma in Dutch).
    func hhi(_ value: Double?, decimals: Int) -> String {
        guard let value else { return "" }
        let width = NumberFormat.fixed(min(max(value, 0), 1) * 100, decimals: 1, grouping: false)
        return
            "<span class=\"hhi\"><span class=\"hhi-bar\" aria-hidden=\"true\"><span style=\"width:\(width)%\"></span></span>\(number(value, decimals: decimals))</span>"
    }

    /// A number with grouping, written the way the language reads it.
    func number(_ value: Double, decimals: Int) -> String {
        DataTable.Cell.number(value, decimals: decimals).localizedDisplay(language)
    }
}

extension DataTable.Cell {
    /// The display text in `language`'s number format.
    func localizedDisplay(_ language: Language) -> String {
        DataTable(columns: [DataTable.Column("value", title: "")], rows: [[self]]).localized(language).rows[0][0]
            .display
    }
}
