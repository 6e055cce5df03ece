import ChainRiskCore
import ChainRiskReport
import ChainRiskSimulation
import ChainRiskStore

extension Workspace {
    /// Direct exposure: import value at risk per HS product from trade flows (no input-output table needed).
    func directExposure(_ scenario: Scenario, source: FlowSource, years: [Int], top: Int?) throws -> ScenarioReport {
        let query = FlowQuery(years: years.isEmpty ? nil : years, flows: [.imports, .importsForOwnUse])
        var read: [(year: Int, product: ProductCode, flow: DirectExposure.Flow, unit: String, reporter: String)] = []
        try source.forEachFlow(in: self, matching: query) { flow in
            guard let value = flow.value, flow.product.classification.family == .hs else { return }
            read.append(
                (
                    flow.year, flow.product,
                    DirectExposure.Flow(partner: flow.partner.rawValue, product: flow.product.code, value: value),
                    "\(flow.unit)", flow.reporter.rawValue
                ))
        }
        // A year's imports are at risk, not the sum of several years': the latest year unless the request names years.
        let usedYears = years.isEmpty ? read.map(\.year).max().map { [$0] } ?? [] : years.sorted()
        read = read.filter { usedYears.contains($0.year) }
        guard !read.isEmpty else { throw try emptySelection(source, query: query, productPrefix: nil) }
        // Data that mixes levels would count a heading and its chapter both: a code under a coarser code of the data
        // is left out, the coarser code covers it.
        let nested = ProductCode.covered(in: Set(read.map(\.product).filter { !$0.isTotal }))
        read = read.filter { !nested.contains($0.product) }
        let flows = read.map(\.flow)
        let units = Set(read.map(\.unit))
        let reporters = Set(read.map(\.reporter))
        let resources = try simulationBundle()
        let rows = DirectExposure.rows(flows: flows, scenario: scenario, map: resources.productSectorMap)
        let tables = ScenarioTables(sectorNames: resources.sectorNames)
        var notes = scenario.assumptions
        if !nested.isEmpty {
            notes.append(
                "\(nested.count) product codes lie under a coarser code of the data and are left out so that nothing is counted twice: \(nested.map(\.code).sorted().prefix(10).joined(separator: ", "))\(nested.count > 10 ? ", …" : "")"
            )
        }
        if usedYears.count > 1 {
            notes.append(
                "values are summed over the years \(usedYears.map(String.init).joined(separator: ", ")): import value at risk of several years"
            )
        }
        if units.count > 1 {
            notes.append(
                "the flows mix units (\(units.sorted().joined(separator: ", "))); values are summed as they are")
        }
        let total = rows.reduce(0.0) { $0 + $1.valueAtRisk }
        let sections: [(key: String, table: DataTable)] = [
            ("scenario", tables.shocks(scenario)),
            ("products", tables.directProducts(rows, top: top)),
            ("sectors", tables.directSectors(DirectExposure.bySector(rows))),
            (
                "totals",
                tables.totals(
                    [
                        ("value_at_risk", "Import value at risk", total),
                        ("flows_read", "Import flows read", Double(flows.count)),
                    ], unit: units.sorted().joined(separator: "+"))
            ),
        ]
        let settings = [
            "model": "direct", "scenario": scenario.name, "scenario_source": scenario.source,
            "reporters": reporters.sorted().joined(separator: " "),
            "years": usedYears.map(String.init).joined(separator: ","),
            "product_sector_map": resources.productSectorMap.source,
        ]
        return ScenarioReport(
            title:
                "Scenario \(scenario.name): direct import value at risk, \(usedYears.map(String.init).joined(separator: "+"))",
            tables: sections, primary: "products", notes: notes,
            provenance: Provenance(inputs: [try source.provenance(in: self)], settings: settings))
    }
}
