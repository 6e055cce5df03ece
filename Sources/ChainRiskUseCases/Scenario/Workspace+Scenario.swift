import ChainRiskAnalysis
public import ChainRiskCore
import ChainRiskIO
import ChainRiskIngest
public import ChainRiskReport
public import ChainRiskSimulation
import Foundation

/// A scenario's report, with the daily simulation behind it (ARIO) and how long reading and simulating took.
public struct ScenarioResult: Sendable {
    public let report: ScenarioReport
    public let simulation: ARIOResult?
    /// Seconds spent reading the table (nil when it was prepared already or no table was read).
    public let readSeconds: Double?
    /// Seconds the ARIO simulation took.
    public let simulationSeconds: Double?
    /// Industries of the table (0 for the direct model).
    public let sectorCount: Int
}

extension Workspace {
    /// Runs the scenario: direct exposure on trade data, or propagation through the table.
    public func scenario(_ request: ScenarioRequest) throws -> ScenarioResult {
        try request.validate()
        let scenario = try buildScenario(request)
        let context: ScenarioRunner.Context
        var readSeconds: Double?
        switch request.data {
        case .trade(let source, let years):
            try Self.requireKnownRegions(scenario) {
                CountryTable.shared.country(CountryCode(verbatim: $0)) != nil
                    ? nil : "not a country of the country table (ISO 3166 alpha-3, e.g. CHN)"
            }
            return ScenarioResult(
                report: try directExposure(
                    scenario, source: source, years: years, reporter: request.settings.reporter,
                    top: request.settings.top),
                simulation: nil, readSeconds: nil, simulationSeconds: nil, sectorCount: 0)
        case .prepared(let prepared):
            context = prepared
        case .table(let source, let inventoryDays, let regionMap, let countryOutput):
            let clock = ContinuousClock()
            let started = clock.now
            let loaded = try source.load()
            readSeconds = (clock.now - started).seconds
            _ = try Self.resolvedSettings(request.settings, regions: loaded.table.regions)
            context = try ScenarioRunner.Context.prepared(
                for: loaded, inventoryDays: inventoryDays, regionMap: regionMap, countryOutput: countryOutput)
        }
        let regions = Set(context.loaded.table.regions)
        let countries = context.scaling.regionOfCountry
        // A real country outside the table (PHL in the 11-region WIOD table) is left out with a note by the planner; a
        // code that is neither a table region nor a country is a typing error.
        try Self.requireKnownRegions(scenario) { region in
            regions.contains(region) || countries[region] != nil
                || CountryTable.shared.country(CountryCode(verbatim: region)) != nil
                ? nil
                : "neither a region of the table (\(regions.sorted().joined(separator: ", "))) nor a country"
        }
        try Self.requireKnownSectors(
            scenario, sectors: context.loaded.table.sectors, productMap: try simulationBundle().productSectorMap)
        try Self.requireStartWithinHorizon(scenario, days: request.settings.days)
        let settings = try Self.resolvedSettings(request.settings, regions: context.loaded.table.regions)
        let runner = ScenarioRunner(settings: settings)
        let run = try runner.run(scenario, context: context, resources: try simulationBundle())
        return ScenarioResult(
            report: run.report, simulation: run.simulation, readSeconds: readSeconds,
            simulationSeconds: run.simulationSeconds, sectorCount: context.loaded.table.sectorCount)
    }

    /// `settings` with the reporter chosen by the one rule (`ScenarioSettings.defaultReporter`) and checked against the
    /// table's regions (checked before the table is prepared, so a typing error costs no preparation).
    static func resolvedSettings(_ settings: ScenarioSettings, regions: [String]) throws -> ScenarioSettings {
        var resolved = settings
        let reporter = settings.reporter ?? ScenarioSettings.defaultReporter(in: regions)
        guard regions.contains(reporter) else { throw IOError.unknownRegion(reporter, known: regions) }
        resolved.reporter = reporter
        return resolved
    }

    /// Throws a `RequestError` naming the first region of a shock that `problem` finds unknown (a shock on a region
    /// nobody knows would silently change nothing).
    static func requireKnownRegions(_ scenario: Scenario, problem: (String) -> String?) throws {
        for shock in scenario.shocks {
            for region in shock.regions {
                if let reason = problem(region) {
                    throw RequestError("shock", "unknown region '\(region)' in the scenario: \(reason)")
                }
            }
        }
    }

    /// Throws a `RequestError` naming the first sector of a shock that the table does not have, or product that maps to
    /// none of its sectors (either would silently change nothing).
    static func requireKnownSectors(_ scenario: Scenario, sectors: [IOSectorLabel], productMap: ProductSectorMap) throws
    {
        let known = sectors.sectorCodes
        let codes = Set(known)
        for (number, shock) in scenario.shocks.enumerated() {
            for sector in ShockPlanner.expand(shock.sectors, known: known) where !codes.contains(sector) {
                let range = known.count > 1 ? "\(known[0])…\(known[known.count - 1])" : known.joined()
                throw RequestError(
                    "shock", "unknown sector '\(sector)' in shock \(number + 1): the table's sectors are \(range)")
            }
            for product in shock.products
            where productMap.sectors(matching: product).allSatisfy({ !codes.contains($0) }) {
                throw RequestError(
                    "shock",
                    "product '\(product)' in shock \(number + 1) maps to no sector of the table (HS codes of 2 to 6 digits, e.g. 8542)"
                )
            }
        }
    }

    /// Throws a `RequestError` when a shock starts on or after the last simulated day.
    static func requireStartWithinHorizon(_ scenario: Scenario, days: Int) throws {
        for (number, shock) in scenario.shocks.enumerated() where shock.startDay >= days {
            throw RequestError(
                "start-day",
                "shock \(number + 1) starts on day \(shock.startDay), beyond the \(days) simulated days (--days)")
        }
    }

    /// The scenario of the request's definition.
    public func buildScenario(_ request: ScenarioRequest) throws -> Scenario {
        switch request.definition {
        case .scenario(let scenario):
            return scenario
        case .file(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                throw InputError(.missingFile, "no such file: \(path)", at: nil)
            }
            return try ScenarioFileReader().read(try InputFile.named(path))
        case .fileContents(let bytes, let name):
            return try ScenarioFileReader().read(InputFile(bytes: bytes, name: name))
        case .event(let id, let eventsFile, let loss, let sectors):
            var inputs: [Provenance.Input] = []
            let catalogue = try EventCatalogue(dataset: try letter(), user: try userEvents(eventsFile, inputs: &inputs))
            guard let chosen = catalogue.event(id: id) else {
                throw RequestError(
                    "event",
                    "no event \(id); `chainrisk events` lists ids \(catalogue.events.map { String($0.id) }.joined(separator: ", "))"
                )
            }
            return EventScenario(
                loss: loss, sectors: sectors, recovery: request.settings.recovery,
                recoveryDays: request.settings.recoveryDays, startDay: request.settings.startDay
            ).scenario(for: chosen)
        case .shocks(let specs):
            let shocks = try specs.map {
                try ShockSpecification.parse(
                    $0, recovery: request.settings.recovery, recoveryDays: request.settings.recoveryDays,
                    startDay: request.settings.startDay)
            }
            return Scenario(name: specs.joined(separator: " "), source: "--shock", shocks: shocks)
        }
    }
}
