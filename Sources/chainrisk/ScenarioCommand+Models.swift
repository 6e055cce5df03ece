import ArgumentParser
import ChainRiskCore
import ChainRiskIngest
import ChainRiskReport
import ChainRiskSimulation
import ChainRiskStore
import Foundation

extension ScenarioCommand {
    /// Static or dynamic propagation through the table of --mrio (the shared ScenarioRunner).
    func runTable(_ scenario: Scenario) throws -> ScenarioReport {
        let clock = ContinuousClock()
        let started = clock.now
        let loaded = try io.load()
        let read = clock.now
        guard !loaded.table.indices(ofRegion: reporter).isEmpty else {
            throw UsageError(message: "--reporter \(reporter) is not a region of the table; it has \(loaded.table.regions.joined(separator: ", "))")
        }
        let (scaling, scalingInputs) = try regionScaling()
        let inventory: (InventoryDays, String)
        do {
            inventory = try SimulationResources.inventory(for: loaded.table.sectors, override: inventoryDays)
        } catch let error as SimulationResources.InventoryOverrideError {
            throw UsageError(message: error.description)
        }
        let context = ScenarioRunner.Context(loaded: loaded, scaling: scaling, scalingInputs: scalingInputs, inventory: inventory.0, inventorySource: inventory.1)
        let shown = format == .table || format == .markdown ? top : nil
        let runner = ScenarioRunner(model: model, reporter: reporter, days: days, top: shown, series: series)
        let run = try runner.run(scenario, context: context)
        if timing, let simulationSeconds = run.simulationSeconds {
            let readSeconds = Double((read - started).components.seconds) + Double((read - started).components.attoseconds) * 1e-18
            FileOutput.standardError.write("chainrisk: read table \(NumberFormat.fixed(readSeconds, decimals: 3, grouping: false)) s, ARIO \(days) days on \(loaded.table.sectorCount) industries \(NumberFormat.fixed(simulationSeconds, decimals: 3, grouping: false)) s\n")
        }
        return run.report
    }

    /// Direct exposure: import value at risk per product from trade flows.
    func runDirect(_ scenario: Scenario) throws -> ScenarioReport {
        let source = try FlowInput(dataset: trade.dataset, inputs: trade.input, reading: trade.reading)
        let opened = OpenedStore(trade.store)
        let query = FlowQuery(years: trade.year.isEmpty ? nil : trade.year, flows: [.imports, .importsForOwnUse])
        var flows: [DirectExposure.Flow] = []
        var units = Set<String>(), reporters = Set<String>()
        try source.forEachFlow(store: opened.get, query: query) { flow in
            guard query.accepts(flow), let value = flow.value, flow.product.classification.family == .hs else { return }
            flows.append(DirectExposure.Flow(partner: flow.partner.rawValue, product: flow.product.code, value: value))
            units.insert("\(flow.unit)")
            reporters.insert(flow.reporter.rawValue)
        }
        let map = try SimulationResources.productSectorMap()
        let rows = DirectExposure.rows(flows: flows, scenario: scenario, map: map)
        let tables = ScenarioTables(sectorNames: try SimulationResources.sectorNames())
        var notes = scenario.assumptions
        if flows.isEmpty { notes.append("no HS import flows in the data: direct exposure needs imports by partner and HS product") }
        if units.count > 1 { notes.append("the flows mix units (\(units.sorted().joined(separator: ", "))); values are summed as they are") }
        let shown = format == .table || format == .markdown ? top : nil
        let total = rows.reduce(0.0) { $0 + $1.valueAtRisk }
        let sections: [(key: String, table: DataTable)] = [
            ("scenario", tables.shocks(scenario)),
            ("products", tables.directProducts(rows, top: shown)),
            ("sectors", tables.directSectors(DirectExposure.bySector(rows))),
            ("totals", tables.totals([("value_at_risk", "Import value at risk", total), ("flows_read", "Import flows read", Double(flows.count))], unit: units.sorted().joined(separator: "+"))),
        ]
        let settings = ["model": "direct", "scenario": scenario.name, "scenario_source": scenario.source,
                        "reporters": reporters.sorted().joined(separator: " "), "product_sector_map": map.source]
        return ScenarioReport(title: "Scenario \(scenario.name): direct import value at risk", tables: sections, primary: "products", notes: notes,
                              provenance: Provenance(inputs: [try source.provenance(store: opened.get)], settings: settings))
    }
}
