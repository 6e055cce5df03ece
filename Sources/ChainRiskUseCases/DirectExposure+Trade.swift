import ChainRiskCore
import ChainRiskReport
import ChainRiskSimulation
import ChainRiskStore

extension Workspace {
    /// Direct exposure: import value at risk per HS product from trade flows (no input-output table needed).
    func directExposure(_ scenario: Scenario, source: FlowSource, years: [Int], top: Int?) throws -> ScenarioReport {
        let query = FlowQuery(years: years.isEmpty ? nil : years, flows: [.imports, .importsForOwnUse])
        var flows: [DirectExposure.Flow] = []
        var units = Set<String>(), reporters = Set<String>()
        try source.forEachFlow(in: self, matching: query) { flow in
            guard let value = flow.value, flow.product.classification.family == .hs else { return }
            flows.append(DirectExposure.Flow(partner: flow.partner.rawValue, product: flow.product.code, value: value))
            units.insert("\(flow.unit)")
            reporters.insert(flow.reporter.rawValue)
        }
        let resources = try simulationBundle()
        let rows = DirectExposure.rows(flows: flows, scenario: scenario, map: resources.productSectorMap)
        let tables = ScenarioTables(sectorNames: resources.sectorNames)
        var notes = scenario.assumptions
        if flows.isEmpty { notes.append("no HS import flows in the data: direct exposure needs imports by partner and HS product") }
        if units.count > 1 { notes.append("the flows mix units (\(units.sorted().joined(separator: ", "))); values are summed as they are") }
        let total = rows.reduce(0.0) { $0 + $1.valueAtRisk }
        let sections: [(key: String, table: DataTable)] = [
            ("scenario", tables.shocks(scenario)),
            ("products", tables.directProducts(rows, top: top)),
            ("sectors", tables.directSectors(DirectExposure.bySector(rows))),
            ("totals", tables.totals([("value_at_risk", "Import value at risk", total), ("flows_read", "Import flows read", Double(flows.count))], unit: units.sorted().joined(separator: "+"))),
        ]
        let settings = ["model": "direct", "scenario": scenario.name, "scenario_source": scenario.source,
                        "reporters": reporters.sorted().joined(separator: " "), "product_sector_map": resources.productSectorMap.source]
        return ScenarioReport(title: "Scenario \(scenario.name): direct import value at risk", tables: sections, primary: "products", notes: notes,
                              provenance: Provenance(inputs: [try source.provenance(in: self)], settings: settings))
    }
}
