import ChainRiskAnalysis
import ChainRiskCore
import ChainRiskIO
import ChainRiskIngest
import ChainRiskReport
import ChainRiskSimulation
import ChainRiskUseCases
import Foundation
import Hummingbird
import NIOCore

extension APIRoutes {
    /// Origins (the letter's Table 3) and scenario runs, from the input-output table the server was started with.
    func registerInputOutput(on table: RouteTable) {
        table.get(Self.prefix + "/origins") { request, _ in
            let parameters = QueryParameters(request.uri)
            try parameters.allowOnly(["reporter", "by", "measure", "lang"])
            let loaded = try service.requireInputOutput()
            let reporter = try parameters.string("reporter", maximumLength: 40) ?? "NLD"
            let bySector = try parameters.choice("by", ["category", "sector"], default: "category") == "sector"
            let measure = try parameters.choice("measure", OriginMeasure.allCases, default: .importContent)
            let language = try parameters.language()
            return try await cached(request) { [service] in
                let builder = OriginTableBuilder(reporter: reporter, measure: measure, bySector: bySector)
                return try service.workspace.origins(
                    OriginsRequest(table: loaded, builder: builder, language: language)
                ).render(.json)
            }
        }
        table.get(Self.prefix + "/exposure") { request, _ in
            let parameters = QueryParameters(request.uri)
            try parameters.allowOnly(["reporter", "supplier", "by"])
            let loaded = try service.requireInputOutput()
            let reporter = try parameters.string("reporter", maximumLength: 40) ?? "NLD"
            let supplier = try parameters.string("supplier", maximumLength: 40)
            let rows = try parameters.choice("by", ExposureRows.allCases, default: .industry)
            return try await cached(request) { [service] in
                try service.workspace.exposure(
                    ExposureRequest(table: loaded, reporter: reporter, supplier: supplier, rows: rows)
                ).render(.json, language: .en)
            }
        }
        table.add(.post, Self.prefix + "/scenarios") { request, _ in
            let parameters = QueryParameters(request.uri)
            try parameters.allowOnly([
                "event", "model", "reporter", "days", "top", "loss", "sectors", "production", "substitution", "shock",
                "compare", "band",
            ])
            let model = try parameters.choice("model", ScenarioModel.tableModels, default: .ario)
            let reporter = try parameters.string("reporter", maximumLength: 40)
            let days = try parameters.integer("days", in: 1...service.configuration.maximumScenarioDays) ?? 365
            let top = try parameters.integer("top", in: 1...10_000)
            let event = try parameters.integer("event", in: 1...10_000)
            let loss = try parameters.number("loss")
            let sectors = parameters.list("sectors")
            let production = try parameters.choice("production", ProductionFunction.allCases, default: .partial)
            let substitution = try parameters.number("substitution") ?? ScenarioRequest.defaultSubstitution
            let shockKind = try parameters.choice("shock", StaticPropagation.ShockKind.allCases, default: .supply)
            let compare = try parameters.flag("compare")
            let band = try parameters.flag("band", default: true)
            // Each value is valid alone; the combination is not, so it is unprocessable (422), like event= with a body.
            if shockKind == .demand, !compare, model != .leontief, model != .iim {
                throw APIError(
                    .unprocessableContent, "conflicting_input",
                    "shock: demand (lost final demand) needs model=leontief or iim; ghosh is supply-driven and ario simulates lost capacity"
                )
            }
            var request = request
            let body = try await request.collectBody(upTo: service.configuration.bodyLimit)
            let context = try service.requireScenarioContext()
            let definition: ScenarioRequest.Definition
            if let event {
                guard body.readableBytes == 0 else {
                    throw APIError(
                        .unprocessableContent, "conflicting_input",
                        "event: give either event= or a scenario file as the body, not both")
                }
                definition = .event(id: event, eventsFile: nil, loss: loss, sectors: sectors.isEmpty ? nil : sectors)
            } else {
                guard body.readableBytes > 0 else {
                    throw APIError(
                        .unprocessableContent, "no_scenario",
                        "body: send a scenario file (JSON, as for chainrisk scenario --file) or give event=N")
                }
                definition = .fileContents(Array(body.readableBytesView), name: "request body")
            }
            var scenario = ScenarioRequest(definition: definition, data: .prepared(context))
            (scenario.settings.model, scenario.settings.reporter, scenario.settings.days, scenario.settings.top) = (
                model, reporter, days, top
            )
            (scenario.settings.production, scenario.settings.substitution) = (production, substitution)
            (scenario.settings.shockKind, scenario.settings.compare, scenario.settings.band) = (
                shockKind, compare, band
            )
            // Ranges are the use case's, checked once and answered as 400 before any body is read as a scenario.
            try scenario.validate()
            // The key is the scenario's definition itself with the run's settings, one value (every field counts).
            let run = CacheKey.Body.scenario(definition, scenario.settings)
            let fromBody = event == nil
            return try await service.cached(
                path: Self.prefix + "/scenarios", query: "", body: run, lane: .long, contentType: Self.json
            ) { [service, scenario] in
                do {
                    return try service.workspace.scenario(scenario).report.render(.json)
                } catch let error as RequestError where fromBody {
                    // A scenario file that names what the table does not have is unusable data (422), like a bad upload.
                    throw APIError(
                        .unprocessableContent, "bad_scenario",
                        "\(error.parameter.map(Face.http.parameter) ?? "scenario"): \(error.message(on: .http))")
                }
            }
        }
    }
}

extension AnalysisService {
    /// The input-output table, or 404 when the server was started without one.
    func requireInputOutput() throws -> LoadedInputOutputTable {
        guard let loaded = configuration.inputOutput else {
            throw APIError(
                .notFound, "no_input_output_table",
                "this server has no input-output table: start it with chainrisk serve --mrio PATH")
        }
        return loaded
    }

    /// The scenario context (table, region scaling, inventories), or 404 without a table.
    func requireScenarioContext() throws -> ScenarioRunner.Context {
        guard let scenarioContext else {
            _ = try requireInputOutput()
            throw APIError(.notFound, "no_input_output_table", "no scenario context")
        }
        return scenarioContext
    }
}
