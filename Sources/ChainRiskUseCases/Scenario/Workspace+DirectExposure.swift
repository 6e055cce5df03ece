import ChainRiskCore
import ChainRiskReport
import ChainRiskSimulation
import ChainRiskStore

extension Workspace {
    /// Direct exposure: import value at risk per HS product from trade flows (no input-output table needed).
    ///
    /// One reporter's imports in one unit: `reporter` (required when the data holds several); a shock naming only
    /// products the data does not hold is an empty selection (65), never "0 at risk".
    func directExposure(_ scenario: Scenario, source: FlowSource, years: [Int], reporter: String?, top: Int?) throws
        -> ScenarioReport
    {
        let query = FlowQuery(
            reporters: reporter.map { [CountryCode(verbatim: $0)] }, years: years.isEmpty ? nil : years,
            flows: [.imports, .importsForOwnUse])
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
        let held = Set(read.map(\.reporter)).sorted()
        if reporter == nil, held.count > 1 {
            let list = held.prefix(40).joined(separator: ", ") + (held.count > 40 ? ", …" : "")
            throw RequestError(
                "reporter",
                "the data holds the imports of \(held.count) reporters (\(list)); choose one with --reporter ISO3 (import value at risk is one country's)"
            )
        }
        let heldUnits = Set(read.map(\.unit)).sorted()
        guard heldUnits.count == 1 else { throw MixedUnits(units: heldUnits, analysis: "import value at risk") }
        try Self.requireShockProducts(scenario, held: read.map(\.product), map: try simulationBundle().productSectorMap)
        // Data that mixes levels would count a heading and its chapter both: a code under a coarser code of the data
        // is left out, the coarser code covers it.
        let nested = ProductCode.covered(in: Set(read.map(\.product).filter { !$0.isTotal }))
        read = read.filter { !nested.contains($0.product) }
        let flows = read.map(\.flow)
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
                    ], unit: heldUnits[0])
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

extension Workspace {
    /// Throws `EmptySelection` for a shock that names products or sectors none of whose products the data holds: its
    /// "0 at risk" would be an absence of data, not a finding.
    static func requireShockProducts(_ scenario: Scenario, held: [ProductCode], map: ProductSectorMap) throws {
        let codes = Set(held.filter { !$0.isTotal }.map(\.code))
        for (number, shock) in scenario.shocks.enumerated() where !(shock.products.isEmpty && shock.sectors.isEmpty) {
            let covered = codes.contains { DirectExposure.covers(shock, product: $0, sector: map.sector(of: $0)) }
            guard !covered else { continue }
            let named = (shock.products.map { "hs\($0)" } + shock.sectors).joined(separator: ",")
            let chapters = Set(codes.map { String($0.prefix(2)) }).sorted()
            throw EmptySelection(
                "shock \(number + 1) names \(named), and the data holds no imports of it: it holds \(codes.count) HS products in chapters \(chapters.joined(separator: ", ")); import value at risk needs data on the products the shock hits"
            )
        }
    }
}
